#include "app/figures/keys.h"

#include "core/activation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace actlab::app {

bool split_key_value(const std::string& text, KeyValue* out, std::string* error) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        *error = "'" + quoted(text) + "' must be KEY=VALUE";
        return false;
    }
    *out = {text.substr(0, eq), text.substr(eq + 1)};
    return true;
}

std::string trimmed(const std::string& text) {
    const auto b = text.find_first_not_of(" \t");
    const auto e = text.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::string item;
    std::stringstream ss(text);
    while (std::getline(ss, item, ',')) items.push_back(trimmed(item));
    if (!text.empty() && text.back() == ',') items.emplace_back();
    return items;
}

bool parse_finite(const std::string& raw, double* out) {
    const std::string text = trimmed(raw);
    if (text.empty()) return false;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    // all of the text: a NUL byte inside it (settings.json may hold "1\u0000x") ends the C string only
    if (end != text.c_str() + text.size() || !std::isfinite(v)) return false;
    *out = v;
    return true;
}

bool parse_finite_list(const std::string& text, std::vector<double>* out, std::string* bad_item) {
    std::vector<double> values;
    for (const std::string& item : split_list(text)) {
        double v = 0.0;
        if (!parse_finite(item, &v)) {
            *bad_item = item;
            return false;
        }
        values.push_back(v);
    }
    *out = std::move(values);
    return true;
}

bool parse_whole(const std::string& text, long lo, long hi, long* out) {
    double v = 0.0;
    if (!parse_finite(text, &v) || v != std::floor(v) || v < static_cast<double>(lo) || v > static_cast<double>(hi))
        return false;
    *out = static_cast<long>(v);
    return true;
}

std::string quoted(const std::string& value) {
    std::string cut = value;
    if (cut.size() > 60) {
        std::size_t end = 57;
        while (end > 0 && (static_cast<unsigned char>(cut[end]) & 0xC0) == 0x80) --end;  // not inside a UTF-8 character
        cut = cut.substr(0, end) + "...";
    }
    return one_line(cut);
}

std::string one_line(const std::string& text) {
    // control characters shown as escapes, so a message stays one line ("a\nb", not a line break)
    std::string shown;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n') shown += "\\n";
        else if (c == '\r') shown += "\\r";
        else if (c == '\t') shown += "\\t";
        else if (u < 0x20 || u == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", u);
            shown += hex;
        } else shown += c;
    }
    return shown;
}

std::string key_error(const std::string& key, const std::string& value, const std::string& why) {
    return "'" + quoted(key) + "=" + quoted(value) + "': " + why;
}

std::string number_text(double v) {
    // the shortest of %.15g, %.16g, %.17g that reads back to v: 0.1, not 0.10000000000000001
    char buf[40];
    for (int digits = 15; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

std::string known_activation_ids() {
    std::string s;
    for (int i = 0; i < core::activation_count(); ++i) s += (i ? ", " : "") + std::string(core::activation(i).id);
    return s;
}

bool parse_activation_param(const std::string& key, const std::string& value, int* activation, int* slot,
                            double* number, std::string* error) {
    const auto dot = key.find('.');
    if (dot == std::string::npos) return false;
    auto fail = [&](const std::string& why) {
        *error = why;
        return false;
    };
    const std::string id = key.substr(0, dot), name = key.substr(dot + 1);
    const int index = core::activation_index(id);
    if (index < 0) return fail("unknown activation '" + quoted(id) + "' (known: " + known_activation_ids() + ")");
    const core::Activation& act = core::activation(index);
    const int k = core::param_index(act, name);
    if (k < 0) {
        std::string names;
        for (int i = 0; i < act.param_count; ++i) names += (i ? ", " : "") + std::string(act.params[i].name);
        return fail(quoted(id) + " has " + (names.empty() ? "no parameters" : "only the parameter " + names));
    }
    const core::Param& p = act.params[k];
    if (!parse_finite(value, number)) return fail("not a finite number");
    if (*number < p.min || *number > p.max)
        return fail(std::string(p.name) + " of " + id + " must be from " + number_text(p.min) + " to " +
                    number_text(p.max));
    *activation = index;
    *slot = k;
    return true;
}

std::vector<ParamKey> activation_param_keys() {
    std::vector<ParamKey> keys;
    for (int i = 0; i < core::activation_count(); ++i) {
        const core::Activation& act = core::activation(i);
        for (int k = 0; k < act.param_count; ++k) keys.push_back({std::string(act.id) + "." + act.params[k].name, i, k});
    }
    return keys;
}

std::string range_text(double v) {
    // "1e-05" as "1e-5", 1000000 as "1e6": as a user types it
    if (std::fabs(v) >= 1e5 && std::fabs(v) < 1e15 && v == std::floor(v)) {
        int zeros = 0;
        double m = v;
        while (std::fmod(m, 10.0) == 0.0) m /= 10.0, ++zeros;
        if (zeros >= 5) return number_text(m) + "e" + std::to_string(zeros);
    }
    std::string s = number_text(v);
    const auto e = s.find('e');
    if (e == std::string::npos) return s;
    std::string exponent = s.substr(e + 1), sign;
    if (exponent[0] == '-' || exponent[0] == '+') {
        if (exponent[0] == '-') sign = "-";
        exponent.erase(0, 1);
    }
    while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
    return s.substr(0, e + 1) + sign + exponent;
}

std::string range_message(double lo, double hi) {
    return "must be a number from " + range_text(lo) + " to " + range_text(hi);
}

std::string whole_range_message(long lo, long hi) {
    return "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
}

bool number_in_range(const std::string& value, double lo, double hi, double* out, std::string* why) {
    double v = 0.0;
    if (!parse_finite(value, &v) || v < lo || v > hi) {
        *why = range_message(lo, hi);
        return false;
    }
    *out = v;
    return true;
}

bool whole_in_range(const std::string& value, long lo, long hi, long* out, std::string* why) {
    if (!parse_whole(value, lo, hi, out)) {
        *why = whole_range_message(lo, hi);
        return false;
    }
    return true;
}

bool int_in_range(const std::string& value, long lo, long hi, int* out, std::string* why) {
    long whole = 0;
    if (!whole_in_range(value, lo, hi, &whole, why)) return false;
    *out = static_cast<int>(whole);
    return true;
}

std::string joined_names(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i)
        s += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return s;
}

std::string format_key_help(const std::vector<std::pair<std::string, std::string>>& rows) {
    // the help starts in one column, 28 in; a longer key=example is followed by two spaces
    constexpr size_t column = 26;
    std::string text;
    for (const auto& [left, help] : rows) {
        std::string line = "  " + left + std::string(left.size() + 2 > column ? 2 : column - left.size(), ' ');
        for (const char c : std::string(help)) {
            line += c;
            if (c == '\n') line += std::string(column + 2, ' ');
        }
        text += line + "\n";
    }
    return text;
}

}  // namespace actlab::app
