// Keeping a plot's labels apart (app/plot/label_layout.h): a label in another's way moves up or
// down as little as it can, stays inside the bounds when it can, and one that fits stays put.
#include "app/plot/label_layout.h"

#include <gtest/gtest.h>

using actlab::plot::boxes_overlap;
using actlab::plot::place_label;
using actlab::plot::TextBox;

TEST(LabelLayout, ALabelThatFitsStaysWhereItIs) {
    const TextBox want{10, 50, 110, 66};
    const TextBox placed{200, 50, 300, 66};  // beside it, not in its way
    const TextBox got = place_label(want, {placed}, 0, 400, 2);
    EXPECT_EQ(got.y0, 50);
    EXPECT_EQ(got.x0, 10);
}

TEST(LabelLayout, ALabelOnAnotherMovesTheShorterWayAndKeepsTheGap) {
    const TextBox placed{0, 100, 200, 116};
    // a little below the other's middle: moving down is shorter
    TextBox got = place_label({50, 110, 150, 126}, {placed}, 0, 400, 3);
    EXPECT_FLOAT_EQ(got.y0, 119.0f + 0.01f);
    EXPECT_FALSE(boxes_overlap(got, placed, 3));
    EXPECT_EQ(got.x0, 50) << "labels move only up or down";
    // a little above it: up
    got = place_label({50, 95, 150, 111}, {placed}, 0, 400, 3);
    EXPECT_NEAR(got.y1, 97.0f, 0.02f);
    EXPECT_FALSE(boxes_overlap(got, placed, 3));
}

TEST(LabelLayout, TheSameSpotTwiceGoesNextToIt) {
    const TextBox a{0, 100, 200, 116};
    const TextBox got = place_label(a, {a}, 0, 400, 2);
    EXPECT_FALSE(boxes_overlap(got, a, 2));
    EXPECT_NEAR(std::abs(got.y0 - a.y0), 18.0f, 0.02f);
}

TEST(LabelLayout, TheBoundsAreKeptWhenThereIsRoom) {
    // near the top bound: the way up is shorter but leaves the area; down it goes
    const TextBox placed{0, 2, 200, 18};
    const TextBox got = place_label({0, 4, 200, 20}, {placed}, 0, 400, 2);
    EXPECT_GE(got.y0, 0.0f);
    EXPECT_FALSE(boxes_overlap(got, placed, 2));
    EXPECT_GT(got.y0, 18.0f);
}

TEST(LabelLayout, AStackOfLabelsIsClimbedPastNotInto) {
    // three labels one above the other; a fourth where the middle one is must clear all of them
    std::vector<TextBox> placed = {{0, 100, 100, 116}, {0, 118, 100, 134}, {0, 136, 100, 152}};
    const TextBox got = place_label({0, 118, 100, 134}, placed, 0, 400, 2);
    for (const TextBox& p : placed) EXPECT_FALSE(boxes_overlap(got, p, 2)) << got.y0;
    EXPECT_TRUE(got.y1 <= 98.0f + 0.02f || got.y0 >= 154.0f - 0.02f) << got.y0;
}

TEST(LabelLayout, WithNoRoomInsideTheNearestPlaceOutsideIsTaken) {
    const TextBox placed{0, 0, 100, 40};
    const TextBox got = place_label({0, 10, 100, 26}, {placed}, 0, 40, 2);  // the bounds are full
    EXPECT_FALSE(boxes_overlap(got, placed, 2));
}
