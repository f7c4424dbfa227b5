// Loss and accuracy over the epochs of a training run: `actlab export loss`, and the playground's
// loss curves. Train and test in one colour each: loss solid, on a log axis.
#pragma once

#include "app/figures/figure.h"
#include "app/figures/training_keys.h"
#include "app/plot/plot.h"
#include "core/training.h"

#include <string>
#include <vector>

namespace actlab::app {

struct LossCurves {
    std::vector<core::EpochRecord> history;  // one record per epoch shown; the last is the run's newest epoch
    core::Divergence divergence;             // when the run stopped early
    core::Collapse collapse;                 // when the run collapsed (it may have gone on)
    bool classification = true;              // accuracy is defined
    std::string subtitle;                    // what was trained: "circle · 2-4-2-1 tanh · sgd 0.03 · batch 10"
};

// Trains the request headless, recording every epoch (1 … epochs, or up to a divergence) and watching
// for a collapse (training goes on after one).
LossCurves train_loss_curves(const TrainingRequest& request, const core::Dataset& data);

// "circle · 2-4-2-1 tanh · sgd 0.03 · batch 10 · seed 1"; without the activations ("circle · 2-4-2-1 · ...")
// when a figure compares them.
std::string describe_training(const core::TrainConfig& config, const core::Dataset& data, const std::string& data_name,
                              bool with_activations = true);

// The CSV: epoch,train_loss,test_loss,train_accuracy,test_accuracy (accuracy empty for regression).
std::string loss_csv(const LossCurves& curves);

// Draws the curves filling `size`. `log_y` puts the loss on a log axis. `follow` keeps the view on the
// whole run as it grows (while training); otherwise the user's pan and zoom stay.
// `summary` writes the last epoch's figures in the top right (the playground shows them in its run bar).
// `fixed` holds the view where it is (an animation's frames: the curves grow into a frame that stays).
void draw_loss_figure(const LossCurves& curves, ImVec2 size, bool log_y, plot::PlotFlags flags, bool follow = false,
                      bool summary = true, const plot::Limits* fixed = nullptr);
// The view draw_loss_figure fits to `curves` (every epoch in them).
plot::Limits loss_home(const LossCurves& curves, bool log_y);

Figure loss_export_figure(const LossCurves& curves, const std::string& stem);

}  // namespace actlab::app
