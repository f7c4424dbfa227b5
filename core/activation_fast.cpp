// evaluate_block: f and f' of a block at once, for training. For tanh and sigmoid one exponential
// serves both f and f'; Eigen vectorises it. Every other entry goes through the catalogue's own
// array forms (or its scalar f and df), so gives exactly its values.
#include "core/activation.h"

#include <Eigen/Core>

#include <cmath>
#include <string_view>

namespace actlab::core {

namespace {

// tanh x = x · Σ c_k x^(2k) for |x| < kTanhSeriesWindow (tests/reference/make_tanh_series.py, mpmath);
// the truncation error there is below 3.1e-18 relative.
constexpr double kTanhSeriesWindow = 0.375;
constexpr double kTanhSeries[] = {
    1.0,
    -0.3333333333333333,
    0.13333333333333333,
    -0.05396825396825397,
    0.021869488536155203,
    -0.008863235529902197,
    0.003592128036572481,
    -0.0014558343870513183,
    0.000590027440945586,
    -0.00023912911424355248,
    9.691537956929451e-05,
    -3.927832388331683e-05,
    1.5918905069328964e-05,
    -6.451689215655431e-06,
};

// The kernels work on Eigen's SIMD packets (8 doubles with AVX-512, 4 with AVX, 2 with SSE2): every
// intermediate stays in registers, and one pass over the block gives both f and f'. The last partial
// packet is padded through a small buffer, so each value is computed the same way wherever it sits.
namespace ei = Eigen::internal;
using Packet = ei::packet_traits<double>::type;
constexpr int kLanes = ei::packet_traits<double>::size;

template <class Kernel>
void for_each_packet(const double* x, double* y, double* dy, int n, Kernel kernel) {
    int i = 0;
    for (; i + kLanes <= n; i += kLanes) kernel(ei::ploadu<Packet>(x + i), y + i, dy + i);
    if (i < n) {
        double in[kLanes] = {}, out[kLanes], dout[kLanes];
        for (int k = 0; k < n - i; ++k) in[k] = x[i + k];
        kernel(ei::ploadu<Packet>(in), out, dout);
        for (int k = 0; k < n - i; ++k) {
            y[i + k] = out[k];
            dy[i + k] = dout[k];
        }
    }
}

// e^y for y ≤ 0, and 0 where e^y is below the normal range (Eigen's exp stops at e^-708.4 instead)
Packet exp_or_zero(Packet y) {
    const Packet tiny = ei::pset1<Packet>(-708.3964185322641);  // ln DBL_MIN
    return ei::pselect(ei::pcmp_lt(y, tiny), ei::pzero(y), ei::pexp(y));
}

// t = e^(-2|x|)
// a = sign(x) (1 - t) / (1 + t)         (|x| ≥ 0.375: 1 - t cancels by less than one bit)
//   = x Σ c_k x^(2k)                    (|x| < 0.375)
// da/dx = sech² x = 4t / (1 + t)²       (no subtraction anywhere)
void tanh_block(const double* xp, double* yp, double* dyp, int n) {
    const Packet one = ei::pset1<Packet>(1.0), window = ei::pset1<Packet>(kTanhSeriesWindow);
    auto c = [](int k) { return ei::pset1<Packet>(kTanhSeries[k]); };
    for_each_packet(xp, yp, dyp, n, [&](Packet x, double* y, double* dy) {
        const Packet ax = ei::pabs(x);
        const Packet t = exp_or_zero(ei::pmul(ei::pset1<Packet>(-2.0), ax));
        const Packet r = ei::pdiv(one, ei::padd(one, t));  // 1 / (1 + t)
        // the series in Estrin's form (pairs, then pairs of pairs): a shallower chain than Horner's
        const Packet x2 = ei::pmul(x, x), x4 = ei::pmul(x2, x2), x8 = ei::pmul(x4, x4);
        const Packet p01 = ei::pmadd(c(1), x2, c(0)), p23 = ei::pmadd(c(3), x2, c(2));
        const Packet p45 = ei::pmadd(c(5), x2, c(4)), p67 = ei::pmadd(c(7), x2, c(6));
        const Packet p89 = ei::pmadd(c(9), x2, c(8)), p1011 = ei::pmadd(c(11), x2, c(10));
        const Packet p1213 = ei::pmadd(c(13), x2, c(12));
        const Packet q0 = ei::pmadd(p23, x4, p01), q1 = ei::pmadd(p67, x4, p45);
        const Packet q2 = ei::pmadd(p1011, x4, p89);
        const Packet low = ei::pmadd(q1, x8, q0);                  // terms 0–7 (x8 is (x²)^4 = x^8)
        const Packet high = ei::pmadd(p1213, x8, q2);              // terms 8–13, over (x²)^8
        const Packet series = ei::pmadd(high, ei::pmul(x8, x8), low);
        const Packet far_abs = ei::pmul(ei::psub(one, t), r);
        const Packet far = ei::pselect(ei::pcmp_lt(x, ei::pzero(x)), ei::pnegate(far_abs), far_abs);
        ei::pstoreu(y, ei::pselect(ei::pcmp_lt(ax, window), ei::pmul(x, series), far));
        ei::pstoreu(dy, ei::pmul(ei::pmul(ei::pset1<Packet>(4.0), t), ei::pmul(r, r)));
    });
}

// t = e^(-|x|)
// a = 1 / (1 + t) (x ≥ 0), t / (1 + t) (x < 0)   the two halves of σ, neither of which cancels
// da/dx = σ(x) σ(-x) = t / (1 + t)²
void sigmoid_block(const double* xp, double* yp, double* dyp, int n) {
    const Packet one = ei::pset1<Packet>(1.0);
    for_each_packet(xp, yp, dyp, n, [&](Packet x, double* y, double* dy) {
        const Packet t = exp_or_zero(ei::pnegate(ei::pabs(x)));
        const Packet one_plus_t = ei::padd(one, t);
        const Packet numerator = ei::pselect(ei::pcmp_lt(x, ei::pzero(x)), t, one);
        ei::pstoreu(y, ei::pdiv(numerator, one_plus_t));
        ei::pstoreu(dy, ei::pdiv(t, ei::pmul(one_plus_t, one_plus_t)));
    });
}

}  // namespace

namespace {

void tanh_entry(const Activation&, const double*, const double* x, double* y, double* dy, int n) {
    tanh_block(x, y, dy, n);
}

void sigmoid_entry(const Activation&, const double*, const double* x, double* y, double* dy, int n) {
    sigmoid_block(x, y, dy, n);
}

// f and f' from the catalogue's own array forms, or its scalar functions
void catalogue_entry(const Activation& act, const double* params, const double* x, double* y, double* dy, int n) {
    if (act.f_array) {
        act.f_array(x, y, n, params);
    } else {
        for (int i = 0; i < n; ++i) y[i] = act.f(x[i], params);
    }
    if (act.df_array) {
        act.df_array(x, dy, n, params);
    } else {
        for (int i = 0; i < n; ++i) dy[i] = act.df(x[i], params);
    }
}

// ---- single precision, f only ----
using FloatMap = Eigen::Map<Eigen::ArrayXf>;
using ConstFloatMap = Eigen::Map<const Eigen::ArrayXf>;

// Eigen's float tanh (a rational approximation, vectorised)
void tanh_float(const Activation&, const double*, const float* x, float* y, int n) {
    FloatMap(y, n) = ConstFloatMap(x, n).tanh();
}
// σ(x) = 1/(1 + e^-x), in the halves that neither overflow nor cancel
void sigmoid_float(const Activation&, const double*, const float* x, float* y, int n) {
    const ConstFloatMap xs(x, n);
    FloatMap e(y, n);  // e^-|x| first, in place
    e = (-xs.abs()).exp();
    e = (xs >= 0.0f).select(1.0f / (1.0f + e), e / (1.0f + e));
}
void identity_float(const Activation&, const double*, const float* x, float* y, int n) {
    FloatMap(y, n) = ConstFloatMap(x, n);
}
void relu_float(const Activation&, const double*, const float* x, float* y, int n) {
    FloatMap(y, n) = ConstFloatMap(x, n).max(0.0f);
}
// x if x > 0, else αx (leaky ReLU, PReLU)
void leaky_float(const Activation&, const double* p, const float* x, float* y, int n) {
    const ConstFloatMap xs(x, n);
    FloatMap(y, n) = (xs > 0.0f).select(xs, static_cast<float>(p[0]) * xs);
}
// any other entry: f in double, rounded
void catalogue_float(const Activation& act, const double* params, const float* x, float* y, int n) {
    for (int i = 0; i < n; ++i) y[i] = static_cast<float>(act.f(x[i], params));
}

}  // namespace

ActivationFloatFn float_function(const Activation& act) {
    const std::string_view id = act.id;
    if (id == "tanh") return tanh_float;
    if (id == "sigmoid") return sigmoid_float;
    if (id == "identity") return identity_float;
    if (id == "relu") return relu_float;
    if (id == "leaky_relu" || id == "prelu") return leaky_float;
    return catalogue_float;
}

ActivationBlockFn block_function(const Activation& act) {
    const std::string_view id = act.id;
    if (id == "tanh") return tanh_entry;
    if (id == "sigmoid") return sigmoid_entry;
    return catalogue_entry;
}

void evaluate_block(const Activation& act, const double* params, const double* x, double* y, double* dy, int n) {
    block_function(act)(act, params, x, y, dy, n);
}

}  // namespace actlab::core
