// `actlab export network` with no display: the picture is drawn in both class colours, and the CSV
// holds every parameter of the network trained headless, equal bit for bit to the same run done here
// through the engine.
#include "core/training.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// The rows the CSV must have for `net`, in its order: layer (from 1), to_unit, from ("bias"), value,
// part (gate or value in a gated layer, the gates' rows first).
std::vector<std::vector<std::string>> expected_rows(const actlab::core::Mlp& net) {
    std::vector<std::vector<std::string>> rows;
    char buf[64];
    for (int l = 0; l < net.layer_count(); ++l) {
        const actlab::core::LayerSlots& s = net.slots(l);
        for (int o = 0; o < net.weights(l).rows(); ++o) {
            const std::string unit = std::to_string(o % s.units);
            const std::string part = !s.gated ? "" : o < s.units ? "gate" : "value";
            for (int i = 0; i < net.weights(l).cols(); ++i) {
                std::snprintf(buf, sizeof buf, "%.17g", net.weights(l)(o, i));
                rows.push_back({std::to_string(l + 1), unit, std::to_string(i), buf, part});
            }
            std::snprintf(buf, sizeof buf, "%.17g", net.biases(l)[o]);
            rows.push_back({std::to_string(l + 1), unit, "bias", buf, part});
        }
    }
    return rows;
}

// Trains `config` for `epochs` on this thread, as `actlab export network` does in its process.
actlab::core::Mlp train_here(const actlab::core::TrainConfig& config, int epochs) {
    actlab::core::Training run(config, actlab::core::make_dataset(config.data));
    for (int e = 0; e < epochs; ++e) EXPECT_TRUE(run.run_epoch());
    return run.network();
}

void expect_same_parameters(const std::vector<std::vector<std::string>>& rows, const actlab::core::Mlp& net) {
    const auto want = expected_rows(net);
    ASSERT_EQ(rows.size(), want.size() + 1);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"layer", "to_unit", "from", "value", "part"}));
    for (size_t r = 0; r < want.size(); ++r) {
        ASSERT_EQ(rows[r + 1].size(), 5u) << "row " << r + 1;
        EXPECT_EQ(rows[r + 1][4], want[r][4]) << "row " << r + 1;
        EXPECT_EQ(rows[r + 1][0], want[r][0]) << "row " << r + 1;
        EXPECT_EQ(rows[r + 1][1], want[r][1]) << "row " << r + 1;
        EXPECT_EQ(rows[r + 1][2], want[r][2]) << "row " << r + 1;
        // %.17g round-trips: the parameters are the engine's, bit for bit
        EXPECT_EQ(std::strtod(rows[r + 1][3].c_str(), nullptr), std::strtod(want[r][3].c_str(), nullptr))
            << "row " << r + 1;
    }
}

}  // namespace

TEST(CliNetwork, PngShowsTheNetworkInBothColours) {
    TempDir tmp;
    const std::string out = tmp / "n.png";
    const RunResult r = run_actlab({"export", "network", "--set", "dataset=circle", "--set", "epochs=200", "--size",
                                    "1200x800", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const Png png = read_png(out);
    ASSERT_TRUE(png.ok);
    ASSERT_EQ(png.width, 1200);
    ASSERT_EQ(png.height, 800);
    // positive links, biases and map colours in blue (0, 114, 178); negative ones in orange (230, 159, 0)
    EXPECT_GT(count_color(png, 0, 114, 178, 40), 500);
    EXPECT_GT(count_color(png, 230, 159, 0, 40), 500);
}

TEST(CliNetwork, CsvHoldsEveryParameterOfTheDefaultNetworkAsTrained) {
    TempDir tmp;
    const std::string out = tmp / "n.csv";
    const RunResult r = run_actlab({"export", "network", "--set", "dataset=circle", "--set", "epochs=200", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    // 2-4-2-1: 2·4 + 4, 4·2 + 2, 2·1 + 1 parameters
    ASSERT_EQ(rows.size(), 1u + 25u);
    expect_same_parameters(rows, train_here(actlab::core::default_train_config(), 200));
}

TEST(CliNetwork, ChosenFeaturesWidenTheFirstLayer) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "network", "--set", "features=x1,x2,x1sq", "--set", "epochs=50", "--out",
                                    tmp / "f.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "f.csv"));
    // 3-4-2-1: 3·4 + 4, 4·2 + 2, 2·1 + 1
    ASSERT_EQ(rows.size(), 1u + 29u);
    EXPECT_EQ(rows[3], (std::vector<std::string>{"1", "0", "2", rows[3][3], ""}));  // x₁²'s weight into unit 0
    actlab::core::TrainConfig c = actlab::core::default_train_config();
    c.features = actlab::core::Feature_X1 | actlab::core::Feature_X2 | actlab::core::Feature_X1Sq;
    expect_same_parameters(rows, train_here(c, 50));

    const RunResult png = run_actlab({"export", "network", "--set", "features=x1,x2,x1sq", "--set", "epochs=50",
                                      "--size", "900x600", "--out", tmp / "f.png"});
    ASSERT_EQ(png.exit_code, 0) << png.err;
    const Png image = read_png(tmp / "f.png");
    ASSERT_EQ(image.width, 900);
    EXPECT_GT(count_color(image, 0, 114, 178, 40), 200);
}

TEST(CliNetwork, LearnedPreluAlphaIsARow) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "network", "--set", "layers=3", "--set", "activation=prelu", "--set",
                                    "epochs=5", "--out", tmp / "p.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "p.csv"));
    // 2·3 + 3 + α, then 3·1 + 1
    ASSERT_EQ(rows.size(), 1u + 14u);
    EXPECT_EQ(rows[10][0], "1");
    EXPECT_EQ(rows[10][1], "");
    EXPECT_EQ(rows[10][2], "alpha");
    // learned: it has moved from PReLU's starting 0.25
    EXPECT_TRUE(std::isfinite(number(rows[10][3])));
    EXPECT_NE(number(rows[10][3]), 0.25);
}

// A gated layer of u units has 2u rows, its gates' first: part says which, to_unit the unit.
TEST(CliNetwork, GatedLayersListTheirGateAndValueWeights) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "network", "--set", "layers=3,2", "--set", "activation=swiglu,tanh", "--set",
                                    "epochs=20", "--out", tmp / "g.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "g.csv"));
    // 2·6 + 6, then 3·2 + 2, then 2·1 + 1
    ASSERT_EQ(rows.size(), 1u + 18u + 8u + 3u);
    EXPECT_EQ(rows[1][4], "gate");
    EXPECT_EQ(rows[1][1], "0");
    EXPECT_EQ(rows[10][4], "value");  // row 3 of W (the first value) starts after three gates of 3 rows each
    EXPECT_EQ(rows[10][1], "0");
    EXPECT_EQ(rows[19][4], "");        // the tanh layer is plain
    actlab::core::TrainConfig c = actlab::core::default_train_config();
    c.hidden = {actlab::core::hidden_layer(3, actlab::core::activation_index("silu"), true),
                actlab::core::hidden_layer(2, actlab::core::activation_index("tanh"))};
    expect_same_parameters(rows, train_here(c, 20));
}

TEST(CliNetwork, BadKeysAreRefused) {
    expect_refused({"network", "--set", "colour=red", "--out", "OUT.png"}, "unknown key 'colour'");
    expect_refused({"network", "--set", "layers=65", "--out", "OUT.csv"}, "each layer has 1 to 64 units");
    expect_refused({"network", "--set", "features=x3", "--out", "OUT.png"}, "unknown feature 'x3'");
}
