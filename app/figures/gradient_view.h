// What the gradient figures show, as a plain struct, and its ranges: the panel, settings.json and
// `actlab export gradient-...` all change it, and its keys (gradient_keys.h) read and write it without ImGui.
#pragma once

#include "core/activation.h"
#include "core/gradient_flow.h"
#include "core/init.h"

#include <cstdint>
#include <vector>

namespace actlab::app {

// One line of the comparison plot.
struct GradientPair {
    int activation;        // catalogue index
    core::InitKind init;
    bool operator==(const GradientPair& o) const { return activation == o.activation && init == o.init; }
};
constexpr int kMinPairs = 2;
constexpr int kMaxPairs = 4;

// Ranges of the settings (the sliders' and the command line's).
constexpr double kMaxChainZ = 100.0;          // |z| of the chain view
constexpr double kMinSpread = 0.001;          // σ of normal, a of uniform
constexpr double kMaxSpread = 10.0;
constexpr double kMaxAbsBias = 10.0;
constexpr std::uint64_t kMaxSeed = 4294967295u;

// Everything that decides what the gradient figures show.
struct GradientView {
    int activation;                           // catalogue index, for the network and the chain view
    std::vector<core::ParamValues> params;    // per catalogue entry (indexed like the catalogue)
    core::Init init;                          // the weights' kind, σ, a, and the biases' value
    int depth = 30;                           // hidden layers
    int width = 256;                          // units per layer
    int batch = 256;                          // inputs sent through at once
    std::uint64_t seed = 1;
    double z = 1.0;                           // the chain view's pre-activation: 1 everywhere by default
                                              // (at ReLU's kink, 0, f'(0) = 0 ends the chain at once)
    std::vector<GradientPair> compare;        // kMinPairs..kMaxPairs pairs for the comparison plot

    GradientView();                           // ReLU, He, 30 × 256, batch 256, seed 1, z = 1, four pairs
    core::FlowConfig network() const;         // the network of the main figure
    // Pair i's network: its activation and init, with the view's depth, width, batch, σ, a, bias and seed.
    core::FlowConfig pair_network(size_t i) const;
    bool operator==(const GradientView& o) const;
};

// The inits the gradient lab offers (the trainer's playground init is not one of them).
constexpr core::InitKind kGradientInits[] = {core::InitKind::Xavier, core::InitKind::He, core::InitKind::Lecun,
                                             core::InitKind::Normal, core::InitKind::Uniform};

}  // namespace actlab::app
