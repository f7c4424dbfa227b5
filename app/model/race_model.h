// The activation race's step: the playground's network trained once per runner, each on its own
// trainer (app/model/race_state.h holds its state). Called from the playground's step, once a frame:
// it starts the race asked for, passes on pause, resume and pace, and takes each runner's newest
// snapshot into its entry and texture.
#pragma once

#include "app/app_state.h"

namespace actlab::app {

void race_step(RaceState& race, const PlaygroundState& playground);
// A race runner is training or has a snapshot not drawn yet.
bool race_animating(const RaceState& race);

}  // namespace actlab::app
