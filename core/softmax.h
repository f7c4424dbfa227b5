// Softmax with a temperature, and what language-model decoding does with it.
//
//     p_i(T) = exp(z_i / T) / Σ_j exp(z_j / T)
//
// T < 1 sharpens the distribution towards the largest logit, T > 1 flattens it towards uniform;
// T → 0 gives a one-hot vector on the argmax (tied maxima share equally), T → ∞ the uniform one.
//
// Computed stably for any finite logits and any T > 0 (accuracy is tested for T in [1e-3, 1e3] and
// |z| ≤ 1e4): with m = max z and a_i = (z_i − m)/T ≤ 0, the largest term is exp(0) = 1, so nothing
// overflows, and
//     log p_i = a_i − L,   L = log Σ_j exp(a_j) = log c + log1p(r / c),
// where c counts the classes tied at the maximum and r sums the others (log1p keeps L accurate when
// r is tiny). a_i is carried in double-double, so a probability as small as e^-700 keeps its digits.
// The entropy in nats,
//     H = −Σ p_i log p_i = Σ p_i (L − a_i),
// is a sum of terms that are all ≥ 0, so there is no cancellation and it keeps its relative accuracy
// even when it is tiny (T = 0.01 puts nearly all mass on one class); terms whose probability falls
// below the normal range are summed at a 2^256 scale, so they still count.
//
// T = 0 and T = +∞ are accepted and give the two limits exactly.
#pragma once

#include "core/random.h"

#include <Eigen/Core>

#include <vector>

namespace actlab::core {

constexpr double kMinTemperature = 1e-3;  // the range over which the accuracy is tested and the app accepts T
constexpr double kMaxTemperature = 1e3;

// The distribution at one temperature.
struct Softmax {
    Eigen::ArrayXd prob;      // p_i, summing to 1 (within 1e-15)
    Eigen::ArrayXd log_prob;  // log p_i, accurate even where p_i underflows; −∞ only where p_i is exactly 0
                              // (T = 0, or (z_i − max)/T beyond the doubles)
    double entropy = 0.0;     // H = −Σ p_i log p_i in nats, from 0 (one-hot) to ln K (uniform)
};

// softmax(z / T) of finite logits (at least one). T = 0: one-hot on the argmax, tied maxima sharing
// equally; T = +∞: uniform. Both exactly.
Softmax softmax(const Eigen::ArrayXd& logits, double temperature);
// The parts on their own (each computes the whole Softmax).
Eigen::ArrayXd softmax_prob(const Eigen::ArrayXd& logits, double temperature);
Eigen::ArrayXd log_softmax(const Eigen::ArrayXd& logits, double temperature);
double softmax_entropy(const Eigen::ArrayXd& logits, double temperature);

// `count` temperatures from t_min to t_max, equally spaced in log T, both ends exact (0 < t_min < t_max).
std::vector<double> log_spaced(double t_min, double t_max, int count);

// p_i(T) and H(T) over many temperatures (which may include 0 and +∞, giving the limits exactly).
struct TemperatureSweep {
    std::vector<double> temperature;
    Eigen::ArrayXXd prob;   // one row per temperature, one column per class
    Eigen::ArrayXd entropy; // one per temperature
};
TemperatureSweep temperature_sweep(const Eigen::ArrayXd& logits, const std::vector<double>& temperatures);

// Draws `draws` classes from p by inverse CDF on core::Rng, so the same seed gives the same draws on
// every machine. A class with p_i = 0 is never drawn.
std::vector<int> sample_classes(const Eigen::ArrayXd& prob, int draws, Rng& rng);
// How many times each class was drawn.
Eigen::ArrayXi sample_counts(const Eigen::ArrayXd& prob, int draws, Rng& rng);
// Pearson's χ² of observed counts against the expected draws·p_i, over classes with p_i > 0, and
// its degrees of freedom (those classes less one).
struct ChiSquare {
    double statistic = 0.0;
    int dof = 0;
};
ChiSquare chi_square(const Eigen::ArrayXi& counts, const Eigen::ArrayXd& prob);

// Filtering before sampling, as language-model decoding does it. Both return the kept classes'
// probabilities renormalised to sum to 1, and 0 for the removed ones.
//
// Top-k keeps the k most probable classes. Ties at the boundary are all kept: every class whose
// probability equals the k-th largest stays (so more than k may be kept), as Hugging Face's top-k
// filter does with logits. k ≤ 0 or k ≥ K keeps everything.
Eigen::ArrayXd top_k_filter(const Eigen::ArrayXd& prob, int k);
// Top-p (nucleus) keeps the smallest set of classes whose mass is ≥ p, taking classes in descending
// probability order (ties in class order, lower index first) and stopping at the first class that
// brings the running mass to p. The running sum's rounding is forgiven: a mass within 16 ulps of p
// counts as reaching it, so p = 0.9 over [0.5, 0.4, 0.1] keeps two classes. The most probable class
// is always kept; p ≥ 1 keeps everything. p must be > 0.
Eigen::ArrayXd top_p_filter(const Eigen::ArrayXd& prob, double p);
// Top-k, then top-p on the renormalised result (the order Hugging Face's samplers apply them).
Eigen::ArrayXd top_k_top_p_filter(const Eigen::ArrayXd& prob, int k, double p);

}  // namespace actlab::core
