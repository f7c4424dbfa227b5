// The playground's view: the run it trains and how it is shown, without ImGui, so the key language
// (playground_keys.h, training_keys.h) reads and writes it anywhere.
#pragma once

#include "core/layer_warp.h"
#include "core/training.h"

#include <string>

namespace actlab::app {

// The views that share the playground's left column with the network diagram (or take turns with it).
enum class PlaygroundPane { Network, Units, Gradient, Layers };
// What Ctrl+H shows alone in the playground.
enum class PlaygroundAlone { Boundary, Network, Loss, Units, Gradient, Layers };

// Which step of the network the layers view shows (core/layer_warp.h), and through which plane.
struct WarpView {
    int layer = -1;                    // the hidden layer, from 1; 0: the input plane itself; -1: the last hidden layer
    core::WarpStage stage = core::WarpStage::Activation;
    // the plane of that layer when it has 3 or more units (units from 0 here); automatic: principal
    // components, and for the last hidden layer the plane its output reads (every other layer is drawn so)
    bool automatic = true;
    core::WarpProjection projection;
    bool operator==(const WarpView& o) const {
        return layer == o.layer && stage == o.stage && automatic == o.automatic && (automatic || projection == o.projection);
    }
    bool operator!=(const WarpView& o) const { return !(*this == o); }
};

// What the playground's controls set; saved in settings.json as the keys of `actlab export loss`
// (training_keys.h) and the display keys of playground_keys().
struct PlaygroundView {
    core::TrainConfig config = core::default_train_config();
    std::string data_file;            // the CSV the points came from (empty: generated from config.data)
    double speed = 30.0;              // epochs per second to aim for (slow enough to watch); 0: as fast as possible
    int stop_epoch = 0;               // the run pauses at this epoch (0: never)
    double stop_loss = 0.0;           // and, once, at the first epoch with a test loss at or below this (0: none)
    double stop_accuracy = 0.0;       // or a test accuracy at or above this, in percent (0: none)
    bool discrete = false;            // the boundary in two flat colours
    double temperature = 1.0;         // the boundary's output at tanh(z/T), σ(z/T), softmax(z/T) (core::kMin/kMaxOutputTemperature;
                                      // not for a regression: output_has_temperature)
    bool entropy = false;             // the entropy of the prediction instead of the class colours
    bool show_test = true;            // draw the test points
    bool log_loss = true;             // the loss curves on a log axis
    PlaygroundPane pane = PlaygroundPane::Units;       // the view beside (or instead of) the network
    PlaygroundAlone alone = PlaygroundAlone::Boundary; // what Ctrl+H shows
    WarpView warp;                    // the layers view's step and plane
};

}  // namespace actlab::app
