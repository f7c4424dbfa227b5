// The links from the playground to the other labs and back, driven without a window: each sets the
// other lab from the playground's own numbers (a layer's function and its learned α, the network's
// shape and initialisation, the logits at a point) and brings that lab forward.
#include "ui_harness.h"

#include "app/model/lab_links.h"
#include "app/model/playground_model.h"
#include "core/decision_grid.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <string>
#include <vector>

namespace app = actlab::app;
namespace core = actlab::core;

namespace {

// The playground in front on `config`, its first snapshot on screen.
void open_playground(UiHarness& h, const core::TrainConfig& config) {
    app::PlaygroundState& p = h.state.playground;
    p.view.config = config;
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return p.shown && app::network_fits(p.shown->network, p.view.config, p.data); }, 30))
        << "no snapshot of the run";
}

// Plays until epoch `epoch`, then pauses with the trainer's newest snapshot on screen.
void train_to(UiHarness& h, int epoch) {
    app::PlaygroundState& p = h.state.playground;
    app::request_run(p, app::RunRequest::Play);
    ASSERT_TRUE(h.run_until([&] { return p.shown->epoch >= epoch; }, 60)) << "the run did not reach epoch " << epoch;
    app::request_run(p, app::RunRequest::PlayOrPause);
    h.frame();
    p.trainer->wait_idle();
    ASSERT_TRUE(h.run_until([&] { return p.shown->serial == p.trainer->snapshot()->serial; }, 30));
}

// A link asked for as the panels ask for it, carried out by the next frame.
void follow(UiHarness& h, app::LabLink link) {
    h.state.links.push_back(link);
    h.frames(2);
}

}  // namespace

TEST(UiLabLinks, ALayerInTheExplorerHasItsFunctionLearnedAlphaAndRange) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    const int prelu = core::activation_index("prelu"), tanh = core::activation_index("tanh");
    core::TrainConfig c = core::default_train_config();
    c.hidden = {core::hidden_layer(4, prelu), core::hidden_layer(2, tanh)};
    c.optimizer.learning_rate = 0.3;  // α moves visibly in a few epochs
    open_playground(h, c);
    app::PlaygroundState& p = h.state.playground;
    train_to(h, 5);
    const core::Mlp& net = p.shown->network;
    ASSERT_GE(net.slots(0).alpha, 0) << "PReLU's α is not a parameter";
    const double alpha = net.params()[net.slots(0).alpha];
    EXPECT_NE(alpha, 0.25) << "training did not move α";
    follow(h, {app::LabLink::Kind::ExploreLayer, 0});
    const app::ActivationView& v = h.state.explorer.view;
    ASSERT_FALSE(v.functions.empty());
    EXPECT_EQ(v.functions.front(), prelu);
    EXPECT_EQ(std::count(v.functions.begin(), v.functions.end(), prelu), 1);
    EXPECT_EQ(v.focus, prelu);
    EXPECT_DOUBLE_EQ(v.params[static_cast<size_t>(prelu)].v[0], alpha) << "the explorer's α is not the network's";
    const core::LayerHistogram& layer = p.shown->units[0];
    EXPECT_DOUBLE_EQ(v.x_min, layer.low);
    EXPECT_DOUBLE_EQ(v.x_max, layer.high);
    EXPECT_DOUBLE_EQ(v.saturation_threshold, p.shown->saturation);
    EXPECT_EQ(h.state.lab, app::Lab::Activations);
    EXPECT_FALSE(h.state.status.error);
    EXPECT_NE(h.state.status.text.find("hidden layer 1"), std::string::npos) << h.state.status.text;
    // the second layer: tanh first, PReLU still shown to compare with
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    follow(h, {app::LabLink::Kind::ExploreLayer, 1});
    EXPECT_EQ(v.functions.front(), tanh);
    EXPECT_EQ(v.focus, tanh);
    EXPECT_NE(std::find(v.functions.begin(), v.functions.end(), prelu), v.functions.end());
    EXPECT_DOUBLE_EQ(v.x_min, p.shown->units[1].low);
    EXPECT_EQ(h.state.lab, app::Lab::Activations);
}

TEST(UiLabLinks, ThePlaygroundsShapeInTheGradientLab) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, core::default_train_config());  // 4 tanh, 2 tanh, Playground's initialisation
    follow(h, {app::LabLink::Kind::GradientsFromPlayground});
    const app::GradientView& g = h.state.gradients.view;
    EXPECT_EQ(g.depth, 2);
    EXPECT_EQ(g.width, 4);
    EXPECT_EQ(g.activation, core::activation_index("tanh"));
    EXPECT_EQ(g.init.kind, core::InitKind::Uniform) << "Playground's init is uniform in ±0.5 with biases 0.1";
    EXPECT_DOUBLE_EQ(g.init.a, 0.5);
    EXPECT_DOUBLE_EQ(g.init.bias, 0.1);
    EXPECT_EQ(h.state.lab, app::Lab::Gradients);
    EXPECT_FALSE(h.state.status.error);
    EXPECT_NE(h.state.status.text.find("2 hidden layers of 4 Tanh units"), std::string::npos) << h.state.status.text;
    EXPECT_NE(h.state.status.text.find("widest layer"), std::string::npos) << "the layers differ: " << h.state.status.text;
}

TEST(UiLabLinks, AGradientLabNetworkTooLargeForThePlaygroundIsClampedAndSaysSo) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, core::default_train_config());
    app::PlaygroundState& p = h.state.playground;
    train_to(h, 3);
    app::GradientView& g = h.state.gradients.view;
    g.depth = 100;
    g.width = 1024;
    g.activation = core::activation_index("relu");
    g.init.kind = core::InitKind::He;
    follow(h, {app::LabLink::Kind::PlaygroundFromGradients});
    ASSERT_EQ(p.view.config.hidden.size(), static_cast<size_t>(core::kMaxHiddenLayers));
    for (const core::HiddenLayer& l : p.view.config.hidden) {
        EXPECT_EQ(l.units, core::kMaxUnits);
        EXPECT_EQ(l.activation, g.activation);
    }
    EXPECT_EQ(p.view.config.init.kind, core::InitKind::He);
    EXPECT_EQ(h.state.lab, app::Lab::Playground);
    EXPECT_FALSE(h.state.status.error);
    EXPECT_NE(h.state.status.text.find("100 × 1024 became 8 × 64"), std::string::npos) << h.state.status.text;
    // the run starts again on the new network
    ASSERT_TRUE(h.run_until([&] { return app::network_fits(p.shown->network, p.view.config, p.data); }, 60))
        << "the playground's run was not reset";
    EXPECT_EQ(p.shown->epoch, 0);
    EXPECT_EQ(p.shown->network.spec().hidden.size(), 8u);
}

TEST(UiLabLinks, ThreeClassLogitsAtAPointInTheSoftmaxLab) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    core::TrainConfig c = core::default_train_config();
    c.data.kind = core::DatasetKind::Blobs3;
    c.output = core::Output::Softmax;
    c.loss = core::LossKind::Ce;
    open_playground(h, c);
    app::PlaygroundState& p = h.state.playground;
    train_to(h, 5);
    p.view.temperature = 0.5;
    follow(h, {app::LabLink::Kind::SoftmaxFromPoint, 0, 0.75, -1.5});
    const Eigen::VectorXd z = core::logits_at(p.shown->network, p.view.config.features, 0.75, -1.5);
    const app::SoftmaxView& s = h.state.softmax.view;
    ASSERT_EQ(z.size(), 3);
    ASSERT_EQ(s.logits.size(), 3u);
    for (int k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(s.logits[static_cast<size_t>(k)], z[k]) << "class " << k;
    ASSERT_FALSE(s.temperatures.empty());
    EXPECT_DOUBLE_EQ(s.temperatures.front(), 0.5) << "the playground's temperature";
    EXPECT_EQ(h.state.lab, app::Lab::Softmax);
    EXPECT_FALSE(h.state.status.error) << h.state.status.text;
}

TEST(UiLabLinks, TanhsOneOutputIsTheLogitsZAndMinusZClassPlusOneFirst) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h, core::default_train_config());  // the circle, tanh output
    app::PlaygroundState& p = h.state.playground;
    train_to(h, 5);
    follow(h, {app::LabLink::Kind::SoftmaxFromPoint, 0, -0.5, 2.0});
    const Eigen::VectorXd z = core::logits_at(p.shown->network, p.view.config.features, -0.5, 2.0);
    ASSERT_EQ(z.size(), 1);
    const app::SoftmaxView& s = h.state.softmax.view;
    ASSERT_EQ(s.logits.size(), 2u);
    // class +1 first, in the softmax lab's first colour (blue, as on the plane)
    EXPECT_DOUBLE_EQ(s.logits[0], z[0]);
    EXPECT_DOUBLE_EQ(s.logits[1], -z[0]);
    EXPECT_EQ(s.labels[0], "class +1");
    EXPECT_EQ(s.labels[1], "class −1");
    EXPECT_DOUBLE_EQ(s.temperatures.front(), p.view.temperature);
    EXPECT_EQ(h.state.lab, app::Lab::Softmax);
}
