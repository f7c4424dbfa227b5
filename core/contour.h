// Contour lines of a scalar field sampled on a grid, by marching squares: the line segments where the
// field crosses each of a set of levels, for a figure to draw (the GPU colours the field; the lines are
// computed here so they are exact, testable and the same on screen and in an export).
//
// The field is z(i, j) at the point (x[i], y[j]), with x and y increasing. Each grid cell (the square
// between i, i+1 and j, j+1) is looked at on its own:
//   - a corner is "above" when z ≥ level, "below" otherwise;
//   - an edge whose two corners differ is crossed at the point found by linear interpolation,
//     t = (level − z₀) / (z₁ − z₀) along it, so a field linear along the edge is crossed exactly there;
//   - two crossings give one segment; four (the saddle: opposite corners alike, cases 0101 and 1010)
//     give two, joined as the mean of the four corners says: when the mean is ≥ level the two "above"
//     corners are taken to be connected through the middle, so the segments cut off the "below" ones;
//     otherwise they cut off the "above" ones (the centre-value rule; a mean exactly at the
//     level counts as above, like a corner);
//   - a corner exactly at the level counts as above, so a line through grid points is drawn once, not
//     twice (a level set through grid points runs along the edges of the cells on its below side, or
//     across a cell with three corners on it); a cell whose four corners all equal the level (a
//     plateau at the level) gives nothing;
//   - a cell with a corner that is not finite is skipped.
#pragma once

#include <Eigen/Core>

#include <vector>

namespace actlab::core {

struct ContourSegment {
    double x0, y0, x1, y1;   // the two ends, in the grid's coordinates
    int level;               // index into the levels asked for
};

// Every segment of every level, cell by cell (j outer, i inner), level by level within a cell.
// z is x.size() × y.size(); at least 2 × 2 points.
std::vector<ContourSegment> contour_segments(const Eigen::ArrayXXd& z, const Eigen::ArrayXd& x, const Eigen::ArrayXd& y,
                                             const std::vector<double>& levels);

// Levels at round values (1, 2 or 5 × 10^k apart) strictly inside (lo, hi), about `target` of them
// (at least 1 when lo < hi, 0 included whenever it is inside); empty when lo ≥ hi or either is not finite.
std::vector<double> nice_levels(double lo, double hi, int target);

}  // namespace actlab::core
