// Training throughput and decision-grid times for the reference set-ups of ../shared/BENCHMARKS.md:
//   (a) circle, 250 training points, 2 → 4 tanh → 2 tanh → 1 tanh, squared error, SGD 0.03, batch 10
//   (b) spiral, 250 training points, 2 → 8 → 8 → 8 → 8 ReLU → 1 tanh, SGD 0.01, batch 10
//   (c) as (b), full batch (250)
// One thread. "samples/s" counts training samples through forward, backward and the update; the
// evaluation of losses after an epoch is not included (the trainer does it only for recorded epochs).
#include "core/decision_grid.h"
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

void BM_Evaluate(benchmark::State& state) {
    const ac::TrainConfig c = setup('a');
    ac::Training run(c, ac::make_dataset(c.data));
    for (auto _ : state) benchmark::DoNotOptimize(run.evaluate());
}

}  // namespace

BENCHMARK_CAPTURE(BM_Train, a, 'a')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Train, b, 'b')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Train, c, 'c')->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Grid, a, 'a')->Arg(256)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Grid, b, 'b')->Arg(256)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Evaluate)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
