// What a teacher in front of a room meets, driven without a window: Esc closes what is open before it
// leaves full screen, and no tooltip or readout covers a plot while something is being dragged.
#include "ui_harness.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

namespace {

// A tooltip window was drawn in the last frame.
bool tooltip_shown() {
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) return true;
    return false;
}

bool popup_open() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); }

}  // namespace

TEST(UiEscape, AnOpenMenuTakesEscBeforeFullScreen) {
    UiHarness h;
    h.state.ui.fullscreen = true;
    h.frames(2);
    ASSERT_TRUE(h.click("View")) << "the View menu was not drawn";
    h.frames(2);
    ASSERT_TRUE(popup_open()) << "a click on View opened no menu";
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(popup_open()) << "Esc left the menu open";
    EXPECT_TRUE(h.state.ui.fullscreen) << "the Esc that closed the menu also left full screen";
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(h.state.ui.fullscreen) << "with nothing open, Esc did not leave full screen";
}

TEST(UiEscape, AFieldBeingTypedInTakesEscAndKeepsItsValue) {
    UiHarness h;
    h.state.ui.fullscreen = true;
    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("type T") > 0; }, 5));
    ASSERT_TRUE(h.click("type T"));
    h.type("0.7");
    ASSERT_TRUE(ImGui::GetIO().WantTextInput) << "the field did not take the keyboard";
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_TRUE(h.state.ui.fullscreen) << "Esc in a text field left full screen";
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 1.0) << "Esc applied the half-typed value";
    h.frames(2);
    EXPECT_FALSE(ImGui::GetIO().WantTextInput) << "Esc did not let go of the field";
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(h.state.ui.fullscreen);
}

TEST(UiEscape, AComboAndAWindowInFrontTakeEscFirst) {
    UiHarness h;
    h.state.ui.fullscreen = true;
    h.frames(2);
    h.key(GLFW_KEY_3, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("activation") > 0; }, 5));
    ASSERT_TRUE(h.click("activation"));  // the gradient lab's activation list
    h.frames(2);
    ASSERT_TRUE(popup_open()) << "a click on the activation combo opened no list";
    const int activation = h.state.gradients.view.activation;
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(popup_open()) << "Esc left the list open";
    EXPECT_EQ(h.state.gradients.view.activation, activation);
    EXPECT_TRUE(h.state.ui.fullscreen);
    h.state.ui.show_help = true;  // Help ▸ Using actlab: a new window comes to the front
    h.frames(3);
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(h.state.ui.show_help) << "Esc did not close the help window in front";
    EXPECT_TRUE(h.state.ui.fullscreen);
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(h.state.ui.fullscreen);
}

TEST(UiEscape, AfterFullScreenEscBringsTheControlsBack) {
    UiHarness h;
    h.state.ui.fullscreen = true;
    h.state.ui.plot_only = true;
    h.frames(2);
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(h.state.ui.fullscreen);
    EXPECT_TRUE(h.state.ui.plot_only) << "one Esc left both full screen and the plot-only view";
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_FALSE(h.state.ui.plot_only);
    h.key(GLFW_KEY_ESCAPE);  // nothing left to leave: nothing changes
    EXPECT_FALSE(h.state.ui.fullscreen);
    EXPECT_FALSE(h.state.ui.plot_only);
}

TEST(UiTooltips, ASliderBeingDraggedShowsNoTooltip) {
    UiHarness h;
    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("##T") > 0; }, 5));
    float x = 0, y = 0;
    ASSERT_TRUE(h.find("##T", &x, &y));
    h.move_to(x, y);
    h.frame();
    ASSERT_TRUE(tooltip_shown()) << "hovering the temperature slider shows no tooltip: nothing to test";
    h.press_at(x, y);
    for (int step = 1; step <= 5; ++step) {
        h.move_to(x + 12.0f * step, y);
        EXPECT_FALSE(tooltip_shown()) << "a tooltip covers the screen while the slider is dragged (step " << step << ")";
    }
    EXPECT_NE(h.state.softmax.view.temperatures.front(), 1.0) << "the drag did not move the slider";
    h.release();
    h.frame();
    EXPECT_TRUE(tooltip_shown()) << "the tooltip did not come back once the slider was let go";
}

TEST(UiTooltips, APlotBeingPannedShowsNoReadout) {
    UiHarness h;
    h.frames(3);
    const float x = 1100, y = 400;  // over the explorer's plot
    h.move_to(x, y);
    h.frame();
    ASSERT_TRUE(tooltip_shown()) << "no hover readout over the plot at (1100, 400): nothing to test";
    h.press_at(x, y);
    for (int step = 1; step <= 5; ++step) {
        h.move_to(x + 15.0f * step, y + 5.0f * step);
        EXPECT_FALSE(tooltip_shown()) << "the readout follows the mouse over the plot being panned (step " << step << ")";
    }
    h.release();
    h.frame();
    EXPECT_TRUE(tooltip_shown());
}

TEST(UiKeys, TheBoundaryExportedInTheFrameThePlaygroundComesForwardIsTheOneItStartsFrom) {
    // A window busy starting up gets Ctrl+4 and Ctrl+Shift+E in one frame: the trainer is made in that
    // frame and has published nothing yet. The export is still the run's first boundary, not an empty one.
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.frames(2);
    h.keys_in_one_frame({{GLFW_KEY_4, GLFW_MOD_CONTROL}, {GLFW_KEY_E, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT}});
    const std::vector<std::string> csvs = h.exported(".csv");
    ASSERT_EQ(csvs.size(), 1u) << h.state.status.text;
    EXPECT_EQ(csvs[0].rfind("boundary_circle_epoch0_", 0), 0u) << csvs[0];
    const std::string first = read_text(h.export_folder() + "/" + csvs[0]);
    EXPECT_GT(std::count(first.begin(), first.end(), '\n'), 1000) << "the boundary exported is empty";
    // once the trainer's first snapshot is shown, the same boundary is exported again
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown != nullptr; }, 10));
    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
    const std::vector<std::string> now = h.exported(".csv");
    ASSERT_EQ(now.size(), 2u);
    const std::string later = now[0] == csvs[0] ? now[1] : now[0];
    EXPECT_EQ(first, read_text(h.export_folder() + "/" + later)) << csvs[0] << " and " << later << " differ";
}
