// The decision boundary with the data on top: the playground's main plot and `actlab export boundary`.
// The core computes the field (core/decision_grid.h); the heatmap shader colours it; the points are
// drawn over it, training points filled and test points as rings.
#pragma once

#include "app/figures/figure.h"
#include "app/figures/training_keys.h"
#include "app/plot/plot.h"
#include "app/render/heatmap.h"
#include "core/decision_grid.h"
#include "core/training.h"

#include <memory>
#include <string>

namespace actlab::app {

// The colour of class k (Playground's orange for −1 / class 0, blue for +1 / class 1, then more of
// Okabe and Ito's palette), the same on the heatmap, the points, the network and the legend.
ImU32 data_class_color(int k);
// A regression target's colour: white at 0 toward blue (above 0) or orange (below), full at ±scale.
ImU32 target_color(double target, double scale);
// The heatmap's colours for a field of `classes` classes (0: regression), with the contour and
// discretised view as asked (no contour for regression: it has no decision to draw).
HeatmapStyle boundary_style(int classes, bool discrete);
// The entropy map's: texture layer `entropy_layer` from white (0, sure) through lilac to dark violet
// (1, unsure), under the decision line in white edged in dark grey, seen on white and on violet alike.
HeatmapStyle entropy_style(int entropy_layer);

// The output temperature's range (a log slider in the window, temperature= for export): 1 draws the
// output as it is.
using core::kMaxOutputTemperature;
using core::kMinOutputTemperature;
// Whether temperature and the entropy map apply: they read the output as a prediction, which a
// regression output (identity) is not. Otherwise false with *why, a sentence saying so.
bool output_has_temperature(core::Output output, std::string* why = nullptr);

struct BoundaryPicture {
    core::GridSpec spec;          // where the field lies
    core::BoundaryField field;    // what the heatmap colours
    core::Dataset train, test;    // the points
    double target_scale = 1.0;    // regression: the largest |target| (the field is divided by it)
    bool show_test = true;        // draw the test points
    bool discrete = false;        // flat colours instead of shades of confidence
    double temperature = 1;       // the output's logits divided by this when drawn (1: as trained)
    bool entropy = false;         // colour the entropy of the prediction instead of the classes
    core::Output output = core::Output::Tanh;  // the network's output function
    core::BoundaryField entropy_field;  // 0 (sure) … 1 (unsure) at `temperature`, when `entropy`
    std::string title;            // "Decision boundary at epoch 500: circle · 2-4-2-1 tanh · ..."
    std::string status;           // a line under the title: "test loss 0.0012 · test accuracy 100 %"
    bool whole_plane = false;     // read by make_boundary_picture: Playground's ±6 plane for points within it,
                                  // however close together (drawn points), instead of the box around them
    bool no_field = false;        // no network answers for these points yet: a white plane under them
};

// Sends what the picture's heatmap colours to `texture`: the field, and the entropy map after it when
// picture.entropy is on.
void upload_boundary(const BoundaryPicture& picture, HeatmapTexture* texture);

// Inside a plot whose axes are set up: the heatmap of picture.field (from `texture`) under its extent,
// and the points over it. For plots of one's own, such as the activation race's small multiples.
void draw_boundary_items(const BoundaryPicture& picture, const HeatmapTexture& texture, HeatmapPainter* painter);

// The height of the caption under the boundary (what the marks and colours mean, the test loss and
// accuracy), which takes as many rows as `width` needs.
float boundary_caption_height(const BoundaryPicture& picture, float width);

// The field, the points and the axes, filling `size`; the heatmap goes through `painter` from `texture`
// (which must hold picture.field). Square data area when `size` allows.
// A click on a plot's data area (a press and release without a drag, which pans): where, in data coordinates.
// Also where the mouse is, for tools that work on the plot (drawing points).
struct PlotClick {
    bool clicked = false;
    double x = 0.0, y = 0.0;
    bool hovered = false;                 // the mouse is over the data area
    double mouse_x = 0.0, mouse_y = 0.0;  // the data coordinates under the mouse (hovered or not)
    double per_pixel = 0.0;               // data units a pixel across
    ImVec2 area_min, area_max;            // the data area, in pixels
};
void draw_boundary_plot(const BoundaryPicture& picture, const HeatmapTexture& texture, HeatmapPainter* painter,
                        ImVec2 size, plot::PlotFlags flags, PlotClick* click = nullptr);

// The grid as CSV: x1,x2,output for two classes and regression (the network's output: tanh, σ or the
// regression value), or x1,x2,p0,…,p(K−1) for softmax; one row per grid point, x1 fastest. At a
// temperature T ≠ 1 the outputs are those at T (tanh(z/T), σ(z/T), softmax(z/T)), followed by the
// logits z (or z0,…,z(K−1)) they come from; with the entropy map, a last column `entropy` (0 to 1).
std::string boundary_csv(const BoundaryPicture& picture, const core::DecisionGrid& grid);

// `actlab export boundary`'s keys for --help: the training keys, then temperature= and entropy=.
const char* boundary_keys_help();

// An export: the picture drawn off screen (its own texture, made in the export's GL context).
Figure boundary_export_figure(std::shared_ptr<const BoundaryPicture> picture,
                              std::shared_ptr<const core::DecisionGrid> grid, const std::string& stem);

// A finished run's picture: the field of `network` at n × n over the data, the split points and a title.
// `data_name` is "circle" or the file's name. `with_neurons` also fills grid->neurons (every hidden
// unit, for the network diagram) in the same pass. The picture's temperature and entropy are read
// (set them first); for a regression they are put back to 1 and off.
void make_boundary_picture(const core::TrainConfig& config, const core::Dataset& data, const std::string& data_name,
                           const core::Mlp& network, const core::EpochRecord* last, int n, BoundaryPicture* picture,
                           core::DecisionGrid* grid, bool with_neurons = false);

}  // namespace actlab::app
