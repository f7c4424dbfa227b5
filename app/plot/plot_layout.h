// The plot widget's layout rules, pure (no ImGui, so they are unit-tested on their own in
// tests/app/test_plot_layout.cpp): where the legend goes, and how a title or an axis label is broken
// into lines. Sizes are in pixels; text is measured by the caller through the callbacks.
//
// The legend never disappears and never covers data it could avoid: it goes inside the data area only
// in a corner the data leaves free, otherwise outside on the right or below (the data area gives up
// the room), in a compact form when the full one does not fit, and over the data only when the plot
// has no room at all beside it.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace actlab::plot {

// The smallest plot that stays readable, in font heights: a two-line title, tick and axis labels, and
// about 10 × 5 font heights of data between them. Panels lay their plots out no smaller.
constexpr float kReadableWidth = 18.0f;
constexpr float kReadableHeight = 12.0f;

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool empty() const { return !(x1 > x0 && y1 > y0); }
    bool contains(const Box& b) const { return b.x0 >= x0 - 0.5f && b.y0 >= y0 - 0.5f && b.x1 <= x1 + 0.5f && b.y1 <= y1 + 0.5f; }
    bool overlaps(const Box& b) const { return b.x0 < x1 && b.x1 > x0 && b.y0 < y1 && b.y1 > y0; }
};

struct TextSize {
    float width = 0;
    float height = 0;
};

// What the data covers, on a cells × cells grid laid over the data area (row by row from the top):
// line points and segments count 1 a cell, bars 4, text 1000. Empty: nothing drawn.
struct Occupancy {
    int cells = 0;
    std::vector<int> count;
    // The sum over the cells that a box, given as fractions of the area (0..1 each way), touches.
    int covered(float fx0, float fy0, float fx1, float fy1) const;
};

enum class LegendPlace {
    None,     // no entries
    Inside,   // in a corner of the data area that the data leaves free
    Right,    // beside the data area, which is narrowed for it
    Below,    // under the x axis label, the data area lowered for it
    Over,     // in the least covered corner, over the data: the plot has no room beside it
};

// Where a legend corner is asked for (plot.h's Location: 0 best, then NW, NE, SW, SE).
enum class Corner { Best = 0, NorthWest, NorthEast, SouthWest, SouthEast };

struct LegendRequest {
    int entries = 0;
    // An entry's label wrapped to `wrap_width` pixels (a huge width: unwrapped).
    std::function<TextSize(int entry, float wrap_width)> measure;
    float font = 16;           // the font size: swatches, gaps and rows scale with it
    Box area;                  // the data area before any room is taken for the legend
    Box frame;                 // the whole plot: an outside legend stays inside it
    Occupancy occupancy;       // what the data covered (last frame's, for an outside legend)
    Corner corner = Corner::Best;
    bool was_outside = false;  // last frame's legend was outside: going back inside needs a wider margin
    float min_area_width = 0;  // an outside legend leaves the data at least this much
    float min_area_height = 0;
};

struct LegendEntryPlace {
    float x = 0, y = 0;        // top left of the swatch's row
    float wrap_width = 0;      // the label's wrap width (its text starts at x + swatch + gap)
    float height = 0;          // the entry's height (its label's lines)
};

struct LegendLayout {
    LegendPlace place = LegendPlace::None;
    bool compact = false;      // shorter swatches and tighter padding
    Box box;                   // the legend's frame, in the plot's pixels
    Box area;                  // the data area once the legend has its room
    float swatch = 0, gap = 0, pad = 0;
    std::vector<LegendEntryPlace> entries;
    int covered = 0;           // occupancy under the box (0 unless place is Over)
};

LegendLayout layout_legend(const LegendRequest& request);

// A title's or an axis label's lines and its font scale: the first of `tries` at which the text,
// broken to the width at that scale by `lines(scale)`, takes at most that many lines; when none fits,
// the last try's scale with as many lines as it takes. Never cut, never an ending in "…".
struct LineFit {
    float scale;    // of the font's size
    int max_lines;
};
struct TextLines {
    std::vector<std::string> lines;
    float scale = 1;
};
TextLines fit_lines(const std::function<std::vector<std::string>(float scale)>& lines, const std::vector<LineFit>& tries);

}  // namespace actlab::plot
