// `actlab export gradient-live` with no display: a row per evaluated epoch and layer, the gradient equal
// to the same run done here through the engine and the update ratio to the weights before and after
// each epoch; the PNG shows both plots; bad values are refused and a blow-up is said.
#include "core/training.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

TEST(CliGradientLive, EveryEpochAndLayerMatchesTheEngine) {
    TempDir tmp;
    const int epochs = 25;
    const RunResult r = run_actlab({"export", "gradient-live", "--set", "epochs=" + std::to_string(epochs), "--set",
                                    "layers=4,3", "--set", "activation=relu,tanh", "--out", tmp / "g.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const auto rows = read_csv(read_text(tmp / "g.csv"));
    const int layers = 3;  // two hidden and the output layer
    ASSERT_EQ(rows.size(), 1u + (epochs + 1) * layers);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"epoch", "layer", "grad_rms", "update_ratio"}));

    actlab::core::TrainConfig c = actlab::core::default_train_config();
    c.hidden = {actlab::core::hidden_layer(4, actlab::core::activation_index("relu")),
                actlab::core::hidden_layer(3, actlab::core::activation_index("tanh"))};
    actlab::core::Training run(c, actlab::core::make_dataset(c.data));
    Eigen::VectorXd before;
    for (int e = 0; e <= epochs; ++e) {
        if (e > 0) {
            before = run.network().params();
            ASSERT_TRUE(run.run_epoch());
        }
        run.evaluate();
        for (int l = 0; l < layers; ++l) {
            const auto& row = rows[1 + static_cast<size_t>(e * layers + l)];
            ASSERT_EQ(row.size(), 4u);
            EXPECT_EQ(row[0], std::to_string(e));
            EXPECT_EQ(row[1], std::to_string(l + 1));
            // written to round-trip: the engine's number, bit for bit
            EXPECT_EQ(number(row[2]), run.layer_gradient_rms()[static_cast<size_t>(l)]) << "epoch " << e << ", layer " << l + 1;
            EXPECT_GT(number(row[2]), 0.0);
            if (e == 0) {
                EXPECT_EQ(row[3], "") << "no update before the first epoch";
                continue;
            }
            // ‖W(e) − W(e−1)‖ / ‖W(e−1)‖ from the weights themselves
            const actlab::core::LayerSlots& s = run.network().slots(l);
            double change = 0.0, size = 0.0;
            for (int k = s.weights; k < s.weights + s.rows * s.cols; ++k) {
                const double after = run.network().params()[k];
                change += (after - before[k]) * (after - before[k]);
                size += before[k] * before[k];
            }
            const double want = std::sqrt(change / size);
            EXPECT_NEAR(number(row[3]), want, 1e-12 * want) << "epoch " << e << ", layer " << l + 1;
        }
    }
}

TEST(CliGradientLive, PngShowsBothPlots) {
    TempDir tmp;
    for (const char* size : {"1600x1000", "800x500"}) {
        SCOPED_TRACE(size);
        const std::string out = tmp / (std::string("g") + size + ".png");
        const RunResult r = run_actlab({"export", "gradient-live", "--set", "epochs=80", "--size", size, "--out", out});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const Png png = read_png(out);
        ASSERT_TRUE(png.ok);
        EXPECT_EQ(std::to_string(png.width) + "x" + std::to_string(png.height), size);
        // the gradient in blue (0, 114, 178), the update ratio in vermillion (213, 94, 0)
        EXPECT_GT(count_color(png, 0, 114, 178, 40), 200);
        EXPECT_GT(count_color(png, 213, 94, 0, 40), 200);
    }
}

TEST(CliGradientLive, ABlowUpIsSaidAndTheEvaluatedEpochsAreKept) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "gradient-live", "--set", "dataset=plane", "--set", "output=identity",
                                    "--set", "layers=8,8", "--set", "activation=relu", "--set", "lr=10", "--out",
                                    tmp / "d.csv"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.err.find("Training stopped:"), std::string::npos) << r.err;
    const auto rows = read_csv(read_text(tmp / "d.csv"));
    ASSERT_GT(rows.size(), 1u);
    ASSERT_LT(rows.size(), 1u + 501u * 3u);
    EXPECT_EQ((rows.size() - 1) % 3, 0u);
    for (size_t i = 1; i < rows.size(); ++i) EXPECT_TRUE(std::isfinite(number(rows[i][2]))) << "row " << i;
}

TEST(CliGradientLive, BadValuesAreRefused) {
    expect_refused({"gradient-live", "--set", "threshold=0.1", "--out", "OUT.csv"}, "unknown key 'threshold'");
    expect_refused({"gradient-live", "--set", "epochs=0", "--out", "OUT.csv"}, "'epochs=0'");
    expect_refused({"gradient-live", "--set", "activation=swishy", "--out", "OUT.png"}, "unknown activation 'swishy'");
    expect_refused({"gradient-live", "--set", "output=sigmoid", "--set", "loss=mse", "--out", "OUT.png"},
                   "output sigmoid does not go with loss mse");
}
