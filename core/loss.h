// The network's output function and its loss, always as a matching pair, each computed from the
// logits z (the last layer's pre-activations) with its gradient dL/dz:
//   tanh + squared error        o = tanh z, L = ½(o − t)²,  dL/dz = (o − t)(1 − o²)      (Playground's)
//   sigmoid + binary c.-e.       L = log(1 + e^z) − t z,     dL/dz = σ(z) − t             (from logits)
//   softmax + cross-entropy      L = log Σ e^(z_k) − z_t,    dL/dz = softmax(z) − onehot(t)
//   identity + squared error     L = ½(z − t)²,              dL/dz = z − t                (regression)
// Computing the cross-entropies from z rather than from probabilities keeps them finite and exact
// when a probability rounds to 0 or 1. A batch's loss is the mean over its samples.
#pragma once

#include "core/mlp.h"

#include <string>

namespace actlab::core {

enum class Output { Tanh, Sigmoid, Softmax, Identity };
enum class LossKind { Mse, Bce, Ce };

const char* output_name(Output output);  // "tanh", "sigmoid", "softmax", "identity"
const char* loss_name(LossKind loss);    // "mse", "bce", "ce"
bool find_output(const std::string& name, Output* output);
bool find_loss(const std::string& name, LossKind* loss);
// The loss that goes with an output function (tanh and identity: mse; sigmoid: bce; softmax: ce).
LossKind matching_loss(Output output);
// The output that goes with a loss, when only the loss is given (mse: tanh; bce: sigmoid; ce: softmax).
Output matching_output(LossKind loss);

// Targets as the loss reads them, from a dataset's labels: tanh trains towards ±1 (class 1 → +1,
// class 0 → −1) or the regression value; sigmoid towards 0/1; softmax reads the class id.
double encode_target(Output output, int classes, double label);

// The summed loss of some samples and the number classified right (classification only).
struct BatchScore {
    double loss_sum = 0.0;
    int correct = 0;
};

// The loss of the first `count` samples of a block of logits (outputs × 8). With `dlogits`, also
// dL/dz for them times `scale` (1/B for the mean over a batch of B), and 0 in the spare lanes.
BatchScore score_block(Output output, const Block& logits, const double* targets, int count, double scale,
                       Block* dlogits);

// The network's output for each lane (outputs × 8): tanh z, σ(z), softmax(z) or z.
void output_block(Output output, const Block& logits, Block* out);

// The loss summed over a batch: the samples are columns order[0 … count−1] of x (or 0 … count−1 when
// order is null), with encoded targets t[column]. With `grad`, also the gradient of the MEAN loss with
// respect to every parameter, laid out as Mlp::params.
BatchScore batch_loss(const Mlp& net, Output output, const Eigen::Ref<const Matrix>& x, const double* t,
                      const int* order, int count, Eigen::VectorXd* grad, BlockPass* pass);

// Copies the features of columns order[first …] (or first …) of x into the block's lanes, zeros in
// the spare ones; returns how many lanes hold samples.
int gather_block(const Eigen::Ref<const Matrix>& x, const int* order, int first, int count, Block* input);

}  // namespace actlab::core
