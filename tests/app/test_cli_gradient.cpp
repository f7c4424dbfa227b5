// `actlab export gradient-chain | gradient-flow | gradient-compare` with no display: exact columns,
// the numbers the core gives, PNGs of the right size showing the lines, and bad arguments refused.
#include "core/activation.h"
#include "core/gradient_flow.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace {

double num(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

}  // namespace

TEST(CliGradient, ChainCsvIsLayersAndProduct) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "gradient-chain", "--set", "activation=sigmoid", "--set", "z=0",
                                    "--set", "depth=50", "--out", tmp / "chain.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "chain.csv"));
    ASSERT_EQ(rows.size(), 51u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"layers", "product"}));
    for (int k = 1; k <= 50; ++k) {
        EXPECT_EQ(rows[k][0], std::to_string(k));
        EXPECT_EQ(num(rows[k][1]), std::ldexp(1.0, -2 * k)) << k;  // 0.25^k, exactly
    }
    EXPECT_EQ(rows[10][1], "9.5367431640625e-07");
}

TEST(CliGradient, ChainTakesActivationParameters) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "gradient-chain", "--set", "activation=leaky_relu", "--set",
                                    "leaky_relu.alpha=0.1", "--set", "z=-1", "--set", "depth=3", "--out", tmp / "c.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "c.csv"));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(num(rows[3][1]), std::pow(0.1, 3));
}

TEST(CliGradient, FlowCsvHasExactColumnsAndTheCoreNumbers) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "gradient-flow", "--set", "activation=relu", "--set", "init=he", "--set",
                                    "depth=30", "--set", "width=256", "--set", "batch=256", "--set", "seed=1",
                                    "--out", tmp / "flow.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "flow.csv"));
    ASSERT_EQ(rows.size(), 31u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"layer", "grad_rms", "act_mean", "act_std", "dead_fraction"}));
    actlab::core::FlowConfig c;  // ReLU, He, 30 × 256, batch 256, seed 1
    std::vector<actlab::core::LayerStats> layers;
    ASSERT_TRUE(actlab::core::gradient_flow(c, &layers));
    for (int l = 1; l <= 30; ++l) {
        ASSERT_EQ(rows[l].size(), 5u);
        EXPECT_EQ(rows[l][0], std::to_string(l));
        EXPECT_EQ(num(rows[l][1]), layers[l - 1].grad_rms);  // %.17g reads back to the same double
        EXPECT_EQ(num(rows[l][2]), layers[l - 1].act_mean);
        EXPECT_EQ(num(rows[l][3]), layers[l - 1].act_std);
        EXPECT_EQ(num(rows[l][4]), layers[l - 1].dead_fraction);
    }
    // He + ReLU: flat within a factor 2
    EXPECT_LT(std::fabs(std::log2(num(rows[1][1]) / num(rows[30][1]))), 1.0);
}

TEST(CliGradient, NegativeBiasShowsDeadUnitsInTheCsv) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "gradient-flow", "--set", "bias=-1", "--set", "depth=10", "--set",
                                    "width=64", "--set", "batch=32", "--out", tmp / "dead.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "dead.csv"));
    ASSERT_EQ(rows.size(), 11u);
    EXPECT_EQ(rows[10][4], "1");
    EXPECT_EQ(rows[1][1], "0");  // no gradient gets through the dead layers
}

TEST(CliGradient, AZeroGradientIsTheMostVisibleThingOnThePlot) {
    // ReLU with bias −1: every layer's gradient is exactly 0, which a log axis cannot show. The layers are
    // shaded (pale red over the plot) and "∂loss/∂z = 0" is written large across them; the chain view
    // (flat at 1) is only a thin pale line beside it.
    TempDir tmp;
    const std::vector<std::string> small = {"--set", "depth=10", "--set", "width=64", "--set", "batch=32",
                                            "--size", "800x500"};
    std::vector<std::string> dead = {"export", "gradient-flow", "--set", "activation=relu", "--set", "bias=-1"};
    dead.insert(dead.end(), small.begin(), small.end());
    dead.insert(dead.end(), {"--out", tmp / "dead.png"});
    ASSERT_EQ(run_actlab(dead).exit_code, 0);
    const Png shot = read_png(tmp / "dead.png");
    ASSERT_TRUE(shot.ok);
    const long band = count_color(shot, 246, 225, 225, 3);
    // the shade over the top plot's data area, less the white boxes under the headline and its words
    EXPECT_GT(band, shot.width * shot.height / 20) << "the zero layers are not shaded";
    EXPECT_GT(count_color(shot, 170, 20, 20, 25), 400) << "no headline";
    // a healthy network: none of it
    std::vector<std::string> alive = {"export", "gradient-flow", "--set", "activation=relu"};
    alive.insert(alive.end(), small.begin(), small.end());
    alive.insert(alive.end(), {"--out", tmp / "alive.png"});
    ASSERT_EQ(run_actlab(alive).exit_code, 0);
    const Png healthy = read_png(tmp / "alive.png");
    EXPECT_LT(count_color(healthy, 246, 225, 225, 3), 50);
    EXPECT_LT(count_color(healthy, 170, 20, 20, 25), 50);
}

TEST(CliGradient, PngsHaveTheRequestedSizeAndShowTheLines) {
    TempDir tmp;
    RunResult r = run_actlab({"export", "gradient-flow", "--set", "activation=tanh", "--set", "init=xavier", "--set",
                              "depth=20", "--set", "width=64", "--set", "batch=64", "--size", "800x500", "--scale", "2",
                              "--out", tmp / "flow.png"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Png png = read_png(tmp / "flow.png");
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 1600);
    EXPECT_EQ(png.height, 1000);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 3000);  // the one function in the first colour, blue, in all three plots
    EXPECT_GT(count_color(png, 255, 255, 255, 5), png.width * png.height / 3);

    r = run_actlab({"export", "gradient-chain", "--set", "activation=sigmoid", "--set", "z=10", "--set", "depth=100",
                    "--out", tmp / "chain.png"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    png = read_png(tmp / "chain.png");
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 1600);
    EXPECT_EQ(png.height, 1000);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 2000);  // blue, as every lone function

    // each pair in a colour of its own, in the order of the list: the two ReLU pairs are told apart by
    // colour too (blue, vermillion, bluish green), not only by their marks
    r = run_actlab({"export", "gradient-compare", "--set", "compare=tanh+xavier,relu+he,relu+lecun", "--set", "depth=10",
                    "--set", "width=32", "--set", "batch=16", "--out", tmp / "compare.png"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    png = read_png(tmp / "compare.png");
    ASSERT_TRUE(png.ok);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 1500);  // tanh + xavier, first
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 1500);   // relu + he
    EXPECT_GT(count_color(png, 0, 158, 115, 30), 1500);  // relu + lecun
    EXPECT_EQ(list_dir(tmp.path).size(), 3u);
}

TEST(CliGradient, CompareCsvHasOneBlockPerPair) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "gradient-compare", "--set", "compare=relu+he,sigmoid+xavier,tanh+lecun",
                                    "--set", "depth=4", "--set", "width=8", "--set", "batch=4", "--out", tmp / "c.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "c.csv"));
    ASSERT_EQ(rows.size(), 1u + 3 * 4);
    EXPECT_EQ(rows[0][0], "pair");
    EXPECT_EQ(rows[1][0], "relu + he");
    EXPECT_EQ(rows[5][0], "sigmoid + xavier");
    EXPECT_EQ(rows[12][1], "4");
}

TEST(CliGradient, BadArgumentsGetOneClearLineExitCodeTwoAndNoFile) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"gradient-flow", "--set", "depth=0"}, "'depth=0': must be a whole number from 1 to 100"},
        {{"gradient-flow", "--set", "depth=101"}, "'depth=101'"},
        {{"gradient-chain", "--set", "depth=0"}, "'depth=0'"},
        {{"gradient-flow", "--set", "width=1"}, "'width=1': must be a whole number from 2 to 1024"},
        {{"gradient-flow", "--set", "width=1025"}, "'width=1025'"},
        {{"gradient-flow", "--set", "init=glorot"}, "'init=glorot': init is xavier, he, lecun, normal or uniform"},
        {{"gradient-flow", "--set", "activation=swishy"}, "'activation=swishy': unknown activation"},
        {{"gradient-chain", "--set", "activation=swishy"}, "unknown activation"},
        {{"gradient-flow", "--set", "depth=ten"}, "'depth=ten'"},
        {{"gradient-flow", "--set", "sigma=abc"}, "'sigma=abc'"},
        {{"gradient-flow", "--set", "bias=x"}, "'bias=x'"},
        {{"gradient-chain", "--set", "z=nan"}, "'z=nan'"},
        {{"gradient-flow", "--set", "colour=red"}, "unknown key 'colour' for gradient-flow"},
        {{"gradient-chain", "--set", "width=8"}, "unknown key 'width' for gradient-chain"},
        {{"gradient-compare", "--set", "compare=relu+he"}, "2 to 4 pairs"},
        {{"gradient-flow", "--set", "leaky_relu.alpha=5"}, "alpha of leaky_relu must be from 0 to 1"},
        {{"gradient-flow", "--set", "batch=0"}, "'batch=0'"},
        // σ and a shape only their own inits: refused, not ignored
        {{"gradient-flow", "--set", "sigma=0.5"}, "sigma is used only with init=normal"},
        {{"gradient-flow", "--set", "init=uniform", "--set", "sigma=0.5"}, "sigma is used only with init=normal"},
        {{"gradient-flow", "--set", "init=normal", "--set", "a=2"}, "a is used only with init=uniform"},
        {{"gradient-compare", "--set", "sigma=2"}, "sigma is used only by pairs with init normal"},
    };
    for (const auto& [args, says] : cases) {
        for (const char* ext : {".csv", ".png"}) {
            TempDir tmp;
            std::vector<std::string> full = {"export"};
            full.insert(full.end(), args.begin(), args.end());
            full.push_back("--out");
            full.push_back(tmp / (std::string("out") + ext));
            const RunResult r = run_actlab(full);
            std::string joined;
            for (const std::string& a : args) joined += a + " ";
            EXPECT_EQ(r.exit_code, 2) << joined << "\n" << r.err;
            EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << joined << "\n" << r.err;
            EXPECT_NE(r.err.find(says), std::string::npos) << joined << "\nsaid: " << r.err;
            EXPECT_TRUE(list_dir(tmp.path).empty()) << joined;
        }
    }
}

TEST(CliGradient, SigmaAndAAreTakenWithTheirInits) {
    TempDir tmp;
    RunResult r = run_actlab({"export", "gradient-flow", "--set", "sigma=0.5", "--set", "init=normal", "--set", "depth=3",
                              "--set", "width=8", "--set", "batch=4", "--out", tmp / "n.csv"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = run_actlab({"export", "gradient-compare", "--set", "compare=relu+he,tanh+uniform", "--set", "a=0.3", "--set",
                    "depth=3", "--set", "width=8", "--set", "batch=4", "--out", tmp / "c.csv"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliGradient, HelpListsThePlotsAndTheirKeys) {
    const RunResult r = run_actlab({"export", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* s : {"gradient-chain", "gradient-flow", "gradient-compare", "init=he", "dead_fraction", "compare=relu+he"})
        EXPECT_NE(r.out.find(s), std::string::npos) << s;
}
