// The gradient lab: how the gradient shrinks or grows on its way back through a deep network. The
// per-layer gradient of a random MLP (computed off the UI thread) beside the chain view f'(z)^k, the
// activations and dead units per layer, a comparison of (activation, init) pairs, and a short
// explanation of vanishing and exploding gradients, He initialisation and dying ReLUs.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

void draw_gradient_panel(AppState& state);
// The panel's main figure (gradient, activations and dead units per layer), for Ctrl+E and export.
Figure gradients_figure(const AppState& state);
// A network is being computed or its result is waiting to be shown: the window should not idle.
bool gradient_panel_busy(const AppState& state);

}  // namespace actlab::app
