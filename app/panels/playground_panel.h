// The playground: a small network trains on 2-D data on a worker thread while the window shows its
// decision boundary (a heatmap coloured by shaders/heatmap.frag), the network with a map in every
// neuron, and the loss curves, every frame. The controls are TensorFlow Playground's and more: every
// activation of the catalogue per layer, four output/loss pairs, three optimisers, several classes,
// the user's own CSV. An activation race trains the same network with 2–4 activations side by side.
#pragma once

#include "app/app_state.h"

#include <vector>

namespace actlab::app {

// Draws the playground; its model step (app/model/playground_model.h) has run this frame.
void draw_playground_panel(AppState& state);
// The panel's main figure, for Ctrl+E and Ctrl+Shift+E: the boundary with the data, or the race when
// its tab is in front.
Figure playground_figure(const AppState& state);
// Space, S and R (play/pause, step, reset) while the playground is shown and no text field has the
// keys: requests for the next model step; N, U, G and L: the network, units, gradient or layers view in front.
void playground_key(AppState& state, int glfw_key);

}  // namespace actlab::app
