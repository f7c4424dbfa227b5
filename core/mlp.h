// A multilayer perceptron on Eigen: the network the playground trains.
//
// Samples go through the network eight at a time, one per lane of a SIMD register: a Block holds one
// row per unit and one column per sample, with exactly kBlock columns known at compile time, so each
// step below is a handful of vector instructions with no loop over samples:
//   z_l = W_l a_(l-1) + b_l          z_l.row(o) = b_l[o] + Σ_i W_l(o, i) a_(l-1).row(i)
//   a_l = f_l(z_l)                   f_l from the activation catalogue; f_l'(z_l) kept for backward
//   δ_L = dL/dz_L                    from the loss (loss.h), 0 in lanes that hold no sample
//   δ_(l-1) = (W_lᵀ δ_l) ⊙ f'(z_(l-1))
// A gated hidden layer of u units has 2u rows of W and b: the gates g = z.topRows(u) and the values
// v = z.bottomRows(u), and each unit is act(g) · v (SwiGLU when act is SiLU, core/gated.h):
//   a_l = f(g) ⊙ v                   f(g) and f'(g) kept for backward
//   δ_g = dL/da ⊙ f'(g) ⊙ v,  δ_v = dL/da ⊙ f(g)      the two halves of δ_l
//   dL/dW_l += δ_l a_(l-1)ᵀ,  dL/db_l += δ_l      summed lane by lane; the lanes are added once per batch
// A batch of B samples is ⌈B/8⌉ blocks; the last one's spare lanes are padding and contribute nothing.
//
// Every parameter (all W, all b, then PReLU's α per layer that learns it) sits in ONE vector, so the
// optimiser, the divergence check and a copy of the weights are single passes over it. weights(l),
// biases(l) and the α slot are views into it.
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

constexpr int kBlock = 8;  // samples per block: one AVX-512 register of doubles, two AVX2 ones
using Block = Eigen::Matrix<double, Eigen::Dynamic, kBlock, Eigen::RowMajor>;  // units × 8 samples

constexpr int kMaxHiddenLayers = 8;
constexpr int kMaxUnits = 64;

struct HiddenLayer {
    int units = 4;
    int activation = 0;        // index into the activation catalogue (of the gate, when gated)
    ParamValues params;        // the activation's parameters (PReLU's α: its starting value)
    bool gated = false;        // each unit is act(gate) · value of two pre-activations (twice the weights)
    bool operator==(const HiddenLayer& o) const {
        return units == o.units && activation == o.activation && gated == o.gated && params.v[0] == o.params.v[0] &&
               params.v[1] == o.params.v[1];
    }
    bool operator!=(const HiddenLayer& o) const { return !(*this == o); }
};

// A hidden layer of `units` units of catalogue entry `activation`, at the activation's default
// parameters (so PReLU starts at α = 0.25, ELU at α = 1).
HiddenLayer hidden_layer(int units, int activation, bool gated = false);

struct NetworkSpec {
    int inputs = 2;                    // the number of input features
    std::vector<HiddenLayer> hidden;   // 0 … kMaxHiddenLayers layers of 1 … kMaxUnits units
    int outputs = 1;                   // 1, or K for softmax over K classes
};

// Where one layer's parameters sit in the parameter vector.
struct LayerSlots {
    int rows, cols;         // W is rows × cols (pre-activations × inputs)
    int weights;            // offset of W (row-major)
    int biases;             // offset of b
    int alpha = -1;         // offset of the learned PReLU α, or -1
    int units = 0;          // the layer's outputs: rows, or rows / 2 when gated (gates above values)
    bool gated = false;
};

// The parameters of a network of this shape: Σ (fan-in + 1) · rows over its layers, plus one α per
// PReLU layer.
int parameter_count(const NetworkSpec& spec);

class Mlp {
public:
    Mlp() = default;
    explicit Mlp(const NetworkSpec& spec);

    const NetworkSpec& spec() const { return m_spec; }
    int layer_count() const { return static_cast<int>(m_slots.size()); }   // hidden layers + the output layer
    const LayerSlots& slots(int l) const { return m_slots[l]; }
    // The activation of hidden layer l, its block kernel, and its parameters (α as learned so far).
    const Activation& activation(int l) const { return core::activation(m_spec.hidden[l].activation); }
    ActivationBlockFn kernel(int l) const { return m_kernels[l]; }
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
    std::vector<ActivationBlockFn> m_kernels;
    Eigen::VectorXd m_params;
    Eigen::VectorXd m_weight_mask;
};

// One block's way through the network, kept for the backward pass; reused between blocks.
struct BlockPass {
    Block input;                 // features × 8 (spare lanes: anything finite)
    std::vector<Block> z;        // pre-activations per layer; the last is the logits
    std::vector<Block> a, da;    // a layer's outputs and f'(z) per hidden layer (gated: f'(gate), units rows)
    std::vector<Block> gate;     // f(gate) per gated hidden layer (units rows; empty for the others)
    std::vector<Block> delta;    // dL/dz per layer (backward)
    Block dlogits;               // dL/dz of the output layer, set by the loss (0 in spare lanes)
    Block grad_lanes;            // params × 8: the batch's gradient so far, one partial sum per lane
};

// z(o, :) = b(o) + Σ_i W(o, i) a(i, :) for every unit o of a layer, on blocks of any scalar type and
// width (training uses double × 8; the decision grid float × 16). W is rows × cols, row-major. Four
// units at a time: four independent sums keep the multiply-add units busy, where one sum alone would
// wait for its own last addition at every step.
template <class Scalar, int Lanes>
void affine_block(const Scalar* w, const Scalar* b, int rows, int cols,
                  const Eigen::Matrix<Scalar, Eigen::Dynamic, Lanes, Eigen::RowMajor>& below,
                  Eigen::Matrix<Scalar, Eigen::Dynamic, Lanes, Eigen::RowMajor>* z) {
    using Row = Eigen::Matrix<Scalar, 1, Lanes>;
    int o = 0;
    for (; o + 4 <= rows; o += 4) {
        const Scalar *w0 = w + o * cols, *w1 = w0 + cols, *w2 = w1 + cols, *w3 = w2 + cols;
        Row z0 = Row::Constant(b[o]), z1 = Row::Constant(b[o + 1]);
        Row z2 = Row::Constant(b[o + 2]), z3 = Row::Constant(b[o + 3]);
        for (int i = 0; i < cols; ++i) {
            const Row a = below.row(i);
            z0 += w0[i] * a;
            z1 += w1[i] * a;
            z2 += w2[i] * a;
            z3 += w3[i] * a;
        }
        z->row(o) = z0;
        z->row(o + 1) = z1;
        z->row(o + 2) = z2;
        z->row(o + 3) = z3;
    }
    for (; o < rows; ++o) {
        Row sum = Row::Constant(b[o]);
        for (int i = 0; i < cols; ++i) sum += w[o * cols + i] * below.row(i);
        z->row(o) = sum;
    }
}

// Sizes a pass for the network (once; cheap when already sized).
void prepare_pass(const Mlp& net, BlockPass* pass);
// z, a and f'(z) of every layer for the 8 samples in pass->input.
void forward_block(const Mlp& net, BlockPass* pass);
// From pass->dlogits back to the input, adding δ aᵀ and δ of every layer into pass->grad_lanes.
// Without `accumulate`, only the δ of every layer (pass->delta): what the playground's gradient view
// measures, at less than half the cost.
void backward_block(const Mlp& net, BlockPass* pass, bool accumulate = true);

}  // namespace actlab::core
