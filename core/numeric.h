// Accurate building blocks for the activation catalogue.
//
// The textbook formulas lose digits in the tails: 1 - tanh²(x) cancels to 0 long before the true
// value (≈ 1.7e-17 at x = 20) stops being a normal double, and exp(β·x) inherits the rounding error
// of the product β·x multiplied by |β·x|. These helpers keep about 1e-15 relative error instead:
// derivatives are written in forms that never subtract nearly equal numbers, and where an argument
// of exp or erfc is a rounded product we carry its rounding error (an exact fma residual) along.
#pragma once

namespace actlab::core::numeric {

// a + b as an unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2 ("double-double").
struct DD {
    double hi;
    double lo;
};

// a·b exactly, as hi + lo.
DD two_prod(double a, double b);
// a·b where a is a double-double constant, to about 2^-104 relative.
DD mul(DD a, double b);
// a + b for double-doubles, to about 2^-104 relative.
DD add(DD a, DD b);

// exp(hi + lo) for |lo| ≤ ulp(hi): exp(hi)·(1 + lo).
double exp_dd(DD y);

// e^y · 2^256 for -800 ≤ y ≤ -700, where e^y itself is (nearly) subnormal and has lost digits. A result
// such as x·e^y can still be a normal double for |x| up to 1000, so callers form it with this and scale
// back once at the end: std::ldexp(x * exp_scaled(y), -kExpScaleBits).
constexpr int kExpScaleBits = 256;
constexpr double kTinyExponent = -700.0;  // below this, callers switch to exp_scaled
double exp_scaled(DD y);

// σ(x) = 1 / (1 + e^-x), computed from e^-|x| so that neither tail cancels.
double sigmoid(double x);
// σ(y) for y = hi + lo (the rounding error lo of a product matters when y is very negative).
double sigmoid_dd(DD y);
// σ'(x) = σ(x)·σ(-x) = e^-|x| / (1 + e^-|x|)²
double sigmoid_prime(double x);
// tanh'(x) = sech²(x) = 4 e^-2|x| / (1 + e^-2|x|)²
double tanh_prime(double x);

// Φ(x), the standard normal CDF: erfc(-x/√2)/2 with -x/√2 carried as a double-double.
double normal_cdf(double x);
// φ(x) = exp(-x²/2)/√(2π), with x² carried as a double-double.
double normal_pdf(double x);

// f'(x) near a zero x0 of f', as the Taylor series c1 d + c2 d² + ... with d = x - x0 carried in
// double-double. Used where the closed form of f' cancels (the bottom of GELU's, SiLU's and Mish's dip).
struct RootSeries {
    DD x0;                  // the zero of f', to 32 digits
    double c[22];           // Taylor coefficients c1 ... c22 of f' at x0
};
constexpr double kRootSeriesWindow = 0.125;  // the series is used for |x - x0| < 1/8
// True when the series should be used at x.
bool near_root(const RootSeries& s, DD x);
// Σ c_k d^k at x = hi + lo.
double eval_root_series(const RootSeries& s, DD x);

// The series, from tests/reference/make_root_series.py (mpmath, 50 digits).
extern const RootSeries k_gelu;       // GELU'
extern const RootSeries k_gelu_tanh;  // GELU (tanh)'
extern const RootSeries k_silu_g;     // g(y) = 1 + y σ(-y), so SiLU'(y) = σ(y) g(y)
extern const RootSeries k_mish;       // Mish'

}  // namespace actlab::core::numeric
