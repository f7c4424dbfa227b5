// `actlab export warp` with no display: the CSV holds the grid lines of the input frame and the data
// carried to a layer's stage, and the data's rows are that network's own values, computed here from
// the same training; with identity activations every grid line stays straight; after ReLU no unit's
// coordinate is negative; stages=all draws every stage; bad values are refused with what and where.
#include "core/activation.h"
#include "core/training.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <Eigen/Core>

#include <cmath>
#include <string>
#include <vector>

namespace {

constexpr int kLines = 13, kSamples = 129;
constexpr int kGridRows = 2 * kLines * kSamples;

struct Warped {
    std::vector<std::vector<double>> lines;  // per grid line: u0, v0, u1, v1, ...
    std::vector<double> pu, pv, label;       // the points
};

Warped read_warp(const std::string& path) {
    const auto rows = read_csv(read_text(path));
    Warped w;
    EXPECT_FALSE(rows.empty());
    if (rows.empty()) return w;
    EXPECT_EQ(rows[0], (std::vector<std::string>{"kind", "id", "index", "u", "v", "label"}));
    w.lines.resize(2 * kLines);
    for (size_t r = 1; r < rows.size(); ++r) {
        EXPECT_EQ(rows[r].size(), 6u) << "row " << r;
        if (rows[r].size() != 6) continue;
        if (rows[r][0] == "grid") {
            const int id = std::stoi(rows[r][1]), index = std::stoi(rows[r][2]);
            EXPECT_EQ(static_cast<int>(w.lines[static_cast<size_t>(id)].size()), 2 * index) << "row " << r;
            w.lines[static_cast<size_t>(id)].push_back(number(rows[r][3]));
            w.lines[static_cast<size_t>(id)].push_back(number(rows[r][4]));
            EXPECT_EQ(rows[r][5], "") << "row " << r;
        } else {
            EXPECT_EQ(rows[r][0], "point") << "row " << r;
            EXPECT_EQ(std::stoi(rows[r][1]), static_cast<int>(w.pu.size())) << "row " << r;
            w.pu.push_back(number(rows[r][3]));
            w.pv.push_back(number(rows[r][4]));
            w.label.push_back(number(rows[r][5]));
        }
    }
    for (const auto& line : w.lines) EXPECT_EQ(line.size(), 2u * kSamples);
    return w;
}

// The same run trained here: the config `export warp` builds from these hidden layers.
actlab::core::TrainConfig with_layers(const std::vector<std::pair<int, const char*>>& layers) {
    actlab::core::TrainConfig c = actlab::core::default_train_config();
    c.hidden.clear();
    for (const auto& [units, id] : layers) c.hidden.push_back(actlab::core::hidden_layer(units, actlab::core::activation_index(id)));
    return c;
}

// z_l = W_l a_(l−1) + b_l of hidden layer `layer` at each point of x (rows x₁, x₂), through the
// network's weights and the catalogue's f, one point at a time.
std::vector<Eigen::VectorXd> z_at(const actlab::core::Mlp& net, const Eigen::MatrixX2d& x, int layer) {
    std::vector<Eigen::VectorXd> out;
    for (Eigen::Index n = 0; n < x.rows(); ++n) {
        Eigen::VectorXd a = x.row(n).transpose();
        for (int l = 0;; ++l) {
            const Eigen::VectorXd z = net.weights(l) * a + Eigen::VectorXd(net.biases(l));
            if (l == layer) {
                out.push_back(z);
                break;
            }
            double scratch[2];
            const double* p = net.activation_params(l, scratch);
            a = z.unaryExpr([&](double v) { return net.activation(l).f(v, p); });
        }
    }
    return out;
}

// The largest distance of a line's points from the chord through its ends, over the chord's length.
double bend(const std::vector<double>& line) {
    const size_t n = line.size() / 2;
    const double ux = line[2 * (n - 1)] - line[0], uy = line[2 * (n - 1) + 1] - line[1];
    const double length = std::hypot(ux, uy);
    double worst = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double dx = line[2 * i] - line[0], dy = line[2 * i + 1] - line[1];
        worst = std::max(worst, std::fabs(dx * uy - dy * ux) / length);
    }
    return worst / length;
}

}  // namespace

TEST(CliWarp, ThePointsAreTheNetworksOwnValuesAtTheStage) {
    TempDir tmp;
    const std::string out = tmp / "w.csv";
    const RunResult r = run_actlab({"export", "warp", "--set", "epochs=40", "--set", "layers=4,2", "--set",
                                    "activation=tanh,tanh", "--set", "layer=2", "--set", "stage=bias", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const Warped w = read_warp(out);
    ASSERT_EQ(w.pu.size(), 500u);  // every point, the 250 trained on first
    const actlab::core::TrainConfig config = with_layers({{4, "tanh"}, {2, "tanh"}});
    actlab::core::Training run(config, actlab::core::make_dataset(config.data));
    for (int e = 0; e < 40; ++e) ASSERT_TRUE(run.run_epoch());
    Eigen::MatrixX2d x(500, 2);
    x << run.train_set().x, run.test_set().x;
    const std::vector<Eigen::VectorXd> z = z_at(run.network(), x, 1);
    for (size_t n = 0; n < 500; ++n) {
        // a layer of two units is drawn as it is: u, v = z₁, z₂
        EXPECT_NEAR(w.pu[n], z[n][0], 1e-12 * std::max(1.0, std::fabs(z[n][0]))) << "point " << n;
        EXPECT_NEAR(w.pv[n], z[n][1], 1e-12 * std::max(1.0, std::fabs(z[n][1]))) << "point " << n;
        const double label = n < 250 ? run.train_set().target[static_cast<Eigen::Index>(n)]
                                     : run.test_set().target[static_cast<Eigen::Index>(n - 250)];
        EXPECT_EQ(w.label[n], label) << "point " << n;
    }
    // the input plane: the grid lines run across and up the frame, end to end
    const std::string input = tmp / "input.csv";
    ASSERT_EQ(run_actlab({"export", "warp", "--set", "epochs=1", "--set", "layer=0", "--out", input}).exit_code, 0);
    const Warped plane = read_warp(input);
    EXPECT_EQ(plane.lines[0][1], plane.lines[0][2 * kSamples - 1]);   // line 0: x₂ fixed
    EXPECT_LT(plane.lines[0][0], plane.lines[0][2 * kSamples - 2]);   // left to right
    EXPECT_EQ(plane.lines[kLines][0], plane.lines[kLines][2 * kSamples - 2]);  // line 13: x₁ fixed
    EXPECT_EQ(plane.lines[kLines / 2][1], 0.0);  // the middle line across is the x₁ axis (the frame is ±6.3)
}

// The last hidden layer of 4 units, seen (by default) in the plane its output reads: u runs along the
// output's weights, so each point's logit is |w|·u + b, as this network computes it here.
TEST(CliWarp, AWideLastLayerIsSeenInThePlaneItsOutputReads) {
    TempDir tmp;
    const std::string out = tmp / "w.csv";
    const RunResult r = run_actlab({"export", "warp", "--set", "epochs=60", "--set", "layers=5,4", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Warped w = read_warp(out);
    ASSERT_EQ(w.pu.size(), 500u);
    const actlab::core::TrainConfig config = with_layers({{5, "tanh"}, {4, "tanh"}});
    actlab::core::Training run(config, actlab::core::make_dataset(config.data));
    for (int e = 0; e < 60; ++e) ASSERT_TRUE(run.run_epoch());
    Eigen::MatrixX2d x(500, 2);
    x << run.train_set().x, run.test_set().x;
    const actlab::core::Mlp& net = run.network();
    const std::vector<Eigen::VectorXd> logit = z_at(net, x, 2);  // the output layer's z
    const double w_norm = net.weights(2).norm(), b = net.biases(2)[0];
    for (size_t n = 0; n < 500; ++n)
        EXPECT_NEAR(w_norm * w.pu[n] + b, logit[n][0], 1e-12 * std::max(1.0, std::fabs(logit[n][0]))) << "point " << n;
    // principal components instead, when asked: no longer along w
    const std::string pca = tmp / "pca.csv";
    ASSERT_EQ(run_actlab({"export", "warp", "--set", "epochs=60", "--set", "layers=5,4", "--set", "projection=pca", "--out", pca})
                  .exit_code,
              0);
    const Warped p = read_warp(pca);
    double off = 0.0;
    for (size_t n = 0; n < 500; ++n) off = std::max(off, std::fabs(w_norm * p.pu[n] + b - logit[n][0]));
    EXPECT_GT(off, 1e-3);
}

TEST(CliWarp, WithIdentityActivationsEveryGridLineStaysStraight) {
    TempDir tmp;
    for (const char* stage : {"linear", "bias", "activation"})
        for (const char* layer : {"1", "2", "3"}) {
            SCOPED_TRACE(std::string(stage) + " of layer " + layer);
            const std::string out = tmp / (std::string(stage) + layer + ".csv");
            const RunResult r = run_actlab({"export", "warp", "--set", "epochs=20", "--set", "layers=5,3,2", "--set",
                                            "activation=identity", "--set", std::string("layer=") + layer, "--set",
                                            std::string("stage=") + stage, "--out", out});
            ASSERT_EQ(r.exit_code, 0) << r.err;
            const Warped w = read_warp(out);
            for (size_t k = 0; k < w.lines.size(); ++k) EXPECT_LT(bend(w.lines[k]), 1e-9) << "grid line " << k;
        }
    // and a tanh network bends them
    const std::string out = tmp / "tanh.csv";
    ASSERT_EQ(run_actlab({"export", "warp", "--set", "epochs=100", "--set", "layers=5,3", "--out", out}).exit_code, 0);
    const Warped w = read_warp(out);
    double most = 0.0;
    for (const auto& line : w.lines) most = std::max(most, bend(line));
    EXPECT_GT(most, 0.01);
}

TEST(CliWarp, AfterReluNoUnitCoordinateIsNegative) {
    TempDir tmp;
    const std::vector<std::string> base = {"export", "warp", "--set", "epochs=50", "--set", "layers=6,2",
                                           "--set", "activation=relu", "--set", "layer=1", "--set", "projection=units:2,5"};
    const auto at = [&](const char* stage) {
        std::vector<std::string> args = base;
        const std::string out = tmp / (std::string(stage) + ".csv");
        args.insert(args.end(), {"--set", std::string("stage=") + stage, "--out", out});
        EXPECT_EQ(run_actlab(args).exit_code, 0);
        return read_warp(out);
    };
    const auto lowest = [](const Warped& w) {
        double low = INFINITY;
        for (const auto& line : w.lines)
            for (double c : line) low = std::min(low, c);
        for (size_t i = 0; i < w.pu.size(); ++i) low = std::min({low, w.pu[i], w.pv[i]});
        return low;
    };
    EXPECT_LT(lowest(at("bias")), 0.0);  // before the bend, the plane reaches both signs
    EXPECT_GE(lowest(at("activation")), 0.0);
    // layers of two units and of one, as they are
    for (const char* layers : {"3,2", "3,1"}) {
        const std::string out = tmp / (std::string("l") + layers + ".csv");
        ASSERT_EQ(run_actlab({"export", "warp", "--set", "epochs=30", "--set", std::string("layers=") + layers, "--set",
                              "activation=relu", "--set", "layer=2", "--out", out})
                      .exit_code,
                  0);
        EXPECT_GE(lowest(read_warp(out)), 0.0) << layers;
    }
}

TEST(CliWarp, PngsOfOneStageAndOfEveryStage) {
    TempDir tmp;
    for (const char* stages : {"one", "all"}) {
        SCOPED_TRACE(stages);
        const std::string png_path = tmp / (std::string(stages) + ".png");
        const RunResult r = run_actlab({"export", "warp", "--set", "epochs=200", "--set", std::string("stages=") + stages,
                                        "--size", "1200x900", "--out", png_path});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const Png png = read_png(png_path);
        ASSERT_TRUE(png.ok);
        EXPECT_EQ(png.width, 1200);
        EXPECT_EQ(png.height, 900);
        // the points in both classes' colours, the grid lines in blue-grey and warm grey
        EXPECT_GT(count_color(png, 240, 196, 97, 30), 150) << "no orange points";
        EXPECT_GT(count_color(png, 97, 168, 207, 30), 150) << "no blue points";
        EXPECT_GT(count_color(png, 150, 170, 205, 30), 500) << "no grid lines across";
    }
    // every stage's rows, the input plane's first
    const std::string csv = tmp / "all.csv";
    ASSERT_EQ(run_actlab({"export", "warp", "--set", "epochs=5", "--set", "stages=all", "--out", csv}).exit_code, 0);
    const auto rows = read_csv(read_text(csv));
    ASSERT_EQ(rows.size(), 1u + 7u * (kGridRows + 500));  // the input plane and 3 stages of 2 layers
    EXPECT_EQ(rows[0], (std::vector<std::string>{"layer", "stage", "kind", "id", "index", "u", "v", "label"}));
    EXPECT_EQ(rows[1][0] + "," + rows[1][1], "0,input");
    EXPECT_EQ(rows.back()[0] + "," + rows.back()[1] + "," + rows.back()[2], "2,activation,point");
}

TEST(CliWarp, BadValuesAreRefused) {
    expect_refused({"warp", "--set", "layer=3", "--out", "OUT.csv"},
                   "'layer=3': the network has 2 hidden layers: give 0 (the input plane) to 2");
    expect_refused({"warp", "--set", "layers=none", "--set", "layer=1", "--out", "OUT.png"}, "has no hidden layer");
    expect_refused({"warp", "--set", "layer=-1", "--out", "OUT.csv"}, "'layer=-1': must be last, 0");
    expect_refused({"warp", "--set", "layer=two", "--out", "OUT.csv"}, "'layer=two'");
    expect_refused({"warp", "--set", "stage=relu", "--out", "OUT.csv"}, "'stage=relu': must be linear, bias or activation");
    expect_refused({"warp", "--set", "projection=units:1,1", "--set", "layers=4", "--out", "OUT.csv"}, "names unit 1 twice");
    expect_refused({"warp", "--set", "projection=units:2", "--out", "OUT.csv"}, "must be auto, pca, output or units:I,J");
    expect_refused({"warp", "--set", "layers=4,3", "--set", "layer=1", "--set", "projection=units:2,5", "--out", "OUT.csv"},
                   "'projection=units:2,5': layer 1 has 4 units: name two from 1 to 4");
    expect_refused({"warp", "--set", "projection=units:1,2", "--out", "OUT.csv"},
                   "layer 2 has 2 units, drawn as it is: projection= is for a layer of 3 or more");
    expect_refused({"warp", "--set", "stages=some", "--out", "OUT.png"}, "'stages=some': must be all");
    expect_refused({"warp", "--set", "layers=4,3", "--set", "layer=1", "--set", "projection=output", "--out", "OUT.csv"},
                   "'projection=output': the plane the output reads is the last hidden layer's (layer 2)");
    expect_refused({"warp", "--set", "colour=red", "--out", "OUT.csv"}, "unknown key 'colour' for warp (keys: layer, stage");
}
