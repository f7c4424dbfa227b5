// The gradient figures' settings (KEY=VALUE), their CSVs and file names, and the worker that computes
// the networks off the UI thread.
#include "app/figures/gradient_figure.h"
#include "app/figures/gradient_keys.h"
#include "app/gradient_job.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace actlab;
using app::GradientView;

namespace {

GradientView round_trip(const GradientView& v) {
    GradientView back;
    std::string error;
    for (const auto& [key, value] : app::gradient_keys(v))
        EXPECT_TRUE(app::apply_gradient_key(&back, key, value, &error)) << key << "=" << value << ": " << error;
    return back;
}

bool apply(GradientView* v, const std::string& key, const std::string& value, std::string* error) {
    return app::apply_gradient_key(v, key, value, error);
}

}  // namespace

TEST(GradientKeys, EveryKeyRoundTrips) {
    GradientView v;
    std::string e;
    ASSERT_TRUE(apply(&v, "activation", "leaky_relu", &e)) << e;
    ASSERT_TRUE(apply(&v, "leaky_relu.alpha", "0.1", &e)) << e;
    ASSERT_TRUE(apply(&v, "init", "uniform", &e)) << e;
    ASSERT_TRUE(apply(&v, "a", "0.25", &e)) << e;
    ASSERT_TRUE(apply(&v, "sigma", "2.5", &e)) << e;
    ASSERT_TRUE(apply(&v, "bias", "-1", &e)) << e;
    ASSERT_TRUE(apply(&v, "depth", "100", &e)) << e;
    ASSERT_TRUE(apply(&v, "width", "2", &e)) << e;
    ASSERT_TRUE(apply(&v, "batch", "1", &e)) << e;
    ASSERT_TRUE(apply(&v, "seed", "4294967295", &e)) << e;
    ASSERT_TRUE(apply(&v, "z", "-0.1", &e)) << e;
    ASSERT_TRUE(apply(&v, "compare", "gelu+lecun, sigmoid+normal", &e)) << e;
    EXPECT_EQ(v.compare.size(), 2u);
    EXPECT_TRUE(round_trip(v) == v);
    EXPECT_TRUE(round_trip(GradientView()) == GradientView());
}

TEST(GradientKeys, BadValuesNameTheKeyAndChangeNothing) {
    const struct {
        const char* key;
        const char* value;
        const char* says;
    } cases[] = {
        {"depth", "0", "from 1 to 100"},         {"depth", "101", "from 1 to 100"},
        {"depth", "2.5", "whole number"},        {"depth", "abc", "whole number"},
        {"width", "1", "from 2 to 1024"},        {"width", "1025", "from 2 to 1024"},
        {"batch", "513", "from 1 to 512"},       {"seed", "-1", "from 0 to"},
        {"init", "playground", "xavier, he"},    {"init", "kaiming", "xavier, he"},
        {"activation", "swishy", "unknown activation"},
        {"sigma", "0", "from 0.001 to 10"},      {"a", "nan", "from 0.001 to 10"},
        {"bias", "11", "from -10 to 10"},        {"z", "1e3", "from -100 to 100"},
        {"compare", "relu+he", "2 to 4 pairs"},  {"compare", "relu-he,tanh+he", "ACTIVATION+INIT"},
        {"compare", "relu+he,tanh+foo", "unknown init 'foo'"},
        {"leaky_relu.alpha", "2", "alpha of leaky_relu must be from 0 to 1"},
        {"relu.alpha", "1", "relu has no parameters"},
        {"colour", "red", "unknown key 'colour'"},
    };
    for (const auto& c : cases) {
        GradientView v;
        std::string e;
        EXPECT_FALSE(apply(&v, c.key, c.value, &e)) << c.key << "=" << c.value;
        EXPECT_NE(e.find(c.says), std::string::npos) << c.key << "=" << c.value << ": " << e;
        EXPECT_TRUE(v == GradientView()) << c.key;
    }
}

TEST(GradientKeys, EachPlotTakesItsOwnKeys) {
    using app::GradientPlot;
    EXPECT_TRUE(app::gradient_plot_takes(GradientPlot::Chain, "z"));
    EXPECT_TRUE(app::gradient_plot_takes(GradientPlot::Chain, "swish.beta"));
    EXPECT_FALSE(app::gradient_plot_takes(GradientPlot::Chain, "width"));
    EXPECT_FALSE(app::gradient_plot_takes(GradientPlot::Chain, "init"));
    EXPECT_TRUE(app::gradient_plot_takes(GradientPlot::Flow, "init"));
    EXPECT_TRUE(app::gradient_plot_takes(GradientPlot::Flow, "bias"));
    EXPECT_FALSE(app::gradient_plot_takes(GradientPlot::Flow, "compare"));
    EXPECT_TRUE(app::gradient_plot_takes(GradientPlot::Compare, "compare"));
    EXPECT_FALSE(app::gradient_plot_takes(GradientPlot::Compare, "activation"));
    EXPECT_FALSE(app::gradient_plot_takes(GradientPlot::Compare, "init"));
}

TEST(GradientFigure, CsvColumnsAndFileNames) {
    GradientView v;
    std::string e;
    ASSERT_TRUE(apply(&v, "activation", "sigmoid", &e));
    ASSERT_TRUE(apply(&v, "z", "0", &e));
    ASSERT_TRUE(apply(&v, "depth", "3", &e));
    EXPECT_EQ(app::gradient_chain_csv(v), "layers,product\n1,0.25\n2,0.0625\n3,0.015625\n");
    EXPECT_EQ(app::gradient_chain_stem(v), "gradient-chain_sigmoid_z0_3");
    ASSERT_TRUE(apply(&v, "bias", "-1", &e));
    EXPECT_EQ(app::gradient_flow_stem(v), "gradient-flow_sigmoid_he_3x256_b256_bias-1_seed1");
    std::vector<core::LayerStats> layers = {{0.5, 0.25, 1.0, 0.0}, {1.0 / 3, 0.0, 0.0, 1.0}};
    EXPECT_EQ(app::gradient_flow_csv(layers), "layer,grad_rms,act_mean,act_std,dead_fraction\n"
                                              "1,0.5,0.25,1,0\n2,0.33333333333333331,0,0,1\n");
    EXPECT_EQ(app::gradient_compare_stem(GradientView()),
              "gradient-compare_relu-he_relu-lecun_tanh-xavier_sigmoid-xavier_30x256_b256_seed1");
}

// The worker gives what a direct call gives, a newer request replaces an older one, and a cancelled
// run never turns up as a result. (Also run under ThreadSanitizer: see bench/README.md.)
TEST(GradientJob, ANewerRequestWinsAndTheResultMatchesADirectRun) {
    GradientView small;
    small.depth = 6;
    small.width = 32;
    small.batch = 16;
    GradientView big = small;
    big.depth = 100;
    big.width = 512;
    big.batch = 128;
    app::GradientJob job;
    job.start({big.network()});
    EXPECT_TRUE(job.busy());
    job.start({small.network(), small.pair_network(3)});  // cancels the big one
    std::vector<std::vector<core::LayerStats>> results;
    double seconds = 0.0;
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!job.take(&results, &seconds) && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_EQ(results.size(), 2u);
    EXPECT_FALSE(job.busy());
    EXPECT_FALSE(job.pending());
    EXPECT_EQ(job.progress(), 1.0f);
    std::vector<core::LayerStats> direct;
    ASSERT_TRUE(core::gradient_flow(small.pair_network(3), &direct));
    ASSERT_EQ(results[1].size(), direct.size());
    for (size_t l = 0; l < direct.size(); ++l) EXPECT_EQ(results[1][l].grad_rms, direct[l].grad_rms);
    EXPECT_EQ(results[0].size(), 6u);
    EXPECT_FALSE(job.take(&results, &seconds));  // taken once
    // Many requests in a row, then the job goes away while one runs: no wait beyond a layer, no leak.
    for (int i = 0; i < 20; ++i) {
        big.seed = static_cast<std::uint64_t>(i);
        job.start({big.network()});
    }
}
