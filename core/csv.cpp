#include "core/csv.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
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
    // all of the field: a NUL byte inside it ends the C string, not the field
    const std::string shown = text.size() > 20 ? text.substr(0, 17) + "..." : text;
    if (end != text.c_str() + text.size()) {
        *why = "'" + shown + "' is not a number";
        return false;
    }
    if (!std::isfinite(v)) {
        *why = "'" + shown + "' is not finite";
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

    // What kind of labels. Classes: every label −1 or 1; or every label a whole number from 0 to
    // kMaxClasses − 1. Mixing the two conventions (−1 beside 0, 2, ...) is refused. Anything else —
    // a label with a fraction, or whole numbers beyond the class range — is a regression target.
    bool whole = true, plus_minus_one = true, class_ids = true;
    std::size_t minus_one = label.size(), zero = label.size();  // the first of each, for the message
    for (std::size_t i = 0; i < label.size(); ++i) {
        const double v = label[i];
        if (v != std::floor(v)) whole = false;
        if (v != -1.0 && v != 1.0) plus_minus_one = false;
        if (!(v >= 0.0 && v < kMaxClasses)) class_ids = false;
        if (v == -1.0 && minus_one == label.size()) minus_one = i;
        if (v == 0.0 && zero == label.size()) zero = i;
    }
    int classes = 0;
    if (whole && plus_minus_one) {
        for (double& v : label) v = v > 0 ? 1.0 : 0.0;  // Playground's ±1: −1 is class 0
        classes = 2;
    } else if (whole && class_ids) {
        classes = std::max(2, static_cast<int>(*std::max_element(label.begin(), label.end())) + 1);
    } else if (whole && minus_one < label.size() && zero < label.size()) {
        bool only_small = true;  // −1, 0 and 1 only: two class conventions mixed, not a regression
        for (double v : label) only_small = only_small && v >= -1.0 && v <= 1.0;
        if (only_small) {
            line_no = label_line[std::max(minus_one, zero)];
            return fail("label " + std::string(minus_one > zero ? "-1" : "0") + " mixes label kinds: line " +
                        std::to_string(label_line[std::min(minus_one, zero)]) + " has " +
                        (minus_one > zero ? "0 (labels 0/1)" : "-1 (labels ±1)") +
                        "; use -1 and 1, or class ids 0, 1, 2, ...");
        }
    }
    *out = dataset_from_columns(x1, x2, label, classes);
    return true;
}

bool load_dataset_csv(const std::string& path, Dataset* out, std::string* error) {
    // Only a plain file: a folder would read as empty, and a device such as /dev/zero never ends.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        *error = "'" + path + "' is a folder, not a CSV file";
        return false;
    }
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
        *error = "'" + path + "' is not a plain file";
        return false;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        *error = "cannot read '" + path + "'";
        return false;
    }
    // Read until the end or just past the limit, so a file that grows while it is read (or one in /proc,
    // which has no size) cannot take all the memory.
    std::string text;
    char chunk[1 << 16];
    while (text.size() <= kMaxCsvBytes && file.read(chunk, sizeof chunk).gcount() > 0)
        text.append(chunk, static_cast<std::size_t>(file.gcount()));
    if (text.size() > kMaxCsvBytes) {
        *error = path + " is larger than " + std::to_string(kMaxCsvBytes / (1024 * 1024)) + " MB; " +
                 "a dataset has at most " + std::to_string(kMaxCsvRows) + " points";
        return false;
    }
    if (!parse_dataset_csv(text, out, error)) {
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
