// Weight initialisation, shared by the gradient lab and the training engine.
//   xavier   N(0, 2 / (fan_in + fan_out))      Glorot & Bengio 2010, for tanh-like units
//   he       N(0, 2 / fan_in)                  He et al. 2015, for ReLU: keeps E[a²] across layers
//   lecun    N(0, 1 / fan_in)                  LeCun 1998, for SELU
//   normal   N(0, σ²)                          a fixed spread, whatever the layer's size
//   uniform  U(−a, a)
//   playground U(−0.5, 0.5), biases 0.1       TensorFlow Playground's choice
// Biases are `bias` for every kind but playground.
#pragma once

#include "core/parallel.h"
#include "core/random.h"

#include <Eigen/Core>

#include <string>

namespace actlab::core {

enum class InitKind { Xavier, He, Lecun, Normal, Uniform, Playground };
constexpr int kInitKindCount = 6;

struct Init {
    InitKind kind = InitKind::He;
    double sigma = 1.0;   // normal: the standard deviation
    double a = 1.0;       // uniform: the half-width
    double bias = 0.0;    // the biases' value (playground: always 0.1)
};

const char* init_name(InitKind kind);                         // "xavier", "he", ...
bool find_init(const std::string& name, InitKind* kind);      // the inverse of init_name

// The standard deviation of the weights for a layer with these fans (for uniform: a/√3).
double init_std(const Init& init, int fan_in, int fan_out);

// The biases' value: init.bias, or 0.1 for playground.
double init_bias(const Init& init);

// Fills a layer's weights (fan_out × fan_in) and biases (fan_out). Weights are drawn column by column.
void init_layer(const Init& init, Eigen::Ref<Eigen::MatrixXd> weights, Eigen::Ref<Eigen::VectorXd> biases, Rng& rng);

// The weights of init_layer in float, column by column into out[0 .. fan_out·fan_in), from the same
// draws of rng (which it leaves as init_layer does). Uniform kinds: init_layer's doubles rounded to
// float. Normal kinds: Box–Muller's cos and sin taken in float, so each weight w is within 16 float ulps of
// |w| + σ of init_layer's (θ = 2π u2 rounded to float is most of it: 1e-6 relative at worst). The draws stay in order here; the transforms are shared between
// the pool's threads, in blocks fixed by the size alone (each value is the same whichever thread makes it).
void init_weights(const Init& init, int fan_out, int fan_in, Rng& rng, float* out, TaskPool& pool);

}  // namespace actlab::core
