// The trainer thread: commands take effect, snapshots are whole, and nothing races (this file is also
// built with ThreadSanitizer: cmake -DACTLAB_SANITIZE=thread).
#include "core/trainer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace actlab::core {
namespace {

using namespace std::chrono_literals;

TEST(Trainer, StartsEmptyAndStepsOneEpochAtATime) {
    Trainer trainer;
    EXPECT_EQ(trainer.snapshot()->epoch, 0);
    const TrainConfig c = default_train_config();
    trainer.reset(c, make_dataset(c.data));
    trainer.step();
    trainer.step();
    trainer.step();
    trainer.wait_idle();
    const auto s = trainer.snapshot();
    EXPECT_EQ(s->epoch, 3);
    EXPECT_FALSE(s->running);
    ASSERT_EQ(s->history.size(), 4u);  // epoch 0 and the three steps
    EXPECT_EQ(s->history.back().epoch, 3);
    EXPECT_EQ(s->gradient_rms.size(), 3u);
    EXPECT_EQ(s->dead_units.size(), 2u);
    // the same three epochs on this thread give the same weights
    Training direct(c, make_dataset(c.data));
    for (int e = 0; e < 3; ++e) direct.run_epoch();
    EXPECT_TRUE(direct.network().params() == s->network.params());
}

TEST(Trainer, PlaysPausesAndTakesNewSettingsWhileRunning) {
    Trainer trainer;
    const TrainConfig c = default_train_config();
    trainer.reset(c, make_dataset(c.data));
    trainer.play();
    long last_serial = 0;
    int last_epoch = 0;
    for (int i = 0; i < 20; ++i) {
        std::this_thread::sleep_for(5ms);
        const auto s = trainer.snapshot();
        EXPECT_GE(s->serial, last_serial);
        EXPECT_GE(s->epoch, last_epoch);
        // a snapshot is whole: its history ends at its own epoch
        if (!s->history.empty()) {
            EXPECT_LE(s->history.back().epoch, s->epoch);
        }
        last_serial = s->serial;
        last_epoch = s->epoch;
        OptimizerSpec o = c.optimizer;
        o.learning_rate = 0.01 + 0.001 * i;
        o.kind = i % 2 ? OptimizerKind::Adam : OptimizerKind::Sgd;
        trainer.set_optimizer(o);
        trainer.set_batch(1 + i);
    }
    for (int i = 0; i < 2000 && trainer.snapshot()->epoch == 0; ++i) std::this_thread::sleep_for(5ms);  // a slow machine
    trainer.pause();
    trainer.wait_idle();
    const auto paused = trainer.snapshot();
    EXPECT_FALSE(paused->running);
    EXPECT_GT(paused->epoch, 0);
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(trainer.snapshot()->epoch, paused->epoch);
}

TEST(Trainer, PausesByItselfAtTheStopEpoch) {
    Trainer trainer;
    const TrainConfig c = default_train_config();
    trainer.reset(c, make_dataset(c.data));
    trainer.set_stop_epoch(40);
    trainer.play();
    for (int i = 0; i < 500 && (trainer.snapshot()->running || trainer.snapshot()->epoch < 40); ++i)
        std::this_thread::sleep_for(10ms);
    trainer.wait_idle();
    auto s = trainer.snapshot();
    EXPECT_EQ(s->epoch, 40);
    EXPECT_FALSE(s->running);
    EXPECT_EQ(s->stop_epoch, 40);
    EXPECT_EQ(s->history.back().epoch, 40);
    trainer.play();  // at the stop: nothing happens
    trainer.wait_idle();
    EXPECT_EQ(trainer.snapshot()->epoch, 40);
    EXPECT_FALSE(trainer.snapshot()->running);
    trainer.set_stop_epoch(0);  // no limit: steps go on
    trainer.step();
    trainer.wait_idle();
    EXPECT_EQ(trainer.snapshot()->epoch, 41);
    EXPECT_LE(trainer.snapshot()->published, std::chrono::steady_clock::now());
}

// A run pauses by itself at the first epoch whose test loss reaches the target, once: the target is
// then cleared, and play carries on past it; an accuracy target likewise.
TEST(Trainer, PausesOnceAtTheFirstEpochThatReachesATestLossOrAccuracy) {
    Trainer trainer;
    const TrainConfig c = default_train_config();
    trainer.reset(c, make_dataset(c.data));
    trainer.set_stop_target({0.1, 0.0});
    trainer.play();
    for (int i = 0; i < 3000 && (trainer.snapshot()->running || trainer.snapshot()->epoch == 0); ++i)
        std::this_thread::sleep_for(10ms);
    trainer.wait_idle();
    auto s = trainer.snapshot();
    ASSERT_FALSE(s->running);
    ASSERT_GE(s->history.size(), 2u);
    EXPECT_EQ(s->history.back().epoch, s->epoch);
    EXPECT_LE(s->history.back().test_loss, 0.1);
    EXPECT_GT(s->history[s->history.size() - 2].test_loss, 0.1) << "the first epoch at the target, not a later one";
    EXPECT_EQ(s->stop_target.test_loss, 0.0) << "reached, it is cleared";
    EXPECT_NE(s->stopped_at.find("test loss"), std::string::npos) << s->stopped_at;
    const int reached = s->epoch;
    // an accuracy target already met stops at the next recorded epoch; play then goes on
    trainer.set_stop_target({0.0, 0.5});
    trainer.play();
    for (int i = 0; i < 3000 && (trainer.snapshot()->running || trainer.snapshot()->epoch == reached); ++i)
        std::this_thread::sleep_for(10ms);
    trainer.wait_idle();
    s = trainer.snapshot();
    EXPECT_EQ(s->epoch, reached + 1);
    EXPECT_NE(s->stopped_at.find("accuracy"), std::string::npos) << s->stopped_at;
    trainer.set_stop_epoch(reached + 5);
    trainer.play();
    for (int i = 0; i < 3000 && trainer.snapshot()->epoch < reached + 5; ++i) std::this_thread::sleep_for(10ms);
    trainer.wait_idle();
    EXPECT_EQ(trainer.snapshot()->epoch, reached + 5) << "no target left: it runs on to the stop epoch";
}

TEST(EpochPacer, KeepsThePaceAndCatchesUpOnAtMostATenthOfASecond) {
    using Clock = EpochPacer::Clock;
    EpochPacer pacer;
    const Clock::time_point start{};  // made-up times, one every millisecond
    pacer.restart(start);
    int epochs = 0;
    for (int ms = 0; ms < 1000; ++ms) epochs += pacer.take(start + std::chrono::milliseconds(ms), 50.0);
    EXPECT_EQ(epochs, 50) << "50 epochs a second, over one second";
    // a stall of two seconds: the run catches up on 0.1 s of it (5 epochs at once), not on all 2 s
    const Clock::time_point late = start + std::chrono::milliseconds(3000);
    int burst = 0;
    while (pacer.take(late, 50.0)) ++burst;
    EXPECT_EQ(burst, 7);  // the one due, then those due over the last 0.1 s at 50 a second, both ends counted
    // then the pace again
    int after = 0;
    for (int ms = 1; ms <= 1000; ++ms) after += pacer.take(late + std::chrono::milliseconds(ms), 50.0);
    EXPECT_EQ(after, 50);
}

TEST(Trainer, PacesEpochsWhenASpeedIsSet) {
    Trainer trainer;
    const TrainConfig c = default_train_config();
    trainer.reset(c, make_dataset(c.data));
    trainer.set_speed(1000.0);
    trainer.play();
    // it runs, and goes on after the pause only when played again
    for (int i = 0; i < 2000 && trainer.snapshot()->epoch < 5; ++i) std::this_thread::sleep_for(5ms);
    trainer.pause();
    trainer.wait_idle();
    const int paused = trainer.snapshot()->epoch;
    EXPECT_GE(paused, 5);
    EXPECT_FALSE(trainer.snapshot()->running);
    trainer.step();
    trainer.wait_idle();
    EXPECT_EQ(trainer.snapshot()->epoch, paused + 1);
}

TEST(Trainer, StopsOnDivergenceAndCarriesOnWhenCleared) {
    Trainer trainer;
    TrainConfig c = default_train_config();
    c.hidden = {{8, activation_index("relu"), {}}};
    c.output = Output::Identity;
    c.data.kind = DatasetKind::Plane;
    c.optimizer.learning_rate = 10.0;
    trainer.reset(c, make_dataset(c.data));
    trainer.play();
    for (int i = 0; i < 400 && !trainer.snapshot()->divergence.happened; ++i) std::this_thread::sleep_for(5ms);
    trainer.wait_idle();  // it pauses itself
    const auto s = trainer.snapshot();
    ASSERT_TRUE(s->divergence.happened);
    EXPECT_FALSE(s->running);
    EXPECT_TRUE(s->network.params().allFinite());
    // back to the best recorded epoch: its training loss is the lowest the run had
    double best = s->history.front().train_loss;
    for (const EpochRecord& r : s->history) best = std::min(best, r.train_loss);
    trainer.back_to_best();
    trainer.wait_idle();
    const auto back = trainer.snapshot();
    EXPECT_FALSE(back->divergence.happened);
    EXPECT_FALSE(back->running);
    EXPECT_EQ(back->epoch, back->best_epoch);
    ASSERT_FALSE(back->history.empty());
    EXPECT_EQ(back->history.back().epoch, back->epoch);
    EXPECT_EQ(back->history.back().train_loss, best);
    // and from there, with a rate a hundred times smaller, it trains on without blowing up
    OptimizerSpec slower = c.optimizer;
    slower.learning_rate = 0.1;
    trainer.set_optimizer(slower);
    for (int e = 0; e < 30; ++e) trainer.step();
    trainer.wait_idle();
    EXPECT_FALSE(trainer.snapshot()->divergence.happened);
    EXPECT_EQ(trainer.snapshot()->epoch, back->epoch + 30);
}

// A new run owes nothing to the last one: with no finite loss yet, its best epoch is its start.
TEST(Trainer, ANewRunDoesNotKeepTheLastRunsBestEpoch) {
    Trainer trainer;
    const TrainConfig c = default_train_config();
    trainer.reset(c, make_dataset(c.data));
    for (int e = 0; e < 20; ++e) trainer.step();
    trainer.wait_idle();
    ASSERT_GT(trainer.snapshot()->best_epoch, 0);
    // weights so large that the first loss is already infinite (σ = 1e150: outputs near 1e300, squared)
    TrainConfig huge = c;
    huge.data.kind = DatasetKind::Plane;
    huge.hidden = {hidden_layer(8, activation_index("relu"))};
    huge.output = Output::Identity;
    huge.loss = LossKind::Mse;
    huge.init = Init{InitKind::Normal, 1e150};
    const Dataset plane = make_dataset(huge.data);
    std::string why;
    ASSERT_TRUE(check_train_config(huge, plane, &why)) << why;
    trainer.reset(huge, plane);
    trainer.wait_idle();
    auto s = trainer.snapshot();
    ASSERT_EQ(s->history.size(), 1u);
    ASSERT_FALSE(std::isfinite(s->history[0].train_loss));
    EXPECT_EQ(s->epoch, 0);
    EXPECT_EQ(s->best_epoch, 0);
    // the first step blows up; going back stays at this run's start
    trainer.step();
    trainer.wait_idle();
    ASSERT_TRUE(trainer.snapshot()->divergence.happened);
    EXPECT_EQ(trainer.snapshot()->best_epoch, 0);
    trainer.back_to_best();
    trainer.wait_idle();
    s = trainer.snapshot();
    EXPECT_FALSE(s->divergence.happened);
    EXPECT_EQ(s->best_epoch, 0);
    EXPECT_LE(s->history.back().epoch, s->epoch);
}

TEST(Trainer, LongRunsKeepABoundedHistory) {
    Trainer trainer;
    TrainConfig c = default_train_config();
    c.data.points = 20;
    trainer.reset(c, make_dataset(c.data));
    for (int i = 0; i < kHistoryCap + 100; ++i) trainer.step();
    trainer.wait_idle();
    const auto s = trainer.snapshot();
    EXPECT_EQ(s->epoch, kHistoryCap + 100);
    EXPECT_LT(static_cast<int>(s->history.size()), kHistoryCap);
    EXPECT_EQ(s->history.front().epoch, 0);
    for (std::size_t i = 1; i < s->history.size(); ++i) EXPECT_EQ(s->history[i].epoch - s->history[i - 1].epoch, 2);
}

TEST(Trainer, ASnapshotsHistoryEndsAtItsOwnEpochWhenThinned) {
    // past the cap only even epochs are recorded; an odd epoch is still the history's last
    Trainer trainer;
    TrainConfig c = default_train_config();
    c.data.points = 20;
    trainer.reset(c, make_dataset(c.data));
    for (int i = 0; i < kHistoryCap + 101; ++i) trainer.step();
    trainer.wait_idle();
    const auto s = trainer.snapshot();
    ASSERT_EQ(s->epoch, kHistoryCap + 101);
    ASSERT_FALSE(s->history.empty());
    EXPECT_EQ(s->history.back().epoch, s->epoch);
    EXPECT_EQ(s->history[s->history.size() - 2].epoch, s->epoch - 1);  // the last even one
    // the same epochs on this thread: the record is the newest weights'
    Training direct(c, make_dataset(c.data));
    for (int e = 0; e < s->epoch; ++e) direct.run_epoch();
    const EpochRecord want = direct.evaluate();
    EXPECT_EQ(want.train_loss, s->history.back().train_loss);
    EXPECT_EQ(want.test_loss, s->history.back().test_loss);  // not recorded, but shown: tested too
    EXPECT_EQ(want.test_accuracy, s->history.back().test_accuracy);
}

TEST(Trainer, ACollapsePausesTheRunAndCanBeUndoneOrCarriedOn) {
    Trainer trainer;
    TrainConfig c = default_train_config();
    c.optimizer.learning_rate = 10.0;  // set-up (a) at 10: its loss goes above the untrained one
    trainer.reset(c, make_dataset(c.data));
    trainer.play();
    for (int i = 0; i < 1000 && (trainer.snapshot()->running || !trainer.snapshot()->collapse.happened()); ++i)
        std::this_thread::sleep_for(5ms);
    trainer.wait_idle();
    const auto s = trainer.snapshot();
    ASSERT_TRUE(s->collapse.happened());
    EXPECT_FALSE(s->running);
    EXPECT_FALSE(s->divergence.happened);
    EXPECT_EQ(s->epoch, s->collapse.seen);  // paused where it was seen
    EXPECT_EQ(s->history.back().epoch, s->epoch);
    EXPECT_EQ(s->best_epoch, s->collapse.best_epoch);
    // back to the best epoch: no collapse, paused, the history ends there
    trainer.back_to_best();
    trainer.wait_idle();
    const auto back = trainer.snapshot();
    EXPECT_FALSE(back->collapse.happened());
    EXPECT_FALSE(back->running);
    EXPECT_EQ(back->epoch, s->best_epoch);
    EXPECT_EQ(back->history.back().epoch, back->epoch);
    EXPECT_EQ(back->history.back().train_loss, s->collapse.best_loss);
    // the same collapse again, then carried on: play goes on from it, past the epoch it was seen
    for (int e = 0; e < 20 && !trainer.snapshot()->collapse.happened(); ++e) {
        trainer.step();
        trainer.wait_idle();
    }
    const auto again = trainer.snapshot();
    ASSERT_TRUE(again->collapse.happened());
    trainer.set_stop_epoch(again->epoch + 10);
    trainer.play();
    for (int i = 0; i < 1000 && trainer.snapshot()->epoch < again->epoch + 10; ++i) std::this_thread::sleep_for(5ms);
    trainer.wait_idle();
    EXPECT_EQ(trainer.snapshot()->epoch, again->epoch + 10);
    EXPECT_FALSE(trainer.snapshot()->collapse.happened());  // the loss stayed where it was carried on
}

TEST(Trainer, ARaceRunnerIsNotPausedByACollapse) {
    Trainer trainer;
    TrainConfig c = default_train_config();
    c.optimizer.learning_rate = 10.0;
    trainer.reset(c, make_dataset(c.data));
    trainer.set_pause_on_collapse(false);
    trainer.set_stop_epoch(30);
    trainer.play();
    for (int i = 0; i < 1000 && trainer.snapshot()->epoch < 30; ++i) std::this_thread::sleep_for(5ms);
    trainer.wait_idle();
    EXPECT_EQ(trainer.snapshot()->epoch, 30);
    EXPECT_TRUE(trainer.snapshot()->collapse.happened());
}

TEST(Trainer, IsDestroyedWhileRunningAndItsSnapshotsOutliveIt) {
    auto trainer = std::make_unique<Trainer>();
    const TrainConfig c = default_train_config();
    trainer->reset(c, make_dataset(c.data));
    trainer->play();
    for (int i = 0; i < 2000 && trainer->snapshot()->epoch < 3; ++i) std::this_thread::sleep_for(5ms);
    const std::shared_ptr<const Snapshot> held = trainer->snapshot();
    ASSERT_TRUE(held->running);
    trainer.reset();  // stops and joins the worker mid-run
    // what the window still holds is whole: its weights, history and per-layer figures agree
    EXPECT_GE(held->epoch, 3);
    ASSERT_FALSE(held->history.empty());
    EXPECT_EQ(held->history.back().epoch, held->epoch);
    EXPECT_EQ(held->network.params().size(), Mlp(held->network.spec()).params().size());
    EXPECT_TRUE(held->network.params().allFinite());
    EXPECT_EQ(held->gradient_rms.size(), 3u);
    EXPECT_EQ(held->dead_mask.size(), 2u);
}

// The activation race: several trainers at once, each on its own thread, from the same weights with
// only the hidden activation changed; each ends where the same run on this thread ends.
TEST(Trainer, SeveralRunAtOnceAndEachGivesItsOwnRun) {
    const TrainConfig base = default_train_config();
    const Dataset data = make_dataset(base.data);
    const char* const activations[] = {"sigmoid", "tanh", "relu", "gelu"};
    constexpr int kEpochs = 30;
    std::vector<TrainConfig> configs;
    std::vector<std::unique_ptr<Trainer>> runners;
    for (const char* id : activations) {
        TrainConfig c = base;
        for (HiddenLayer& layer : c.hidden) layer = hidden_layer(layer.units, activation_index(id));
        configs.push_back(c);
        runners.push_back(std::make_unique<Trainer>());
        runners.back()->reset(c, data);
        runners.back()->set_stop_epoch(kEpochs);
        runners.back()->play();
    }
    for (size_t i = 0; i < runners.size(); ++i) {
        runners[i]->wait_idle();  // each pauses itself at the stop epoch
        const auto s = runners[i]->snapshot();
        EXPECT_EQ(s->epoch, kEpochs) << activations[i];
        EXPECT_FALSE(s->running) << activations[i];
        Training direct(configs[i], data);
        for (int e = 0; e < kEpochs; ++e) direct.run_epoch();
        EXPECT_TRUE(direct.network().params() == s->network.params()) << activations[i];
    }
}

// Starting a new race joins the old one's trainers while they train flat out.
TEST(Trainer, SeveralAreDestroyedTogetherWhileRunning) {
    const TrainConfig c = default_train_config();
    const Dataset data = make_dataset(c.data);
    for (int round = 0; round < 3; ++round) {
        std::vector<std::unique_ptr<Trainer>> runners;
        for (int i = 0; i < 4; ++i) {
            runners.push_back(std::make_unique<Trainer>());
            runners.back()->reset(c, data);
            runners.back()->play();
        }
        // every one under way before they go
        for (auto& runner : runners) {
            for (int i = 0; i < 2000 && runner->snapshot()->epoch == 0; ++i) std::this_thread::sleep_for(1ms);
            EXPECT_GT(runner->snapshot()->epoch, 0);
            EXPECT_TRUE(runner->snapshot()->running);
        }
        runners.clear();
    }
}

}  // namespace
}  // namespace actlab::core
