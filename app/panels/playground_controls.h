// The playground's sidebar: the data (generated or the user's CSV), the input features, the network
// and the training settings. Changes the data cannot train are refused with a message; the others
// start the run again, or (rates, optimiser, batch) take effect from the next epoch.
#pragma once

#include "app/app_state.h"

#include <string>

namespace actlab::app {

void draw_playground_controls(PlaygroundState& playground);

}  // namespace actlab::app
