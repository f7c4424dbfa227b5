// Weight initialisation, shared by the gradient lab and the training engine.
//   xavier   N(0, 2 / (fan_in + fan_out))      Glorot & Bengio 2010, for tanh-like units
//   he       N(0, 2 / fan_in)                  He et al. 2015, for ReLU: keeps E[a²] across layers
//   lecun    N(0, 1 / fan_in)                  LeCun 1998, for SELU
//   normal   N(0, σ²)                          a fixed spread, whatever the layer's size
//   uniform  U(−a, a)
//   playground U(−0.5, 0.5), biases 0.1       TensorFlow Playground's choice
// Biases are `bias` for every kind but playground.
#pragma once

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

// Fills a layer's weights (fan_out × fan_in) and biases (fan_out). Weights are drawn column by column.
void init_layer(const Init& init, Eigen::Ref<Eigen::MatrixXd> weights, Eigen::Ref<Eigen::VectorXd> biases, Rng& rng);

}  // namespace actlab::core
