#include "core/init.h"

#include "core/names.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace actlab::core {

namespace {
const char* const kNames[kInitKindCount] = {"xavier", "he", "lecun", "normal", "uniform", "playground"};
}

const char* init_name(InitKind kind) { return kNames[static_cast<int>(kind)]; }

bool find_init(const std::string& name, InitKind* kind) { return find_name(kNames, name, kind); }

double init_std(const Init& init, int fan_in, int fan_out) {
    switch (init.kind) {
        case InitKind::Xavier: return std::sqrt(2.0 / (fan_in + fan_out));
        case InitKind::He: return std::sqrt(2.0 / fan_in);
        case InitKind::Lecun: return std::sqrt(1.0 / fan_in);
        case InitKind::Normal: return init.sigma;
        case InitKind::Uniform: return init.a / std::sqrt(3.0);
        case InitKind::Playground: return 0.5 / std::sqrt(3.0);
    }
    return 0.0;
}

void init_layer(const Init& init, Eigen::Ref<Eigen::MatrixXd> weights, Eigen::Ref<Eigen::VectorXd> biases, Rng& rng) {
    const int fan_out = static_cast<int>(weights.rows()), fan_in = static_cast<int>(weights.cols());
    const bool uniform = init.kind == InitKind::Uniform || init.kind == InitKind::Playground;
    const double half_width = init.kind == InitKind::Playground ? 0.5 : init.a;
    const double std = init_std(init, fan_in, fan_out);
    for (int j = 0; j < fan_in; ++j)
        for (int i = 0; i < fan_out; ++i)
            weights(i, j) = uniform ? rng.uniform(-half_width, half_width) : std * rng.normal();
    biases.setConstant(init_bias(init));
}

double init_bias(const Init& init) { return init.kind == InitKind::Playground ? 0.1 : init.bias; }

void init_weights(const Init& init, int fan_out, int fan_in, Rng& rng, float* out, TaskPool& pool) {
    const std::size_t n = static_cast<std::size_t>(fan_out) * static_cast<std::size_t>(fan_in);
    if (init.kind == InitKind::Uniform || init.kind == InitKind::Playground) {
        // one draw of next() per weight and no transcendental: cheap enough on one thread
        const double half_width = init.kind == InitKind::Playground ? 0.5 : init.a;
        for (std::size_t k = 0; k < n; ++k) out[k] = static_cast<float>(rng.uniform(-half_width, half_width));
        return;
    }
    const double std = init_std(init, fan_in, fan_out);
    std::size_t k = 0;
    double v;
    if (n > 0 && rng.take_spare(&v)) out[k++] = static_cast<float>(std * v);
    // Whole pairs, a block at a time: the draws here, in order, then their transforms on every thread.
    constexpr std::size_t kBlockPairs = 1 << 15;
    constexpr int kTasks = 8;  // per block, fixed: the split does not depend on the pool's size
    std::vector<std::uint64_t> bits(2 * kBlockPairs);
    while (n - k >= 2) {
        const std::size_t pairs = std::min(kBlockPairs, (n - k) / 2);
        for (std::size_t i = 0; i < 2 * pairs; ++i) bits[i] = rng.next();
        float* block = out + k;
        pool.run(kTasks, [&](int task) {
            const Eigen::Index first = static_cast<Eigen::Index>(pairs * static_cast<std::size_t>(task) / kTasks);
            const Eigen::Index count = static_cast<Eigen::Index>(pairs * static_cast<std::size_t>(task + 1) / kTasks) - first;
            // Rng::normal_pair over a whole array at once: r = √(−2 ln u1) in double, θ = 2π u2 in
            // double, cos θ and sin θ in float (Eigen's vectorised forms, about 1 float ulp)
            Eigen::ArrayXd u1(count), u2(count);
            for (Eigen::Index p = 0; p < count; ++p) {
                u1[p] = 1.0 - static_cast<double>(bits[static_cast<std::size_t>(2 * (first + p))] >> 11) * 0x1.0p-53;
                u2[p] = static_cast<double>(bits[static_cast<std::size_t>(2 * (first + p) + 1)] >> 11) * 0x1.0p-53;
            }
            const Eigen::ArrayXd r = std * (-2.0 * u1.log()).sqrt();
            const Eigen::ArrayXf angle = (2.0 * M_PI * u2).cast<float>();
            const Eigen::ArrayXf rf = r.cast<float>();
            const Eigen::ArrayXf cosine = angle.cos(), sine = angle.sin();  // each alone, so vectorised
            const Eigen::ArrayXf c = rf * cosine, sn = rf * sine;
            float* pair = block + 2 * first;
            for (Eigen::Index p = 0; p < count; ++p) {
                pair[2 * p] = c[p];
                pair[2 * p + 1] = sn[p];
            }
        });
        k += 2 * pairs;
    }
    if (k < n) out[k] = static_cast<float>(std * rng.normal());  // draws a pair and keeps its second
}

}  // namespace actlab::core
