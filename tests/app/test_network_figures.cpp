// The figures of a training network's inside (units on the curve, the gradient across layers) drawn in
// a headless ImGui context at a projector's size and a small one: every plot inside the figure and
// clear of the others, a curve and its histogram on the same z pixels, a hovered unit named in its
// caption, and no text cut off.
#include "app/figures/live_gradient_figure.h"
#include "app/figures/units_figure.h"
#include "core/training.h"
#include "plot_harness.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <string>
#include <vector>

namespace app = actlab::app;
namespace core = actlab::core;
namespace plot = actlab::plot;

namespace {

// A run of `epochs` epochs with these hidden layers, each epoch's gradient recorded.
struct Trained {
    std::vector<core::LayerHistogram> layers;
    core::GradientHistory history;
    int epoch = 0;
};

Trained train(const std::vector<core::HiddenLayer>& hidden, int epochs) {
    core::TrainConfig c = core::default_train_config();
    c.hidden = hidden;
    core::Training t(c, core::make_dataset(c.data));
    Trained run;
    run.history.clear(t.network().layer_count());
    for (int e = 0; e <= epochs; ++e) {
        if (e > 0) {
            EXPECT_TRUE(t.run_epoch());
        }
        t.evaluate();
        run.history.add(t.epoch(), t.layer_gradient_rms(), t.update_ratio());
    }
    for (const core::LayerActivity& a : t.activity()) run.layers.push_back(core::layer_histogram(a, 0.05));
    run.epoch = t.epoch();
    return run;
}

bool inside(const plot::PlotReport& r, ImVec2 size) {
    return r.frame_min.x >= -0.5f && r.frame_min.y >= -0.5f && r.frame_max.x <= size.x + 0.5f && r.frame_max.y <= size.y + 0.5f;
}

bool apart(const plot::PlotReport& a, const plot::PlotReport& b) {
    return a.frame_max.x <= b.frame_min.x + 0.5f || b.frame_max.x <= a.frame_min.x + 0.5f ||
           a.frame_max.y <= b.frame_min.y + 0.5f || b.frame_max.y <= a.frame_min.y + 0.5f;
}

// Draws `body` filling a display of `size` (two frames, as an export does) and returns the plots' reports.
template <class Body>
std::vector<plot::PlotReport> draw(ImVec2 size, Body body) {
    PlotHarness h(size);
    std::vector<plot::PlotReport> reports;
    plot::SetPlotRecorder(&reports);
    for (int frame = 0; frame < 2; ++frame) {
        reports.clear();
        h.frame(ImVec2(-1, -1), false, [&] {
            ImGui::SetCursorScreenPos(ImVec2(0, 0));
            body(size);
        });
    }
    plot::SetPlotRecorder(nullptr);
    return reports;
}

void expect_laid_out(const std::vector<plot::PlotReport>& reports, ImVec2 size, size_t plots) {
    ASSERT_EQ(reports.size(), plots);
    for (size_t i = 0; i < reports.size(); ++i) {
        EXPECT_TRUE(inside(reports[i], size)) << reports[i].id << " leaves the figure: " << reports[i].frame_min.x << ","
                                              << reports[i].frame_min.y << " to " << reports[i].frame_max.x << ","
                                              << reports[i].frame_max.y;
        EXPECT_TRUE(reports[i].texts_cut.empty()) << reports[i].id << " cut " << reports[i].texts_cut.front();
        EXPECT_GT(reports[i].area_max.y - reports[i].area_min.y, 20.0f) << reports[i].id << " has no room for data";
        for (size_t j = i + 1; j < reports.size(); ++j)
            EXPECT_TRUE(apart(reports[i], reports[j])) << reports[i].id << " overlaps " << reports[j].id;
    }
}

const ImVec2 kSizes[] = {ImVec2(1600, 1000), ImVec2(800, 500)};

}  // namespace

TEST(NetworkFigures, UnitsOnTheCurveLayOutEveryLayer) {
    const int tanh = core::activation_index("tanh"), relu = core::activation_index("relu"),
              prelu = core::activation_index("prelu");
    for (const auto& hidden : {std::vector<core::HiddenLayer>{core::hidden_layer(4, tanh), core::hidden_layer(2, relu)},
                               std::vector<core::HiddenLayer>{core::hidden_layer(6, prelu), core::hidden_layer(6, tanh),
                                                              core::hidden_layer(5, relu), core::hidden_layer(4, tanh),
                                                              core::hidden_layer(3, relu)}}) {
        const Trained run = train(hidden, 20);
        const app::UnitsPicture picture = app::make_units_picture(run.layers, run.epoch, 0.05, "a test run");
        for (ImVec2 size : kSizes) {
            SCOPED_TRACE(std::to_string(hidden.size()) + " layers at " + std::to_string(static_cast<int>(size.x)));
            const auto reports = draw(size, [&](ImVec2 s) { app::draw_units_figure(picture, s, 1, 0, plot::PlotFlags_NoInputs); });
            expect_laid_out(reports, size, 2 * hidden.size());
            // each layer's curve above its histogram, their data on the same pixels of z
            for (size_t l = 0; l + 1 < reports.size(); l += 2) {
                EXPECT_EQ(reports[l].area_min.x, reports[l + 1].area_min.x) << "layer " << l / 2 + 1;
                EXPECT_EQ(reports[l].area_max.x, reports[l + 1].area_max.x) << "layer " << l / 2 + 1;
                EXPECT_LT(reports[l].frame_max.y, reports[l + 1].frame_min.y + 1.0f) << "layer " << l / 2 + 1;
            }
        }
    }
}

TEST(NetworkFigures, CaptionsGiveTheSharesAndTheHoveredUnit) {
    const Trained run = train({core::hidden_layer(4, core::activation_index("tanh")),
                           core::hidden_layer(3, core::activation_index("prelu"))},
                          20);
    const app::UnitsPicture picture = app::make_units_picture(run.layers, run.epoch, 0.05, "");
    EXPECT_EQ(picture.title, "Units on the curve at epoch 20");
    const std::string pooled = app::units_caption(picture, 0);
    EXPECT_EQ(pooled.rfind("Layer 1 · Tanh: ", 0), 0u) << pooled;
    EXPECT_NE(pooled.find("\u00a0% saturated, "), std::string::npos) << pooled;
    EXPECT_NE(pooled.find("\u00a0% active"), std::string::npos) << pooled;
    const std::string unit = app::units_caption(picture, 1, 2);
    EXPECT_EQ(unit.rfind("Layer 2 · PReLU (α = ", 0), 0u) << unit;  // its learned α
    EXPECT_NE(unit.find(" · unit 3 of 3 (the layer: "), std::string::npos) << unit;
}

TEST(NetworkFigures, GradientAcrossLayersLaysOutBothPlots) {
    const Trained run = train({core::hidden_layer(8, core::activation_index("sigmoid")),
                           core::hidden_layer(8, core::activation_index("sigmoid")),
                           core::hidden_layer(8, core::activation_index("sigmoid"))},
                          60);
    const app::LiveGradientPicture picture = app::make_live_gradient_picture(run.history, run.epoch, "a test run");
    EXPECT_EQ(picture.layer_names, (std::vector<std::string>{"1", "2", "3", "out"}));
    // 20 of the 60 epochs before the newest, the first and the last of them among them
    const std::vector<int> rows = app::live_gradient_history_rows(picture);
    ASSERT_EQ(rows.size(), 20u);
    EXPECT_EQ(rows.front(), 0);
    EXPECT_EQ(rows.back(), 59);
    for (ImVec2 size : kSizes) {
        SCOPED_TRACE(std::to_string(static_cast<int>(size.x)));
        expect_laid_out(draw(size, [&](ImVec2 s) { app::draw_live_gradient_figure(picture, s, plot::PlotFlags_NoInputs); }),
                        size, 2);
    }
    // a narrow, tall panel: one above the other, on the same pixels for the layers
    const ImVec2 tall(500, 900);
    const auto stacked = draw(tall, [&](ImVec2 s) { app::draw_live_gradient_figure(picture, s, plot::PlotFlags_NoInputs); });
    expect_laid_out(stacked, tall, 2);
    EXPECT_EQ(stacked[0].area_min.x, stacked[1].area_min.x);
}
