// The playground's Layers view, driven without a window: L brings it forward and it draws the plane
// carried through the shown network; it follows the run while it trains; Play steps through every stage
// to the last hidden layer and stops there; a layer of three or more units can be seen through two of
// its units; "Alone" shows only it; its PNG and CSV export the stage on screen.
#include "ui_harness.h"

#include "app/figures/warp_figure.h"
#include "app/model/playground_model.h"

#include <gtest/gtest.h>
#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <fstream>
#include <sstream>
#include <string>

namespace app = actlab::app;
namespace core = actlab::core;

namespace {

bool any_plot(const UiHarness& h, const std::string& part) {
    for (const actlab::plot::PlotReport& r : h.plots)
        if (r.id.find(part) != std::string::npos) return true;
    return false;
}

// The Layers view in front, with a picture of the shown network drawn.
void open_layers(UiHarness& h) {
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown != nullptr; }, 30));
    h.key(GLFW_KEY_L);
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.warp.picture != nullptr && any_plot(h, "###warp"); }, 30))
        << "no layers plot";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST(UiPlaygroundLayers, LShowsThePlaneCarriedThroughTheNetworkAndItFollowsTraining) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_layers(h);
    app::PlaygroundState& p = h.state.playground;
    EXPECT_EQ(p.view.pane, app::PlaygroundPane::Layers);
    const std::shared_ptr<const app::WarpPicture> first = p.warp.picture;
    // the default network, 4 and 2 tanh units: the input plane and three stages of each layer, the
    // last hidden layer's activation in view
    EXPECT_EQ(first->steps.size(), 7u);
    EXPECT_EQ(first->shown_step, 6);
    EXPECT_DOUBLE_EQ(p.warp.position, 6.0);
    EXPECT_FALSE(first->edges.empty()) << "the output's decision line in the last layer's plane";
    h.key(GLFW_KEY_SPACE);
    ASSERT_TRUE(h.run_until([&] { return p.warp.picture && p.warp.picture->epoch > 20; }, 60))
        << "the view did not follow the run";
    const app::WarpPicture& later = *p.warp.picture;
    double moved = 0.0;
    for (Eigen::Index c = 0; c < later.steps[6].uv.cols(); ++c)
        moved = std::max(moved, (later.steps[6].uv.col(c) - first->steps[6].uv.col(c)).norm());
    EXPECT_GT(moved, 1e-3) << "the points did not move while it trained";
    h.key(GLFW_KEY_SPACE);
}

TEST(UiPlaygroundLayers, PlayStepsThroughEveryStageAndStopsAtTheLast) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_layers(h);
    app::PlaygroundState& p = h.state.playground;
    ASSERT_TRUE(h.click("Layers: Play"));
    ASSERT_TRUE(p.warp.playing);
    // from the end it starts again at the input plane, and passes between the stages
    ASSERT_TRUE(h.run_until([&] { return p.warp.position > 0.2 && p.warp.position < 0.8; }, 10));
    ASSERT_TRUE(h.run_until([&] { return p.warp.position > 3.2 && p.warp.position < 3.8; }, 20));
    ASSERT_TRUE(h.run_until([&] { return !p.warp.playing; }, 20)) << "it did not stop";
    EXPECT_DOUBLE_EQ(p.warp.position, 6.0);
    EXPECT_EQ(p.view.warp.layer, 2);
    EXPECT_EQ(p.view.warp.stage, core::WarpStage::Activation);
}

TEST(UiPlaygroundLayers, AWideLayerIsSeenThroughTwoOfItsUnits) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_layers(h);
    app::PlaygroundState& p = h.state.playground;
    EXPECT_EQ(h.items.rects.count("Layers: plane"), 0u) << "a layer of 2 units is drawn as it is";
    p.view.warp.layer = 1;  // as layer=1 sets it: the first layer, 4 units
    p.view.warp.stage = core::WarpStage::Bias;
    ASSERT_TRUE(h.run_until([&] { return p.warp.picture->shown_step == 2 && h.items.rects.count("Layers: plane") > 0; }, 10));
    EXPECT_TRUE(p.warp.picture->steps[2].plane.pca);
    p.view.warp.automatic = false;  // as projection=units:3,4 sets it
    p.view.warp.projection = {core::WarpProjection::Kind::Units, 2, 3};
    ASSERT_TRUE(h.run_until([&] { return !p.warp.picture->steps[2].plane.pca; }, 10));
    const app::WarpStep& step = p.warp.picture->steps[2];
    EXPECT_EQ(step.plane.unit[0], 2);
    EXPECT_EQ(step.plane.unit[1], 3);
    EXPECT_EQ(step.axis_u, "unit 3");
    EXPECT_EQ(step.axis_v, "unit 4");
    EXPECT_TRUE(h.items.rects.count("Layers: unit u") > 0 && h.items.rects.count("Layers: unit v") > 0);
    // units the layer does not have: its principal components, and a note saying so
    p.view.warp.projection = {core::WarpProjection::Kind::Units, 2, 7};
    ASSERT_TRUE(h.run_until([&] { return !p.warp.picture->note.empty(); }, 10));
    EXPECT_TRUE(p.warp.picture->steps[2].plane.pca);
    // another view in front, with a picture asked for on the way: once it is made, nothing moves and
    // the window can wait for input
    p.view.warp.projection = {core::WarpProjection::Kind::Units, 0, 1};
    h.key(GLFW_KEY_U);
    EXPECT_TRUE(h.run_until([&] { return !app::playground_animating(h.state); }, 10)) << "the window keeps drawing";
}

TEST(UiPlaygroundLayers, AloneAndTheExportsOfTheStageOnScreen) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_layers(h);
    ASSERT_TRUE(h.click("Layers: Alone"));
    h.frame();
    EXPECT_TRUE(h.state.ui.plot_only);
    EXPECT_TRUE(any_plot(h, "###warp"));
    EXPECT_FALSE(any_plot(h, "###boundary"));
    h.key(GLFW_KEY_ESCAPE);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Layers: CSV") > 0; }, 10));
    ASSERT_TRUE(h.click("Layers: CSV"));
    ASSERT_TRUE(h.run_until([&] { return !h.exported(".csv").empty(); }, 30)) << "no CSV";
    const std::string name = h.exported(".csv").front();
    EXPECT_EQ(name.rfind("warp_layer2_activation_circle_epoch", 0), 0u) << name;
    const std::string text = read_file(h.export_folder() + "/" + name);
    EXPECT_EQ(text.rfind("kind,id,index,u,v,label\n", 0), 0u);
}
