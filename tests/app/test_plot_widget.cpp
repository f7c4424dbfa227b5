// The plot widget driven frame by frame in a headless ImGui context (no window, no GL): input reaches
// only the plot under the mouse, a double-click returns home, and long lines are drawn whole.
#include "app/plot/plot.h"
#include "app/plot/plot_internal.h"
#include "plot_harness.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace plot = actlab::plot;

namespace {

// An ImGui context of 1000 × 800 pixels with a built font atlas, and the plot widget's context.
struct Harness : PlotHarness {
    Harness() : PlotHarness(ImVec2(1000, 800)) {}
};

// Two plots stacked in one window, 1000 × 380 each; their views are written to `views`.
void two_plots(plot::Limits views[2]) {
    for (int i = 0; i < 2; ++i) {
        if (plot::BeginPlot(i == 0 ? "first" : "second", ImVec2(-1, 380))) {
            plot::SetupAxesLimits({-5, 5, -1, 1});
            views[i] = plot::GetPlotLimits();
            plot::EndPlot();
        }
    }
}

}  // namespace

TEST(PlotWidget, DraggingOnePlotPansOnlyThatPlot) {
    Harness h;
    plot::Limits views[2];
    const ImVec2 start(500, 200);  // inside the first plot
    h.frame(start, false, [&] { two_plots(views); });
    h.frame(start, true, [&] { two_plots(views); });
    for (int step = 1; step <= 10; ++step) h.frame(ImVec2(start.x + 10 * step, start.y), true, [&] { two_plots(views); });
    h.frame(ImVec2(start.x + 100, start.y), false, [&] { two_plots(views); });
    EXPECT_LT(views[0].x_min, -5.5) << "the first plot did not pan";
    EXPECT_DOUBLE_EQ(views[1].x_min, -5.0) << "the second plot panned too";
    EXPECT_DOUBLE_EQ(views[1].x_max, 5.0);
}

TEST(PlotWidget, DoubleClickReturnsHome) {
    Harness h;
    plot::Limits views[2];
    const ImVec2 at(500, 200);
    h.frame(at, false, [&] { two_plots(views); });
    h.frame(at, true, [&] { two_plots(views); });
    h.frame(ImVec2(600, 250), true, [&] { two_plots(views); });
    h.frame(ImVec2(600, 250), false, [&] { two_plots(views); });
    ASSERT_NE(views[0].x_min, -5.0);
    // two clicks in quick succession
    h.frame(at, true, [&] { two_plots(views); });
    h.frame(at, false, [&] { two_plots(views); });
    h.frame(at, true, [&] { two_plots(views); });
    h.frame(at, false, [&] { two_plots(views); });
    EXPECT_DOUBLE_EQ(views[0].x_min, -5.0);
    EXPECT_DOUBLE_EQ(views[0].y_max, 1.0);
}

TEST(PlotWidget, ALongLineIsDrawnWholeWithinSixteenBitIndices) {
    Harness h;
    std::vector<double> xs(100000), ys(100000);
    for (size_t i = 0; i < xs.size(); ++i) {
        xs[i] = -5.0 + 10.0 * i / (xs.size() - 1);
        ys[i] = xs[i] > 0 ? xs[i] / 5 : 0.0;
    }
    h.frame(ImVec2(-1, -1), false, [&] {
        if (plot::BeginPlot("long", ImVec2(-1, -1))) {
            plot::SetupAxesLimits({-5, 5, -1, 1});
            plot::PlotLine("relu", xs.data(), ys.data(), static_cast<int>(xs.size()), {IM_COL32(0, 114, 178, 255)});
            plot::EndPlot();
        }
    });
    // Every draw command must address vertices a 16-bit index can reach from its offset.
    const ImDrawData* data = ImGui::GetDrawData();
    ASSERT_NE(data, nullptr);
    size_t vertices = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        vertices += list->VtxBuffer.Size;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            for (unsigned int k = 0; k < cmd.ElemCount; ++k) {
                const unsigned int index = cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + k];
                ASSERT_LT(index, static_cast<unsigned int>(list->VtxBuffer.Size));
            }
            ASSERT_LE(cmd.ElemCount == 0 ? 0u : cmd.VtxOffset, static_cast<unsigned int>(list->VtxBuffer.Size));
        }
    }
    EXPECT_GT(vertices, 4u * 99000u);  // all of the line is there
}

TEST(PlotWidget, BarsAreDrawnFromZeroAndADragBarFollowsTheMouse) {
    Harness h;
    const double xs[3] = {0, 1, 2}, ys[3] = {0.5, 1.0, 0.25};
    double dragged = 1.0;
    plot::Limits view;
    ImVec2 column_top, zero;
    auto body = [&] {
        if (plot::BeginPlot("bars", ImVec2(-1, -1))) {
            plot::SetupAxesLimits({-1, 4, -2, 2}, plot::Cond_Always);
            plot::PlotBars("three bars", xs, ys, 3, {IM_COL32(213, 94, 0, 255), 0.8});
            plot::DragBarY("drag", 3.0, &dragged, {IM_COL32(0, 114, 178, 255), 0.8});
            view = plot::GetPlotLimits();
            column_top = plot::PlotToPixels(3.0, 1.5);
            zero = plot::PlotToPixels(3.0, -1.0);
            plot::EndPlot();
        }
    };
    h.frame(ImVec2(-1, -1), false, body);
    // every bar is a filled rectangle in its colour
    const ImDrawData* data = ImGui::GetDrawData();
    ASSERT_NE(data, nullptr);
    int orange = 0;
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) orange += v.col == IM_COL32(213, 94, 0, 255);
    EXPECT_GE(orange, 3 * 4 + 4);  // three bars and the legend swatch
    // press in the drag bar's column at y = 1.5 and drag down to y = −1
    h.frame(column_top, false, body);
    h.frame(column_top, true, body);
    h.frame(column_top, true, body);
    EXPECT_NEAR(dragged, 1.5, 0.01);
    h.frame(zero, true, body);
    h.frame(zero, false, body);
    EXPECT_NEAR(dragged, -1.0, 0.01);
    EXPECT_DOUBLE_EQ(view.x_min, -1.0) << "dragging the bar panned the plot";
    // a press outside every bar's column leaves the bar alone (the mouse moves there first, as a real one does)
    const double before = dragged;
    h.frame(ImVec2(column_top.x - 200, column_top.y), false, body);
    h.frame(ImVec2(column_top.x - 200, column_top.y), true, body);
    h.frame(ImVec2(column_top.x - 200, column_top.y + 50), true, body);
    h.frame(ImVec2(column_top.x - 200, column_top.y + 50), false, body);
    EXPECT_EQ(dragged, before);
}

TEST(PlotWidget, PlotsWhoseIdsChangeEveryFrameDoNotPileUpAndAPlotDrawnEveryFrameKeepsItsView) {
    // A title that names the epoch, with no "###" to fix its ID, is a new plot every frame: the widget
    // keeps no more than kMaxPlotStates of them, forgetting those drawn longest ago, and never one
    // drawn in the last frames.
    Harness h;
    plot::Limits view;
    const auto frame = [&](int n) {
        if (plot::BeginPlot("kept###kept", ImVec2(-1, 380))) {
            plot::SetupAxesLimits({-5, 5, -1, 1});
            view = plot::GetPlotLimits();
            plot::EndPlot();
        }
        if (plot::BeginPlot(("at epoch " + std::to_string(n)).c_str(), ImVec2(-1, 380))) plot::EndPlot();
    };
    const ImVec2 at(500, 200);  // inside the kept plot: pan it
    h.frame(at, false, [&] { frame(0); });
    h.frame(at, true, [&] { frame(1); });
    h.frame(ImVec2(600, 200), true, [&] { frame(2); });
    h.frame(ImVec2(600, 200), false, [&] { frame(3); });
    const plot::Limits panned = view;
    ASSERT_LT(panned.x_min, -5.5);
    for (int n = 4; n < 2000; ++n) h.frame(ImVec2(600, 200), false, [&] { frame(n); });
    EXPECT_LE(plot::GetCurrentContext()->plots.size(), plot::detail::kMaxPlotStates);
    EXPECT_DOUBLE_EQ(view.x_min, panned.x_min) << "the plot drawn every frame lost its view";
    EXPECT_DOUBLE_EQ(view.x_max, panned.x_max);
}

TEST(PlotWidget, AlignedPlotsShareTheirLeftEdge) {
    Harness h;
    std::vector<plot::PlotReport> reports;
    plot::SetPlotRecorder(&reports);
    // y tick labels of different widths ("1" against "150000"), and a y label on one only
    auto stacked = [](bool aligned) {
        if (aligned) plot::BeginAlignedPlots("##pair");
        for (int i = 0; i < 2; ++i) {
            if (plot::BeginPlot(i == 0 ? "narrow##a" : "wide##a", ImVec2(600, 300))) {
                plot::SetupAxes("x", i == 0 ? "" : "count");
                plot::SetupAxesLimits({-5, 5, 0, i == 0 ? 1.0 : 150000.0}, plot::Cond_Always);
                plot::EndPlot();
            }
        }
        if (aligned) plot::EndAlignedPlots();
    };
    h.frame(ImVec2(-1, -1), false, [&] { stacked(false); });
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_LT(reports[0].area_min.x + 10, reports[1].area_min.x) << "the test needs margins that differ";
    for (int frame = 0; frame < 2; ++frame) {
        reports.clear();
        h.frame(ImVec2(-1, -1), false, [&] { stacked(true); });
    }
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].area_min.x, reports[1].area_min.x);
    EXPECT_EQ(reports[0].area_max.x, reports[1].area_max.x);
    plot::SetPlotRecorder(nullptr);
}
