// What a user waits for: resampling the explorer's curves when a slider moves, an export of the
// activation figure as PNG (drawn again off screen on Mesa's surfaceless EGL, read back, encoded), and
// the UI thread's work a frame for the playground's live views (their pictures from a snapshot, and
// building their draw lists).
#include "app/figures/activation_figure.h"
#include "app/figures/activation_keys.h"
#include "app/figures/activation_figure.h"
#include "app/figures/live_gradient_figure.h"
#include "app/figures/units_figure.h"
#include "app/figures/warp_figure.h"
#include "app/app_state.h"
#include "app/gui.h"
#include "app/platform.h"
#include "app/plot/plot.h"
#include "core/training.h"

#include <imgui.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <unistd.h>

namespace {

using actlab::app::ActivationView;

// What the explorer does when a parameter changes: resample every shown curve (1,602 points each:
// the view plus half a view either side).
void BM_ResampleFiveCurves(benchmark::State& state) {
    ActivationView view;
    std::string error;
    actlab::app::apply_activation_key(&view, "functions", "sigmoid,tanh,relu,gelu,silu", &error);
    for (auto _ : state) {
        const actlab::app::ActivationCurves c = actlab::app::sample_curves(view, -10, 10);
        benchmark::DoNotOptimize(c.y.data());
    }
}
BENCHMARK(BM_ResampleFiveCurves)->Unit(benchmark::kMicrosecond);

void BM_ExportPng(benchmark::State& state) {
    actlab::app::HeadlessGL gl;
    std::string error;
    if (!gl.create(&error)) {
        state.SkipWithError(error.c_str());
        return;
    }
    ActivationView view;
    const std::string path = "/tmp/actlab-bench-" + std::to_string(getpid()) + ".png";
    const float scale = static_cast<float>(state.range(0));
    for (auto _ : state) {
        if (!actlab::app::export_figure_png(actlab::app::activation_export_figure(view, actlab::app::fit_limits(view)), 1600, 1000, scale, path, &error)) {
            state.SkipWithError(error.c_str());
            break;
        }
    }
    std::remove(path.c_str());
    state.SetLabel(std::string("1600x1000 at ") + std::to_string(state.range(0)) + "x, " + gl.kind());
}
BENCHMARK(BM_ExportPng)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// A snapshot's worth of what the views show for set-up (b) (four hidden layers of 8 ReLU), with a full
// gradient history (core::kHistoryCap rows).
struct ViewData {
    std::vector<actlab::core::LayerHistogram> units;
    actlab::core::GradientHistory history;
    ViewData() {
        namespace ac = actlab::core;
        ac::TrainConfig c = ac::default_train_config();
        c.data.kind = ac::DatasetKind::Spiral;
        const int relu = ac::activation_index("relu");
        c.hidden = {{8, relu, {}}, {8, relu, {}}, {8, relu, {}}, {8, relu, {}}};
        ac::Training run(c, ac::make_dataset(c.data));
        for (int e = 0; e < 20; ++e) run.run_epoch();
        run.evaluate(true, true);
        for (const ac::LayerActivity& layer : run.activity()) units.push_back(ac::layer_histogram(layer, ac::kDefaultSaturation));
        history.clear(run.network().layer_count());
        for (int e = 0; e < 4000; ++e) history.add(e, run.layer_gradient_rms(), run.update_ratio());
    }
};

// The model step's work on a new snapshot: the two views' pictures.
void BM_ViewPictures(benchmark::State& state) {
    const ViewData data;
    for (auto _ : state) {
        actlab::app::UnitsPicture u = actlab::app::make_units_picture(data.units, 20, 0.05, "");
        actlab::app::LiveGradientPicture g = actlab::app::make_live_gradient_picture(data.history, 4000, "");
        benchmark::DoNotOptimize(u.layers.data());
        benchmark::DoNotOptimize(g.history.grad_rms.data());
    }
}
BENCHMARK(BM_ViewPictures)->Unit(benchmark::kMicrosecond);

// One ImGui frame that draws a view at 700 × 400 (the playground's pane at 1600 × 1000): the CPU's part
// of a frame, draw lists built and ended, without the GPU.
void BM_DrawView(benchmark::State& state) {
    const ViewData data;
    const actlab::app::UnitsPicture units = actlab::app::make_units_picture(data.units, 20, 0.05, "");
    const actlab::app::LiveGradientPicture gradient = actlab::app::make_live_gradient_picture(data.history, 4000, "");
    ImGuiContext* imgui = ImGui::CreateContext();
    actlab::plot::Context* plots = actlab::plot::CreateContext();
    actlab::plot::SetCurrentContext(plots);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1600, 1000);
    io.IniFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    actlab::app::AppState app;
    actlab::app::build_fonts(app, 1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    for (auto _ : state) {
        io.DeltaTime = 1.0f / 60;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(720, 440));
        ImGui::Begin("view", nullptr, ImGuiWindowFlags_NoDecoration);
        if (state.range(0) == 0) actlab::app::draw_units_figure(units, ImVec2(700, 400));
        else actlab::app::draw_live_gradient_figure(gradient, ImVec2(700, 400));
        ImGui::End();
        ImGui::Render();
        benchmark::DoNotOptimize(ImGui::GetDrawData()->TotalVtxCount);
    }
    state.SetLabel(state.range(0) == 0 ? "units, 4 layers" : "gradient, 4,000 epochs");
    actlab::plot::DestroyContext(plots);
    ImGui::DestroyContext(imgui);
}
BENCHMARK(BM_DrawView)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The layers view's worker, once a new snapshot is shown: every stage of every layer for the grid
// lines' 3,354 samples and the 500 points, each layer's plane (principal components, the last hidden
// layer's output plane) and the decision edges. Set-ups: 0 (a) 2-4-2-1 tanh on the circle; 1 (b) four
// hidden layers of 8 ReLU on the spiral; 2 the widest network the playground builds, 8 layers of 64 ReLU.
void BM_WarpPicture(benchmark::State& state) {
    namespace ac = actlab::core;
    ac::TrainConfig c = ac::default_train_config();
    const int relu = ac::activation_index("relu");
    if (state.range(0) == 1) {
        c.data.kind = ac::DatasetKind::Spiral;
        c.hidden = {{8, relu, {}}, {8, relu, {}}, {8, relu, {}}, {8, relu, {}}};
    } else if (state.range(0) == 2) {
        c.data.kind = ac::DatasetKind::Spiral;
        c.hidden.assign(8, ac::HiddenLayer{64, relu, {}});
    }
    const ac::Dataset data = ac::make_dataset(c.data);
    ac::Training run(c, data);
    for (int e = 0; e < 5; ++e) run.run_epoch();
    const actlab::app::WarpView view;
    const ac::GridSpec frame = ac::grid_over(data, 2);
    for (auto _ : state) {
        const actlab::app::WarpPicture pic = actlab::app::make_warp_picture(
            run.network(), c.features, frame, run.train_set(), run.test_set(), c.output, view, 5, "");
        benchmark::DoNotOptimize(pic.steps.back().uv.data());
    }
    const char* labels[] = {"(a) 2-4-2-1 tanh", "(b) 4 x 8 relu", "8 x 64 relu"};
    state.SetLabel(labels[state.range(0)]);
}
BENCHMARK(BM_WarpPicture)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
