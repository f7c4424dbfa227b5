// Marching squares: crossings where linear interpolation puts them, every cell crossed gives its
// segment, saddles joined by the mean of the corners, a corner on the level counted once, plateaus and
// non-finite cells left out; and the round levels.
#include "core/contour.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using actlab::core::contour_segments;
using actlab::core::ContourSegment;
using actlab::core::nice_levels;

namespace {

Eigen::ArrayXd spaced(double lo, double hi, int n) { return Eigen::ArrayXd::LinSpaced(n, lo, hi); }

template <class F>
Eigen::ArrayXXd field(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, F f) {
    Eigen::ArrayXXd z(x.size(), y.size());
    for (Eigen::Index i = 0; i < x.size(); ++i)
        for (Eigen::Index j = 0; j < y.size(); ++j) z(i, j) = f(x[i], y[j]);
    return z;
}

}  // namespace

// z = x: each level is a vertical line at x = level, one segment per row of cells, crossed exactly.
TEST(Contour, APlaneIsCrossedWhereLinearInterpolationSays) {
    const Eigen::ArrayXd x = spaced(-1, 1, 5), y = spaced(0, 3, 4);  // cells 0.5 wide, 1 tall
    const Eigen::ArrayXXd z = field(x, y, [](double a, double) { return 2.0 * a + 1.0; });
    const std::vector<ContourSegment> s = contour_segments(z, x, y, {0.0, 1.6});
    ASSERT_EQ(s.size(), 2u * 3);  // two levels, three rows of cells
    for (const ContourSegment& c : s) {
        const double at = c.level == 0 ? -0.5 : 0.3;  // 2x + 1 = level
        EXPECT_NEAR(c.x0, at, 1e-15);
        EXPECT_NEAR(c.x1, at, 1e-15);
        EXPECT_EQ(std::fabs(c.y1 - c.y0), 1.0);  // across the whole cell
    }
}

// A circle x² + y² = 1.1 (through no grid point): every segment end lies on an edge of the grid at the
// interpolated crossing, within the interpolation's error of the circle, and the segments join into a
// closed loop.
TEST(Contour, ACircleClosesAndItsEndsLieNearTheCircle) {
    const Eigen::ArrayXd x = spaced(-2, 2, 41), y = spaced(-2, 2, 41);
    const Eigen::ArrayXXd z = field(x, y, [](double a, double b) { return a * a + b * b; });
    const std::vector<ContourSegment> s = contour_segments(z, x, y, {1.1});
    ASSERT_GT(s.size(), 20u);
    for (const ContourSegment& c : s) {
        for (const auto& [px, py] : {std::pair{c.x0, c.y0}, std::pair{c.x1, c.y1}}) {
            EXPECT_NEAR(std::hypot(px, py), std::sqrt(1.1), 2.5e-3);
            // on a grid line: one coordinate is a multiple of the 0.1 spacing
            const bool on_x = std::fabs(px * 10 - std::round(px * 10)) < 1e-9, on_y = std::fabs(py * 10 - std::round(py * 10)) < 1e-9;
            EXPECT_TRUE(on_x || on_y) << px << ", " << py;
        }
    }
    // closed: every end is shared by exactly two segments
    for (const ContourSegment& c : s) {
        int shared = 0;
        for (const ContourSegment& d : s)
            for (const auto& [px, py] : {std::pair{d.x0, d.y0}, std::pair{d.x1, d.y1}})
                if (std::fabs(px - c.x0) < 1e-12 && std::fabs(py - c.y0) < 1e-12) ++shared;
        EXPECT_EQ(shared, 2);
    }
}

// One saddle cell: corners 0 and 2 (bottom left, top right) above, 1 and 3 below. The mean of the
// corners decides which pair the middle joins.
TEST(Contour, ASaddleIsJoinedAsTheMeanOfItsCornersSays) {
    const Eigen::ArrayXd x = spaced(0, 1, 2), y = spaced(0, 1, 2);
    Eigen::ArrayXXd z(2, 2);
    // z(i, j): (0,0) = 1, (1,0) = -1, (1,1) = 1, (0,1) = -1: mean 0, level 0 → above, 0 and 2 joined
    z << 1, -1,
        -1, 1;
    std::vector<ContourSegment> s = contour_segments(z, x, y, {0.0});
    ASSERT_EQ(s.size(), 2u);
    // cut off corner 1 (1, 0): from (0.5, 0) to (1, 0.5); and corner 3 (0, 1): from (0.5, 1) to (0, 0.5)
    EXPECT_EQ((std::vector<double>{s[0].x0, s[0].y0, s[0].x1, s[0].y1}), (std::vector<double>{0.5, 0, 1, 0.5}));
    EXPECT_EQ((std::vector<double>{s[1].x0, s[1].y0, s[1].x1, s[1].y1}), (std::vector<double>{0.5, 1, 0, 0.5}));
    // the below corners stronger: mean below the level, so 1 and 3 are joined and 0, 2 cut off
    z << 1, -3,
        -3, 1;
    s = contour_segments(z, x, y, {0.0});
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ((std::vector<double>{s[0].x0, s[0].y0, s[0].x1, s[0].y1}), (std::vector<double>{0, 0.25, 0.25, 0}));
    EXPECT_EQ((std::vector<double>{s[1].x0, s[1].y0, s[1].x1, s[1].y1}), (std::vector<double>{1, 0.75, 0.75, 1}));
}

// The bilinear gate g = a·b at level 0 on a grid through a = 0 and b = 0: z is exactly 0 along both axes,
// and a corner at the level counts as above, so the line is drawn once, across the cells on the below
// side (the quadrants where a·b < 0), from grid point to grid point on the axes: along them, but across
// the cell at the origin; never twice, never of length zero, never inside a quadrant where a·b > 0.
TEST(Contour, ALineThroughGridPointsIsDrawnOnceOnItsBelowSide) {
    const Eigen::ArrayXd x = spaced(-2, 2, 5), y = spaced(-2, 2, 5);
    const Eigen::ArrayXXd z = field(x, y, [](double a, double b) { return a * b; });
    const std::vector<ContourSegment> s = contour_segments(z, x, y, {0.0});
    // in each negative quadrant: along the axes from ±1 to ±2, and across the cell at the origin
    ASSERT_EQ(s.size(), 6u);
    for (const ContourSegment& c : s) {
        EXPECT_TRUE(c.x0 == 0.0 || c.y0 == 0.0) << c.x0 << ", " << c.y0;
        EXPECT_TRUE(c.x1 == 0.0 || c.y1 == 0.0) << c.x1 << ", " << c.y1;
        EXPECT_GT(std::hypot(c.x1 - c.x0, c.y1 - c.y0), 0.0);
        EXPECT_LE(0.5 * (c.x0 + c.x1) * 0.5 * (c.y0 + c.y1), 0.0) << "in a quadrant where a·b > 0";
    }
}

TEST(Contour, PlateausAtTheLevelAndNonFiniteCellsGiveNothing) {
    const Eigen::ArrayXd x = spaced(0, 2, 3), y = spaced(0, 1, 2);
    Eigen::ArrayXXd z = Eigen::ArrayXXd::Constant(3, 2, 0.5);
    EXPECT_TRUE(contour_segments(z, x, y, {0.5}).empty());
    z << 0, 0, 1, 1, std::numeric_limits<double>::quiet_NaN(), 2;
    const std::vector<ContourSegment> s = contour_segments(z, x, y, {0.5});
    ASSERT_EQ(s.size(), 1u);  // the first cell only
    EXPECT_EQ(s[0].x0, 0.5);
    EXPECT_EQ(s[0].x1, 0.5);
}

TEST(Contour, NiceLevelsAreRoundInsideTheRangeAndInclude0) {
    EXPECT_EQ(nice_levels(-4, 4, 7), (std::vector<double>{-3, -2, -1, 0, 1, 2, 3}));
    EXPECT_EQ(nice_levels(-0.3, 17, 8), (std::vector<double>{0, 2, 4, 6, 8, 10, 12, 14, 16}));
    const std::vector<double> small = nice_levels(0.001, 0.0042, 3);
    for (double l : small) {
        EXPECT_GT(l, 0.001);
        EXPECT_LT(l, 0.0042);
    }
    EXPECT_FALSE(small.empty());
    EXPECT_TRUE(nice_levels(1, 1, 5).empty());
    EXPECT_TRUE(nice_levels(0, std::numeric_limits<double>::infinity(), 5).empty());
}
