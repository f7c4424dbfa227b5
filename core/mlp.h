// A multilayer perceptron on Eigen: the network the playground trains.
//
// Shapes. A batch of B samples is a matrix with one COLUMN per sample and one row per unit, stored
// row-major, so each unit's B values are contiguous and every operation below runs along them:
//   z_l = W_l a_(l-1) + b_l        (units_l × B)      W_l is units_l × units_(l-1)
//   a_l = f_l(z_l)                 f_l from the activation catalogue, f_l'(z_l) kept for backward
// The last layer's z is the logits; the output function and the loss live in loss.h.
//
// Every parameter (all W, all b, then PReLU's α per layer that learns it) sits in ONE vector, so the
// optimiser, the divergence check and a copy of the weights are single passes over it. weights(l),
// biases(l) and alpha(l) are views into it.
#pragma once

#include "core/activation.h"
#include "core/init.h"
#include "core/random.h"

#include <Eigen/Core>

#include <vector>

namespace actlab::core {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;

constexpr int kMaxHiddenLayers = 8;
constexpr int kMaxUnits = 64;

struct HiddenLayer {
    int units = 4;
    int activation = 0;        // index into the activation catalogue
    ParamValues params;        // the activation's parameters (PReLU's α: its starting value)
};

struct NetworkSpec {
    int inputs = 2;                    // the number of input features
    std::vector<HiddenLayer> hidden;   // 0 … kMaxHiddenLayers layers of 1 … kMaxUnits units
    int outputs = 1;                   // 1, or K for softmax over K classes
};

// Where one layer's parameters sit in the parameter vector.
struct LayerSlots {
    int rows, cols;         // W is rows × cols (units × inputs)
    int weights;            // offset of W (row-major)
    int biases;             // offset of b
    int alpha = -1;         // offset of the learned PReLU α, or -1
};

class Mlp {
public:
    Mlp() = default;
    explicit Mlp(const NetworkSpec& spec);

    const NetworkSpec& spec() const { return m_spec; }
    int layer_count() const { return static_cast<int>(m_slots.size()); }   // hidden layers + the output layer
    const LayerSlots& slots(int l) const { return m_slots[l]; }
    // The activation of layer l (hidden layers only) and its parameters: fixed, or α as learned so far.
    const Activation& activation(int l) const { return core::activation(m_spec.hidden[l].activation); }
    const double* activation_params(int l, double* scratch) const;

    Eigen::VectorXd& params() { return m_params; }
    const Eigen::VectorXd& params() const { return m_params; }
    MatrixMap weights(int l) { return {m_params.data() + m_slots[l].weights, m_slots[l].rows, m_slots[l].cols}; }
    ConstMatrixMap weights(int l) const { return {m_params.data() + m_slots[l].weights, m_slots[l].rows, m_slots[l].cols}; }
    Eigen::Map<Eigen::VectorXd> biases(int l) { return {m_params.data() + m_slots[l].biases, m_slots[l].rows}; }
    Eigen::Map<const Eigen::VectorXd> biases(int l) const { return {m_params.data() + m_slots[l].biases, m_slots[l].rows}; }
    // 1 where a parameter is a weight (regularised), 0 for biases and α.
    const Eigen::VectorXd& weight_mask() const { return m_weight_mask; }

    // Weights and biases from `init`; PReLU's α from the layer spec.
    void initialise(const Init& init, Rng& rng);

private:
    NetworkSpec m_spec;
    std::vector<LayerSlots> m_slots;
    Eigen::VectorXd m_params;
    Eigen::VectorXd m_weight_mask;
};

// What forward keeps for backward, for batches of one size (resized when the size changes).
struct Activations {
    std::vector<Matrix> z;    // pre-activations, per layer (the last: logits)
    std::vector<Matrix> a;    // f(z), per hidden layer
    std::vector<Matrix> da;   // f'(z), per hidden layer
};

// Runs the batch `input` (inputs × B) through the network.
void forward(const Mlp& net, const Eigen::Ref<const Matrix>& input, Activations* acts);

// Given dL/dlogits (outputs × B) for the batch forward last saw, adds nothing and writes the gradient
// of the loss with respect to every parameter into `grad` (laid out as Mlp::params). `delta` is scratch.
// `dlogits` is taken by value as the top of the backward pass (it becomes layer L's delta).
void backward(const Mlp& net, const Eigen::Ref<const Matrix>& input, const Activations& acts, const Matrix& dlogits,
              std::vector<Matrix>* delta, Eigen::VectorXd* grad);

}  // namespace actlab::core
