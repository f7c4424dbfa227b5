// The playground's model step: once a frame, before any panel draws (and before each key), it applies
// what the panels asked for and what changed in the view to the trainers, takes their newest
// snapshots and derives every picture the views draw. Panels only edit PlaygroundView and raise
// requests (request_run); nothing else talks to a trainer.
#pragma once

#include "app/app_state.h"
#include "app/model/race_model.h"

namespace actlab::app {

// The run's step for this frame: starts the run again when the data or the network changed, gives the
// trainer the optimiser, batch, speed and threshold in the view, carries out the requests raised since
// the last step, then takes the newest snapshot and rebuilds the pictures from it. The race likewise.
void playground_step(AppState& state);

// "circle", or the loaded file's name.
std::string playground_data_name(const PlaygroundState& playground);
// The points the playground trains on: its own, or (before its tab first made them) generated from its
// settings the same way.
core::Dataset playground_data(const PlaygroundState& playground);

// The output/loss pair for new data: kept when it suits them and they are of the same kind as before
// (regression, two classes, more; previous_classes < 0: no data before); otherwise the usual pair for
// their kind: identity for a regression, tanh for two classes as on Playground, softmax for more.
void suit_output_to_data(core::TrainConfig& config, const core::Dataset& data, int previous_classes = -1);

// Loads the user's CSV as the playground's points, with an output and loss that suit them. A bad file
// leaves everything as it was and says why, with the line, in the panel's message. True when loaded.
bool load_playground_csv(PlaygroundState& playground, const std::string& path);

// Asks the next step to do something to the run.
void request_run(PlaygroundState& playground, RunRequest request);
// Asks the next step to set parameter `index` of the shown network (Mlp::params) to `value`, while paused.
void request_weight(PlaygroundState& playground, int index, double value);

// Asks the next step to change the drawn points (app/model/drawing.h): the first edit over a dataset
// makes its points the drawn set.
void request_draw(PlaygroundState& playground, const DrawEdit& edit);
// The points are drawn and too few to train on (playground.draw.problem says why): the run waits.
bool drawing_blocked(const PlaygroundState& playground);

// The network was built for this config and data (one input per feature, the same hidden layers, as
// many outputs): right after a reset the trainer's newest snapshot is still of the run before.
bool network_fits(const core::Mlp& net, const core::TrainConfig& config, const core::Dataset& data);

// Training runs, a race runs, or a snapshot is not drawn yet: the window should draw at 60 frames a second.
bool playground_animating(const AppState& state);
// After a frame is on screen: measures the frame rate and how long the newest snapshot took to get there.
void playground_frame_presented(AppState& state);

// Frees the textures (the playground's and the race's); call while the GL context still exists.
void release_playground_gl(AppState& state);

// Whether the run is training now (as of the newest snapshot).
bool playground_running(const PlaygroundState& playground);

}  // namespace actlab::app
