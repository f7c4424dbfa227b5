#include "core/numeric.h"

#include <cmath>

namespace actlab::core::numeric {

namespace {
// 1/√2 = kSqrtHalf.hi + kSqrtHalf.lo (the low part from a 40-digit evaluation).
constexpr DD kSqrtHalf = {0.70710678118654757, -4.8336466567264565186e-17};
// 256·ln 2 = kScaleLog.hi + kScaleLog.lo
constexpr DD kScaleLog = {177.445678223346, 5.936759843446527e-15};
constexpr double kInvSqrtPi2 = 1.1283791670955126;   // 2/√π
constexpr double kInvSqrt2Pi = 0.3989422804014327;   // 1/√(2π)
}  // namespace

DD two_prod(double a, double b) {
    const double hi = a * b;
    return {hi, std::fma(a, b, -hi)};
}

DD mul(DD a, double b) {
    const DD p = two_prod(a.hi, b);
    const double lo = p.lo + a.lo * b;
    const double hi = p.hi + lo;
    return {hi, lo - (hi - p.hi)};
}

DD add(DD a, DD b) {
    // Knuth's two-sum of the high parts, then the low parts folded in.
    const double s = a.hi + b.hi;
    const double bb = s - a.hi;
    const double err = (a.hi - (s - bb)) + (b.hi - bb);
    const double lo = err + a.lo + b.lo;
    const double hi = s + lo;
    return {hi, lo - (hi - s)};
}

double exp_dd(DD y) {
    const double e = std::exp(y.hi);
    return e + e * y.lo;
}

double exp_scaled(DD y) { return exp_dd(add(y, kScaleLog)); }

double sigmoid(double x) {
    // σ(x) = 1/(1 + e^-x) for x ≥ 0;  e^x/(1 + e^x) for x < 0 (no overflow, no cancellation)
    if (x >= 0.0) return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}

double sigmoid_dd(DD y) {
    // σ(hi + lo) ≈ σ(hi)·(1 + σ(-hi)·lo), since dσ/dy = σ(y)σ(-y)
    const double s = sigmoid(y.hi);
    return s + s * (sigmoid(-y.hi) * y.lo);
}

double sigmoid_prime(double x) {
    const double e = std::exp(-std::fabs(x));
    const double d = 1.0 + e;
    return e / (d * d);
}

double tanh_prime(double x) {
    const double e = std::exp(-2.0 * std::fabs(x));
    const double d = 1.0 + e;
    return 4.0 * e / (d * d);
}

double normal_cdf(double x) {
    // Φ(x) = erfc(t)/2 with t = -x/√2 = t.hi + t.lo;  erfc(t.hi + t.lo) ≈ erfc(t.hi) - (2/√π) e^(-t.hi²) t.lo
    const DD t = mul(kSqrtHalf, -x);
    const double main = std::erfc(t.hi);
    if (t.lo == 0.0 || std::fabs(t.hi) > 27.0) return 0.5 * main;  // beyond 27 the correction is below 1e-300
    return 0.5 * (main - kInvSqrtPi2 * std::exp(-t.hi * t.hi) * t.lo);
}

double normal_pdf(double x) {
    if (std::fabs(x) > 40.0) return 0.0;  // φ(40) ≈ 1.5e-348 underflows anyway
    const DD sq = two_prod(x, x);
    return kInvSqrt2Pi * std::exp(-0.5 * sq.hi) * (1.0 - 0.5 * sq.lo);
}

bool near_root(const RootSeries& s, DD x) { return std::fabs(x.hi - s.x0.hi) < kRootSeriesWindow; }

double eval_root_series(const RootSeries& s, DD x) {
    // x.hi - x0.hi is exact here (Sterbenz: the two are within a factor 2 of each other)
    const double d = (x.hi - s.x0.hi) + (x.lo - s.x0.lo);
    constexpr int n = sizeof(s.c) / sizeof(s.c[0]);
    double sum = s.c[n - 1];
    for (int k = n - 2; k >= 0; --k) sum = sum * d + s.c[k];
    return sum * d;
}

}  // namespace actlab::core::numeric
