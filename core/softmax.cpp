#include "core/softmax.h"

#include "core/numeric.h"

#include <algorithm>
#include <cassert>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <numeric>

namespace actlab::core {

namespace {

using numeric::DD;

// a − b exactly, as hi + lo (Knuth's two-sum).
DD two_diff(double a, double b) {
    const double s = a - b;
    const double bb = s - a;
    return {s, (a - (s - bb)) - (b + bb)};
}

// (hi + lo) / t to about 2^-104 relative: the quotient's remainder is exact (fma).
DD div_dd(DD d, double t) {
    const double q = d.hi / t;
    if (!std::isfinite(q)) return {q, 0.0};
    const double r = std::fma(-q, t, d.hi);
    return {q, (r + d.lo) / t};
}

// One-hot on the maxima (shared equally), or uniform: the two limits, exactly.
Softmax limit(const Eigen::ArrayXd& z, bool cold) {
    const Eigen::Index k = z.size();
    Softmax s;
    if (!cold) {
        s.prob = Eigen::ArrayXd::Constant(k, 1.0 / static_cast<double>(k));
        s.log_prob = Eigen::ArrayXd::Constant(k, -std::log(static_cast<double>(k)));
        s.entropy = std::log(static_cast<double>(k));
        return s;
    }
    const double m = z.maxCoeff();
    const Eigen::Index ties = (z == m).count();
    s.prob = (z == m).select(Eigen::ArrayXd::Constant(k, 1.0 / static_cast<double>(ties)), 0.0);
    s.log_prob = (z == m).select(Eigen::ArrayXd::Constant(k, -std::log(static_cast<double>(ties))), -INFINITY);
    s.entropy = std::log(static_cast<double>(ties));
    return s;
}

}  // namespace

Softmax softmax(const Eigen::ArrayXd& z, double t) {
    assert(z.size() >= 1 && z.allFinite());
    assert(t >= 0.0);  // +∞ allowed, NaN not
    if (t == 0.0) return limit(z, true);
    if (std::isinf(t)) return limit(z, false);

    const Eigen::Index k = z.size();
    const double m = z.maxCoeff();
    // a_i = (z_i − m)/T ≤ 0 in double-double; the maxima have a_i = 0 exactly.
    std::vector<DD> a(static_cast<size_t>(k));
    for (Eigen::Index i = 0; i < k; ++i) a[i] = div_dd(two_diff(z[i], m), t);

    // c classes at the maximum contribute exp(0) = 1 each; r = Σ exp(a_i) over the others, summed at a
    // 2^256 scale (exp_scaled), so terms below the normal range still count.
    int c = 0;
    double r_scaled = 0.0;
    std::vector<double> e_scaled(static_cast<size_t>(k), 0.0);
    for (Eigen::Index i = 0; i < k; ++i) {
        if (a[i].hi == 0.0 && a[i].lo == 0.0) {
            ++c;
        } else if (std::isfinite(a[i].hi)) {
            e_scaled[i] = numeric::exp_scaled(a[i]);
            r_scaled += e_scaled[i];
        }
    }
    const double r = std::ldexp(r_scaled, -numeric::kExpScaleBits);
    // L = log Σ exp(a_j) = log c + log1p(r/c). For one maximum and r < 1e-20, log1p(r) = r to the last
    // bit, and L is kept at the 2^256 scale too (it may be subnormal).
    double big_l = 0.0, l_scaled = 0.0;
    if (c == 1 && r < 1e-20) {
        big_l = r;
        l_scaled = r_scaled;
    } else {
        big_l = (c == 1 ? 0.0 : std::log(static_cast<double>(c))) + std::log1p(r / c);
        l_scaled = std::ldexp(big_l, numeric::kExpScaleBits);
    }

    Softmax s;
    s.prob.resize(k);
    s.log_prob.resize(k);
    // H = −Σ p_i log p_i = (c·L + Σ e_i (L − a_i)) / S with S = c + r: every term ≥ 0.
    double h_scaled = c * l_scaled;
    for (Eigen::Index i = 0; i < k; ++i) {
        if (a[i].hi == 0.0 && a[i].lo == 0.0) {
            // log p = −L
            s.log_prob[i] = -big_l;
            s.prob[i] = std::exp(-big_l);
        } else if (!std::isfinite(a[i].hi)) {
            s.log_prob[i] = -INFINITY;
            s.prob[i] = 0.0;
        } else {
            // log p_i = a_i − L, in double-double, so exp keeps the digits of a tiny p_i
            const DD lp = numeric::add(a[i], {-big_l, 0.0});
            s.log_prob[i] = lp.hi;
            s.prob[i] = numeric::exp_dd(lp);
            if (e_scaled[i] > 0.0) h_scaled += e_scaled[i] * -(lp.hi + lp.lo);
        }
    }
    s.entropy = std::ldexp(h_scaled / (c + r), -numeric::kExpScaleBits);
    return s;
}

Eigen::ArrayXd softmax_prob(const Eigen::ArrayXd& logits, double t) { return softmax(logits, t).prob; }
Eigen::ArrayXd log_softmax(const Eigen::ArrayXd& logits, double t) { return softmax(logits, t).log_prob; }
double softmax_entropy(const Eigen::ArrayXd& logits, double t) { return softmax(logits, t).entropy; }

std::vector<double> log_spaced(double t_min, double t_max, int count) {
    assert(t_min > 0.0 && t_min < t_max && count >= 1);
    std::vector<double> t(static_cast<size_t>(count));
    if (count == 1) return {t_min};
    // 10^(a + (b − a)·i/(n − 1)): where the exponent is a whole number (0.01 to 100 in 5 steps) it is
    // exact and pow gives the decade exactly; elsewhere a value within a few ulps of one with 15
    // significant digits is taken as that value, so the grid reads 0.1, 1, 10, not 0.10000000000000006.
    const double a = std::log10(t_min), b = std::log10(t_max);
    for (int i = 0; i < count; ++i) {
        const double v = std::pow(10.0, a + (b - a) * i / (count - 1));
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", v);
        const double round = std::strtod(buf, nullptr);
        t[i] = std::fabs(round - v) <= 4 * std::numeric_limits<double>::epsilon() * std::fabs(v) ? round : v;
    }
    t.front() = t_min;
    t.back() = t_max;
    return t;
}

TemperatureSweep temperature_sweep(const Eigen::ArrayXd& logits, const std::vector<double>& temperatures) {
    TemperatureSweep s;
    s.temperature = temperatures;
    const Eigen::Index n = static_cast<Eigen::Index>(temperatures.size());
    s.prob.resize(n, logits.size());
    s.entropy.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const Softmax one = softmax(logits, temperatures[i]);
        s.prob.row(i) = one.prob.transpose();
        s.entropy[i] = one.entropy;
    }
    return s;
}

std::vector<int> sample_classes(const Eigen::ArrayXd& prob, int draws, Rng& rng) {
    assert(prob.size() >= 1 && (prob >= 0.0).all() && prob.sum() > 0.0);
    const double total = prob.sum();
    int last = 0;  // the last class that can be drawn, for a u that rounding puts past the end
    for (Eigen::Index i = 0; i < prob.size(); ++i)
        if (prob[i] > 0.0) last = static_cast<int>(i);
    std::vector<int> out(static_cast<size_t>(std::max(draws, 0)));
    for (int& drawn : out) {
        const double u = rng.uniform() * total;
        double cumulative = 0.0;
        drawn = last;
        for (Eigen::Index i = 0; i < prob.size(); ++i) {
            cumulative += prob[i];
            if (u < cumulative && prob[i] > 0.0) {
                drawn = static_cast<int>(i);
                break;
            }
        }
    }
    return out;
}

Eigen::ArrayXi sample_counts(const Eigen::ArrayXd& prob, int draws, Rng& rng) {
    Eigen::ArrayXi counts = Eigen::ArrayXi::Zero(prob.size());
    for (int c : sample_classes(prob, draws, rng)) ++counts[c];
    return counts;
}

ChiSquare chi_square(const Eigen::ArrayXi& counts, const Eigen::ArrayXd& prob) {
    ChiSquare x;
    const double n = counts.cast<double>().sum();
    int classes = 0;
    for (Eigen::Index i = 0; i < prob.size(); ++i) {
        if (!(prob[i] > 0.0)) continue;
        const double expected = n * prob[i];
        x.statistic += (counts[i] - expected) * (counts[i] - expected) / expected;
        ++classes;
    }
    x.dof = std::max(classes - 1, 0);
    return x;
}

namespace {

Eigen::ArrayXd renormalised(const Eigen::ArrayXd& prob, const std::vector<bool>& keep) {
    Eigen::ArrayXd out = Eigen::ArrayXd::Zero(prob.size());
    double sum = 0.0;
    for (Eigen::Index i = 0; i < prob.size(); ++i)
        if (keep[i]) sum += prob[i];
    for (Eigen::Index i = 0; i < prob.size(); ++i)
        if (keep[i]) out[i] = prob[i] / sum;
    return out;
}

}  // namespace

Eigen::ArrayXd top_k_filter(const Eigen::ArrayXd& prob, int k) {
    const Eigen::Index n = prob.size();
    if (k <= 0 || k >= n) return prob;
    std::vector<double> sorted(prob.data(), prob.data() + n);
    std::nth_element(sorted.begin(), sorted.begin() + (k - 1), sorted.end(), std::greater<double>());
    const double kth = sorted[static_cast<size_t>(k - 1)];
    std::vector<bool> keep(static_cast<size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) keep[i] = prob[i] >= kth;
    return renormalised(prob, keep);
}

Eigen::ArrayXd top_p_filter(const Eigen::ArrayXd& prob, double p) {
    assert(p > 0.0);
    const Eigen::Index n = prob.size();
    if (p >= 1.0) return prob;
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return prob[a] > prob[b]; });
    const double reach = p * (1.0 - 16.0 * DBL_EPSILON);
    std::vector<bool> keep(static_cast<size_t>(n), false);
    double mass = 0.0;
    for (int i : order) {
        keep[i] = true;
        mass += prob[i];
        if (mass >= reach) break;
    }
    return renormalised(prob, keep);
}

Eigen::ArrayXd top_k_top_p_filter(const Eigen::ArrayXd& prob, int k, double p) {
    return top_p_filter(top_k_filter(prob, k), p);
}

}  // namespace actlab::core
