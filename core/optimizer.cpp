#include "core/optimizer.h"

#include "core/names.h"

#include <cmath>

namespace actlab::core {

namespace {
const char* const kOptimizerNames[] = {"sgd", "momentum", "adam"};
const char* const kRegularizationNames[] = {"none", "l1", "l2"};
}  // namespace

const char* optimizer_name(OptimizerKind kind) { return kOptimizerNames[static_cast<int>(kind)]; }
bool find_optimizer(const std::string& name, OptimizerKind* kind) { return find_name(kOptimizerNames, name, kind); }
const char* regularization_name(Regularization reg) { return kRegularizationNames[static_cast<int>(reg)]; }
bool find_regularization(const std::string& name, Regularization* reg) {
    return find_name(kRegularizationNames, name, reg);
}

void optimizer_step(const OptimizerSpec& spec, const Eigen::VectorXd& weight_mask, Eigen::VectorXd* grad,
                    Eigen::VectorXd* params, OptimizerState* state) {
    Eigen::VectorXd& g = *grad;
    Eigen::VectorXd& w = *params;
    const double lambda = spec.regularization_rate;
    if (spec.regularization == Regularization::L2 && lambda != 0.0) {
        g.array() += lambda * weight_mask.array() * w.array();
    } else if (spec.regularization == Regularization::L1 && lambda != 0.0) {
        g.array() += lambda * weight_mask.array() * w.array().sign();
    }
    const double eta = spec.learning_rate;
    switch (spec.kind) {
        case OptimizerKind::Sgd: w.noalias() -= eta * g; break;
        case OptimizerKind::Momentum:
            if (state->m.size() != w.size()) state->m = Eigen::VectorXd::Zero(w.size());
            state->m = spec.momentum * state->m + g;
            w.noalias() -= eta * state->m;
            break;
        case OptimizerKind::Adam: {
            if (state->m.size() != w.size() || state->s.size() != w.size()) {
                state->m = Eigen::VectorXd::Zero(w.size());
                state->s = Eigen::VectorXd::Zero(w.size());
                state->steps = 0;
            }
            ++state->steps;
            state->m = spec.beta1 * state->m + (1.0 - spec.beta1) * g;
            state->s.array() = spec.beta2 * state->s.array() + (1.0 - spec.beta2) * g.array().square();
            const double c1 = 1.0 - std::pow(spec.beta1, static_cast<double>(state->steps));
            const double c2 = 1.0 - std::pow(spec.beta2, static_cast<double>(state->steps));
            w.array() -= eta * (state->m.array() / c1) / ((state->s.array() / c2).sqrt() + spec.epsilon);
            break;
        }
    }
}

}  // namespace actlab::core
