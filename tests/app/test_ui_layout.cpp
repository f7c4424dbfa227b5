// Every lab, each of its tabs and the plot-only view, drawn without a window at the window's default
// size on a 1280 × 720 screen (1152 × 648) and on a 1600 × 1000 one (1440 × 900), at text sizes 1,
// 1.5 and 2, and checked as a teacher would look: no window whose content runs past its edge with no
// way to scroll to it, no table column whose text runs past the column, no named control off the
// screen, every plot at least the readable size with its title whole, a legend for every plot that
// has entries (never over the data, never outside the plot), and no text label pushed out of the data.
#include "ui_harness.h"

#include "app/panels/layout.h"
#include "app/model/playground_model.h"
#include "app/panels/race_panel.h"
#include "app/ui_style.h"

#include <gtest/gtest.h>

#include <ostream>
#include <imgui.h>
#include <imgui_internal.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace app = actlab::app;
namespace plot = actlab::plot;

namespace {

struct Case {
    float width, height, text;
};

// How a case reads in test names and messages: "1152 × 648, text 150 %".
void PrintTo(const Case& c, std::ostream* out) {
    *out << c.width << " × " << c.height << ", text " << c.text * 100 << " %";
}

std::string rect_text(ImVec2 a, ImVec2 b) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.0f, %.0f)–(%.0f, %.0f)", a.x, a.y, b.x, b.y);
    return buf;
}

// What is wrong with the frame just drawn, one line each (empty: nothing).
std::vector<std::string> layout_problems(const UiHarness& h) {
    std::vector<std::string> problems;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const float fs = g.FontSize;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Windows: content past an edge that no scrollbar reaches is content nobody can see.
    for (ImGuiWindow* w : g.Windows) {
        if (w->LastFrameActive != g.FrameCount || w->Hidden || (w->Flags & ImGuiWindowFlags_Tooltip)) continue;
        if (w->ScrollMax.x > 1.0f && !w->ScrollbarX)
            problems.push_back(std::string("window ") + w->Name + ": content " + std::to_string(w->ScrollMax.x) +
                               " px past its right edge, no scrollbar");
        if (w->ScrollMax.y > 1.0f && !w->ScrollbarY)
            problems.push_back(std::string("window ") + w->Name + ": content " + std::to_string(w->ScrollMax.y) +
                               " px past its bottom edge, no scrollbar");
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow) && (w->Pos.x + w->Size.x > display.x + 1 || w->Pos.y + w->Size.y > display.y + 1))
            problems.push_back(std::string("window ") + w->Name + " runs off the screen");
    }
    // Tables: a cell's text wider than its column is clipped (a header's ends in "…").
    for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
        ImGuiTable* t = g.Tables.TryGetMapData(n);
        if (!t || t->LastFrameActive != g.FrameCount) continue;
        for (int c = 0; c < t->ColumnsCount; ++c) {
            const ImGuiTableColumn& col = t->Columns[c];
            if (!col.IsEnabled) continue;
            const float content = std::max({col.ContentMaxXUnfrozen, col.ContentMaxXFrozen, col.ContentMaxXHeadersUsed,
                                            col.ContentMaxXHeadersIdeal});
            if (content > col.MaxX + 1.0f)
                problems.push_back("table in " + std::string(t->OuterWindow->Name) + ", column " + std::to_string(c) + ": text " +
                                   std::to_string(content - col.MaxX) + " px wider than the column");
        }
    }
    // Named controls: on the screen, left to right (tabs excepted: a bar too narrow for all of them
    // scrolls, with arrows).
    std::set<std::string> tabs;
    for (int n = 0; n < g.TabBars.GetMapSize(); ++n)
        if (ImGuiTabBar* bar = g.TabBars.TryGetMapData(n))
            for (ImGuiTabItem& tab : bar->Tabs) tabs.insert(bar->GetTabName(&tab));
    for (const auto& [name, r] : h.items.rects)
        if (!tabs.count(name) && (r.x < -0.5f || r.z > display.x + 0.5f))
            problems.push_back("control \"" + name + "\" off the screen at x " + std::to_string(r.z));
    // Plots.
    for (const plot::PlotReport& p : h.plots) {
        const std::string id = "plot \"" + p.id + "\" " + rect_text(p.frame_min, p.frame_max);
        if (p.id.rfind("##race boundary", 0) == 0) continue;  // the race's small multiples: no title, no axis labels
        // the units view's small multiples (a curve over a histogram per layer): readable data areas
        const bool small_multiple = p.id.rfind("##units-", 0) == 0;
        // the boundary's data area is square: as wide as the readable height
        const bool square = p.id.rfind("Decision boundary", 0) == 0 || p.id.rfind("Network output", 0) == 0;
        const float w = p.frame_max.x - p.frame_min.x, ht = p.frame_max.y - p.frame_min.y;
        const float min_w = square ? app::kPlotMinHeight - 1 : app::kPlotMinWidth;
        if (!small_multiple && (w < min_w * fs - 1 || ht < app::kPlotMinHeight * fs - 1))
            problems.push_back(id + ": smaller than the readable " + std::to_string(min_w) + " × " +
                               std::to_string(app::kPlotMinHeight) + " font heights");
        if (p.area_max.x - p.area_min.x < 6.0f * fs || p.area_max.y - p.area_min.y < 3.0f * fs)
            problems.push_back(id + ": data area " + rect_text(p.area_min, p.area_max) + " too small to read");
        if (p.frame_max.x > display.x + 0.5f) problems.push_back(id + ": runs off the screen");
        if (p.legend_entries > 0) {
            const plot::Box frame{p.frame_min.x, p.frame_min.y, p.frame_max.x, p.frame_max.y};
            const plot::Box legend{p.legend_min.x, p.legend_min.y, p.legend_max.x, p.legend_max.y};
            const plot::Box area{p.area_min.x, p.area_min.y, p.area_max.x, p.area_max.y};
            if (p.legend_place == plot::LegendPlace::None) problems.push_back(id + ": its legend is gone");
            if (p.legend_place == plot::LegendPlace::Over)
                problems.push_back(id + ": its legend covers the data (" + std::to_string(p.legend_covered) + ")");
            if (!frame.contains(legend)) problems.push_back(id + ": its legend " + rect_text(p.legend_min, p.legend_max) + " leaves the plot");
            if (p.legend_place != plot::LegendPlace::Inside && legend.overlaps(area))
                problems.push_back(id + ": its legend outside overlaps the data area");
        }
        for (const std::string& text : p.texts_cut) problems.push_back(id + ": a text does not fit the data area: \"" + text + "\"");
        if (p.title_scale < 1.0f / 1.2f - 0.01f) problems.push_back(id + ": title shrunk below the body text");
    }
    return problems;
}

class UiLayout : public ::testing::TestWithParam<Case> {
protected:
    // The frame after a few more (ImGui settles sizes a frame late), checked, and again with every
    // window that scrolls scrolled down a screen at a time (plots out of view are not drawn); `where`
    // says what is shown.
    void check(UiHarness& h, const std::string& where, bool plots = true) {
        h.frames(4);
        bool drawn = !h.plots.empty();
        report(h, where);
        ImGuiContext& g = *ImGui::GetCurrentContext();
        std::vector<ImGuiWindow*> scrolling;
        for (ImGuiWindow* w : g.Windows)
            if (w->LastFrameActive == g.FrameCount && !(w->Flags & ImGuiWindowFlags_Tooltip) && w->ScrollMax.y > 0)
                scrolling.push_back(w);
        for (ImGuiWindow* w : scrolling) {
            // a screen at a time, overlapping by a fifth, to the end
            const float step = std::max(0.8f * w->InnerRect.GetHeight(), 1.0f), end = w->ScrollMax.y;
            for (float y = std::min(step, end);; y = std::min(y + step, end)) {
                ImGui::SetScrollY(w, y);
                h.frames(3);
                drawn |= !h.plots.empty();
                report(h, where + ", " + w->Name + " scrolled to " + std::to_string(static_cast<int>(y)) + " px");
                if (y >= end) break;
            }
            ImGui::SetScrollY(w, 0);
            h.frames(2);
        }
        if (plots) {
            EXPECT_TRUE(drawn) << where << ": no plot drawn";
        }
    }
    void report(const UiHarness& h, const std::string& where) {
        for (const std::string& p : layout_problems(h)) ADD_FAILURE() << where << ": " << p;
    }
    // The lab shown, then in plot-only view (Ctrl+H) and back.
    void check_with_plot_only(UiHarness& h, const std::string& where) {
        check(h, where);
        h.key(GLFW_KEY_H, GLFW_MOD_CONTROL);
        check(h, where + ", plot only");
        h.key(GLFW_KEY_H, GLFW_MOD_CONTROL);
    }
};

TEST_P(UiLayout, EveryTabKeepsItsTextItsLegendsAndReadablePlots) {
    const Case c = GetParam();
    UiHarness h(c.width, c.height);
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.state.ui.set_text_scale(c.text);
    h.frames(2);
    ASSERT_NEAR(ImGui::GetFontSize(), app::kBaseFontPixels * c.text, 0.01);

    h.key(GLFW_KEY_1, GLFW_MOD_CONTROL);
    check_with_plot_only(h, "activations");
    ASSERT_TRUE(h.select_tab("Properties"));
    check(h, "activations, properties", false);
    ASSERT_TRUE(h.select_tab("About these functions"));
    check(h, "activations, about", false);

    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    check_with_plot_only(h, "softmax");
    // many classes: twelve bars and their labels, twelve curves in the sweep's legend
    app::SoftmaxView& v = h.state.softmax.view;
    v.logits = {2.8, 2.5, 2.1, 1.6, 1.3, 0.9, 0.4, 0.0, -0.5, -1.1, -1.7, -2.4};
    v.labels.assign(v.logits.size(), "");
    h.state.softmax.refit_logits = true;
    check(h, "softmax, 12 classes");
    v.logits = {3.2, 2.6, 1.5, 0.7, 0.1, -0.8, -1.6};
    v.labels = {"cat", "dog", "man", "bird", "car", "idea", "sky"};
    check(h, "softmax, next word");
    // temperatures compared side by side, and both filters on: a longer legend, longer titles
    v.temperatures = {1.0, 0.5, 2.0, 4.0};
    v.top_k = 3;
    v.top_p = 0.9;
    check(h, "softmax, four temperatures and filters");

    h.key(GLFW_KEY_3, GLFW_MOD_CONTROL);
    app::GradientState& g = h.state.gradients;
    ASSERT_TRUE(h.run_until([&] { return !g.layers.empty() && !g.job.busy(); }, 60)) << "no network computed";
    check_with_plot_only(h, "gradients");
    ASSERT_TRUE(h.select_tab("Compare pairs"));
    ASSERT_TRUE(h.run_until([&] { return g.compare.size() == g.view.compare.size() && !g.compare_job.busy(); }, 120))
        << "the pairs were not computed";
    check(h, "gradients, compare pairs");
    ASSERT_TRUE(h.select_tab("Chain view"));
    check(h, "gradients, chain view");
    ASSERT_TRUE(h.select_tab("What this shows"));
    check(h, "gradients, what this shows", false);
    // dead units: notes in the plots' corners and marks along their bottoms
    ASSERT_TRUE(h.select_tab("Activations and dead units"));
    g.view.init.bias = -1.0;
    ASSERT_TRUE(h.run_until([&] { return g.shown.init.bias == -1.0 && !g.job.busy(); }, 60)) << "no network computed";
    check(h, "gradients, dying ReLU");

    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown != nullptr; }, 30));
    check_with_plot_only(h, "playground");
    // the views beside the network: the gradient across layers, and the layers bending the plane
    h.key(GLFW_KEY_G);
    check(h, "playground, gradient across layers");
    h.key(GLFW_KEY_L);
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.warp.picture != nullptr; }, 30)) << "no layers picture";
    check(h, "playground, layers");
    h.state.playground.view.alone = app::PlaygroundAlone::Layers;
    h.key(GLFW_KEY_H, GLFW_MOD_CONTROL);
    check(h, "playground, layers alone");
    h.key(GLFW_KEY_H, GLFW_MOD_CONTROL);
    h.key(GLFW_KEY_U);
    ASSERT_TRUE(h.select_tab("Activation race"));
    app::RaceState& race = h.state.playground.race;
    race.epochs = 40;  // enough to fill the plots and the table
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Start race") > 0; }, 10));
    ASSERT_TRUE(h.reveal("Start race"));
    ASSERT_TRUE(h.click("Start race"));
    ASSERT_TRUE(h.run_until([&] { return !race.runners.empty() && !app::race_animating(race); }, 120)) << "the race did not finish";
    check(h, "playground, activation race");
    ASSERT_TRUE(h.select_tab("What this shows"));
    check(h, "playground, what this shows", false);
}

// The gated-units lab: each of its tabs, with the plain unit beside the surface, every slice, and the
// block at LLaMA's widths (the longest numbers in its table).
TEST_P(UiLayout, TheGatedLabKeepsItsTextAndReadablePlots) {
    const Case c = GetParam();
    UiHarness h(c.width, c.height);
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.state.ui.set_text_scale(c.text);
    h.frames(2);
    h.key(GLFW_KEY_5, GLFW_MOD_CONTROL);
    check_with_plot_only(h, "gated, surface");
    h.state.gated.view.show_ungated = true;
    check_with_plot_only(h, "gated, surface with the plain unit");
    ASSERT_TRUE(h.select_tab("Gradient maps"));
    check_with_plot_only(h, "gated, gradients");
    h.state.gated.view.gate = actlab::core::activation_index("relu");
    check(h, "gated, ReGLU's gradients");
    ASSERT_TRUE(h.select_tab("Slices"));
    for (const app::GatedSlice slice : {app::GatedSlice::Diagonal, app::GatedSlice::FixedB, app::GatedSlice::FixedA}) {
        h.state.gated.view.slice = slice;
        check(h, "gated, slice " + std::to_string(static_cast<int>(slice)));
    }
    ASSERT_TRUE(h.select_tab("Feed-forward block"));
    h.state.gated.view.d_model = 4096;
    h.state.gated.view.d_ff = 16384;
    check_with_plot_only(h, "gated, feed-forward block");
    ASSERT_TRUE(h.select_tab("What this shows"));
    check(h, "gated, what this shows", false);
}

// 90 % of 1280 × 720 and of 1600 × 1000, as the window opens on those screens.
INSTANTIATE_TEST_SUITE_P(Screens, UiLayout,
                         ::testing::Values(Case{1152, 648, 1.0f}, Case{1152, 648, 1.5f}, Case{1152, 648, 2.0f},
                                           Case{1440, 900, 1.0f}, Case{1440, 900, 1.5f}, Case{1440, 900, 2.0f}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                             char name[64];
                             std::snprintf(name, sizeof name, "W%.0fxH%.0f_text%.0f", info.param.width, info.param.height,
                                           info.param.text * 100);
                             return std::string(name);
                         });

}  // namespace
