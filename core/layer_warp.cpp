#include "core/layer_warp.h"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace actlab::core {

namespace {

const char* const kStageIds[kWarpStages] = {"linear", "bias", "activation"};
const char* const kStageLabels[kWarpStages] = {"W·a", "W·a + b", "f(W·a + b)"};

// lo + (hi − lo)·k/(n − 1), with the last of the n exactly at hi (and the only one, n = 1, at lo).
double spaced(double lo, double hi, int k, int n) {
    if (n < 2) return lo;
    if (k == n - 1) return hi;
    return lo + (hi - lo) * k / (n - 1);
}

}  // namespace

const char* warp_stage_id(WarpStage stage) { return kStageIds[static_cast<int>(stage)]; }
const char* warp_stage_label(WarpStage stage) { return kStageLabels[static_cast<int>(stage)]; }

bool find_warp_stage(const std::string& id, WarpStage* stage) {
    for (int s = 0; s < kWarpStages; ++s)
        if (id == kStageIds[s]) {
            *stage = static_cast<WarpStage>(s);
            return true;
        }
    return false;
}

int warp_steps(int hidden_layers) { return 1 + kWarpStages * hidden_layers; }

WarpPoints warp_points(const GridSpec& frame, const Eigen::MatrixX2d& data, int lines, int samples) {
    assert(lines >= 0 && samples >= 0);
    WarpPoints p;
    p.lines = lines;
    p.samples = samples;
    p.x.resize(p.grid_rows() + data.rows(), 2);
    for (int k = 0; k < lines; ++k) {
        const double y = spaced(frame.y_min, frame.y_max, k, lines);  // line k: across, at x₂ = y
        const double x = spaced(frame.x_min, frame.x_max, k, lines);  // line lines + k: up, at x₁ = x
        for (int s = 0; s < samples; ++s) {
            const Eigen::Index across = static_cast<Eigen::Index>(k) * samples + s;
            const Eigen::Index up = static_cast<Eigen::Index>(lines + k) * samples + s;
            p.x(across, 0) = spaced(frame.x_min, frame.x_max, s, samples);
            p.x(across, 1) = y;
            p.x(up, 0) = x;
            p.x(up, 1) = spaced(frame.y_min, frame.y_max, s, samples);
        }
    }
    p.x.bottomRows(data.rows()) = data;
    return p;
}

std::vector<Matrix> warp_values(const Mlp& net, FeatureSet features, const Eigen::MatrixX2d& x) {
    const int hidden = net.layer_count() - 1;
    std::vector<Matrix> values;
    values.reserve(static_cast<size_t>(warp_steps(hidden)));
    values.emplace_back(x.transpose());
    Matrix below = make_features(x, features);
    assert(below.rows() == net.spec().inputs);
    for (int l = 0; l < hidden; ++l) {
        const Activation& act = net.activation(l);
        double scratch[kMaxParams];
        const double* p = net.activation_params(l, scratch);
        // W·a
        Matrix linear = net.weights(l) * below;
        // z = W·a + b
        Matrix z = linear.colwise() + net.biases(l);
        // f(z), PReLU at its learned α; gated: f(gate) ⊙ value, gates above values
        const int units = net.slots(l).units;
        Matrix a = z.topRows(units).unaryExpr([&act, p](double v) { return act.f(v, p); });
        if (net.slots(l).gated) a.array() *= z.bottomRows(units).array();
        values.push_back(std::move(linear));
        values.push_back(std::move(z));
        values.push_back(a);
        below = std::move(a);
    }
    return values;
}

WarpPlane warp_plane(const Matrix& values, int first, int count, const WarpProjection& projection) {
    assert(count >= 1 && first >= 0 && first + count <= values.cols());
    first = std::clamp(first, 0, static_cast<int>(values.cols()));
    count = std::clamp(count, 0, static_cast<int>(values.cols()) - first);
    const int units = static_cast<int>(values.rows());
    WarpPlane plane;
    plane.units = units;
    plane.axes = Eigen::MatrixXd::Zero(2, units);
    plane.mean = Eigen::VectorXd::Zero(units);
    if (units == 0) return plane;

    // μ = Σ_n a_n / N,  C = Σ_n (a_n − μ)(a_n − μ)ᵀ / N     over the fitted columns
    const auto fitted = values.middleCols(first, count);
    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(units, units);
    if (count > 0) {
        plane.mean = fitted.rowwise().mean();
        const Eigen::MatrixXd centred = fitted.colwise() - plane.mean;
        cov = centred * centred.transpose() / static_cast<double>(count);
    }
    const double trace = cov.trace();
    // columns all equal do not vary, though the rounded μ leaves them a variance of order (ε·a)²:
    // shares 0, as for NaN or ∞
    const bool differ = count > 0 && (fitted.rowwise().maxCoeff() - fitted.rowwise().minCoeff()).maxCoeff() > 0.0;
    const bool varies = differ && std::isfinite(trace) && trace > 0.0;
    // share = the variance along an axis / tr C
    auto share_of = [&](double variance) { return varies ? std::max(variance, 0.0) / trace : 0.0; };

    if (units == 1) {
        plane.axes(0, 0) = 1.0;
        plane.unit[0] = 0;
        plane.unit[1] = -1;
        plane.share[0] = varies ? 1.0 : 0.0;
        return plane;
    }
    const bool pca = units >= 3 && projection.kind != WarpProjection::Kind::Units;  // Output: needs the network
    plane.exact = units <= 2;
    if (!pca) {
        int i = 0, j = 1;
        if (units >= 3) {
            i = projection.i;
            j = projection.j;
            assert(i >= 0 && i < units && j >= 0 && j < units && i != j);
            if (i < 0 || i >= units || j < 0 || j >= units || i == j) i = 0, j = 1;
        }
        plane.axes(0, i) = 1.0;
        plane.axes(1, j) = 1.0;
        plane.unit[0] = i;
        plane.unit[1] = j;
        plane.share[0] = share_of(cov(i, i));
        plane.share[1] = share_of(cov(j, j));
    } else {
        plane.pca = true;
        plane.unit[0] = plane.unit[1] = -1;
        // C = V Λ Vᵀ, eigenvalues ascending: the axes are the last two eigenvectors, largest first
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen;
        if (cov.allFinite()) eigen.compute(cov);
        if (cov.allFinite() && eigen.info() == Eigen::Success) {
            for (int k = 0; k < 2; ++k) {
                Eigen::VectorXd axis = eigen.eigenvectors().col(units - 1 - k);
                // the sign that makes the largest component (the first of equal ones) positive
                int largest = 0;
                for (int c = 1; c < units; ++c)
                    if (std::fabs(axis[c]) > std::fabs(axis[largest])) largest = c;
                if (axis[largest] < 0.0) axis = -axis;
                plane.axes.row(k) = axis.transpose();
                plane.share[k] = share_of(eigen.eigenvalues()[units - 1 - k]);
            }
        } else {
            // NaN or ∞ among the values (a blown-up run): the first two units, to draw something
            plane.axes(0, 0) = plane.axes(1, 1) = 1.0;
        }
    }
    // λ₁ + λ₂ ≤ tr C (every eigenvalue ≥ 0), likewise two diagonal entries: kept so through rounding
    if (plane.share[0] > 1.0) plane.share[0] = 1.0;
    if (plane.share[0] + plane.share[1] > 1.0) plane.share[1] = 1.0 - plane.share[0];
    return plane;
}

void orient_like(WarpPlane* plane, const WarpPlane& like) {
    const bool principal = plane->pca && like.pca, output = plane->output && like.output;
    if (!(principal || output) || plane->units != like.units || plane->axes.cols() != like.axes.cols()) return;
    // an axis that points away from the one it replaces (axis · like's < 0) is turned round; an output
    // plane's u along w or w₁ − w₀ (its v then the one of a principal component) points where the output grows
    for (int k = output && plane->fixed_u ? 1 : 0; k < 2; ++k)
        if (plane->axes.row(k).dot(like.axes.row(k)) < 0.0) plane->axes.row(k) *= -1.0;
}

WarpPlane output_plane(const Mlp& net, const Matrix& values, int first, int count) {
    WarpPlane plane = warp_plane(values, first, count, WarpProjection{});  // the mean, and principal axes to fall back on
    const int units = plane.units;
    const int out = net.layer_count() - 1;
    if (units < 3 || out < 0 || net.weights(out).cols() != units) return plane;
    const ConstMatrixMap w = net.weights(out);
    const int outputs = static_cast<int>(w.rows());
    // C over the fitted columns, as warp_plane has it
    first = std::clamp(first, 0, static_cast<int>(values.cols()));
    count = std::clamp(count, 0, static_cast<int>(values.cols()) - first);
    if (count == 0 || !w.allFinite()) return plane;
    const auto fitted = values.middleCols(first, count);
    const Eigen::MatrixXd centred = fitted.colwise() - plane.mean;
    const Eigen::MatrixXd cov = centred * centred.transpose() / static_cast<double>(count);
    if (!cov.allFinite()) return plane;
    const double trace = cov.trace();
    const auto share_of = [&](const Eigen::VectorXd& axis) { return trace > 0 ? std::max(0.0, axis.dot(cov * axis)) / trace : 0.0; };
    // the sign that makes the largest component (the first of equal ones) positive
    const auto signed_by_rule = [units](Eigen::VectorXd axis) {
        int largest = 0;
        for (int c = 1; c < units; ++c)
            if (std::fabs(axis[c]) > std::fabs(axis[largest])) largest = c;
        return axis[largest] < 0.0 ? Eigen::VectorXd(-axis) : axis;
    };
    Eigen::VectorXd u, v;
    if (outputs <= 2) {
        // the one direction the decision reads: w, or w₁ − w₀
        const Eigen::VectorXd d = outputs == 1 ? Eigen::VectorXd(w.row(0).transpose()) : Eigen::VectorXd((w.row(1) - w.row(0)).transpose());
        const double norm = d.norm();
        if (!(norm > 0)) return plane;
        u = d / norm;
        // v: the principal component of the columns with u taken out, C' = (I − u uᵀ) C (I − u uᵀ)
        const Eigen::MatrixXd away = Eigen::MatrixXd::Identity(units, units) - u * u.transpose();
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(away * cov * away);
        if (eigen.info() != Eigen::Success) return plane;
        v = eigen.eigenvectors().col(units - 1);
        v = signed_by_rule(away * v);  // exactly across u, whatever the rounding left
        if (!(v.norm() > 0)) return plane;
        v.normalize();
        plane.fixed_u = true;
        plane.exact = true;
    } else {
        // logit_k − logit_j reads (w_k − w_j)·a: the row space of W less its mean row
        const Eigen::MatrixXd d = w.rowwise() - w.colwise().mean();
        Eigen::JacobiSVD<Eigen::MatrixXd> svd(d, Eigen::ComputeThinV);
        if (!(svd.singularValues()[0] > 0)) return plane;
        u = signed_by_rule(svd.matrixV().col(0));
        v = svd.matrixV().cols() > 1 ? signed_by_rule(svd.matrixV().col(1)) : Eigen::VectorXd::Zero(units);
        // the rest of the row space (K ≥ 4): a decision the plane does not hold all of
        plane.exact = outputs <= 3 || svd.singularValues().size() < 3 ||
                      svd.singularValues()[2] <= 1e-12 * svd.singularValues()[0];
    }
    plane.axes.row(0) = u.transpose();
    plane.axes.row(1) = v.transpose();
    plane.pca = false;
    plane.output = true;
    plane.unit[0] = plane.unit[1] = -1;
    plane.share[0] = share_of(u);
    plane.share[1] = share_of(v);
    if (plane.share[0] > 1.0) plane.share[0] = 1.0;
    if (plane.share[0] + plane.share[1] > 1.0) plane.share[1] = 1.0 - plane.share[0];
    return plane;
}

Eigen::Matrix2Xd project(const WarpPlane& plane, const Matrix& values) {
    assert(plane.axes.rows() == 2 && plane.axes.cols() == values.rows());
    if (plane.axes.rows() != 2 || plane.axes.cols() != values.rows())
        return Eigen::Matrix2Xd::Constant(2, values.cols(), std::numeric_limits<double>::quiet_NaN());
    // (u, v) = P a
    return plane.axes * values;
}

Eigen::MatrixX3d output_in_plane(const Mlp& net, const WarpPlane& last_hidden) {
    const int out = net.layer_count() - 1;
    const ConstMatrixMap w = net.weights(out);
    const auto b = net.biases(out);
    assert(w.cols() == last_hidden.axes.cols() && last_hidden.axes.rows() == 2 && last_hidden.mean.size() == w.cols());
    if (w.cols() != last_hidden.axes.cols() || last_hidden.axes.rows() != 2 || last_hidden.mean.size() != w.cols())
        return Eigen::MatrixX3d(0, 3);
    const Eigen::MatrixXd& p = last_hidden.axes;
    // logits = W a + b with a = (I − PᵀP) μ + Pᵀ (u, v):
    //   c = b + W (μ − Pᵀ (P μ)),   (g_u, g_v) = W Pᵀ
    // (for 1 or 2 units P picks units, so μ − Pᵀ(P μ) = 0 exactly and c = b)
    const Eigen::VectorXd off_plane = last_hidden.mean - p.transpose() * (p * last_hidden.mean);
    Eigen::MatrixX3d form(w.rows(), 3);
    form.col(0) = b + w * off_plane;
    form.rightCols<2>() = w * p.transpose();
    return form;
}

namespace {

// Narrows [*lo, *hi] to the t where α + β t ≥ 0 (to nothing, *hi = −∞, when that never holds).
void keep_where(double alpha, double beta, double* lo, double* hi) {
    if (beta > 0.0) *lo = std::max(*lo, -alpha / beta);
    else if (beta < 0.0) *hi = std::min(*hi, -alpha / beta);
    else if (!(alpha >= 0.0)) *hi = -std::numeric_limits<double>::infinity();
}

// The edge where d(p) = logit_b − logit_a = c + g·p is 0, inside the box, restricted to where
// h_k(p) = ½(logit_a + logit_b) − logit_k ≥ 0 for every other class k (none for one output).
bool edge(const Eigen::MatrixX3d& logits, int a, int b, bool others, const Eigen::Vector2d& lo_corner,
          const Eigen::Vector2d& hi_corner, Segment* out) {
    const double c = logits(b, 0) - logits(a, 0);
    const Eigen::Vector2d g(logits(b, 1) - logits(a, 1), logits(b, 2) - logits(a, 2));
    const double gg = g.squaredNorm();
    if (!(gg > 0.0) || !std::isfinite(gg)) return false;  // no line: the two never change places
    // p(t) = p₀ + t·s: p₀ the line's point nearest the box's centre m, p₀ = m − (d(m)/|g|²) g, and
    // s = (g_v, −g_u)/|g| along it, so that b (where d > 0, towards g) is on the left of from → to
    const Eigen::Vector2d m = 0.5 * (lo_corner + hi_corner);
    const Eigen::Vector2d p0 = m - ((c + g.dot(m)) / gg) * g;
    const Eigen::Vector2d s = Eigen::Vector2d(g[1], -g[0]) / std::sqrt(gg);
    double lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
    // inside the box (Liang–Barsky): p(t) − lo_corner ≥ 0 and hi_corner − p(t) ≥ 0, each coordinate
    for (int k = 0; k < 2; ++k) {
        keep_where(p0[k] - lo_corner[k], s[k], &lo, &hi);
        keep_where(hi_corner[k] - p0[k], -s[k], &lo, &hi);
    }
    // a and b lead: h_k(p(t)) = h_k(p₀) + t ∇h_k·s ≥ 0
    for (int k = 0; others && k < logits.rows(); ++k) {
        if (k == a || k == b) continue;
        const Eigen::RowVector3d h = 0.5 * (logits.row(a) + logits.row(b)) - logits.row(k);
        keep_where(h[0] + h[1] * p0[0] + h[2] * p0[1], h[1] * s[0] + h[2] * s[1], &lo, &hi);
    }
    if (!(hi > lo)) return false;  // nothing, or a single point
    // the ends held in the box against rounding
    out->from = (p0 + lo * s).cwiseMax(lo_corner).cwiseMin(hi_corner);
    out->to = (p0 + hi * s).cwiseMax(lo_corner).cwiseMin(hi_corner);
    out->a = a;
    out->b = b;
    return true;
}

}  // namespace

std::vector<Segment> decision_edges(const Eigen::MatrixX3d& logits, Output output, int classes, double u0, double u1,
                                    double v0, double v1) {
    std::vector<Segment> edges;
    if (!logits.allFinite() || !std::isfinite(u0) || !std::isfinite(u1) || !std::isfinite(v0) || !std::isfinite(v1))
        return edges;
    const Eigen::Vector2d lo_corner(std::min(u0, u1), std::min(v0, v1)), hi_corner(std::max(u0, u1), std::max(v0, v1));
    const int outputs = static_cast<int>(logits.rows());
    Segment s;
    if ((output == Output::Tanh || output == Output::Sigmoid) && outputs == 1 && classes == 2) {
        // logit = 0: the line between class 0 (logit < 0) and class 1; as logit − 0 with a = 0, b = 1
        Eigen::MatrixX3d pair(2, 3);
        pair.row(0).setZero();
        pair.row(1) = logits.row(0);
        if (edge(pair, 0, 1, false, lo_corner, hi_corner, &s)) edges.push_back(s);
    } else if (output == Output::Softmax && outputs >= 2 && classes >= 2) {
        for (int i = 0; i < outputs; ++i)
            for (int j = i + 1; j < outputs; ++j)
                if (edge(logits, i, j, true, lo_corner, hi_corner, &s)) edges.push_back(s);
    }
    return edges;
}

}  // namespace actlab::core
