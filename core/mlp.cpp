#include "core/mlp.h"

#include <cassert>

namespace actlab::core {

namespace {

// The three products of a layer, as loops along the batch: each unit's values over the batch are
// contiguous (row-major), so the innermost loops are the compiler's to vectorise. For layers of at
// most 64 units these run several times faster than Eigen's general products, whose set-up (packing,
// blocking) costs more than the arithmetic of so small a layer. Sums are formed in a fixed order, so
// the same inputs always give the same bits.

// z[o, :] = b[o] + Σ_i W[o, i] a[i, :]
void affine(const double* w, const double* b, const double* a, Eigen::Index a_stride, double* __restrict z, int out,
            int in, int batch) {
    for (int o = 0; o < out; ++o) {
        double* __restrict zo = z + static_cast<Eigen::Index>(o) * batch;
        for (int s = 0; s < batch; ++s) zo[s] = b[o];
        for (int i = 0; i < in; ++i) {
            const double wi = w[o * in + i];
            const double* __restrict ai = a + i * a_stride;
            for (int s = 0; s < batch; ++s) zo[s] += wi * ai[s];
        }
    }
}

// g[o, i] = Σ_s δ[o, s] a[i, s]: eight running sums side by side (one vector register), then added up
void weight_gradient(const double* delta, const double* a, Eigen::Index a_stride, double* __restrict g, int out, int in,
                     int batch) {
    constexpr int kLanes = 8;
    for (int o = 0; o < out; ++o) {
        const double* __restrict d = delta + static_cast<Eigen::Index>(o) * batch;
        for (int i = 0; i < in; ++i) {
            const double* __restrict ai = a + i * a_stride;
            double lanes[kLanes] = {0, 0, 0, 0, 0, 0, 0, 0};
            int s = 0;
            for (; s + kLanes <= batch; s += kLanes)
                for (int k = 0; k < kLanes; ++k) lanes[k] += d[s + k] * ai[s + k];
            for (int k = 0; s + k < batch; ++k) lanes[k] += d[s + k] * ai[s + k];
            g[o * in + i] = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        }
    }
}

// e[i, :] = Σ_o W[o, i] δ[o, :]
void transposed_product(const double* w, const double* delta, double* __restrict e, int out, int in, int batch) {
    for (int i = 0; i < in; ++i) {
        double* __restrict ei = e + static_cast<Eigen::Index>(i) * batch;
        for (int s = 0; s < batch; ++s) ei[s] = 0.0;
        for (int o = 0; o < out; ++o) {
            const double wo = w[o * in + i];
            const double* __restrict d = delta + static_cast<Eigen::Index>(o) * batch;
            for (int s = 0; s < batch; ++s) ei[s] += wo * d[s];
        }
    }
}

}  // namespace

Mlp::Mlp(const NetworkSpec& spec) : m_spec(spec) {
    assert(spec.inputs >= 1 && spec.outputs >= 1 && static_cast<int>(spec.hidden.size()) <= kMaxHiddenLayers);
    int offset = 0, fan_in = spec.inputs;
    const int layers = static_cast<int>(spec.hidden.size()) + 1;
    for (int l = 0; l < layers; ++l) {
        const int units = l + 1 < layers ? spec.hidden[l].units : spec.outputs;
        LayerSlots s{units, fan_in, offset, offset + units * fan_in};
        offset = s.biases + units;
        m_slots.push_back(s);
        fan_in = units;
    }
    for (int l = 0; l + 1 < layers; ++l)
        if (param_derivative(activation(l), 0)) m_slots[l].alpha = offset++;
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

void forward(const Mlp& net, const Eigen::Ref<const Matrix>& input, Activations* acts) {
    const int layers = net.layer_count(), batch = static_cast<int>(input.cols());
    acts->z.resize(layers);
    acts->a.resize(layers - 1);
    acts->da.resize(layers - 1);
    for (int l = 0; l < layers; ++l) {
        Matrix& z = acts->z[l];
        const LayerSlots& s = net.slots(l);
        // z = W a + b, one column per sample
        z.resize(s.rows, batch);
        const double* a = l == 0 ? input.data() : acts->a[l - 1].data();
        const Eigen::Index stride = l == 0 ? input.outerStride() : batch;
        affine(net.params().data() + s.weights, net.params().data() + s.biases, a, stride, z.data(), s.rows, s.cols,
               batch);
        if (l + 1 == layers) break;  // logits: the output function belongs to the loss
        // a = f(z), and f'(z) for the backward pass
        acts->a[l].resize(z.rows(), batch);
        acts->da[l].resize(z.rows(), batch);
        double scratch[kMaxParams];
        evaluate_block(net.activation(l), net.activation_params(l, scratch), z.data(), acts->a[l].data(),
                       acts->da[l].data(), static_cast<int>(z.size()));
    }
}

void backward(const Mlp& net, const Eigen::Ref<const Matrix>& input, const Activations& acts, const Matrix& dlogits,
              std::vector<Matrix>* delta, Eigen::VectorXd* grad) {
    const int layers = net.layer_count();
    delta->resize(layers);
    grad->resize(net.params().size());
    (*delta)[layers - 1] = dlogits;
    for (int l = layers - 1; l >= 0; --l) {
        const Matrix& d = (*delta)[l];
        const LayerSlots& s = net.slots(l);
        // dL/dW = δ aᵀ (summed over the batch), dL/db = Σ δ
        const int batch = static_cast<int>(d.cols());
        const double* a = l == 0 ? input.data() : acts.a[l - 1].data();
        const Eigen::Index stride = l == 0 ? input.outerStride() : batch;
        weight_gradient(d.data(), a, stride, grad->data() + s.weights, s.rows, s.cols, batch);
        grad->segment(s.biases, s.rows) = d.rowwise().sum();
        if (l == 0) break;
        // dL/da_(l-1) = Wᵀ δ;  δ_(l-1) = dL/da_(l-1) ⊙ f'(z_(l-1))
        Matrix& below = (*delta)[l - 1];
        below.resize(s.cols, batch);
        transposed_product(net.params().data() + s.weights, d.data(), below.data(), s.rows, s.cols, batch);
        const int alpha = net.slots(l - 1).alpha;
        if (alpha >= 0) {
            // dL/dα = Σ dL/da ⊙ ∂f/∂α(z), over the layer's units and the batch
            const ActivationFn dalpha = param_derivative(net.activation(l - 1), 0);
            double scratch[kMaxParams];
            const double* p = net.activation_params(l - 1, scratch);
            const Matrix& z = acts.z[l - 1];
            double sum = 0.0;
            for (Eigen::Index i = 0; i < z.size(); ++i) sum += below.data()[i] * dalpha(z.data()[i], p);
            (*grad)[alpha] = sum;
        }
        below.array() *= acts.da[l - 1].array();
    }
}

}  // namespace actlab::core
