// What a training network is doing inside, at one evaluated epoch, for the playground's live views:
// where each hidden layer's units sit on their activation curve, and how large the gradient is layer
// by layer as it flows back from the loss.
//
// Units on the curve: the pre-activation z of every hidden unit at every training point, and the zone
// its f'(z) puts it in:
//   dead       f'(z) = 0 (no gradient passes back through the unit at this point)
//   saturated  0 < |f'(z)| < threshold (the curve is nearly flat: little passes back)
//   active     |f'(z)| ≥ threshold
// f' is the one training uses (the activation's block kernel, PReLU at its learned α).
//
// Gradient across layers: for each layer (the hidden layers from the input side, then the output
// layer) the RMS over training points n and the layer's units u of ∂ℓ_n/∂z_u, where ℓ_n is point n's
// own loss, at the epoch's weights; and the size of the epoch's update of the layer's weights relative
// to the weights, ‖W(e) − W(e−1)‖ / ‖W(e−1)‖ (Frobenius norms; biases left out).
#pragma once

#include "core/activation.h"

#include <vector>

namespace actlab::core {

enum class Zone : unsigned char { Dead, Saturated, Active };
constexpr int kZones = 3;
const char* zone_name(Zone zone);  // "dead", "saturated", "active"

constexpr double kDefaultSaturation = 0.05;  // the explorer's shading threshold too

// One hidden layer's units at every training point.
struct LayerActivity {
    int units = 0, points = 0;
    int activation = 0;           // catalogue index
    ParamValues params;           // as trained so far (PReLU's learned α)
    bool gated = false;           // gated units: z and f' are of each unit's gate (act(gate) · value)
    std::vector<double> z;        // z[u · points + n]
    std::vector<double> dz;       // f'(z), same layout
};

// Which zone f'(z) = dz puts a unit in.
// (threshold > 0; without branches, which a layer's mixed zones would mispredict at every point)
inline Zone zone_of(double dz, double threshold) {
    return static_cast<Zone>(static_cast<int>(dz != 0.0) + static_cast<int>(dz >= threshold || dz <= -threshold));
}

// A layer's z values in equal bins over [low, high]: pooled over its units, split by zone (a bin across
// a zone's edge counts its points in each), and unit by unit. Every value falls in a bin: low and high
// are chosen to hold them all.
constexpr int kActivityBins = 40;
struct LayerHistogram {
    double low = 0.0, high = 0.0;              // the bins' range; bin b is [low + b·w, low + (b+1)·w)
    int bins = kActivityBins;
    std::vector<int> counts;                   // [zone · bins + b], zones in Zone's order
    std::vector<int> unit_counts;              // [u · bins + b]
    int zone_total[kZones] = {0, 0, 0};        // over units × points
    int units = 0, points = 0;
    int activation = 0;                        // the layer's, as in LayerActivity
    ParamValues params;
    bool gated = false;
    double bin_low(int b) const { return low + (high - low) * b / bins; }
    double bin_high(int b) const { return b + 1 == bins ? high : low + (high - low) * (b + 1) / bins; }
    int total() const { return units * points; }
};

// The range is symmetric about 0: [−R, R] with R the smallest of 1, 2, 5 × 10^k that is at least
// max(4, max |z|), so a curve drawn over it shows both of its ends and 0 is a bin edge. NaN or
// infinite z (a blown-up run) are counted in the end bins.
LayerHistogram layer_histogram(const LayerActivity& layer, double threshold, int bins = kActivityBins);

// The per-layer gradient of every evaluated epoch of a run, in one flat table (no allocation per epoch):
// row r is epochs[r], with layers() values in each of grad_rms and update_ratio.
struct GradientHistory {
    int layers = 0;                            // hidden layers + the output layer
    std::vector<int> epochs;
    std::vector<double> grad_rms;              // [r · layers + l]
    std::vector<double> update_ratio;          // NaN at epoch 0 (no update yet)
    int rows() const { return static_cast<int>(epochs.size()); }
    void clear(int layer_count) {
        layers = layer_count;
        epochs.clear();
        grad_rms.clear();
        update_ratio.clear();
    }
    void add(int epoch, const std::vector<double>& rms, const std::vector<double>& ratio);
    // Keeps the rows whose epoch is a multiple of `every` (epoch 0 included), as the loss history is thinned.
    void keep_multiples(int every);
    // Keeps rows 0, 2, 4, … (a long run's history in bounded memory).
    void keep_every_second();
    // Drops the rows after `epoch` (back to an earlier epoch).
    void drop_after(int epoch);
};

}  // namespace actlab::core
