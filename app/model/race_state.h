// The activation race's state: the playground's network trained 2 to 4 times at once, each on its own
// worker thread (core/trainer.h), from the same initial weights on the same data, with only the hidden
// activation changed. The panel (app/panels/race_panel.h) edits the controls and raises requests; the
// model step (app/model/playground_model.h) starts, pauses and paces the runners and takes their
// snapshots into `result`.
#pragma once

#include "app/figures/race_figure.h"
#include "app/render/heatmap.h"
#include "core/trainer.h"

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

// Trainer history is thinned past core::kHistoryCap records; a race stays below it so its CSV keeps
// every epoch, like `actlab export race`.
constexpr int kMaxRaceEpochs = 3000;
// Epochs per second of a race in slow motion: 1 to 60, 10 at first (a 500-epoch race in 50 s).
constexpr int kRaceMinSlowSpeed = 1, kRaceMaxSlowSpeed = 60, kRaceSlowSpeed = 10;

// One runner: its trainer and its newest snapshot's texture.
struct RaceRunner {
    RunnerKind kind;                            // what it trains, in every hidden layer
    std::unique_ptr<core::Trainer> trainer;
    long shown_serial = -1;                     // the snapshot result.entries[i] was made from
    std::unique_ptr<HeatmapTexture> texture;    // its boundary (made on first draw; release_race_gl)
};

struct RaceState {
    // the controls: the next race
    std::vector<RunnerKind> kinds = {{core::activation_index("sigmoid")}, {core::activation_index("tanh")},
                                     {core::activation_index("relu")}, {core::activation_index("gelu")}};
    int epochs = 500;                           // every runner pauses by itself at this epoch
    double target_loss = 0.05;                  // the table counts the epochs to reach it (changes apply at once)
    bool slow = false;                          // train at slow_speed so the class can watch (else flat out)
    int slow_speed = kRaceSlowSpeed;            // epochs a second in slow motion
    std::string message;                        // why the race cannot start: shown in red
    // requests from the panel, for the model step
    bool start_requested = false;               // Start race
    bool pause_requested = false, resume_requested = false;
    bool applied_slow = false;                  // the pace the runners were last given
    int applied_slow_speed = kRaceSlowSpeed;
    // derived by the model step for the panel
    std::string problem;                        // why the playground's settings cannot race now ("" when they can)
    bool running = false;                       // some runner is training
    bool unfinished = false;                    // some runner is below the finish and has not blown up
    std::string typed_message;                  // why a typed epoch count or target was refused
    // the race started last
    std::vector<RaceRunner> runners;
    core::TrainConfig config;                   // the playground's config it started from
    core::Dataset data;                         // the points it trains on
    std::string data_name;                      // "circle", or the file's name
    RaceResult result;                          // the runners' newest snapshots, as drawn and exported
    bool refit = true;                          // new epochs came in: the plots show their home views
    HeatmapPainter painter;
    core::DecisionGrid grid;                    // scratch for the pictures
};

// Why the race cannot start from the playground's settings, or "" when it can.
std::string race_problem(const RaceState& race, const core::TrainConfig& config, const core::Dataset& data);

}  // namespace actlab::app
