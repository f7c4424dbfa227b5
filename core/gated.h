// Gated linear units (the GLU family) and the arithmetic of the feed-forward blocks they sit in.
//
// A gated unit takes two pre-activations of the same input, a gate a = w_a·x and a value b = w_b·x,
// passes the gate through an activation and multiplies:
//     g(a, b) = act(a) · b
//     ∂g/∂a   = act'(a) · b
//     ∂g/∂b   = act(a)
// act is any entry of the activation catalogue at any parameter values; the named variants below are
// the ones papers and models use. The plain (ungated) unit act(a) is the gated one at b = 1.
//
// act and act' are the catalogue's f and df, so each of the three values is one rounded product of
// catalogue values (about 1e-13 relative wherever the true value is a normal double).
#pragma once

#include "core/activation.h"
#include "core/network_activity.h"

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <string_view>

namespace actlab::core {

// ---- the named variants ---------------------------------------------------------------------

struct GatedVariant {
    const char* id;        // "swiglu"
    const char* label;     // "SwiGLU"
    const char* gate;      // catalogue id of act: "silu"
    const char* used_in;   // where it comes from or is used, one short phrase
};

// glu, swiglu, geglu, geglu_tanh, reglu, bilinear, in that order.
int gated_variant_count();
const GatedVariant& gated_variant(int index);
// The variant with this id, or nullptr.
const GatedVariant* find_gated_variant(std::string_view id);

// The name of a gated unit whose gate is catalogue entry `activation`: its variant's label ("SwiGLU"),
// or "gated <label>" ("gated Tanh") for a gate no variant names.
std::string gated_label(int activation);

// ---- one gated unit -------------------------------------------------------------------------

// The gate's activation and its parameter values.
struct Gate {
    int activation = 0;    // catalogue index of act
    ParamValues params;    // act's parameters (unused slots 0)
};
// A variant's gate at the catalogue's default parameters.
Gate variant_gate(const GatedVariant& variant);

// g = act(a) · b
double gated_g(const Gate& gate, double a, double b);
// ∂g/∂a = act'(a) · b
double gated_dg_da(const Gate& gate, double a, double b);
// ∂g/∂b = act(a)   (b does not enter: g is linear in b)
double gated_dg_db(const Gate& gate, double a, double b);
// The ungated unit's slope act'(a), for comparison: ∂g/∂a at b = 1.
double ungated_derivative(const Gate& gate, double a);

// g and its partials over the grid of every a[i] with every b[j]: each field is a.size() × b.size(),
// entry (i, j) at (a[i], b[j]). act and act' are evaluated once per a[i] (the catalogue's vectorised
// path where it has one, which equals f and df exactly) and each column is one vector product, so every
// entry equals gated_g, gated_dg_da and gated_dg_db at that point bit for bit, sign of zero included.
struct GatedSurface {
    Eigen::ArrayXXd g;       // act(a_i) · b_j
    Eigen::ArrayXXd dg_da;   // act'(a_i) · b_j
    Eigen::ArrayXXd dg_db;   // act(a_i), the same in every column
};
void gated_surface(const Gate& gate, const Eigen::ArrayXd& a, const Eigen::ArrayXd& b, GatedSurface* out);

// Where both partials vanish: |∂g/∂a| < threshold and |∂g/∂b| < threshold, so a small change of
// either input barely moves g and little gradient reaches either weight vector. threshold means what
// it means for one unit in network_activity.h (|f'| below it is "saturated", 0 included).
// ReGLU is flat over the whole half-plane a < 0; bilinear only in the square |a|, |b| < threshold.
bool gated_flat(const Gate& gate, double a, double b, double threshold = kDefaultSaturation);
// The same rule over a surface, entry by entry.
Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic> gated_flat(const GatedSurface& surface,
                                                              double threshold = kDefaultSaturation);

// ---- the feed-forward block -----------------------------------------------------------------
//
// One transformer feed-forward block at model width d (d_model) and hidden width d_ff, per token x:
//   standard:  y = W₂ act(W₁ x)                  W₁: d_ff × d,  W₂: d × d_ff
//   gated:     y = W₂ (act(W_a x) ⊙ (W_b x))     W_a, W_b: d_ff × d,  W₂: d × d_ff
// The counts are summed over those matrices, so each follows from the block's shape:
//   params              the weights only, no biases (LLaMA, PaLM, Mistral and T5 v1.1 have none
//                       there): 2·d·d_ff standard, 3·d·d_ff gated
//   params_with_biases  plus one bias per output of each matrix: + d_ff + d standard, + 2·d_ff + d gated
//   flops               per token, the bias-free block. Convention: the product of an m × n matrix with
//                       a vector costs 2·m·n FLOPs (m·n multiplies and m·n adds, the usual "a multiply-add
//                       is two FLOPs"; strictly there are m·(n − 1) adds); the gate's elementwise product
//                       adds d_ff multiplies; the activation is not counted in FLOPs (see activations).
//                       So 4·d·d_ff standard and 6·d·d_ff + d_ff gated.
//   activations         evaluations of act per token: d_ff in both
// At equal d_ff a gated block has 3/2 the parameters; the 2/3 rule shrinks d_ff to match (below).
struct FeedForwardCount {
    std::int64_t params = 0;
    std::int64_t params_with_biases = 0;
    std::int64_t flops = 0;
    std::int64_t activations = 0;
};

// Widths from 1 to 2^24 (16,777,216): every count then fits in 64 bits with room to spare.
constexpr std::int64_t kMaxFeedForwardWidth = std::int64_t{1} << 24;

FeedForwardCount standard_block(std::int64_t d, std::int64_t d_ff);
FeedForwardCount gated_block(std::int64_t d, std::int64_t d_ff);

// The hidden width d · ratio_num / ratio_den rounded up to a multiple of `multiple`, in exact integer
// arithmetic. The 2/3 rule gives a gated block the parameters of a standard one with d_ff = 4d:
// 3·d·d_ff' = 2·d·4d at d_ff' = ⅔·4d = 8d/3, so ratio 8/3, exact when 3 divides d (Shazeer 2020 at
// d = 768: 3072 → 2048).
// LLaMA rounds up to a multiple of 256: d = 4096 → 8·4096/3 = 10922.67 → 11008. (Its code truncates
// 8d/3 to an integer first and then rounds up; for a multiple divisible by 4 that gives the same
// width, since the truncated value is a multiple of it only when 8d/3 is a whole number.)
// Not every gated model uses the rule: Mistral-7B's 14336 is 3.5 · 4096, ratio 7/2.
// Every argument and the result within 1..kMaxFeedForwardWidth.
std::int64_t gated_hidden_width(std::int64_t d, std::int64_t ratio_num, std::int64_t ratio_den,
                                std::int64_t multiple);

}  // namespace actlab::core
