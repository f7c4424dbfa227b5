// The Export PNG / Export CSV buttons every plot has, and the shared export settings behind them.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

// Draws the buttons; a click adds to state.export_requests (serviced after rendering).
void draw_export_controls(AppState& state);

}  // namespace actlab::app
