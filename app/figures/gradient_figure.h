// The gradient-decay figures: the gradient per layer of a random deep network with the chain view
// beside it, the activations and dead units per layer, the chain view alone, and a comparison of
// (activation, initialisation) pairs. Drawn in the gradient panel, into off-screen PNGs and as CSV,
// from the window and from `actlab export gradient-flow | gradient-chain | gradient-compare`.
#pragma once

#include "app/figures/figure.h"
#include "app/figures/gradient_view.h"
#include "app/plot/plot.h"
#include "core/activation.h"
#include "core/gradient_flow.h"
#include "core/init.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::app {

// "Leaky ReLU (α = 0.1)", the parameters to `digits` significant digits.
std::string activation_label(const core::Activation& act, const core::ParamValues& params, int digits = 6);
// "he", "normal σ = 0.5", "uniform a = 1".
std::string init_label(const core::Init& init);
// "relu + he": a comparison pair as the legend shows it.
std::string pair_label(const GradientPair& pair);
// How pair i of `pairs` is drawn: a colour of its own (series_looks.h, in the order of the pairs; there
// are fewer pairs than colours), and a marker of its own on the layers as a second cue.
struct PairStyle {
    ImU32 color;
    plot::LineDash dashed;
    plot::Marker marker;
};
PairStyle pair_style(const std::vector<GradientPair>& pairs, size_t i);

// How a figure is drawn: on screen the plots keep their own pan and zoom; for export the home view
// is forced.
struct GradientDrawOptions {
    plot::PlotFlags flags = 0;
    plot::Cond cond = plot::Cond_Once;  // Cond_Always: show the home view now (new data, or export)
    std::string stale;                  // not empty: the plot shows an older result, and this says what is coming
};

// The chain view f'(z)^k for k = 1..depth of one function at one z: computed when its inputs change
// (compute_chain), not every frame.
struct ChainData {
    int activation = -1;            // what it was computed for
    core::ParamValues params{};
    double z = 0.0;
    int depth = 0;
    double slope = 0.0;             // f'(z)
    std::vector<double> products;   // f'(z)^k, k = 1..depth
    int underflow = 0;              // core::chain_underflow: first k stored as 0 though f'(z) ≠ 0, or 0
};
ChainData compute_chain(const GradientView& view, int depth);
// Recomputes *cache only when the view's function, parameters, z or the depth differ from its own.
const ChainData& update_chain(ChainData* cache, const GradientView& view, int depth);

// The gradient RMS per layer (log y) with the chain view f'(z)^(layers passed) for the same function.
// `layers` empty: nothing computed yet (a note says so).
// `chain` is compute_chain(view, layers.size()) (view.depth while `layers` is empty).
void draw_gradient_plot(const GradientView& view, const std::vector<core::LayerStats>& layers, const ChainData& chain,
                        ImVec2 size, const GradientDrawOptions& options);
// The spread (std) and |mean| of the activations per layer, log y.
void draw_activity_plot(const GradientView& view, const std::vector<core::LayerStats>& layers, ImVec2 size,
                        const GradientDrawOptions& options);
// The dead units per layer, in % of the layer.
void draw_dead_plot(const GradientView& view, const std::vector<core::LayerStats>& layers, ImVec2 size,
                    const GradientDrawOptions& options);
// f'(z)^k for k = 1..depth, log y, with a note where it leaves the double range.
void draw_chain_plot(const GradientView& view, const ChainData& chain, ImVec2 size, const GradientDrawOptions& options);
// The gradient RMS per layer of every pair (results[i] for view.compare[i]; may be shorter).
void draw_compare_plot(const GradientView& view, const std::vector<std::vector<core::LayerStats>>& results,
                       ImVec2 size, const GradientDrawOptions& options);
// The gradient plot above, the activity and dead-unit plots side by side below: the main figure.
void draw_flow_figure(const GradientView& view, const std::vector<core::LayerStats>& layers, const ChainData& chain,
                      ImVec2 size, const GradientDrawOptions& options);

// The home view of a log axis over these values: from the smallest positive to the largest with 4 %
// spare on either side, at least two decades (so the axis has labels at powers of ten and a flat line
// looks flat), down into the subnormals (4.9e−324) if the values go there.
void log_range(const std::vector<double>& values, double* lo, double* hi);

// CSVs, numbers as %.17g.
std::string gradient_chain_csv(const GradientView& view);  // layers,product   (layers = 1..depth)
std::string gradient_flow_csv(const std::vector<core::LayerStats>& layers);  // layer,grad_rms,act_mean,act_std,dead_fraction
std::string gradient_compare_csv(const GradientView& view, const std::vector<std::vector<core::LayerStats>>& results);

// File names that say what is shown: "gradient-flow_relu_he_30x256_b256_seed1".
std::string gradient_flow_stem(const GradientView& view);
std::string gradient_chain_stem(const GradientView& view);
std::string gradient_compare_stem(const GradientView& view);

// Figures for export, holding copies of what they show.
Figure gradient_flow_figure(const GradientView& view, const std::vector<core::LayerStats>& layers);
Figure gradient_chain_figure(const GradientView& view);
Figure gradient_compare_figure(const GradientView& view, const std::vector<std::vector<core::LayerStats>>& results);

}  // namespace actlab::app
