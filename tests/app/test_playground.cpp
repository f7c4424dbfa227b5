// The playground's state without a window: loading the user's CSV, good or bad, and who leads a race.
#include "app/figures/race_figure.h"
#include "app/panels/playground_controls.h"
#include "app/model/playground_model.h"
#include "app/panels/playground_panel.h"
#include "core/trainer.h"

#include "process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

using namespace actlab;
using namespace actlab::app;

TEST(Playground, ABadCsvIsReportedWithItsLineAndNothingChanges) {
    TempDir tmp;
    std::ofstream(tmp / "bad.csv") << "x1,x2,label\n0.5,1,1\n0.25,oops,-1\n";
    PlaygroundState p;
    p.data = core::make_dataset(p.view.config.data);
    const core::TrainConfig before = p.view.config;
    const int points = p.data.size();
    EXPECT_FALSE(load_playground_csv(p, tmp / "bad.csv"));
    EXPECT_NE(p.message.find("line 3"), std::string::npos) << p.message;
    EXPECT_NE(p.message.find("kept"), std::string::npos) << p.message;
    EXPECT_EQ(p.data.size(), points);
    EXPECT_TRUE(p.view.data_file.empty());
    EXPECT_EQ(p.view.config.output, before.output);
    EXPECT_FALSE(load_playground_csv(p, tmp / "missing.csv"));
    EXPECT_EQ(p.data.size(), points);
}

TEST(Playground, AGoodCsvReplacesThePointsAndGetsAnOutputThatSuitsIt) {
    TempDir tmp;
    std::ofstream(tmp / "three.csv") << "x1,x2,label\n0,0,0\n1,0,1\n0,1,2\n1,1,0\n2,2,1\n3,1,2\n";
    PlaygroundState p;
    p.data = core::make_dataset(p.view.config.data);
    ASSERT_TRUE(load_playground_csv(p, tmp / "three.csv")) << p.message;
    EXPECT_TRUE(p.message.empty());
    EXPECT_EQ(p.data.size(), 6);
    EXPECT_EQ(p.data.classes, 3);
    EXPECT_EQ(p.view.data_file, tmp / "three.csv");
    EXPECT_EQ(p.data_name, "three.csv");
    EXPECT_EQ(p.view.config.output, core::Output::Softmax);  // tanh cannot train three classes
    EXPECT_EQ(p.view.config.loss, core::LossKind::Ce);
    EXPECT_TRUE(p.needs_reset);
    std::ofstream(tmp / "reg.csv") << "x1,x2,label\n0,0,0.25\n1,0,1.5\n0,1,-2\n";
    ASSERT_TRUE(load_playground_csv(p, tmp / "reg.csv")) << p.message;
    EXPECT_EQ(p.data.classes, 0);
    EXPECT_EQ(p.view.config.output, core::Output::Identity);
}

// Ctrl+Shift+E before the run's first snapshot is on screen: the run's epoch 0, never an empty grid.
TEST(Playground, AnExportBeforeTheFirstSnapshotIsTheRunsEpochZero) {
    AppState state;
    PlaygroundState& p = state.playground;
    p.data = core::make_dataset(p.view.config.data);
    p.data_name = "circle";
    const Figure figure = playground_figure(state);
    EXPECT_NE(figure.stem.find("_epoch0_"), std::string::npos) << figure.stem;
    const std::string csv = figure.csv();
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 256 * 256 + 1);  // the header and the 256 × 256 grid
    // the same as the trainer's own epoch 0
    core::Training start(p.view.config, p.data);
    auto snap = std::make_shared<core::Snapshot>();
    snap->network = start.network();
    snap->history.push_back(start.evaluate());
    p.shown = snap;
    EXPECT_TRUE(playground_figure(state).csv() == csv);
}

// Just after a reset the snapshot on screen is still the last run's: an export then must not draw that
// network with the new settings (here one more input feature than it has weights for).
TEST(Playground, AnExportJustAfterTheFeaturesChangeIsOfTheNewRun) {
    AppState state;
    PlaygroundState& p = state.playground;
    p.data = core::make_dataset(p.view.config.data);
    p.data_name = "circle";
    core::Training old_run(p.view.config, p.data);
    for (int e = 0; e < 5; ++e) old_run.run_epoch();
    auto old_snap = std::make_shared<core::Snapshot>();
    old_snap->epoch = 5;
    old_snap->network = old_run.network();
    old_snap->history.push_back(old_run.evaluate());
    p.view.config.features |= core::Feature_X1Sq;
    const std::string fresh = playground_figure(state).csv();  // nothing shown: the new run's epoch 0
    p.shown = old_snap;
    const Figure figure = playground_figure(state);
    EXPECT_NE(figure.stem.find("_epoch0_"), std::string::npos) << figure.stem;
    EXPECT_TRUE(figure.csv() == fresh) << "the export drew the last run's network";
}

namespace {

// A runner whose test loss is 1 until `reached`, then 0.01, recorded up to epoch `last` (or blown up there).
actlab::app::RaceEntry runner(int reached, int last, bool blew_up = false) {
    actlab::app::RaceEntry e;
    for (int epoch = 1; epoch <= last; ++epoch) {
        actlab::core::EpochRecord r;
        r.epoch = epoch;
        r.test_loss = reached > 0 && epoch >= reached ? 0.01 : 1.0;
        e.history.push_back(r);
    }
    e.divergence.happened = blew_up;
    return e;
}

}  // namespace

TEST(Race, ATieForFirstIsATie) {
    actlab::app::RaceResult race;
    race.epochs = 100;
    race.target_loss = 0.05;
    race.entries = {runner(0, 100), runner(23, 100), runner(23, 100), runner(40, 100)};
    EXPECT_EQ(actlab::app::race_leaders(race), (std::vector<int>{1, 2}));
    // one epoch sooner is first alone, whatever the losses at the end
    race.entries[2] = runner(22, 100);
    EXPECT_EQ(actlab::app::race_leaders(race), (std::vector<int>{2}));
    race.entries = {runner(0, 100), runner(0, 100)};
    EXPECT_TRUE(actlab::app::race_leaders(race).empty());
}

TEST(Race, NoOneIsFirstWhileARunnerBehindCanStillTieOrWin) {
    actlab::app::RaceResult race;
    race.epochs = 100;
    race.target_loss = 0.05;
    // a live race: one runner reached the target at 23; the other is at epoch 20, still running
    race.entries = {runner(23, 30), runner(0, 20)};
    EXPECT_TRUE(actlab::app::race_leaders(race).empty());
    race.entries[1] = runner(0, 23);  // at 23 without reaching it: it can only be later now
    EXPECT_EQ(actlab::app::race_leaders(race), (std::vector<int>{0}));
    race.entries[1] = runner(0, 10, true);  // blew up early: out of the race
    EXPECT_EQ(actlab::app::race_leaders(race), (std::vector<int>{0}));
}
