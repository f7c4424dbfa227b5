// Optimisers: how a gradient becomes a step. All work on the flat parameter vector of an Mlp, so
// each is one pass. Regularisation adds to the gradient of the weights only (never biases or α):
//   L2: + λ w          L1: + λ sign(w)
// The rules (PyTorch's conventions), with g the gradient of the mean loss and η the learning rate:
//   sgd        w ← w − η g
//   momentum   v ← μ v + g;  w ← w − η v                                   (μ = 0.9)
//   adam       m ← β₁ m + (1 − β₁) g;  s ← β₂ s + (1 − β₂) g²;
//              w ← w − η m̂ / (√ŝ + ε),  m̂ = m / (1 − β₁ᵗ), ŝ = s / (1 − β₂ᵗ)  (β₁ 0.9, β₂ 0.999, ε 1e-8)
#pragma once

#include <Eigen/Core>

#include <string>

namespace actlab::core {

enum class OptimizerKind { Sgd, Momentum, Adam };
enum class Regularization { None, L1, L2 };

const char* optimizer_name(OptimizerKind kind);      // "sgd", "momentum", "adam"
bool find_optimizer(const std::string& name, OptimizerKind* kind);
const char* regularization_name(Regularization reg);  // "none", "l1", "l2"
bool find_regularization(const std::string& name, Regularization* reg);

constexpr double kMinLearningRate = 1e-5;
constexpr double kMaxLearningRate = 10.0;

struct OptimizerSpec {
    OptimizerKind kind = OptimizerKind::Sgd;
    double learning_rate = 0.03;
    Regularization regularization = Regularization::None;
    double regularization_rate = 0.0;
    double momentum = 0.9;
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    bool operator==(const OptimizerSpec& o) const {
        return kind == o.kind && learning_rate == o.learning_rate && regularization == o.regularization &&
               regularization_rate == o.regularization_rate && momentum == o.momentum && beta1 == o.beta1 &&
               beta2 == o.beta2 && epsilon == o.epsilon;
    }
    bool operator!=(const OptimizerSpec& o) const { return !(*this == o); }
};

// The optimiser's memory, sized on first use: momentum's velocity v in m; Adam's first moment in m,
// its second moment in s and its step count in steps (for the bias corrections).
struct OptimizerState {
    Eigen::VectorXd m, s;
    long steps = 0;
};

// One step: params ← params − update(grad). `weight_mask` is 1 for weights, 0 for the rest.
// `grad` is used as scratch (it receives the regularised gradient).
void optimizer_step(const OptimizerSpec& spec, const Eigen::VectorXd& weight_mask, Eigen::VectorXd* grad,
                    Eigen::VectorXd* params, OptimizerState* state);

}  // namespace actlab::core
