// Numbers and lines of text as labels, tables and tooltips show them: small values keep their
// significant digits, a zero has no sign, and a line never breaks inside a number.
#include "app/plot/text_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace actlab::plot;

namespace {

const std::string kMinus = "\xE2\x88\x92";  // U+2212

// Every character one unit wide (a multi-byte character counts once): widths are easy to reason about.
float chars(const std::string& s) {
    float n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST(FormatSignificant, SmallValuesKeepTheirDigits) {
    EXPECT_EQ(format_significant(0.00042, 2), "0.00042");
    EXPECT_EQ(format_significant(0.00042, 4), "0.00042");
    EXPECT_EQ(format_significant(0.0004, 3), "0.0004");
    EXPECT_EQ(format_significant(4.2e-5, 2), "4.2e" + kMinus + "5");
    EXPECT_EQ(format_significant(1.5e-43, 2), "1.5e" + kMinus + "43");
    EXPECT_EQ(format_significant(4.9406564584124654e-324, 2), "4.9e" + kMinus + "324");  // the smallest double
    EXPECT_EQ(format_significant(1e-5, 4), "1e" + kMinus + "5");
}

TEST(FormatSignificant, OrdinaryAndLargeValues) {
    EXPECT_EQ(format_significant(0.25, 4), "0.25");
    EXPECT_EQ(format_significant(1.0, 4), "1");
    EXPECT_EQ(format_significant(1.04321, 4), "1.043");
    EXPECT_EQ(format_significant(1.04321, 3), "1.04");
    EXPECT_EQ(format_significant(123.456, 4), "123.5");
    EXPECT_EQ(format_significant(1234.5, 4), "1234");   // %g: round half to even on the binary value
    EXPECT_EQ(format_significant(12345.0, 4), "1.234e4");
    EXPECT_EQ(format_significant(1.5e20, 3), "1.5e20");
    EXPECT_EQ(format_significant(-2.5, 4), kMinus + "2.5");
    EXPECT_EQ(format_significant(-3e-7, 2), kMinus + "3e" + kMinus + "7");
    EXPECT_EQ(format_significant(0.1 + 0.2, 4), "0.3");
}

TEST(FormatSignificant, ZeroHasNoSignAndSpecialValuesHaveNames) {
    EXPECT_EQ(format_significant(0.0), "0");
    EXPECT_EQ(format_significant(-0.0), "0");
    EXPECT_EQ(format_significant(std::numeric_limits<double>::infinity()), "∞");
    EXPECT_EQ(format_significant(-std::numeric_limits<double>::infinity()), kMinus + "∞");
    EXPECT_EQ(format_significant(std::numeric_limits<double>::quiet_NaN()), "NaN");
    // a tiny negative is not zero: its sign stays
    EXPECT_EQ(format_significant(-1e-300, 2), kMinus + "1e" + kMinus + "300");
}

TEST(FormatDecimals, AColumnKeepsItsPlacesUntilAValueNeedsDigits) {
    EXPECT_EQ(format_decimals(0.25, 3), "0.250");
    EXPECT_EQ(format_decimals(1.0, 3), "1.000");
    EXPECT_EQ(format_decimals(0.0123, 3), "0.012");
    EXPECT_EQ(format_decimals(0.01, 3), "0.010");     // two significant digits in three places
    EXPECT_EQ(format_decimals(0.0099, 3), "0.0099");  // fewer: significant digits instead of "0.010"
    EXPECT_EQ(format_decimals(0.0042, 3), "0.0042");  // not "0.004"
    EXPECT_EQ(format_decimals(0.00042, 3), "0.00042");
    EXPECT_EQ(format_decimals(0.0004, 3), "0.0004");  // not "0.000"
    EXPECT_EQ(format_decimals(4.2e-5, 3), "4.2e" + kMinus + "5");
    EXPECT_EQ(format_decimals(1.234e-9, 4, 3), "1.23e" + kMinus + "9");
    EXPECT_EQ(format_decimals(0.00049, 4), "0.00049");
    EXPECT_EQ(format_decimals(0.0012, 4), "0.0012");  // 10^(1−4) and up: four places
    EXPECT_EQ(format_decimals(0.5, 2), "0.50");
    EXPECT_EQ(format_decimals(0.05, 2), "0.05");      // below 10^(1−2): its own digits, not "0.05" padded
}

TEST(FormatDecimals, ZeroAndNegatives) {
    EXPECT_EQ(format_decimals(0.0, 3), "0.000");
    EXPECT_EQ(format_decimals(-0.0, 3), "0.000");
    EXPECT_EQ(format_decimals(-0.25, 3), kMinus + "0.250");
    EXPECT_EQ(format_decimals(-0.00042, 3), kMinus + "0.00042");
    EXPECT_EQ(format_decimals(std::numeric_limits<double>::infinity(), 3), "∞");
}

TEST(WrapText, BreaksOnlyAtSpacesNeverInsideANumber) {
    // Dear ImGui breaks after a '.', so a narrow cell showed "1." above "5e−43"
    const std::string note = "multiplied by 1.5e" + kMinus + "43";
    const std::vector<std::string> lines = wrap_text(note, 14, chars);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "multiplied by");
    EXPECT_EQ(lines[1], "1.5e" + kMinus + "43");
    // narrower than the number: it keeps a line of its own, whole
    const std::vector<std::string> narrow = wrap_text("by 1.5e" + kMinus + "43 here", 3, chars);
    EXPECT_EQ(narrow, (std::vector<std::string>{"by", "1.5e" + kMinus + "43", "here"}));
}

TEST(WrapText, ANoBreakSpaceKeepsANumberWithItsUnit) {
    const std::string text = "noise at 30\u00A0% with few points";
    const std::vector<std::string> lines = wrap_text(text, 11, chars);
    EXPECT_EQ(lines, (std::vector<std::string>{"noise at", "30\u00A0% with", "few points"}));
}

TEST(WrapText, FillsLinesGreedilyAndKeepsNewlines) {
    EXPECT_EQ(wrap_text("a bb ccc dddd", 6, chars), (std::vector<std::string>{"a bb", "ccc", "dddd"}));
    EXPECT_EQ(wrap_text("a bb ccc dddd", 100, chars), (std::vector<std::string>{"a bb ccc dddd"}));
    EXPECT_EQ(wrap_text("one\ntwo three", 100, chars), (std::vector<std::string>{"one", "two three"}));
    EXPECT_EQ(wrap_text("", 10, chars), (std::vector<std::string>{""}));
    EXPECT_EQ(wrap_text("exactly6", 8, chars), (std::vector<std::string>{"exactly6"}));
    // a line exactly as wide as allowed fits
    EXPECT_EQ(wrap_text("abc def", 7, chars), (std::vector<std::string>{"abc def"}));
    EXPECT_EQ(wrap_text("abc def", 6.5f, chars), (std::vector<std::string>{"abc", "def"}));
}

TEST(WrapText, EveryLineFitsUnlessOneWordIsWider) {
    const std::string text = "Training collapsed in epoch 803: the training loss jumped from 0.00213 (epoch 761, "
                             "its lowest) to 0.96, worse than the untrained network's 0.514, and stayed there.";
    for (float width : {10.0f, 20.0f, 33.0f, 60.0f}) {
        std::string joined;
        for (const std::string& line : wrap_text(text, width, chars)) {
            const bool one_word = line.find(' ') == std::string::npos;
            EXPECT_TRUE(chars(line) <= width || one_word) << line;
            joined += (joined.empty() ? "" : " ") + line;
        }
        EXPECT_EQ(joined, text);  // nothing lost, only spaces turned into breaks
    }
}

TEST(Sentence, AClauseBecomesASentenceThatCanBeFollowedByAnother) {
    // the playground's refusal: "…, not identity The change was not made." lacked its full stop
    EXPECT_EQ(sentence("the data have two classes: use output tanh, sigmoid or softmax, not identity") +
                  " The change was not made.",
              "The data have two classes: use output tanh, sigmoid or softmax, not identity. The change was not made.");
    EXPECT_EQ(sentence("Already a sentence."), "Already a sentence.");
    EXPECT_EQ(sentence("why? "), "Why?");
    EXPECT_EQ(sentence("x1 is too large"), "x1 is too large.");  // a name keeps its case
    EXPECT_EQ(sentence("1 point is not enough"), "1 point is not enough.");
    EXPECT_EQ(sentence(""), "");
}
