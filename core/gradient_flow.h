// Gradient decay across layers, seen two ways.
//
// Chain view: a gradient passing back through k layers is multiplied by the local derivative of each.
// If every layer sees the same pre-activation z (and weights of 1), that is f'(z)^k: 0.25^10 ≈ 9.5e-7
// for sigmoid at its steepest point, z = 0.
//
// Network view: a random deep MLP of `depth` hidden layers, each `width` units wide,
//   z_l = W_l a_(l-1) + b_l,   a_l = f(z_l),   a_0 = x (a batch of N(0, 1) inputs, one column each)
// run forward on the whole batch, then backward from a random N(0, 1) gradient g_L = ∂loss/∂a_L:
//   δ_l = g_l ⊙ f'(z_l)        (the gradient with respect to the pre-activations)
//   g_(l-1) = W_lᵀ δ_l
// Per layer we report the RMS of δ_l, the mean and spread of a_l, and how many units are dead.
#pragma once

#include "core/activation.h"
#include "core/init.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace actlab::core {

// ---- chain view -----------------------------------------------------------------------------

constexpr int kMinFlowDepth = 1;     // hidden layers (and chain lengths)
constexpr int kMaxFlowDepth = 100;

// f'(z)^k for k = 1..depth (entry k-1 holds k layers), each the double nearest (f'(z) as a double)^k:
// |f'|^k comes from std::pow (exp(k·log|f'|) carried in extra precision, below 1 ulp in glibc), the sign
// from the parity of k. A result below the smallest subnormal (4.9e-324) is 0; see chain_underflow.
std::vector<double> chain_products(const Activation& act, const double* params, double z, int depth);

// The first k (1-based) where f'(z)^k is stored as 0 although f'(z) ≠ 0: the true value is below the
// double range from there on. 0 when that never happens within `depth` layers (or f'(z) is exactly 0).
int chain_underflow(const Activation& act, const double* params, double z, int depth);

// ---- network view ---------------------------------------------------------------------------

constexpr int kMinFlowWidth = 2;
constexpr int kMaxFlowWidth = 1024;
constexpr int kMinFlowBatch = 1;
constexpr int kMaxFlowBatch = 512;

// A deep random network and the batch sent through it.
struct FlowConfig {
    int activation;              // catalogue index
    ParamValues params;          // the activation's parameters
    Init init;                   // weights (xavier, he, lecun, normal σ, uniform a) and the biases' value
    int depth = 30;              // hidden layers, kMinFlowDepth..kMaxFlowDepth
    int width = 256;             // units per layer (and the input's dimension), kMinFlowWidth..kMaxFlowWidth
    int batch = 256;             // inputs sent through at once, kMinFlowBatch..kMaxFlowBatch
    std::uint64_t seed = 1;      // everything random comes from Rng(seed)

    FlowConfig();                // ReLU at its defaults, He, 30 layers of 256, batch 256, seed 1
    bool operator==(const FlowConfig& o) const;
    bool operator!=(const FlowConfig& o) const { return !(*this == o); }
};

// What one hidden layer looks like after the forward and backward pass (layer 1 is next to the input).
struct LayerStats {
    double grad_rms = 0.0;       // √(mean of δ_l²) over every unit and sample: how much gradient is left
    double act_mean = 0.0;       // mean of a_l over every unit and sample
    double act_std = 0.0;        // standard deviation of a_l over every unit and sample (population)
    double dead_fraction = 0.0;  // units with f'(z) = 0 for every sample of the batch, as a fraction
};

// Progress and cancellation, for a run on a thread of its own; both may be left null.
struct FlowControl {
    std::atomic<int>* steps_done = nullptr;    // +1 after each layer's forward and backward step
    const std::atomic<bool>* cancel = nullptr; // checked between layers: true stops the run
    int threads = 0;                           // threads to share the batch's column blocks; 0: one per core
};
// The steps a run takes: forward and backward through each layer.
inline int flow_steps(const FlowConfig& config) { return 2 * config.depth; }

// Runs the network view. The same config gives bit-identical results on every run and with any number
// of threads (one generator, drawn in a fixed order: the inputs column by column, then W_1 ... W_L as
// init_layer draws them, then the output gradient column by column; the batch is cut into blocks of 64
// columns by its size alone, and the blocks' sums are combined in block order). Returns false, leaving
// *layers as it was, when cancelled.
//
// Precision: the products W a and Wᵀ δ, the stored activations, slopes and gradients are floats, each
// block's over a power of 2 of its own, so no value meets the ends of the float range (the statistics
// still reach 1e±300); the weights and inputs are the generator's doubles rounded to float. z_l, f(z_l),
// f'(z_l), the dead units and every sum behind the statistics are double. On the reference networks
// the statistics agree with a 60-digit computation to a relative 1e-5 (float carries 6e-8 per rounding);
// the figure plots grad_rms on a log axis, where that is far below a pixel.
// Memory: the f'(z) of every layer are kept for the backward pass as floats, 4·depth·width·batch bytes
// (105 MB at 100 × 1024 × 256); the weights are drawn again from a saved generator state instead of kept.
bool gradient_flow(const FlowConfig& config, std::vector<LayerStats>* layers, const FlowControl& control = {});

}  // namespace actlab::core
