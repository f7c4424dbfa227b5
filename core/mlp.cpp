#include "core/mlp.h"

#include <cassert>

namespace actlab::core {

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
        // z = W a + b, one column per sample
        if (l == 0) z.noalias() = net.weights(l) * input;
        else z.noalias() = net.weights(l) * acts->a[l - 1];
        z.colwise() += net.biases(l);
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
        MatrixMap gw(grad->data() + s.weights, s.rows, s.cols);
        if (l == 0) gw.noalias() = d * input.transpose();
        else gw.noalias() = d * acts.a[l - 1].transpose();
        grad->segment(s.biases, s.rows) = d.rowwise().sum();
        if (l == 0) break;
        // dL/da_(l-1) = Wᵀ δ;  δ_(l-1) = dL/da_(l-1) ⊙ f'(z_(l-1))
        Matrix& below = (*delta)[l - 1];
        below.noalias() = net.weights(l).transpose() * d;
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
