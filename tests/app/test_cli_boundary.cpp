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
