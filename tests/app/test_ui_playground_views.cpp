// The views beside the playground's network, driven without a window: N, U and G bring their tab to
// the front (where the column is short the three take turns; where it is tall the network stays on
// screen above the other two), and a view's "Alone" shows it and nothing else until Ctrl+H or Esc.
#include "ui_harness.h"

#include "app/model/playground_model.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <string>
#include <vector>

namespace app = actlab::app;

namespace {

// The open tab of the bar drawn last frame that has a tab labelled `any` ("" when none has).
std::string open_tab_beside(const std::string& any) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int n = 0; n < g.TabBars.GetMapSize(); ++n) {
        ImGuiTabBar* bar = g.TabBars.TryGetMapData(n);
        if (!bar || bar->CurrFrameVisible != g.FrameCount) continue;
        bool has = false;
        for (ImGuiTabItem& tab : bar->Tabs) has |= any == bar->GetTabName(&tab);
        if (!has) continue;
        for (ImGuiTabItem& tab : bar->Tabs)
            if (tab.ID == bar->VisibleTabId) return bar->GetTabName(&tab);
    }
    return "";
}

// The ids of the plots drawn last frame.
std::vector<std::string> plot_ids(const UiHarness& h) {
    std::vector<std::string> ids;
    for (const actlab::plot::PlotReport& r : h.plots) ids.push_back(r.id);
    return ids;
}

bool any_plot(const UiHarness& h, const std::string& part) {
    for (const actlab::plot::PlotReport& r : h.plots)
        if (r.id.find(part) != std::string::npos) return true;
    return false;
}

std::string joined(const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id;
    return s;
}

void open_playground(UiHarness& h) {
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown != nullptr && h.items.rects.count("Units on the curve") > 0; }, 30));
}

}  // namespace

// 1600 × 600: the column is too short for the network and a view, so N, U and G take turns.
TEST(UiPlaygroundViews, NUAndGBringTheirTabForwardWhereTheyTakeTurns) {
    UiHarness h(1600, 600);
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h);
    ASSERT_TRUE(h.items.rects.count("Network") > 0) << "the short column should have a Network tab";
    const struct {
        int key;
        const char* tab;
        const char* plot;  // a plot only that view draws ("" for the diagram, which is no plot)
    } keys[] = {{GLFW_KEY_G, "Gradient across layers", "###live-gradient"},
                {GLFW_KEY_N, "Network", ""},
                {GLFW_KEY_U, "Units on the curve", "##units-histogram"},
                {GLFW_KEY_G, "Gradient across layers", "###live-gradient"},
                {GLFW_KEY_U, "Units on the curve", "##units-histogram"},
                {GLFW_KEY_N, "Network", ""}};
    for (const auto& k : keys) {
        h.key(k.key);
        h.frames(2);
        EXPECT_EQ(open_tab_beside("Units on the curve"), k.tab) << "after " << char(k.key);
        if (*k.plot) {
            EXPECT_TRUE(any_plot(h, k.plot)) << k.tab << ": " << joined(plot_ids(h));
        }
        EXPECT_EQ(any_plot(h, "##units-histogram"), std::string(k.tab) == "Units on the curve") << joined(plot_ids(h));
        EXPECT_EQ(any_plot(h, "###live-gradient"), std::string(k.tab) == "Gradient across layers") << joined(plot_ids(h));
    }
}

// The default 1600 × 1000: the network above, the units or the gradient under it.
TEST(UiPlaygroundViews, UAndGBringTheirTabForwardUnderTheNetwork) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h);
    EXPECT_EQ(h.items.rects.count("Network"), 0u) << "the tall column shows the network without a tab";
    h.key(GLFW_KEY_G);
    h.frames(2);
    EXPECT_EQ(open_tab_beside("Units on the curve"), "Gradient across layers");
    EXPECT_TRUE(any_plot(h, "###live-gradient"));
    h.key(GLFW_KEY_U);
    h.frames(2);
    EXPECT_EQ(open_tab_beside("Units on the curve"), "Units on the curve");
    EXPECT_TRUE(any_plot(h, "##units-histogram"));
    h.key(GLFW_KEY_N);  // the network is on screen anyway: the view under it stays
    h.frames(2);
    EXPECT_EQ(open_tab_beside("Units on the curve"), "Units on the curve");
}

TEST(UiPlaygroundViews, AloneShowsOnlyThatViewUntilCtrlHOrEsc) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    open_playground(h);
    const auto everything = [&] {
        return any_plot(h, "###boundary") && any_plot(h, "###loss") && h.items.rects.count("Units on the curve") > 0;
    };
    ASSERT_TRUE(everything()) << joined(plot_ids(h));
    struct Case {
        int key;
        const char* button;
        const char* plot;          // a plot of the view's own
        const char* other_plot;    // one of the other view's
        app::PlaygroundAlone alone;
        int back_key, back_mods;
    };
    for (const Case& c : {Case{GLFW_KEY_U, "Units: Alone", "##units-histogram", "###live-", app::PlaygroundAlone::Units, GLFW_KEY_H,
                               GLFW_MOD_CONTROL},
                          Case{GLFW_KEY_G, "Gradient: Alone", "###live-gradient", "##units-histogram", app::PlaygroundAlone::Gradient,
                               GLFW_KEY_ESCAPE, 0}}) {
        h.key(c.key);
        ASSERT_TRUE(h.run_until([&] { return h.items.rects.count(c.button) > 0; }, 10)) << "no " << c.button;
        ASSERT_TRUE(h.click(c.button));
        h.frame();
        EXPECT_TRUE(h.state.ui.plot_only);
        EXPECT_EQ(h.state.playground.view.alone, c.alone);
        const std::string plots = joined(plot_ids(h));
        EXPECT_TRUE(any_plot(h, c.plot)) << c.button << " shows " << plots;
        for (const char* other : {"###boundary", "###loss", c.other_plot})
            EXPECT_FALSE(any_plot(h, other)) << c.button << " also shows " << plots;
        EXPECT_EQ(h.items.rects.count("Units on the curve"), 0u) << "the tabs are still there";
        h.key(c.back_key, c.back_mods);
        h.frame();
        EXPECT_FALSE(h.state.ui.plot_only);
        EXPECT_TRUE(everything()) << "not everything again after " << c.button << ": " << joined(plot_ids(h));
    }
}

// A hidden layer made gated from its combo: the network trains with a gate and a value per unit, the
// diagram and the Network section say so, and Ctrl+Shift+E's network CSV lists the gate weights.
TEST(UiPlaygroundViews, AHiddenLayerPickedAsSwiGLUTrainsGatedUnits) {
    UiHarness h;
    open_playground(h);
    ASSERT_TRUE(h.reveal("##layer 1 kind"));
    ASSERT_TRUE(h.click("##layer 1 kind"));
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("kind: SwiGLU") > 0; }, 10));
    ASSERT_TRUE(h.reveal("kind: SwiGLU"));
    ASSERT_TRUE(h.click("kind: SwiGLU"));
    const app::PlaygroundState& p = h.state.playground;
    ASSERT_TRUE(h.run_until([&] { return p.view.config.hidden[0].gated; }, 10));
    EXPECT_EQ(p.view.config.hidden[0].activation, actlab::core::activation_index("silu"));
    EXPECT_FALSE(p.view.config.hidden[1].gated);
    // the trainer took it: its network has 2 · 4 rows in the first layer
    ASSERT_TRUE(h.run_until([&] {
        return p.shown && p.shown->network.layer_count() == 3 && p.shown->network.slots(0).gated;
    }, 30));
    EXPECT_EQ(p.shown->network.slots(0).rows, 8);
    EXPECT_EQ(p.shown->network.params().size(), 3 * 8 + 5 * 2 + 3 * 1);
    // and any other activation can be the gate: Tanh, gated
    ASSERT_TRUE(h.reveal("##layer 2 kind"));
    ASSERT_TRUE(h.click("##layer 2 kind"));
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("kind: gate itself") > 0; }, 10));
    ASSERT_TRUE(h.reveal("kind: gate itself"));
    ASSERT_TRUE(h.click("kind: gate itself"));
    ASSERT_TRUE(h.run_until([&] { return p.view.config.hidden[1].gated; }, 10));
    EXPECT_EQ(p.view.config.hidden[1].activation, actlab::core::activation_index("tanh"));
}
