// Datasets read from CSV: every kind of label, and every bad row reported with its line.
#include "core/csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace actlab::core {
namespace {

TEST(Csv, ReadsTheThreeKindsOfLabels) {
    Dataset d;
    std::string error;
    ASSERT_TRUE(parse_dataset_csv("x1,x2,label\n1,2,1\n-1,0.5,-1\n3,4,1\n", &d, &error)) << error;
    EXPECT_EQ(d.classes, 2);
    EXPECT_EQ(d.size(), 3);
    EXPECT_EQ(d.target[1], 0.0);  // -1 is class 0
    EXPECT_EQ(d.x(1, 1), 0.5);
    ASSERT_TRUE(parse_dataset_csv("x1,x2,label\r\n0,0,0\r\n1,1,2\r\n\r\n2,2,1\r\n", &d, &error)) << error;
    EXPECT_EQ(d.classes, 3);
    ASSERT_TRUE(parse_dataset_csv("\xEF\xBB\xBFx1, x2, label\n0,0,0.25\n1,1,-3.5\n", &d, &error)) << error;
    EXPECT_EQ(d.classes, 0);
    EXPECT_EQ(d.target[1], -3.5);
}

TEST(Csv, WholeNumbersOutsideTheClassConventionsAreRegressionTargets) {
    Dataset d;
    std::string error;
    ASSERT_TRUE(parse_dataset_csv("x1,x2,label\n1,2,-2\n3,4,0\n5,6,7\n", &d, &error)) << error;
    EXPECT_EQ(d.classes, 0);
    ASSERT_TRUE(parse_dataset_csv("x1,x2,label\n1,2,0\n3,4,12\n", &d, &error)) << error;
    EXPECT_EQ(d.classes, 0);
    ASSERT_TRUE(parse_dataset_csv("x1,x2,label\n1,2,0\n3,4,2000000\n5,6,1e300\n", &d, &error)) << error;
    EXPECT_EQ(d.classes, 0);
    EXPECT_EQ(d.target[2], 1e300);
    ASSERT_TRUE(parse_dataset_csv("x1,x2,label\n1,2,0\n3,4,9\n", &d, &error)) << error;
    EXPECT_EQ(d.classes, 10);
}

TEST(Csv, RoundTrips) {
    Dataset d;
    std::string error;
    ASSERT_TRUE(parse_dataset_csv("x1,x2,label\n0.1,1e-300,1\n-7,3,0\n", &d, &error));
    Dataset back;
    ASSERT_TRUE(parse_dataset_csv(dataset_csv(d), &back, &error)) << error;
    EXPECT_TRUE(back.x == d.x && back.target == d.target && back.classes == d.classes);
}

TEST(Csv, EveryBadInputIsReportedWithItsLineAndChangesNothing) {
    const struct {
        std::string text;
        std::string message;
    } cases[] = {
        {"", "the file is empty"},
        {"\n\n", "the file is empty"},
        {"a,b,c\n1,2,1\n", "line 1: the header must be x1,x2,label"},
        {"x1,x2,label\n1,2,1\n", "has 1 point; at least two"},
        {"x1,x2,label\n1,2,1\n3,4\n", "line 3: expected 3 values (x1,x2,label), found 2"},
        {"x1,x2,label\n1,2,1\n3,4,1,5\n", "line 3: expected 3 values"},
        {"x1,x2,label\n1,abc,1\n3,4,1\n", "line 2: x2 'abc' is not a number"},
        {"x1,x2,label\n1,2,1\n3,,1\n", "line 3: x2 is empty"},
        {"x1,x2,label\n1,2,1\nnan,4,1\n", "line 3: x1 'nan' is not finite"},
        {"x1,x2,label\n1,2,inf\n3,4,1\n", "line 2: label 'inf' is not finite"},
        {"x1,x2,label\n1,2,1e999\n3,4,1\n", "line 2: label '1e999' is not finite"},
        {"x1,x2,label\n1,2,-1\n3,4,0\n", "line 3: label 0 mixes label kinds: line 2 has -1"},
        {"x1,x2,label\n1,2,0\n3,4,1\n5,6,-1\n", "line 4: label -1 mixes label kinds: line 2 has 0"},
    };
    for (const auto& c : cases) {
        Dataset d;
        d.classes = 7;
        std::string error;
        EXPECT_FALSE(parse_dataset_csv(c.text, &d, &error)) << c.text;
        EXPECT_NE(error.find(c.message), std::string::npos) << "got: " << error;
        EXPECT_EQ(d.classes, 7);
        EXPECT_EQ(d.size(), 0);
    }
}

TEST(Csv, RefusesMoreThanTheRowLimit) {
    std::string text = "x1,x2,label\n";
    for (int i = 0; i <= kMaxCsvRows; ++i) text += "1,2,1\n";
    Dataset d;
    std::string error;
    EXPECT_FALSE(parse_dataset_csv(text, &d, &error));
    EXPECT_NE(error.find("line " + std::to_string(kMaxCsvRows + 2) + ": more than 100000 points"), std::string::npos)
        << error;
}

TEST(Csv, NamesAFileThatCannotBeRead) {
    Dataset d;
    std::string error;
    EXPECT_FALSE(load_dataset_csv("/nonexistent/points.csv", &d, &error));
    EXPECT_EQ(error, "cannot read '/nonexistent/points.csv'");
}

// Hostile files (tests/fuzz/fuzz_csv.cpp tries their like): each was misread, hung or was reported badly.

TEST(Csv, ANulByteInsideANumberIsRefused) {
    Dataset d;
    std::string error;
    const char raw[] = "x1,x2,label\n1,2\0junk,1\n3,4,0\n";
    const std::string text(raw, sizeof raw - 1);
    EXPECT_FALSE(parse_dataset_csv(text, &d, &error));
    EXPECT_EQ(error.rfind("line 2: x2 '2", 0), 0u) << error;
    EXPECT_NE(error.find("' is not a number"), std::string::npos) << error;
}

TEST(Csv, ALongNumberTooLargeForADoubleIsQuotedShort) {
    Dataset d;
    std::string error;
    const std::string huge = "1" + std::string(300, '0') + "e999";
    EXPECT_FALSE(parse_dataset_csv("x1,x2,label\n" + huge + ",2,1\n3,4,0\n", &d, &error));
    EXPECT_EQ(error, "line 2: x1 '10000000000000000...' is not finite");
}

TEST(Csv, AFolderOrADeviceIsRefusedByName) {
    Dataset d;
    std::string error;
    const std::string folder = std::filesystem::temp_directory_path().string();
    EXPECT_FALSE(load_dataset_csv(folder, &d, &error));
    EXPECT_EQ(error, "'" + folder + "' is a folder, not a CSV file");
    EXPECT_FALSE(load_dataset_csv("/dev/zero", &d, &error));  // would never end
    EXPECT_EQ(error, "'/dev/zero' is not a plain file");
}

TEST(Csv, AFileLargerThanAnyDatasetIsRefusedBeforeItIsParsed) {
    const auto path = std::filesystem::temp_directory_path() / ("actlab-test-csv-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path) << "x1,x2,label\n";
    std::filesystem::resize_file(path, kMaxCsvBytes + 1);  // sparse: no disk used
    Dataset d;
    std::string error;
    EXPECT_FALSE(load_dataset_csv(path.string(), &d, &error));
    EXPECT_EQ(error, path.string() + " is larger than 64 MB; a dataset has at most 100000 points");
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace actlab::core
