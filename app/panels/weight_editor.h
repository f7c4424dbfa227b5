// Setting a weight or bias of the playground's network by hand, while paused: the line above the
// diagram (the value to type, what it is) and what the mouse does in the diagram (a click chooses a
// link or a bias square, a drag sideways changes it). Edits go to the model step as requests.
#pragma once

#include "app/app_state.h"
#include "app/figures/network_figure.h"

namespace actlab::app {

// The largest |value| a weight or bias may be given by hand: far beyond what training makes, small
// enough that no unit's sum overflows.
constexpr double kMaxHandWeight = 1e6;

// One line, there whether or not a weight is chosen, so choosing one moves nothing under the mouse.
void draw_weight_editor(PlaygroundState& playground);
// After the diagram is drawn: the unit the mouse is over (the units view shows it), and, while paused,
// the click or drag on a link or a bias.
void follow_diagram(PlaygroundState& playground, const DiagramHit& hit);

}  // namespace actlab::app
