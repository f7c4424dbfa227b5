// The Export PNG / Export CSV buttons every plot has, and the shared export settings behind them.
#pragma once

#include "app/app_state.h"

#include <functional>

namespace actlab::app {

// Draws the buttons; a click builds the figure and adds it to state.export_requests (written after
// rendering). `id` keeps several plots' buttons in one panel apart.
// The buttons wrap onto a second line where the panel is too narrow for all three.
void draw_export_controls(AppState& state, const char* id, const std::function<Figure()>& figure);
// Their width on one line, for what goes before them (same_line_or_wrap).
float export_controls_width();

}  // namespace actlab::app
