// The activation explorer: pick functions from the catalogue, tune α and β, and read f and f' off
// the plot, the probe table, the properties table and a short explanation of each function.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

void draw_activations_panel(AppState& state);

}  // namespace actlab::app
