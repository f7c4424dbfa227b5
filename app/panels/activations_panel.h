// The activation explorer: pick functions from the catalogue, tune α and β, and read f and f' off
// the plot, the probe table, the properties table and a short explanation of each function.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

void draw_activations_panel(AppState& state);
// What the explorer's plot shows now (panned and zoomed), for export.
Figure activations_figure(const AppState& state);

}  // namespace actlab::app
