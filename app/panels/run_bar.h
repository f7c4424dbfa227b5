// The playground's run bar (play or pause, one epoch, start again, the speed, and the run's numbers as
// measured) and the banner that says when training blew up or collapsed, with the ways back. Both only
// raise requests for the model step (app/model/playground_model.h).
#pragma once

#include "app/app_state.h"

namespace actlab::app {

// Each piece goes on the next line when the panel is too narrow for it.
void draw_run_bar(PlaygroundState& playground);
// Nothing when training neither blew up nor collapsed.
void draw_stop_banner(PlaygroundState& playground);

}  // namespace actlab::app
