// The Export PNG / Export CSV buttons every plot has, and the shared export settings behind them.
#pragma once

#include "app/app_state.h"

#include <functional>

namespace actlab::app {

// Draws the buttons; a click builds the figure and adds it to state.export_requests (written after
// rendering). `id` keeps several plots' buttons in one panel apart.
void draw_export_controls(AppState& state, const char* id, const std::function<Figure()>& figure);

}  // namespace actlab::app
