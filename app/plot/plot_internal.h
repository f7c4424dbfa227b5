// The plot widget's insides, shared by plot.cpp (begin, setup, layout, input, legend, end) and
// plot_items.cpp (lines, bands, markers, text, drag lines). Not for panels: they use plot.h.
#pragma once

#include "app/plot/label_layout.h"
#include "app/plot/plot.h"
#include "app/plot/plot_layout.h"
#include "app/plot/plot_math.h"

#include <imgui_internal.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace actlab::plot {

namespace detail {

// What the widget remembers of a plot between frames.
struct LegendEntry {
    std::string label;
    ImU32 color;
    bool band;    // a filled swatch instead of a line
    LineDash dashed;
    Marker marker;
    bool operator==(const LegendEntry& o) const {
        return label == o.label && color == o.color && band == o.band && dashed == o.dashed && marker == o.marker;
    }
};

struct PlotState {
    Limits view;            // what is shown now
    Limits home;            // where a double-click returns
    bool initialised = false;
    // Last frame's legend and what the data covered: an outside legend needs its room before the
    // items of this frame are known (ImPlot does the same).
    std::vector<LegendEntry> legend;
    Occupancy occupancy;
    LegendPlace legend_place = LegendPlace::None;
    bool dragged = false;   // the view was being dragged last frame: the legend stays where it was
    int last_frame = 0;     // ImGui's frame count when it was last drawn
};

// The most plot states kept: beyond it, those drawn longest ago are forgotten (a plot whose ID changed
// with its title would otherwise add one a frame). The app draws a few dozen plots.
constexpr size_t kMaxPlotStates = 256;

// The plot being built between BeginPlot and EndPlot.
struct CurrentPlot {
    ImGuiID id = 0;
    PlotState* state = nullptr;
    PlotFlags flags = 0;
    std::string title;
    std::string title_id;      // as given to BeginPlot
    std::string x_label, y_label;
    Scale scale[2] = {Scale_Linear, Scale_Linear};
    Limits requested;
    bool has_request = false;
    Cond request_cond = Cond_Once;
    Location legend_location = Location_Best;
    std::vector<Tick> custom_ticks[2];  // SetupAxisTicks; empty: the automatic ones
    Occupancy occupancy;       // what the items cover, on a kGrid × kGrid grid over the area (for the legend)
    bool locked = false;       // setup is over: layout, input and the grid are done
    ImRect frame;              // the whole widget
    ImRect area;               // the data area inside the axes
    Transform tx, ty;
    ImDrawList* draw = nullptr;
    float unit = 1.0f;         // pixels per point (font size / 16)
    bool hovered = false;
    bool item_active = false;  // a drag line is being dragged
    bool held = false;         // the plot itself is pressed (a pan): no readout follows the mouse over it
    std::vector<LegendEntry> legend;
    Box full_area;             // the data area before the legend took room beside it
    LegendLayout legend_layout;  // the room taken outside the area (Right or Below), from last frame's entries
    PlotReport report;         // for the recorder (SetPlotRecorder)
    std::vector<std::string> texts;   // PlotText's labels so far, and where each was drawn
    std::vector<TextBox> text_boxes;
};

constexpr int kGrid = 24;  // what the items cover is counted on a kGrid × kGrid grid over the area

// The current context (asserts there is one).
Context& ctx();
// Where a label's visible text ends: at "##" or at its end.
const char* label_end(const char* label);
// Adds a legend entry once per visible label.
void add_legend(const char* label, ImU32 color, bool band, LineDash dashed, Marker marker = Marker_None);
// The on and off lengths of a dash pattern, in points, alternately (on first); 0 entries for a solid line.
int dash_pattern(LineDash dash, const float** lengths);
// A polyline broken up by a dash pattern (lengths in points times `scale`), the pattern running on
// across its vertices from `start` pixels into it.
void add_dashed_polyline(ImDrawList* dl, const ImVec2* points, int count, ImU32 color, float thickness,
                         LineDash dash, float scale, float start = 0.0f);
// Draws a marker centred at c with "radius" r.
void draw_marker(ImDrawList* dl, Marker m, ImVec2 c, float r, ImU32 color);
// Data to pixels, pulled in from far outside the area so float maths stays sane.
ImVec2 to_pixels(const CurrentPlot& p, double x, double y);
// Adds `weight` to the legend-placement grid cells that a pixel rectangle touches.
void mark_occupied(CurrentPlot& p, const ImRect& r, int weight);
// Adds 1 to every cell the segment from a to b crosses (within the area).
void mark_segment(CurrentPlot& p, ImVec2 a, ImVec2 b);
// Layout, input and the grid, once the setup is known; every item call starts with it.
void lock_setup();
// The legend request for `entries` over `area` in the plot being laid out (plot_legend.cpp).
LegendRequest legend_request(const CurrentPlot& p, const std::vector<LegendEntry>& entries, const Box& area,
                             const Occupancy& occupancy, bool was_outside);
// The legend of the plot being ended, where last frame's layout or a free corner puts it (plot_legend.cpp).
void draw_legend(CurrentPlot& p);

}  // namespace detail

// Plots lined up by BeginAlignedPlots: the widest left margin (y label and tick labels) among them.
struct AlignedGroup {
    float widest_before = 0.0f;  // last frame's: the plots drawn first this frame take it too
    float widest_now = 0.0f;     // this frame's so far
};

// Everything the widget remembers: each plot's view keyed by ImGui ID, and the style.
struct Context {
    std::unordered_map<ImGuiID, detail::PlotState> plots;
    std::unordered_map<ImGuiID, AlignedGroup> aligned_groups;
    AlignedGroup* aligned = nullptr;  // between BeginAlignedPlots and EndAlignedPlots
    detail::CurrentPlot current;
    bool in_plot = false;
    Style style;
    std::vector<PlotReport>* recorder = nullptr;  // SetPlotRecorder
};

}  // namespace actlab::plot
