// Softmax with temperature against an independent 60-digit reference (tests/reference/softmax.csv,
// made by make_softmax_reference.py with mpmath), its properties, the limits, sampling and filtering.
#include "core/softmax.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace ac = actlab::core;

namespace {

struct RefRow {
    std::string name;
    double temperature;
    int cls;
    double logit;
    double prob, log_prob, entropy;
    int line;
};

std::vector<RefRow> load_reference() {
    const std::string path = std::string(ACTLAB_REFERENCE_DIR) + "/softmax.csv";
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::vector<RefRow> rows;
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "case,temperature,class,logit,prob,log_prob,entropy");
    for (int number = 2; std::getline(in, line); ++number) {
        std::stringstream ss(line);
        std::string f[7];
        for (std::string& field : f) std::getline(ss, field, ',');
        rows.push_back({f[0], std::strtod(f[1].c_str(), nullptr), std::atoi(f[2].c_str()), std::strtod(f[3].c_str(), nullptr),
                        std::strtod(f[4].c_str(), nullptr), std::strtod(f[5].c_str(), nullptr),
                        std::strtod(f[6].c_str(), nullptr), number});
    }
    return rows;
}

// One case at one temperature: the logits and the reference rows.
struct Group {
    std::string name;
    double temperature;
    Eigen::ArrayXd logits;
    std::vector<RefRow> rows;
};

std::vector<Group> reference_groups() {
    std::vector<Group> groups;
    for (const RefRow& r : load_reference()) {
        if (groups.empty() || groups.back().name != r.name || groups.back().temperature != r.temperature)
            groups.push_back({r.name, r.temperature, {}, {}});
        groups.back().rows.push_back(r);
    }
    for (Group& g : groups) {
        g.logits.resize(static_cast<Eigen::Index>(g.rows.size()));
        for (size_t i = 0; i < g.rows.size(); ++i) g.logits[static_cast<Eigen::Index>(i)] = g.rows[i].logit;
    }
    return groups;
}

double relative(double got, double want) { return std::fabs(got - want) / std::fabs(want); }

Eigen::ArrayXd array(std::initializer_list<double> v) {
    Eigen::ArrayXd a(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (double x : v) a[i++] = x;
    return a;
}

}  // namespace

TEST(Softmax, MatchesTheHighPrecisionReference) {
    const std::vector<Group> groups = reference_groups();
    ASSERT_GT(groups.size(), 100u);
    double worst_p = 0.0, worst_lp = 0.0, worst_h = 0.0;
    int normal_p = 0, tiny_p = 0, tiny_h = 0;
    for (const Group& g : groups) {
        const ac::Softmax s = ac::softmax(g.logits, g.temperature);
        const std::string where = g.name + " at T = " + std::to_string(g.temperature);
        ASSERT_TRUE(s.prob.allFinite()) << where;
        EXPECT_TRUE(std::isfinite(s.entropy)) << where;
        const double want_h = g.rows[0].entropy;
        if (want_h >= DBL_MIN) {
            const double e = relative(s.entropy, want_h);
            EXPECT_LE(e, 1e-10) << where << ": H = " << s.entropy << ", want " << want_h;
            worst_h = std::max(worst_h, e);
            if (want_h < 1e-6) ++tiny_h;
        } else {
            EXPECT_LT(s.entropy, 2 * DBL_MIN) << where;
        }
        for (const RefRow& r : g.rows) {
            const double p = s.prob[r.cls];
            if (r.prob >= DBL_MIN) {
                const double e = relative(p, r.prob);
                EXPECT_LE(e, 1e-12) << where << " class " << r.cls << ": p = " << p << ", want " << r.prob << " (line "
                                    << r.line << ")";
                worst_p = std::max(worst_p, e);
                ++normal_p;
                if (r.prob < 1e-100) ++tiny_p;
            } else {
                EXPECT_LT(p, 2 * DBL_MIN) << where << " class " << r.cls;
            }
            // log p to 1e-14 relative, or 1e-15 absolute near 0 (where p ≈ 1)
            if (std::isfinite(r.log_prob) && std::fabs(r.log_prob) < 1e300) {
                const double e = std::fabs(s.log_prob[r.cls] - r.log_prob) / std::max(std::fabs(r.log_prob), 0.1);
                EXPECT_LE(e, 1e-14) << where << " class " << r.cls << ": log p = " << s.log_prob[r.cls] << ", want "
                                    << r.log_prob;
                worst_lp = std::max(worst_lp, e);
            }
        }
    }
    EXPECT_GT(tiny_p, 10) << "the reference should hold many tiny (but normal) probabilities";
    EXPECT_GT(tiny_h, 5) << "the reference should hold tiny entropies";
    std::printf("worst relative error: p %.3g (over %d normal probabilities), H %.3g, log p %.3g\n", worst_p, normal_p,
                worst_h, worst_lp);
}

TEST(Softmax, ASweepGivesWhatEachTemperatureGivesAlone) {
    std::map<std::string, std::vector<Group>> by_case;
    for (const Group& g : reference_groups()) by_case[g.name].push_back(g);
    const std::vector<Group>& sweep = by_case.at("sweep");
    ASSERT_EQ(sweep.size(), 41u);
    std::vector<double> temps;
    for (const Group& g : sweep) temps.push_back(g.temperature);
    const ac::TemperatureSweep s = ac::temperature_sweep(sweep[0].logits, temps);
    ASSERT_EQ(s.prob.rows(), 41);
    ASSERT_EQ(s.prob.cols(), 4);
    for (size_t i = 0; i < temps.size(); ++i) {
        for (const RefRow& r : sweep[i].rows)
            EXPECT_LE(relative(s.prob(static_cast<Eigen::Index>(i), r.cls), r.prob), 1e-12) << "T = " << temps[i];
        EXPECT_LE(relative(s.entropy[static_cast<Eigen::Index>(i)], sweep[i].rows[0].entropy), 1e-10);
        const ac::Softmax alone = ac::softmax(sweep[0].logits, temps[i]);
        EXPECT_TRUE((alone.prob.transpose() == s.prob.row(static_cast<Eigen::Index>(i))).all());
    }
}

TEST(Softmax, SumsToOneWithinOneEMinusFifteen) {
    ac::Rng rng(3);
    double worst = 0.0;
    for (int trial = 0; trial < 20000; ++trial) {
        const int k = 2 + static_cast<int>(rng.below(11));
        const double scale = std::pow(10.0, rng.uniform(-2.0, 4.0));
        Eigen::ArrayXd z(k);
        for (int i = 0; i < k; ++i) z[i] = scale * rng.uniform(-1.0, 1.0);
        if (trial % 7 == 0) z[1] = z[0];  // ties
        const double t = std::pow(10.0, rng.uniform(-3.0, 3.0));
        const ac::Softmax s = ac::softmax(z, t);
        ASSERT_TRUE(s.prob.allFinite() && std::isfinite(s.entropy));
        const double sum = s.prob.sum();
        ASSERT_LE(std::fabs(sum - 1.0), 1e-15) << "k = " << k << ", T = " << t;
        worst = std::max(worst, std::fabs(sum - 1.0));
        ASSERT_GE(s.entropy, 0.0);
        ASSERT_LE(s.entropy, std::log(static_cast<double>(k)) * (1 + 1e-15));
    }
    std::printf("worst |sum - 1| over 20000 random cases: %.3g\n", worst);
}

TEST(Softmax, ShiftInvariance) {
    // Shifts that are exact in binary leave every z_i − max unchanged, so the results agree to the bit;
    // a shift that rounds the logits moves them by its rounding error only.
    const Eigen::ArrayXd z = array({2.0, 1.0, 0.125, -3.0});
    for (double t : {0.01, 0.5, 1.0, 7.0, 1e3}) {
        const ac::Softmax base = ac::softmax(z, t);
        for (double c : {-9995.0, -3.25, 1.0, 9995.0}) {
            const ac::Softmax shifted = ac::softmax(z + c, t);
            EXPECT_TRUE((shifted.prob == base.prob).all()) << t << " " << c;
            EXPECT_EQ(shifted.entropy, base.entropy) << t << " " << c;
        }
        const ac::Softmax rounded = ac::softmax(z + 0.1, t);
        EXPECT_LE(relative(rounded.entropy, base.entropy), 1e-13 / t);
        for (Eigen::Index i = 0; i < z.size(); ++i) EXPECT_LE(relative(rounded.prob[i], base.prob[i]), 1e-13 / t);
    }
}

TEST(Softmax, LimitsAreExact) {
    const Eigen::ArrayXd z = array({1.0, 3.0, -2.0, 3.0, 0.5});
    const ac::Softmax cold = ac::softmax(z, 0.0);
    EXPECT_TRUE((cold.prob == array({0.0, 0.5, 0.0, 0.5, 0.0})).all());
    EXPECT_EQ(cold.entropy, std::log(2.0));
    EXPECT_EQ(cold.log_prob[1], -std::log(2.0));
    EXPECT_EQ(cold.log_prob[0], -INFINITY);
    const ac::Softmax one_hot = ac::softmax(array({1.0, 3.0, -2.0}), 0.0);
    EXPECT_TRUE((one_hot.prob == array({0.0, 1.0, 0.0})).all());
    EXPECT_EQ(one_hot.entropy, 0.0);
    const ac::Softmax hot = ac::softmax(z, INFINITY);
    EXPECT_TRUE((hot.prob == 0.2).all());
    EXPECT_EQ(hot.entropy, std::log(5.0));
    // and the finite temperatures approach them
    const ac::Softmax near_cold = ac::softmax(z, 1e-3);
    EXPECT_EQ(near_cold.prob[1], 0.5);
    EXPECT_EQ(near_cold.prob[0], 0.0);
    EXPECT_NEAR(ac::softmax(z, 1e9).entropy, std::log(5.0), 1e-9);
    // a sweep may hold both limits
    const ac::TemperatureSweep s = ac::temperature_sweep(z, {0.0, 1.0, INFINITY});
    EXPECT_TRUE((s.prob.row(0) == cold.prob.transpose()).all());
    EXPECT_TRUE((s.prob.row(2) == 0.2).all());
    EXPECT_EQ(s.entropy[0], std::log(2.0));
    EXPECT_EQ(s.entropy[2], std::log(5.0));
}

TEST(Softmax, ExtremeLogitsGiveNoNanOrInf) {
    for (double t : {1e-3, 0.01, 1.0, 1e3}) {
        for (const Eigen::ArrayXd& z : {array({1e4, -1e4}), array({-1e4, -1e4}), array({1e4, 1e4, -1e4, 0.0}),
                                        array({-1e4, 1e4 - 1e-12, 1e4})}) {
            const ac::Softmax s = ac::softmax(z, t);
            EXPECT_TRUE(s.prob.allFinite()) << t;
            EXPECT_FALSE(s.log_prob.isNaN().any()) << t;
            EXPECT_TRUE(std::isfinite(s.entropy)) << t;
            EXPECT_LE(std::fabs(s.prob.sum() - 1.0), 1e-15);
        }
    }
    // a probability that underflows to exactly 0 still leaves a finite entropy and log p
    const ac::Softmax s = ac::softmax(array({0.0, -1e4}), 1e-3);
    EXPECT_EQ(s.prob[1], 0.0);
    EXPECT_EQ(s.log_prob[1], -1e7);
    EXPECT_EQ(s.entropy, 0.0);
}

TEST(Softmax, LogSpacedEndsExactly) {
    const std::vector<double> t = ac::log_spaced(0.01, 100.0, 5);
    ASSERT_EQ(t.size(), 5u);
    EXPECT_EQ(t.front(), 0.01);
    EXPECT_EQ(t.back(), 100.0);
    // the decades inside are exact too, so a sweep's CSV reads 0.1, 1, 10
    EXPECT_EQ(t[1], 0.1);
    EXPECT_EQ(t[2], 1.0);
    EXPECT_EQ(t[3], 10.0);
    const std::vector<double> many = ac::log_spaced(1e-3, 1e3, 200);
    for (size_t i = 1; i < many.size(); ++i) EXPECT_GT(many[i], many[i - 1]);
    // 7 points per decade over six decades: every tenth power lands exactly
    const std::vector<double> decades = ac::log_spaced(1e-3, 1e3, 37);
    for (int k = 0; k <= 6; ++k) EXPECT_EQ(decades[static_cast<size_t>(6 * k)], std::pow(10.0, k - 3)) << k;
    // and the points between stay log-spaced to rounding
    for (size_t i = 1; i < many.size(); ++i)
        EXPECT_NEAR(std::log(many[i] / many[i - 1]), std::log(1e6) / 199, 1e-12) << i;
}

TEST(Sampling, SameSeedSameDraws) {
    const Eigen::ArrayXd p = ac::softmax_prob(array({2.0, 1.0, 0.1}), 1.0);
    ac::Rng a(11), b(11), c(12);
    const std::vector<int> x = ac::sample_classes(p, 500, a);
    EXPECT_EQ(x, ac::sample_classes(p, 500, b));
    EXPECT_NE(x, ac::sample_classes(p, 500, c));
    // The first draws of seed 1, as an inverse-CDF transcription in Python over the same xoshiro256**
    // stream gives them: a change here would change every lesson's histogram.
    ac::Rng fixed(1);
    const std::vector<int> first = ac::sample_classes(p, 12, fixed);
    std::string text;
    for (int c : first) text += std::to_string(c);
    EXPECT_EQ(text, "100010001022");
}

TEST(Sampling, NeverDrawsAClassWithZeroProbability) {
    const Eigen::ArrayXd p = array({0.0, 0.3, 0.0, 0.7, 0.0});
    ac::Rng rng(5);
    const Eigen::ArrayXi counts = ac::sample_counts(p, 20000, rng);
    EXPECT_EQ(counts[0] + counts[2] + counts[4], 0);
    EXPECT_EQ(counts.sum(), 20000);
    const Eigen::ArrayXi one_hot = ac::sample_counts(ac::softmax_prob(array({1.0, 5.0}), 0.0), 100, rng);
    EXPECT_EQ(one_hot[1], 100);
}

TEST(Sampling, ChiSquareAgreesWithTheExpectedProbabilities) {
    // At the 0.999 quantile of χ² a correct sampler fails once in a thousand seeds; these seeds are fixed.
    const double q999[] = {0, 10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32, 26.12, 27.88, 29.59, 31.26};
    for (const Eigen::ArrayXd& z : {array({2.0, 1.0, 0.1}), array({0.5, -0.5}),
                                    array({3.1, -0.4, 1.2, 2.2, -2.5, 0.3, 1.9, -1.1, 0.0, 2.8, -3.0, 1.0})}) {
        for (double t : {0.5, 1.0, 2.0}) {
            const Eigen::ArrayXd p = ac::softmax_prob(z, t);
            ac::Rng rng(2024);
            const ac::ChiSquare x = ac::chi_square(ac::sample_counts(p, 50000, rng), p);
            ASSERT_EQ(x.dof, z.size() - 1);
            EXPECT_LT(x.statistic, q999[x.dof]) << "K = " << z.size() << ", T = " << t;
        }
    }
    // Over many seeds, about 5 % exceed the 0.95 quantile (5.991 for 2 degrees of freedom).
    const Eigen::ArrayXd p = ac::softmax_prob(array({2.0, 1.0, 0.1}), 1.0);
    int above = 0;
    for (int seed = 0; seed < 400; ++seed) {
        ac::Rng rng(static_cast<std::uint64_t>(seed));
        above += ac::chi_square(ac::sample_counts(p, 2000, rng), p).statistic > 5.991;
    }
    EXPECT_GE(above, 6);   // 20 expected; σ ≈ 4.4
    EXPECT_LE(above, 36);
}

TEST(Filtering, TopKKeepsTheLargestAndTiesAtTheBoundary) {
    const Eigen::ArrayXd p = array({0.1, 0.4, 0.2, 0.3});
    const Eigen::ArrayXd k2 = ac::top_k_filter(p, 2);
    EXPECT_DOUBLE_EQ(k2[1], 0.4 / 0.7);
    EXPECT_DOUBLE_EQ(k2[3], 0.3 / 0.7);
    EXPECT_EQ(k2[0], 0.0);
    EXPECT_EQ(k2[2], 0.0);
    EXPECT_TRUE((ac::top_k_filter(p, 0) == p).all());
    EXPECT_TRUE((ac::top_k_filter(p, 4) == p).all());
    const Eigen::ArrayXd k1 = ac::top_k_filter(p, 1);
    EXPECT_TRUE((k1 == array({0, 1, 0, 0})).all());
    // a tie at the k-th place keeps both
    const Eigen::ArrayXd tied = ac::top_k_filter(array({0.3, 0.3, 0.1, 0.3}), 2);
    EXPECT_TRUE(((tied - array({1.0 / 3, 1.0 / 3, 0, 1.0 / 3})).abs() < 1e-16).all()) << tied.transpose();
}

TEST(Filtering, TopPKeepsTheSmallestSetReachingP) {
    const Eigen::ArrayXd p = array({0.1, 0.5, 0.4});
    // 0.5 < 0.6 ≤ 0.5 + 0.4
    EXPECT_TRUE((ac::top_p_filter(p, 0.6) == array({0, 0.5 / 0.9, 0.4 / 0.9})).all());
    // the boundary: a mass equal to p is enough
    EXPECT_TRUE((ac::top_p_filter(p, 0.5) == array({0, 1, 0})).all());
    EXPECT_EQ((ac::top_p_filter(p, 0.9) > 0).count(), 2);
    EXPECT_EQ((ac::top_p_filter(p, 0.9000001) > 0).count(), 3);
    // the most probable class always stays, and p = 1 keeps everything
    EXPECT_TRUE((ac::top_p_filter(p, 1e-9) == array({0, 1, 0})).all());
    EXPECT_TRUE((ac::top_p_filter(p, 1.0) == p).all());
    // ties go in class order
    EXPECT_TRUE((ac::top_p_filter(array({0.25, 0.25, 0.25, 0.25}), 0.5) == array({0.5, 0.5, 0, 0})).all());
    // a softmax output whose running mass lands a rounding error short of p still stops there
    const Eigen::ArrayXd s = ac::softmax_prob(array({std::log(0.5), std::log(0.4), std::log(0.1)}), 1.0);
    EXPECT_EQ((ac::top_p_filter(s, 0.9) > 0).count(), 2) << s.transpose();
}

TEST(Filtering, TopKThenTopPRenormalisesInBetween) {
    const Eigen::ArrayXd p = array({0.4, 0.3, 0.2, 0.1});
    // top-2 gives [4/7, 3/7, 0, 0]; top-p 0.5 of that keeps only the first
    EXPECT_TRUE((ac::top_k_top_p_filter(p, 2, 0.5) == array({1, 0, 0, 0})).all());
    // without top-k, p = 0.5 needs two classes
    EXPECT_EQ((ac::top_k_top_p_filter(p, 0, 0.5) > 0).count(), 2);
    const Eigen::ArrayXd f = ac::top_k_top_p_filter(p, 3, 0.95);
    EXPECT_NEAR(f.sum(), 1.0, 1e-15);
}
