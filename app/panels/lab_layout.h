// The layout of layout.h put to work in ImGui: a lab's sidebar and main column (side by side, or one
// scrolling page), rows of buttons that wrap at the edge instead of running past it, and tables as
// wide as their content that scroll sideways when the panel is narrower.
#pragma once

#include "app/panels/layout.h"

#include <imgui.h>

#include <functional>

namespace actlab::app {

// A lab's tab: `sidebar` drawn in a column of its own beside `main`, or, when split_sidebar stacks
// them, `main` first and `sidebar` under it in one page that scrolls. `main` is given the room it has
// on screen (its width, and the height of the window it is in) and lays its plots out for it; it may
// draw more than that (the column or page then scrolls). With `plot_only`, `main` alone. `id` names
// the children ("##<id>-controls", "##<id>-main", "##<id>-page"). `main_min` is the least width of
// `main`, in font heights, beside the sidebar (a plot's readable width, or more for a plot with a key beside it).
void lab_columns(const char* id, bool plot_only, float preferred_sidebar, float minimum_sidebar,
                 const std::function<void()>& sidebar, const std::function<void(ImVec2 room)>& main,
                 float main_min = kPlotMinWidth);

// ImGui::BeginTabBar for a lab's tabs: when they do not all fit, the bar scrolls (arrows at its end)
// rather than cutting their labels short (tab_item keeps it from widening the window it is in).
bool begin_tab_bar(const char* id);

// Before an item `width` wide that is to follow the last one on its line: SameLine when it ends before
// the window's right edge, else nothing (it starts a new line). `spacing` < 0: the style's.
void same_line_or_wrap(float width, float spacing = -1.0f);
// The widths of common items, to pass to same_line_or_wrap.
float button_width(const char* label);
float small_button_width(const char* label);
float checkbox_width(const char* label);
float text_width(const char* text);

// The width for a framed item followed by `label` on the same line: the space left of the label, at
// most `preferred` (and never less than 4 font heights).
float width_beside(const char* label, float preferred);

}  // namespace actlab::app
