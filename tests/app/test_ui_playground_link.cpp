// A TensorFlow Playground link in the playground, driven as a user drives it without a window: typed
// into its field, or pasted from the clipboard with the button; the run it describes starts and the
// status line says what was set and what has no counterpart. A bad link changes nothing.
#include "ui_harness.h"

#include "app/figures/training_keys.h"

#include <gtest/gtest.h>
#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace app = actlab::app;
namespace core = actlab::core;

TEST(UiPlaygroundLink, ATypedLinkSetsUpTheRun) {
    UiHarness h;
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Playground link") > 0; }, 10));
    ASSERT_TRUE(h.reveal("Playground link"));
    ASSERT_TRUE(h.click("Playground link"));
    h.type("https://playground.tensorflow.org/#activation=relu&dataset=xor&networkShape=5,3&learningRate=0.1&"
           "seed=0.00007&showTestData=true&cosX=true&hideText=true");
    h.key(GLFW_KEY_ENTER);
    h.frame();
    const app::PlaygroundState& p = h.state.playground;
    EXPECT_FALSE(h.state.status.error) << h.state.status.text;
    EXPECT_EQ(h.state.status.text.rfind("Opened the TensorFlow Playground link. No counterpart in actlab: the input cosX", 0), 0u)
        << h.state.status.text;
    EXPECT_NE(h.state.status.text.find("Ignored, as they change only Playground's page: hideText"), std::string::npos);
    EXPECT_EQ(p.view.config.data.kind, core::DatasetKind::Xor);
    ASSERT_EQ(p.view.config.hidden.size(), 2u);
    EXPECT_EQ(p.view.config.hidden[0].units, 5);
    EXPECT_EQ(core::activation(p.view.config.hidden[1].activation).id, std::string("relu"));
    EXPECT_EQ(p.view.config.optimizer.learning_rate, 0.1);
    EXPECT_EQ(p.view.config.seed, 7u);
    EXPECT_TRUE(p.view.show_test);
    // the run it describes is the one trained
    ASSERT_TRUE(h.run_until([&] { return p.shown && p.shown->network.spec().hidden.size() == 2 &&
                                         p.shown->network.spec().hidden[0].units == 5; }, 20));
}

TEST(UiPlaygroundLink, ThePasteButtonReadsTheClipboardAndABadLinkChangesNothing) {
    UiHarness h;
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Paste a TensorFlow Playground link") > 0; }, 10));
    const std::vector<app::KeyValue> before = app::training_keys(h.state.playground.view.config, "");
    ImGui::SetClipboardText("https://example.com/#activation=relu");
    ASSERT_TRUE(h.reveal("Paste a TensorFlow Playground link"));
    ASSERT_TRUE(h.click("Paste a TensorFlow Playground link"));
    h.frame();
    EXPECT_TRUE(h.state.status.error);
    EXPECT_NE(h.state.status.text.find("its site is 'example.com'"), std::string::npos) << h.state.status.text;
    EXPECT_NE(h.state.playground.message.find("Nothing was changed."), std::string::npos);
    EXPECT_EQ(app::training_keys(h.state.playground.view.config, ""), before);

    ImGui::SetClipboardText("https://playground.tensorflow.org/#problem=regression&regDataset=reg-gauss&networkShape=");
    ASSERT_TRUE(h.reveal("Paste a TensorFlow Playground link"));
    ASSERT_TRUE(h.click("Paste a TensorFlow Playground link"));
    h.frame();
    EXPECT_FALSE(h.state.status.error) << h.state.status.text;
    EXPECT_EQ(h.state.playground.view.config.data.kind, core::DatasetKind::MultiGauss);
    EXPECT_EQ(h.state.playground.view.config.output, core::Output::Identity);
    EXPECT_TRUE(h.state.playground.view.config.hidden.empty());
    EXPECT_EQ(h.state.playground.data.classes, 0);
    EXPECT_TRUE(h.state.playground.message.empty());
}
