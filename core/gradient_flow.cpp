#include "core/gradient_flow.h"

#include "core/random.h"

#include <Eigen/Core>

#include <cassert>
#include <cmath>

namespace actlab::core {

std::vector<double> chain_products(const Activation& act, const double* params, double z, int depth) {
    assert(depth >= 0);
    const double d = act.df(z, params);
    std::vector<double> out(static_cast<size_t>(depth));
    for (int k = 1; k <= depth; ++k) {
        // |d|^k, rounded once (repeated multiplication would collect up to k/2 ulp of rounding error)
        const double magnitude = std::pow(std::fabs(d), k);
        out[static_cast<size_t>(k - 1)] = (d < 0.0 && k % 2 == 1) ? -magnitude : magnitude;
    }
    return out;
}

int chain_underflow(const Activation& act, const double* params, double z, int depth) {
    if (act.df(z, params) == 0.0) return 0;
    const std::vector<double> p = chain_products(act, params, z, depth);
    for (int k = 1; k <= depth; ++k)
        if (p[static_cast<size_t>(k - 1)] == 0.0) return k;
    return 0;
}

FlowConfig::FlowConfig()
    : activation(activation_index("relu")), params(default_params(core::activation(activation_index("relu")))) {
    init.kind = InitKind::He;
}

bool FlowConfig::operator==(const FlowConfig& o) const {
    for (int k = 0; k < kMaxParams; ++k)
        if (params.v[k] != o.params.v[k]) return false;
    return activation == o.activation && init.kind == o.init.kind && init.sigma == o.init.sigma &&
           init.a == o.init.a && init.bias == o.init.bias && depth == o.depth && width == o.width &&
           batch == o.batch && seed == o.seed;
}

namespace {

using Matrix = Eigen::MatrixXd;

// a = f(z) and d = f'(z) over a whole matrix, through the catalogue's vectorised forms where it has them.
void activate(const Activation& act, const double* p, const Matrix& z, Matrix* a, Matrix* d) {
    const int n = static_cast<int>(z.size());
    a->resize(z.rows(), z.cols());
    d->resize(z.rows(), z.cols());
    if (act.f_array) act.f_array(z.data(), a->data(), n, p);
    else for (int i = 0; i < n; ++i) a->data()[i] = act.f(z.data()[i], p);
    if (act.df_array) act.df_array(z.data(), d->data(), n, p);
    else for (int i = 0; i < n; ++i) d->data()[i] = act.df(z.data()[i], p);
}

// A matrix of N(0, 1) draws, column by column.
void fill_normal(Matrix& m, Rng& rng) {
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = rng.normal();
}

// √(mean of x²), without overflow or underflow in the squares (an exploding network reaches 1e200).
double rms(const Matrix& x) { return x.stableNorm() / std::sqrt(static_cast<double>(x.size())); }

bool cancelled(const FlowControl& c) { return c.cancel && c.cancel->load(std::memory_order_relaxed); }
void step_done(const FlowControl& c) {
    if (c.steps_done) c.steps_done->fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

bool gradient_flow(const FlowConfig& config, std::vector<LayerStats>* layers, const FlowControl& control) {
    assert(config.depth >= kMinFlowDepth && config.depth <= kMaxFlowDepth);
    assert(config.width >= kMinFlowWidth && config.width <= kMaxFlowWidth);
    assert(config.batch >= kMinFlowBatch && config.batch <= kMaxFlowBatch);
    const Activation& act = activation(config.activation);
    const double* p = config.params.v;
    const int depth = config.depth, width = config.width, batch = config.batch;

    Rng rng(config.seed);
    Matrix a(width, batch), z(width, batch), w(width, width);
    Eigen::VectorXd b(width);
    fill_normal(a, rng);  // the inputs, one sample a column

    std::vector<LayerStats> stats(static_cast<size_t>(depth));
    std::vector<Rng> layer_rng;         // the generator just before W_l was drawn: W_l again, bit for bit
    std::vector<Matrix> slopes(static_cast<size_t>(depth));  // f'(z_l), for the backward pass
    layer_rng.reserve(static_cast<size_t>(depth));

    for (int l = 0; l < depth; ++l) {
        if (cancelled(control)) return false;
        layer_rng.push_back(rng);
        init_layer(config.init, w, b, rng);
        z.noalias() = w * a;              // the whole batch in one product
        z.colwise() += b;
        activate(act, p, z, &a, &slopes[static_cast<size_t>(l)]);
        LayerStats& s = stats[static_cast<size_t>(l)];
        s.act_mean = a.mean();
        s.act_std = rms((a.array() - s.act_mean).matrix());
        // a unit is dead on this batch when no sample gives it any slope
        const Matrix& d = slopes[static_cast<size_t>(l)];
        int dead = 0;
        for (int i = 0; i < width; ++i) dead += (d.row(i).array() == 0.0).all() ? 1 : 0;
        s.dead_fraction = static_cast<double>(dead) / width;
        step_done(control);
    }

    Matrix g(width, batch), delta(width, batch);
    fill_normal(g, rng);  // ∂loss/∂a_L
    for (int l = depth - 1; l >= 0; --l) {
        if (cancelled(control)) return false;
        Matrix& d = slopes[static_cast<size_t>(l)];
        delta = g.cwiseProduct(d);       // δ_l = g_l ⊙ f'(z_l)
        stats[static_cast<size_t>(l)].grad_rms = rms(delta);
        d = Matrix();                    // this layer's slopes are no longer needed
        if (l > 0) {
            Rng again = layer_rng[static_cast<size_t>(l)];
            init_layer(config.init, w, b, again);
            g.noalias() = w.transpose() * delta;  // g_(l-1) = W_lᵀ δ_l
        }
        step_done(control);
    }
    *layers = std::move(stats);
    return true;
}

}  // namespace actlab::core
