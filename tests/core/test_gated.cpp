// Gated units against an independent 60-digit reference (tests/reference/gated.csv, made by
// make_gated_reference.py with mpmath), their partials against finite differences, the surface against
// the scalar path, the flat-zone rule, and the feed-forward block's counts.
#include "core/gated.h"
#include "reference_csv.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace ac = actlab::core;

namespace {

struct RefRow {
    std::string gate, param;
    double a, b, g, dg_da, dg_db;
    int line;
};

std::vector<RefRow> load_reference() {
    std::vector<RefRow> rows;
    int line = 1;
    for (const std::vector<std::string>& f :
         actlab::testing::reference_rows("gated.csv", "gate,param,a,b,g,dg_da,dg_db")) {
        ++line;
        EXPECT_EQ(f.size(), 7u) << "line " << line;
        if (f.size() != 7u) continue;
        rows.push_back({f[0], f[1], std::strtod(f[2].c_str(), nullptr), std::strtod(f[3].c_str(), nullptr),
                        std::strtod(f[4].c_str(), nullptr), std::strtod(f[5].c_str(), nullptr),
                        std::strtod(f[6].c_str(), nullptr), line});
    }
    return rows;
}

// As test_activation.cpp: relative error where the true value is a normal double; elsewhere the
// result must be within the subnormal range of it (an absolute error below 2 × the smallest normal).
double error_against(double got, double want) {
    if (std::fabs(want) >= DBL_MIN) return std::fabs(got - want) / std::fabs(want);
    return std::fabs(got - want) < 2 * DBL_MIN ? 0.0 : INFINITY;
}

ac::Gate gate_for(const std::string& id, const std::string& param) {
    ac::Gate gate;
    gate.activation = ac::activation_index(id);
    EXPECT_GE(gate.activation, 0) << id;
    if (gate.activation < 0) return ac::Gate{};
    gate.params = ac::default_params(ac::activation(gate.activation));
    if (!param.empty()) gate.params.v[0] = std::strtod(param.c_str(), nullptr);
    return gate;
}

// Every catalogue entry at its defaults, and at its first parameter's ends where it has one.
std::vector<ac::Gate> every_gate() {
    std::vector<ac::Gate> gates;
    for (int i = 0; i < ac::activation_count(); ++i) {
        const ac::Activation& act = ac::activation(i);
        ac::Gate gate{i, ac::default_params(act)};
        gates.push_back(gate);
        if (act.param_count == 0) continue;
        for (double v : {act.params[0].min, act.params[0].max}) {
            gate.params.v[0] = v;
            gates.push_back(gate);
        }
    }
    return gates;
}

}  // namespace

// ---- the named variants ---------------------------------------------------------------------

TEST(GatedVariants, TableListsTheSixWithGatesFromTheCatalogue) {
    const char* const ids[] = {"glu", "swiglu", "geglu", "geglu_tanh", "reglu", "bilinear"};
    const char* const gates[] = {"sigmoid", "silu", "gelu", "gelu_tanh", "relu", "identity"};
    ASSERT_EQ(ac::gated_variant_count(), 6);
    for (int i = 0; i < ac::gated_variant_count(); ++i) {
        const ac::GatedVariant& v = ac::gated_variant(i);
        EXPECT_STREQ(v.id, ids[i]);
        EXPECT_STREQ(v.gate, gates[i]);
        EXPECT_EQ(ac::find_gated_variant(v.id), &v);
        EXPECT_NE(v.label, nullptr);
        EXPECT_NE(v.used_in, nullptr);
        const ac::Gate gate = ac::variant_gate(v);
        ASSERT_EQ(gate.activation, ac::activation_index(v.gate)) << v.id;
        const ac::ParamValues defaults = ac::default_params(ac::activation(gate.activation));
        EXPECT_EQ(gate.params.v[0], defaults.v[0]);
        EXPECT_EQ(gate.params.v[1], defaults.v[1]);
    }
    EXPECT_EQ(ac::find_gated_variant("nope"), nullptr);
    EXPECT_EQ(ac::find_gated_variant("silu"), nullptr);  // a catalogue id, not a variant
}

// ---- one gated unit -------------------------------------------------------------------------

TEST(GatedUnit, MatchesTheHighPrecisionReference) {
    const std::vector<RefRow> rows = load_reference();
    ASSERT_GT(rows.size(), 5000u);
    std::set<std::string> covered;  // "gate,param"
    double worst = 0.0;
    for (const RefRow& r : rows) {
        const ac::Gate gate = gate_for(r.gate, r.param);
        covered.insert(r.gate + "," + r.param);
        const double got[3] = {ac::gated_g(gate, r.a, r.b), ac::gated_dg_da(gate, r.a, r.b),
                               ac::gated_dg_db(gate, r.a, r.b)};
        const double want[3] = {r.g, r.dg_da, r.dg_db};
        const char* const names[3] = {"g", "dg/da", "dg/db"};
        for (int k = 0; k < 3; ++k) {
            const double e = error_against(got[k], want[k]);
            EXPECT_LE(e, 1e-13) << r.gate << "(" << r.param << ") " << names[k] << " at a = " << r.a
                                << ", b = " << r.b << ": got " << got[k] << ", want " << want[k] << " (line "
                                << r.line << ")";
            worst = std::max(worst, e);
        }
    }
    // every named variant's gate at its defaults, and the gates at other parameters
    for (int i = 0; i < ac::gated_variant_count(); ++i)
        EXPECT_EQ(covered.count(std::string(ac::gated_variant(i).gate) + ","), 1u) << ac::gated_variant(i).id;
    for (const char* other : {"swish,1.7", "leaky_relu,0.1", "elu,0.5"}) EXPECT_EQ(covered.count(other), 1u) << other;
    std::printf("worst relative error over %zu reference rows: %.3g\n", rows.size(), worst);
}

TEST(GatedUnit, KinksFollowTheCatalogue) {
    // ReGLU at a = 0: relu'(0) = 0 (PyTorch's choice), so ∂g/∂a = 0 whatever b
    const ac::Gate reglu = ac::variant_gate(*ac::find_gated_variant("reglu"));
    EXPECT_EQ(ac::gated_dg_da(reglu, 0.0, 3.0), 0.0);
    EXPECT_EQ(ac::gated_dg_db(reglu, 0.0, 3.0), 0.0);
    const ac::Gate leaky = gate_for("leaky_relu", "0.1");
    EXPECT_EQ(ac::gated_dg_da(leaky, 0.0, 3.0), 0.1 * 3.0);   // α · b
    const ac::Gate elu = gate_for("elu", "0.5");
    EXPECT_EQ(ac::gated_dg_da(elu, 0.0, -2.0), 0.5 * -2.0);   // α · b
}

// Central differences in long double: ∂g/∂a ≈ (g(a + h, b) − g(a − h, b)) / (a + h − (a − h)), with the
// step as the doubles a ± h actually are; error O(h²) plus rounding O(ε|g|/h). Away from kinks.
TEST(GatedUnit, PartialsMatchFiniteDifferences) {
    const double h = 1e-5;
    const double bs[] = {-7.0, -1.0, -0.3, 0.3, 1.0, 2.5};
    for (const ac::Gate& gate : every_gate()) {
        const ac::Activation& act = ac::activation(gate.activation);
        for (double a = -8.0; a <= 8.0; a += 0.173) {
            bool near_kink = false;
            for (int k = 0; k < act.kinks.count; ++k) near_kink |= std::fabs(a - act.kinks.at[k]) < 4 * h;
            if (near_kink) continue;
            for (double b : bs) {
                const double ap = a + h, am = a - h, bp = b + h, bm = b - h;
                const long double fd_a = (static_cast<long double>(ac::gated_g(gate, ap, b)) - ac::gated_g(gate, am, b)) /
                                         (static_cast<long double>(ap) - am);
                const long double fd_b = (static_cast<long double>(ac::gated_g(gate, a, bp)) - ac::gated_g(gate, a, bm)) /
                                         (static_cast<long double>(bp) - bm);
                const double da = ac::gated_dg_da(gate, a, b), db = ac::gated_dg_db(gate, a, b);
                EXPECT_NEAR(da, static_cast<double>(fd_a), 1e-7 * (1 + std::fabs(da) + std::fabs(b)))
                    << act.id << " α/β = " << gate.params.v[0] << " at a = " << a << ", b = " << b;
                EXPECT_NEAR(db, static_cast<double>(fd_b), 1e-7 * (1 + std::fabs(db)))
                    << act.id << " α/β = " << gate.params.v[0] << " at a = " << a << ", b = " << b;
            }
        }
    }
}

TEST(GatedUnit, UngatedDerivativeIsTheCatalogueSlopeAndTheGatedOneAtBOne) {
    for (const ac::Gate& gate : every_gate()) {
        const ac::Activation& act = ac::activation(gate.activation);
        for (double a = -12.0; a <= 12.0; a += 0.37) {
            EXPECT_EQ(ac::ungated_derivative(gate, a), act.df(a, gate.params.v)) << act.id << " at " << a;
            EXPECT_EQ(ac::ungated_derivative(gate, a), ac::gated_dg_da(gate, a, 1.0)) << act.id << " at " << a;
            EXPECT_EQ(ac::gated_g(gate, a, 1.0), act.f(a, gate.params.v)) << act.id << " at " << a;
        }
    }
}

// ---- the surface ----------------------------------------------------------------------------

TEST(GatedSurface, EqualsTheScalarPathBitForBit) {
    // a: a fine sweep, the kinks, tiny and huge values, signed zeros; b likewise. Odd sizes, so the
    // vectorised columns end in a partial packet.
    std::vector<double> as = {0.0, -0.0, 1e-310, -1e-310, 1e-300, -1e-300, 3.0, -3.0, 1.0, -1.0,
                              500.0, -500.0, 750.0, -750.0, 1e300, -1e300};
    for (int i = 0; i <= 801; ++i) as.push_back(-40.0 + 0.1 * i);
    const std::vector<double> bs = {0.0, -0.0, 1e-300, -1e-300, 0.3, -0.3, 1.0, -1.0, 7.0, -1e3, 1e3, 2.5, -2.5};
    const Eigen::ArrayXd a = Eigen::Map<const Eigen::ArrayXd>(as.data(), static_cast<Eigen::Index>(as.size()));
    const Eigen::ArrayXd b = Eigen::Map<const Eigen::ArrayXd>(bs.data(), static_cast<Eigen::Index>(bs.size()));
    ac::GatedSurface s;
    for (const ac::Gate& gate : every_gate()) {
        const ac::Activation& act = ac::activation(gate.activation);
        ac::gated_surface(gate, a, b, &s);
        ASSERT_EQ(s.g.rows(), a.size());
        ASSERT_EQ(s.g.cols(), b.size());
        ASSERT_EQ(s.dg_da.rows(), a.size());
        ASSERT_EQ(s.dg_db.cols(), b.size());
        for (Eigen::Index j = 0; j < b.size(); ++j) {
            for (Eigen::Index i = 0; i < a.size(); ++i) {
                const double want[3] = {ac::gated_g(gate, a[i], b[j]), ac::gated_dg_da(gate, a[i], b[j]),
                                        ac::gated_dg_db(gate, a[i], b[j])};
                const double got[3] = {s.g(i, j), s.dg_da(i, j), s.dg_db(i, j)};
                for (int k = 0; k < 3; ++k) {
                    // equal, and with the same sign of zero
                    ASSERT_EQ(got[k], want[k]) << act.id << " field " << k << " at a = " << a[i] << ", b = " << b[j];
                    ASSERT_EQ(std::signbit(got[k]), std::signbit(want[k]))
                        << act.id << " field " << k << " at a = " << a[i] << ", b = " << b[j];
                }
            }
        }
    }
}

TEST(GatedSurface, EmptyAxesGiveEmptyFields) {
    ac::GatedSurface s;
    ac::gated_surface(ac::variant_gate(ac::gated_variant(0)), Eigen::ArrayXd(0), Eigen::ArrayXd::Ones(3), &s);
    EXPECT_EQ(s.g.rows(), 0);
    EXPECT_EQ(s.g.cols(), 3);
}

// ---- where both partials vanish -------------------------------------------------------------

TEST(GatedFlat, IsBothPartialsBelowTheThreshold) {
    for (const ac::Gate& gate : every_gate()) {
        for (double t : {ac::kDefaultSaturation, 1e-3, 0.5}) {
            for (double a = -10.0; a <= 10.0; a += 0.29) {
                for (double b = -3.0; b <= 3.0; b += 0.11) {
                    const bool want = std::fabs(ac::gated_dg_da(gate, a, b)) < t && std::fabs(ac::gated_dg_db(gate, a, b)) < t;
                    ASSERT_EQ(ac::gated_flat(gate, a, b, t), want) << ac::activation(gate.activation).id << " at " << a << ", " << b;
                    if (t == ac::kDefaultSaturation) {
                        ASSERT_EQ(ac::gated_flat(gate, a, b), want);  // the default threshold
                    }
                }
            }
        }
    }
}

TEST(GatedFlat, WhereEachVariantIsFlat) {
    const auto gate = [](const char* id) { return ac::variant_gate(*ac::find_gated_variant(id)); };
    // ReGLU: both partials are exactly 0 over the whole half-plane a < 0 (and at a = 0, where relu'(0) = 0)
    for (double a : {-1e3, -5.0, -0.01, 0.0})
        for (double b : {-1e3, -1.0, 0.0, 2.0, 1e3}) EXPECT_TRUE(ac::gated_flat(gate("reglu"), a, b)) << a << ", " << b;
    // for a > 0, ∂g/∂a = b and ∂g/∂b = a: flat only near the origin
    EXPECT_TRUE(ac::gated_flat(gate("reglu"), 0.01, 0.01));
    EXPECT_FALSE(ac::gated_flat(gate("reglu"), 0.01, 1.0));
    EXPECT_FALSE(ac::gated_flat(gate("reglu"), 0.1, 0.0));
    // Bilinear: ∂g/∂a = b and ∂g/∂b = a, so flat exactly on the square |a|, |b| < threshold
    EXPECT_TRUE(ac::gated_flat(gate("bilinear"), 0.049, -0.049));
    EXPECT_FALSE(ac::gated_flat(gate("bilinear"), 0.05, 0.0));
    EXPECT_FALSE(ac::gated_flat(gate("bilinear"), 0.0, -0.05));
    // GLU: with the gate shut (σ(−10) ≈ 4.5e-5) a moderate b passes nothing; with it open ∂g/∂b ≈ 1
    EXPECT_TRUE(ac::gated_flat(gate("glu"), -10.0, 2.0));
    EXPECT_FALSE(ac::gated_flat(gate("glu"), -10.0, 2e3));    // ∂g/∂a = σ'(−10) · b ≈ 0.09: b revives it
    EXPECT_FALSE(ac::gated_flat(gate("glu"), 10.0, 0.0));
    // SwiGLU at its dip a ≈ −1.278 (silu' = 0): ∂g/∂b = silu(a) ≈ −0.278 keeps it from being flat
    EXPECT_FALSE(ac::gated_flat(gate("swiglu"), -1.2784645427610738, 1.0));
}

TEST(GatedFlat, OverASurfaceIsThePointRule) {
    const Eigen::ArrayXd a = Eigen::ArrayXd::LinSpaced(161, -8.0, 8.0);
    const Eigen::ArrayXd b = Eigen::ArrayXd::LinSpaced(61, -3.0, 3.0);
    ac::GatedSurface s;
    for (int v = 0; v < ac::gated_variant_count(); ++v) {
        const ac::Gate gate = ac::variant_gate(ac::gated_variant(v));
        ac::gated_surface(gate, a, b, &s);
        for (double t : {ac::kDefaultSaturation, 0.2}) {
            const auto flat = ac::gated_flat(s, t);
            ASSERT_EQ(flat.rows(), a.size());
            ASSERT_EQ(flat.cols(), b.size());
            int count = 0;
            for (Eigen::Index j = 0; j < b.size(); ++j)
                for (Eigen::Index i = 0; i < a.size(); ++i) {
                    ASSERT_EQ(flat(i, j), ac::gated_flat(gate, a[i], b[j], t)) << ac::gated_variant(v).id;
                    count += flat(i, j);
                }
            EXPECT_GT(count, 0) << ac::gated_variant(v).id;  // every variant has some flat zone here
        }
    }
    ac::gated_surface(ac::variant_gate(ac::gated_variant(0)), a, b, &s);
    EXPECT_EQ(ac::gated_flat(s).count(), ac::gated_flat(s, ac::kDefaultSaturation).count());
}

// ---- the feed-forward block -----------------------------------------------------------------

struct Widths {
    std::int64_t d, d_ff;
};
// BERT-base/T5-base-like, GPT-2 small, LLaMA-7B, Mistral-7B, a tiny and an odd one
const Widths kBlocks[] = {{512, 2048}, {768, 3072}, {4096, 11008}, {4096, 14336}, {1, 1}, {3, 7}};

TEST(FeedForward, StandardBlockIsTwoMatricesOfDTimesDff) {
    for (const Widths& w : kBlocks) {
        const ac::FeedForwardCount c = ac::standard_block(w.d, w.d_ff);
        EXPECT_EQ(c.params, 2 * w.d * w.d_ff);
        EXPECT_EQ(c.params_with_biases, 2 * w.d * w.d_ff + w.d_ff + w.d);
        EXPECT_EQ(c.flops, 2 * (w.d_ff * w.d) + 2 * (w.d * w.d_ff));  // two matrix-vector products
        EXPECT_EQ(c.flops, 2 * c.params);
        EXPECT_EQ(c.activations, w.d_ff);
    }
}

TEST(FeedForward, GatedBlockIsThreeMatricesAndTheProduct) {
    for (const Widths& w : kBlocks) {
        const ac::FeedForwardCount c = ac::gated_block(w.d, w.d_ff);
        EXPECT_EQ(c.params, 3 * w.d * w.d_ff);
        EXPECT_EQ(c.params_with_biases, 3 * w.d * w.d_ff + 2 * w.d_ff + w.d);
        EXPECT_EQ(c.flops, 3 * 2 * w.d * w.d_ff + w.d_ff);  // three matrix-vector products and a ⊙ b
        EXPECT_EQ(c.activations, w.d_ff);
    }
    // the figures, worked by hand
    EXPECT_EQ(ac::standard_block(512, 2048).params, 2097152);
    EXPECT_EQ(ac::standard_block(768, 3072).params, 4718592);
    EXPECT_EQ(ac::gated_block(4096, 11008).params, 135266304);         // per layer of LLaMA-7B
    EXPECT_EQ(ac::gated_block(4096, 11008).flops, 270532608 + 11008);  // 6·d·d_ff + d_ff
    EXPECT_EQ(ac::gated_block(4096, 14336).params, 176160768);         // per layer of Mistral-7B
    EXPECT_EQ(ac::gated_block(4096, 14336).flops, 352321536 + 14336);
}

TEST(FeedForward, TwoThirdsOfFourDGivesEqualParametersWhenThreeDividesD) {
    // Shazeer 2020 at d = 768: a standard block of 4d = 3072 against a gated one of 2048
    EXPECT_EQ(ac::gated_hidden_width(768, 8, 3, 1), 2048);
    EXPECT_EQ(2 * 768 * 3072, 3 * 768 * 2048);
    EXPECT_EQ(ac::gated_block(768, 2048).params, ac::standard_block(768, 3072).params);
    for (std::int64_t d = 1; d <= 3000; ++d) {
        const std::int64_t d_ff = ac::gated_hidden_width(d, 8, 3, 1);  // ⌈8d/3⌉
        const std::int64_t standard = ac::standard_block(d, 4 * d).params;
        if (d % 3 == 0) {
            ASSERT_EQ(d_ff * 3, 8 * d);
            ASSERT_EQ(ac::gated_block(d, d_ff).params, standard) << d;
            // the same weights cost the same multiply-adds; the gate's products come on top
            ASSERT_EQ(ac::gated_block(d, d_ff).flops, ac::standard_block(d, 4 * d).flops + d_ff) << d;
        } else {
            // 8d/3 is not a whole number: ⌈8d/3⌉ overshoots and one less falls short
            ASSERT_GT(ac::gated_block(d, d_ff).params, standard) << d;
            ASSERT_LT(ac::gated_block(d, d_ff - 1).params, standard) << d;
        }
    }
}

TEST(FeedForward, LlamaHiddenWidthsComeFromTheRuleRoundedTo256) {
    // ⌈⅔ · 4 · 4096 = 10922.67⌉ to a multiple of 256: 43 × 256 = 11008 (LLaMA-7B)
    EXPECT_EQ(ac::gated_hidden_width(4096, 8, 3, 256), 11008);
    EXPECT_EQ(ac::gated_hidden_width(5120, 8, 3, 256), 13824);  // LLaMA-13B
    EXPECT_EQ(ac::gated_hidden_width(6656, 8, 3, 256), 17920);  // LLaMA-33B
    EXPECT_EQ(ac::gated_hidden_width(8192, 8, 3, 256), 22016);  // LLaMA-65B
    // LLaMA's code takes int(2 · 4d / 3) and then rounds up; with a multiple divisible by 4 that is
    // the same as rounding 8d/3 up directly
    for (std::int64_t multiple : {4, 8, 64, 256})
        for (std::int64_t d = 1; d <= 20000; ++d) {
            const std::int64_t truncated = 2 * (4 * d) / 3;
            const std::int64_t llama = multiple * ((truncated + multiple - 1) / multiple);
            ASSERT_EQ(ac::gated_hidden_width(d, 8, 3, multiple), llama) << "d = " << d << ", multiple " << multiple;
        }
    // ... which is not so for every multiple: at 1, int() gives ⌊8d/3⌋
    EXPECT_EQ(ac::gated_hidden_width(4096, 8, 3, 1), 10923);
    EXPECT_EQ(2 * (4 * 4096) / 3, 10922);
}

TEST(FeedForward, MistralWidthIsNotTheTwoThirdsRule) {
    // Mistral-7B: d = 4096, d_ff = 14336 = 3.5 · 4096, wider than the rule's 11008
    EXPECT_EQ(ac::gated_hidden_width(4096, 7, 2, 256), 14336);
    EXPECT_NE(ac::gated_hidden_width(4096, 8, 3, 256), 14336);
    EXPECT_EQ(ac::gated_hidden_width(4096, 7, 2, 1), 14336);
    const ac::FeedForwardCount m = ac::gated_block(4096, 14336);
    EXPECT_EQ(m.params, 3 * std::int64_t{4096} * 14336);
    EXPECT_EQ(m.flops, 6 * std::int64_t{4096} * 14336 + 14336);
    // more weights than a standard block of 4d (3 · 3.5 = 10.5 d² against 8 d²)
    EXPECT_EQ(2 * m.params, 21 * std::int64_t{4096} * 4096);
    EXPECT_GT(m.params, ac::standard_block(4096, 4 * 4096).params);
}

TEST(FeedForward, RoundsUpToTheMultiple) {
    EXPECT_EQ(ac::gated_hidden_width(10, 1, 1, 1), 10);
    EXPECT_EQ(ac::gated_hidden_width(10, 1, 1, 4), 12);
    EXPECT_EQ(ac::gated_hidden_width(12, 1, 1, 4), 12);
    EXPECT_EQ(ac::gated_hidden_width(3, 8, 3, 8), 8);   // 8 exactly
    EXPECT_EQ(ac::gated_hidden_width(4, 8, 3, 8), 16);  // 10.67 → 16
    for (std::int64_t d = 1; d <= 500; ++d)
        for (std::int64_t multiple : {1, 3, 7, 32}) {
            const std::int64_t w = ac::gated_hidden_width(d, 8, 3, multiple);
            ASSERT_EQ(w % multiple, 0);
            ASSERT_GE(3 * w, 8 * d);                 // at least 8d/3
            ASSERT_LT(3 * (w - multiple), 8 * d);    // and the smallest such multiple
        }
}
