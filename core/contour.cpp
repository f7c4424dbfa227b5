#include "core/contour.h"

#include <cassert>
#include <cmath>

namespace actlab::core {

namespace {

struct Point {
    double x, y;
};

// The crossing of `level` on the edge from p0 (value z0) to p1 (value z1), whose corners differ.
Point crossing(Point p0, double z0, Point p1, double z1, double level) {
    const double t = (level - z0) / (z1 - z0);
    return {p0.x + t * (p1.x - p0.x), p0.y + t * (p1.y - p0.y)};
}

}  // namespace

std::vector<ContourSegment> contour_segments(const Eigen::ArrayXXd& z, const Eigen::ArrayXd& x, const Eigen::ArrayXd& y,
                                             const std::vector<double>& levels) {
    assert(z.rows() == x.size() && z.cols() == y.size() && x.size() >= 2 && y.size() >= 2);
    std::vector<ContourSegment> out;
    for (Eigen::Index j = 0; j + 1 < y.size(); ++j) {
        for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
            // corners counter-clockwise from the bottom left: 0 (i, j), 1 (i+1, j), 2 (i+1, j+1), 3 (i, j+1)
            const Point p[4] = {{x[i], y[j]}, {x[i + 1], y[j]}, {x[i + 1], y[j + 1]}, {x[i], y[j + 1]}};
            const double v[4] = {z(i, j), z(i + 1, j), z(i + 1, j + 1), z(i, j + 1)};
            if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(v[2]) || !std::isfinite(v[3])) continue;
            for (size_t k = 0; k < levels.size(); ++k) {
                const double level = levels[k];
                int mask = 0;
                for (int c = 0; c < 4; ++c)
                    if (v[c] >= level) mask |= 1 << c;
                if (mask == 0 || mask == 15) continue;
                // the crossing on edge e (from corner e to corner e+1), where the corners differ
                auto cross = [&](int e) { return crossing(p[e], v[e], p[(e + 1) % 4], v[(e + 1) % 4], level); };
                auto emit = [&](Point a, Point b) { out.push_back({a.x, a.y, b.x, b.y, static_cast<int>(k)}); };
                if (mask == 5 || mask == 10) {
                    // the saddle: corners 0 and 2 alike, 1 and 3 alike
                    const double mean = 0.25 * (v[0] + v[1] + v[2] + v[3]);
                    const bool centre_above = mean >= level;
                    // which pair the middle joins: the above pair when the centre is above
                    const bool joins_02 = (mask == 5) == centre_above;
                    if (joins_02) {
                        // 0 and 2 connected: cut off corners 1 and 3
                        emit(cross(0), cross(1));  // around corner 1
                        emit(cross(2), cross(3));  // around corner 3
                    } else {
                        emit(cross(3), cross(0));  // around corner 0
                        emit(cross(1), cross(2));  // around corner 2
                    }
                    continue;
                }
                // one line: the two edges whose corners differ
                int edges[2], n = 0;
                for (int e = 0; e < 4 && n < 2; ++e)
                    if (((mask >> e) & 1) != ((mask >> ((e + 1) % 4)) & 1)) edges[n++] = e;
                assert(n == 2);
                emit(cross(edges[0]), cross(edges[1]));
            }
        }
    }
    return out;
}

std::vector<double> nice_levels(double lo, double hi, int target) {
    std::vector<double> levels;
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi) || target < 1) return levels;
    // a step of 1, 2 or 5 × 10^k near (hi − lo) / (target + 1)
    const double raw = (hi - lo) / (target + 1);
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10.0 * decade;
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * decade >= raw) {
            step = m * decade;
            break;
        }
    // whole multiples of the step, so 0 is one of them when it is inside
    for (double k = std::floor(lo / step) + 1; k * step < hi; k += 1.0)
        if (k * step > lo) levels.push_back(k * step == 0.0 ? 0.0 : k * step);
    if (levels.empty()) levels.push_back(0.5 * (lo + hi));
    return levels;
}

}  // namespace actlab::core
