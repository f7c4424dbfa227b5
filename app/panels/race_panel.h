// The playground's activation race: the playground's network trained 2 to 4 times at once, each on
// its own worker thread (core/trainer.h), from the same initial weights on the same data, with only
// the hidden activation changed. The pictures are app/figures/race_figure.h's.
#pragma once

#include "app/figures/race_figure.h"
#include "app/render/heatmap.h"
#include "core/trainer.h"

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

struct AppState;

// Trainer history is thinned past core::kHistoryCap records; a race stays below it so its CSV keeps
// every epoch, like `actlab export race`.
constexpr int kMaxRaceEpochs = 3000;
// Epochs per second of a race in slow motion: 500 epochs take five seconds.
constexpr double kRaceSlowSpeed = 100.0;

// One runner: its trainer and its newest snapshot's texture.
struct RaceRunner {
    int activation = 0;                         // catalogue index, in every hidden layer
    std::unique_ptr<core::Trainer> trainer;
    long shown_serial = -1;                     // the snapshot result.entries[i] was made from
    std::unique_ptr<HeatmapTexture> texture;    // its boundary (made on first draw; release_race_gl)
};

struct RaceState {
    // the controls: the next race
    std::vector<int> activations = {core::activation_index("sigmoid"), core::activation_index("tanh"),
                                    core::activation_index("relu"), core::activation_index("gelu")};
    int epochs = 500;                           // every runner pauses by itself at this epoch
    double target_loss = 0.05;                  // the table counts the epochs to reach it (changes apply at once)
    bool slow = false;                          // train at kRaceSlowSpeed so the class can watch (else flat out)
    std::string message;                        // why the race cannot start: shown in red
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

// Draws the race's controls and pictures, laid out for `room` (taller when that is too low for them).
void draw_race_panel(AppState& state, ImVec2 room);
// The race as an export (what is on screen now).
Figure race_panel_figure(const RaceState& race);
// A runner is training or has a snapshot not drawn yet: the window should draw at full rate.
bool race_animating(const RaceState& race);
// Frees the textures (before the GL context goes).
void release_race_gl(RaceState& race);

}  // namespace actlab::app
