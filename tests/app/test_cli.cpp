// `actlab` on the command line with no display: exports checked value by value and pixel by pixel,
// and every kind of bad argument refused with one line, exit code 2 and no file.
#include "core/activation.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

TEST(Cli, HelpAndVersion) {
    RunResult r = run_actlab({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("export"), std::string::npos);
    r = run_actlab({"--version"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out.rfind("actlab ", 0), 0u) << r.out;
    r = run_actlab({"export", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("leaky_relu.alpha"), std::string::npos);
}

TEST(Cli, CsvHasExactColumnsAndTheCatalogueValuesToTheLastBit) {
    TempDir tmp;
    const std::string out = tmp / "values.csv";
    const RunResult r = run_actlab({"export", "activations", "--out", out, "--set", "functions=relu,leaky_relu,gelu,swish",
                                "--set", "x=-2,-1,0,1e-300,2.5", "--set", "leaky_relu.alpha=0.1", "--set", "swish.beta=2"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 1u + 4 * 5);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"function", "param", "x", "y", "dy"}));
    for (size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 5u) << i;
        const actlab::core::Activation* act = actlab::core::find_activation(rows[i][0]);
        ASSERT_NE(act, nullptr);
        double p[2] = {0, 0};
        if (act->param_count == 0) {
            EXPECT_EQ(rows[i][1], "");
        } else {
            p[0] = std::strtod(rows[i][1].c_str(), nullptr);
        }
        const double x = std::strtod(rows[i][2].c_str(), nullptr);
        EXPECT_EQ(std::strtod(rows[i][3].c_str(), nullptr), act->f(x, p)) << rows[i][0] << " at " << x;
        EXPECT_EQ(std::strtod(rows[i][4].c_str(), nullptr), act->df(x, p)) << rows[i][0] << " at " << x;
    }
    // the parameters as given, and PyTorch's choice at the kink
    EXPECT_EQ(rows[6][0], "leaky_relu");
    EXPECT_EQ(std::strtod(rows[6][1].c_str(), nullptr), 0.1);
    EXPECT_EQ(rows[3], (std::vector<std::string>{"relu", "", "0", "0", "0"}));
    EXPECT_EQ(rows[8], (std::vector<std::string>{"leaky_relu", "0.10000000000000001", "0", "0", "0.10000000000000001"}));
    EXPECT_EQ(std::strtod(rows[16][1].c_str(), nullptr), 2.0);
}

TEST(Cli, CsvSweepCoversTheRange) {
    TempDir tmp;
    const std::string out = tmp / "sweep.csv";
    const RunResult r = run_actlab({"export", "activations", "--out", out, "--set", "functions=tanh,sigmoid", "--set",
                                "xmin=-3", "--set", "xmax=7", "--set", "samples=11"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 1u + 2 * 11);
    EXPECT_EQ(rows[1][2], "-3");
    EXPECT_EQ(rows[2][2], "-2");
    EXPECT_EQ(rows[11][2], "7");
    EXPECT_EQ(rows[12][0], "sigmoid");
}

TEST(Cli, PngHasTheRequestedSizeAndShowsTheCurves) {
    TempDir tmp;
    const std::string out = tmp / "plot.png";
    const RunResult r = run_actlab({"export", "activations", "--out", out, "--size", "800x500", "--scale", "2", "--set",
                                "functions=relu,tanh"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Png png = read_png(out);
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 1600);
    EXPECT_EQ(png.height, 1000);
    // ReLU in blue (0, 114, 178), tanh in vermillion (213, 94, 0): thick lines of both
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 2000);
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 2000);
    // mostly white background, and far from blank
    EXPECT_GT(count_color(png, 255, 255, 255, 5), png.width * png.height / 3);
    EXPECT_GT(count_saturated(png), 5000);
    EXPECT_EQ(list_dir(tmp.path).size(), 1u);  // no temporary file left behind
}

TEST(Cli, PngDefaultsToSixteenHundredByThousand) {
    TempDir tmp;
    const std::string out = tmp / "default.png";
    const RunResult r = run_actlab({"export", "activations", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Png png = read_png(out);
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 1600);
    EXPECT_EQ(png.height, 1000);
    EXPECT_GT(count_saturated(png), 5000);
}

struct BadCase {
    std::vector<std::string> args;  // after "export" ; "OUT" is replaced by a path in a temp folder
    std::string says;               // a piece of the one-line message
};

TEST(Cli, BadArgumentsGetOneClearLineExitCodeTwoAndNoFile) {
    const std::vector<BadCase> cases = {
        {{"histogram", "--out", "OUT.png"}, "unknown plot 'histogram'"},
        {{"activations", "--out", "OUT.png", "--set", "functions=relu,swishy"}, "unknown function 'swishy'"},
        {{"activations", "--out", "OUT.png", "--set", "colour=red"}, "unknown key 'colour'"},
        {{"activations", "--out", "OUT.png", "--set", "leaky_relu.alpha=5"}, "alpha of leaky_relu must be from 0 to 1"},
        {{"activations", "--out", "OUT.png", "--set", "relu.alpha=1"}, "relu has no parameters"},
        {{"activations", "--out", "OUT.csv", "--set", "xmin=3", "--set", "xmax=1"}, "xmin (3) must be less than xmax (1)"},
        {{"activations", "--out", "OUT.csv", "--set", "x=1,abc"}, "'abc' is not a finite number"},
        {{"activations", "--out", "OUT.csv", "--set", "samples=1"}, "samples"},
        {{"activations", "--out", "OUT.csv", "--set", "xmax=inf"}, "not a finite number"},
        {{"activations", "--out", "OUT.csv", "--set", "functions="}, "names no function to show"},
        {{"activations", "--out", "OUT.csv", "--set", "threshold=2"}, "must be a number from 0.001 to 1"},
        {{"activations", "--out", "/proc/actlab-test.png"}, "cannot write '/proc/actlab-test.png'"},
        {{"activations", "--out", "/tmp"}, "must end in .png or .csv"},
        {{"activations", "--out", "OUT.png", "--set", "novalue"}, "must be KEY=VALUE"},
        {{"activations", "--out", "OUT.png", "--size", "big"}, "--size 'big' must be WIDTHxHEIGHT"},
        {{"activations", "--out", "OUT.png", "--size", "150x150"}, "from 200 to 8192"},
        {{"activations", "--out", "OUT.png", "--scale", "0"}, "--scale must be 1, 2 or 4"},
        {{"activations", "--out", "OUT.png", "--scale", "3"}, "--scale must be 1, 2 or 4"},
        {{"activations", "--out", "OUT.csv", "--set", "x=1", "--set", "xmin=2", "--set", "xmax=1"}, "xmin (2)"},
        {{"activations", "--out", "OUT.png", "--scale", "two"}, "scale"},
        {{"activations", "--out", "OUT.svg"}, "must end in .png or .csv"},
        {{"activations", "--out", "/nonexistent-folder/x.png"}, "folder '/nonexistent-folder' does not exist"},
        {{"activations", "--out", "/nonexistent-folder/x.csv"}, "does not exist"},
        {{"activations"}, "--out"},
        {{"activations", "--out", "OUT.png", "--bogus"}, "--bogus"},
    };
    for (const BadCase& c : cases) expect_refused(c.args, c.says);
}

TEST(Cli, AFolderInTheWayIsRefused) {
    TempDir tmp;
    const std::string folder = tmp / "plot.png";
    ASSERT_EQ(std::system(("mkdir " + folder).c_str()), 0);
    const RunResult r = run_actlab({"export", "activations", "--out", folder});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("it is a folder"), std::string::npos) << r.err;
}

TEST(Cli, AnExistingFileIsReplacedOnlyWhenTheExportSucceeds) {
    TempDir tmp;
    const std::string out = tmp / "keep.csv";
    ASSERT_EQ(run_actlab({"export", "activations", "--out", out, "--set", "x=1"}).exit_code, 0);
    const std::string before = read_text(out);
    EXPECT_EQ(run_actlab({"export", "activations", "--out", out, "--set", "x=nope"}).exit_code, 2);
    EXPECT_EQ(read_text(out), before);
}

TEST(Cli, ExactPointsAnywhereForCsvAndAUsableRangeForPng) {
    TempDir tmp;
    RunResult r = run_actlab({"export", "activations", "--out", tmp / "far.csv", "--set", "functions=softsign",
                              "--set", "x=1e300"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_text(tmp / "far.csv"), "function,param,x,y,dy\nsoftsign,,1.0000000000000001e+300,1,0\n");
    r = run_actlab({"export", "activations", "--out", tmp / "one.png", "--set", "x=2", "--size", "400x300"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(read_png(tmp / "one.png").ok);
}

TEST(Cli, LogScalePngShowsTheTails) {
    TempDir tmp;
    const std::string out = tmp / "log.png";
    const RunResult r = run_actlab({"export", "activations", "--out", out, "--set", "functions=tanh", "--set",
                                    "curves=df", "--set", "yscale=log", "--set", "xmin=-20", "--set", "xmax=20"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Png png = read_png(out);
    ASSERT_TRUE(png.ok);
    // tanh' on a log axis is a tent from 1 down to 1.7e-17 at ±20: its line (blue, the first colour) spans the height
    int top = png.height, bottom = 0;
    for (int y = 0; y < png.height; ++y)
        for (int x = 0; x < png.width; ++x) {
            const unsigned char* px = &png.rgb[3 * (static_cast<size_t>(y) * png.width + x)];
            if (std::abs(px[0] - 0) < 30 && std::abs(px[1] - 114) < 30 && std::abs(px[2] - 178) < 30)
                top = std::min(top, y), bottom = std::max(bottom, y);
        }
    EXPECT_GT(bottom - top, png.height / 2);
}

TEST(Cli, AHundredThousandSamplesDrawTheSameCurve) {
    TempDir tmp;
    for (const char* samples : {"801", "100000"}) {
        const RunResult r = run_actlab({"export", "activations", "--out", tmp / (std::string(samples) + ".png"),
                                        "--set", "functions=relu", "--set", std::string("samples=") + samples,
                                        "--set", "probe=off"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const int few = count_color(read_png(tmp / "801.png"), 0, 114, 178, 30);
    const int many = count_color(read_png(tmp / "100000.png"), 0, 114, 178, 30);
    EXPECT_GT(few, 2000);
    EXPECT_NEAR(many, few, few * 0.1) << "a long line came out different";
}
