// What a user waits for: resampling the explorer's curves when a slider moves, and an export of the
// activation figure as PNG (drawn again off screen on Mesa's surfaceless EGL, read back, encoded).
#include "app/figures/activation_figure.h"
#include "app/figures/activation_keys.h"
#include "app/figures/activation_figure.h"
#include "app/platform.h"

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

}  // namespace

BENCHMARK_MAIN();
