// Inside a training network (core/network_activity.h): the histograms of the hidden units' z against a
// forward pass written out here in plain loops, each point's own dloss/dz per layer against PyTorch
// (tests/reference/layer_gradient.csv, made by make_layer_gradient_reference.py), the update ratio
// against the weights before and after an epoch, and the history's thinning.
#include "core/network_activity.h"
#include "core/training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::core {
namespace {

// z and f'(z) of every hidden unit at every training point, straight from the weights and the
// catalogue's scalar f and df: z[l][u][n], dz likewise.
struct DirectPass {
    std::vector<std::vector<std::vector<double>>> z, dz;
};

DirectPass forward_by_hand(const Training& run) {
    const Mlp& net = run.network();
    const FeatureMatrix x = make_features(run.train_set().x, run.config().features);
    const int hidden = net.layer_count() - 1, n = static_cast<int>(x.cols());
    DirectPass out;
    out.z.resize(hidden);
    out.dz.resize(hidden);
    for (int l = 0; l < hidden; ++l) {
        out.z[l].assign(net.slots(l).rows, std::vector<double>(n));
        out.dz[l].assign(net.slots(l).rows, std::vector<double>(n));
    }
    for (int p = 0; p < n; ++p) {
        std::vector<double> a(x.rows());
        for (Eigen::Index i = 0; i < x.rows(); ++i) a[i] = x(i, p);
        for (int l = 0; l < hidden; ++l) {
            const LayerSlots& s = net.slots(l);
            const Activation& act = activation(net.spec().hidden[l].activation);
            ParamValues params = net.spec().hidden[l].params;
            if (s.alpha >= 0) params.v[0] = net.params()[s.alpha];  // PReLU's α as learned
            std::vector<double> next(s.rows);
            for (int u = 0; u < s.rows; ++u) {
                double z = net.biases(l)(u);
                for (int i = 0; i < s.cols; ++i) z += net.weights(l)(u, i) * a[i];
                out.z[l][u][p] = z;
                out.dz[l][u][p] = act.df(z, params.v);
                next[u] = act.f(z, params.v);
            }
            a = next;
        }
    }
    return out;
}

// The histogram's half-range: the smallest of 1, 2, 5 × 10^k at or above max(4, max |z|).
double expected_range(const std::vector<std::vector<double>>& z) {
    double largest = 4.0;
    for (const auto& unit : z)
        for (double v : unit) largest = std::max(largest, std::fabs(v));
    for (double decade = 1.0;; decade *= 10.0)
        for (double m : {1.0, 2.0, 5.0})
            if (m * decade >= largest) return m * decade;
}

Training trained(const std::vector<HiddenLayer>& hidden, int epochs, std::uint64_t seed) {
    TrainConfig c = default_train_config();
    c.hidden = hidden;
    c.seed = seed;
    c.data.points = 300;
    Training run(c, make_dataset(c.data));
    for (int e = 0; e < epochs; ++e) {
        EXPECT_TRUE(run.run_epoch());
    }
    run.evaluate();
    return run;
}

// Every count of every layer's histogram against the direct pass.
void expect_histograms_match(const Training& run, double threshold) {
    const DirectPass direct = forward_by_hand(run);
    const int hidden = run.network().layer_count() - 1;
    ASSERT_EQ(static_cast<int>(run.activity().size()), hidden);
    for (int l = 0; l < hidden; ++l) {
        SCOPED_TRACE("hidden layer " + std::to_string(l + 1));
        const LayerActivity& a = run.activity()[l];
        const int units = run.network().slots(l).rows, points = run.train_set().size();
        ASSERT_EQ(a.units, units);
        ASSERT_EQ(a.points, points);
        // the activity is the training pass's z: within rounding of the direct one
        for (int u = 0; u < units; ++u)
            for (int p = 0; p < points; ++p) {
                const double z = direct.z[l][u][p];
                ASSERT_NEAR(a.z[static_cast<size_t>(u) * points + p], z, 1e-12 * std::max(1.0, std::fabs(z)));
            }
        const LayerHistogram h = layer_histogram(a, threshold);
        const double range = expected_range(direct.z[l]);
        const int bins = kActivityBins;
        EXPECT_EQ(h.bins, bins);
        EXPECT_EQ(h.low, -range);
        EXPECT_EQ(h.high, range);
        EXPECT_EQ(h.units, units);
        EXPECT_EQ(h.points, points);
        EXPECT_EQ(h.activation, run.network().spec().hidden[l].activation);
        // equal bins from −R to R, 0 an edge
        std::vector<double> edges(bins + 1);
        for (int b = 0; b <= bins; ++b) edges[b] = -range + 2.0 * range * b / bins;
        for (int b = 0; b < bins; ++b) {
            EXPECT_DOUBLE_EQ(h.bin_low(b), edges[b]);
            EXPECT_DOUBLE_EQ(h.bin_high(b), edges[b + 1]);
        }
        EXPECT_EQ(h.bin_low(bins / 2), 0.0);
        EXPECT_EQ(h.bin_high(bins - 1), range);

        std::vector<int> counts(static_cast<size_t>(kZones * bins), 0), unit_counts(static_cast<size_t>(units * bins), 0);
        int zone_total[kZones] = {0, 0, 0};
        for (int u = 0; u < units; ++u)
            for (int p = 0; p < points; ++p) {
                const double z = direct.z[l][u][p], dz = direct.dz[l][u][p];
                int b = 0;
                while (b + 1 < bins && z >= h.bin_low(b + 1)) ++b;
                const int zone = dz == 0.0 ? 0 : std::fabs(dz) < threshold ? 1 : 2;
                ++counts[static_cast<size_t>(zone * bins + b)];
                ++unit_counts[static_cast<size_t>(u * bins + b)];
                ++zone_total[zone];
            }
        EXPECT_EQ(h.counts, counts);
        EXPECT_EQ(h.unit_counts, unit_counts);
        for (int k = 0; k < kZones; ++k) EXPECT_EQ(h.zone_total[k], zone_total[k]) << zone_name(static_cast<Zone>(k));
        int sum = 0, unit_sum = 0;
        for (int c : h.counts) sum += c;
        for (int c : h.unit_counts) unit_sum += c;
        EXPECT_EQ(sum, points * units);
        EXPECT_EQ(unit_sum, points * units);
        EXPECT_EQ(h.zone_total[0] + h.zone_total[1] + h.zone_total[2], h.total());
    }
}

TEST(NetworkActivity, HistogramsCountADirectForwardPass) {
    const int tanh = activation_index("tanh"), relu = activation_index("relu");
    const Training run = trained({hidden_layer(4, tanh), hidden_layer(2, relu)}, 40, 1);
    expect_histograms_match(run, kDefaultSaturation);
    expect_histograms_match(run, 0.3);
    // ReLU's units below 0 are dead, none saturated (f' is 0 or 1)
    const LayerHistogram relu_layer = layer_histogram(run.activity()[1], kDefaultSaturation);
    EXPECT_EQ(relu_layer.zone_total[static_cast<int>(Zone::Saturated)], 0);
    EXPECT_GT(relu_layer.zone_total[static_cast<int>(Zone::Dead)], 0);
}

TEST(NetworkActivity, SigmoidStackSaturatesAndCountsMatch) {
    const int sigmoid = activation_index("sigmoid");
    const Training run = trained({hidden_layer(6, sigmoid), hidden_layer(5, sigmoid), hidden_layer(3, sigmoid)}, 25, 2);
    expect_histograms_match(run, kDefaultSaturation);
    expect_histograms_match(run, 0.2);
    // sigmoid's f' is at most 1/4: at a threshold above that every unit is saturated, none dead
    const LayerHistogram all = layer_histogram(run.activity()[0], 0.26);
    EXPECT_EQ(all.zone_total[static_cast<int>(Zone::Saturated)], all.total());
}

TEST(NetworkActivity, PreluCountsAtItsLearnedAlpha) {
    const int prelu = activation_index("prelu"), tanh = activation_index("tanh");
    TrainConfig c = default_train_config();
    c.hidden = {hidden_layer(5, prelu), hidden_layer(3, tanh)};
    c.optimizer.learning_rate = 0.1;
    Training run(c, make_dataset(c.data));
    for (int e = 0; e < 30; ++e) ASSERT_TRUE(run.run_epoch());
    run.evaluate();
    const double alpha = run.network().params()[run.network().slots(0).alpha];
    EXPECT_NE(alpha, 0.25);  // it learnt
    EXPECT_EQ(run.activity()[0].params.v[0], alpha);
    expect_histograms_match(run, kDefaultSaturation);
    expect_histograms_match(run, 0.5);
}

TEST(NetworkActivity, WideValuesWidenTheRangeToA125Step) {
    LayerActivity a;
    a.units = 1;
    a.points = 3;
    a.z = {-0.5, 3.0, 17.0};
    a.dz = {1.0, 0.01, 0.0};
    const LayerHistogram h = layer_histogram(a, 0.05);
    EXPECT_EQ(h.high, 20.0);
    EXPECT_EQ(h.low, -20.0);
    a.z = {-0.5, 3.0, 2.0};
    EXPECT_EQ(layer_histogram(a, 0.05).high, 5.0);  // at least 4
    a.z = {-0.5, 3.0, 20.0};                          // on the edge: the last bin holds it
    const LayerHistogram edge = layer_histogram(a, 0.05);
    EXPECT_EQ(edge.high, 20.0);
    EXPECT_EQ(edge.counts[static_cast<size_t>(static_cast<int>(Zone::Dead) * edge.bins + edge.bins - 1)], 1);
    EXPECT_EQ(edge.zone_total[static_cast<int>(Zone::Saturated)], 1);
    EXPECT_EQ(edge.zone_total[static_cast<int>(Zone::Active)], 1);
}

// ---- each point's own gradient, against PyTorch ------------------------------------------------------

struct GradientCase {
    const char* name;
    std::vector<std::pair<int, const char*>> hidden;  // units, activation
    Output output;
};

constexpr int kReferencePoints = 20;
constexpr double kReferenceAlpha = 0.2;  // PReLU's α in the reference, as if learned

// The reference's points and labels (make_layer_gradient_reference.py, points() and labels()).
Dataset reference_points(Output output) {
    std::vector<double> x1, x2, label;
    for (int n = 0; n < kReferencePoints; ++n) {
        x1.push_back(3.0 * std::sin(1.3 * n + 0.4));
        x2.push_back(3.0 * std::cos(0.7 * n + 1.1));
        label.push_back(output == Output::Softmax    ? n % 3
                        : output == Output::Identity ? std::cos(0.9 * n)
                                                     : n % 2);
    }
    return dataset_from_columns(x1, x2, label, output == Output::Softmax ? 3 : output == Output::Identity ? 0 : 2);
}

// case → layer (from 1) → point → Σ over units of (∂ℓ_n/∂z)²
using Reference = std::map<std::string, std::map<int, std::map<int, double>>>;

Reference read_reference() {
    Reference ref;
    std::ifstream in(std::string(ACTLAB_REFERENCE_DIR) + "/layer_gradient.csv");
    EXPECT_TRUE(in);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "case,layer,point,sum_sq");
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string name, layer, point, value;
        std::getline(ss, name, ',');
        std::getline(ss, layer, ',');
        std::getline(ss, point, ',');
        std::getline(ss, value, ',');
        ref[name][std::stoi(layer)][std::stoi(point)] = std::stod(value);
    }
    return ref;
}

TEST(NetworkActivity, LayerGradientMatchesPyTorch) {
    const GradientCase cases[] = {
        {"tanh_mse", {{5, "tanh"}, {4, "tanh"}}, Output::Tanh},
        {"relu_bce", {{5, "relu"}, {3, "relu"}}, Output::Sigmoid},
        {"sigmoid_ce", {{4, "sigmoid"}, {4, "sigmoid"}, {3, "sigmoid"}}, Output::Softmax},
        {"gelu_identity", {{6, "gelu"}}, Output::Identity},
        {"prelu_tanh_bce", {{5, "prelu"}, {3, "tanh"}}, Output::Sigmoid},
    };
    const Reference ref = read_reference();
    double worst = 0.0;
    for (const GradientCase& gc : cases) {
        SCOPED_TRACE(gc.name);
        ASSERT_EQ(ref.count(gc.name), 1u);
        TrainConfig c = default_train_config();
        c.hidden.clear();
        for (const auto& [units, id] : gc.hidden) c.hidden.push_back(hidden_layer(units, activation_index(id)));
        c.output = gc.output;
        c.loss = matching_loss(gc.output);
        c.train_percent = 70;  // a subset of the points: the test sums the reference over those kept
        const Dataset data = reference_points(gc.output);
        std::string error;
        ASSERT_TRUE(check_train_config(c, data, &error)) << error;
        Training run(c, data);
        // the reference's weights (initial_layers) and α
        Eigen::VectorXd params = run.network().params();
        for (int l = 0; l < run.network().layer_count(); ++l) {
            const LayerSlots& s = run.network().slots(l);
            for (int i = 0; i < s.rows; ++i) {
                for (int j = 0; j < s.cols; ++j) params[s.weights + i * s.cols + j] = 0.6 * std::sin(1.0 + 0.37 * (i * s.cols + j) + l);
                params[s.biases + i] = 0.2 * std::cos(0.5 * i + l);
            }
            if (s.alpha >= 0) params[s.alpha] = kReferenceAlpha;
        }
        run.set_params(params);
        run.evaluate();
        // which of the reference's points the split kept for training
        std::vector<int> kept;
        const Dataset& train = run.train_set();
        for (int i = 0; i < train.size(); ++i) {
            int found = -1;
            for (int n = 0; n < data.size(); ++n)
                if (data.x(n, 0) == train.x(i, 0) && data.x(n, 1) == train.x(i, 1)) found = n;
            ASSERT_GE(found, 0);
            kept.push_back(found);
        }
        ASSERT_EQ(kept.size(), 14u);
        const std::vector<double>& rms = run.layer_gradient_rms();
        ASSERT_EQ(static_cast<int>(rms.size()), run.network().layer_count());
        for (int l = 0; l < run.network().layer_count(); ++l) {
            const auto& layer = ref.at(gc.name).at(l + 1);
            ASSERT_EQ(static_cast<int>(layer.size()), kReferencePoints);
            double sum = 0.0;
            for (int n : kept) sum += layer.at(n);
            const double want = std::sqrt(sum / (static_cast<double>(kept.size()) * run.network().slots(l).rows));
            EXPECT_NEAR(rms[l], want, 1e-12 * want) << "layer " << l + 1;
            worst = std::max(worst, std::fabs(rms[l] - want) / want);
        }
    }
    std::printf("worst relative difference from PyTorch: %.3g\n", worst);
}

// ---- the update ratio ------------------------------------------------------------------------------

TEST(NetworkActivity, UpdateRatioIsTheEpochsChangeOfTheWeights) {
    const int tanh = activation_index("tanh"), relu = activation_index("relu");
    TrainConfig c = default_train_config();
    c.hidden = {hidden_layer(4, tanh), hidden_layer(3, relu)};
    Training run(c, make_dataset(c.data));
    run.evaluate();
    for (double r : run.update_ratio()) EXPECT_TRUE(std::isnan(r));  // epoch 0: no update yet
    for (int e = 0; e < 3; ++e) {
        const Eigen::VectorXd before = run.network().params();
        ASSERT_TRUE(run.run_epoch());
        run.evaluate();
        const Eigen::VectorXd& after = run.network().params();
        ASSERT_EQ(static_cast<int>(run.update_ratio().size()), run.network().layer_count());
        for (int l = 0; l < run.network().layer_count(); ++l) {
            const LayerSlots& s = run.network().slots(l);
            double change = 0.0, size = 0.0;
            for (int k = s.weights; k < s.weights + s.rows * s.cols; ++k) {
                change += (after[k] - before[k]) * (after[k] - before[k]);
                size += before[k] * before[k];
            }
            const double want = std::sqrt(change) / std::sqrt(size);
            EXPECT_GT(want, 0.0);
            EXPECT_NEAR(run.update_ratio()[l], want, 1e-12 * want) << "epoch " << run.epoch() << ", layer " << l + 1;
        }
    }
    // weights put in by hand: nothing to compare with until the next epoch
    run.set_params(run.network().params());
    run.evaluate();
    for (double r : run.update_ratio()) EXPECT_TRUE(std::isnan(r));
    ASSERT_TRUE(run.run_epoch());
    run.evaluate();
    for (double r : run.update_ratio()) EXPECT_GT(r, 0.0);
}

// ---- the history -----------------------------------------------------------------------------------

TEST(NetworkActivity, HistoryKeepsItsRowsWhole) {
    GradientHistory h;
    h.clear(2);
    for (int e = 0; e <= 6; ++e) h.add(e, {1.0 * e, 10.0 * e}, {e == 0 ? NAN : 0.5 * e, 0.25 * e});
    ASSERT_EQ(h.rows(), 7);
    h.keep_multiples(3);
    EXPECT_EQ(h.epochs, (std::vector<int>{0, 3, 6}));
    EXPECT_EQ(h.grad_rms, (std::vector<double>{0, 0, 3, 30, 6, 60}));
    EXPECT_TRUE(std::isnan(h.update_ratio[0]));
    EXPECT_EQ(h.update_ratio[2], 1.5);
    EXPECT_EQ(h.update_ratio[5], 1.5);
    h.drop_after(4);
    EXPECT_EQ(h.epochs, (std::vector<int>{0, 3}));
    EXPECT_EQ(h.grad_rms.size(), 4u);
    EXPECT_EQ(h.update_ratio.size(), 4u);
}

}  // namespace
}  // namespace actlab::core
