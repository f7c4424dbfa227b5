// The gated-units lab's step: once a frame, before any panel draws, it derives the maps the lab's
// tabs show from the view the controls left (only when a part the maps depend on changed) and sends
// the map to its texture. The panel then only draws them.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

void gated_step(AppState& state);

}  // namespace actlab::app
