#include "core/mlp.h"

#include <cassert>

namespace actlab::core {

namespace {
using Lanes = Eigen::Matrix<double, 1, kBlock>;  // one unit's values for the 8 samples of a block
}

HiddenLayer hidden_layer(int units, int activation, bool gated) {
    return {units, activation, default_params(core::activation(activation)), gated};
}

int parameter_count(const NetworkSpec& spec) {
    int count = 0, fan_in = spec.inputs;
    for (const HiddenLayer& h : spec.hidden) {
        const int rows = h.gated ? 2 * h.units : h.units;
        count += (fan_in + 1) * rows + (param_derivative(core::activation(h.activation), 0) ? 1 : 0);
        fan_in = h.units;
    }
    return count + (fan_in + 1) * spec.outputs;
}

Mlp::Mlp(const NetworkSpec& spec) : m_spec(spec) {
    assert(spec.inputs >= 1 && spec.outputs >= 1 && static_cast<int>(spec.hidden.size()) <= kMaxHiddenLayers);
    int offset = 0, fan_in = spec.inputs;
    const int layers = static_cast<int>(spec.hidden.size()) + 1;
    for (int l = 0; l < layers; ++l) {
        const int units = l + 1 < layers ? spec.hidden[l].units : spec.outputs;
        const bool gated = l + 1 < layers && spec.hidden[l].gated;
        const int rows = gated ? 2 * units : units;
        LayerSlots s{rows, fan_in, offset, offset + rows * fan_in};
        s.units = units;
        s.gated = gated;
        offset = s.biases + rows;
        m_slots.push_back(s);
        fan_in = units;
    }
    for (int l = 0; l + 1 < layers; ++l) {
        m_kernels.push_back(block_function(activation(l)));
        if (param_derivative(activation(l), 0)) m_slots[l].alpha = offset++;
    }
    m_params = Eigen::VectorXd::Zero(offset);
    m_weight_mask = Eigen::VectorXd::Zero(offset);
    for (const LayerSlots& s : m_slots) m_weight_mask.segment(s.weights, s.rows * s.cols).setOnes();
}

const double* Mlp::activation_params(int l, double* scratch) const {
    scratch[0] = m_spec.hidden[l].params.v[0];
    scratch[1] = m_spec.hidden[l].params.v[1];
    if (m_slots[l].alpha >= 0) scratch[0] = m_params[m_slots[l].alpha];
    return scratch;
}

void Mlp::initialise(const Init& init, Rng& rng) {
    for (int l = 0; l < layer_count(); ++l) {
        Eigen::MatrixXd w(m_slots[l].rows, m_slots[l].cols);
        Eigen::VectorXd b(m_slots[l].rows);
        init_layer(init, w, b, rng);
        weights(l) = w;
        biases(l) = b;
    }
    for (int l = 0; l + 1 < layer_count(); ++l)
        if (m_slots[l].alpha >= 0) m_params[m_slots[l].alpha] = m_spec.hidden[l].params.v[0];
}

void prepare_pass(const Mlp& net, BlockPass* pass) {
    const int layers = net.layer_count();
    if (static_cast<int>(pass->z.size()) == layers && pass->grad_lanes.rows() == net.params().size() &&
        pass->input.rows() == net.spec().inputs && pass->z.back().rows() == net.spec().outputs) {
        bool same = true;
        for (int l = 0; l + 1 < layers; ++l)
            same = same && pass->z[l].rows() == net.slots(l).rows && pass->a[l].rows() == net.slots(l).units &&
                   pass->gate[l].rows() == (net.slots(l).gated ? net.slots(l).units : 0);
        if (same) return;
    }
    pass->input.resize(net.spec().inputs, kBlock);
    pass->z.resize(layers);
    pass->delta.resize(layers);
    pass->a.resize(layers - 1);
    pass->da.resize(layers - 1);
    pass->gate.resize(layers - 1);
    for (int l = 0; l < layers; ++l) {
        const LayerSlots& s = net.slots(l);
        pass->z[l].resize(s.rows, kBlock);
        pass->delta[l].resize(s.rows, kBlock);
        if (l + 1 < layers) {
            pass->a[l].resize(s.units, kBlock);
            pass->da[l].resize(s.units, kBlock);
            pass->gate[l].resize(s.gated ? s.units : 0, kBlock);
        }
    }
    pass->dlogits.resize(net.spec().outputs, kBlock);
    pass->grad_lanes.resize(net.params().size(), kBlock);
}

void forward_block(const Mlp& net, BlockPass* pass) {
    const int layers = net.layer_count();
    const double* params = net.params().data();
    for (int l = 0; l < layers; ++l) {
        const LayerSlots& s = net.slots(l);
        const Block& below = l == 0 ? pass->input : pass->a[l - 1];
        // z = W a + b, one column per sample
        affine_block<double, kBlock>(params + s.weights, params + s.biases, s.rows, s.cols, below, &pass->z[l]);
        if (l + 1 == layers) break;  // logits: the output function belongs to the loss
        double scratch[kMaxParams];
        const double* p = net.activation_params(l, scratch);
        if (!s.gated) {
            // a = f(z), and f'(z) for the backward pass
            net.kernel(l)(net.activation(l), p, pass->z[l].data(), pass->a[l].data(), pass->da[l].data(), s.rows * kBlock);
            continue;
        }
        // f(gate) and f'(gate) of the top rows (row-major: they are the first units · 8 values), then
        // a = f(gate) ⊙ value
        net.kernel(l)(net.activation(l), p, pass->z[l].data(), pass->gate[l].data(), pass->da[l].data(), s.units * kBlock);
        pass->a[l].array() = pass->gate[l].array() * pass->z[l].bottomRows(s.units).array();
    }
}

void backward_block(const Mlp& net, BlockPass* pass, bool accumulate) {
    const int layers = net.layer_count();
    const double* params = net.params().data();
    Block& g = pass->grad_lanes;
    pass->delta[layers - 1] = pass->dlogits;
    for (int l = layers - 1; l >= 0; --l) {
        const LayerSlots& s = net.slots(l);
        const Block& d = pass->delta[l];
        const Block& below = l == 0 ? pass->input : pass->a[l - 1];
        // dL/dW(o, i) += δ(o, :) ⊙ a(i, :);  dL/db(o) += δ(o, :)     (lane by lane)
        for (int o = 0; o < s.rows && accumulate; ++o) {
            const Lanes d_o = d.row(o);
            for (int i = 0; i < s.cols; ++i) g.row(s.weights + o * s.cols + i) += d_o.cwiseProduct(below.row(i));
            g.row(s.biases + o) += d_o;
        }
        if (l == 0) break;
        // dL/da(i, :) = Σ_o W(o, i) δ(o, :), four inputs at a time (independent sums, as in forward)
        const double* w = params + s.weights;
        Block& e = pass->delta[l - 1];
        int i = 0;
        for (; i + 4 <= s.cols; i += 4) {
            Lanes e0 = Lanes::Zero(), e1 = Lanes::Zero(), e2 = Lanes::Zero(), e3 = Lanes::Zero();
            for (int o = 0; o < s.rows; ++o) {
                const Lanes d_o = d.row(o);
                const double* wo = w + o * s.cols + i;
                e0 += wo[0] * d_o;
                e1 += wo[1] * d_o;
                e2 += wo[2] * d_o;
                e3 += wo[3] * d_o;
            }
            e.row(i) = e0;
            e.row(i + 1) = e1;
            e.row(i + 2) = e2;
            e.row(i + 3) = e3;
        }
        for (; i < s.cols; ++i) {
            Lanes sum = Lanes::Zero();
            for (int o = 0; o < s.rows; ++o) sum += w[o * s.cols + i] * d.row(o);
            e.row(i) = sum;
        }
        // (e holds dL/da of layer l − 1 in its first s.cols rows)
        const LayerSlots& below_slots = net.slots(l - 1);
        const int alpha = below_slots.alpha;
        if (alpha >= 0 && accumulate) {
            // dL/dα += Σ_i dL/df(i, :) ⊙ ∂f/∂α(z(i, :))     (PReLU learns α; gated: dL/df = dL/da ⊙ value)
            const ActivationFn dalpha = param_derivative(net.activation(l - 1), 0);
            double scratch[kMaxParams];
            const double* p = net.activation_params(l - 1, scratch);
            const Block& z = pass->z[l - 1];
            const int units = below_slots.units;
            for (int i = 0; i < units; ++i)
                for (int k = 0; k < kBlock; ++k)
                    g(alpha, k) += e(i, k) * (below_slots.gated ? z(units + i, k) : 1.0) * dalpha(z(i, k), p);
        }
        if (!below_slots.gated) {
            // δ_(l-1) = dL/da ⊙ f'(z)
            e.array() *= pass->da[l - 1].array();
            continue;
        }
        // δ_value = dL/da ⊙ f(gate),  δ_gate = dL/da ⊙ f'(gate) ⊙ value
        const int units = below_slots.units;
        e.bottomRows(units).array() = e.topRows(units).array() * pass->gate[l - 1].array();
        e.topRows(units).array() *= pass->da[l - 1].array() * pass->z[l - 1].bottomRows(units).array();
    }
}

}  // namespace actlab::core
