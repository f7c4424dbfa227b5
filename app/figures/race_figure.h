// The activation race: one network trained several times from the same initial weights on the same
// data, each run with another hidden activation, side by side. The playground's "Activation race" tab
// and `actlab export race` both draw it: the boundaries as small multiples, the test losses overlaid,
// and a table of how soon each reached a chosen loss and how well it ended.
#pragma once

#include "app/figures/boundary_figure.h"
#include "app/figures/figure.h"
#include "app/figures/training_keys.h"
#include "app/plot/plot.h"
#include "core/training.h"

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

constexpr int kMinRaceRunners = 2;
constexpr int kMaxRaceRunners = 4;

// What a runner trains: every hidden layer of the playground's network with this activation, plain or
// gated, and as many units as the playground's layers have or a width of its own.
struct RunnerKind {
    int activation = 0;                      // catalogue index (the gate's, when gated)
    bool gated = false;                      // each unit f(gate) · value (SwiGLU for SiLU)
    int units = 0;                           // every hidden layer's units (1 … kMaxUnits), or 0: as they are
    bool operator==(const RunnerKind& o) const { return activation == o.activation && gated == o.gated && units == o.units; }
    bool operator!=(const RunnerKind& o) const { return !(*this == o); }
};
// "relu", "swiglu", "gated_tanh", with ":8" when it has its own width.
std::string runner_id(const RunnerKind& runner);
// "ReLU", "SwiGLU", "ReLU · 8 units", "SwiGLU · 6 gated units".
std::string runner_label(const RunnerKind& runner);
// The inverse of runner_id: a catalogue id, a gated variant's id (swiglu) or gated_<id>, then
// optionally ":units". False with *why on anything else.
bool parse_runner(const std::string& text, RunnerKind* runner, std::string* why);

// One runner of the race.
struct RaceEntry {
    RunnerKind runner;
    int parameters = 0;                      // of its network
    std::vector<core::EpochRecord> history;  // epochs 1, 2, … as far as the run got (no epoch 0)
    core::Divergence divergence;             // when the run stopped early
    BoundaryPicture picture;                 // the boundary as of the last epoch in `history`
};

struct RaceResult {
    std::vector<RaceEntry> entries;          // in the order chosen
    double target_loss = 0.05;               // the test loss each runner races to
    int epochs = 500;                        // the race's length
    bool classification = true;             // accuracy is defined
    std::string subtitle;                    // what was trained, without the activation: "circle · 2-4-2-1 · ..."
};

// The config of a runner: `base` with every hidden layer's activation replaced, gated or not, and its
// units replaced when the runner has a width of its own.
core::TrainConfig race_config(const core::TrainConfig& base, const RunnerKind& runner);

// The epoch at which entry reached the target loss, or -1.
int race_epochs_to_target(const RaceResult& race, const RaceEntry& entry);
// The runners that reached the target in the fewest epochs: one, or several that tie. Empty while none
// has reached it, or while one that has not may still tie or beat them (it has run fewer epochs, has
// not blown up and has not finished).
std::vector<int> race_leaders(const RaceResult& race);

// Trains every runner headless for race.epochs (or up to a divergence), recording every epoch, and
// draws each final boundary on an n × n grid.
RaceResult train_race(const core::TrainConfig& base, const core::Dataset& data, const std::string& data_name,
                      const std::vector<RunnerKind>& runners, int epochs, double target_loss, int grid_points);

// The CSV: runner,parameters,epoch,train_loss,test_loss,train_accuracy,test_accuracy, one row per
// runner and epoch, runners in order (accuracy empty for regression); runner is runner_id.
std::string race_csv(const RaceResult& race);

// The three parts, each filling `size` (the table takes the width it is given and the height it needs).
// textures[i] holds race.entries[i].picture.field. `refit` shows the home views now (new epochs came in,
// or an export); otherwise the plots keep the user's pan and zoom.
void draw_race_boundaries(const RaceResult& race, const std::vector<const HeatmapTexture*>& textures,
                          HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags, bool refit);
void draw_race_losses(const RaceResult& race, ImVec2 size, plot::PlotFlags flags, bool refit);
void draw_race_table(const RaceResult& race, float width);
// The least height draw_race_figure needs to keep its plots readable.
float race_figure_min_height();
// All of it in one picture: a title, the boundaries across the top, the losses and the table below.
void draw_race_figure(const RaceResult& race, const std::vector<const HeatmapTexture*>& textures,
                      HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags, bool refit);

// `actlab export race`'s keys for --help: race=, race_loss= and the training keys.
const char* race_keys_help();

// An export of the whole race (its textures made in the export's GL context when drawn).
Figure race_export_figure(std::shared_ptr<const RaceResult> race, const std::string& stem);

}  // namespace actlab::app
