// How a network bends the plane, layer by layer: the input plane's grid lines and the data carried
// through the network, stage by stage, and drawn in a plane of each layer's space.
//
// Hidden layer l takes a_(l−1) (the input features for l = 0) through three stages:
//   linear      W_l a_(l−1)               a linear map: straight lines stay straight
//   bias        W_l a_(l−1) + b_l = z_l   a shift
//   activation  f_l(z_l) = a_l            the bend (PReLU at its learned α)
// Without the bend the whole stack is one affine map of the plane; with it, the layers fold and
// squeeze the plane until, in the last hidden layer's space, the output's decision is a straight line
// (logit = 0 for one output; for softmax, where two classes' logits are equal and lead the others).
//
// A layer of more than two units is seen through a plane of its space: two of its units, or its first
// two principal components over the training points. Coordinates are (u, v) = P a with P's rows
// orthonormal, not centred, so a shift (+ b) shows as a shift and the origin stays the origin.
//
// Everything here is in double precision and allocates per call: these are a few thousand points,
// computed on a worker thread, not the training loop.
#pragma once

#include "core/dataset.h"
#include "core/decision_grid.h"
#include "core/loss.h"
#include "core/mlp.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace actlab::core {

enum class WarpStage : unsigned char { Linear, Bias, Activation };
constexpr int kWarpStages = 3;
const char* warp_stage_id(WarpStage stage);     // "linear", "bias", "activation" (the --set stage= values)
const char* warp_stage_label(WarpStage stage);  // "W·a", "W·a + b", "f(W·a + b)"
bool find_warp_stage(const std::string& id, WarpStage* stage);

// The steps of a scrub through the network: step 0 is the input plane (x₁, x₂) itself, and step
// 1 + 3l + s is hidden layer l's stage s. A network of L hidden layers has 1 + 3L steps.
int warp_steps(int hidden_layers);
inline int warp_step(int layer, WarpStage stage) { return 1 + 3 * layer + static_cast<int>(stage); }
inline int warp_step_layer(int step) { return (step - 1) / 3; }  // for step ≥ 1
inline WarpStage warp_step_stage(int step) { return static_cast<WarpStage>((step - 1) % 3); }

// The points carried: the grid lines of the input frame, then the data points, one row each (x₁, x₂).
// Grid line k < lines runs across the frame at x₂ = y_min + (y_max − y_min)·k/(lines − 1); line
// lines + k runs up it at x₁ = x_min + (x_max − x_min)·k/(lines − 1). Sample s of a line is at the
// fraction s/(samples − 1) of its way (left to right, bottom to top), in row (line·samples + s).
constexpr int kWarpGridLines = 13;      // an odd count: a frame symmetric about 0 has the axes among them
constexpr int kWarpLineSamples = 129;   // dense enough that a bent line is drawn as a smooth curve
struct WarpPoints {
    int lines = 0;                      // grid lines in each direction
    int samples = 0;                    // points along each
    Eigen::MatrixX2d x;                 // grid rows, then the data points
    int grid_rows() const { return 2 * lines * samples; }
    int data_rows() const { return static_cast<int>(x.rows()) - grid_rows(); }
};
WarpPoints warp_points(const GridSpec& frame, const Eigen::MatrixX2d& data, int lines = kWarpGridLines,
                       int samples = kWarpLineSamples);

// Every row of x at every step: values[step] is (units of that step's layer) × rows, point r in column r;
// values[0] is the input plane itself (2 × rows: x₁, x₂), not the features.
std::vector<Matrix> warp_values(const Mlp& net, FeatureSet features, const Eigen::MatrixX2d& x);

// Which plane of a layer of three or more units to draw: its first two principal components, units i
// and j (from 0, i ≠ j), or (the last hidden layer only) the plane its output reads (output_plane).
struct WarpProjection {
    enum class Kind : unsigned char { Pca, Units, Output };
    Kind kind = Kind::Pca;
    int i = 0, j = 1;
    bool operator==(const WarpProjection& o) const { return kind == o.kind && (kind == Kind::Pca || (i == o.i && j == o.j)); }
    bool operator!=(const WarpProjection& o) const { return !(*this == o); }
};

// A plane of a layer's space: (u, v) = axes · a, each row of axes a unit vector, the rows orthogonal.
//   1 unit:     u = the unit, v = 0 (axes' second row is 0)
//   2 units:    u, v = the two units as they are, whatever the projection asks
//   3 or more:  units i and j, or the principal components: the eigenvectors of the covariance of the
//               fitted columns (centred on their mean, divided by their count) with the two largest
//               eigenvalues, largest first
// share[k] is the fraction of the fitted columns' total variance (the covariance's trace) along axis k:
// for principal components the eigenvalue over the trace, for units the unit's variance over the trace,
// 0 when the columns do not vary. share[0] + share[1] ≤ 1, with equality for a layer of 1 or 2 units.
struct WarpPlane {
    int units = 0;
    bool pca = false;                   // the axes are principal components
    bool output = false;                // the axes are the output's (output_plane)
    bool exact = true;                  // the output's logits at (u, v) are those of the points drawn there
    bool fixed_u = false;               // an output plane's u along w or w₁ − w₀: orient_like never turns it
    int unit[2] = {0, -1};              // the units drawn as u and v, when not pca (-1: none)
    Eigen::MatrixXd axes;               // 2 × units
    Eigen::VectorXd mean;               // of the fitted columns
    double share[2] = {0.0, 0.0};
};

// The plane for one step's values (units × rows), fitted to the columns [first, first + count) (the
// training points; count ≥ 1). A principal component's sign is chosen so that its largest component
// (by magnitude; the first of equal ones) is positive. Kind::Output needs the network: output_plane;
// here it is taken as Kind::Pca. `exact` is true for a layer of 1 or 2 units, false otherwise.
WarpPlane warp_plane(const Matrix& values, int first, int count, const WarpProjection& projection);

// The plane of the last hidden layer (values: units × rows, at any of its stages) that the output layer
// reads, for a layer of 3 or more units (fewer: warp_plane's, drawn as they are):
//   one output, or softmax over two classes: u along w (or w₁ − w₀), the direction the decision reads,
//     so logit = |w|·u + b (or the two logits' difference) at every point; v the principal component of
//     the fitted columns across it;
//   softmax over K ≥ 3 classes: the two leading right singular vectors of W with its mean row taken
//     away (logit differences are all that softmax's argmax reads), the sign rule above on each.
// exact is true when the plane holds every direction the decision reads (one output, or K ≤ 3): the
// output's edges in this plane are then those of the points drawn. share[k] as warp_plane's.
WarpPlane output_plane(const Mlp& net, const Matrix& values, int first, int count);

// Flips the principal (or output) axes of `plane` that point against those of `like` (a plane of the
// same kind in the same layer's space, e.g. the one drawn a frame ago), so the picture does not mirror
// from one epoch to the next when the sign rule above tips. Planes of units, or of other sizes or
// kinds, are left as they are. An output plane's u along w is never turned: it says where the output grows.
void orient_like(WarpPlane* plane, const WarpPlane& like);

// (u, v) of every column of `values`: 2 × rows.
Eigen::Matrix2Xd project(const WarpPlane& plane, const Matrix& values);

// The output layer's logits as an affine function of (u, v) in the last hidden layer's activation
// plane: a point (u, v) of the plane stands for a = (I − axesᵀ·axes)·mean + axesᵀ·(u, v) (exactly the
// layer's value when it has 1 or 2 units; for more, the directions off the plane held at the mean).
// Row k: logit_k = c + g_u·u + g_v·v, as (c, g_u, g_v).
Eigen::MatrixX3d output_in_plane(const Mlp& net, const WarpPlane& last_hidden);

// The decision edges inside the rectangle [u0, u1] × [v0, v1], each a segment (its two ends):
//   classes == 2 with one output (tanh, sigmoid): the line logit = 0, the edge between the two classes;
//   softmax over K ≥ 2 classes: for each pair i < j, the part of the line logit_i = logit_j where those
//     two are at least every other class's logit: the edges of the argmax regions. Along a line each
//     such condition holds on one side of a point, so that part is one segment, found exactly;
//   a regression (classes == 0), a line that misses the rectangle or a pair that never leads: none.
struct Segment {
    Eigen::Vector2d from, to;
    int a = 0, b = 1;                   // the classes on either side (one output: 0 and 1)
};
std::vector<Segment> decision_edges(const Eigen::MatrixX3d& logits, Output output, int classes, double u0, double u1,
                                    double v0, double v1);

}  // namespace actlab::core
