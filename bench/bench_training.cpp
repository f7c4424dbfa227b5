// Training throughput and decision-grid times for the reference set-ups of ../shared/BENCHMARKS.md:
//   (a) circle, 250 training points, 2 → 4 tanh → 2 tanh → 1 tanh, squared error, SGD 0.03, batch 10
//   (b) spiral, 250 training points, 2 → 8 → 8 → 8 → 8 ReLU → 1 tanh, SGD 0.01, batch 10
//   (c) as (b), full batch (250)
//   (g) as (b) with SwiGLU layers of 6 gated units: 2 → 6 → 6 → 6 → 6 SwiGLU → 1 tanh (295 parameters
//       against (b)'s 249)
// One thread. "samples/s" counts training samples through forward, backward and the update; the
// evaluation of losses after an epoch is not included (the trainer does it only for recorded epochs).
#include "core/decision_grid.h"
#include "core/trainer.h"
#include "core/training.h"

#include <benchmark/benchmark.h>

namespace ac = actlab::core;

namespace {

ac::TrainConfig setup(char which) {
    ac::TrainConfig c = ac::default_train_config();
    if (which != 'a') {
        c.data.kind = ac::DatasetKind::Spiral;
        const int relu = ac::activation_index("relu");
        c.hidden = {{8, relu, {}}, {8, relu, {}}, {8, relu, {}}, {8, relu, {}}};
        if (which == 'g') c.hidden.assign(4, ac::hidden_layer(6, ac::activation_index("silu"), true));
        c.optimizer.learning_rate = 0.01;
        if (which == 'c') c.batch = 250;
    }
    return c;
}

void BM_Train(benchmark::State& state, char which) {
    const ac::TrainConfig c = setup(which);
    ac::Training run(c, ac::make_dataset(c.data));
    const int samples = run.train_set().size();
    for (auto _ : state) {
        if (!run.run_epoch()) state.SkipWithError("the run diverged");
    }
    state.counters["samples/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * samples,
                                                     benchmark::Counter::kIsRate);
}

void BM_Grid(benchmark::State& state, char which) {
    const ac::TrainConfig c = setup(which);
    ac::Training run(c, ac::make_dataset(c.data));
    for (int e = 0; e < 20; ++e) run.run_epoch();
    ac::GridSpec spec;
    spec.n = static_cast<int>(state.range(0));
    ac::DecisionGrid grid;
    for (auto _ : state) {
        ac::decision_grid(run.network(), c.output, c.features, spec, false, &grid);
        benchmark::DoNotOptimize(grid.output.data());
    }
    state.counters["points/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * spec.n * spec.n, benchmark::Counter::kIsRate);
}

// A recorded epoch's losses (as the trainer evaluates most epochs), and with the live views' extra work
// (`inside`: every hidden unit's z and f' kept, and a backward pass of each point's own loss), as the
// trainer evaluates an epoch a snapshot shows.
void BM_Evaluate(benchmark::State& state, char which, bool inside) {
    const ac::TrainConfig c = setup(which);
    ac::Training run(c, ac::make_dataset(c.data));
    for (int e = 0; e < 20; ++e) run.run_epoch();
    for (auto _ : state) benchmark::DoNotOptimize(run.evaluate(true, inside));
}

// Binning every hidden layer's z for a snapshot (the units view).
void BM_Histograms(benchmark::State& state, char which) {
    const ac::TrainConfig c = setup(which);
    ac::Training run(c, ac::make_dataset(c.data));
    for (int e = 0; e < 20; ++e) run.run_epoch();
    run.evaluate(true, true);
    for (auto _ : state)
        for (const ac::LayerActivity& layer : run.activity())
            benchmark::DoNotOptimize(ac::layer_histogram(layer, ac::kDefaultSaturation).counts.data());
}

// Copying a full gradient history (kHistoryCap rows) into a snapshot.
void BM_GradientHistoryCopy(benchmark::State& state, char which) {
    const ac::TrainConfig c = setup(which);
    ac::Training run(c, ac::make_dataset(c.data));
    run.evaluate(true, true);
    ac::GradientHistory h;
    h.clear(run.network().layer_count());
    for (int e = 0; e < ac::kHistoryCap; ++e) h.add(e, run.layer_gradient_rms(), run.update_ratio());
    for (auto _ : state) {
        ac::GradientHistory copy = h;
        benchmark::DoNotOptimize(copy.grad_rms.data());
    }
}

}  // namespace

BENCHMARK_CAPTURE(BM_Train, a, 'a')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Train, b, 'b')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Train, c, 'c')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Train, g, 'g')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Grid, a, 'a')->Arg(256)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Grid, b, 'b')->Arg(256)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Grid, g, 'g')->Arg(256)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Evaluate, a, 'a', false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Evaluate, a_inside, 'a', true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Evaluate, b, 'b', false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Evaluate, b_inside, 'b', true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Histograms, a, 'a')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Histograms, b, 'b')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GradientHistoryCopy, a, 'a')->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
