// `actlab export boundary` with no display: circle trained headless, and the picture coloured as the
// data are (the disc in class +1's blue, the ring around it in class −1's orange), the grid's CSV
// matching a run of the engine, and bad values refused.
#include "core/decision_grid.h"
#include "core/training.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>

namespace {

// Where pixels near a colour lie: their count and bounding box.
struct Region {
    int count = 0;
    int x0 = INT_MAX, y0 = INT_MAX, x1 = -1, y1 = -1;
    double cx = 0, cy = 0;  // centroid
};

Region region(const Png& png, int r, int g, int b, int tolerance) {
    Region out;
    for (int y = 0; y < png.height; ++y)
        for (int x = 0; x < png.width; ++x) {
            const unsigned char* p = &png.rgb[(static_cast<size_t>(y) * png.width + x) * 3];
            if (std::abs(p[0] - r) > tolerance || std::abs(p[1] - g) > tolerance || std::abs(p[2] - b) > tolerance)
                continue;
            ++out.count;
            out.x0 = std::min(out.x0, x);
            out.y0 = std::min(out.y0, y);
            out.x1 = std::max(out.x1, x);
            out.y1 = std::max(out.y1, y);
            out.cx += x;
            out.cy += y;
        }
    if (out.count) out.cx /= out.count, out.cy /= out.count;
    return out;
}

// Dark ink (text) in pixel column x, rows y0 to y1.
bool ink_in_column(const Png& png, int x, int y0, int y1) {
    for (int y = y0; y < y1; ++y) {
        const unsigned char* p = &png.rgb[(static_cast<size_t>(y) * png.width + x) * 3];
        if (p[0] < 120 && p[1] < 120 && p[2] < 120) return true;
    }
    return false;
}

}  // namespace

TEST(CliBoundary, CircleIsBlueInsideAndOrangeOutside) {
    TempDir tmp;
    const std::string out = tmp / "circle.png";
    const RunResult r = run_actlab({"export", "boundary", "--set", "dataset=circle", "--set", "epochs=500", "--set",
                                    "seed=1", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Png png = read_png(out);
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 1600);
    EXPECT_EQ(png.height, 1000);
    // The heatmap's full strength: 62 % of the way from white to the class colour
    // (orange 230,159,0 → 240,196,97; blue 0,114,178 → 97,168,207).
    const Region orange = region(png, 240, 196, 97, 14), blue = region(png, 97, 168, 207, 14);
    ASSERT_GT(orange.count, 100000) << "no orange field around the disc";
    ASSERT_GT(blue.count, 40000) << "no blue field on the disc";
    // the blue disc sits in the middle of the orange frame, wholly inside it
    const double mid_x = 0.5 * (orange.x0 + orange.x1), mid_y = 0.5 * (orange.y0 + orange.y1);
    EXPECT_NEAR(blue.cx, mid_x, 0.08 * (orange.x1 - orange.x0));
    EXPECT_NEAR(blue.cy, mid_y, 0.08 * (orange.y1 - orange.y0));
    EXPECT_GT(blue.x0, orange.x0);
    EXPECT_LT(blue.x1, orange.x1);
    EXPECT_GT(blue.y0, orange.y0);
    EXPECT_LT(blue.y1, orange.y1);
    // the disc spans about half the frame (radius 2.5–3 of ±6)
    const double share = static_cast<double>(blue.x1 - blue.x0) / (orange.x1 - orange.x0);
    EXPECT_GT(share, 0.3);
    EXPECT_LT(share, 0.7);
    // and the contour: dark pixels between them
    EXPECT_GT(count_color(png, 40, 40, 40, 25), 1500);
}

TEST(CliBoundary, TheCsvIsTheGridOfTheEngineRun) {
    TempDir tmp;
    const std::string out = tmp / "grid.csv";
    const RunResult r = run_actlab({"export", "boundary", "--set", "epochs=120", "--set", "seed=2", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 256u * 256u + 1u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"x1", "x2", "output"}));
    using namespace actlab::core;
    TrainConfig c = default_train_config();
    c.seed = c.data.seed = 2;
    const Dataset data = make_dataset(c.data);
    Training run(c, data);
    for (int e = 0; e < 120; ++e) ASSERT_TRUE(run.run_epoch());
    const GridSpec spec = grid_over(data, 256);
    DecisionGrid grid;
    decision_grid(run.network(), c.output, c.features, spec, false, &grid);
    for (int index : {0, 255, 256 * 128 + 128, 256 * 256 - 1}) {
        const auto& row = rows[static_cast<size_t>(index) + 1];
        const int i = index % 256, j = index / 256;
        EXPECT_EQ(std::strtod(row[0].c_str(), nullptr), spec.x_min + (spec.x_max - spec.x_min) * i / 255);
        EXPECT_EQ(std::strtod(row[1].c_str(), nullptr), spec.y_min + (spec.y_max - spec.y_min) * j / 255);
        EXPECT_EQ(std::strtof(row[2].c_str(), nullptr), grid.output(0, index)) << "point " << index;
    }
}

TEST(CliBoundary, ThreeClassesAndRegressionExport) {
    TempDir tmp;
    RunResult r = run_actlab({"export", "boundary", "--set", "dataset=blobs3", "--set", "output=softmax", "--set",
                              "epochs=300", "--out", tmp / "b.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "b.csv"));
    EXPECT_EQ(rows[0], (std::vector<std::string>{"x1", "x2", "p0", "p1", "p2"}));
    double sum = 0;
    for (int k = 2; k < 5; ++k) sum += std::strtod(rows[1000][static_cast<size_t>(k)].c_str(), nullptr);
    EXPECT_NEAR(sum, 1.0, 1e-6);
    r = run_actlab({"export", "boundary", "--set", "dataset=blobs3", "--set", "output=softmax", "--set", "epochs=300",
                    "--out", tmp / "b.png"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Png png = read_png(tmp / "b.png");
    ASSERT_TRUE(png.ok);
    // the third class's bluish green (0,158,115) at the heatmap's strength: 97,195,168
    EXPECT_GT(count_color(png, 97, 195, 168, 25), 5000);
    r = run_actlab({"export", "boundary", "--set", "dataset=plane", "--set", "output=identity", "--set", "epochs=30",
                    "--out", tmp / "p.png"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliBoundary, BadValuesAreRefused) {
    expect_refused({"boundary", "--set", "dataset=moon", "--out", "OUT.png"}, "unknown dataset");
    expect_refused({"boundary", "--set", "epochs=0", "--out", "OUT.png"}, "epochs");
    expect_refused({"boundary", "--set", "output=softmax", "--set", "dataset=plane", "--out", "OUT.png"}, "softmax");
}


TEST(CliBoundary, TheCaptionTakesAnotherRowRatherThanRunningOffTheEdge) {
    // the caption (points, classes, test loss and accuracy) is one row at 800 pixels wide and two at
    // 480: at neither width does any text touch the left or right edge (it ran off the right before)
    TempDir tmp;
    const char* const sizes[2] = {"800x500", "480x500"};
    for (int i = 0; i < 2; ++i) {
        const std::string out = tmp / ("caption" + std::to_string(i) + ".png");
        const RunResult r = run_actlab({"export", "boundary", "--set", "epochs=20", "--size", sizes[i], "--out", out});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const Png png = read_png(out);
        ASSERT_TRUE(png.ok);
        for (int x : {0, 1, png.width - 2, png.width - 1})
            EXPECT_FALSE(ink_in_column(png, x, 0, png.height)) << sizes[i] << ": text cut at column " << x;
    }
}

namespace {

// The boundary's CSV of a short run (circle, 120 epochs, seed 2) with more keys.
std::vector<std::vector<std::string>> boundary_rows(const TempDir& tmp, const std::string& name,
                                                    const std::vector<std::string>& sets) {
    std::vector<std::string> args = {"export", "boundary", "--set", "epochs=120", "--set", "seed=2"};
    for (const std::string& s : sets) args.insert(args.end(), {"--set", s});
    args.insert(args.end(), {"--out", tmp / name});
    const RunResult r = run_actlab(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_csv(read_text(tmp / name));
}

double number(const std::vector<std::string>& row, size_t column) { return std::strtod(row.at(column).c_str(), nullptr); }

int sign(double v) { return (v > 0) - (v < 0); }

}  // namespace

TEST(CliBoundary, TemperatureChangesTheOutputColumnAndNotTheDecision) {
    TempDir tmp;
    const auto plain = boundary_rows(tmp, "plain.csv", {});
    const auto sharp = boundary_rows(tmp, "sharp.csv", {"temperature=0.5"});
    const auto warm = boundary_rows(tmp, "warm.csv", {"temperature=4"});
    ASSERT_EQ(plain.size(), 256u * 256u + 1u);
    ASSERT_EQ(sharp.size(), plain.size());
    ASSERT_EQ(warm.size(), plain.size());
    EXPECT_EQ(plain[0], (std::vector<std::string>{"x1", "x2", "output"}));
    EXPECT_EQ(sharp[0], (std::vector<std::string>{"x1", "x2", "output", "logit"}));
    int changed = 0;
    for (size_t i = 1; i < plain.size(); ++i) {
        const double z = number(sharp[i], 3), out = number(plain[i], 2), at_half = number(sharp[i], 2);
        ASSERT_EQ(sharp[i][0], plain[i][0]);
        ASSERT_EQ(sharp[i][1], plain[i][1]);
        EXPECT_EQ(number(warm[i], 3), z) << "row " << i;                          // the same logit
        EXPECT_NEAR(out, std::tanh(z), 2e-6) << "row " << i;                      // tanh's output at T = 1
        EXPECT_NEAR(at_half, std::tanh(z / 0.5), 2e-6) << "row " << i;            // and at T = 0.5
        EXPECT_NEAR(number(warm[i], 2), std::tanh(z / 4), 2e-6) << "row " << i;  // and at T = 4
        // the decision stays: the same sign wherever the output is not 0
        if (out != 0.0) {
            ASSERT_EQ(sign(at_half), sign(out)) << "row " << i;
            ASSERT_EQ(sign(number(warm[i], 2)), sign(out)) << "row " << i;
        }
        changed += sharp[i][2] != plain[i][2];
    }
    EXPECT_GT(changed, 60000);
}

TEST(CliBoundary, TemperatureKeepsTheWinningClassOfThreeAndTheEntropyColumnIsAdded) {
    TempDir tmp;
    const std::vector<std::string> blobs = {"dataset=blobs3", "output=softmax", "epochs=100"};
    std::vector<std::string> hot = blobs, plain_entropy = blobs;
    hot.insert(hot.end(), {"temperature=3", "entropy=on"});
    plain_entropy.push_back("entropy=on");
    const auto plain = boundary_rows(tmp, "plain.csv", blobs);
    const auto warm = boundary_rows(tmp, "warm.csv", hot);
    const auto at_one = boundary_rows(tmp, "at_one.csv", plain_entropy);
    EXPECT_EQ(warm[0], (std::vector<std::string>{"x1", "x2", "p0", "p1", "p2", "z0", "z1", "z2", "entropy"}));
    // at T = 1 the entropy column follows the columns as they always were
    EXPECT_EQ(at_one[0], (std::vector<std::string>{"x1", "x2", "p0", "p1", "p2", "entropy"}));
    ASSERT_EQ(warm.size(), plain.size());
    ASSERT_EQ(at_one.size(), plain.size());
    const auto winner = [](const std::vector<std::string>& row) {
        size_t best = 2;
        for (size_t k = 3; k < 5; ++k)
            if (number(row, k) > number(row, best)) best = k;
        return best;
    };
    for (size_t i = 1; i < plain.size(); ++i) {
        ASSERT_EQ(std::vector<std::string>(at_one[i].begin(), at_one[i].begin() + 5), plain[i]) << "row " << i;
        ASSERT_EQ(winner(warm[i]), winner(plain[i])) << "row " << i;
        const double h3 = number(warm[i], 8), h1 = number(at_one[i], 5);
        ASSERT_TRUE(h1 >= 0 && h3 <= 1) << "row " << i;
        ASSERT_GE(h3, h1) << "row " << i;  // more unsure at T = 3
    }
}

TEST(CliBoundary, TemperatureSharpensOrWashesOutThePictureAndTheEntropyMapIsViolet) {
    TempDir tmp;
    const auto export_png = [&](const std::string& name, const std::vector<std::string>& sets) {
        std::vector<std::string> args = {"export", "boundary", "--set", "epochs=200", "--size", "800x500"};
        for (const std::string& s : sets) args.insert(args.end(), {"--set", s});
        args.insert(args.end(), {"--out", tmp / name});
        const RunResult r = run_actlab(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return read_png(tmp / name);
    };
    const Png sharp = export_png("sharp.png", {"temperature=0.3"}), washed = export_png("washed.png", {"temperature=3"});
    const Png entropy = export_png("entropy.png", {"entropy=on"});
    ASSERT_TRUE(sharp.ok && washed.ok && entropy.ok);
    // full-strength orange (240,196,97) fills the ring at T = 0.3 and hardly shows at T = 3
    const int sharp_orange = count_color(sharp, 240, 196, 97, 10), washed_orange = count_color(washed, 240, 196, 97, 10);
    EXPECT_GT(sharp_orange, 3 * std::max(washed_orange, 1000)) << sharp_orange << " against " << washed_orange;
    // the entropy map: white where sure, violet toward the boundary, with no class colours in the field
    EXPECT_GT(count_color(entropy, 158, 154, 200, 30) + count_color(entropy, 63, 0, 125, 40), 2000);
    EXPECT_LT(count_color(entropy, 240, 196, 97, 10), sharp_orange / 20);
}

TEST(CliBoundary, BadTemperaturesAndEntropiesAreRefused) {
    expect_refused({"boundary", "--set", "temperature=0", "--out", "OUT.png"}, "'temperature=0': must be from 0.05 to 20");
    expect_refused({"boundary", "--set", "temperature=21", "--out", "OUT.png"}, "must be from 0.05 to 20");
    expect_refused({"boundary", "--set", "temperature=warm", "--out", "OUT.csv"}, "'temperature=warm'");
    expect_refused({"boundary", "--set", "temperature=nan", "--out", "OUT.png"}, "must be from 0.05 to 20");
    expect_refused({"boundary", "--set", "entropy=yes", "--out", "OUT.png"}, "'entropy=yes': must be on or off");
    expect_refused({"boundary", "--set", "dataset=plane", "--set", "output=identity", "--set", "temperature=0.5", "--out",
                    "OUT.png"},
                   "no temperature");
    expect_refused({"boundary", "--set", "dataset=plane", "--set", "output=identity", "--set", "entropy=on", "--out",
                    "OUT.csv"},
                   "'entropy=on': output=identity is a regression");
    expect_refused({"boundary", "--set", "temprature=2", "--out", "OUT.png"}, "temperature, entropy)");
    // the loss and network plots draw no boundary: the keys are not theirs
    expect_refused({"loss", "--set", "temperature=0.5", "--out", "OUT.png"}, "unknown key 'temperature'");
}
