#include "core/csv.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace actlab::core {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> split_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::stringstream ss(line);
    while (std::getline(ss, field, ',')) fields.push_back(trim(field));
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

// A number; the reason it is not one otherwise.
bool read_number(const std::string& text, double* out, std::string* why) {
    if (text.empty()) {
        *why = "is empty";
        return false;
    }
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (*end != '\0') {
        *why = "'" + (text.size() > 20 ? text.substr(0, 17) + "..." : text) + "' is not a number";
        return false;
    }
    if (!std::isfinite(v)) {
        *why = "'" + text + "' is not finite";
        return false;
    }
    *out = v;
    return true;
}

}  // namespace

bool parse_dataset_csv(const std::string& text, Dataset* out, std::string* error) {
    std::stringstream in(text);
    std::string line;
    int line_no = 0;
    auto fail = [&](const std::string& why) {
        *error = "line " + std::to_string(line_no) + ": " + why;
        return false;
    };
    // the header, after any blank lines
    bool have_header = false;
    while (std::getline(in, line)) {
        ++line_no;
        if (trim(line).empty()) continue;
        std::string header = trim(line);
        if (header.size() >= 3 && header.compare(0, 3, "\xEF\xBB\xBF") == 0) header = header.substr(3);  // UTF-8 BOM
        const std::vector<std::string> names = split_fields(header);
        if (names != std::vector<std::string>{"x1", "x2", "label"})
            return fail("the header must be x1,x2,label (found '" + header.substr(0, 40) + "')");
        have_header = true;
        break;
    }
    if (!have_header) {
        *error = "the file is empty: it needs a header x1,x2,label and at least two points";
        return false;
    }
    std::vector<double> x1, x2, label;
    std::vector<int> label_line;
    while (std::getline(in, line)) {
        ++line_no;
        if (trim(line).empty()) continue;
        if (static_cast<int>(x1.size()) >= kMaxCsvRows)
            return fail("more than " + std::to_string(kMaxCsvRows) + " points; the limit is " +
                        std::to_string(kMaxCsvRows));
        const std::vector<std::string> fields = split_fields(line);
        if (fields.size() != 3)
            return fail("expected 3 values (x1,x2,label), found " + std::to_string(fields.size()));
        double v[3];
        const char* names[3] = {"x1", "x2", "label"};
        for (int k = 0; k < 3; ++k) {
            std::string why;
            if (!read_number(fields[k], &v[k], &why)) return fail(std::string(names[k]) + " " + why);
        }
        x1.push_back(v[0]);
        x2.push_back(v[1]);
        label.push_back(v[2]);
        label_line.push_back(line_no);
    }
    if (x1.size() < 2) {
        *error = "the file has " + std::to_string(x1.size()) + " point" + (x1.size() == 1 ? "" : "s") +
                 "; at least two are needed (one to train on, one to test)";
        return false;
    }

    // What kind of labels: ±1, 0/1 or class ids, or regression values.
    bool integers = true, has_minus_one = false, has_other_negative = false, has_zero_or_more = false;
    int max_label = 0;
    for (double v : label) {
        if (v != std::floor(v)) integers = false;
        if (v == -1.0) has_minus_one = true;
        else if (v < 0.0) has_other_negative = true;
        else has_zero_or_more = true;
        if (v >= 0 && v <= 1e6) max_label = std::max(max_label, static_cast<int>(v));
    }
    Dataset d;
    if (!integers) {
        d.classes = 0;
    } else if (has_minus_one) {
        // ±1 labels: anything but -1 and 1 mixes two conventions
        for (std::size_t i = 0; i < label.size(); ++i)
            if (label[i] != -1.0 && label[i] != 1.0) {
                line_no = label_line[i];
                return fail("label " + std::to_string(static_cast<long>(label[i])) +
                            " mixes label kinds: earlier lines use ±1 labels, which allow only -1 and 1");
            }
        for (double& v : label) v = v > 0 ? 1.0 : 0.0;
        d.classes = 2;
    } else if (has_other_negative) {
        for (std::size_t i = 0; i < label.size(); ++i)
            if (label[i] < 0) {
                line_no = label_line[i];
                return fail("label " + std::to_string(static_cast<long>(label[i])) +
                            " is negative: class ids count from 0 (or use ±1, or values with a fraction for "
                            "regression)");
            }
    } else {
        (void)has_zero_or_more;
        d.classes = std::max(2, max_label + 1);
        if (d.classes > kMaxClasses) {
            for (std::size_t i = 0; i < label.size(); ++i)
                if (label[i] >= kMaxClasses) {
                    line_no = label_line[i];
                    return fail("class " + std::to_string(static_cast<long>(label[i])) + " is too large: at most " +
                                std::to_string(kMaxClasses) + " classes (0 to " + std::to_string(kMaxClasses - 1) +
                                ")");
                }
        }
    }
    *out = dataset_from_columns(x1, x2, label, d.classes);
    return true;
}

bool load_dataset_csv(const std::string& path, Dataset* out, std::string* error) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        *error = "cannot read '" + path + "'";
        return false;
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    if (!parse_dataset_csv(buffer.str(), out, error)) {
        *error = path + ", " + *error;
        return false;
    }
    return true;
}

std::string dataset_csv(const Dataset& data) {
    std::string text = "x1,x2,label\n";
    char line[128];
    for (int i = 0; i < data.size(); ++i) {
        if (data.classes == 0)
            std::snprintf(line, sizeof line, "%.17g,%.17g,%.17g\n", data.x(i, 0), data.x(i, 1), data.target(i));
        else
            std::snprintf(line, sizeof line, "%.17g,%.17g,%d\n", data.x(i, 0), data.x(i, 1),
                          static_cast<int>(data.target(i)));
        text += line;
    }
    return text;
}

}  // namespace actlab::core
