// The plot widget's layout rules (app/plot/plot_layout.h) on made-up sizes: the legend goes in a free
// corner of the data, else beside or below it, compact when it must, over the data only when nothing
// else fits, never nowhere; titles and labels wrap before they shrink and are never cut.
#include "app/plot/plot_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace plot = actlab::plot;
using plot::Box;
using plot::LegendPlace;

namespace {

constexpr float kFont = 20.0f;

// Labels measured as a font of kFont would: half a font height a character, wrapped at `wrap`.
std::function<plot::TextSize(int, float)> measure(const std::vector<std::string>& labels) {
    return [labels](int i, float wrap) {
        const float w = 0.5f * kFont * static_cast<float>(labels[static_cast<size_t>(i)].size());
        const float lines = std::max(1.0f, std::ceil(w / wrap));
        return plot::TextSize{std::min(w, wrap), lines * kFont};
    };
}

// A frame with a data area inside it, and an empty occupancy grid.
plot::LegendRequest request(const std::vector<std::string>& labels, Box frame, Box area) {
    plot::LegendRequest r;
    r.entries = static_cast<int>(labels.size());
    r.measure = measure(labels);
    r.font = kFont;
    r.frame = frame;
    r.area = area;
    r.occupancy.cells = 24;
    r.occupancy.count.assign(24 * 24, 0);
    r.min_area_width = 7 * kFont;
    r.min_area_height = 3.5f * kFont;
    return r;
}

// Marks the cells of the occupancy grid from (gx0, gy0) to (gx1, gy1), both included.
void occupy(plot::LegendRequest& r, int gx0, int gy0, int gx1, int gy1) {
    for (int y = gy0; y <= gy1; ++y)
        for (int x = gx0; x <= gx1; ++x) r.occupancy.count[static_cast<size_t>(y * 24 + x)] = 1;
}

const std::vector<std::string> kShort = {"ReLU", "tanh", "sigmoid"};
const std::vector<std::string> kLong = {"network: RMS of the gradient w.r.t. z", "chain view: |f'(1)|^(layers passed)"};

}  // namespace

TEST(PlotLayout, NoEntriesNoLegend) {
    plot::LegendRequest r = request({}, {0, 0, 800, 500}, {60, 40, 780, 440});
    EXPECT_EQ(plot::layout_legend(r).place, LegendPlace::None);
}

TEST(PlotLayout, AFreeCornerTakesTheLegendInsideTheTopLeftFirst) {
    plot::LegendRequest r = request(kShort, {0, 0, 800, 500}, {60, 40, 780, 440});
    const plot::LegendLayout l = plot::layout_legend(r);
    ASSERT_EQ(l.place, LegendPlace::Inside);
    EXPECT_TRUE(r.area.contains(l.box));
    EXPECT_LT(l.box.x0, 0.5f * (r.area.x0 + r.area.x1));  // west
    EXPECT_LT(l.box.y0, 0.5f * (r.area.y0 + r.area.y1));  // north
    EXPECT_EQ(l.area.width(), r.area.width());             // nothing taken from the data
    EXPECT_EQ(l.entries.size(), kShort.size());
}

TEST(PlotLayout, TheLegendAvoidsTheCornersTheDataCovers) {
    plot::LegendRequest r = request(kShort, {0, 0, 800, 500}, {60, 40, 780, 440});
    occupy(r, 0, 0, 23, 11);   // the whole top half
    occupy(r, 0, 12, 11, 23);  // and the bottom left
    r.corner = plot::Corner::NorthEast;  // asked for, but covered
    const plot::LegendLayout l = plot::layout_legend(r);
    ASSERT_EQ(l.place, LegendPlace::Inside);
    EXPECT_GT(l.box.x0, 0.5f * (r.area.x0 + r.area.x1));  // south east: the one corner left
    EXPECT_GT(l.box.y0, 0.5f * (r.area.y0 + r.area.y1));
    EXPECT_EQ(l.covered, 0);
}

TEST(PlotLayout, WithEveryCornerCoveredAWidePlotPutsItsLegendOnTheRight) {
    plot::LegendRequest r = request(kShort, {0, 0, 900, 400}, {60, 40, 880, 340});
    occupy(r, 0, 0, 23, 23);
    const plot::LegendLayout l = plot::layout_legend(r);
    ASSERT_EQ(l.place, LegendPlace::Right);
    EXPECT_TRUE(r.frame.contains(l.box));
    EXPECT_FALSE(l.area.overlaps(l.box)) << "the data area gives up the room";
    EXPECT_GE(l.area.width(), 0.55f * r.area.width());
    EXPECT_LE(l.box.height(), r.area.height());
}

TEST(PlotLayout, WithEveryCornerCoveredATallPlotPutsItsLegendBelow) {
    plot::LegendRequest r = request(kShort, {0, 0, 420, 700}, {60, 40, 400, 600});
    occupy(r, 0, 0, 23, 23);
    const plot::LegendLayout l = plot::layout_legend(r);
    ASSERT_EQ(l.place, LegendPlace::Below);
    EXPECT_TRUE(r.frame.contains(l.box));
    EXPECT_FALSE(l.area.overlaps(l.box));
    EXPECT_GT(l.box.y0, l.area.y1);
    EXPECT_GE(l.area.height(), 0.55f * r.area.height());
}

TEST(PlotLayout, LongLabelsWrapToStayInsideThePlot) {
    plot::LegendRequest r = request(kLong, {0, 0, 500, 360}, {70, 50, 480, 290});
    occupy(r, 0, 0, 23, 23);
    const plot::LegendLayout l = plot::layout_legend(r);
    ASSERT_NE(l.place, LegendPlace::None);
    EXPECT_TRUE(r.frame.contains(l.box)) << l.box.x0 << " " << l.box.y0 << " " << l.box.x1 << " " << l.box.y1;
    for (const plot::LegendEntryPlace& e : l.entries) EXPECT_LE(e.x + l.swatch + l.gap + e.wrap_width, r.frame.x1 + 0.5f);
}

TEST(PlotLayout, ASmallPlotStillKeepsItsLegendCompactAndInside) {
    // no room beside or below the data: compact, over the least covered corner, never dropped
    plot::LegendRequest r = request(kShort, {0, 0, 240, 170}, {50, 30, 230, 120});
    occupy(r, 0, 0, 23, 23);
    r.occupancy.count[0] = 0;  // the top left cell is free
    const plot::LegendLayout l = plot::layout_legend(r);
    ASSERT_EQ(l.place, LegendPlace::Over);
    EXPECT_TRUE(l.compact);
    EXPECT_TRUE(r.area.contains(l.box));
    EXPECT_GT(l.covered, 0);
}

TEST(PlotLayout, BackFromOutsideOnlyWithAMarginOfFreeCells) {
    // a corner free just past the box's edge: taken from scratch, but not at full size by a legend that
    // was outside last frame (it needs half a font height more), so it does not flip every frame
    plot::LegendRequest r = request(kShort, {0, 0, 900, 400}, {60, 40, 880, 340});
    const plot::LegendLayout inside = plot::layout_legend(r);
    ASSERT_EQ(inside.place, LegendPlace::Inside);
    // a fine grid (cells of 4 by 1.5 pixels), every cell taken but those under the box
    const int n = 200;
    r.occupancy.cells = n;
    r.occupancy.count.assign(static_cast<size_t>(n) * n, 1);
    const float aw = r.area.width() / n, ah = r.area.height() / n;
    for (int y = 0; y <= static_cast<int>((inside.box.y1 - r.area.y0) / ah); ++y)
        for (int x = 0; x <= static_cast<int>((inside.box.x1 - r.area.x0) / aw); ++x) r.occupancy.count[static_cast<size_t>(y * n + x)] = 0;
    EXPECT_EQ(plot::layout_legend(r).place, LegendPlace::Inside);
    EXPECT_FALSE(plot::layout_legend(r).compact);
    r.was_outside = true;  // the full box has no margin there: only the compact one comes back inside
    const plot::LegendLayout back = plot::layout_legend(r);
    EXPECT_TRUE(back.place != LegendPlace::Inside || back.compact);
}

TEST(PlotLayout, OccupancyCountsTheCellsABoxTouches) {
    plot::Occupancy o;
    o.cells = 4;
    o.count.assign(16, 0);
    o.count[5] = 2;   // row 1, column 1
    o.count[15] = 7;  // the bottom right
    EXPECT_EQ(o.covered(0.0f, 0.0f, 0.2f, 0.2f), 0);
    EXPECT_EQ(o.covered(0.0f, 0.0f, 0.3f, 0.3f), 2);
    EXPECT_EQ(o.covered(0.0f, 0.0f, 1.0f, 1.0f), 9);
    EXPECT_EQ(o.covered(1.1f, 1.1f, 1.5f, 1.5f), 0) << "a box off the area covers nothing";
}

TEST(PlotLayout, LabelsWrapBeforeTheyShrinkAndTheLastTryHoldsTheRest) {
    // a text of 30 characters in a width of 100 at scale s: 10 per line at scale 0.5, 5 per line at 1
    const auto lines = [](float scale) {
        const int per_line = static_cast<int>(5 / scale);
        std::vector<std::string> out;
        for (int n = 30; n > 0; n -= per_line) out.push_back(std::string(static_cast<size_t>(std::min(n, per_line)), 'x'));
        return out;
    };
    plot::TextLines t = plot::fit_lines(lines, {{1.0f, 1}, {1.0f, 6}});
    EXPECT_EQ(t.scale, 1.0f);
    EXPECT_EQ(t.lines.size(), 6u);
    t = plot::fit_lines(lines, {{1.0f, 2}, {0.5f, 3}});
    EXPECT_EQ(t.scale, 0.5f);
    EXPECT_EQ(t.lines.size(), 3u);
    t = plot::fit_lines(lines, {{1.0f, 1}, {0.5f, 1}});  // nothing fits: all the lines at the last scale
    EXPECT_EQ(t.scale, 0.5f);
    EXPECT_EQ(t.lines.size(), 3u);
    size_t chars = 0;
    for (const std::string& l : t.lines) chars += l.size();
    EXPECT_EQ(chars, 30u) << "nothing is cut";
}
