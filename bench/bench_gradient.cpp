// The gradient lab's computations: the chain view (instant) and the network view at the sizes a lesson
// uses, from 30 × 256 to the largest the panel offers, 100 × 1024 with a batch of 256.
#include "core/gradient_flow.h"

#include <benchmark/benchmark.h>

namespace {

using namespace actlab::core;

void BM_ChainView(benchmark::State& state) {
    const Activation& sigmoid = *find_activation("sigmoid");
    for (auto _ : state) benchmark::DoNotOptimize(chain_products(sigmoid, nullptr, 0.0, 100).data());
    state.SetLabel("sigmoid, z = 0, 100 layers");
}
BENCHMARK(BM_ChainView)->Unit(benchmark::kMicrosecond);

// depth × width × batch, ReLU with He
void BM_Network(benchmark::State& state) {
    FlowConfig c;
    c.depth = static_cast<int>(state.range(0));
    c.width = static_cast<int>(state.range(1));
    c.batch = static_cast<int>(state.range(2));
    std::vector<LayerStats> layers;
    for (auto _ : state) {
        gradient_flow(c, &layers);
        benchmark::DoNotOptimize(layers.data());
    }
    // two products of width × width × batch per layer (forward, backward)
    state.counters["GFLOP/s"] = benchmark::Counter(4.0 * c.depth * c.width * c.width * c.batch * 1e-9,
                                                   benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Network)->Args({30, 256, 256})->Args({100, 1024, 256})->Unit(benchmark::kMillisecond)->UseRealTime();

// The same network with GELU: the smooth activations cost more per unit than ReLU's select.
void BM_NetworkGelu(benchmark::State& state) {
    FlowConfig c;
    c.activation = activation_index("gelu");
    std::vector<LayerStats> layers;
    for (auto _ : state) gradient_flow(c, &layers);
}
BENCHMARK(BM_NetworkGelu)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
