// The playground's Layers view: the scrub through the network's stages (a play button and a bar),
// the plane a wide layer is seen through, and the figure (app/figures/warp_figure.h).
#pragma once

#include "app/app_state.h"

namespace actlab::app {

// The controls and the figure filling `size`, under whatever the caller drew above (its buttons); the
// figure stays readable, taller than `size` when it must (the room scrolls).
void draw_layers_view(PlaygroundState& playground, ImVec2 size);
// The height the controls and a readable figure need at `width`.
float layers_view_min_height(const PlaygroundState& playground, float width);

}  // namespace actlab::app
