// Units on the curve: for each hidden layer of a training network, its activation f and f' as the
// explorer draws them, the zones where learning stalls shaded, and under them on the same z axis a
// histogram of where the layer's units sit at the training points, coloured by zone. The playground
// and `actlab export units` draw it with the same function.
#pragma once

#include "app/figures/activation_figure.h"
#include "app/figures/figure.h"
#include "app/plot/plot.h"
#include "core/network_activity.h"

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

// What the figure shows: the histograms of one evaluated epoch (core::layer_histogram), hidden layers
// from the input side.
struct UnitsPicture {
    std::vector<core::LayerHistogram> layers;
    int epoch = 0;
    double threshold = core::kDefaultSaturation;  // the one the histograms were binned with
    std::string title;                             // "Units on the curve at epoch 500"
    std::string subtitle;                          // what was trained: "circle · 2-4-2-1 tanh · ..." (may be empty)
    // each layer's curve as the explorer samples it over the histogram's range (made with the picture,
    // not each frame)
    std::vector<ActivationView> views;
    std::vector<ActivationCurves> curves;
};

// The picture of `layers` binned with `threshold` at `epoch`; `subtitle` says what was trained.
UnitsPicture make_units_picture(std::vector<core::LayerHistogram> layers, int epoch, double threshold,
                                const std::string& subtitle);

// The zone f' puts z in, for the layer's activation at its parameters (PReLU's learned α).
core::Zone zone_at(const core::LayerHistogram& layer, double z, double threshold);

// "Layer 2 · Tanh: 71 % saturated, 0 % dead, 29 % active"; with `unit` ≥ 0, which of its units is
// shown: "Layer 2 · Tanh · unit 3 of 4 (the layer: 71 % saturated, 0 % dead, 29 % active)".
// `layer` counts from 0, `unit` from 0; the caption counts both from 1.
std::string units_caption(const UnitsPicture& picture, int layer, int unit = -1);

// Draws every hidden layer's curve and histogram filling `size`: side by side where each has room,
// else in rows. `layer` and `unit` (both from 0) name a unit to show alone: that layer's histogram is
// then the unit's own z, the others stay pooled over their units. -1: every layer pooled.
void draw_units_figure(const UnitsPicture& picture, ImVec2 size, int layer = -1, int unit = -1,
                       plot::PlotFlags flags = 0);

// The height the figure needs at `width` for every layer's plots to stay readable (a data area of at
// least 3 font heights in each): where it gets less, its cells are cramped.
float units_figure_min_height(const UnitsPicture& picture, float width);

// The CSV: layer,bin_low,bin_high,count,zone. Hidden layers from 1 (the input side), all units pooled,
// bin by bin from low to high, a row for each zone a bin holds points of (a bin across a zone's edge has
// one for each); an empty bin one row of count 0 in the zone of f' at its middle. A layer's counts add
// up to training points × units.
std::string units_csv(const UnitsPicture& picture);

Figure units_export_figure(std::shared_ptr<const UnitsPicture> picture, const std::string& stem);

// The keys of `actlab export units`: threshold= and the training keys, for --help.
const char* units_keys_help();
constexpr double kMinUnitsThreshold = 0.001;
constexpr double kMaxUnitsThreshold = 1.0;

}  // namespace actlab::app
