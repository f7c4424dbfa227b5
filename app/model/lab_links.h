// One click from one lab to another, on the same numbers: the playground's layer opened in the
// activation explorer, its network's shape in the gradient lab and back, and the logits of a point of
// its plane in the softmax lab. Each sets the other lab's view from this one's (nothing is copied that
// could drift), brings that lab to the front and says in the status line what it carried over and
// what it had to change.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

// Carries out (and clears) the links asked for in state.links.
void follow_lab_links(AppState& state);

// The explorer on hidden layer `layer`'s activation (0-based) at the layer's parameters as trained
// (PReLU's learned α), its zones shaded at the playground's saturation threshold.
void explore_layer(AppState& state, int layer);
// The gradient lab on a random network of the playground's depth, width, activation and initialisation.
void gradients_from_playground(AppState& state);
// The gradient lab's activation and initialisation trained in the playground, at its depth and width
// as far as the playground allows (8 layers of 64 units).
void playground_from_gradients(AppState& state);
// The softmax lab on the playground network's logits at the plane's point (x1, x2), at the output's
// temperature. One output is shown as the two logits whose softmax it equals: σ(z) = softmax(0, z)₁,
// tanh(z) = softmax(−z, z)₁ − softmax(−z, z)₀.
void softmax_from_point(AppState& state, double x1, double x2);
// The gated-units lab's race in the playground: ReLU with 8 units against SwiGLU with 6 gated units in
// every hidden layer (about equal parameters), set as the race's runners; the playground to the front.
void race_gated_in_playground(AppState& state);

}  // namespace actlab::app
