// How each layer bends the plane: the input plane's grid lines and the data, carried through a
// trained network stage by stage (core/layer_warp.h) and drawn in a plane of each step's space. The
// playground's Layers view and `actlab export warp` draw it with the same functions.
#pragma once

#include "app/figures/figure.h"
#include "app/figures/playground_view.h"
#include "app/plot/plot.h"
#include "core/dataset.h"
#include "core/decision_grid.h"
#include "core/layer_warp.h"
#include "core/loss.h"
#include "core/mlp.h"

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

// One step of the scrub, in its plane.
struct WarpStep {
    int layer = -1;                    // the hidden layer, from 0; -1: the input plane
    core::WarpStage stage = core::WarpStage::Linear;
    core::WarpPlane plane;
    Eigen::Matrix2Xd uv;               // (u, v) of every point: the grid lines' samples, then the data
    double u0 = -1, u1 = 1, v0 = -1, v1 = 1;  // the view: every point, with a margin, as wide as it is tall
    std::string axis_u, axis_v;        // "x₁", "unit 3", "PC 1 · 64 % of the variance"
};

// What the figure shows: every step of one network at one epoch.
struct WarpPicture {
    int lines = 0, samples = 0;        // the grid (core::WarpPoints)
    int train = 0, test = 0;           // the data rows: the training points, then the test points
    std::vector<double> labels;        // each data row's class (or regression target)
    int classes = 2;                   // 0: regression
    double target_scale = 1.0;         // regression: the largest |target| (the points' colours)
    core::Output output = core::Output::Tanh;
    std::vector<std::string> activations;  // each hidden layer's activation, "Tanh"
    std::vector<int> units;                // and its units
    std::vector<char> gated;               // and whether they are gated (act(gate) · value)
    std::vector<WarpStep> steps;           // 1 + 3 × hidden layers
    int shown_step = 0;                // the step of the view's layer and stage
    std::string note;                  // what about the plane asked for could not be done ("" when all was)
    // the output's decision in the last hidden layer's activation plane (the last step)
    Eigen::MatrixX3d logits;           // logit_k = c + g_u·u + g_v·v (core::output_in_plane)
    std::vector<core::Segment> edges;  // within the last step's view
    int epoch = 0;
    std::string subtitle;              // what was trained: "circle · 2-4-2-1 tanh · ..." (may be empty)
};

// The step the view names for a network of `hidden_layers` hidden layers (layer -1: the last; a layer
// beyond the network: its last), 0 for the input plane.
int warp_view_step(const WarpView& view, int hidden_layers);

// Points the view at `step` (0: the input plane; the layer and stage of a later one).
void set_warp_step(WarpView* view, int step);

// Every step of `net` (trained on features `features`) over the frame of the boundary, with the
// training and test points. The view's layer is drawn through its projection (units it has not:
// principal components, said in `note`); every other layer of 3 or more units through its principal
// components. With `previous` (the picture of the same network shape a frame ago) principal axes that
// would flip are turned back (core::orient_like).
WarpPicture make_warp_picture(const core::Mlp& net, core::FeatureSet features, const core::GridSpec& frame,
                              const core::Dataset& train, const core::Dataset& test, core::Output output,
                              const WarpView& view, int epoch, const std::string& subtitle,
                              const WarpPicture* previous = nullptr);

// A step in a file name: "input", "layer2_activation".
std::string warp_step_name(int step);

// "Input plane (x₁, x₂)", "Layer 2 of 3 · Tanh · f(W·a + b)".
std::string warp_step_title(const WarpPicture& picture, int step);
// What the step does to the plane, in a sentence or two for the caption under the plot.
std::string warp_step_caption(const WarpPicture& picture, int step);

// The figure at `position` (a step, or between two: the points move from one step's place to the
// next's with an eased fraction, and the view with them) filling `size`: a title, the plot, a caption.
// `show_test` draws the test points (rings).
void draw_warp_figure(const WarpPicture& picture, double position, ImVec2 size, bool show_test = true,
                      plot::PlotFlags flags = 0);

// The height the figure needs at `width` for its plot to stay readable, with the caption `picture`'s
// widest step has under it where it does not fit beside (the room scrolls when it gets less).
float warp_figure_min_height(const WarpPicture& picture, float width);

// Every step side by side in rows, one small plot each (the layers' stages one row per layer, the input
// plane first): `actlab export warp --set stages=all`.
void draw_warp_stages(const WarpPicture& picture, ImVec2 size, bool show_test = true, plot::PlotFlags flags = 0);

// The CSV of one step: kind,id,index,u,v,label. kind is grid or point; for grid rows id is the grid
// line (0 … lines−1 across, lines … 2·lines−1 up) and index the sample along it, label empty; for point
// rows id is the data row (training points first), index 0 and label its class or target.
std::string warp_csv(const WarpPicture& picture, int step);
// Every step: layer,stage,kind,id,index,u,v,label with layer 0 and stage "input" for the input plane.
std::string warp_stages_csv(const WarpPicture& picture);

// `actlab export warp`'s keys for --help: layer=, stage=, projection=, stages=, then the training keys.
const char* warp_keys_help();

Figure warp_export_figure(std::shared_ptr<const WarpPicture> picture, bool all_stages, const std::string& stem);

}  // namespace actlab::app
