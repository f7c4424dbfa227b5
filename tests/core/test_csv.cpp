// Datasets read from CSV: every kind of label, and every bad row reported with its line.
#include "core/csv.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace actlab::core
