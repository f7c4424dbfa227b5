// The gated-units lab: g(a, b) = act(a)·b as a map with contours, its two partials with the flat zones
// hatched, slices of it, the feed-forward block counted, and what gating shows.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

void draw_gated_panel(AppState& state);
// The figure of the tab in front (the surface from "What this shows"), for Ctrl+E.
Figure gated_figure(const AppState& state);
// Frees the lab's texture while its GL context is current (before the window closes).
void release_gated_gl(AppState& state);

}  // namespace actlab::app
