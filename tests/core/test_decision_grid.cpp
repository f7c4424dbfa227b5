// The boundary at a temperature and the entropy map: the tempered outputs and entropies against an
// independent 60-digit reference (tests/reference/tempered_output.csv, made by
// make_tempered_output_reference.py with mpmath), every decision kept at every temperature, T = 1 the
// field as it always was, and the entropy growing with T at every grid point.
#include "core/decision_grid.h"
#include "core/training.h"
#include "reference_csv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

namespace actlab::core {
namespace {

constexpr double kTemperatures[] = {0.05, 0.2, 0.5, 1.0, 2.0, 5.0, 20.0};

struct RefRow {
    std::string name, output;
    double temperature;
    int cls;
    float logit;
    double value, field, entropy;
};

std::vector<RefRow> load_reference() {
    std::vector<RefRow> rows;
    for (const std::vector<std::string>& f :
         actlab::testing::reference_rows("tempered_output.csv", "case,output,temperature,class,logit,value,field,entropy")) {
        EXPECT_EQ(f.size(), 8u);
        if (f.size() != 8u) continue;
        rows.push_back({f[0], f[1], std::strtod(f[2].c_str(), nullptr), std::atoi(f[3].c_str()),
                        std::strtof(f[4].c_str(), nullptr), std::strtod(f[5].c_str(), nullptr),
                        std::strtod(f[6].c_str(), nullptr), std::strtod(f[7].c_str(), nullptr)});
    }
    return rows;
}

// Within `ulps` units in the last place of the reference rounded to a float (a subnormal's ulp near 0).
void expect_float_near(float got, double want, int ulps, const std::string& what) {
    const float w = static_cast<float>(want);
    const float ulp = std::nextafter(std::fabs(w), std::numeric_limits<float>::infinity()) - std::fabs(w);
    EXPECT_LE(std::fabs(static_cast<double>(got) - want), ulps * static_cast<double>(ulp)) << what << ": got " << got;
}

// The output as a grid holds it at T = 1, from a point's logits (what decision_grid's float pass gives).
void fill_output(Output output, DecisionGrid* grid) {
    grid->output.resize(grid->logits.rows(), grid->logits.cols());
    for (Eigen::Index p = 0; p < grid->logits.cols(); ++p) {
        const Eigen::ArrayXd z = grid->logits.col(p).cast<double>().array();
        switch (output) {
            case Output::Tanh: grid->output(0, p) = static_cast<float>(std::tanh(z[0])); break;
            case Output::Sigmoid: grid->output(0, p) = static_cast<float>(1.0 / (1.0 + std::exp(-z[0]))); break;
            case Output::Softmax: {
                const Eigen::ArrayXd e = (z - z.maxCoeff()).exp();
                grid->output.col(p) = (e / e.sum()).cast<float>().matrix();
                break;
            }
            case Output::Identity: grid->output(0, p) = static_cast<float>(z[0]); break;
        }
    }
}

TEST(TemperedOutput, MatchesTheMpmathReference) {
    const std::vector<RefRow> rows = load_reference();
    ASSERT_EQ(rows.size(), 160u);
    int checked = 0;
    for (size_t first = 0; first < rows.size();) {
        size_t end = first + 1;
        while (end < rows.size() && rows[end].name == rows[first].name && rows[end].output == rows[first].output &&
               rows[end].temperature == rows[first].temperature)
            ++end;
        const RefRow& r = rows[first];
        Output output = Output::Tanh;
        ASSERT_TRUE(find_output(r.output, &output)) << r.output;
        const int k_count = static_cast<int>(end - first);
        DecisionGrid grid;
        grid.n = 1;
        grid.logits.resize(k_count, 1);
        for (int k = 0; k < k_count; ++k) grid.logits(k, 0) = rows[first + k].logit;
        fill_output(output, &grid);
        FloatMatrix tempered;
        tempered_output(grid, output, r.temperature, &tempered);
        BoundaryField field, entropy;
        boundary_field(grid, output, 1.0, &field, r.temperature);
        entropy_field(grid, output, r.temperature, &entropy);
        ASSERT_EQ(entropy.layers, 1);
        ASSERT_EQ(field.layers, k_count >= 3 ? k_count : 1);
        const std::string what = r.name + " " + r.output + " at T = " + std::to_string(r.temperature);
        // At T = 1 the grid's own output (rounded once from double here, in float arithmetic for the
        // field's 2σ − 1 and p₁ − p₀): within a float's rounding of 1. Elsewhere computed from the
        // logits: within two ulps of the reference.
        for (int k = 0; k < k_count; ++k) {
            const RefRow& row = rows[first + k];
            if (r.temperature == 1.0) {
                EXPECT_NEAR(tempered(k, 0), row.value, 1.2e-7) << what;
                if (k < field.layers) {
                    EXPECT_NEAR(field.values[k], row.field, 2.4e-7) << what;
                }
            } else {
                expect_float_near(tempered(k, 0), row.value, 2, what + ", output " + std::to_string(k));
                if (k < field.layers) expect_float_near(field.values[k], row.field, 2, what + ", field " + std::to_string(k));
            }
        }
        // the entropy comes from the logits at every T, 1 included: e^-10000 from sure is 0, not NaN
        expect_float_near(entropy.values[0], r.entropy, 2, what + ", entropy");
        ++checked;
        first = end;
    }
    EXPECT_EQ(checked, 17 * 5);
}

// Trained for a few epochs, so that the grid holds a real boundary: tanh (Playground's default),
// sigmoid, a two-class softmax and three classes.
struct Case {
    const char* name;
    Output output;
    DatasetKind data;
};
constexpr Case kCases[] = {
    {"tanh", Output::Tanh, DatasetKind::Circle},
    {"sigmoid", Output::Sigmoid, DatasetKind::Xor},
    {"softmax, 2 classes", Output::Softmax, DatasetKind::Circle},
    {"softmax, 3 classes", Output::Softmax, DatasetKind::Blobs3},
};

DecisionGrid trained_grid(const Case& c, int epochs, int n, double scale_output = 1.0) {
    TrainConfig config = default_train_config();
    config.data.kind = c.data;
    config.output = c.output;
    config.loss = matching_loss(c.output);
    const Dataset data = make_dataset(config.data);
    std::string why;
    EXPECT_TRUE(check_train_config(config, data, &why)) << c.name << ": " << why;
    Training t(config, data);
    for (int e = 0; e < epochs; ++e) t.run_epoch();
    Mlp net = t.network();
    // larger output weights: logits far beyond ±50, where probabilities are 0 or 1 in any precision
    const LayerSlots& out = net.slots(net.layer_count() - 1);
    net.params().segment(out.weights, static_cast<Eigen::Index>(out.rows) * out.cols) *= scale_output;
    DecisionGrid grid;
    decision_grid(net, config.output, config.features, grid_over(data, n), false, &grid);
    return grid;
}

// The decision at point p: class 1 where the field's one layer is above 0 and class 0 below it, or
// the winning class; −1 on the line itself (0) or for a tie at the top.
int decision(const BoundaryField& f, Eigen::Index p) {
    const size_t points = static_cast<size_t>(f.n) * f.n;
    if (f.layers == 1) return f.values[p] > 0.0f ? 1 : f.values[p] < 0.0f ? 0 : -1;
    int best = 0;
    bool tie = false;
    for (int k = 1; k < f.layers; ++k) {
        const float v = f.values[k * points + p], top = f.values[best * points + p];
        if (v > top) best = k, tie = false;
        else if (v == top) tie = true;
    }
    return tie ? -1 : best;
}

// The same from the logits: the sign of z for one output, of z₁ − z₀ for two classes, argmax z for more.
int logit_decision(const DecisionGrid& g, Eigen::Index p) {
    if (g.logits.rows() <= 2) {
        const float z = g.logits.rows() == 1 ? g.logits(0, p) : g.logits(1, p) - g.logits(0, p);
        return z > 0.0f ? 1 : z < 0.0f ? 0 : -1;
    }
    Eigen::Index best = 0;
    const float top = g.logits.col(p).maxCoeff(&best);
    return (g.logits.col(p).array() == top).count() > 1 ? -1 : static_cast<int>(best);
}

TEST(BoundaryField, TemperatureKeepsEveryDecision) {
    for (const Case& c : kCases)
        for (double scale : {1.0, 100.0}) {
            const DecisionGrid grid = trained_grid(c, 30, 48, scale);
            const Eigen::Index points = grid.logits.cols();
            for (double t : kTemperatures) {
                BoundaryField f;
                boundary_field(grid, c.output, 1.0, &f, t);
                int decided = 0;
                for (Eigen::Index p = 0; p < points; ++p) {
                    const int want = logit_decision(grid, p);
                    if (want == -1) continue;  // on the line itself, or a tie
                    // at T = 1 the float output may round a near-tie to one (a field of 0, or equal p's)
                    const int got = decision(f, p);
                    if (t == 1.0 && got == -1) continue;
                    ASSERT_EQ(got, want) << c.name << ", output weights ×" << scale << ", T = " << t << ", point " << p;
                    ++decided;
                }
                EXPECT_GT(decided, points * 9 / 10) << c.name << " T = " << t;
            }
        }
}

TEST(BoundaryField, AtTemperatureOneIsTheOutputAsItWas) {
    for (const Case& c : kCases) {
        const DecisionGrid grid = trained_grid(c, 30, 32);
        const Eigen::Index points = grid.output.cols();
        BoundaryField at_one, plain;
        boundary_field(grid, c.output, 1.0, &at_one, 1.0);
        boundary_field(grid, c.output, 1.0, &plain);
        EXPECT_EQ(at_one.values, plain.values) << c.name;
        // the formulas of decision_grid.h on the grid's float output, bit for bit
        std::vector<float> want;
        if (grid.output.rows() >= 3) {
            for (Eigen::Index k = 0; k < grid.output.rows(); ++k)
                for (Eigen::Index p = 0; p < points; ++p) want.push_back(grid.output(k, p));
        } else {
            for (Eigen::Index p = 0; p < points; ++p)
                want.push_back(c.output == Output::Tanh      ? grid.output(0, p)
                               : c.output == Output::Sigmoid ? 2.0f * grid.output(0, p) - 1.0f
                                                             : grid.output(1, p) - grid.output(0, p));
        }
        EXPECT_EQ(at_one.values, want) << c.name;
        FloatMatrix tempered;
        tempered_output(grid, c.output, 1.0, &tempered);
        EXPECT_EQ(tempered, grid.output) << c.name;
    }
}

TEST(BoundaryField, TemperatureSharpensBelowOneAndWashesOutAbove) {
    const DecisionGrid grid = trained_grid(kCases[0], 30, 32);
    BoundaryField sharp, plain, washed;
    boundary_field(grid, Output::Tanh, 1.0, &sharp, 0.25);
    boundary_field(grid, Output::Tanh, 1.0, &plain);
    boundary_field(grid, Output::Tanh, 1.0, &washed, 4.0);
    for (size_t p = 0; p < plain.values.size(); ++p) {
        EXPECT_GE(std::fabs(sharp.values[p]), std::fabs(plain.values[p]) - 1e-6f) << p;
        EXPECT_LE(std::fabs(washed.values[p]), std::fabs(plain.values[p]) + 1e-6f) << p;
    }
}

TEST(EntropyField, GrowsWithTheTemperatureAtEveryPoint) {
    for (const Case& c : kCases)
        for (double scale : {1.0, 100.0}) {
            const DecisionGrid grid = trained_grid(c, 30, 40, scale);
            const Eigen::Index points = grid.logits.cols();
            BoundaryField below, above;
            entropy_field(grid, c.output, kTemperatures[0], &below);
            int strict = 0;
            for (size_t i = 1; i < std::size(kTemperatures); ++i) {
                entropy_field(grid, c.output, kTemperatures[i], &above);
                ASSERT_EQ(above.layers, 1);
                for (Eigen::Index p = 0; p < points; ++p) {
                    const float lo = below.values[p], hi = above.values[p];
                    ASSERT_TRUE(lo >= 0.0f && hi <= 1.0f) << c.name << " point " << p << ": " << lo << ", " << hi;
                    ASSERT_LE(lo, hi) << c.name << ", T from " << kTemperatures[i - 1] << " to " << kTemperatures[i]
                                      << ", point " << p;
                    // strictly where the prediction is neither sure in float (0) nor all but uniform
                    if (lo > 1e-30f && hi < 1.0f - 1e-6f) {
                        ASSERT_LT(lo, hi) << c.name << ", T from " << kTemperatures[i - 1] << " to "
                                          << kTemperatures[i] << ", point " << p;
                        ++strict;
                    }
                }
                std::swap(below, above);
            }
            EXPECT_GT(strict, points) << c.name;  // most points, at most steps of T
        }
}

TEST(EntropyField, IsOneWhereThePredictionIsUniformAndZeroWhereSure) {
    DecisionGrid grid;
    grid.n = 2;
    grid.logits.resize(3, 4);
    grid.logits << 0.0f, 1e30f, -4.0f, std::numeric_limits<float>::infinity(),  //
        0.0f, -1e30f, -4.0f, 0.0f,                                               //
        0.0f, 0.0f, -4.0f, -std::numeric_limits<float>::infinity();
    fill_output(Output::Softmax, &grid);
    BoundaryField h;
    entropy_field(grid, Output::Softmax, 0.05, &h);
    EXPECT_EQ(h.values, (std::vector<float>{1.0f, 0.0f, 1.0f, 0.0f}));  // ±inf (a float overflow) is sure too
    BoundaryField f;
    boundary_field(grid, Output::Softmax, 1.0, &f, 0.05);
    for (float v : f.values) EXPECT_FALSE(std::isnan(v));
    // one output: z = 0 is a coin toss at any T
    grid.logits.resize(1, 4);
    grid.logits << 0.0f, 500.0f, -500.0f, 1e-3f;
    fill_output(Output::Sigmoid, &grid);
    for (Output output : {Output::Tanh, Output::Sigmoid}) {
        entropy_field(grid, output, 0.05, &h);
        EXPECT_EQ(h.values[0], 1.0f);
        EXPECT_EQ(h.values[1], 0.0f);
        EXPECT_EQ(h.values[2], 0.0f);
        EXPECT_GT(h.values[3], 0.99f);
    }
}

TEST(EntropyField, ARegressionHasNoTemperatureAndNoEntropy) {
    DecisionGrid grid;
    grid.n = 2;
    grid.logits.resize(1, 4);
    grid.logits << -3.0f, 0.5f, 2.0f, 8.0f;
    grid.output = grid.logits;
    BoundaryField plain, warm, h;
    boundary_field(grid, Output::Identity, 4.0, &plain);
    boundary_field(grid, Output::Identity, 4.0, &warm, 3.0);
    EXPECT_EQ(plain.values, warm.values);
    FloatMatrix out;
    tempered_output(grid, Output::Identity, 3.0, &out);
    EXPECT_EQ(out, grid.output);
    entropy_field(grid, Output::Identity, 1.0, &h);
    EXPECT_EQ(h.layers, 0);
    EXPECT_TRUE(h.values.empty());
}

TEST(DecisionGrid, KeepsTheOutputLayersLogits) {
    for (const Case& c : kCases) {
        const DecisionGrid grid = trained_grid(c, 10, 12);
        ASSERT_EQ(grid.logits.rows(), grid.output.rows());
        ASSERT_EQ(grid.logits.cols(), grid.output.cols());
        DecisionGrid again = grid;
        fill_output(c.output, &again);  // the output function of the logits, in double
        EXPECT_TRUE(again.output.isApprox(grid.output, 1e-5f)) << c.name;
    }
}

}  // namespace
}  // namespace actlab::core
