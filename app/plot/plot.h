// actlab's plot widget, drawn with ImDrawList and shaped like ImPlot's API:
//
//     if (plot::BeginPlot("Activations", size)) {
//         plot::SetupAxes("x", "f(x)");
//         plot::SetupAxesLimits({-5, 5, -1, 5}, plot::Cond_Once);
//         plot::PlotLine("ReLU", xs, ys, n, {color});
//         plot::EndPlot();
//     }
//
// The view (pan, zoom) is kept inside the widget, keyed by the plot's ImGui ID; the caller owns only
// its data and the "home" view that a double-click returns to. The widget draws into the current
// window, so the same code renders on screen and, in a window of its own, off screen for export.
// Mapping, pan/zoom arithmetic and ticks live in plot_math.h (pure, unit-tested); Help ▸ Plot widget
// demo (app/plot/plot_demo.cpp) shows every feature.
#pragma once

#include "app/plot/label_layout.h"
#include "app/plot/plot_layout.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace actlab::plot {

typedef int PlotFlags;  // -> enum PlotFlags_
enum PlotFlags_ {
    PlotFlags_None = 0,
    PlotFlags_NoLegend = 1 << 0,  // draw no legend box
    PlotFlags_NoInputs = 1 << 1,  // no pan, zoom, hover readout or dragging (off-screen export)
    PlotFlags_NoTitle = 1 << 2,   // the title is only an ID: draw no title above the plot
    PlotFlags_NoPan = 1 << 3,     // a left drag or double-click is the caller's (drawing on the plot): no pan, no
                                  // return home, and the plot stays hovered while pressed; the wheel still zooms
};

enum Axis { Axis_X = 0, Axis_Y = 1 };
enum Scale { Scale_Linear = 0, Scale_Log10 = 1 };
enum Cond {
    Cond_Once = 0,    // set the view the first time this plot is seen (and on double-click)
    Cond_Always = 1,  // set the view now, whatever the user did with the mouse
};
// Where the legend goes when a corner of the data area is free of data (plot_layout.h): otherwise it
// moves outside, beside or below the data.
enum Location {
    Location_Best = 0,  // the first free corner: top left, top right, bottom left, bottom right
    Location_NorthWest,
    Location_NorthEast,
    Location_SouthWest,
    Location_SouthEast,
};

struct Limits {
    double x_min = 0.0, x_max = 1.0;
    double y_min = 0.0, y_max = 1.0;
};

// Marks along a line, to tell apart lines that share a colour.
enum Marker { Marker_None = 0, Marker_Square, Marker_Triangle, Marker_Diamond };

// How a line is broken up, so lines that share a colour can be told apart without their marks. An int,
// so `true` (1) is the plain dash.
typedef int LineDash;  // -> enum LineDash_
enum LineDash_ {
    LineDash_Solid = 0,
    LineDash_Dashed = 1,      // dashes of 7 points, gaps of 4.5
    LineDash_Long = 2,        // long dashes: 16 on, 6 off
    LineDash_Dotted = 3,      // dots: 2 on, 3.5 off
    LineDash_DashDot = 4,     // 13 on, 4 off, 2.5 on, 4 off
    LineDash_DashDotDot = 5,  // 10 on, then two dots
    LineDash_COUNT
};

struct LineStyle {
    ImU32 color = IM_COL32(0, 0, 0, 255);
    float weight = 2.0f;   // in points: scaled with the font size, so exports at 2× stay in proportion
    LineDash dashed = LineDash_Solid;  // drawn so along the line and in the legend
    Marker marker = Marker_None;  // drawn every few font heights along the line, and in the legend
};

// The widget's memory (each plot's view, the style) lives in a context, like ImGui's: create one next
// to each ImGui context that draws plots, and make it current with it.
struct Context;
Context* CreateContext();
void DestroyContext(Context* context);
void SetCurrentContext(Context* context);
Context* GetCurrentContext();

// Colours and fonts shared by every plot of the current context.
struct Style {
    ImFont* title_font = nullptr;                   // nullptr: the current font
    ImU32 frame_bg = IM_COL32(255, 255, 255, 255);
    ImU32 area_bg = IM_COL32(255, 255, 255, 255);
    ImU32 grid_major = IM_COL32(0, 0, 0, 40);
    ImU32 grid_minor = IM_COL32(0, 0, 0, 14);
    ImU32 axis = IM_COL32(60, 60, 60, 255);
    ImU32 text = IM_COL32(20, 20, 20, 255);
    ImU32 legend_bg = IM_COL32(255, 255, 255, 242);
};
Style& GetStyle();

// Starts a plot of `size` pixels (a zero component takes the available width or height).
// Returns false when it is clipped away; call EndPlot only when it returns true.
bool BeginPlot(const char* title_id, const ImVec2& size = ImVec2(0, 0), PlotFlags flags = 0);
void EndPlot();

// Plots drawn between these two, one above the other, line up their data areas' left edges: each
// leaves room for the widest y label and tick labels of the group (as last frame measured them; the
// group is keyed by ImGui ID like a plot), so plots that share an x axis show it at the same pixels.
void BeginAlignedPlots(const char* group_id);
void EndAlignedPlots();

// Setup calls come right after BeginPlot, before the first item.
void SetupAxes(const char* x_label, const char* y_label);
void SetupAxisScale(Axis axis, Scale scale);
void SetupAxesLimits(const Limits& home, Cond cond = Cond_Once);
void SetupLegend(Location location);
// Ticks of your own on an axis instead of the 1-2-5 ones: at `values`, labelled `labels` (or the
// numbers when labels is nullptr). For bar charts: one tick per bar, named after it. Strings are copied.
void SetupAxisTicks(Axis axis, const double* values, int count, const char* const* labels = nullptr);

// Bars drawn from y = 0 (the bottom of the view on a log axis) up to their height.
struct BarStyle {
    ImU32 fill = IM_COL32(0, 114, 178, 255);
    double width = 0.8;       // in x units
    ImU32 outline = 0;        // a frame around each bar, or 0 for none
    float outline_weight = 2.0f;  // in points
};

// Items. A label's text after "##" is hidden; a label starting with "##" puts no entry in the legend.
void PlotLine(const char* label, const double* xs, const double* ys, int count, const LineStyle& style);
// A band over the full plot height between x0 and x1 (for example, where a gradient vanishes).
void PlotVBand(const char* label, double x0, double x1, ImU32 color);
void PlotVLine(const char* label, double x, const LineStyle& style);
void PlotHLine(const char* label, double y, const LineStyle& style);
void PlotMarker(double x, double y, ImU32 color, float radius = 4.5f);
// Text at a data position, shifted by `pixel_offset` (in points) and aligned by `pivot` (0..1). No two
// texts of a plot overlap: one that would cover another moves up or down, as little as it can, and the
// same text twice in one place is drawn once.
void PlotText(const char* text, double x, double y, ImU32 color, ImVec2 pixel_offset = ImVec2(0, 0),
              ImVec2 pivot = ImVec2(0.5f, 0.5f));
// How PlotText draws a text that is more than a label: a headline, a note on a box of its own.
struct TextStyle {
    ImU32 color = IM_COL32(20, 20, 20, 255);
    ImFont* font = nullptr;  // nullptr: the current font
    float size = 0.0f;       // in pixels, 0: the current font's size. Larger text shrinks, down to the
                             // current font's size, to stay within the data area's width and a quarter
                             // of its height; only then does it wrap
    ImU32 backdrop = 0;      // a rounded box of this colour under the text (0: none), which other texts keep off
    float max_width = 0.0f;  // wrap to this many pixels (0: the data area's width)
    const char* shorter = nullptr;  // drawn instead when the text would be cut off by the data area's edges
};
// The same rules as above (kept inside the data area, wrapped at spaces only, never over another text).
void PlotText(const char* text, double x, double y, const TextStyle& style, ImVec2 pixel_offset = ImVec2(0, 0),
              ImVec2 pivot = ImVec2(0.5f, 0.5f));
// Bars at xs with heights ys; the legend shows a filled swatch.
void PlotBars(const char* label, const double* xs, const double* ys, int count, const BarStyle& style);
// One bar whose height the user sets by pressing anywhere in its column and dragging; returns true
// when it changed *y this frame (held to the view).
bool DragBarY(const char* id, double x, double* y, const BarStyle& style);
// A vertical line the user can drag; returns true when it moved *x this frame.
bool DragLineX(const char* id, double* x, ImU32 color, float weight = 1.5f);

// Where the texts (PlotText) of the plot drawn last landed, in pixels, in the order they were given:
// valid from its first text until the next BeginPlot. For tests, and for marks placed beside them.
const std::vector<TextBox>& GetLastPlotTextBoxes();

// Queries, valid between BeginPlot and EndPlot (after the setup).
bool IsPlotHovered();               // the mouse is over the data area, and nothing there is being dragged
ImVec2 GetPlotMousePosPixels();
double GetPlotMouseX();             // the data coordinates under the mouse
double GetPlotMouseY();
Limits GetPlotLimits();             // the current view
ImVec2 PlotToPixels(double x, double y);
// The draw list of the data area, clipped to it: for items the widget does not draw itself (a heatmap).
ImDrawList* GetPlotDrawList();
// Points per logical pixel of this plot (2 in a 2× export): line widths and marker radii scale with it.
float GetPlotUnit();

// How each plot was laid out, for tests and tools that check the layout (app tests draw every lab at
// several window and text sizes and look at these). Nothing is recorded until a recorder is set; each
// EndPlot appends one report to it.
struct PlotReport {
    std::string id;                 // the title as given, "##" part included
    ImVec2 frame_min, frame_max;    // the whole plot
    ImVec2 area_min, area_max;      // the data area
    int legend_entries = 0;         // legend entries the items asked for (0 with PlotFlags_NoLegend)
    LegendPlace legend_place = LegendPlace::None;
    ImVec2 legend_min, legend_max;  // the legend's box (when it has one)
    int legend_covered = 0;         // what the legend hides of the data (0 unless it is over the data)
    std::vector<std::string> title_lines;
    float title_scale = 1.0f;       // 1: the title font at its size; smaller when a long title shrank
    int texts_outside = 0;          // PlotText texts of points in view that could not be kept inside the data
                                    // area (too large for it, or pushed out by the others)
    std::vector<std::string> texts_cut;  // those texts
};
void SetPlotRecorder(std::vector<PlotReport>* recorder);

}  // namespace actlab::plot
