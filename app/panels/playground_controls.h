// The playground's sidebar: the data (generated or the user's CSV), the input features, the network
// and the training settings. Changes the data cannot train are refused with a message; the others
// start the run again, or (rates, optimiser, batch) take effect from the next epoch.
#pragma once

#include "app/app_state.h"

#include <string>

namespace actlab::app {

void draw_playground_controls(PlaygroundState& playground);

// "circle", or the loaded file's name.
std::string playground_data_name(const PlaygroundState& playground);

// The output/loss pair for new data: kept when it suits them and they are of the same kind as before
// (regression, two classes, more; previous_classes < 0: no data before); otherwise the usual pair for
// their kind: identity for a regression, tanh for two classes as on Playground, softmax for more.
void suit_output_to_data(core::TrainConfig& config, const core::Dataset& data, int previous_classes = -1);

// Loads the user's CSV as the playground's points, with an output and loss that suit them. A bad file
// leaves everything as it was and says why, with the line, in the panel's message. True when loaded.
bool load_playground_csv(PlaygroundState& playground, const std::string& path);

}  // namespace actlab::app
