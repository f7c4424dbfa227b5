// The trainer thread: commands take effect, snapshots are whole, and nothing races (this file is also
// built with ThreadSanitizer: cmake -DACTLAB_SANITIZE=thread).
#include "core/trainer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

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

TEST(Trainer, PacesEpochsWhenASpeedIsSet) {
    Trainer trainer;
    const TrainConfig c = default_train_config();
    trainer.reset(c, make_dataset(c.data));
    trainer.set_speed(50.0);
    trainer.play();
    std::this_thread::sleep_for(200ms);
    trainer.pause();
    trainer.wait_idle();
    // about 10 epochs in 0.2 s; generous bounds, as the machine may be busy
    EXPECT_GE(trainer.snapshot()->epoch, 3);
    EXPECT_LE(trainer.snapshot()->epoch, 14);
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

TEST(Trainer, IsDestroyedCleanlyWhileRunning) {
    auto trainer = std::make_unique<Trainer>();
    const TrainConfig c = default_train_config();
    trainer->reset(c, make_dataset(c.data));
    trainer->play();
    std::this_thread::sleep_for(10ms);
    trainer.reset();
    SUCCEED();
}

}  // namespace
}  // namespace actlab::core
