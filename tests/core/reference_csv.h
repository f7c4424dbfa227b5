// Reading a committed reference table (tests/reference/*.csv): a header checked against the one
// expected, then each line's comma-separated fields.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::testing {

// The rows of tests/reference/<name> below its header, each split at commas.
inline std::vector<std::vector<std::string>> reference_rows(const std::string& name, const std::string& header) {
    const std::string path = std::string(ACTLAB_REFERENCE_DIR) + "/" + name;
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, header) << path;
    std::vector<std::vector<std::string>> rows;
    while (std::getline(in, line)) {
        std::stringstream fields(line);
        rows.emplace_back();
        for (std::string field; std::getline(fields, field, ',');) rows.back().push_back(field);
    }
    return rows;
}

}  // namespace actlab::testing
