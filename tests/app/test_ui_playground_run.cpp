// The playground's run driven without a window: what the run bar's requests do to the trainer (Space
// twice in a frame, Step, Reset, back to the best epoch with a smaller rate, a new learning rate while
// it trains), and weights set by hand, through the model step and through the diagram and its field.
// Where a test must know that the trainer trains with a rate or from a weight, one epoch over the whole
// training set (a single SGD step, whatever the order of the points) is done again independently
// with core::Training and compared.
#include "ui_harness.h"

#include "app/model/playground_model.h"
#include "core/training.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cmath>
#include <string>

namespace app = actlab::app;
namespace core = actlab::core;

namespace {

// The playground in front, its first snapshot (of the run `config` trains) on screen, paused at epoch 0.
void open_playground(UiHarness& h, const core::TrainConfig& config, double speed = 30.0) {
    app::PlaygroundState& p = h.state.playground;
    p.view.config = config;
    p.view.speed = speed;
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return p.shown && app::network_fits(p.shown->network, p.view.config, p.data); }, 30))
        << "no snapshot of the run";
    EXPECT_EQ(p.shown->epoch, 0);
    EXPECT_FALSE(p.shown->running);
}

// Frames until the trainer has done what it was asked and its newest snapshot is the one on screen.
// `stop` keeps a run that should not be playing from playing for ever, so the wait always ends.
void settle(UiHarness& h, int stop) {
    app::PlaygroundState& p = h.state.playground;
    h.frame();
    p.trainer->set_stop_epoch(stop);
    p.trainer->wait_idle();
    p.trainer->set_stop_epoch(0);
    ASSERT_TRUE(h.run_until([&] { return p.shown && p.shown->serial == p.trainer->snapshot()->serial; }, 30));
}

// Plays until the run on screen has reached `epoch`, then pauses there.
void train_to(UiHarness& h, int epoch) {
    app::PlaygroundState& p = h.state.playground;
    app::request_run(p, app::RunRequest::Play);
    ASSERT_TRUE(h.run_until([&] { return p.shown->epoch >= epoch; }, 60)) << "the run did not reach epoch " << epoch;
    app::request_run(p, app::RunRequest::PlayOrPause);
    settle(h, 0);
    ASSERT_FALSE(p.shown->running);
}

// The circle with the default network, every training point in one batch: an epoch is one SGD step.
core::TrainConfig full_batch() {
    core::TrainConfig c = core::default_train_config();
    c.batch = core::kMaxBatch;
    return c;
}

// One epoch of `config` on `data` from `params`, trained independently of the playground.
Eigen::VectorXd one_epoch(const core::TrainConfig& config, const core::Dataset& data, const Eigen::VectorXd& params) {
    core::Training t(config, data);
    t.set_params(params);
    t.run_epoch();
    return t.network().params();
}

void expect_near(const Eigen::VectorXd& a, const Eigen::VectorXd& b, const char* what) {
    ASSERT_EQ(a.size(), b.size()) << what;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        EXPECT_NEAR(a[i], b[i], 1e-9 * std::max(1.0, std::fabs(b[i]))) << what << ", parameter " << i;
}

// The output layer's first weight (from the last hidden layer's first unit): a link the diagram draws
// on its own, away from every unit and bias square.
int output_weight(const core::Mlp& net) { return net.slots(net.layer_count() - 1).weights; }

}  // namespace

TEST(UiPlaygroundRun, SpaceTwiceInOneFrameLeavesItPaused) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, core::default_train_config());
    app::PlaygroundState& p = h.state.playground;
    app::request_run(p, app::RunRequest::PlayOrPause);
    app::request_run(p, app::RunRequest::PlayOrPause);
    settle(h, 5);  // a run that played would stop at 5
    EXPECT_FALSE(p.shown->running);
    EXPECT_EQ(p.shown->epoch, 0) << "plays and pauses in one frame: no epoch in between";
    // and three times plays
    app::request_run(p, app::RunRequest::PlayOrPause);
    app::request_run(p, app::RunRequest::PlayOrPause);
    app::request_run(p, app::RunRequest::PlayOrPause);
    ASSERT_TRUE(h.run_until([&] { return p.shown->epoch >= 2; }, 30)) << "three presses should leave it playing";
}

TEST(UiPlaygroundRun, StepIsOneEpochAndResetGoesBackToEpochZero) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, core::default_train_config());
    app::PlaygroundState& p = h.state.playground;
    for (int epoch = 1; epoch <= 3; ++epoch) {
        app::request_run(p, app::RunRequest::Step);
        settle(h, 10);  // a step that went on playing would stop at 10
        EXPECT_EQ(p.shown->epoch, epoch);
        EXPECT_FALSE(p.shown->running);
    }
    const Eigen::VectorXd start = core::Training(p.view.config, p.data).network().params();
    train_to(h, 20);
    ASSERT_GE(p.shown->epoch, 20);
    app::request_run(p, app::RunRequest::Reset);
    ASSERT_TRUE(h.run_until([&] { return p.shown->epoch == 0; }, 30)) << "Reset did not go back to epoch 0";
    settle(h, 0);
    EXPECT_EQ(p.shown->epoch, 0);
    EXPECT_FALSE(p.shown->running);
    ASSERT_EQ(p.shown->history.size(), 1u) << "the old run's records are gone";
    expect_near(p.shown->network.params(), start, "the run's starting weights");
}

TEST(UiPlaygroundRun, ANewLearningRateReachesTheTrainerWithoutStartingAgain) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, full_batch());
    app::PlaygroundState& p = h.state.playground;
    train_to(h, 3);
    const int epoch = p.shown->epoch;
    const Eigen::VectorXd before = p.shown->network.params();
    p.view.config.optimizer.learning_rate = 0.3;  // ten times the default
    app::request_run(p, app::RunRequest::Step);
    settle(h, 0);
    EXPECT_EQ(p.shown->epoch, epoch + 1) << "the run started again";
    expect_near(p.shown->network.params(), one_epoch(p.view.config, p.data, before), "an epoch at rate 0.3");
    core::TrainConfig old_rate = p.view.config;
    old_rate.optimizer.learning_rate = 0.03;
    EXPECT_GT((one_epoch(old_rate, p.data, before) - p.shown->network.params()).norm(), 1e-6)
        << "the epoch was trained at the old rate";
    // and it trains on from there, the epochs counting on
    app::request_run(p, app::RunRequest::Play);
    int lowest = epoch + 1;
    ASSERT_TRUE(h.run_until([&] {
        lowest = std::min(lowest, p.shown->epoch);
        return p.shown->epoch >= epoch + 10;
    }, 60));
    EXPECT_EQ(lowest, epoch + 1) << "the epochs went back while training on";
}

TEST(UiPlaygroundRun, BackToTheBestEpochWithASmallerRateTrainsAtThatRate) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    // the blow-up of the panel's "Things to try": plane, identity output, ReLU, learning rate 10
    core::TrainConfig c = full_batch();
    c.data.kind = core::DatasetKind::Plane;
    c.output = core::Output::Identity;
    c.loss = core::LossKind::Mse;
    const int relu = core::activation_index("relu");
    c.hidden = {core::hidden_layer(8, relu), core::hidden_layer(8, relu)};
    c.optimizer.learning_rate = 10.0;
    open_playground(h, c, 0.0);
    app::PlaygroundState& p = h.state.playground;
    app::request_run(p, app::RunRequest::Play);
    ASSERT_TRUE(h.run_until([&] { return !p.shown->running && (p.shown->divergence.happened || p.shown->collapse.happened()); }, 60))
        << "the run did not blow up";
    const int best = p.shown->best_epoch;
    // the banner's first button: back to the best epoch with a tenth of the rate
    const std::string button = "Back to epoch " + std::to_string(best) + " with learning rate 1";
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count(button) > 0; }, 10)) << "no button '" << button << "'";
    ASSERT_TRUE(h.click(button));
    EXPECT_DOUBLE_EQ(p.view.config.optimizer.learning_rate, 1.0);
    settle(h, 0);
    EXPECT_EQ(p.shown->epoch, best);
    EXPECT_FALSE(p.shown->divergence.happened);
    const Eigen::VectorXd restored = p.shown->network.params();
    ASSERT_TRUE(restored.allFinite());
    app::request_run(p, app::RunRequest::Step);
    settle(h, 0);
    EXPECT_EQ(p.shown->epoch, best + 1);
    expect_near(p.shown->network.params(), one_epoch(p.view.config, p.data, restored), "an epoch at rate 1");
    EXPECT_TRUE(p.shown->network.params().allFinite());
    EXPECT_TRUE(std::isfinite(p.shown->history.back().train_loss));
}

TEST(UiPlaygroundRun, AWeightSetByHandWhilePausedIsTrainedOn) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, full_batch());
    app::PlaygroundState& p = h.state.playground;
    app::request_run(p, app::RunRequest::Step);
    settle(h, 0);
    ASSERT_EQ(p.shown->epoch, 1);
    const int w = output_weight(p.shown->network);
    const double loss = p.shown->history.back().train_loss;
    const std::vector<float> field = p.boundary.field.values;
    Eigen::VectorXd edited = p.shown->network.params();
    edited[w] += 2.0;
    app::request_weight(p, w, edited[w]);
    settle(h, 0);
    EXPECT_EQ(p.shown->epoch, 1) << "setting a weight is not an epoch";
    EXPECT_DOUBLE_EQ(p.network.network.params()[w], edited[w]) << "the diagram shows the old weight";
    EXPECT_TRUE(p.boundary.field.values != field) << "the boundary did not change";
    ASSERT_EQ(p.shown->history.back().epoch, 1);
    EXPECT_NE(p.shown->history.back().train_loss, loss) << "epoch 1's loss is still the old weights'";
    core::Training again(p.view.config, p.data);
    again.set_params(edited);
    EXPECT_NEAR(p.shown->history.back().train_loss, again.evaluate(false).train_loss, 1e-12);
    // training goes on from the edited weights
    app::request_run(p, app::RunRequest::Step);
    settle(h, 0);
    EXPECT_EQ(p.shown->epoch, 2);
    expect_near(p.shown->network.params(), one_epoch(p.view.config, p.data, edited), "an epoch from the edited weights");
    app::request_run(p, app::RunRequest::Play);
    int lowest = 2;
    ASSERT_TRUE(h.run_until([&] {
        lowest = std::min(lowest, p.shown->epoch);
        return p.shown->epoch >= 8;
    }, 60));
    EXPECT_EQ(lowest, 2) << "the run started again";
}

TEST(UiPlaygroundRun, AWeightAskedForWhileTrainingIsIgnored) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, full_batch());
    app::PlaygroundState& p = h.state.playground;
    app::request_run(p, app::RunRequest::Play);
    ASSERT_TRUE(h.run_until([&] { return p.shown->running && p.shown->epoch >= 2; }, 30));
    const int w = output_weight(p.shown->network);
    app::request_weight(p, w, 123.0);  // far from anything training makes of it
    h.frame();
    EXPECT_TRUE(p.weight_edits.empty()) << "the request should be dropped, not kept for later";
    app::request_run(p, app::RunRequest::PlayOrPause);
    settle(h, 0);
    EXPECT_GT(std::fabs(p.shown->network.params()[w] - 123.0), 50.0) << "a running epoch took a weight set by hand";
}

// As a user does it: a click on a link of the diagram chooses it, a value typed into its field sets it,
// and a value beyond ±1e6 is refused with a message, the weight kept.
TEST(UiPlaygroundRun, AClickOnALinkAndAValueTypedSetTheWeight) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, core::default_train_config());
    app::PlaygroundState& p = h.state.playground;
    const int w = output_weight(p.shown->network);
    const std::string link = "param " + std::to_string(w);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count(link) > 0; }, 10)) << "the diagram drew no output link";
    EXPECT_EQ(h.items.rects.count("weight"), 0u) << "the field is shown before anything is chosen";
    float x = 0, y = 0;
    ASSERT_TRUE(h.find(link, &x, &y));
    h.click_at(x, y);
    EXPECT_EQ(p.editor.param, w) << p.editor.message;
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("weight") > 0; }, 10)) << "no field for the chosen weight";
    ASSERT_TRUE(h.click("weight"));
    h.type("1.5");
    h.key(GLFW_KEY_ENTER);
    ASSERT_TRUE(h.run_until([&] { return p.shown->network.params()[w] == 1.5; }, 30)) << "the typed weight was not set";
    EXPECT_EQ(p.network.network.params()[w], 1.5);
    EXPECT_TRUE(p.editor.message.empty()) << p.editor.message;
    ASSERT_TRUE(h.click("weight"));
    h.type("2e6");
    h.key(GLFW_KEY_ENTER);
    EXPECT_NE(p.editor.message.find("±"), std::string::npos) << "no message for 2e6: '" << p.editor.message << "'";
    EXPECT_NE(p.editor.message.find("keeps its value"), std::string::npos) << p.editor.message;
    settle(h, 0);
    EXPECT_EQ(p.shown->network.params()[w], 1.5) << "a refused value reached the network";
    EXPECT_EQ(p.shown->epoch, 0);
}

// "Pause at … or test loss ≤": typed in the Training section, the run pauses at the first epoch that
// reaches it, says so in the run bar, and the field empties (the target is spent; Play carries on). A
// negative value is refused and the field keeps what it had.
TEST(UiPlaygroundRun, ATypedTestLossTargetPausesTheRunOnceWhereItIsReached) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, core::default_train_config(), 0.0);
    app::PlaygroundState& p = h.state.playground;
    ASSERT_TRUE(h.reveal("stop loss"));
    ASSERT_TRUE(h.click("stop loss"));
    h.type("-1");
    h.key(GLFW_KEY_ENTER);
    h.frames(2);
    EXPECT_EQ(p.view.stop_loss, 0.0);
    EXPECT_NE(p.message.find("A test loss to pause at"), std::string::npos) << p.message;
    ASSERT_TRUE(h.click("stop loss"));
    h.type("0.1");
    h.key(GLFW_KEY_ENTER);
    ASSERT_TRUE(h.run_until([&] { return p.view.stop_loss == 0.1; }, 5)) << p.message;
    app::request_run(p, app::RunRequest::Play);
    ASSERT_TRUE(h.run_until([&] { return p.shown->epoch > 0 && !p.shown->running; }, 60)) << "it did not pause by itself";
    EXPECT_LE(p.shown->history.back().test_loss, 0.1);
    EXPECT_NE(p.shown->stopped_at.find("test loss"), std::string::npos) << p.shown->stopped_at;
    ASSERT_TRUE(h.run_until([&] { return p.view.stop_loss == 0.0; }, 5)) << "the spent target stays in its field";
    const int reached = p.shown->epoch;
    app::request_run(p, app::RunRequest::Play);
    ASSERT_TRUE(h.run_until([&] { return p.shown->epoch > reached + 3; }, 30)) << "Play did not carry on past the target";
    app::request_run(p, app::RunRequest::PlayOrPause);
    ASSERT_TRUE(h.run_until([&] { return !p.shown->running; }, 30));
}

// In slow motion the boundary glides from one epoch's map to the next: while an ease is under way the
// texture shows a blend that lies between the two, entry by entry; flat out, each epoch's map is shown
// as it comes.
TEST(UiPlaygroundRun, InSlowMotionTheBoundaryEasesFromOneEpochToTheNext) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, core::default_train_config(), 2.0);
    app::PlaygroundState& p = h.state.playground;
    app::request_run(p, app::RunRequest::Play);
    ASSERT_TRUE(h.run_until([&] {
        const app::FieldEase& e = p.boundary_ease;
        return e.active && e.shown.values != e.from.values && e.shown.values != e.to.values;
    }, 30)) << "no ease under way at 2 epochs a second";
    const app::FieldEase& e = p.boundary_ease;
    ASSERT_EQ(e.shown.values.size(), e.to.values.size());
    for (size_t i = 0; i < e.shown.values.size(); ++i) {
        const float lo = std::min(e.from.values[i], e.to.values[i]), hi = std::max(e.from.values[i], e.to.values[i]);
        ASSERT_GE(e.shown.values[i], lo - 1e-6f) << i;
        ASSERT_LE(e.shown.values[i], hi + 1e-6f) << i;
    }
    EXPECT_EQ(e.to.values, p.boundary.field.values) << "the picture holds the epoch's own map";
    app::request_run(p, app::RunRequest::PlayOrPause);
    ASSERT_TRUE(h.run_until([&] { return !p.shown->running && !p.boundary_ease.active; }, 30)) << "the ease did not end";
    p.view.speed = 0.0;  // flat out: no ease
    app::request_run(p, app::RunRequest::Play);
    ASSERT_TRUE(h.run_until([&] { return p.shown->epoch > 20; }, 30));
    EXPECT_FALSE(p.boundary_ease.active);
    app::request_run(p, app::RunRequest::PlayOrPause);
    ASSERT_TRUE(h.run_until([&] { return !p.shown->running; }, 30));
}
