// The plot widget's pure half: value↔pixel mapping and 1-2-5 ticks.
#include "app/plot/plot_math.h"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>

using namespace actlab::plot;

TEST(Transform, MapsEndsAndRoundTrips) {
    const Transform t{-5.0, 5.0, 100.0, 900.0, false};
    EXPECT_DOUBLE_EQ(t.to_pixel(-5.0), 100.0);
    EXPECT_DOUBLE_EQ(t.to_pixel(5.0), 900.0);
    EXPECT_DOUBLE_EQ(t.to_pixel(0.0), 500.0);
    for (double v : {-4.2, 0.0, 1.5, 3.25}) EXPECT_NEAR(t.to_value(t.to_pixel(v)), v, 1e-12);
}

TEST(Transform, YAxisPointsDown) {
    const Transform t{0.0, 1.0, 500.0, 100.0, false};  // value 0 at the bottom pixel
    EXPECT_DOUBLE_EQ(t.to_pixel(0.0), 500.0);
    EXPECT_DOUBLE_EQ(t.to_pixel(1.0), 100.0);
    EXPECT_DOUBLE_EQ(t.to_value(300.0), 0.5);
}

TEST(Transform, LogAxisIsLinearInDecades) {
    const Transform t{1e-6, 1.0, 0.0, 600.0, true};
    EXPECT_NEAR(t.to_pixel(1e-6), 0.0, 1e-9);
    EXPECT_NEAR(t.to_pixel(1e-3), 300.0, 1e-9);
    EXPECT_NEAR(t.to_pixel(1.0), 600.0, 1e-9);
    EXPECT_NEAR(t.to_value(100.0) / 1e-5, 1.0, 1e-12);
}

TEST(Ticks, NiceStepIsOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(nice_step(0.7), 1.0);
    EXPECT_DOUBLE_EQ(nice_step(1.0), 1.0);
    EXPECT_DOUBLE_EQ(nice_step(1.3), 2.0);
    EXPECT_DOUBLE_EQ(nice_step(2.0), 2.0);
    EXPECT_DOUBLE_EQ(nice_step(3.0), 5.0);
    EXPECT_DOUBLE_EQ(nice_step(7.0), 10.0);
    EXPECT_DOUBLE_EQ(nice_step(0.03), 0.05);
    EXPECT_DOUBLE_EQ(nice_step(240.0), 500.0);
    EXPECT_DOUBLE_EQ(nice_step(0.1 + 0.2 - 0.1), 0.2);  // 0.20000000000000001 stays a 2
}

TEST(Ticks, LinearTicksCoverTheRangeWithNiceLabels) {
    const std::vector<Tick> ticks = linear_ticks(-5.0, 5.0, 10);
    std::vector<std::string> labels;
    for (const Tick& t : ticks)
        if (t.major) labels.push_back(t.label);
    const std::vector<std::string> want = {"\xE2\x88\x92" "5", "\xE2\x88\x92" "4", "\xE2\x88\x92" "3", "\xE2\x88\x92" "2",
                                           "\xE2\x88\x92" "1", "0", "1", "2", "3", "4", "5"};
    EXPECT_EQ(labels, want);
    for (const Tick& t : ticks) {
        EXPECT_GE(t.value, -5.0);
        EXPECT_LE(t.value, 5.0);
    }
}

TEST(Ticks, DecimalLabelsHaveNoRoundingNoise) {
    std::vector<std::string> labels;
    for (const Tick& t : linear_ticks(0.0, 1.0, 5))
        if (t.major) labels.push_back(t.label);
    const std::vector<std::string> want = {"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"};
    EXPECT_EQ(labels, want);
    // 0.1 + 0.2 is 0.30000000000000004, but its label is 0.3; and -0 is printed as 0
    EXPECT_EQ(format_tick(0.1 + 0.2, 0.1), "0.3");
    EXPECT_EQ(format_tick(-1e-17, 0.1), "0.0");
}

TEST(Ticks, MinorTicksSplitEachStep) {
    int major = 0, minor = 0;
    for (const Tick& t : linear_ticks(0.0, 10.0, 5)) (t.major ? major : minor)++;
    EXPECT_EQ(major, 6);       // 0, 2, ..., 10
    EXPECT_EQ(minor, 5 * 3);   // a step of 2 is split in quarters
}

TEST(Ticks, ScientificLabelsForTinyAndHugeValues) {
    EXPECT_EQ(format_tick(2e-7, 1e-7), "2e\xE2\x88\x92" "7");
    EXPECT_EQ(format_tick(3e8, 1e8), "3e8");
    EXPECT_EQ(format_tick(-1.5e9, 5e8), "\xE2\x88\x92" "1.5e9");
}

TEST(Ticks, LogTicksAtPowersOfTen) {
    std::vector<std::string> labels;
    int minors = 0;
    for (const Tick& t : log_ticks(1e-3, 10.0, 8)) {
        if (t.major) labels.push_back(t.label);
        else ++minors;
    }
    const std::vector<std::string> want = {"0.001", "0.01", "0.1", "1", "10"};
    EXPECT_EQ(labels, want);
    EXPECT_EQ(minors, 4 * 8);  // 2..9 in each of the four decades
    // Many decades: every k-th power, no minors.
    int majors = 0;
    for (const Tick& t : log_ticks(1e-30, 1.0, 6)) {
        EXPECT_TRUE(t.major);
        ++majors;
    }
    EXPECT_LE(majors, 8);
    EXPECT_GE(majors, 4);
}

TEST(Ticks, DegenerateRangesGiveNoTicks) {
    EXPECT_TRUE(linear_ticks(1.0, 1.0, 5).empty());
    EXPECT_TRUE(linear_ticks(2.0, 1.0, 5).empty());
    EXPECT_TRUE(linear_ticks(0.0, INFINITY, 5).empty());
    EXPECT_TRUE(log_ticks(-1.0, 1.0, 5).empty());
}

TEST(Ticks, ARangeTooNarrowForItsMagnitudeGivesNoTicksInsteadOfHanging) {
    EXPECT_TRUE(linear_ticks(1e16, 1e16 + 4, 5).empty());
}

TEST(Ticks, LogAxisZoomedInsideADecadeStillHasLabels) {
    for (auto [lo, hi] : {std::pair{2.0, 3.0}, std::pair{0.2, 0.9}, std::pair{1.5, 9.0}, std::pair{2.1, 2.9}}) {
        int labelled = 0;
        for (const Tick& t : log_ticks(lo, hi, 6)) labelled += t.major && !t.label.empty();
        EXPECT_GE(labelled, 2) << lo << " to " << hi;
    }
}

// Labels on a log axis stay at least 1/target of the axis apart, whatever the range: a short axis
// (or large text) has a small target, and its labels must thin out instead of piling up.
TEST(Ticks, LogLabelsNeverCrowdTheAxis) {
    const std::pair<double, double> ranges[] = {{0.05, 9.0}, {0.15, 9.0}, {1e-4, 10.0}, {0.02, 0.9}, {2.0, 3.0},
                                                {0.3, 40.0}, {1e-30, 1.0}, {0.011, 0.099}};
    for (auto [lo, hi] : ranges)
        for (int target : {2, 3, 4, 8}) {
            std::vector<double> labelled;
            for (const Tick& t : log_ticks(lo, hi, target))
                if (t.major) labelled.push_back(std::log10(t.value));
            ASSERT_GE(labelled.size(), 2u) << lo << " to " << hi << ", target " << target;
            const double gap = (std::log10(hi) - std::log10(lo)) / target;
            for (size_t i = 1; i < labelled.size(); ++i)
                EXPECT_GE(labelled[i] - labelled[i - 1], gap * (1 - 1e-6)) << lo << " to " << hi << ", target " << target;
        }
}

TEST(Ticks, LogAxisOverAFewDecadesWithRoomForTwoLabelsGetsTwoNotEight) {
    // "Activations per layer" at large text: 0.05 .. 9 with room for two labels
    int labelled = 0;
    for (const Tick& t : log_ticks(0.05, 9.0, 2)) labelled += t.major;
    EXPECT_EQ(labelled, 2);
}

TEST(Ticks, LinearAxisHasAtLeastThreeLabels) {
    // the logits of the 12-class preset at large text: steps of 5 would label only the 0
    std::vector<std::string> labels;
    for (const Tick& t : linear_ticks(-3.18, 4.1, 2))
        if (t.major) labels.push_back(t.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"−2", "0", "2", "4"}));
    for (auto [lo, hi] : {std::pair{0.5, 30.5}, std::pair{-0.6, 1.1}, std::pair{0.0, 1.0}}) {
        int majors = 0;
        for (const Tick& t : linear_ticks(lo, hi, 2)) majors += t.major;
        EXPECT_GE(majors, 3) << lo << " to " << hi;
    }
}

TEST(View, PanMovesTheRangeWithTheMouse) {
    double lo = -5, hi = 5;
    const Transform t{lo, hi, 0.0, 1000.0, false};
    pan_range(&lo, &hi, false, 100.0, t);  // mouse moved 100 px right: content follows, range moves left
    EXPECT_DOUBLE_EQ(lo, -6.0);
    EXPECT_DOUBLE_EQ(hi, 4.0);
}

TEST(View, LogAxisPansByDecades) {
    double lo = 1e-6, hi = 1.0;
    const Transform t{lo, hi, 600.0, 0.0, true};   // a y axis: pixels grow downwards
    pan_range(&lo, &hi, true, 100.0, t);           // dragged down by one decade's height
    EXPECT_NEAR(std::log10(lo), -5.0, 1e-12);
    EXPECT_NEAR(std::log10(hi), 1.0, 1e-12);
}

TEST(View, ZoomKeepsTheAnchorInPlace) {
    double lo = -5, hi = 5;
    zoom_range(&lo, &hi, false, 2.0, 0.5);
    EXPECT_DOUBLE_EQ(lo, -1.5);
    EXPECT_DOUBLE_EQ(hi, 3.5);
    double a = 1e-4, b = 1e2;
    zoom_range(&a, &b, true, 1.0, 0.5);  // about 10^0 on a log axis: 3 decades each side become 1.5
    EXPECT_NEAR(std::log10(a), -2.0, 1e-12);
    EXPECT_NEAR(std::log10(b), 1.0, 1e-12);
}

TEST(View, SanitiseKeepsRangesUsable) {
    double lo = 1.0, hi = 1.0;
    sanitise_range(&lo, &hi, false);
    EXPECT_LT(lo, hi);
    lo = NAN, hi = 3;
    sanitise_range(&lo, &hi, false);
    EXPECT_TRUE(std::isfinite(lo) && std::isfinite(hi) && lo < hi);
    lo = 5, hi = -5;
    sanitise_range(&lo, &hi, false);
    EXPECT_EQ(lo, -5);
    EXPECT_EQ(hi, 5);
    lo = -1, hi = 10;
    sanitise_range(&lo, &hi, true);  // a log axis cannot show 0 or less
    EXPECT_GT(lo, 0.0);
    EXPECT_GT(hi, lo);
}

TEST(Labels, MinusSignIsTheTypographicOne) {
    EXPECT_EQ(minus_signs("x = -1.5e-3"), "x = \xE2\x88\x92" "1.5e\xE2\x88\x92" "3");
}

TEST(Labels, AZeroHasNoSign) {
    // GELU far left is −0.0; a small negative at three places is "-0.000": both are plain zeros
    EXPECT_EQ(format_number(-0.0, "%g"), "0");
    EXPECT_EQ(format_number(-0.0, "%.10g"), "0");
    EXPECT_EQ(format_number(-0.0001, "%.3f"), "0.000");
    EXPECT_EQ(format_number(-0.0001, "T = %.2f"), "T = 0.00");
    EXPECT_EQ(format_number(-0.001, "%.3f"), "\xE2\x88\x92" "0.001");
    EXPECT_EQ(format_number(-1e-300, "%g"), "\xE2\x88\x92" "1e\xE2\x88\x92" "300");
    EXPECT_EQ(format_number(0.0, "%.2f"), "0.00");
}

TEST(Ticks, ANarrowRangeGetsEnoughDigitsToTellTicksApart) {
    std::vector<std::string> labels;
    for (const Tick& t : linear_ticks(1.0, 1.0000000001, 5))
        if (t.major) labels.push_back(t.label);
    ASSERT_GE(labels.size(), 3u);
    for (size_t i = 1; i < labels.size(); ++i) EXPECT_NE(labels[i], labels[i - 1]);
    EXPECT_EQ(labels.front().rfind("1.0000000000", 0), 0u) << labels.front();
}

TEST(Ticks, AHugeRangeWritesEveryLabelWithOneExponent) {
    std::vector<std::string> labels;
    for (const Tick& t : linear_ticks(-1e6, 1e6, 4))
        if (t.major) labels.push_back(t.label);
    const std::vector<std::string> want = {"\xE2\x88\x92" "1.0e6", "\xE2\x88\x92" "0.5e6", "0", "0.5e6", "1.0e6"};
    EXPECT_EQ(labels, want);
}

// A dragged slider lands on values a teacher can hit exactly; Shift gives values ten times closer.
TEST(PlotMath, SlidersSnapToRoundValues) {
    using actlab::plot::snap_ladder;
    using actlab::plot::snap_linear;
    using actlab::plot::snap_log;
    // linear: the 1-2-5 step with at least 100 positions over the range
    EXPECT_EQ(snap_linear(0.1234, 0, 1, false), 0.12);
    EXPECT_EQ(snap_linear(0.1234, 0, 1, true), 0.123);
    EXPECT_EQ(snap_linear(0.30000000000000004, 0, 1, false), 0.3);
    EXPECT_EQ(snap_linear(-0.95, -10, 10, false), -1.0);  // steps of 0.2, from 0
    EXPECT_EQ(snap_linear(0.07, -10, 10, false), 0.0);    // 0 is always a stop when the range holds it
    EXPECT_EQ(snap_linear(0.07, -10, 10, true), 0.08);
    EXPECT_EQ(snap_linear(9.99, -10, 10, false), 10.0);
    EXPECT_EQ(snap_linear(12.0, -10, 10, false), 10.0);   // held to the range
    EXPECT_EQ(snap_linear(0.5004, 0.001, 1, false), 0.5);
    // log: 1, 2, 5 × 10^k, nearest on the log scale
    EXPECT_EQ(snap_log(0.0923, 0.01, 100, false), 0.1);
    EXPECT_EQ(snap_log(11.1, 0.01, 100, false), 10.0);
    EXPECT_EQ(snap_log(3.4, 0.01, 100, false), 5.0);
    EXPECT_EQ(snap_log(2.9, 0.01, 100, false), 2.0);
    EXPECT_EQ(snap_log(11.1, 0.01, 100, true), 11.0);
    EXPECT_EQ(snap_log(0.0123, 0.01, 100, true), 0.012);
    EXPECT_EQ(snap_log(700, 1, 1000, false), 500.0);
    EXPECT_EQ(snap_log(800, 1, 1000, false), 1000.0);
    EXPECT_EQ(snap_log(0.6, 1, 1000, false), 1.0);  // held to the range
    // the temperature's ladder (R10): the odd values land on 0.1 and 10
    const double r10[] = {1.0, 1.25, 1.6, 2.0, 2.5, 3.2, 4.0, 5.0, 6.3, 8.0};
    EXPECT_EQ(snap_ladder(0.0923, r10, 10, 0.01, 100, false), 0.1);
    EXPECT_EQ(snap_ladder(11.1, r10, 10, 0.01, 100, false), 10.0);
    EXPECT_EQ(snap_ladder(0.63, r10, 10, 0.01, 100, false), 0.63);
    EXPECT_EQ(snap_ladder(1.14, r10, 10, 0.01, 100, false), 1.25);
    EXPECT_EQ(snap_ladder(0.0101, r10, 10, 0.01, 100, false), 0.01);
    EXPECT_EQ(snap_ladder(99.0, r10, 10, 0.01, 100, false), 100.0);
    EXPECT_EQ(snap_ladder(11.14, r10, 10, 0.01, 100, true), 11.1);
}
