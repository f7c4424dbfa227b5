// `actlab export softmax` and `softmax-sweep` with no display: CSVs checked value by value against
// the core, PNGs read back and their pixels checked, and bad arguments refused with one line, exit
// code 2 and no file.
#include "core/softmax.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

TEST(CliSoftmax, HelpListsBothPlotsAndTheirKeys) {
    const RunResult r = run_actlab({"export", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* s : {"softmax ", "softmax-sweep", "softmax-logits", "softmax-filter", "softmax-samples", "logits=2,1,0.1",
                          "tmin=0.01", "temperature,class,logit,prob,entropy", "class,label,logit,prob,filtered,kept",
                          "class,label,prob,count,frequency"})
        EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST(CliSoftmax, CsvHasOneRowPerTemperatureAndClassWithTheCoreValues) {
    TempDir tmp;
    const std::string out = tmp / "t.csv";
    const RunResult r = run_actlab({"export", "softmax", "--set", "logits=2,1,0.1", "--set", "temperature=0.5,1,2", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 1u + 3 * 3);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"temperature", "class", "logit", "prob", "entropy"}));
    Eigen::ArrayXd z(3);
    z << 2, 1, 0.1;
    const double temps[3] = {0.5, 1, 2};
    for (int j = 0; j < 3; ++j) {
        const actlab::core::Softmax s = actlab::core::softmax(z, temps[j]);
        double sum = 0.0;
        for (int i = 0; i < 3; ++i) {
            const auto& row = rows[1 + 3 * j + i];
            ASSERT_EQ(row.size(), 5u);
            EXPECT_EQ(number(row[0]), temps[j]);
            EXPECT_EQ(row[1], std::to_string(i));
            EXPECT_EQ(number(row[2]), z[i]);
            EXPECT_EQ(number(row[3]), s.prob[i]);  // %.17g reads back to the same double
            EXPECT_EQ(number(row[4]), s.entropy);
            sum += number(row[3]);
        }
        EXPECT_NEAR(sum, 1.0, 1e-15);
    }
    // softmax([2, 1, 0.1]) at T = 1, to 10 digits
    EXPECT_NEAR(number(rows[4][3]), 0.6590011389, 1e-10);
    EXPECT_EQ(rows[2][2], "1");
}

TEST(CliSoftmax, SweepIsLogSpacedFromTminToTmaxInclusive) {
    TempDir tmp;
    const std::string out = tmp / "sweep.csv";
    const RunResult r = run_actlab({"export", "softmax-sweep", "--set", "logits=2,1,0.1", "--set", "tmin=0.01", "--set",
                                    "tmax=100", "--set", "samples=200", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 1u + 200 * 3);
    EXPECT_EQ(rows[1][0], "0.01");
    EXPECT_EQ(rows.back()[0], "100");
    const double step = std::log(1e4) / 199;
    for (int k = 0; k + 1 < 200; ++k) {
        const double t0 = number(rows[1 + 3 * k][0]), t1 = number(rows[1 + 3 * (k + 1)][0]);
        ASSERT_NEAR(std::log(t1 / t0), step, 1e-12) << k;
        for (int i = 0; i < 3; ++i) ASSERT_EQ(number(rows[1 + 3 * k + i][0]), t0);  // one temperature per block
        EXPECT_EQ(rows[1 + 3 * k][4], rows[3 + 3 * k][4]);  // the entropy on each row of its temperature
        EXPECT_LE(number(rows[1 + 3 * k][4]), number(rows[1 + 3 * (k + 1)][4]));  // warmer, more spread
    }
    // the ends: nearly one-hot at T = 0.01, nearly uniform at T = 100
    EXPECT_EQ(number(rows[1][3]), 1.0);
    EXPECT_LT(number(rows[1][4]), 1e-40);
    EXPECT_NEAR(number(rows.back()[4]), std::log(3.0), 1e-4);
}

TEST(CliSoftmax, PngsHaveTheRequestedSizeAndShowEachClassInItsColour) {
    TempDir tmp;
    RunResult r = run_actlab({"export", "softmax", "--set", "logits=2,1,0.1", "--set", "temperature=0.5,1,2", "--size",
                              "800x500", "--scale", "2", "--out", tmp / "bars.png"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Png png = read_png(tmp / "bars.png");
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 1600);
    EXPECT_EQ(png.height, 1000);
    // class 0 blue (0, 114, 178), class 1 vermillion (213, 94, 0), class 2 bluish green (0, 158, 115):
    // bars are areas, so many pixels of each; class 0's bar at T = 0.5 is the largest
    const int blue = count_color(png, 0, 114, 178, 12), red = count_color(png, 213, 94, 0, 12),
              green = count_color(png, 0, 158, 115, 12);
    EXPECT_GT(blue, 40000);
    EXPECT_GT(red, 8000);
    EXPECT_GT(green, 1000);
    EXPECT_GT(blue, red);
    EXPECT_GT(red, green);
    EXPECT_GT(count_color(png, 255, 255, 255, 5), png.width * png.height / 3);

    r = run_actlab({"export", "softmax-sweep", "--set", "logits=2,1,0.1", "--set", "tmin=0.01", "--set", "tmax=100",
                    "--set", "samples=200", "--out", tmp / "sweep.png"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    png = read_png(tmp / "sweep.png");
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 1600);
    EXPECT_EQ(png.height, 1000);
    // three curves in the class colours, and the entropy curve in dark ink
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 2000);
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 2000);
    EXPECT_GT(count_color(png, 0, 158, 115, 30), 2000);
    EXPECT_GT(count_color(png, 40, 40, 40, 10), 2000);
    EXPECT_EQ(list_dir(tmp.path).size(), 2u);
}

struct BadCase {
    std::vector<std::string> args;  // after "export"; "OUT" becomes a path in a temporary folder
    std::string says;
};

TEST(CliSoftmax, BadArgumentsGetOneClearLineExitCodeTwoAndNoFile) {
    const std::vector<BadCase> cases = {
        {{"softmax", "--set", "logits=", "--out", "OUT.csv"}, "'logits=': give 2 to 12 logits"},
        {{"softmax", "--set", "logits=3", "--out", "OUT.png"}, "'logits=3': 1 logit: softmax here takes 2 to 12 classes"},
        {{"softmax", "--set", "logits=1,2,3,4,5,6,7,8,9,10,11,12,13", "--out", "OUT.csv"}, "13 logits"},
        {{"softmax", "--set", "temperature=0", "--out", "OUT.csv"}, "'temperature=0': a temperature must be > 0"},
        {{"softmax", "--set", "temperature=-2", "--out", "OUT.png"}, "'temperature=-2'"},
        {{"softmax", "--set", "temperature=1,2000", "--out", "OUT.csv"}, "from 0.001 to 1000"},
        {{"softmax", "--set", "temperature=0.0001", "--out", "OUT.csv"}, "from 0.001 to 1000"},
        {{"softmax-sweep", "--set", "tmin=10", "--set", "tmax=1", "--out", "OUT.csv"}, "tmin (10) must be less than tmax (1)"},
        {{"softmax-sweep", "--set", "tmin=5", "--set", "tmax=5", "--out", "OUT.png"}, "tmin (5) must be less than tmax (5)"},
        {{"softmax-sweep", "--set", "tmin=0", "--out", "OUT.csv"}, "'tmin=0': must be > 0"},
        {{"softmax-sweep", "--set", "tmax=1e4", "--out", "OUT.csv"}, "'tmax=1e4'"},
        {{"softmax-sweep", "--set", "samples=1", "--out", "OUT.csv"}, "'samples=1'"},
        {{"softmax", "--set", "colour=red", "--out", "OUT.csv"}, "unknown key 'colour'"},
        {{"softmax-sweep", "--set", "xmin=1", "--out", "OUT.png"}, "unknown key 'xmin'"},
        {{"softmax", "--set", "logits=1,2", "--set", "labels=a,b,c", "--out", "OUT.csv"}, "labels= names 3 classes"},
        {{"softmax", "--set", "logits=1,nan", "--out", "OUT.csv"}, "'nan' is not a finite number"},
        // labels= must match logits= whichever comes first
        {{"softmax", "--set", "labels=a,b", "--set", "logits=1,2,3", "--out", "OUT.csv"},
         "labels= names 2 classes, but logits= gives 3"},
        {{"softmax-logits", "--set", "labels=a,b,c,d", "--out", "OUT.png"}, "labels= names 4 classes, but logits= gives 3"},
        // keys a plot does not show are refused, not ignored
        {{"softmax", "--set", "topk=1", "--out", "OUT.png"}, "unknown key 'topk' for softmax (keys: logits, labels and temperature)"},
        {{"softmax", "--set", "draws=50", "--out", "OUT.csv"}, "unknown key 'draws' for softmax"},
        {{"softmax-sweep", "--set", "topp=0.5", "--out", "OUT.csv"}, "unknown key 'topp' for softmax-sweep"},
        {{"softmax-logits", "--set", "temperature=2", "--out", "OUT.csv"}, "unknown key 'temperature' for softmax-logits"},
        {{"softmax-filter", "--set", "draws=10", "--out", "OUT.csv"}, "unknown key 'draws' for softmax-filter"},
        {{"softmax-filter", "--set", "samples=10", "--out", "OUT.csv"}, "unknown key 'samples' for softmax-filter"},
        {{"softmax-samples", "--set", "tmin=1", "--out", "OUT.csv"}, "unknown key 'tmin' for softmax-samples"},
        {{"softmax-filter", "--set", "temperature=1,2", "--out", "OUT.csv"}, "softmax-filter shows one"},
        {{"softmax-sweep", "--set", "temperature=1,2", "--out", "OUT.csv"}, "softmax-sweep shows one"},
        {{"softmax-filter", "--set", "topk=4", "--out", "OUT.csv"}, "topk (4) is more than the 3 classes"},
        {{"softmax-samples", "--set", "draws=0", "--out", "OUT.csv"}, "'draws=0'"},
    };
    for (const BadCase& c : cases) expect_refused(c.args, c.says);
}

TEST(CliSoftmax, SweepHasRoundDecadeTemperatures) {
    TempDir tmp;
    const std::string out = tmp / "sweep.csv";
    const RunResult r = run_actlab({"export", "softmax-sweep", "--set", "samples=5", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 1u + 5 * 3);
    // 0.01, 0.1, 1, 10, 100 exactly, and written as such: no 0.10000000000000006
    const char* expected[5] = {"0.01", "0.1", "1", "10", "100"};
    for (int k = 0; k < 5; ++k) EXPECT_EQ(rows[1 + 3 * k][0], expected[k]) << k;
    EXPECT_EQ(number(rows[4][0]), 0.1);
}

TEST(CliSoftmax, LogitsPlotWritesOneRowPerClass) {
    TempDir tmp;
    const std::string out = tmp / "z.csv";
    const RunResult r = run_actlab({"export", "softmax-logits", "--set", "logits=2,-1.5,0.1", "--set", "labels=cat,dog,bird",
                                    "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_text(out), "class,label,logit\n0,cat,2\n1,dog,-1.5\n2,bird,0.1\n");
    const RunResult png = run_actlab({"export", "softmax-logits", "--set", "logits=2,-1.5,0.1", "--out", tmp / "z.png"});
    ASSERT_EQ(png.exit_code, 0) << png.err;
    const Png image = read_png(tmp / "z.png");
    ASSERT_TRUE(image.ok);
    EXPECT_GT(count_color(image, 0, 114, 178, 12), 10000);  // class 0's bar
    EXPECT_GT(count_color(image, 213, 94, 0, 12), 5000);    // class 1's, below 0
}

TEST(CliSoftmax, FilterPlotKeepsTheTopClassesAndRenormalises) {
    TempDir tmp;
    const std::string out = tmp / "f.csv";
    const RunResult r = run_actlab({"export", "softmax-filter", "--set", "logits=2,1,0.1", "--set", "topk=2", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"class", "label", "logit", "prob", "filtered", "kept"}));
    Eigen::ArrayXd z(3);
    z << 2, 1, 0.1;
    const Eigen::ArrayXd p = actlab::core::softmax_prob(z, 1.0);
    EXPECT_EQ(number(rows[1][3]), p[0]);
    EXPECT_NEAR(number(rows[1][4]), p[0] / (p[0] + p[1]), 1e-15);
    EXPECT_NEAR(number(rows[2][4]), p[1] / (p[0] + p[1]), 1e-15);
    EXPECT_EQ(rows[3][4], "0");
    EXPECT_EQ(rows[1][5], "1");
    EXPECT_EQ(rows[3][5], "0");
    const RunResult png = run_actlab({"export", "softmax-filter", "--set", "topk=2", "--set", "topp=0.8", "--out", tmp / "f.png"});
    ASSERT_EQ(png.exit_code, 0) << png.err;
    EXPECT_TRUE(read_png(tmp / "f.png").ok);
}

TEST(CliSoftmax, SamplesPlotCountsTheDrawsOfItsSeed) {
    TempDir tmp;
    const std::string out = tmp / "s.csv";
    const RunResult r = run_actlab({"export", "softmax-samples", "--set", "draws=50", "--set", "seed=7", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"class", "label", "prob", "count", "frequency"}));
    int total = 0;
    for (int i = 1; i <= 3; ++i) {
        total += std::stoi(rows[i][3]);
        EXPECT_EQ(number(rows[i][4]), std::stoi(rows[i][3]) / 50.0);
    }
    EXPECT_EQ(total, 50);
    // the same seed draws the same again
    const RunResult again = run_actlab({"export", "softmax-samples", "--set", "draws=50", "--set", "seed=7", "--out", tmp / "s2.csv"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(read_text(tmp / "s2.csv"), read_text(out));
    const RunResult png = run_actlab({"export", "softmax-samples", "--set", "draws=50", "--out", tmp / "s.png"});
    ASSERT_EQ(png.exit_code, 0) << png.err;
    EXPECT_GT(count_color(read_png(tmp / "s.png"), 0, 114, 178, 12), 10000);
}
