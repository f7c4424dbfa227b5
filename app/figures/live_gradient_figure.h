// Gradient across layers, live: for a training network, the RMS of each point's ∂loss/∂z layer by
// layer (input side left, the output layer last) at the newest epoch, with earlier epochs faint behind
// it, and the epoch's update of each layer's weights relative to them. The gradient lab's figure
// (gradient_figure.h) for the network the playground trains. The playground and `actlab export
// gradient-live` draw it with the same functions.
#pragma once

#include "app/figures/figure.h"
#include "app/plot/plot.h"
#include "core/network_activity.h"

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

struct LiveGradientPicture {
    core::GradientHistory history;         // one row per recorded epoch, oldest first
    std::vector<std::string> layer_names;  // "1", "2", …, "out": one per layer of the history
    int epoch = 0;                         // the newest epoch: the solid line (the last row at or before it)
    std::string title;                     // "Gradient across layers at epoch 500"
    std::string subtitle;                  // what was trained (may be empty)
};

// "1", "2", …, "out" for `layers` layers (hidden + output).
std::vector<std::string> live_gradient_layer_names(int layers);
// The picture of `history` at `epoch`, its layers named by live_gradient_layer_names.
LiveGradientPicture make_live_gradient_picture(const core::GradientHistory& history, int epoch,
                                               const std::string& subtitle);

// The rows drawn faint behind the newest: up to `count` of those before it, spaced evenly over the run
// (the latest of them always), oldest first.
std::vector<int> live_gradient_history_rows(const LiveGradientPicture& picture, int count = 20);

// The RMS of ∂loss/∂z per layer (log y).
void draw_live_gradient_plot(const LiveGradientPicture& picture, ImVec2 size, plot::PlotFlags flags = 0);
// ‖ΔW‖ / ‖W‖ of the epoch per layer (log y); nothing before the first epoch.
void draw_update_ratio_plot(const LiveGradientPicture& picture, ImVec2 size, plot::PlotFlags flags = 0);
// Both, side by side where each has room, else the gradient above the update ratio.
void draw_live_gradient_figure(const LiveGradientPicture& picture, ImVec2 size, plot::PlotFlags flags = 0);
// The height the figure needs at `width` for both plots to stay readable: one readable plot's height
// where they go side by side, and room for two stacked where they do not.
float live_gradient_figure_min_height(float width);

// The CSV: epoch,layer,grad_rms,update_ratio; one row per recorded epoch and layer, layer 1 the first
// hidden one and the output layer last; an undefined update ratio (epoch 0) empty.
std::string live_gradient_csv(const LiveGradientPicture& picture);

Figure live_gradient_export_figure(std::shared_ptr<const LiveGradientPicture> picture, const std::string& stem);

}  // namespace actlab::app
