#include "core/init.h"

#include "core/names.h"

#include <cmath>

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
    biases.setConstant(init.kind == InitKind::Playground ? 0.1 : init.bias);
}

}  // namespace actlab::core
