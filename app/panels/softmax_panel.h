// The softmax temperature lab: set logits (drag the bars or type them), turn the temperature, and
// watch the probabilities, p_i(T), the entropy, top-k / top-p filtering and a histogram of draws.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

void draw_softmax_panel(AppState& state);
// The lab's main figure (the probabilities at T), for Ctrl+E.
Figure softmax_figure(const AppState& state);
// One step of the temperature along 1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.3, 8, 10, ... (a step up is
// warmer), held to the slider's range: the arrow keys do this while the lab is shown.
void step_temperature(SoftmaxState& s, int steps);

}  // namespace actlab::app
