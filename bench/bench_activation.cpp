// How fast the catalogue evaluates: f and f' of every activation over 4,096 points (a plot's worth),
// through the scalar functions one x at a time and through evaluate() (vectorised where an entry has it).
#include "core/activation.h"

#include <benchmark/benchmark.h>

namespace ac = actlab::core;

namespace {

Eigen::ArrayXd sweep() { return Eigen::ArrayXd::LinSpaced(4096, -8.0, 8.0); }

void BM_Scalar(benchmark::State& state) {
    const ac::Activation& act = ac::activation(static_cast<int>(state.range(0)));
    const ac::ParamValues p = ac::default_params(act);
    const Eigen::ArrayXd x = sweep();
    Eigen::ArrayXd y(x.size()), dy(x.size());
    for (auto _ : state) {
        for (Eigen::Index i = 0; i < x.size(); ++i) {
            y[i] = act.f(x[i], p.v);
            dy[i] = act.df(x[i], p.v);
        }
        benchmark::DoNotOptimize(y.data());
        benchmark::DoNotOptimize(dy.data());
    }
    state.SetLabel(act.id);
    state.SetItemsProcessed(state.iterations() * x.size());
}

void BM_Evaluate(benchmark::State& state) {
    const ac::Activation& act = ac::activation(static_cast<int>(state.range(0)));
    const ac::ParamValues p = ac::default_params(act);
    const Eigen::ArrayXd x = sweep();
    Eigen::ArrayXd y, dy;
    for (auto _ : state) {
        ac::evaluate(act, p.v, x, &y, &dy);
        benchmark::DoNotOptimize(y.data());
        benchmark::DoNotOptimize(dy.data());
    }
    state.SetLabel(act.id);
    state.SetItemsProcessed(state.iterations() * x.size());
}

void all_activations(benchmark::internal::Benchmark* b) {
    for (int i = 0; i < ac::activation_count(); ++i) b->Arg(i);
}

}  // namespace

BENCHMARK(BM_Scalar)->Apply(all_activations);
BENCHMARK(BM_Evaluate)->Apply(all_activations);
BENCHMARK_MAIN();
