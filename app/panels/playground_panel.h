// The playground: a small network trains on 2-D data on a worker thread while the window shows its
// decision boundary (a heatmap coloured by shaders/heatmap.frag), the network with a map in every
// neuron, and the loss curves, every frame. The controls are TensorFlow Playground's and more: every
// activation of the catalogue per layer, four output/loss pairs, three optimisers, several classes,
// the user's own CSV. An activation race trains the same network with 2–4 activations side by side.
#pragma once

#include "app/app_state.h"

#include <vector>

namespace actlab::app {

void draw_playground_panel(AppState& state);
// The run's step for this frame, before any key or panel sees it: starts the run again when the data
// or the network changed, takes the trainer's newest snapshot and rebuilds the pictures from it.
void playground_step(AppState& state);
// The panel's main figure, for Ctrl+E and Ctrl+Shift+E: the boundary with the data, or the race when
// its tab is in front.
Figure playground_figure(const AppState& state);
// Training runs: the window should draw at 60 frames per second rather than wait for input.
bool playground_animating(const AppState& state);
// Space, S and R (play/pause, step, reset) while the playground is shown and no text field has the keys.
void playground_key(AppState& state, int glfw_key);
// After a frame is on screen: measures the frame rate and how long the newest snapshot took to get there.
void playground_frame_presented(AppState& state);
// Frees the textures; call while the GL context still exists.
void release_playground_gl(AppState& state);

}  // namespace actlab::app
