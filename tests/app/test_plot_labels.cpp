// No label of a figure is printed over another: the plots drawn in a headless ImGui context at sizes
// and in states that crowd their labels (tied logits, every temperature along the sweep, a small plot),
// and the boxes where their texts landed compared pairwise.
#include "app/figures/activation_figure.h"
#include "app/figures/gradient_figure.h"
#include "app/figures/softmax_figure.h"
#include "app/plot/plot.h"
#include "core/gradient_flow.h"
#include "plot_harness.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace app = actlab::app;
namespace plot = actlab::plot;

namespace {

struct Harness : PlotHarness {
    Harness() : PlotHarness(ImVec2(1200, 900)) {}
    // One frame drawing `body` in a window over the whole display; returns the texts' boxes of the
    // plot drawn last.
    std::vector<plot::TextBox> draw(const std::function<void()>& body) {
        std::vector<plot::TextBox> boxes;
        frame(ImVec2(-1, -1), false, body, [&] { boxes = plot::GetLastPlotTextBoxes(); });
        return boxes;
    }
};

// The first pair of boxes that overlap, as text for a failure message, or "".
std::string overlap(const std::vector<plot::TextBox>& boxes) {
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j)
            if (plot::boxes_overlap(boxes[i], boxes[j]))
                return "texts " + std::to_string(i) + " and " + std::to_string(j) + " overlap (y " +
                       std::to_string(boxes[i].y0) + " and " + std::to_string(boxes[j].y0) + ")";
    return "";
}

const std::vector<std::vector<double>> kCrowdedLogits = {
    {1, 1, 1},        // every logit ties: H = ln 3 at every T
    {2, 2, 0},        // the two largest tie: H falls to ln 2
    {3, 3, 3, 0},     // three of four: ln 3 just under ln 4
    {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4.9},  // eleven of twelve: ln 11 next to ln 12
    {2, 1, 0.1},      // the lab's default, no tie
};
const double kTemperatures[] = {0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100};
const ImVec2 kSizes[] = {ImVec2(480, 260), ImVec2(900, 420)};

}  // namespace

TEST(PlotLabels, TheEntropyPlotsLabelsNeverOverlap) {
    Harness h;
    for (const auto& logits : kCrowdedLogits)
        for (double t : kTemperatures)
            for (ImVec2 size : kSizes) {
                app::SoftmaxView view;
                view.logits = logits;
                view.labels.assign(logits.size(), "");
                view.temperatures = {t};
                const app::SoftmaxData data = app::compute_softmax_data(view);
                const auto boxes = h.draw([&] { app::draw_entropy_plot(view, data, size, plot::PlotFlags_NoInputs); });
                EXPECT_GE(boxes.size(), 3u);
                EXPECT_EQ(overlap(boxes), "") << "logits " << logits.size() << " from " << logits[0] << ", T = " << t
                                              << ", plot " << size.x << " × " << size.y;
            }
}

TEST(PlotLabels, WhenEveryLogitTiesTheBoundsShareOneLabel) {
    Harness h;
    app::SoftmaxView view;
    view.logits = {1, 1, 1};
    const app::SoftmaxData data = app::compute_softmax_data(view);
    // ln 3 (uniform, and the floor of the ties), 0, and the current T and H: three texts, not four
    const auto boxes = h.draw([&] { app::draw_entropy_plot(view, data, ImVec2(900, 420), plot::PlotFlags_NoInputs); });
    EXPECT_EQ(boxes.size(), 3u);
    view.logits = {2, 2, 0};
    const app::SoftmaxData two = app::compute_softmax_data(view);
    EXPECT_EQ(h.draw([&] { app::draw_entropy_plot(view, two, ImVec2(900, 420), plot::PlotFlags_NoInputs); }).size(), 4u);
}

TEST(PlotLabels, TheSoftmaxBarAndSweepLabelsNeverOverlap) {
    Harness h;
    for (const auto& logits : kCrowdedLogits)
        for (double t : kTemperatures)
            for (ImVec2 size : kSizes) {
                app::SoftmaxView view;
                view.logits = logits;
                view.labels.assign(logits.size(), "");
                view.temperatures = {t, 2 * t};
                const app::SoftmaxData data = app::compute_softmax_data(view);
                const std::string where = "T = " + std::to_string(t) + ", " + std::to_string(logits.size()) + " classes";
                EXPECT_EQ(overlap(h.draw([&] { app::draw_sweep_plot(view, data, size, plot::PlotFlags_NoInputs); })), "") << where;
                EXPECT_EQ(overlap(h.draw([&] { app::draw_probability_plot(view, data, size, plot::PlotFlags_NoInputs); })), "") << where;
                EXPECT_EQ(overlap(h.draw([&] { app::draw_filter_plot(view, data, size, plot::PlotFlags_NoInputs); })), "") << where;
            }
}

TEST(PlotLabels, TheSameTextTwiceInOnePlaceIsDrawnOnceAndDifferentTextsMoveApart) {
    Harness h;
    auto boxes = h.draw([&] {
        if (!plot::BeginPlot("p", ImVec2(600, 400))) return;
        plot::SetupAxesLimits({0, 1, 0, 1}, plot::Cond_Always);
        plot::PlotText("ln 3 = 1.099", 0.5, 0.5, IM_COL32(0, 0, 0, 255));
        plot::PlotText("ln 3 = 1.099", 0.5, 0.5, IM_COL32(0, 0, 0, 255));
        plot::PlotText("ln 2 = 0.6931", 0.5, 0.5, IM_COL32(0, 0, 0, 255));
        plot::PlotText("another", 0.5, 0.5, IM_COL32(0, 0, 0, 255));
        plot::EndPlot();
    });
    ASSERT_EQ(boxes.size(), 3u);
    EXPECT_EQ(overlap(boxes), "");
}

TEST(PlotLabels, TheDeadNetworksNotesFitTheGradientFigureAtSmallSizes) {
    // ReLU with bias −1: the gradient is 0 in every layer and the spread from layer 4 on, so the figure
    // carries a headline, its words and a note in each plot. At a small export size a note that would
    // not fit takes its short form; none is cut off by its plot's edges.
    Harness h;
    app::GradientView view;
    view.init.bias = -1;
    view.depth = 10, view.width = 64, view.batch = 32;
    std::vector<actlab::core::LayerStats> layers;
    ASSERT_TRUE(actlab::core::gradient_flow(view.network(), &layers));
    const app::ChainData chain = app::compute_chain(view, view.depth);
    app::GradientDrawOptions options;
    options.cond = plot::Cond_Always;
    for (ImVec2 size : {ImVec2(480, 300), ImVec2(560, 350), ImVec2(640, 400), ImVec2(800, 500), ImVec2(1200, 750)}) {
        std::vector<plot::PlotReport> reports;
        plot::SetPlotRecorder(&reports);
        for (int frame = 0; frame < 3; ++frame) {  // the legends settle in the first frames
            reports.clear();
            h.frame(ImVec2(-1, -1), false, [&] { app::draw_flow_figure(view, layers, chain, size, options); });
        }
        plot::SetPlotRecorder(nullptr);
        ASSERT_EQ(reports.size(), 3u);
        for (const plot::PlotReport& r : reports) {
            for (const std::string& text : r.texts_cut)
                ADD_FAILURE() << size.x << " × " << size.y << ", " << r.id << ": \"" << text << "\" is cut";
        }
    }
}

// A long title wraps at spaces only: at every width from a third of its length to all of it, no line
// ends inside a number ("sgd 0." then "03 · batch 10", as ImGui's own wrapping breaks after a point)
// and the words come back whole when the lines are joined.
TEST(PlotLabels, ALongTitleWrapsAtSpacesNeverInsideANumber) {
    Harness h;
    const std::string title = "Layer 1 of 2 · ReLU · f(W·a + b) at epoch 300: xor · 2-4-2-1 relu · tanh+mse · sgd 0.03 · "
                              "batch 10 · seed 1";
    for (float width = 260.0f; width <= 900.0f; width += 20.0f) {
        std::vector<plot::PlotReport> reports;
        plot::SetPlotRecorder(&reports);
        h.frame(ImVec2(-1, -1), false, [&] {
            if (plot::BeginPlot(title.c_str(), ImVec2(width, 300), plot::PlotFlags_NoInputs)) plot::EndPlot();
        });
        plot::SetPlotRecorder(nullptr);
        ASSERT_EQ(reports.size(), 1u);
        std::string joined;
        for (const std::string& line : reports[0].title_lines) {
            ASSERT_FALSE(line.empty()) << width;
            EXPECT_NE(line.back(), '.') << width << ": \"" << line << "\"";
            joined += (joined.empty() ? "" : " ") + line;
        }
        EXPECT_EQ(joined, title) << width;
    }
}
