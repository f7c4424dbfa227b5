// Gradient decay: the chain view against mpmath to the last digits, the network view against an
// independent 60-digit computation on tiny networks, and the classic results on real-sized ones.
#include "core/gradient_flow.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::core {
namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& name) {
    std::ifstream in(std::string(ACTLAB_REFERENCE_DIR) + "/" + name);
    EXPECT_TRUE(in) << name;
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream ls(line);
        std::string f;
        while (std::getline(ls, f, ',')) fields.push_back(f);
        if (!line.empty() && line.back() == ',') fields.emplace_back();
        rows.push_back(fields);
    }
    return rows;
}

// strtod of a value such as 5.03e-435 gives 0, which is what a double can hold of it; *nonzero says
// whether the text was nonzero all the same.
double number(const std::string& text, bool* nonzero = nullptr) {
    const double v = std::strtod(text.c_str(), nullptr);
    if (nonzero) *nonzero = text.find_first_of("123456789") < text.find_first_of("eE");
    return v;
}

ParamValues params_for(const Activation& act, const std::string& param) {
    ParamValues p = default_params(act);
    if (!param.empty()) p.v[0] = number(param);
    return p;
}

// ---- chain view ---------------------------------------------------------------------------------

TEST(Chain, SigmoidAtZeroIsAQuarterToThePowerK) {
    const Activation& s = *find_activation("sigmoid");
    const std::vector<double> p = chain_products(s, nullptr, 0.0, 10);
    ASSERT_EQ(p.size(), 10u);
    EXPECT_EQ(p[0], 0.25);
    EXPECT_EQ(p[9], std::ldexp(1.0, -20));  // 0.25^10 = 2^-20 ≈ 9.5e-7, exactly
}

// Each product against f'(z)^k from mpmath. The error has two parts, and the tolerance is their sum:
// f'(z) as a double is off by a relative e_d (measured here against the reference's 25 digits, read as
// long double: 64 bits), which the k-th power turns into k·e_d; and the power itself is rounded once
// (std::pow, < 1 ulp, so 2^-52 relative). Below the normal range a double has fewer digits, so there
// the allowance is one subnormal step (2^-1074) more.
TEST(Chain, MatchesMpmathToTheLastDigits) {
    const auto rows = read_csv("gradient_chain.csv");
    ASSERT_GT(rows.size(), 300u);
    int subnormal = 0, below_range = 0, checked = 0;
    double worst_ulps = 0.0;  // the power's own error, beyond what f'(z) brings, in units of 2^-52
    for (const auto& r : rows) {
        ASSERT_EQ(r.size(), 6u);
        const Activation* act = find_activation(r[0]);
        ASSERT_NE(act, nullptr) << r[0];
        const ParamValues p = params_for(*act, r[1]);
        const double z = number(r[2]);
        const int k = std::atoi(r[3].c_str());
        const long double d_ref = std::strtold(r[4].c_str(), nullptr);
        const long double want_ld = std::strtold(r[5].c_str(), nullptr);
        bool nonzero = false;
        const double want = number(r[5], &nonzero);  // the nearest double
        const double d = act->df(z, p.v);
        const long double e_d = d_ref == 0 ? 0 : std::fabs((d - d_ref) / d_ref);
        const double got = chain_products(*act, p.v, z, k).back();
        const std::string where = r[0] + "(" + r[1] + ") z=" + r[2] + " k=" + r[3];
        ++checked;
        if (want == 0.0) {  // strtod rounds: the true value is below half the smallest subnormal, or 0
            EXPECT_EQ(got, 0.0) << where;
            if (nonzero) ++below_range;
            continue;
        }
        const long double err = std::fabs(got - want_ld) / std::fabs(want_ld);
        const long double tol = k * e_d + DBL_EPSILON + (std::fabs(want) < DBL_MIN ? 0x1p-1074 / std::fabs(want_ld) : 0);
        EXPECT_LE(err, tol) << where << ": got " << got << ", want " << r[5];
        if (std::fabs(want) < DBL_MIN) ++subnormal;
        else worst_ulps = std::max(worst_ulps, static_cast<double>((err - k * e_d) / DBL_EPSILON));
    }
    EXPECT_GT(subnormal + below_range, 5) << "the reference should reach the bottom of the double range";
    std::printf("chain view: %d products checked, %d subnormal, %d below the double range (0 here); "
                "beyond the k·e_d of f'(z), the worst error is %.2f × 2^-52\n",
                checked, subnormal, below_range, worst_ulps);
}

TEST(Chain, SignAlternatesWhereTheSlopeIsNegative) {
    const Activation& silu = *find_activation("silu");
    const std::vector<double> p = chain_products(silu, nullptr, -2.0, 4);
    EXPECT_LT(p[0], 0.0);
    EXPECT_GT(p[1], 0.0);
    EXPECT_LT(p[2], 0.0);
    EXPECT_GT(p[3], 0.0);
}

TEST(Chain, UnderflowIsReportedOnlyBelowTheDoubleRange) {
    const Activation& s = *find_activation("sigmoid");
    // σ'(10) ≈ 4.54e-5: (4.54e-5)^k is below 4.9e-324 from k = 72 (it is ≈ 1e-313 at k = 70)
    const int k = chain_underflow(s, nullptr, 10.0, 100);
    EXPECT_GT(k, 60);
    EXPECT_LT(k, 80);
    EXPECT_GT(chain_products(s, nullptr, 10.0, k - 1).back(), 0.0);
    EXPECT_EQ(chain_underflow(s, nullptr, 0.0, 100), 0);          // 0.25^100 ≈ 6e-61 is a double
    const Activation& relu = *find_activation("relu");
    EXPECT_EQ(chain_underflow(relu, nullptr, -1.0, 100), 0);      // exactly 0: not an underflow
    EXPECT_EQ(chain_products(relu, nullptr, -1.0, 3).back(), 0.0);
}

// ---- network view ------------------------------------------------------------------------------

FlowConfig config(const char* act, InitKind init, int depth, int width, int batch, std::uint64_t seed,
                  double bias = 0.0) {
    FlowConfig c;
    c.activation = activation_index(act);
    c.params = default_params(activation(c.activation));
    c.init.kind = init;
    c.init.bias = bias;
    c.depth = depth;
    c.width = width;
    c.batch = batch;
    c.seed = seed;
    return c;
}

std::vector<LayerStats> run(const FlowConfig& c) {
    std::vector<LayerStats> layers;
    EXPECT_TRUE(gradient_flow(c, &layers));
    EXPECT_EQ(static_cast<int>(layers.size()), c.depth);
    return layers;
}

// The same cases as tests/reference/make_gradient_reference.py, which computes them in mpmath from the
// same weights and inputs (its own transcription of the generator and the initialisations).
TEST(Network, TinyNetworksMatchAnIndependent60DigitComputation) {
    std::map<std::string, FlowConfig> cases;
    cases["sigmoid_xavier"] = config("sigmoid", InitKind::Xavier, 4, 5, 3, 7, 0.1);
    cases["tanh_normal"] = config("tanh", InitKind::Normal, 3, 6, 4, 11, -0.2);
    cases["tanh_normal"].init.sigma = 0.8;
    cases["relu_he_bias"] = config("relu", InitKind::He, 4, 6, 3, 8, -0.1);
    cases["leaky_uniform"] = config("leaky_relu", InitKind::Uniform, 3, 3, 5, 5, 0.0);
    cases["leaky_uniform"].init.a = 0.9;
    cases["leaky_uniform"].params.v[0] = 0.2;
    cases["gelu_lecun"] = config("gelu", InitKind::Lecun, 6, 7, 3, 2026, 0.25);
    std::map<std::string, std::vector<LayerStats>> results;
    for (const auto& [name, c] : cases) results[name] = run(c);

    const auto rows = read_csv("gradient_network.csv");
    ASSERT_EQ(rows.size(), 4u + 3 + 4 + 3 + 6);
    double worst = 0.0;
    for (const auto& r : rows) {
        ASSERT_EQ(r.size(), 6u);
        ASSERT_TRUE(results.count(r[0])) << r[0];
        const LayerStats& s = results[r[0]].at(static_cast<size_t>(std::atoi(r[1].c_str()) - 1));
        const double got[4] = {s.grad_rms, s.act_mean, s.act_std, s.dead_fraction};
        // The products run in float (unit roundoff u = 2^-24 ≈ 6e-8), on weights within 16 float ulps of
        // |w| + σ of the reference's doubles and inputs rounded to float. A dot product of n ≤ 7 terms is off
        // by at most n·u relative to Σ|w||a|, and each of at most 6 layers forward and 6 back adds that
        // again, so 12 · 7 · 4 u ≈ 2e-5 (with the weights' 16 u) bounds what the statistics can differ by, relative to the size
        // of what they sum: |want| for the RMS values, √(mean² + std²) (the RMS of a) for the mean,
        // which may be near 0. (In double this test held to 1e-12.)
        const double scale[4] = {std::fabs(number(r[2])), std::hypot(number(r[3]), number(r[4])),
                                 std::fabs(number(r[4])), 1.0};
        for (int i = 0; i < 4; ++i) {
            const double want = number(r[2 + i]);
            const double err = std::fabs(got[i] - want) / std::max(scale[i], 1e-300);
            EXPECT_LE(err, 2e-5) << r[0] << " layer " << r[1] << " column " << i << ": " << got[i] << " vs " << r[2 + i];
            worst = std::max(worst, err);
        }
        EXPECT_EQ(s.dead_fraction, number(r[5])) << r[0] << " layer " << r[1];
    }
    std::printf("network view: worst relative difference from the mpmath computation %.2e\n", worst);
}

TEST(Network, SameSeedGivesBitIdenticalResultsOtherSeedOthers) {
    const FlowConfig c = config("tanh", InitKind::Xavier, 12, 64, 32, 99);
    const std::vector<LayerStats> a = run(c), b = run(c);
    FlowConfig other = c;
    other.seed = 100;
    const std::vector<LayerStats> o = run(other);
    for (size_t l = 0; l < a.size(); ++l) {
        EXPECT_EQ(a[l].grad_rms, b[l].grad_rms);
        EXPECT_EQ(a[l].act_mean, b[l].act_mean);
        EXPECT_EQ(a[l].act_std, b[l].act_std);
        EXPECT_EQ(a[l].dead_fraction, b[l].dead_fraction);
        EXPECT_NE(a[l].grad_rms, o[l].grad_rms);
    }
}

// ReLU passes half its inputs, so with Var(w) = 2/fan_in (He) the gradient's variance is kept:
// Var(g_(l-1)) = fan_out · Var(w) · ½ · Var(g_l).
// The batch is cut into blocks of 64 columns whatever the thread count, and the blocks' sums combined
// in a fixed order: one thread or two give the same bits (batch 200: blocks of 64, 64, 64 and 8).
TEST(Network, ThreadCountDoesNotChangeABit) {
    for (const char* act : {"gelu", "relu"}) {
        const FlowConfig c = config(act, InitKind::He, 6, 48, 200, 3, 0.1);
        std::vector<LayerStats> one, two, three;
        ASSERT_TRUE(gradient_flow(c, &one, {nullptr, nullptr, 1}));
        ASSERT_TRUE(gradient_flow(c, &two, {nullptr, nullptr, 2}));
        ASSERT_TRUE(gradient_flow(c, &three, {nullptr, nullptr, 3}));
        for (size_t l = 0; l < one.size(); ++l)
            for (const std::vector<LayerStats>* other : {&two, &three}) {
                EXPECT_EQ(one[l].grad_rms, (*other)[l].grad_rms) << act << " layer " << l + 1;
                EXPECT_EQ(one[l].act_mean, (*other)[l].act_mean) << act << " layer " << l + 1;
                EXPECT_EQ(one[l].act_std, (*other)[l].act_std) << act << " layer " << l + 1;
                EXPECT_EQ(one[l].dead_fraction, (*other)[l].dead_fraction) << act << " layer " << l + 1;
            }
    }
}

// The float path keeps values over powers of 2 of their own: a network whose gradient falls below the
// float range (sigmoid: σ' ≤ 1/4, so 0.25^100 ≈ 6e-61 at best over 100 layers) and one whose activations
// grow past it (ReLU, σ = 3 on 256 units: ×√(256·9/2) ≈ 34 a layer, 1e60 by layer 40) still give finite,
// nonzero figures, and the gradient's fall per layer matches its doubles' prediction.
TEST(Network, FiguresBeyondTheFloatRangeStayFiniteAndNonzero) {
    const std::vector<LayerStats> v = run(config("sigmoid", InitKind::Xavier, 100, 64, 16, 1));
    EXPECT_LT(v.front().grad_rms, 1e-45);
    EXPECT_GT(v.front().grad_rms, 0.0);
    FlowConfig big = config("relu", InitKind::Normal, 40, 256, 32, 1);
    big.init.sigma = 3.0;
    const std::vector<LayerStats> e = run(big);
    EXPECT_GT(e.back().act_std, 1e50);
    EXPECT_TRUE(std::isfinite(e.back().act_std));
    EXPECT_TRUE(std::isfinite(e.front().grad_rms));
    // ReLU's backward pass gains the same √(fan·σ²/2) per layer: from layer 40 back to layer 1, 34^39 ≈ 1e60
    const double fall = std::log10(e.front().grad_rms / e.back().grad_rms);
    EXPECT_NEAR(fall, 39 * std::log10(std::sqrt(256 * 9.0 / 2)), 3.0);
}

TEST(Network, ReluWithHeKeepsTheGradientScaleAcross30Layers) {
    const std::vector<LayerStats> l = run(config("relu", InitKind::He, 30, 256, 256, 1));
    for (const LayerStats& s : l) {
        EXPECT_GT(s.grad_rms / l.back().grad_rms, 0.5);
        EXPECT_LT(s.grad_rms / l.back().grad_rms, 2.0);
    }
    const std::vector<LayerStats> deep = run(config("relu", InitKind::He, 50, 256, 128, 2));
    EXPECT_GT(deep.front().grad_rms / deep.back().grad_rms, 0.33);
    EXPECT_LT(deep.front().grad_rms / deep.back().grad_rms, 3.0);
}

// With Var(w) = 1/fan_in (LeCun) the same argument gives half the variance per layer: the RMS falls by
// √2 a layer, so grad_rms(layer 1) / grad_rms(layer L) ≈ 2^(−(L−1)/2).
TEST(Network, ReluWithLecunLosesAFactorRootTwoPerLayer) {
    const int L = 30;
    const std::vector<LayerStats> l = run(config("relu", InitKind::Lecun, L, 256, 256, 1));
    const double ratio = l.front().grad_rms / l.back().grad_rms;
    const double expected = std::pow(2.0, -(L - 1) / 2.0);
    EXPECT_GT(ratio, expected / 3) << ratio << " vs " << expected;
    EXPECT_LT(ratio, expected * 3) << ratio << " vs " << expected;
}

// σ' ≤ 1/4: whatever the usual initialisation, the gradient shrinks by orders of magnitude.
TEST(Network, SigmoidVanishesWhateverTheInit) {
    for (InitKind init : {InitKind::Xavier, InitKind::He, InitKind::Lecun, InitKind::Normal, InitKind::Uniform}) {
        FlowConfig c = config("sigmoid", init, 30, 256, 128, 4);
        c.init.sigma = 0.1;  // normal: σ = 0.1
        c.init.a = 0.1;      // uniform: a = 0.1
        const std::vector<LayerStats> l = run(c);
        EXPECT_LT(l.front().grad_rms / l.back().grad_rms, 1e-6) << init_name(init);
    }
}

// tanh' ≈ 1 near 0 and Xavier nearly keeps the variance: the gradient roughly holds. It drifts down
// slowly (layer 1 has about a sixth of layer 30's) where sigmoid loses more than a factor 1e6.
TEST(Network, TanhWithXavierRoughlyHolds) {
    const std::vector<LayerStats> l = run(config("tanh", InitKind::Xavier, 30, 256, 256, 1));
    for (const LayerStats& s : l) {
        EXPECT_GT(s.grad_rms / l.back().grad_rms, 0.1);
        EXPECT_LT(s.grad_rms / l.back().grad_rms, 10.0);
    }
}

// Dying ReLU: a large negative bias puts every pre-activation below 0. The first layer still sees the
// N(0, 1) inputs (z ~ N(−3, 2): a unit is positive for 1.7 % of samples, so it dies on a batch of 64 in
// a third of the cases); from the third layer on the activations are too small to beat the bias.
TEST(Network, ALargeNegativeBiasKillsReluUnits) {
    const std::vector<LayerStats> l = run(config("relu", InitKind::He, 10, 128, 64, 5, -3.0));
    EXPECT_GT(l.front().dead_fraction, 0.2);
    for (size_t i = 2; i < l.size(); ++i) {
        EXPECT_EQ(l[i].dead_fraction, 1.0) << "layer " << i + 1;
        EXPECT_EQ(l[i].act_std, 0.0);
    }
    EXPECT_EQ(l.front().grad_rms, 0.0);  // nothing flows back through a dead layer
    // bias −1 (what the panel suggests trying) kills every unit by layer 4 at this size
    EXPECT_EQ(run(config("relu", InitKind::He, 10, 128, 64, 5, -1.0))[3].dead_fraction, 1.0);
    // with no bias, the first layer has (almost) no unit that is dead on all 64 samples
    EXPECT_LT(run(config("relu", InitKind::He, 10, 128, 64, 5, 0.0)).front().dead_fraction, 0.05);
}

TEST(Network, ReportsProgressAndStopsWhenCancelled) {
    const FlowConfig c = config("relu", InitKind::He, 8, 32, 16, 1);
    std::atomic<int> steps{0};
    std::vector<LayerStats> layers;
    ASSERT_TRUE(gradient_flow(c, &layers, {&steps, nullptr}));
    EXPECT_EQ(steps.load(), flow_steps(c));
    std::atomic<bool> cancel{true};
    std::vector<LayerStats> untouched = {LayerStats{1, 2, 3, 4}};
    EXPECT_FALSE(gradient_flow(c, &untouched, {nullptr, &cancel}));
    ASSERT_EQ(untouched.size(), 1u);
    EXPECT_EQ(untouched[0].grad_rms, 1.0);
}

TEST(Network, ConfigsCompareByEveryField) {
    FlowConfig a, b;
    EXPECT_TRUE(a == b);
    b.init.bias = -1.0;
    EXPECT_TRUE(a != b);
    b = a;
    b.params.v[0] = 0.5;
    EXPECT_FALSE(a == b);
}

}  // namespace
}  // namespace actlab::core
