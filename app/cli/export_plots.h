// The plots `actlab export` knows. Each turns its --set pairs into a Figure, or says what is wrong.
#pragma once

#include "app/figures/activation_keys.h"
#include "app/figures/figure.h"
#include "app/figures/gated_keys.h"
#include "app/figures/gradient_keys.h"
#include "app/figures/keys.h"
#include "app/figures/playground_view.h"
#include "app/figures/race_figure.h"
#include "app/figures/softmax_keys.h"
#include "app/figures/training_keys.h"
#include "core/dataset.h"

#include <string>
#include <vector>

namespace actlab::app {

// What a plot's --set pairs say, read and checked before anything is computed (no training, no
// sampling, no deep network): every mistake a user can make is found here. A plot fills the members
// it reads and leaves the others as they were.
struct ExportKeys {
    ActivationView activations;  // activations
    SoftmaxView softmax;         // softmax, softmax-logits, softmax-sweep, softmax-filter, softmax-samples
    GradientView gradients;      // gradient-chain, gradient-flow, gradient-compare
    GatedView gated;             // glu-surface, glu-gradient, glu-slice, glu-ffn
    TrainingRequest training;    // loss, boundary, network, race, units, gradient-live, warp
    core::Dataset data;          // the training plots: the points, generated or read from data=
    std::vector<RunnerKind> race;  // race: what each runner trains
    double race_loss = 0.05;     // race: the target test loss
    double temperature = 1.0;    // boundary: the output's logits divided by this when drawn
    bool entropy = false;        // boundary: the entropy map instead of the class colours
    double units_threshold = core::kDefaultSaturation;  // units: |f'| below it is saturated
    WarpView warp;               // warp: the layer, stage and plane
    bool warp_stages = false;    // warp: every stage of every layer, in small multiples
};

struct ExportPlot {
    const char* name;       // the PLOT argument: "activations", "softmax", ...
    const char* summary;    // one line for --help
    const char* keys_help;  // its --set keys, one per line, for --help
    // Reads the --set pairs, applied in the order given, into *keys and checks them. `csv` tells whether
    // a CSV (rather than a PNG) is asked for. On a bad value: false, with *error a full sentence naming it.
    bool (*check)(const std::vector<KeyValue>& sets, bool csv, ExportKeys* keys, std::string* error);
    // Computes the figure from keys that passed check (training headless, for the training plots).
    Figure (*compute)(const ExportKeys& keys, bool csv);

    // check, then compute, from `start` (the defaults, or a session's points in training.given_data).
    bool prepare(const std::vector<KeyValue>& sets, bool csv, Figure* out, std::string* error,
                 ExportKeys start = {}) const;
};

const std::vector<ExportPlot>& export_plots();

// "circle_500epochs_seed1": how a trained figure's file name ends.
std::string training_run_name(const TrainingRequest& request);
// The data as the figures name them: the file given, or the generated dataset's id.
std::string training_data_label(const TrainingRequest& request);
const ExportPlot* find_export_plot(const std::string& name);
// Whether the plot trains a network (and so takes the training keys): loss, boundary, network, ...
bool export_plot_trains(const std::string& name);
// "loss, boundary, network, ...": the plots that train, for a message.
std::string training_plot_names();

}  // namespace actlab::app
