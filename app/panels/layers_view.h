// The playground's Layers view: the scrub through the network's stages (a play button and a bar),
// the plane a wide layer is seen through, and the figure (app/figures/warp_figure.h).
#pragma once

#include "app/app_state.h"

namespace actlab::app {

// The controls and the figure filling `size`, under whatever the caller drew above (its buttons).
void draw_layers_view(PlaygroundState& playground, ImVec2 size);

}  // namespace actlab::app
