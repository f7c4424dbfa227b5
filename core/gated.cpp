#include "core/gated.h"

#include <cassert>
#include <cmath>

namespace actlab::core {

namespace {

const GatedVariant kVariants[] = {
    {"glu", "GLU", "sigmoid", "Dauphin et al. 2017: gated convolutional language models"},
    {"swiglu", "SwiGLU", "silu", "the feed-forward block of LLaMA, PaLM and Mistral"},
    {"geglu", "GeGLU", "gelu", "Shazeer 2020, with the exact GELU"},
    {"geglu_tanh", "GeGLU (tanh)", "gelu_tanh", "T5 v1.1 and Gemma: GeGLU with the tanh GELU"},
    {"reglu", "ReGLU", "relu", "Shazeer 2020, with ReLU as the gate"},
    {"bilinear", "Bilinear", "identity", "Shazeer 2020: no activation on the gate"},
};

constexpr int kVariantCount = static_cast<int>(sizeof(kVariants) / sizeof(kVariants[0]));

const Activation& act_of(const Gate& gate) { return activation(gate.activation); }

// One linear map of the block: a `rows` × `cols` weight matrix applied to a vector.
struct Linear {
    std::int64_t rows, cols;
};

// The counts of a block made of these matrices, plus `gate_products` elementwise multiplies and
// `activations` evaluations of act.
template <int N>
FeedForwardCount count_block(const Linear (&maps)[N], std::int64_t gate_products, std::int64_t activations) {
    FeedForwardCount c;
    for (const Linear& m : maps) {
        c.params += m.rows * m.cols;                       // the weights
        c.params_with_biases += m.rows * m.cols + m.rows;  // and a bias per output
        c.flops += 2 * m.rows * m.cols;                    // m·n multiplies and m·n adds
    }
    c.flops += gate_products;
    c.activations = activations;
    return c;
}

constexpr bool valid_width(std::int64_t w) { return w >= 1 && w <= kMaxFeedForwardWidth; }

}  // namespace

int gated_variant_count() { return kVariantCount; }

const GatedVariant& gated_variant(int index) { return kVariants[index]; }

std::string gated_label(int activation) {
    const char* id = core::activation(activation).id;
    for (const GatedVariant& v : kVariants)
        if (std::string_view(v.gate) == id) return v.label;
    return std::string("gated ") + core::activation(activation).label;
}

const GatedVariant* find_gated_variant(std::string_view id) {
    for (const GatedVariant& v : kVariants)
        if (id == v.id) return &v;
    return nullptr;
}

Gate variant_gate(const GatedVariant& variant) {
    Gate gate;
    gate.activation = activation_index(variant.gate);
    assert(gate.activation >= 0);
    gate.params = default_params(activation(gate.activation));
    return gate;
}

// g = act(a) · b
double gated_g(const Gate& gate, double a, double b) { return act_of(gate).f(a, gate.params.v) * b; }
// ∂g/∂a = act'(a) · b
double gated_dg_da(const Gate& gate, double a, double b) { return act_of(gate).df(a, gate.params.v) * b; }
// ∂g/∂b = act(a)
double gated_dg_db(const Gate& gate, double a, double) { return act_of(gate).f(a, gate.params.v); }
// d act/da = act'(a)
double ungated_derivative(const Gate& gate, double a) { return act_of(gate).df(a, gate.params.v); }

void gated_surface(const Gate& gate, const Eigen::ArrayXd& a, const Eigen::ArrayXd& b, GatedSurface* out) {
    Eigen::ArrayXd fa, dfa;
    evaluate(act_of(gate), gate.params.v, a, &fa, &dfa);
    const Eigen::Index n = a.size(), m = b.size();
    out->g.resize(n, m);
    out->dg_da.resize(n, m);
    out->dg_db.resize(n, m);
    for (Eigen::Index j = 0; j < m; ++j) {
        out->g.col(j) = fa * b[j];        // act(a) · b
        out->dg_da.col(j) = dfa * b[j];   // act'(a) · b
        out->dg_db.col(j) = fa;           // act(a)
    }
}

bool gated_flat(const Gate& gate, double a, double b, double threshold) {
    return std::fabs(gated_dg_da(gate, a, b)) < threshold && std::fabs(gated_dg_db(gate, a, b)) < threshold;
}

Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic> gated_flat(const GatedSurface& surface, double threshold) {
    return surface.dg_da.abs() < threshold && surface.dg_db.abs() < threshold;
}

FeedForwardCount standard_block(std::int64_t d, std::int64_t d_ff) {
    assert(valid_width(d) && valid_width(d_ff));
    // y = W₂ act(W₁ x)
    const Linear maps[] = {{d_ff, d}, {d, d_ff}};
    return count_block(maps, 0, d_ff);
}

FeedForwardCount gated_block(std::int64_t d, std::int64_t d_ff) {
    assert(valid_width(d) && valid_width(d_ff));
    // y = W₂ (act(W_a x) ⊙ (W_b x)): d_ff products for ⊙
    const Linear maps[] = {{d_ff, d}, {d_ff, d}, {d, d_ff}};
    return count_block(maps, d_ff, d_ff);
}

std::int64_t gated_hidden_width(std::int64_t d, std::int64_t ratio_num, std::int64_t ratio_den,
                                std::int64_t multiple) {
    assert(valid_width(d) && ratio_num >= 1 && ratio_den >= 1 && multiple >= 1);
    assert(ratio_num <= kMaxFeedForwardWidth && ratio_den <= kMaxFeedForwardWidth && multiple <= kMaxFeedForwardWidth);
    // ⌈d·num / (den·multiple)⌉ · multiple, with d·num and den·multiple below 2^48
    const std::int64_t num = d * ratio_num, den = ratio_den * multiple;
    const std::int64_t width = (num + den - 1) / den * multiple;
    assert(valid_width(width));
    return width;
}

}  // namespace actlab::core
