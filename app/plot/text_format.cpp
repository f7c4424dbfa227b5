#include "app/plot/text_format.h"

#include "app/plot/plot_math.h"

#include <cmath>
#include <cstdio>

namespace actlab::plot {

namespace {

// "4.2e-05" → "4.2e-5", "1.5e+20" → "1.5e20": the exponent as a reader writes it.
std::string tidy_exponent(std::string s) {
    const size_t e = s.find_first_of("eE");
    if (e == std::string::npos) return s;
    size_t at = e + 1;
    if (at < s.size() && s[at] == '+') s.erase(at, 1);
    else if (at < s.size() && s[at] == '-') ++at;
    while (at + 1 < s.size() && s[at] == '0') s.erase(at, 1);
    return s;
}

std::string special(double value) {
    if (std::isnan(value)) return "NaN";
    return value > 0 ? "∞" : "−∞";
}

}  // namespace

std::string format_significant(double value, int digits) {
    if (!std::isfinite(value)) return special(value);
    if (value == 0.0) return "0";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits < 1 ? 1 : digits, value);
    return minus_signs(tidy_exponent(buf));
}

std::string format_decimals(double value, int decimals, int digits) {
    if (!std::isfinite(value)) return special(value);
    if (decimals < 0) decimals = 0;
    if (value == 0.0) value = 0.0;  // −0 too
    char buf[64];
    // two significant digits or more in `decimals` places: |value| ≥ 10^(1 − decimals), as printed
    const double two_digits = std::pow(10.0, 1 - decimals);
    if (value == 0.0 || std::fabs(value) >= two_digits * (1.0 - 0.5e-12)) {
        std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
        return minus_signs(buf);
    }
    return format_significant(value, digits);
}

std::string format_thousands(long value) {
    std::string s = std::to_string(value);
    const int first = s[0] == '-' ? 1 : 0;
    for (int i = static_cast<int>(s.size()) - 3; i > first; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
}

std::string sentence(const std::string& clause) {
    std::string s = clause;
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (s.empty()) return s;
    // a word, not a name such as x1 or relu's id, gets its capital
    size_t word = 0;
    while (word < s.size() && s[word] >= 'a' && s[word] <= 'z') ++word;
    if (word > 0 && (word == s.size() || std::string(" ,:;?!.").find(s[word]) != std::string::npos))
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    const char last = s.back();
    if (last != '.' && last != '?' && last != '!') s += '.';
    return s;
}

std::vector<std::string> wrap_text(const std::string& text, float width,
                                   const std::function<float(const std::string&)>& measure) {
    std::vector<std::string> lines;
    const float space = measure(" ");
    size_t start = 0;
    for (;;) {
        const size_t end = text.find('\n', start);
        const std::string paragraph = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        // words between single spaces (a run of spaces keeps its inner spaces in the word after it)
        std::string line;
        float line_width = 0.0f;
        bool empty = true;
        size_t at = 0;
        while (at <= paragraph.size()) {
            size_t next = paragraph.find(' ', at);
            if (next == std::string::npos) next = paragraph.size();
            const std::string word = paragraph.substr(at, next - at);
            const float w = measure(word);
            if (empty) {
                line = word;
                line_width = w;
                empty = false;
            } else if (line_width + space + w <= width || word.empty()) {
                line += " " + word;
                line_width += space + w;
            } else {
                lines.push_back(line);
                line = word;
                line_width = w;
            }
            at = next + 1;
        }
        lines.push_back(line);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

}  // namespace actlab::plot
