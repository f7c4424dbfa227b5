// The Record buttons, driven without a window: the playground's run recorded as a GIF with a progress
// bar while the interface keeps drawing, its size in the status line; and a Cancel that writes nothing.
#include "ui_harness.h"

#include "app/recording.h"
#include "core/activation.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace app = actlab::app;

namespace {

void open_playground(UiHarness& h) {
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown != nullptr; }, 30)) << "no snapshot of the run";
    h.frames(2);
}

}  // namespace

TEST(UiRecord, PlaygroundRecordWritesAGifAndSaysItsSize) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h);
    ASSERT_TRUE(h.click("Record GIF"));
    bool progress_seen = false;
    ASSERT_TRUE(h.run_until(
        [&] {
            float x, y;
            progress_seen = progress_seen || h.find("Recording progress", &x, &y);
            return !app::recording_busy(h.state);
        },
        120))
        << "the recording did not end";
    EXPECT_TRUE(progress_seen) << "no progress bar while recording";
    const std::vector<std::string> gifs = h.exported(".gif");
    ASSERT_EQ(gifs.size(), 1u) << h.state.status.text;
    EXPECT_FALSE(h.state.status.error) << h.state.status.text;
    EXPECT_EQ(h.state.status.text.rfind("Wrote ", 0), 0u) << h.state.status.text;
    EXPECT_NE(h.state.status.text.find(gifs[0]), std::string::npos) << h.state.status.text;
    EXPECT_NE(h.state.status.text.find("60 frames"), std::string::npos) << h.state.status.text;
    const std::string& said = h.state.status.text;
    EXPECT_TRUE(said.find(" kB)") != std::string::npos || said.find(" MB)") != std::string::npos) << said;
    float x, y;
    h.frame();
    EXPECT_TRUE(h.find("Record GIF", &x, &y)) << "the button is back";
}

TEST(UiRecord, CancelWritesNothing) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h);
    ASSERT_TRUE(h.click("Record GIF"));
    ASSERT_TRUE(h.run_until([&] {
        float x, y;
        return h.find("Cancel recording", &x, &y);
    }));
    ASSERT_TRUE(h.click("Cancel recording"));
    ASSERT_TRUE(h.run_until([&] { return !app::recording_busy(h.state); }, 60));
    EXPECT_TRUE(h.exported(".gif").empty());
    EXPECT_NE(h.state.status.text.find("cancelled"), std::string::npos) << h.state.status.text;
}

TEST(UiRecord, SoftmaxAndActivationsRecordTheirSweeps) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    h.frames(3);
    ASSERT_TRUE(h.reveal("Record GIF (softmax)"));
    ASSERT_TRUE(h.click("Record GIF (softmax)"));
    ASSERT_TRUE(h.run_until([&] { return !app::recording_busy(h.state); }, 120));
    EXPECT_EQ(h.exported(".gif").size(), 1u) << h.state.status.text;
    EXPECT_NE(h.state.status.text.find("softmax_T0.01to100"), std::string::npos) << h.state.status.text;

    h.key(GLFW_KEY_1, GLFW_MOD_CONTROL);
    h.frames(3);
    h.state.explorer.view.functions = {actlab::core::activation_index("elu")};
    h.frames(2);
    ASSERT_TRUE(h.reveal("Record GIF (activations)"));
    ASSERT_TRUE(h.click("Record GIF (activations)"));
    ASSERT_TRUE(h.run_until([&] { return !app::recording_busy(h.state); }, 120));
    EXPECT_EQ(h.exported(".gif").size(), 2u) << h.state.status.text;
    EXPECT_NE(h.state.status.text.find("activations_elu_alpha"), std::string::npos) << h.state.status.text;
}

TEST(UiRecord, LayersViewRecordsTheScrub) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h);
    h.key(GLFW_KEY_L);
    ASSERT_TRUE(h.run_until([&] {
        float x, y;
        return h.state.playground.warp.picture && h.find("Layers: Record GIF", &x, &y);
    }));
    ASSERT_TRUE(h.click("Layers: Record GIF"));
    ASSERT_TRUE(h.run_until([&] { return !app::recording_busy(h.state); }, 120));
    const std::vector<std::string> gifs = h.exported(".gif");
    ASSERT_EQ(gifs.size(), 1u) << h.state.status.text;
    EXPECT_EQ(gifs[0].rfind("warp_", 0), 0u) << gifs[0];
    EXPECT_FALSE(h.state.status.error) << h.state.status.text;
}
