#include "core/activation.h"

#include "core/numeric.h"

#include <cfloat>
#include <cmath>

namespace actlab::core {

namespace {

namespace nm = numeric;
using ArrayMap = Eigen::Map<Eigen::ArrayXd>;
using ConstArrayMap = Eigen::Map<const Eigen::ArrayXd>;

// Past |β·x| = 800 the exponentials below are exactly 0 or 1 in double precision; answering there
// directly also keeps inf·0 out of the formulas for the very largest inputs.
constexpr double kSaturated = 800.0;

// factor · e^y for -800 ≤ y < -700. There σ(y) = e^y to within 1e-300, but e^y is near the subnormal
// range, where doubles carry fewer digits, while a product such as x σ(y) can still be a normal
// double; so it is formed from e^y · 2^256 and scaled back once (see numeric.h).
double tiny_times(double factor, nm::DD y) { return std::ldexp(factor * nm::exp_scaled(y), -nm::kExpScaleBits); }

// ---- identity ------------------------------------------------------------------------------
// a = x
double identity_f(double x, const double*) { return x; }
// da/dx = 1
double identity_df(double, const double*) { return 1.0; }
void identity_f_array(const double* x, double* y, int n, const double*) { ArrayMap(y, n) = ConstArrayMap(x, n); }
void identity_df_array(const double*, double* y, int n, const double*) { ArrayMap(y, n).setConstant(1.0); }

// ---- sigmoid -------------------------------------------------------------------------------
// a = 1 / (1 + e^-x)
double sigmoid_f(double x, const double*) { return nm::sigmoid(x); }
// da/dx = a (1 - a), written as e^-|x| / (1 + e^-|x|)² so the tails keep their digits
double sigmoid_df(double x, const double*) { return nm::sigmoid_prime(x); }

// ---- tanh ----------------------------------------------------------------------------------
// a = tanh x
double tanh_f(double x, const double*) { return std::tanh(x); }
// da/dx = 1 - a² = sech² x, written as 4 e^-2|x| / (1 + e^-2|x|)²
double tanh_df(double x, const double*) { return nm::tanh_prime(x); }

// ---- relu ----------------------------------------------------------------------------------
// a = max(0, x)
double relu_f(double x, const double*) { return x > 0.0 ? x : 0.0; }
// da/dx = 1 if x > 0, else 0 (PyTorch takes 0 at the kink)
double relu_df(double x, const double*) { return x > 0.0 ? 1.0 : 0.0; }
void relu_f_array(const double* x, double* y, int n, const double*) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = (xs > 0.0).select(xs, 0.0);
}
void relu_df_array(const double* x, double* y, int n, const double*) {
    ArrayMap(y, n) = (ConstArrayMap(x, n) > 0.0).select(Eigen::ArrayXd::Ones(n), 0.0);
}

// ---- leaky_relu, prelu ---------------------------------------------------------------------
// a = x if x > 0, else αx
double leaky_f(double x, const double* p) { return x > 0.0 ? x : p[0] * x; }
// da/dx = 1 if x > 0, else α (PyTorch takes α at the kink)
double leaky_df(double x, const double* p) { return x > 0.0 ? 1.0 : p[0]; }
void leaky_f_array(const double* x, double* y, int n, const double* p) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = (xs > 0.0).select(xs, p[0] * xs);
}
void leaky_df_array(const double* x, double* y, int n, const double* p) {
    ArrayMap(y, n) = (ConstArrayMap(x, n) > 0.0).select(Eigen::ArrayXd::Ones(n), p[0]);
}
// ∂a/∂α = 0 if x > 0, else x (PReLU learns α)
double prelu_dalpha(double x, const double*) { return x > 0.0 ? 0.0 : x; }

// ---- elu -----------------------------------------------------------------------------------
// a = x if x > 0, else α (e^x - 1)
double elu_f(double x, const double* p) { return x > 0.0 ? x : p[0] * std::expm1(x); }
// da/dx = 1 if x > 0, else α e^x (α at the kink, as PyTorch)
double elu_df(double x, const double* p) { return x > 0.0 ? 1.0 : p[0] * std::exp(x); }

// ---- selu ----------------------------------------------------------------------------------
constexpr double kSeluScale = 1.0507009873554804934193349852946;  // λ
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;  // a
// a = λx if x > 0, else λa (e^x - 1)
double selu_f(double x, const double*) {
    if (x > DBL_MAX / kSeluScale) return DBL_MAX;  // λx itself is beyond the double range there
    return x > 0.0 ? kSeluScale * x : (kSeluScale * kSeluAlpha) * std::expm1(x);
}
// da/dx = λ if x > 0, else λa e^x (λa at the kink, as PyTorch)
double selu_df(double x, const double*) {
    return x > 0.0 ? kSeluScale : (kSeluScale * kSeluAlpha) * std::exp(x);
}

// ---- celu ----------------------------------------------------------------------------------
// a = x if x > 0, else α (e^(x/α) - 1)
double celu_f(double x, const double* p) { return x > 0.0 ? x : p[0] * std::expm1(x / p[0]); }
// da/dx = 1 if x > 0, else e^(x/α); x/α is carried with its rounding error for the exp
double celu_df(double x, const double* p) {
    if (x > 0.0) return 1.0;
    const double q = x / p[0];
    if (q < -kSaturated) return 0.0;
    return nm::exp_dd({q, std::fma(-q, p[0], x) / p[0]});
}

// ---- gelu (exact) --------------------------------------------------------------------------
// a = x Φ(x), Φ the standard normal CDF
double gelu_f(double x, const double*) { return x * nm::normal_cdf(x); }
// da/dx = Φ(x) + x φ(x)
// (near its zero at x ≈ -0.7518 the two terms cancel, so there a series is used)
double gelu_df(double x, const double*) {
    if (nm::near_root(nm::k_gelu, {x, 0.0})) return nm::eval_root_series(nm::k_gelu, {x, 0.0});
    return nm::normal_cdf(x) + x * nm::normal_pdf(x);
}

// ---- gelu_tanh -----------------------------------------------------------------------------
// u = √(2/π) (x + 0.044715 x³);  a = ½ x (1 + tanh u) = x σ(2u)
// 2u is formed as a double-double: for x ≈ -20, 2u ≈ -600 and a plain double would put ~1e-13
// relative error into e^(2u).
constexpr nm::DD kGeluC = {0.044715, 2.196021142708559637e-18};             // 0.044715
constexpr nm::DD kGeluTwoK = {1.5957691216057308, -9.9693088091109203146e-17};  // 2√(2/π)
nm::DD gelu_tanh_2u(double x) {
    const nm::DD sq = nm::two_prod(x, x);                                        // x²
    const nm::DD cube = nm::add(nm::two_prod(sq.hi, x), {sq.lo * x, 0.0});       // x³
    const nm::DD cx3 = nm::add(nm::mul(kGeluC, cube.hi), {kGeluC.hi * cube.lo, 0.0});
    const nm::DD sum = nm::add({x, 0.0}, cx3);                                   // x + c x³
    return nm::add(nm::mul(kGeluTwoK, sum.hi), {kGeluTwoK.hi * sum.lo, 0.0});   // 2u
}
double gelu_tanh_f(double x, const double*) {
    if (std::fabs(x) > 100.0) return x > 0.0 ? x : 0.0;  // σ(2u) is exactly 1 or 0 there
    const nm::DD y = gelu_tanh_2u(x);
    if (y.hi < -kSaturated) return 0.0;
    if (y.hi < nm::kTinyExponent) return tiny_times(x, y);
    return x * nm::sigmoid_dd(y);
}
// da/dx = σ(2u) + x σ(2u) σ(-2u) · 2√(2/π) (1 + 3·0.044715 x²)
double gelu_tanh_df(double x, const double*) {
    if (std::fabs(x) > 100.0) return x > 0.0 ? 1.0 : 0.0;
    if (nm::near_root(nm::k_gelu_tanh, {x, 0.0})) return nm::eval_root_series(nm::k_gelu_tanh, {x, 0.0});
    const nm::DD y = gelu_tanh_2u(x);
    if (y.hi < -kSaturated) return 0.0;
    const double factor = 1.0 + x * nm::sigmoid(-y.hi) * kGeluTwoK.hi * (1.0 + 3.0 * kGeluC.hi * x * x);
    if (y.hi < nm::kTinyExponent) return tiny_times(factor, y);
    return nm::sigmoid_dd(y) * factor;
}

// ---- silu ----------------------------------------------------------------------------------
// a = x σ(x)
double silu_f(double x, const double*) {
    if (x < nm::kTinyExponent) return x < -kSaturated ? 0.0 : tiny_times(x, {x, 0.0});
    return x * nm::sigmoid(x);
}
// g(y) = 1 + y σ(-y), the factor that makes SiLU'(y) = σ(y) g(y) cross zero at y ≈ -1.278
double silu_g(nm::DD y) {
    if (nm::near_root(nm::k_silu_g, y)) return nm::eval_root_series(nm::k_silu_g, y);
    return 1.0 + y.hi * nm::sigmoid(-y.hi);
}
// da/dx = σ(x) (1 + x σ(-x))   (σ(-x) = 1 - σ(x) without the cancellation)
double silu_df(double x, const double*) {
    if (x < nm::kTinyExponent) return x < -kSaturated ? 0.0 : tiny_times(1.0 + x, {x, 0.0});  // g(x) = 1 + x there
    return nm::sigmoid(x) * silu_g({x, 0.0});
}

// ---- swish ---------------------------------------------------------------------------------
// a = x σ(βx)
double swish_f(double x, const double* p) {
    const nm::DD bx = nm::two_prod(p[0], x);
    if (bx.hi > kSaturated) return x;
    if (bx.hi < -kSaturated) return 0.0;
    if (bx.hi < nm::kTinyExponent) return tiny_times(x, bx);
    return x * nm::sigmoid_dd(bx);
}
// da/dx = σ(βx) (1 + βx σ(-βx))
double swish_df(double x, const double* p) {
    const nm::DD bx = nm::two_prod(p[0], x);
    if (bx.hi > kSaturated) return 1.0;
    if (bx.hi < -kSaturated) return 0.0;
    if (bx.hi < nm::kTinyExponent) return tiny_times(1.0 + bx.hi, bx);
    return nm::sigmoid_dd(bx) * silu_g(bx);
}

// ---- softplus ------------------------------------------------------------------------------
// a = ln(1 + e^(βx)) / β  =  x + ln(1 + e^(-βx)) / β  for x > 0 (no overflow at x = 1000)
double softplus_f(double x, const double* p) {
    const nm::DD bx = nm::two_prod(p[0], x);
    if (bx.hi > kSaturated) return x;
    if (bx.hi < -kSaturated) return 0.0;
    if (x > 0.0) return x + std::log1p(nm::exp_dd({-bx.hi, -bx.lo})) / p[0];
    if (bx.hi < nm::kTinyExponent) return tiny_times(1.0 / p[0], bx);  // ln(1 + e^y) = e^y there
    return std::log1p(nm::exp_dd(bx)) / p[0];
}
// da/dx = σ(βx)
double softplus_df(double x, const double* p) {
    const nm::DD bx = nm::two_prod(p[0], x);
    if (bx.hi > kSaturated) return 1.0;
    if (bx.hi < -kSaturated) return 0.0;
    return nm::sigmoid_dd(bx);
}

// ---- mish ----------------------------------------------------------------------------------
// With w = e^x, tanh(softplus x) = (w² + 2w) / (w² + 2w + 2); with v = e^-x the same is
// (1 + 2v) / (1 + 2v + 2v²). Each form is used where its exponential cannot overflow.
double mish_tanh_sp(double x) {
    if (x <= 0.0) {
        const double w = std::exp(x);
        const double n = w * (w + 2.0);
        return n / (n + 2.0);
    }
    const double v = std::exp(-x);
    return (1.0 + 2.0 * v) / (1.0 + 2.0 * v * (1.0 + v));
}
// sech²(softplus x) = 1 - tanh²(softplus x) = 4(n + 1)/(n + 2)², n = w² + 2w;  or 4v²(1+v)²/(1+2v+2v²)²
double mish_sech2_sp(double x) {
    if (x <= 0.0) {
        const double w = std::exp(x);
        const double n = w * (w + 2.0);
        const double d = n + 2.0;
        return 4.0 * (n + 1.0) / (d * d);
    }
    const double v = std::exp(-x);
    const double num = v * (1.0 + v);
    const double d = 1.0 + 2.0 * v * (1.0 + v);
    return 4.0 * num * num / (d * d);
}
// a = x tanh(softplus x),  softplus x = ln(1 + e^x)
// (for x < -700, tanh(softplus x) = e^x and the derivative e^x (1 + x), to within 1e-300)
double mish_f(double x, const double*) {
    if (x < nm::kTinyExponent) return x < -kSaturated ? 0.0 : tiny_times(x, {x, 0.0});
    return x * mish_tanh_sp(x);
}
// da/dx = tanh(softplus x) + x sech²(softplus x) σ(x)
double mish_df(double x, const double*) {
    if (x < nm::kTinyExponent) return x < -kSaturated ? 0.0 : tiny_times(1.0 + x, {x, 0.0});
    if (nm::near_root(nm::k_mish, {x, 0.0})) return nm::eval_root_series(nm::k_mish, {x, 0.0});
    return mish_tanh_sp(x) + x * mish_sech2_sp(x) * nm::sigmoid(x);
}

// ---- softsign ------------------------------------------------------------------------------
// a = x / (1 + |x|)
double softsign_f(double x, const double*) { return x / (1.0 + std::fabs(x)); }
// da/dx = 1 / (1 + |x|)²
double softsign_df(double x, const double*) {
    const double d = 1.0 + std::fabs(x);
    return 1.0 / (d * d);
}
void softsign_f_array(const double* x, double* y, int n, const double*) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = xs / (1.0 + xs.abs());
}
void softsign_df_array(const double* x, double* y, int n, const double*) {
    const Eigen::ArrayXd d = 1.0 + ConstArrayMap(x, n).abs();
    ArrayMap(y, n) = 1.0 / (d * d);
}

// ---- hardtanh ------------------------------------------------------------------------------
// a = -1 if x < -1, 1 if x > 1, else x
double hardtanh_f(double x, const double*) { return x < -1.0 ? -1.0 : (x > 1.0 ? 1.0 : x); }
// da/dx = 1 if -1 < x < 1, else 0 (0 at both kinks, as PyTorch)
double hardtanh_df(double x, const double*) { return (x > -1.0 && x < 1.0) ? 1.0 : 0.0; }
void hardtanh_f_array(const double* x, double* y, int n, const double*) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = (xs < -1.0).select(-1.0, (xs > 1.0).select(1.0, xs));
}
void hardtanh_df_array(const double* x, double* y, int n, const double*) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = (xs > -1.0 && xs < 1.0).select(Eigen::ArrayXd::Ones(n), 0.0);
}

// ---- hardsigmoid ---------------------------------------------------------------------------
// a = 0 if x ≤ -3, 1 if x ≥ 3, else (x + 3)/6
double hardsigmoid_f(double x, const double*) {
    return x <= -3.0 ? 0.0 : (x >= 3.0 ? 1.0 : (x + 3.0) / 6.0);
}
// da/dx = 1/6 if -3 < x < 3, else 0
double hardsigmoid_df(double x, const double*) { return (x > -3.0 && x < 3.0) ? 1.0 / 6.0 : 0.0; }
void hardsigmoid_f_array(const double* x, double* y, int n, const double*) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = (xs <= -3.0).select(0.0, (xs >= 3.0).select(1.0, (xs + 3.0) / 6.0));
}
void hardsigmoid_df_array(const double* x, double* y, int n, const double*) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = (xs > -3.0 && xs < 3.0).select(Eigen::ArrayXd::Constant(n, 1.0 / 6.0), 0.0);
}

// ---- hardswish -----------------------------------------------------------------------------
// a = 0 if x ≤ -3, x if x ≥ 3, else x (x + 3)/6
double hardswish_f(double x, const double*) {
    return x <= -3.0 ? 0.0 : (x >= 3.0 ? x : x * (x + 3.0) / 6.0);
}
// da/dx = 0 if x < -3, 1 if x > 3, else (2x + 3)/6 (so -1/2 and 3/2 at the kinks, as PyTorch)
double hardswish_df(double x, const double*) {
    return x < -3.0 ? 0.0 : (x > 3.0 ? 1.0 : (2.0 * x + 3.0) / 6.0);
}
void hardswish_f_array(const double* x, double* y, int n, const double*) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = (xs <= -3.0).select(0.0, (xs >= 3.0).select(xs, xs * (xs + 3.0) / 6.0));
}
void hardswish_df_array(const double* x, double* y, int n, const double*) {
    const ConstArrayMap xs(x, n);
    ArrayMap(y, n) = (xs < -3.0).select(0.0, (xs > 3.0).select(1.0, (2.0 * xs + 3.0) / 6.0));
}

// Shorthands for the table below.
constexpr Param kNoParam = {nullptr, nullptr, 0.0, 0.0, 0.0};
constexpr Param alpha(double def, double lo, double hi) { return {"alpha", "α", def, lo, hi}; }
constexpr Param beta(double def, double lo, double hi) { return {"beta", "β", def, lo, hi}; }

const Activation kCatalogue[] = {
    {"identity", "Identity", "f(x) = x", "f'(x) = 1", 0, {kNoParam, kNoParam},
     identity_f, identity_df, identity_f_array, identity_df_array,
     {"(−∞, ∞)", "1", true, true, true, false}, {0, {0.0, 0.0}}, nullptr,
     "No activation at all. Stacking layers with it gives nothing new: two linear maps in a row are one "
     "linear map, so a deep network of them can only draw straight decision boundaries. It is the right "
     "output for regression, where the target can be any real number."},

    {"sigmoid", "Sigmoid", "f(x) = 1 / (1 + e⁻ˣ)", "f'(x) = f(x) (1 − f(x))", 0, {kNoParam, kNoParam},
     sigmoid_f, sigmoid_df, nullptr, nullptr,
     {"(0, 1)", "1/4", false, true, true, false}, {0, {0.0, 0.0}}, nullptr,
     "Squashes any number into (0, 1), so its output reads as a probability: the standard output for "
     "yes/no questions and the gates of LSTMs. As a hidden activation it hurts: its slope is at most 1/4 "
     "and nearly 0 once |x| passes about 5, so every sigmoid layer shrinks the gradient, and its outputs "
     "are all positive, which makes the next layer's weight updates zig-zag."},

    {"tanh", "Tanh", "f(x) = tanh x = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)", "f'(x) = 1 − f(x)²", 0,
     {kNoParam, kNoParam}, tanh_f, tanh_df, nullptr, nullptr,
     {"(−1, 1)", "1", true, true, true, false}, {0, {0.0, 0.0}}, nullptr,
     "A sigmoid stretched to (−1, 1) and centred on zero (tanh x = 2σ(2x) − 1), with slope 1 at the "
     "origin. Zero-centred outputs make it train faster than sigmoid, and it is still used inside "
     "recurrent networks. It saturates the same way: for |x| above 3 the slope is below 0.01."},

    {"relu", "ReLU", "f(x) = max(0, x)", "f'(x) = 1 if x > 0, else 0", 0, {kNoParam, kNoParam},
     relu_f, relu_df, relu_f_array, relu_df_array,
     {"[0, ∞)", "1", false, true, false, true}, {1, {0.0, 0.0}},
     "At x = 0 ReLU has a corner; PyTorch uses f'(0) = 0 and so does actlab.",
     "The default hidden activation since about 2012: trivially cheap, and its slope is exactly 1 for "
     "every positive input, so gradients pass through many layers without shrinking. The price is the "
     "flat half: a unit whose input stays negative for every example gets zero gradient and never "
     "recovers (a \"dead\" ReLU), for example after a too-large learning-rate step."},

    {"leaky_relu", "Leaky ReLU", "f(x) = x if x > 0, else αx", "f'(x) = 1 if x > 0, else α", 1,
     {alpha(0.01, 0.0, 1.0), kNoParam}, leaky_f, leaky_df, leaky_f_array, leaky_df_array,
     {"(−∞, ∞)", "1 (α ≤ 1)", false, true, false, false}, {1, {0.0, 0.0}},
     "At x = 0 the slope jumps from α to 1; PyTorch uses f'(0) = α and so does actlab.",
     "ReLU with a small slope α on the negative side, so a unit that is pushed negative still receives "
     "a little gradient and can come back. α is fixed by hand (0.01 is usual); with α = 0 it is ReLU, "
     "with α = 1 it is the identity."},

    {"prelu", "PReLU", "f(x) = x if x > 0, else αx", "f'(x) = 1 if x > 0, else α", 1,
     {alpha(0.25, 0.0, 1.0), kNoParam}, leaky_f, leaky_df, leaky_f_array, leaky_df_array,
     {"(−∞, ∞)", "1 (α ≤ 1)", false, true, false, false}, {1, {0.0, 0.0}},
     "At x = 0 the slope jumps from α to 1; PyTorch uses f'(0) = α and so does actlab.",
     "Leaky ReLU whose negative slope α is learned by gradient descent like a weight (starting at 0.25), "
     "one α per layer or per channel. It helped image classifiers pass human accuracy on ImageNet in "
     "2015. The extra freedom can overfit small data sets."},

    {"elu", "ELU", "f(x) = x if x > 0, else α (eˣ − 1)", "f'(x) = 1 if x > 0, else α eˣ", 1,
     {alpha(1.0, 0.0, 5.0), kNoParam}, elu_f, elu_df, nullptr, nullptr,
     {"(−α, ∞)", "max(1, α)", false, true, true, false}, {1, {0.0, 0.0}},
     "With α ≠ 1 the slope jumps at x = 0; PyTorch uses f'(0) = α and so does actlab.",
     "Like ReLU for positive inputs, but negative inputs curve smoothly down to −α instead of being cut "
     "at 0. Units never die, and the mean activation sits closer to zero, which speeds up learning. It "
     "costs an exponential, and for very negative inputs it saturates like a sigmoid."},

    {"selu", "SELU", "f(x) = λx if x > 0, else λa (eˣ − 1)", "f'(x) = λ if x > 0, else λa eˣ", 0,
     {kNoParam, kNoParam}, selu_f, selu_df, nullptr, nullptr,
     {"(−λa, ∞) ≈ (−1.758, ∞)", "λa ≈ 1.758", false, true, false, false}, {1, {0.0, 0.0}},
     "The slope jumps at x = 0 from λa ≈ 1.758 to λ ≈ 1.051; PyTorch uses f'(0) = λa and so does actlab.",
     "A scaled ELU with two constants (λ ≈ 1.0507, a ≈ 1.6733) chosen so that, with LeCun-normal "
     "weights, activations keep mean 0 and variance 1 layer after layer by themselves (\"self-"
     "normalising\"). The promise holds only for plain fully connected stacks with that initialisation."},

    {"celu", "CELU", "f(x) = x if x > 0, else α (e^(x/α) − 1)", "f'(x) = 1 if x > 0, else e^(x/α)", 1,
     {alpha(1.0, 0.05, 5.0), kNoParam}, celu_f, celu_df, nullptr, nullptr,
     {"(−α, ∞)", "1", false, true, true, false}, {0, {0.0, 0.0}}, nullptr,
     "ELU rescaled so that its slope is continuous at 0 for every α: the negative branch always starts "
     "with slope 1. α sets how deep the curve may go (down to −α). With α = 1 it is exactly ELU."},

    {"gelu", "GELU", "f(x) = x Φ(x),  Φ = standard normal CDF", "f'(x) = Φ(x) + x φ(x)", 0,
     {kNoParam, kNoParam}, gelu_f, gelu_df, nullptr, nullptr,
     {"[≈ −0.170, ∞)", "≈ 1.129", false, false, true, false}, {0, {0.0, 0.0}}, nullptr,
     "Weights each input by the probability that a standard normal variable lies below it. The result "
     "looks like a ReLU with the corner rounded and a small dip below zero (minimum ≈ −0.17 at "
     "x ≈ −0.75). It is the activation of BERT, GPT and most transformers. Not monotonic: slightly "
     "negative inputs give a negative slope."},

    {"gelu_tanh", "GELU (tanh)", "f(x) = ½x (1 + tanh(√(2/π) (x + 0.044715 x³)))",
     "f'(x) = ½(1 + tanh u) + ½x sech²(u) √(2/π) (1 + 0.134145 x²)", 0, {kNoParam, kNoParam},
     gelu_tanh_f, gelu_tanh_df, nullptr, nullptr,
     {"[≈ −0.170, ∞)", "≈ 1.129", false, false, true, false}, {0, {0.0, 0.0}}, nullptr,
     "The tanh approximation of GELU, from when erf was slow on accelerators; GPT-2 was trained with "
     "it. It stays within about 5e-4 of exact GELU everywhere: overlay both and zoom in to see the gap. "
     "A model should be run with the variant it was trained with."},

    {"silu", "SiLU", "f(x) = x σ(x)", "f'(x) = σ(x) (1 + x (1 − σ(x)))", 0, {kNoParam, kNoParam},
     silu_f, silu_df, nullptr, nullptr,
     {"[≈ −0.278, ∞)", "≈ 1.100", false, false, true, false}, {0, {0.0, 0.0}}, nullptr,
     "The input times its own sigmoid: smooth, unbounded above, with a dip to ≈ −0.278 at x ≈ −1.28. "
     "Found by an automatic search over formulas and used in EfficientNet, and inside SwiGLU, the feed-"
     "forward block of LLaMA-style language models. It is Swish with β = 1."},

    {"swish", "Swish", "f(x) = x σ(βx)", "f'(x) = σ(βx) (1 + βx (1 − σ(βx)))", 1,
     {beta(1.0, 0.0, 10.0), kNoParam}, swish_f, swish_df, nullptr, nullptr,
     {"depends on β", "≈ 1.100 (β = 1)", false, false, true, false}, {0, {0.0, 0.0}}, nullptr,
     "SiLU with a sharpness β: β = 0 gives the straight line x/2, β = 1 is SiLU, and as β grows the "
     "curve approaches ReLU. Drag β to watch a smooth curve turn into a corner; β can also be learned."},

    {"softplus", "Softplus", "f(x) = ln(1 + e^(βx)) / β", "f'(x) = σ(βx)", 1,
     {beta(1.0, 0.1, 10.0), kNoParam}, softplus_f, softplus_df, nullptr, nullptr,
     {"(0, ∞)", "1", false, true, true, false}, {0, {0.0, 0.0}}, nullptr,
     "A smooth ReLU that is always positive: its slope is the sigmoid. Handy where an output must be "
     "positive, such as a standard deviation or a rate. β sets how sharp the bend is. Unlike PyTorch's "
     "fast path, which returns x once βx > 20, actlab evaluates the exact formula."},

    {"mish", "Mish", "f(x) = x tanh(softplus x)", "f'(x) = tanh(sp) + x sech²(sp) σ(x),  sp = softplus x",
     0, {kNoParam, kNoParam}, mish_f, mish_df, nullptr, nullptr,
     {"[≈ −0.309, ∞)", "≈ 1.089", false, false, true, false}, {0, {0.0, 0.0}}, nullptr,
     "Close to SiLU in shape, a little deeper below zero (≈ −0.309 at x ≈ −1.19). Used in some object "
     "detectors (YOLOv4). Smooth and non-monotonic, and more expensive: an exponential, a logarithm and a "
     "tanh per unit."},

    {"softsign", "Softsign", "f(x) = x / (1 + |x|)", "f'(x) = 1 / (1 + |x|)²", 0, {kNoParam, kNoParam},
     softsign_f, softsign_df, softsign_f_array, softsign_df_array,
     {"(−1, 1)", "1", true, true, true, false}, {0, {0.0, 0.0}}, nullptr,
     "Shaped like tanh but approaches ±1 only polynomially, so it saturates much more slowly: at x = 10 "
     "its slope is still ≈ 0.008, where tanh's is ≈ 8e-9. Cheap, with no exponential; rarely used today."},

    {"hardtanh", "Hardtanh", "f(x) = clamp(x, −1, 1)", "f'(x) = 1 if −1 < x < 1, else 0", 0,
     {kNoParam, kNoParam}, hardtanh_f, hardtanh_df, hardtanh_f_array, hardtanh_df_array,
     {"[−1, 1]", "1", true, true, false, true}, {2, {-1.0, 1.0}},
     "Corners at x = ±1; PyTorch uses f' = 0 at both and so does actlab.",
     "Tanh replaced by three straight pieces: the identity between −1 and 1, flat outside. Cheap and "
     "exact, but outside [−1, 1] the gradient is exactly zero, so a saturated unit learns nothing."},

    {"hardsigmoid", "Hard sigmoid", "f(x) = clamp((x + 3)/6, 0, 1)", "f'(x) = 1/6 if −3 < x < 3, else 0", 0,
     {kNoParam, kNoParam}, hardsigmoid_f, hardsigmoid_df, hardsigmoid_f_array, hardsigmoid_df_array,
     {"[0, 1]", "1/6", false, true, false, true}, {2, {-3.0, 3.0}},
     "Corners at x = ±3; PyTorch uses f' = 0 at both and so does actlab.",
     "A piecewise-linear sigmoid for phones and microcontrollers: no exponential, and exact in low "
     "precision arithmetic. Used for the gates of MobileNetV3. Flat outside [−3, 3], where gradients are "
     "exactly zero."},

    {"hardswish", "Hard swish", "f(x) = x · clamp((x + 3)/6, 0, 1)", "f'(x) = 0 if x < −3, 1 if x > 3, else (2x + 3)/6",
     0, {kNoParam, kNoParam}, hardswish_f, hardswish_df, hardswish_f_array, hardswish_df_array,
     {"[−0.375, ∞)", "3/2", false, false, false, true}, {2, {-3.0, 3.0}},
     "At the corners PyTorch uses the inner formula: f'(−3) = −1/2 and f'(3) = 3/2; actlab does the same.",
     "Swish built from the hard sigmoid, for MobileNetV3: close to SiLU in shape, but made of a parabola "
     "and two straight lines, cheap on mobile hardware. Its dip bottoms out at exactly −3/8 (x = −3/2). "
     "Below −3 the gradient is exactly zero."},
};

constexpr int kCount = static_cast<int>(sizeof(kCatalogue) / sizeof(kCatalogue[0]));

}  // namespace

int activation_count() { return kCount; }

const Activation& activation(int index) { return kCatalogue[index]; }

int activation_index(std::string_view id) {
    for (int i = 0; i < kCount; ++i)
        if (id == kCatalogue[i].id) return i;
    return -1;
}

const Activation* find_activation(std::string_view id) {
    const int i = activation_index(id);
    return i < 0 ? nullptr : &kCatalogue[i];
}

int param_index(const Activation& act, std::string_view name) {
    for (int i = 0; i < act.param_count; ++i)
        if (name == act.params[i].name) return i;
    return -1;
}

ParamValues default_params(const Activation& act) {
    ParamValues values;
    for (int i = 0; i < act.param_count; ++i) values.v[i] = act.params[i].def;
    return values;
}

ActivationFn param_derivative(const Activation& act, int param) {
    return std::string_view(act.id) == "prelu" && param == 0 ? prelu_dalpha : nullptr;
}

void evaluate(const Activation& act, const double* params, const Eigen::ArrayXd& x, Eigen::ArrayXd* y,
              Eigen::ArrayXd* dy) {
    const int n = static_cast<int>(x.size());
    if (y) {
        y->resize(n);
        if (act.f_array) {
            act.f_array(x.data(), y->data(), n, params);
        } else {
            for (int i = 0; i < n; ++i) (*y)[i] = act.f(x[i], params);
        }
    }
    if (dy) {
        dy->resize(n);
        if (act.df_array) {
            act.df_array(x.data(), dy->data(), n, params);
        } else {
            for (int i = 0; i < n; ++i) (*dy)[i] = act.df(x[i], params);
        }
    }
}

}  // namespace actlab::core
