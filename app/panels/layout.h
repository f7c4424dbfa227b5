// How a lab's tab is divided at the window's size and the text size, as plain arithmetic (tested in
// tests/app/test_layout.cpp): the sidebar beside the plots, or, when the two do not fit side by side
// at readable sizes, the plots first and the controls under them in one page that scrolls; plots in a
// grid with as many columns as keep each readable, in rows that scroll rather than shrink; a column
// of a plot and what goes under it. Sizes are in pixels, given with the font size they are for.
#pragma once

#include "app/plot/plot_layout.h"

namespace actlab::app {

// The smallest plot that stays readable, in font heights (the plot widget's).
constexpr float kPlotMinWidth = plot::kReadableWidth;
constexpr float kPlotMinHeight = plot::kReadableHeight;
// A lab's sidebar, in font heights: the width its controls are drawn for, and the least they fit in.
constexpr float kSidebarWidth = 22.0f;
constexpr float kSidebarMinWidth = 17.0f;

struct SidebarSplit {
    bool stacked = false;  // no room side by side: the main content first, the sidebar under it, one page
    float sidebar = 0;     // the sidebar's width (stacked: the whole width)
    float main = 0;        // the main column's width (stacked: the whole width)
};
// The sidebar at `preferred` font heights, giving way down to `minimum` (and to 40 % of the width) so
// the main column keeps at least `main_min` font heights; stacked when even that does not fit.
SidebarSplit split_sidebar(float width, float font, float gap, float preferred = kSidebarWidth,
                           float minimum = kSidebarMinWidth, float main_min = kPlotMinWidth);

struct PlotGrid {
    int columns = 1;
    int rows = 1;
    float cell_width = 0;
    float cell_height = 0;
    float height = 0;      // every row and the gaps between them
    bool scrolls = false;  // taller than the height given: the region scrolls
};
// `count` plots in `width` × `height` (gaps between them), at most `max_columns` side by side: the
// most columns that keep each at least kPlotMinWidth wide; the rows share the height, but are never
// lower than kPlotMinHeight: then the region scrolls, with two rows a screen (one if two would be too
// low). `reserve` is taken from the width when it scrolls (the scrollbar's).
PlotGrid plot_grid(float width, float height, float font, float gap_x, float gap_y, int count, int max_columns,
                   float reserve = 0);

struct ColumnSplit {
    float top = 0;         // the plot's height
    float bottom = 0;      // what goes under it
    bool scrolls = false;  // the two minimums are more than the height: both keep them and the column scrolls
};
// A column of `height`: a plot on top taking `share` of it (never lower than kPlotMinHeight) and the
// rest under it (never lower than `bottom_min` font heights). When both do not fit, the column
// scrolls: the plot takes the whole height, and what goes under it its least.
ColumnSplit split_column(float height, float font, float gap, float share, float bottom_min);

}  // namespace actlab::app
