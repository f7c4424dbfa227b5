// The playground's activation race tab: its controls and pictures (app/figures/race_figure.h). The
// state it edits and the runners are app/model/race_state.h's.
#pragma once

#include "app/model/race_state.h"

namespace actlab::app {

struct AppState;

// Draws the race's controls and pictures, laid out for `room` (taller when that is too low for them).
void draw_race_panel(AppState& state, ImVec2 room);
// The race as an export (what is on screen now).
Figure race_panel_figure(const RaceState& race);

}  // namespace actlab::app
