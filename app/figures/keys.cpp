#include "app/figures/keys.h"

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
    if (*end != '\0' || !std::isfinite(v)) return false;
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
    return value.size() <= 60 ? value : value.substr(0, 57) + "...";
}

std::string key_error(const std::string& key, const std::string& value, const std::string& why) {
    return "'" + key + "=" + quoted(value) + "': " + why;
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

}  // namespace actlab::app
