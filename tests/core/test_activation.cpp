// The activation catalogue against an independent 60-digit reference (tests/reference/, made by
// make_activation_reference.py with mpmath), against finite differences, and for robustness.
#include "core/activation.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace ac = actlab::core;

namespace {

struct RefRow {
    std::string id;
    std::string param;  // empty when the function has none
    double x;
    double f;
    double df;
    int line;
};

std::vector<RefRow> load_reference() {
    const std::string path = std::string(ACTLAB_REFERENCE_DIR) + "/activations.csv";
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::vector<RefRow> rows;
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "id,param,x,f,df");
    int number = 1;
    while (std::getline(in, line)) {
        ++number;
        std::stringstream ss(line);
        RefRow row;
        std::string x, f, df;
        std::getline(ss, row.id, ',');
        std::getline(ss, row.param, ',');
        std::getline(ss, x, ',');
        std::getline(ss, f, ',');
        std::getline(ss, df, ',');
        row.x = std::strtod(x.c_str(), nullptr);
        row.f = std::strtod(f.c_str(), nullptr);
        row.df = std::strtod(df.c_str(), nullptr);
        row.line = number;
        rows.push_back(row);
    }
    return rows;
}

// Relative error where the true value is a normal double; elsewhere the result must be within
// the subnormal range of it (an absolute error below 2 × the smallest normal).
double error_against(double got, double want) {
    if (std::fabs(want) >= DBL_MIN) return std::fabs(got - want) / std::fabs(want);
    return std::fabs(got - want) < 2 * DBL_MIN ? 0.0 : INFINITY;
}

ac::ParamValues params_for(const ac::Activation& act, const std::string& text) {
    ac::ParamValues p = ac::default_params(act);
    if (!text.empty()) p.v[0] = std::strtod(text.c_str(), nullptr);
    return p;
}

}  // namespace

TEST(Catalogue, IdsAreUniqueAndParametersHaveSaneRanges) {
    std::set<std::string> ids;
    ASSERT_EQ(ac::activation_count(), 19);
    for (int i = 0; i < ac::activation_count(); ++i) {
        const ac::Activation& a = ac::activation(i);
        EXPECT_TRUE(ids.insert(a.id).second) << a.id;
        EXPECT_EQ(ac::find_activation(a.id), &a);
        EXPECT_EQ(ac::activation_index(a.id), i);
        ASSERT_LE(a.param_count, ac::kMaxParams);
        for (int k = 0; k < a.param_count; ++k) {
            const ac::Param& p = a.params[k];
            EXPECT_LE(p.min, p.def) << a.id;
            EXPECT_LE(p.def, p.max) << a.id;
            EXPECT_EQ(ac::param_index(a, p.name), k);
        }
        EXPECT_NE(a.about, nullptr);
        EXPECT_NE(a.formula, nullptr);
    }
    EXPECT_EQ(ac::find_activation("nope"), nullptr);
}

TEST(Catalogue, MatchesTheHighPrecisionReference) {
    const std::vector<RefRow> rows = load_reference();
    ASSERT_GT(rows.size(), 10000u);
    std::set<std::string> covered;
    double worst = 0.0;
    for (const RefRow& r : rows) {
        const ac::Activation* act = ac::find_activation(r.id);
        ASSERT_NE(act, nullptr) << "line " << r.line << ": unknown id " << r.id;
        covered.insert(r.id);
        const ac::ParamValues p = params_for(*act, r.param);
        const double f = act->f(r.x, p.v);
        const double df = act->df(r.x, p.v);
        const double ef = error_against(f, r.f);
        const double edf = error_against(df, r.df);
        EXPECT_LE(ef, 1e-13) << r.id << "(" << r.param << ") f at x = " << r.x << ": got " << f
                             << ", want " << r.f << " (line " << r.line << ")";
        EXPECT_LE(edf, 1e-13) << r.id << "(" << r.param << ") f' at x = " << r.x << ": got " << df
                              << ", want " << r.df << " (line " << r.line << ")";
        worst = std::max({worst, ef, edf});
    }
    EXPECT_EQ(static_cast<int>(covered.size()), ac::activation_count());
    std::printf("worst relative error over %zu reference rows: %.3g\n", rows.size(), worst);
}

TEST(Catalogue, TailsThatTextbookFormulasGetWrong) {
    const double none[2] = {0, 0};
    const double one[2] = {1, 0};
    // Values from the mpmath reference, rounded to 10 digits; the full comparison is above.
    EXPECT_NEAR(ac::find_activation("tanh")->df(20, none) / 1.699341702e-17, 1.0, 1e-9);
    EXPECT_NEAR(ac::find_activation("sigmoid")->df(50, none) / 1.928749848e-22, 1.0, 1e-9);
    EXPECT_NEAR(ac::find_activation("gelu")->f(-10, none) / -7.619853024e-23, 1.0, 1e-9);
    EXPECT_EQ(ac::find_activation("softplus")->f(1000, one), 1000.0);
}

TEST(Catalogue, KinksFollowPyTorch) {
    const double none[2] = {0, 0};
    const double a01[2] = {0.1, 0};
    EXPECT_EQ(ac::find_activation("relu")->df(0, none), 0.0);
    EXPECT_EQ(ac::find_activation("leaky_relu")->df(0, a01), 0.1);
    EXPECT_EQ(ac::find_activation("prelu")->df(0, a01), 0.1);
    EXPECT_EQ(ac::find_activation("hardtanh")->df(1, none), 0.0);
    EXPECT_EQ(ac::find_activation("hardtanh")->df(-1, none), 0.0);
    EXPECT_EQ(ac::find_activation("hardswish")->df(-3, none), -0.5);
    EXPECT_EQ(ac::find_activation("hardswish")->df(3, none), 1.5);
    EXPECT_EQ(ac::find_activation("hardsigmoid")->df(3, none), 0.0);
    EXPECT_EQ(ac::find_activation("hardsigmoid")->df(-3, none), 0.0);
    const double a05[2] = {0.5, 0};
    const double a2[2] = {2.0, 0};
    EXPECT_EQ(ac::find_activation("elu")->df(0, a05), 0.5);   // α
    EXPECT_EQ(ac::find_activation("celu")->df(0, a2), 1.0);   // e^(0/α)
    EXPECT_EQ(ac::find_activation("selu")->df(0, none), 1.0507009873554804934193349852946 * 1.6732632423543772848170429916717);
}

// Central differences: f'(x) ≈ (f(x+h) - f(x-h)) / 2h, error O(h²) plus rounding O(ε|f|/h).
TEST(Catalogue, DerivativesMatchFiniteDifferences) {
    for (int i = 0; i < ac::activation_count(); ++i) {
        const ac::Activation& a = ac::activation(i);
        for (int variant = 0; variant < 3; ++variant) {
            ac::ParamValues p = ac::default_params(a);
            if (a.param_count > 0 && variant > 0) {
                const ac::Param& q = a.params[0];
                p.v[0] = variant == 1 ? q.min + 0.3 * (q.max - q.min) : q.max;
                if (p.v[0] == 0.0) p.v[0] = 0.5;
            }
            for (double x = -8.0; x <= 8.0; x += 0.173) {
                const double h = 1e-5;
                const double fd = (a.f(x + h, p.v) - a.f(x - h, p.v)) / (2 * h);
                const double df = a.df(x, p.v);
                EXPECT_NEAR(df, fd, 1e-7 * (1 + std::fabs(df)))
                    << a.id << " α/β = " << p.v[0] << " at x = " << x;
            }
        }
    }
}

TEST(Catalogue, VectorisedPathEqualsScalarPath) {
    // a fine sweep, the kinks, and extremes; at the parameters' ends and defaults
    std::vector<double> xs = {-1e300, 1e300, -DBL_MAX, 0.0, -0.0, 1.0, -1.0, 3.0, -3.0, 1e-310, -1e-310};
    for (int i = 0; i <= 8000; ++i) xs.push_back(-40.0 + 0.01 * i);
    for (int i = 0; i <= 2000; ++i) xs.push_back(-1000.0 + i);
    const Eigen::ArrayXd x = Eigen::Map<const Eigen::ArrayXd>(xs.data(), static_cast<Eigen::Index>(xs.size()));
    for (int i = 0; i < ac::activation_count(); ++i) {
        const ac::Activation& a = ac::activation(i);
        std::vector<ac::ParamValues> settings = {ac::default_params(a)};
        if (a.param_count > 0) {
            settings.push_back(settings[0]);
            settings.back().v[0] = a.params[0].min;
            settings.push_back(settings[0]);
            settings.back().v[0] = a.params[0].max;
        }
        for (const ac::ParamValues& p : settings) {
            Eigen::ArrayXd y, dy;
            ac::evaluate(a, p.v, x, &y, &dy);
            for (Eigen::Index k = 0; k < x.size(); ++k) {
                // equal, and with the same sign of zero
                ASSERT_EQ(y[k], a.f(x[k], p.v)) << a.id << " α/β = " << p.v[0] << " at " << x[k];
                ASSERT_EQ(dy[k], a.df(x[k], p.v)) << a.id << " α/β = " << p.v[0] << " at " << x[k];
                ASSERT_EQ(std::signbit(y[k]), std::signbit(a.f(x[k], p.v))) << a.id << " at " << x[k];
            }
        }
    }
}

TEST(Catalogue, NoNanOrInfForAnyFiniteInput) {
    const double xs[] = {0.0, -0.0, DBL_MIN, -DBL_MIN, 4.9e-324, -4.9e-324, 1e-300, -1e-300, 1e-10,
                         -1e-10, 0.5, -0.5, 20, -20, 37, -37, 50, -50, 100, -100, 709.78, -709.78,
                         745.2, -745.2, 1000, -1000, 1e5, -1e5, 1e100, -1e100, 1e200, -1e200,
                         1e300, -1e300, DBL_MAX, -DBL_MAX};
    for (int i = 0; i < ac::activation_count(); ++i) {
        const ac::Activation& a = ac::activation(i);
        std::vector<ac::ParamValues> settings = {ac::default_params(a)};
        for (int k = 0; k < a.param_count; ++k) {
            ac::ParamValues lo = ac::default_params(a), hi = lo;
            lo.v[k] = a.params[k].min;
            hi.v[k] = a.params[k].max;
            settings.push_back(lo);
            settings.push_back(hi);
        }
        for (const ac::ParamValues& p : settings) {
            for (double x : xs) {
                EXPECT_TRUE(std::isfinite(a.f(x, p.v))) << a.id << " f(" << x << ") α/β = " << p.v[0];
                EXPECT_TRUE(std::isfinite(a.df(x, p.v))) << a.id << " f'(" << x << ") α/β = " << p.v[0];
            }
        }
    }
}

// ---- evaluate_block: the trainer's path ----------------------------------------------------------

TEST(EvaluateBlock, EqualsTheCatalogueExactlyOrWithinFourUlpsForTanhAndSigmoid) {
    // x over [-40, 40] on a fine grid, the small-|x| window of the tanh series and its edge, and tails
    std::vector<double> xs;
    for (int i = -40000; i <= 40000; ++i) xs.push_back(i * 1e-3);
    for (double x : {1e-300, -1e-300, 1e-10, 0.3749999, 0.375, 0.3750001, -0.375, 100.0, -100.0, 700.0, -700.0, 1e300})
        xs.push_back(x);
    for (int i = 0; i < ac::activation_count(); ++i) {
        const ac::Activation& a = ac::activation(i);
        const ac::ParamValues p = ac::default_params(a);
        const bool fused = std::string(a.id) == "tanh" || std::string(a.id) == "sigmoid";
        // odd sizes so the padded last packet is exercised too
        for (int n : {1, 3, 10, 17, static_cast<int>(xs.size())}) {
            std::vector<double> y(n), dy(n);
            ac::evaluate_block(a, p.v, xs.data(), y.data(), dy.data(), n);
            for (int k = 0; k < n; ++k) {
                const double f = a.f(xs[k], p.v), df = a.df(xs[k], p.v);
                if (!fused) {
                    ASSERT_EQ(y[k], f) << a.id << " at " << xs[k];
                    ASSERT_EQ(dy[k], df) << a.id << "' at " << xs[k];
                    continue;
                }
                ASSERT_LE(std::fabs(y[k] - f), 4.0 * std::fabs(std::nextafter(f, INFINITY) - f) + (std::fabs(f) < DBL_MIN ? DBL_MIN : 0.0))
                    << a.id << " at " << xs[k] << ": " << y[k] << " vs " << f;
                ASSERT_LE(std::fabs(dy[k] - df), 4.0 * std::fabs(std::nextafter(df, INFINITY) - df) + (std::fabs(df) < DBL_MIN ? DBL_MIN : 0.0))
                    << a.id << "' at " << xs[k] << ": " << dy[k] << " vs " << df;
            }
        }
    }
}

TEST(EvaluateBlock, TanhAndSigmoidMatchTheHighPrecisionReference) {
    double worst = 0.0;
    for (const RefRow& row : load_reference()) {
        if (row.id != "tanh" && row.id != "sigmoid") continue;
        const ac::Activation& a = *ac::find_activation(row.id);
        double y = 0, dy = 0;
        ac::evaluate_block(a, nullptr, &row.x, &y, &dy, 1);
        for (const auto& [got, want] : {std::pair{y, row.f}, std::pair{dy, row.df}}) {
            if (std::fabs(want) < DBL_MIN) continue;  // subnormal truth: only the catalogue's rescaled path tries
            const double rel = std::fabs(got - want) / std::fabs(want);
            worst = std::max(worst, rel);
            EXPECT_LE(rel, 5e-16) << row.id << " at x = " << row.x << " (line " << row.line << ")";
        }
    }
    std::printf("evaluate_block: worst relative error of tanh and sigmoid against the reference: %.3g\n", worst);
}

TEST(FloatForms, AgreeWithTheCatalogueToSinglePrecision) {
    std::vector<float> xs;
    for (int i = -20000; i <= 20000; ++i) xs.push_back(static_cast<float>(i * 1e-3));
    for (float x : {1e-30f, -1e-30f, 50.0f, -50.0f, 100.0f, -100.0f, 3e38f, -3e38f}) xs.push_back(x);
    const int n = static_cast<int>(xs.size());
    for (int i = 0; i < ac::activation_count(); ++i) {
        const ac::Activation& a = ac::activation(i);
        const ac::ParamValues p = ac::default_params(a);
        std::vector<float> y(n);
        ac::float_function(a)(a, p.v, xs.data(), y.data(), n);
        for (int k = 0; k < n; ++k) {
            const double want = a.f(static_cast<double>(xs[k]), p.v);
            if (!std::isfinite(static_cast<float>(want))) continue;  // beyond the float range
            ASSERT_LE(std::fabs(y[k] - want), 3e-7 * std::fabs(want) + 1e-37) << a.id << " at " << xs[k];
        }
    }
}
