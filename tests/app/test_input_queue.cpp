// Clicks and key taps are never lost: whatever arrives within one frame reaches ImGui one change a frame.
#include "app/input_queue.h"

#include <gtest/gtest.h>

using actlab::app::InputQueue;

namespace {

// An ImGui context whose io the queue writes into, as the window's frame would.
struct Io {
    ImGuiContext* context = ImGui::CreateContext();
    ~Io() { ImGui::DestroyContext(context); }
    ImGuiIO& io() { return ImGui::GetIO(); }
};

}  // namespace

TEST(InputQueue, APressAndReleaseInOneFrameReachImGuiInTwo) {
    Io frame;
    InputQueue q;
    q.button(0, true, 10, 20);
    q.button(0, false, 10, 20);
    q.apply(frame.io(), [](int) { return false; });
    EXPECT_TRUE(frame.io().MouseDown[0]);
    EXPECT_EQ(frame.io().MousePos.x, 10);
    EXPECT_TRUE(q.pending()) << "the release is still to come: the window must not wait for input";
    q.apply(frame.io(), [](int) { return false; });
    EXPECT_FALSE(frame.io().MouseDown[0]);
    EXPECT_FALSE(q.pending());
    q.apply(frame.io(), [](int) { return false; });
    EXPECT_FALSE(frame.io().MouseDown[0]);
}

TEST(InputQueue, ADoubleClickInOneFrameIsFourFramesAndEachChangeHasItsPlace) {
    Io frame;
    InputQueue q;
    q.button(0, true, 1, 1);
    q.button(0, false, 1, 1);
    q.button(0, true, 2, 2);
    q.button(0, false, 3, 3);
    const bool expected[] = {true, false, true, false};
    const float x[] = {1, 1, 2, 3};
    for (int i = 0; i < 4; ++i) {
        q.apply(frame.io(), [](int) { return false; });
        EXPECT_EQ(frame.io().MouseDown[0], expected[i]) << "frame " << i;
        EXPECT_EQ(frame.io().MousePos.x, x[i]) << "frame " << i;
    }
    EXPECT_FALSE(q.pending());
}

TEST(InputQueue, AButtonHeldStaysDownAndOthersAreKeptApart) {
    Io frame;
    InputQueue q;
    q.button(1, true, 5, 5);  // right button held
    q.apply(frame.io(), [](int) { return false; });
    q.button(0, true, 6, 6);
    q.apply(frame.io(), [](int) { return false; });
    EXPECT_TRUE(frame.io().MouseDown[0]);
    EXPECT_TRUE(frame.io().MouseDown[1]);
    q.button(7, true, 0, 0);  // beyond the buttons ImGui knows: ignored
    EXPECT_FALSE(q.pending());
}

TEST(InputQueue, AKeyTappedWithinOneFrameIsDownForOneFrame) {
    Io frame;
    InputQueue q;
    const int enter = 257;  // GLFW_KEY_ENTER
    q.key(enter);           // the backend saw the press and the release: KeysDown is false again
    frame.io().KeysDown[enter] = false;
    q.apply(frame.io(), [](int) { return false; });
    EXPECT_TRUE(frame.io().KeysDown[enter]);
    EXPECT_TRUE(q.pending());
    q.apply(frame.io(), [](int) { return false; });
    EXPECT_FALSE(frame.io().KeysDown[enter]);
    // a key still held down is left as the backend has it
    q.key(enter);
    frame.io().KeysDown[enter] = true;
    q.apply(frame.io(), [](int) { return true; });
    EXPECT_TRUE(frame.io().KeysDown[enter]);
    EXPECT_FALSE(q.pending());
}
