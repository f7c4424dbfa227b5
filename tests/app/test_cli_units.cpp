// `actlab export units` with no display: the CSV holds every hidden layer's histogram of z over the
// training points at the last epoch, equal to the same run done here through the engine, and each layer's
// counts add up to points × units; the PNG shows the bars in the zones' colours; bad values are refused.
#include "core/network_activity.h"
#include "core/training.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace {

using actlab::core::LayerHistogram;

// The layers as trained here on this thread, `epochs` epochs, binned with `threshold`.
std::vector<LayerHistogram> histograms_here(const actlab::core::TrainConfig& config, int epochs, double threshold) {
    actlab::core::Training run(config, actlab::core::make_dataset(config.data));
    for (int e = 0; e < epochs; ++e) EXPECT_TRUE(run.run_epoch());
    run.evaluate();
    std::vector<LayerHistogram> out;
    for (const actlab::core::LayerActivity& layer : run.activity()) out.push_back(actlab::core::layer_histogram(layer, threshold));
    return out;
}

// The default run with these hidden layers: (units, activation id) each.
actlab::core::TrainConfig with_layers(const std::vector<std::pair<int, const char*>>& layers) {
    actlab::core::TrainConfig c = actlab::core::default_train_config();
    c.hidden.clear();
    for (const auto& [units, id] : layers) c.hidden.push_back(actlab::core::hidden_layer(units, actlab::core::activation_index(id)));
    return c;
}

const char* const kZoneNames[] = {"dead", "saturated", "active"};

// Every row of the CSV against the histograms: rows bin by bin, one per zone the bin holds, an empty
// bin one row of 0 in the zone of f' at its middle (the catalogue's df, here).
void expect_rows_match(const std::vector<std::vector<std::string>>& rows, const std::vector<LayerHistogram>& layers,
                       double threshold) {
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], (std::vector<std::string>{"layer", "bin_low", "bin_high", "count", "zone"}));
    size_t r = 1;
    for (size_t l = 0; l < layers.size(); ++l) {
        const LayerHistogram& h = layers[l];
        long sum = 0;
        for (int b = 0; b < h.bins; ++b) {
            bool any = false;
            for (int k = 0; k < actlab::core::kZones; ++k) {
                const int want = h.counts[static_cast<size_t>(k * h.bins + b)];
                if (want == 0) continue;
                any = true;
                ASSERT_LT(r, rows.size());
                ASSERT_EQ(rows[r].size(), 5u) << "row " << r;
                EXPECT_EQ(rows[r][0], std::to_string(l + 1)) << "row " << r;
                EXPECT_EQ(number(rows[r][1]), h.bin_low(b)) << "row " << r;
                EXPECT_EQ(number(rows[r][2]), h.bin_high(b)) << "row " << r;
                EXPECT_EQ(rows[r][3], std::to_string(want)) << "row " << r;
                EXPECT_EQ(rows[r][4], kZoneNames[k]) << "row " << r;
                sum += want;
                ++r;
            }
            if (any) continue;
            ASSERT_LT(r, rows.size());
            const double mid = 0.5 * (h.bin_low(b) + h.bin_high(b));
            const double df = actlab::core::activation(h.activation).df(mid, h.params.v);
            const int zone = df == 0.0 ? 0 : std::fabs(df) < threshold ? 1 : 2;
            EXPECT_EQ(rows[r][0], std::to_string(l + 1)) << "row " << r;
            EXPECT_EQ(number(rows[r][1]), h.bin_low(b)) << "row " << r;
            EXPECT_EQ(rows[r][3], "0") << "row " << r;
            EXPECT_EQ(rows[r][4], kZoneNames[zone]) << "row " << r;
            ++r;
        }
        EXPECT_EQ(sum, static_cast<long>(h.points) * h.units) << "layer " << l + 1;
    }
    EXPECT_EQ(r, rows.size());
}

// Per layer (from 1): the counts of its rows added up, and the bins' edges in order.
struct LayerRows {
    long count = 0;
    std::vector<double> lows, highs;
};

std::vector<LayerRows> by_layer(const std::vector<std::vector<std::string>>& rows) {
    std::vector<LayerRows> out;
    for (size_t r = 1; r < rows.size(); ++r) {
        const size_t l = static_cast<size_t>(std::stoi(rows[r][0]));
        if (out.size() < l) out.resize(l);
        LayerRows& layer = out[l - 1];
        layer.count += std::stol(rows[r][3]);
        if (layer.lows.empty() || layer.lows.back() != number(rows[r][1])) {
            layer.lows.push_back(number(rows[r][1]));
            layer.highs.push_back(number(rows[r][2]));
        }
    }
    return out;
}

}  // namespace

TEST(CliUnits, CsvIsTheEnginesHistogramAndEachLayerSumsToPointsTimesUnits) {
    TempDir tmp;
    const std::string out = tmp / "u.csv";
    const RunResult r = run_actlab({"export", "units", "--set", "epochs=60", "--set", "layers=4,2", "--set",
                                    "activation=tanh,relu", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const auto rows = read_csv(read_text(out));
    const std::vector<LayerRows> layers = by_layer(rows);
    ASSERT_EQ(layers.size(), 2u);
    // circle, 500 points, half trained on: 250 points × 4 and × 2 units
    EXPECT_EQ(layers[0].count, 250 * 4);
    EXPECT_EQ(layers[1].count, 250 * 2);
    for (const LayerRows& layer : layers) {
        ASSERT_EQ(layer.lows.size(), 40u);
        // equal bins, end to end, over [−R, R] with R one of 1, 2, 5 × 10^k and at least 4
        const double range = layer.highs.back();
        EXPECT_EQ(layer.lows.front(), -range);
        EXPECT_GE(range, 4.0);
        const double mantissa = range / std::pow(10.0, std::floor(std::log10(range)));
        EXPECT_TRUE(mantissa == 1.0 || mantissa == 2.0 || mantissa == 5.0) << range;
        for (size_t b = 0; b + 1 < layer.lows.size(); ++b) {
            EXPECT_EQ(layer.highs[b], layer.lows[b + 1]);
            EXPECT_NEAR(layer.highs[b] - layer.lows[b], range / 20, 1e-12 * range);
        }
    }
    expect_rows_match(rows, histograms_here(with_layers({{4, "tanh"}, {2, "relu"}}), 60, 0.05), 0.05);
}

TEST(CliUnits, ThresholdMovesUnitsIntoSaturationAndPreluIsRead) {
    TempDir tmp;
    const std::vector<std::string> base = {"export", "units", "--set", "epochs=30", "--set", "layers=5,3", "--set",
                                           "activation=prelu,sigmoid"};
    std::vector<std::string> a = base, b = base;
    a.insert(a.end(), {"--out", tmp / "a.csv"});
    b.insert(b.end(), {"--set", "threshold=0.2", "--out", tmp / "b.csv"});
    ASSERT_EQ(run_actlab(a).exit_code, 0);
    ASSERT_EQ(run_actlab(b).exit_code, 0);
    auto saturated = [](const std::vector<std::vector<std::string>>& rows, const std::string& layer) {
        long n = 0;
        for (size_t r = 1; r < rows.size(); ++r)
            if (rows[r][0] == layer && rows[r][4] == "saturated") n += std::stol(rows[r][3]);
        return n;
    };
    const auto rows_a = read_csv(read_text(tmp / "a.csv")), rows_b = read_csv(read_text(tmp / "b.csv"));
    // sigmoid's f' is at most 1/4: at 0.2 far more of its points count as saturated than at 0.05
    EXPECT_GT(saturated(rows_b, "2"), saturated(rows_a, "2"));
    expect_rows_match(rows_b, histograms_here(with_layers({{5, "prelu"}, {3, "sigmoid"}}), 30, 0.2), 0.2);
}

TEST(CliUnits, PngShowsTheBarsInTheZonesColours) {
    TempDir tmp;
    for (const char* size : {"1600x1000", "800x500"}) {
        SCOPED_TRACE(size);
        const std::string out = tmp / (std::string("u") + size + ".png");
        const RunResult r = run_actlab({"export", "units", "--set", "epochs=100", "--set", "activation=tanh,relu",
                                        "--size", size, "--out", out});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const Png png = read_png(out);
        ASSERT_TRUE(png.ok);
        EXPECT_EQ(std::to_string(png.width) + "x" + std::to_string(png.height), size);
        // the active bars and the curves in blue (0, 114, 178), saturated bars orange (230, 159, 0),
        // ReLU's dead bars grey-blue (110, 110, 130)
        const int area = png.width * png.height;
        EXPECT_GT(count_color(png, 0, 114, 178, 30), area / 400);
        EXPECT_GT(count_color(png, 230, 159, 0, 30), area / 2000);
        EXPECT_GT(count_color(png, 110, 110, 130, 12), area / 2000);
    }
}

TEST(CliUnits, BadValuesAreRefused) {
    expect_refused({"units", "--set", "threshold=0", "--out", "OUT.csv"}, "'threshold=0': the saturation threshold must be from 0.001 to 1");
    expect_refused({"units", "--set", "threshold=1.5", "--out", "OUT.png"}, "'threshold=1.5'");
    expect_refused({"units", "--set", "threshold=abc", "--out", "OUT.csv"}, "'threshold=abc'");
    expect_refused({"units", "--set", "colour=red", "--out", "OUT.csv"}, "unknown key 'colour' for units (keys: threshold, dataset");
    expect_refused({"units", "--set", "epochs=0", "--out", "OUT.csv"}, "'epochs=0'");
    expect_refused({"units", "--set", "layers=65", "--out", "OUT.png"}, "each layer has 1 to 64 units");
}
