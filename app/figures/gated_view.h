// What the gated-units lab shows, as a plain struct, and its ranges: the panel, settings.json and
// `actlab export glu-...` all change it, and its keys (gated_keys.h) read and write it without ImGui.
#pragma once

#include "core/activation.h"
#include "core/gated.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::app {

constexpr double kMaxGatedInput = 1000.0;    // |a|, |b| and the ranges' ends at most this
constexpr int kMinGatedSamples = 2;          // points per side of the grid (and along a slice)
constexpr int kMaxGatedSamples = 1001;       // a grid of at most 1001² points
constexpr int kMaxGatedPoints = 1001;        // exact values in a= or b=
constexpr std::int64_t kMinFeedForwardWidth = 1;
using core::kMaxFeedForwardWidth;            // d_model, d_ff and the multiple: 1 to 2^24

// The slice of g(a, b) drawn as curves.
enum class GatedSlice {
    Diagonal,   // b = a: g = act(x)·x, and its derivative act'(x)·x + act(x)
    FixedB,     // b held at slice_b: g and ∂g/∂a along a
    FixedA,     // a held at slice_a: g and ∂g/∂b along b (a line: g is linear in b)
};

// The lab's figures (gated_figure.h draws them; the command line names them glu-surface, ...).
enum class GatedPlot { Surface, Gradient, Slice, Ffn };
constexpr int kGatedPlots = 4;

// Everything that decides what the gated-units figures show.
struct GatedView {
    int gate;                                   // catalogue index of act (default silu: SwiGLU)
    std::vector<core::ParamValues> params;      // per catalogue entry (indexed like the catalogue)
    double a_min = -4.0, a_max = 4.0;           // the square of (a, b) the maps show
    double b_min = -4.0, b_max = 4.0;
    int samples = 161;                          // grid points per side; points along a slice
    std::vector<double> a_points, b_points;     // exact values for the CSV (empty: the sweep)
    bool show_ungated = false;                  // the plain act(a) beside the surface
    GatedSlice slice = GatedSlice::Diagonal;
    double slice_b = 1.0;                       // FixedB's b
    double slice_a = 1.0;                       // FixedA's a
    bool show_probe = true;                     // a draggable point along the slice, with its values
                                                // (off: where it was does not matter, and is not compared)
    double probe = 1.0;                         // where (in the slice's variable)
    std::int64_t d_model = 768;                 // the feed-forward block: model width (T5-base)
    std::int64_t d_ff = 3072;                   // hidden width of the standard block (4 · 768)
    std::int64_t multiple = 256;                // the 2/3 rule's width rounded up to a multiple of this

    GatedView();                                // SwiGLU, every entry at its default parameters
    core::Gate gate_now() const;                // the gate with its parameters
    bool operator==(const GatedView& o) const;
    bool operator!=(const GatedView& o) const { return !(*this == o); }
};

// The named variant whose gate is this activation at its default parameters, or nullptr.
const core::GatedVariant* gated_variant_of(const GatedView& view);
// "SwiGLU" for a named variant, "Swish (β = 2) gate" otherwise: how titles name the unit.
std::string gated_unit_name(const GatedView& view);

}  // namespace actlab::app
