#include "core/gradient_flow.h"

#include "core/parallel.h"
#include "core/random.h"

#include <Eigen/Core>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <thread>

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

using MatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic>;
using MatrixD = Eigen::MatrixXd;

// The batch is cut into column blocks fixed by its size alone; each block goes through the whole
// network on its own (a sample's forward and backward pass never meets another's), so the threads'
// share of the blocks never changes a number.
constexpr int kBlockColumns = 64;

// x = m · 2^e with m kept near 1: the exponent that brings the largest |value| into [0.5, 1).
int scale_exponent(double max_abs) {
    int e = 0;
    if (max_abs > 0.0 && std::isfinite(max_abs)) std::frexp(max_abs, &e);
    return e;
}

// One column block's part of the run. The float matrices hold values over a power of 2 kept beside
// them (exact, and far from the float range's ends), so a network whose activations or gradients reach
// 1e200 or 1e-200 stays within float.
struct Block {
    int first = 0, cols = 0;       // the batch's columns first .. first + cols − 1
    int act_exp = 0;               // a_l = â · 2^act_exp (â: this block's columns of `act`)
    int grad_exp = 0;              // likewise g_l (in `grad`)
    std::vector<int> slope_exp;    // f'(z_l) = the stored slope · 2^slope_exp[l]
    MatrixF product;               // W a or Wᵀ δ of these columns (float)
    MatrixD z, a, d;               // z_l, a_l, f'(z_l) in double: the activation and the statistics
    // this layer's statistics for the block, in units of 2^act_exp (mean, sum of squared deviations)
    double mean = 0.0, m2 = 0.0;
    std::vector<char> alive;       // per unit: some sample of the block gives it a slope
    double grad_sum2 = 0.0;        // Σ δ̂² (δ = δ̂ · 2^grad_exp)
};

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
    const double bias = init_bias(config.init);

    std::vector<Block> blocks((batch + kBlockColumns - 1) / kBlockColumns);
    for (size_t c = 0; c < blocks.size(); ++c) {
        Block& k = blocks[c];
        k.first = static_cast<int>(c) * kBlockColumns;
        k.cols = std::min(kBlockColumns, batch - k.first);
        k.slope_exp.assign(static_cast<size_t>(depth), 0);
        k.alive.resize(static_cast<size_t>(width));
    }
    const int tasks = static_cast<int>(blocks.size());
    const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    TaskPool pool(std::min(control.threads > 0 ? control.threads : cores, tasks));

    Rng rng(config.seed);
    MatrixF act_f(width, batch), w(width, width);
    // the inputs, one sample a column: N(0, 1) doubles, rounded to float
    for (Eigen::Index j = 0; j < batch; ++j)
        for (Eigen::Index i = 0; i < width; ++i) act_f(i, j) = static_cast<float>(rng.normal());

    std::vector<LayerStats> stats(static_cast<size_t>(depth));
    std::vector<Rng> layer_rng;         // the generator just before W_l was drawn: W_l again, bit for bit
    std::vector<MatrixF> slopes(static_cast<size_t>(depth));  // f'(z_l) over 2^slope_exp, for the backward pass
    layer_rng.reserve(static_cast<size_t>(depth));

    for (int l = 0; l < depth; ++l) {
        if (cancelled(control)) return false;
        layer_rng.push_back(rng);
        init_weights(config.init, width, width, rng, w.data(), pool);
        MatrixF& slope = slopes[static_cast<size_t>(l)];
        slope.resize(width, batch);
        pool.run(tasks, [&](int task) {
            Block& k = blocks[static_cast<size_t>(task)];
            k.product.noalias() = w * act_f.middleCols(k.first, k.cols);  // float, these columns
            k.z = k.product.cast<double>();
            k.z = k.z * std::ldexp(1.0, k.act_exp) + MatrixD::Constant(width, k.cols, bias);
            const int n = width * k.cols;
            k.a.resize(width, k.cols);
            k.d.resize(width, k.cols);
            if (act.f_array) act.f_array(k.z.data(), k.a.data(), n, p);
            else for (int i = 0; i < n; ++i) k.a.data()[i] = act.f(k.z.data()[i], p);
            if (act.df_array) act.df_array(k.z.data(), k.d.data(), n, p);
            else for (int i = 0; i < n; ++i) k.d.data()[i] = act.df(k.z.data()[i], p);
            // a and f'(z) leave double through powers of 2 of their own
            k.act_exp = scale_exponent(k.a.cwiseAbs().maxCoeff());
            const int se = scale_exponent(k.d.cwiseAbs().maxCoeff());
            k.slope_exp[static_cast<size_t>(l)] = se;
            k.a *= std::ldexp(1.0, -k.act_exp);
            act_f.middleCols(k.first, k.cols) = k.a.cast<float>();
            slope.middleCols(k.first, k.cols) = (k.d * std::ldexp(1.0, -se)).cast<float>();
            // the statistics from the doubles (in units of 2^act_exp)
            k.mean = k.a.mean();
            k.m2 = (k.a.array() - k.mean).square().sum();
            for (int i = 0; i < width; ++i) k.alive[static_cast<size_t>(i)] = (k.d.row(i).array() != 0.0).any();
        });
        // The blocks' statistics combined in block order (Chan et al.'s pairwise update), in units of
        // 2^top, the largest block scale, then scaled back.
        int top = blocks[0].act_exp;
        for (const Block& k : blocks) top = std::max(top, k.act_exp);
        double count = 0.0, mean = 0.0, m2 = 0.0;
        for (const Block& k : blocks) {
            const double nb = static_cast<double>(width) * k.cols;
            const double mb = std::ldexp(k.mean, k.act_exp - top), m2b = std::ldexp(k.m2, 2 * (k.act_exp - top));
            const double delta = mb - mean, total = count + nb;
            mean += delta * nb / total;
            m2 += m2b + delta * delta * count * nb / total;
            count = total;
        }
        LayerStats& s = stats[static_cast<size_t>(l)];
        s.act_mean = std::ldexp(mean, top);
        s.act_std = std::ldexp(std::sqrt(m2 / count), top);
        // a unit is dead on this batch when no sample gives it any slope
        int dead = 0;
        for (int i = 0; i < width; ++i) {
            bool alive = false;
            for (const Block& k : blocks) alive = alive || k.alive[static_cast<size_t>(i)];
            dead += alive ? 0 : 1;
        }
        s.dead_fraction = static_cast<double>(dead) / width;
        step_done(control);
    }

    MatrixF grad(width, batch);
    // ∂loss/∂a_L: N(0, 1) doubles, rounded to float
    for (Eigen::Index j = 0; j < batch; ++j)
        for (Eigen::Index i = 0; i < width; ++i) grad(i, j) = static_cast<float>(rng.normal());
    for (Block& k : blocks) k.grad_exp = 0;
    for (int l = depth - 1; l >= 0; --l) {
        if (cancelled(control)) return false;
        if (l > 0) {
            Rng again = layer_rng[static_cast<size_t>(l)];
            init_weights(config.init, width, width, again, w.data(), pool);
        }
        MatrixF& slope = slopes[static_cast<size_t>(l)];
        pool.run(tasks, [&](int task) {
            Block& k = blocks[static_cast<size_t>(task)];
            // δ_l = g_l ⊙ f'(z_l), then brought back near 1 by a power of 2
            MatrixF& delta = k.product;
            delta = grad.middleCols(k.first, k.cols).cwiseProduct(slope.middleCols(k.first, k.cols));
            const int e = scale_exponent(static_cast<double>(delta.cwiseAbs().maxCoeff()));
            delta *= std::ldexp(1.0f, -(e / 2));       // in two halves: 2^-e alone may not be a float
            delta *= std::ldexp(1.0f, -(e - e / 2));
            k.grad_exp += k.slope_exp[static_cast<size_t>(l)] + e;
            k.grad_sum2 = delta.cast<double>().squaredNorm();
            if (l > 0) grad.middleCols(k.first, k.cols).noalias() = w.transpose() * delta;  // g_(l-1) = W_lᵀ δ_l
        });
        // √(Σ δ² / N) over the blocks in order, in units of 2^top
        int top = blocks[0].grad_exp;
        for (const Block& k : blocks) top = std::max(top, k.grad_exp);
        double sum2 = 0.0;
        for (const Block& k : blocks) sum2 += std::ldexp(k.grad_sum2, 2 * (k.grad_exp - top));
        stats[static_cast<size_t>(l)].grad_rms = std::ldexp(std::sqrt(sum2 / (static_cast<double>(width) * batch)), top);
        slope = MatrixF();               // this layer's slopes are no longer needed
        step_done(control);
    }
    *layers = std::move(stats);
    return true;
}

}  // namespace actlab::core
