// How a network bends the plane (core/layer_warp.h): every carried point against the network's own
// forward pass (forward_block) at every stage, grid lines that stay straight through identity layers,
// ReLU's corner of the plane, the principal components against an SVD, the output layer in the last
// hidden plane against the logits, and the decision edges against ones derived by hand and against
// the argmax sampled along each line.
#include "core/layer_warp.h"

#include <Eigen/SVD>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace actlab::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

HiddenLayer layer(int units, const char* id) { return hidden_layer(units, activation_index(id)); }

// A network with seeded weights and biases, the biases drawn too (so the bias stage moves every unit).
Mlp seeded_net(const std::vector<HiddenLayer>& hidden, int inputs, int outputs, std::uint64_t seed) {
    Mlp net(NetworkSpec{inputs, hidden, outputs});
    Rng rng(seed);
    net.initialise(Init{InitKind::Normal, 0.8}, rng);
    for (int l = 0; l < net.layer_count(); ++l)
        for (Eigen::Index o = 0; o < net.biases(l).size(); ++o) net.biases(l)(o) = 0.5 * rng.normal();
    return net;
}

Eigen::MatrixX2d scattered(int n, std::uint64_t seed) {
    Rng rng(seed);
    Eigen::MatrixX2d x(n, 2);
    for (int r = 0; r < n; ++r) x.row(r) << rng.uniform(-kDataExtent, kDataExtent), rng.uniform(-kDataExtent, kDataExtent);
    return x;
}

// The training pass's z and a of every layer at every row of x (units × rows), eight rows at a time.
struct ForwardPass {
    std::vector<Matrix> z, a;
};

ForwardPass forward_blocks(const Mlp& net, FeatureSet features, const Eigen::MatrixX2d& x) {
    const int layers = net.layer_count(), rows = static_cast<int>(x.rows());
    ForwardPass out;
    for (int l = 0; l < layers; ++l) {
        out.z.emplace_back(net.slots(l).rows, rows);
        if (l + 1 < layers) out.a.emplace_back(net.slots(l).units, rows);
    }
    BlockPass pass;
    prepare_pass(net, &pass);
    Eigen::Matrix<double, 1, kBlock> x1, x2;
    for (int first = 0; first < rows; first += kBlock) {
        const int lanes = std::min(kBlock, rows - first);
        for (int k = 0; k < kBlock; ++k) {
            const int r = first + std::min(k, lanes - 1);
            x1[k] = x(r, 0);
            x2[k] = x(r, 1);
        }
        feature_block(x1, x2, features, &pass.input);
        forward_block(net, &pass);
        for (int l = 0; l < layers; ++l) {
            out.z[l].middleCols(first, lanes) = pass.z[l].leftCols(lanes);
            if (l + 1 < layers) out.a[l].middleCols(first, lanes) = pass.a[l].leftCols(lanes);
        }
    }
    return out;
}

// max |got − want| / max(1, |want|, |scale|) over the entries: an error relative to the numbers that
// were summed (scale: a term as large as the result, where the result may cancel).
double max_relative_error(const Matrix& got, const Matrix& want, const Matrix* scale = nullptr) {
    EXPECT_EQ(got.rows(), want.rows());
    EXPECT_EQ(got.cols(), want.cols());
    if (got.rows() != want.rows() || got.cols() != want.cols()) return INFINITY;
    double worst = 0.0;
    for (Eigen::Index r = 0; r < got.rows(); ++r)
        for (Eigen::Index c = 0; c < got.cols(); ++c) {
            double size = std::max(1.0, std::fabs(want(r, c)));
            if (scale) size = std::max(size, std::fabs((*scale)(r, c)));
            worst = std::max(worst, std::fabs(got(r, c) - want(r, c)) / size);
        }
    return worst;
}

// ---- stages and steps ----------------------------------------------------------------------------

TEST(LayerWarp, StagesHaveIdsLabelsAndSteps) {
    const char* ids[] = {"linear", "bias", "activation"};
    const char* labels[] = {"W·a", "W·a + b", "f(W·a + b)"};
    for (int s = 0; s < kWarpStages; ++s) {
        const WarpStage stage = static_cast<WarpStage>(s);
        EXPECT_STREQ(warp_stage_id(stage), ids[s]);
        EXPECT_STREQ(warp_stage_label(stage), labels[s]);
        WarpStage found = WarpStage::Linear;
        ASSERT_TRUE(find_warp_stage(ids[s], &found));
        EXPECT_EQ(found, stage);
    }
    WarpStage untouched = WarpStage::Bias;
    EXPECT_FALSE(find_warp_stage("Bias", &untouched));
    EXPECT_FALSE(find_warp_stage("", &untouched));
    EXPECT_EQ(untouched, WarpStage::Bias);

    EXPECT_EQ(warp_steps(0), 1);
    EXPECT_EQ(warp_steps(4), 13);
    int step = 1;
    for (int l = 0; l < kMaxHiddenLayers; ++l)
        for (int s = 0; s < kWarpStages; ++s, ++step) {
            EXPECT_EQ(warp_step(l, static_cast<WarpStage>(s)), step);
            EXPECT_EQ(warp_step_layer(step), l);
            EXPECT_EQ(warp_step_stage(step), static_cast<WarpStage>(s));
        }
    EXPECT_EQ(step, warp_steps(kMaxHiddenLayers));
}

// ---- the points carried --------------------------------------------------------------------------

TEST(LayerWarp, PointsAreTheFramesGridLinesThenTheData) {
    GridSpec frame;
    frame.x_min = -1.3;
    frame.x_max = 2.7;
    frame.y_min = 0.1;
    frame.y_max = 0.7;
    Eigen::MatrixX2d data(3, 2);
    data << 0.5, 0.2, -1.0, 0.3, 2.0, 0.65;
    const int lines = 5, samples = 7;
    const WarpPoints p = warp_points(frame, data, lines, samples);
    EXPECT_EQ(p.lines, lines);
    EXPECT_EQ(p.samples, samples);
    EXPECT_EQ(p.grid_rows(), 2 * lines * samples);
    EXPECT_EQ(p.data_rows(), 3);
    ASSERT_EQ(p.x.rows(), 2 * lines * samples + 3);
    const double w = frame.x_max - frame.x_min, h = frame.y_max - frame.y_min;
    for (int k = 0; k < lines; ++k)
        for (int s = 0; s < samples; ++s) {
            SCOPED_TRACE("line " + std::to_string(k) + ", sample " + std::to_string(s));
            const Eigen::Index across = k * samples + s, up = (lines + k) * samples + s;
            EXPECT_DOUBLE_EQ(p.x(across, 0), frame.x_min + w * s / (samples - 1));
            EXPECT_DOUBLE_EQ(p.x(across, 1), frame.y_min + h * k / (lines - 1));
            EXPECT_DOUBLE_EQ(p.x(up, 0), frame.x_min + w * k / (lines - 1));
            EXPECT_DOUBLE_EQ(p.x(up, 1), frame.y_min + h * s / (samples - 1));
        }
    // the lines end exactly on the frame: its corners and its edges
    const int last = samples - 1;
    EXPECT_EQ(p.x.row(0), Eigen::RowVector2d(frame.x_min, frame.y_min));
    EXPECT_EQ(p.x.row(last), Eigen::RowVector2d(frame.x_max, frame.y_min));
    EXPECT_EQ(p.x.row((lines - 1) * samples), Eigen::RowVector2d(frame.x_min, frame.y_max));
    EXPECT_EQ(p.x.row((lines - 1) * samples + last), Eigen::RowVector2d(frame.x_max, frame.y_max));
    EXPECT_EQ(p.x.row(lines * samples), Eigen::RowVector2d(frame.x_min, frame.y_min));
    EXPECT_EQ(p.x.row(lines * samples + last), Eigen::RowVector2d(frame.x_min, frame.y_max));
    EXPECT_EQ(p.x.row((2 * lines - 1) * samples), Eigen::RowVector2d(frame.x_max, frame.y_min));
    EXPECT_EQ(p.x.row((2 * lines - 1) * samples + last), Eigen::RowVector2d(frame.x_max, frame.y_max));
    for (int k = 0; k < lines; ++k) {
        EXPECT_EQ(p.x(k * samples + last, 0), frame.x_max);
        EXPECT_EQ(p.x((lines + k) * samples + last, 1), frame.y_max);
    }
    EXPECT_EQ(p.x.bottomRows(3), data);

    // the default: an odd count of lines over the symmetric frame has the axes among them
    const WarpPoints d = warp_points(GridSpec{}, data);
    EXPECT_EQ(d.lines, kWarpGridLines);
    EXPECT_EQ(d.samples, kWarpLineSamples);
    const int middle = kWarpGridLines / 2;
    for (int s = 0; s < kWarpLineSamples; ++s) {
        EXPECT_EQ(d.x(middle * kWarpLineSamples + s, 1), 0.0);
        EXPECT_EQ(d.x((kWarpGridLines + middle) * kWarpLineSamples + s, 0), 0.0);
    }
}

// ---- the values at every step --------------------------------------------------------------------

TEST(LayerWarp, CarriedPointsAreTheNetworksOwnForwardPassAtEveryStage) {
    std::vector<HiddenLayer> hidden = {layer(4, "tanh"), layer(3, "relu"), layer(5, "prelu"), layer(2, "softplus"),
                                       layer(3, "elu"), layer(6, "sigmoid")};
    hidden[3].params.v[0] = 2.0;   // softplus β
    hidden[4].params.v[0] = 0.7;   // ELU α
    const FeatureSet features = Feature_X1 | Feature_X2 | Feature_X1Sq | Feature_SinX2;
    Mlp net = seeded_net(hidden, feature_count(features), 3, 11);
    net.params()[net.slots(2).alpha] = 0.6;  // PReLU's α as learned, not the 0.25 it started at
    const WarpPoints points = warp_points(GridSpec{}, scattered(61, 5));
    const std::vector<Matrix> values = warp_values(net, features, points.x);
    const ForwardPass pass = forward_blocks(net, features, points.x);
    const int layers = static_cast<int>(hidden.size()), rows = static_cast<int>(points.x.rows());
    ASSERT_EQ(static_cast<int>(values.size()), warp_steps(layers));
    EXPECT_EQ(values[0], Matrix(points.x.transpose()));
    for (int l = 0; l < layers; ++l) {
        SCOPED_TRACE("hidden layer " + std::to_string(l + 1) + ", " + net.activation(l).id);
        const Matrix& z = pass.z[l];
        const Matrix bias = net.biases(l).replicate(1, rows);
        const Matrix wa = z - bias;
        EXPECT_LE(max_relative_error(values[warp_step(l, WarpStage::Linear)], wa, &bias), 1e-12);
        EXPECT_LE(max_relative_error(values[warp_step(l, WarpStage::Bias)], z), 1e-12);
        EXPECT_LE(max_relative_error(values[warp_step(l, WarpStage::Activation)], pass.a[l]), 1e-12);
        // the stages move the points: the check is not between equal matrices
        EXPECT_GT((values[warp_step(l, WarpStage::Bias)] - values[warp_step(l, WarpStage::Linear)]).norm(), 0.1);
        EXPECT_GT((values[warp_step(l, WarpStage::Activation)] - values[warp_step(l, WarpStage::Bias)]).norm(), 0.1);
    }
}

// Gated layers: W·a and z carry the gates above the values (2u rows), the activation stage is
// f(gate) ⊙ value, as training computes it.
TEST(LayerWarp, GatedLayersCarryGatesAndValuesThenTheirProducts) {
    std::vector<HiddenLayer> hidden = {hidden_layer(3, activation_index("silu"), true), layer(4, "tanh"),
                                       hidden_layer(2, activation_index("prelu"), true),
                                       hidden_layer(1, activation_index("identity"), true)};
    Mlp net = seeded_net(hidden, 2, 1, 17);
    net.params()[net.slots(2).alpha] = 0.4;
    const WarpPoints points = warp_points(GridSpec{}, scattered(29, 3));
    const std::vector<Matrix> values = warp_values(net, Feature_X1 | Feature_X2, points.x);
    const ForwardPass pass = forward_blocks(net, Feature_X1 | Feature_X2, points.x);
    for (int l = 0; l < 4; ++l) {
        SCOPED_TRACE("hidden layer " + std::to_string(l + 1));
        EXPECT_EQ(values[warp_step(l, WarpStage::Bias)].rows(), net.slots(l).rows);
        EXPECT_LE(max_relative_error(values[warp_step(l, WarpStage::Bias)], pass.z[l]), 1e-12);
        EXPECT_EQ(values[warp_step(l, WarpStage::Activation)].rows(), hidden[l].units);
        EXPECT_LE(max_relative_error(values[warp_step(l, WarpStage::Activation)], pass.a[l]), 1e-12);
    }
}

TEST(LayerWarp, IdentityLayersKeepEveryGridLineStraight) {
    const int id = activation_index("identity");
    ASSERT_GE(id, 0);
    const std::vector<HiddenLayer> hidden = {hidden_layer(3, id), hidden_layer(5, id), hidden_layer(2, id),
                                             hidden_layer(4, id), hidden_layer(1, id)};
    const Mlp net = seeded_net(hidden, 2, 1, 21);
    const WarpPoints points = warp_points(GridSpec{}, scattered(40, 6));
    const std::vector<Matrix> values = warp_values(net, kDefaultFeatures, points.x);
    ASSERT_EQ(static_cast<int>(values.size()), warp_steps(5));
    const WarpProjection projections[] = {{WarpProjection::Kind::Pca, 0, 1}, {WarpProjection::Kind::Units, 2, 0}};
    for (size_t step = 0; step < values.size(); ++step)
        for (const WarpProjection& projection : projections) {
            SCOPED_TRACE("step " + std::to_string(step) + (projection.kind == WarpProjection::Kind::Pca ? ", pca" : ", units"));
            const WarpPlane plane = warp_plane(values[step], points.grid_rows(), points.data_rows(), projection);
            const Eigen::Matrix2Xd uv = project(plane, values[step]);
            // the largest distance of a line's points from the chord through its ends, over the chord's length
            double worst = 0.0;
            for (int line = 0; line < 2 * points.lines; ++line) {
                const Eigen::Matrix2Xd p = uv.middleCols(static_cast<Eigen::Index>(line) * points.samples, points.samples);
                const Eigen::Vector2d from = p.col(0), chord = p.col(points.samples - 1) - from;
                const double length = chord.norm();
                ASSERT_GT(length, 1e-6);
                for (int s = 0; s < points.samples; ++s) {
                    const Eigen::Vector2d d = p.col(s) - from;
                    worst = std::max(worst, std::fabs(d[0] * chord[1] - d[1] * chord[0]) / (length * length));
                }
            }
            EXPECT_LE(worst, 1e-9);
        }
}

TEST(LayerWarp, ReluActivationsAreNeverNegativeInAPlaneOfUnits) {
    const std::vector<HiddenLayer> hidden = {layer(5, "relu"), layer(2, "relu"), layer(6, "relu"), layer(1, "relu")};
    const Mlp net = seeded_net(hidden, 2, 1, 31);
    const WarpPoints points = warp_points(GridSpec{}, scattered(80, 7));
    const std::vector<Matrix> values = warp_values(net, kDefaultFeatures, points.x);
    const WarpProjection projections[] = {{WarpProjection::Kind::Units, 3, 1}, {WarpProjection::Kind::Units, 0, 4},
                                          {WarpProjection::Kind::Units, 1, 0}};
    for (int l = 0; l < static_cast<int>(hidden.size()); ++l)
        for (const WarpProjection& projection : projections) {
            SCOPED_TRACE("hidden layer " + std::to_string(l + 1) + ", units " + std::to_string(projection.i) + ", " +
                         std::to_string(projection.j));
            const Matrix& before = values[warp_step(l, WarpStage::Bias)];
            const Matrix& after = values[warp_step(l, WarpStage::Activation)];
            const WarpPlane plane = warp_plane(after, points.grid_rows(), points.data_rows(), projection);
            EXPECT_FALSE(plane.pca);
            const Eigen::Matrix2Xd uv = project(plane, after);
            EXPECT_GE(uv.minCoeff(), 0.0);
            // the same plane before the bend has points on the negative side
            EXPECT_LT(project(plane, before).minCoeff(), 0.0);
            if (hidden[l].units == 1) {
                EXPECT_EQ(uv.row(1).cwiseAbs().maxCoeff(), 0.0);
            }
        }
}

// ---- the plane of a layer ------------------------------------------------------------------------

// Columns of `units` rows spread unevenly along random directions, off the origin.
Matrix spread_values(int units, int columns, std::uint64_t seed) {
    Rng rng(seed);
    Eigen::MatrixXd mix(units, units);
    for (Eigen::Index i = 0; i < mix.size(); ++i) mix.data()[i] = rng.normal();
    Matrix v(units, columns);
    for (int c = 0; c < columns; ++c) {
        Eigen::VectorXd g(units);
        for (int k = 0; k < units; ++k) g[k] = rng.normal() * 3.0 / (1.0 + k);
        v.col(c) = mix * g + Eigen::VectorXd::LinSpaced(units, 1.0, 2.0);
    }
    return v;
}

TEST(LayerWarp, PrincipalComponentsMatchAnSvdOfTheFittedColumns) {
    std::vector<Matrix> cases = {spread_values(3, 300, 1), spread_values(5, 400, 2), spread_values(9, 250, 3)};
    // and a layer as a network leaves it
    const Mlp net = seeded_net({layer(7, "tanh"), layer(6, "softplus")}, 2, 1, 41);
    cases.push_back(warp_values(net, kDefaultFeatures, scattered(300, 8))[warp_step(1, WarpStage::Activation)]);
    for (const Matrix& values : cases) {
        const int units = static_cast<int>(values.rows()), first = 30, count = static_cast<int>(values.cols()) - 60;
        SCOPED_TRACE(std::to_string(units) + " units");
        const WarpPlane plane = warp_plane(values, first, count, WarpProjection{});
        EXPECT_TRUE(plane.pca);
        EXPECT_EQ(plane.units, units);
        ASSERT_EQ(plane.axes.rows(), 2);
        ASSERT_EQ(plane.axes.cols(), units);
        // μ and the centred columns, by hand
        Eigen::VectorXd mean = Eigen::VectorXd::Zero(units);
        for (int c = first; c < first + count; ++c) mean += values.col(c);
        mean /= count;
        EXPECT_LE((plane.mean - mean).cwiseAbs().maxCoeff(), 1e-12 * (1.0 + mean.cwiseAbs().maxCoeff()));
        Eigen::MatrixXd centred(units, count);
        for (int c = 0; c < count; ++c) centred.col(c) = values.col(first + c) - mean;
        // centred = U Σ Vᵀ: the components are U's first columns, their variances σ²/N
        const Eigen::JacobiSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinU);
        const Eigen::VectorXd sigma2 = svd.singularValues().array().square();
        for (int k = 0; k < 2; ++k) {
            const Eigen::VectorXd axis = plane.axes.row(k).transpose(), u = svd.matrixU().col(k);
            EXPECT_LE(std::min((axis - u).norm(), (axis + u).norm()), 1e-9) << "axis " << k;
            EXPECT_NEAR(plane.share[k], sigma2[k] / sigma2.sum(), 1e-9) << "axis " << k;
            // the sign rule: the largest component (by magnitude) is positive
            Eigen::Index largest = 0;
            axis.cwiseAbs().maxCoeff(&largest);
            EXPECT_GT(axis[largest], 0.0);
        }
        EXPECT_NEAR((plane.axes * plane.axes.transpose() - Eigen::Matrix2d::Identity()).cwiseAbs().maxCoeff(), 0.0, 1e-12);
        EXPECT_GT(plane.share[0], plane.share[1]);
        EXPECT_LE(plane.share[0] + plane.share[1], 1.0 + 1e-15);
    }
}

TEST(LayerWarp, PlanesOfUnitsAndOfSmallLayers) {
    const WarpProjection pca{}, units{WarpProjection::Kind::Units, 1, 0};
    // 1 unit: u is the unit, v is 0
    const Matrix one = spread_values(1, 50, 4);
    for (const WarpProjection& projection : {pca, units}) {
        const WarpPlane plane = warp_plane(one, 0, 50, projection);
        EXPECT_FALSE(plane.pca);
        EXPECT_EQ(plane.unit[0], 0);
        EXPECT_EQ(plane.unit[1], -1);
        EXPECT_EQ(plane.axes, (Eigen::MatrixXd(2, 1) << 1.0, 0.0).finished());
        EXPECT_EQ(plane.share[0], 1.0);
        EXPECT_EQ(plane.share[1], 0.0);
        EXPECT_NEAR(plane.mean[0], one.row(0).mean(), 1e-12);
    }
    const WarpPlane still = warp_plane(Matrix::Constant(1, 20, 0.3), 0, 20, pca);
    EXPECT_EQ(still.share[0], 0.0);
    EXPECT_EQ(still.share[1], 0.0);

    // 2 units: the units as they are, whatever the projection asks; shares var_k / (var₀ + var₁)
    const Matrix two = spread_values(2, 90, 5);
    for (const WarpProjection& projection : {pca, units}) {
        const WarpPlane plane = warp_plane(two, 10, 70, projection);
        EXPECT_FALSE(plane.pca);
        EXPECT_EQ(plane.unit[0], 0);
        EXPECT_EQ(plane.unit[1], 1);
        EXPECT_EQ(plane.axes, Eigen::MatrixXd(Eigen::Matrix2d::Identity()));
        double var[2];
        for (int k = 0; k < 2; ++k) {
            const Eigen::RowVectorXd row = two.row(k).segment(10, 70);
            var[k] = (row.array() - row.mean()).square().sum() / 70;
        }
        EXPECT_NEAR(plane.share[0], var[0] / (var[0] + var[1]), 1e-12);
        EXPECT_NEAR(plane.share[1], var[1] / (var[0] + var[1]), 1e-12);
        EXPECT_NEAR(plane.share[0] + plane.share[1], 1.0, 1e-15);
        EXPECT_LE(plane.share[0] + plane.share[1], 1.0);
    }

    // 3 or more, units i and j: the unit vectors, each unit's variance over the trace
    const Matrix five = spread_values(5, 120, 6);
    const WarpPlane plane = warp_plane(five, 0, 120, WarpProjection{WarpProjection::Kind::Units, 3, 1});
    EXPECT_FALSE(plane.pca);
    EXPECT_EQ(plane.unit[0], 3);
    EXPECT_EQ(plane.unit[1], 1);
    Eigen::MatrixXd axes = Eigen::MatrixXd::Zero(2, 5);
    axes(0, 3) = axes(1, 1) = 1.0;
    EXPECT_EQ(plane.axes, axes);
    double var[5], trace = 0.0;
    for (int k = 0; k < 5; ++k) {
        var[k] = (five.row(k).array() - five.row(k).mean()).square().sum() / 120;
        trace += var[k];
    }
    EXPECT_NEAR(plane.share[0], var[3] / trace, 1e-12);
    EXPECT_NEAR(plane.share[1], var[1] / trace, 1e-12);
    EXPECT_LE(plane.share[0] + plane.share[1], 1.0);
}

TEST(LayerWarp, ColumnsThatDoNotVaryOrAreNotNumbersGiveNoShares) {
    for (const WarpProjection& projection : {WarpProjection{}, WarpProjection{WarpProjection::Kind::Units, 0, 2}}) {
        // (0.1 summed 30 times is not 3: the rounded mean leaves each column a difference of about ε)
        const WarpPlane still = warp_plane(Matrix::Constant(4, 30, 0.1), 0, 30, projection);
        EXPECT_EQ(still.share[0], 0.0);
        EXPECT_EQ(still.share[1], 0.0);
        EXPECT_TRUE(still.axes.allFinite());
        EXPECT_NEAR(still.mean[2], 0.1, 1e-15);
        // one column alone does not vary either
        const WarpPlane single = warp_plane(spread_values(4, 30, 7), 12, 1, projection);
        EXPECT_EQ(single.share[0], 0.0);
        EXPECT_EQ(single.share[1], 0.0);
        // NaN and ∞ in the columns: no crash, planes of the right shape
        for (int units : {1, 2, 4}) {
            Matrix broken = spread_values(units, 30, 8);
            broken(0, 5) = kNaN;
            broken(units - 1, 9) = INFINITY;
            const WarpPlane plane = warp_plane(broken, 0, 30, projection);
            EXPECT_EQ(plane.units, units);
            EXPECT_EQ(plane.axes.rows(), 2);
            EXPECT_EQ(plane.axes.cols(), units);
            EXPECT_FALSE(plane.share[0] > 1.0);
            EXPECT_EQ(project(plane, broken).cols(), 30);
        }
    }
}

TEST(LayerWarp, OrientLikeTurnsAMirroredPlaneBack) {
    const Matrix values = spread_values(5, 200, 9);
    const WarpPlane plane = warp_plane(values, 0, 200, WarpProjection{});
    for (int flips = 1; flips < 4; ++flips) {
        WarpPlane mirrored = plane;
        if (flips & 1) mirrored.axes.row(0) *= -1.0;
        if (flips & 2) mirrored.axes.row(1) *= -1.0;
        ASSERT_NE(mirrored.axes, plane.axes);
        orient_like(&mirrored, plane);
        EXPECT_EQ(mirrored.axes, plane.axes) << "flips " << flips;
        // and the other way: the plane follows a mirrored picture
        WarpPlane follows = plane, like = plane;
        like.axes *= -1.0;
        orient_like(&follows, like);
        EXPECT_EQ(follows.axes, like.axes);
    }
    // a plane slightly turned from the last one keeps its sign or takes the last one's
    Matrix moved = values;
    moved.row(2) *= 1.05;
    WarpPlane next = warp_plane(moved, 0, 200, WarpProjection{});
    next.axes *= -1.0;
    orient_like(&next, plane);
    for (int k = 0; k < 2; ++k) EXPECT_GT(next.axes.row(k).dot(plane.axes.row(k)), 0.9);

    // planes of units, or of another layer size, stay as they are
    WarpPlane mirrored = plane;
    mirrored.axes *= -1.0;
    WarpPlane of_units = warp_plane(values, 0, 200, WarpProjection{WarpProjection::Kind::Units, 0, 1});
    const Eigen::MatrixXd units_axes = of_units.axes;
    orient_like(&of_units, mirrored);
    EXPECT_EQ(of_units.axes, units_axes);
    WarpPlane other = warp_plane(spread_values(4, 200, 10), 0, 200, WarpProjection{});
    const Eigen::MatrixXd other_axes = other.axes;
    orient_like(&other, mirrored);
    EXPECT_EQ(other.axes, other_axes);
    WarpPlane kept = plane;
    orient_like(&kept, of_units);
    EXPECT_EQ(kept.axes, plane.axes);
}

// ---- the output layer in the last hidden plane ---------------------------------------------------

TEST(LayerWarp, OutputLayerInTheLastHiddenPlaneGivesTheLogits) {
    struct Case {
        std::vector<HiddenLayer> hidden;
        int outputs;
        WarpProjection projection;
    };
    const Case cases[] = {
        {{layer(4, "tanh"), layer(2, "relu")}, 1, {}},
        {{layer(3, "elu"), layer(2, "tanh")}, 3, {WarpProjection::Kind::Units, 1, 0}},
        {{layer(5, "relu"), layer(1, "tanh")}, 1, {}},
        {{layer(1, "softplus")}, 4, {}},
        {{layer(3, "tanh"), layer(5, "prelu")}, 3, {}},
        {{layer(6, "tanh")}, 1, {WarpProjection::Kind::Units, 4, 2}},
        {{layer(2, "relu"), layer(4, "sigmoid")}, 2, {}},
    };
    std::uint64_t seed = 50;
    for (const Case& c : cases) {
        const int layers = static_cast<int>(c.hidden.size()), last = c.hidden.back().units;
        SCOPED_TRACE(std::to_string(layers) + " hidden layers, the last of " + std::to_string(last) + " units, " +
                     std::to_string(c.outputs) + " outputs");
        const Mlp net = seeded_net(c.hidden, 2, c.outputs, ++seed);
        const WarpPoints points = warp_points(GridSpec{}, scattered(70, seed), 5, 9);
        const std::vector<Matrix> values = warp_values(net, kDefaultFeatures, points.x);
        const Matrix& a = values[warp_step(layers - 1, WarpStage::Activation)];
        const WarpPlane plane = warp_plane(a, points.grid_rows(), points.data_rows(), c.projection);
        const Eigen::Matrix2Xd uv = project(plane, a);
        const Eigen::MatrixX3d form = output_in_plane(net, plane);
        ASSERT_EQ(form.rows(), c.outputs);
        // c + g_u u + g_v v at every point
        Matrix in_plane(c.outputs, uv.cols());
        for (Eigen::Index r = 0; r < uv.cols(); ++r)
            for (int k = 0; k < c.outputs; ++k) in_plane(k, r) = form(k, 0) + form(k, 1) * uv(0, r) + form(k, 2) * uv(1, r);
        if (last <= 2) {
            // the plane is the layer itself: the network's own logits
            const Matrix logits = forward_blocks(net, kDefaultFeatures, points.x).z.back();
            EXPECT_LE(max_relative_error(in_plane, logits), 1e-12);
        } else {
            // the point of the layer the plane's (u, v) stands for, a = (I − PᵀP) μ + Pᵀ (u, v), through
            // the output layer by hand
            const Eigen::MatrixXd p = plane.axes;
            const Eigen::MatrixXd off = Eigen::MatrixXd::Identity(last, last) - p.transpose() * p;
            const ConstMatrixMap w = net.weights(layers);
            Matrix expected(c.outputs, uv.cols());
            for (Eigen::Index r = 0; r < uv.cols(); ++r) {
                const Eigen::VectorXd point = off * plane.mean + p.transpose() * uv.col(r);
                for (int k = 0; k < c.outputs; ++k) {
                    double z = net.biases(layers)(k);
                    for (int i = 0; i < last; ++i) z += w(k, i) * point[i];
                    expected(k, r) = z;
                }
            }
            EXPECT_LE(max_relative_error(in_plane, expected), 1e-12);
            // and at the data's mean, where nothing is held off the plane, the logits of the mean
            const Eigen::Vector2d centre = p * plane.mean;
            for (int k = 0; k < c.outputs; ++k) {
                const double z = (w.row(k) * plane.mean)(0) + net.biases(layers)(k);
                EXPECT_NEAR(form(k, 0) + form.row(k).tail<2>().dot(centre), z, 1e-12 * (1.0 + std::fabs(z)));
            }
        }
    }
}

// ---- decision edges ------------------------------------------------------------------------------

double affine(const Eigen::MatrixX3d& logits, int k, const Eigen::Vector2d& p) {
    return logits(k, 0) + logits(k, 1) * p[0] + logits(k, 2) * p[1];
}

bool inside(const Eigen::Vector2d& p, double u0, double u1, double v0, double v1) {
    return p[0] >= u0 && p[0] <= u1 && p[1] >= v0 && p[1] <= v1;
}

// How far p is from the nearest side of the box (0 on it).
double off_sides(const Eigen::Vector2d& p, double u0, double u1, double v0, double v1) {
    return std::min({std::fabs(p[0] - u0), std::fabs(p[0] - u1), std::fabs(p[1] - v0), std::fabs(p[1] - v1)});
}

TEST(LayerWarp, OneOutputsEdgeIsTheZeroLineAcrossTheBox) {
    Rng rng(61);
    int crossed = 0, missed = 0;
    for (int trial = 0; trial < 400; ++trial) {
        Eigen::MatrixX3d form(1, 3);
        form << rng.uniform(-3, 3), rng.normal(), rng.normal();
        if (trial % 10 == 0) form(0, 1) = 0.0;   // lines parallel to the sides
        if (trial % 10 == 5) form(0, 2) = 0.0;
        double u0 = rng.uniform(-4, 1), u1 = u0 + rng.uniform(0.1, 5), v0 = rng.uniform(-4, 1), v1 = v0 + rng.uniform(0.1, 5);
        const Output output = trial % 2 ? Output::Tanh : Output::Sigmoid;
        const std::vector<Segment> edges = decision_edges(form, output, 2, u0, u1, v0, v1);
        // the line crosses the box when the corners' logits are of both signs
        double lo = INFINITY, hi = -INFINITY;
        for (double u : {u0, u1})
            for (double v : {v0, v1}) {
                const double z = affine(form, 0, Eigen::Vector2d(u, v));
                lo = std::min(lo, z);
                hi = std::max(hi, z);
            }
        SCOPED_TRACE("trial " + std::to_string(trial));
        if (lo < -1e-9 && hi > 1e-9) {
            ++crossed;
            ASSERT_EQ(edges.size(), 1u);
            const Segment& s = edges[0];
            EXPECT_EQ(s.a, 0);
            EXPECT_EQ(s.b, 1);
            const double scale = 1.0 + form.cwiseAbs().sum() * 5.0;
            for (const Eigen::Vector2d& end : {s.from, s.to}) {
                EXPECT_NEAR(affine(form, 0, end), 0.0, 1e-9 * scale);
                EXPECT_TRUE(inside(end, u0, u1, v0, v1)) << end.transpose();
                EXPECT_LE(off_sides(end, u0, u1, v0, v1), 1e-12 * 10.0);  // the whole chord, side to side
            }
            EXPECT_GT((s.to - s.from).norm(), 0.0);
        } else if (lo > 0.0 || hi < 0.0) {
            ++missed;
            EXPECT_TRUE(edges.empty());
        }
    }
    EXPECT_GT(crossed, 100);
    EXPECT_GT(missed, 20);
}

// The segments as sets of two ends, compared in any order and direction.
void expect_edges(const std::vector<Segment>& got, const std::vector<Segment>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (const Segment& w : want) {
        bool found = false;
        for (const Segment& g : got) {
            if (g.a != w.a || g.b != w.b) continue;
            found = true;
            const double same = std::max((g.from - w.from).norm(), (g.to - w.to).norm());
            const double swapped = std::max((g.from - w.to).norm(), (g.to - w.from).norm());
            EXPECT_LE(std::min(same, swapped), 1e-12) << "classes " << w.a << ", " << w.b << ": " << g.from.transpose()
                                                      << " to " << g.to.transpose();
        }
        EXPECT_TRUE(found) << "classes " << w.a << ", " << w.b;
    }
}

Segment segment(double u0, double v0, double u1, double v1, int a, int b) {
    Segment s;
    s.from = Eigen::Vector2d(u0, v0);
    s.to = Eigen::Vector2d(u1, v1);
    s.a = a;
    s.b = b;
    return s;
}

TEST(LayerWarp, ThreeClassEdgesAreTheOnesDerivedByHand) {
    // logits u, v, c over [−2, 3] × [−1, 4]:
    //   0 | 1 where u = v ≥ c;   0 | 2 where u = c ≥ v;   1 | 2 where v = c ≥ u
    for (double c : {0.0, 1.0}) {
        SCOPED_TRACE("c = " + std::to_string(c));
        Eigen::MatrixX3d logits(3, 3);
        logits << 0, 1, 0,  //
            0, 0, 1,        //
            c, 0, 0;
        const std::vector<Segment> edges = decision_edges(logits, Output::Softmax, 3, -2, 3, -1, 4);
        expect_edges(edges, {segment(c, c, 3, 3, 0, 1), segment(c, -1, c, c, 0, 2), segment(-2, c, c, c, 1, 2)});
    }
    // the same regions with every logit doubled and shifted alike: the same edges
    Eigen::MatrixX3d logits(3, 3);
    logits << 5, 2, 0,  //
        5, 0, 2,        //
        5, 0, 0;
    expect_edges(decision_edges(logits, Output::Softmax, 3, -2, 3, -1, 4),
                 {segment(0, 0, 3, 3, 0, 1), segment(0, -1, 0, 0, 0, 2), segment(-2, 0, 0, 0, 1, 2)});
    // a box that only the edge u = v crosses (u, v ≥ 0 throughout)
    logits << 0, 1, 0,  //
        0, 0, 1,        //
        0, 0, 0;
    expect_edges(decision_edges(logits, Output::Softmax, 3, 1, 2, 0.5, 3), {segment(1, 1, 2, 2, 0, 1)});
    // two classes by softmax: the one line logit_0 = logit_1, here u + v = 1
    Eigen::MatrixX3d two(2, 3);
    two << 1, 0, 0,  //
        0, 1, 1;
    expect_edges(decision_edges(two, Output::Softmax, 2, 0, 2, 0, 2), {segment(1, 0, 0, 1, 0, 1)});
}

TEST(LayerWarp, SoftmaxEdgesAreWhereTwoClassesLeadAlongEachLine) {
    Rng rng(71);
    const double u0 = -2.0, u1 = 3.0, v0 = -1.5, v1 = 2.5;
    int segments = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const int k_count = 3 + trial % 3;
        Eigen::MatrixX3d logits(k_count, 3);
        for (Eigen::Index i = 0; i < logits.size(); ++i) logits.data()[i] = rng.normal();
        const std::vector<Segment> edges = decision_edges(logits, Output::Softmax, k_count, u0, u1, v0, v1);
        for (int a = 0; a < k_count; ++a)
            for (int b = a + 1; b < k_count; ++b) {
                SCOPED_TRACE("trial " + std::to_string(trial) + ", classes " + std::to_string(a) + ", " + std::to_string(b));
                const Segment* found = nullptr;
                for (const Segment& s : edges)
                    if (s.a == a && s.b == b) {
                        EXPECT_EQ(found, nullptr);
                        found = &s;
                    }
                // sample the line logit_a = logit_b: q + t·d, q its point nearest the origin
                const Eigen::Vector2d g(logits(b, 1) - logits(a, 1), logits(b, 2) - logits(a, 2));
                const double c = logits(b, 0) - logits(a, 0);
                const Eigen::Vector2d q = -c / g.squaredNorm() * g, d = Eigen::Vector2d(-g[1], g[0]).normalized();
                const double reach = q.norm() + 10.0;
                for (int n = 0; n <= 4000; ++n) {
                    const Eigen::Vector2d p = q + (-reach + 2.0 * reach * n / 4000) * d;
                    if (!inside(p, u0 + 1e-9, u1 - 1e-9, v0 + 1e-9, v1 - 1e-9)) continue;
                    double lead = -INFINITY;  // the best other class's margin over a and b
                    for (int k = 0; k < k_count; ++k)
                        if (k != a && k != b) lead = std::max(lead, affine(logits, k, p) - affine(logits, a, p));
                    double along = kNaN;  // where p sits on the segment: 0 at from, 1 at to
                    if (found) {
                        const Eigen::Vector2d e = found->to - found->from;
                        along = (p - found->from).dot(e) / e.squaredNorm();
                        EXPECT_LE(std::fabs(e[0] * (p - found->from)[1] - e[1] * (p - found->from)[0]), 1e-9 * e.norm());
                    }
                    if (lead < -1e-9) {
                        ASSERT_NE(found, nullptr) << p.transpose();
                        EXPECT_TRUE(along >= -1e-9 && along <= 1.0 + 1e-9) << p.transpose() << ": " << along;
                    } else if (lead > 1e-9 && found) {
                        EXPECT_FALSE(along > 1e-9 && along < 1.0 - 1e-9) << p.transpose() << ": " << along;
                    }
                }
                if (found) {
                    ++segments;
                    for (const Eigen::Vector2d& end : {found->from, found->to}) {
                        EXPECT_TRUE(inside(end, u0, u1, v0, v1)) << end.transpose();
                        EXPECT_NEAR(affine(logits, a, end), affine(logits, b, end), 1e-9);
                    }
                }
            }
    }
    EXPECT_GT(segments, 60);
}

TEST(LayerWarp, NoEdgesForRegressionsMissedLinesOrPairsThatNeverLead) {
    Eigen::MatrixX3d line(1, 3);
    line << 0.2, 1.0, -0.5;   // crosses the box
    EXPECT_EQ(decision_edges(line, Output::Tanh, 2, -1, 1, -1, 1).size(), 1u);
    EXPECT_TRUE(decision_edges(line, Output::Identity, 0, -1, 1, -1, 1).empty());
    EXPECT_TRUE(decision_edges(line, Output::Tanh, 0, -1, 1, -1, 1).empty());
    line << -10.0, 1.0, 0.0;  // u = 10: right of the box
    EXPECT_TRUE(decision_edges(line, Output::Sigmoid, 2, -1, 1, -1, 1).empty());
    line << 2.5, 1.0, 1.0;    // u + v = −2.5: below and left of the box, past its corner
    EXPECT_TRUE(decision_edges(line, Output::Tanh, 2, -1, 1, -1, 1).empty());
    line << 0.5, 0.0, 0.0;    // no line: the logit never changes
    EXPECT_TRUE(decision_edges(line, Output::Tanh, 2, -1, 1, -1, 1).empty());
    line << kNaN, 1.0, 0.0;
    EXPECT_TRUE(decision_edges(line, Output::Tanh, 2, -1, 1, -1, 1).empty());

    // softmax: u | −u only where both are below 10, which holds nowhere in the box; 10 beats both there
    Eigen::MatrixX3d three(3, 3);
    three << 0, 1, 0,  //
        0, -1, 0,      //
        10, 0, 0;
    EXPECT_TRUE(decision_edges(three, Output::Softmax, 3, -1, 1, -1, 1).empty());
    // two classes equal everywhere: no line between them; the third's lines miss the box
    three << 0, 1, 1,  //
        0, 1, 1,       //
        -10, 0, 0;
    EXPECT_TRUE(decision_edges(three, Output::Softmax, 3, -1, 1, -1, 1).empty());
}

}  // namespace
}  // namespace actlab::core

namespace actlab::core {
namespace {

// The logits of every column of a last hidden layer's activations, through the output layer.
Matrix logits_of(const Mlp& net, const Matrix& a) {
    const int out = net.layer_count() - 1;
    return (net.weights(out) * a).colwise() + net.biases(out);
}

// Seen in the plane its output reads, a wide last hidden layer's points keep the network's decision:
// for one output the logit is |w|·u + b at every point, exactly; for two and three softmax classes every
// point's (u, v) gives the logits' differences, so the argmax, of the network. Four classes or more
// need more than a plane, and the plane says it is not exact.
TEST(LayerWarp, ThePlaneTheOutputReadsKeepsEveryPointsDecision) {
    const Eigen::MatrixX2d x = scattered(300, 41);
    for (int outputs : {1, 2, 3, 4}) {
        SCOPED_TRACE(outputs);
        const Mlp net = seeded_net({layer(5, "tanh"), layer(6, "relu")}, 2, outputs, 50 + outputs);
        const std::vector<Matrix> values = warp_values(net, kDefaultFeatures, x);
        const Matrix& a = values.back();
        const WarpPlane plane = output_plane(net, a, 0, 200);
        EXPECT_TRUE(plane.output);
        EXPECT_FALSE(plane.pca);
        EXPECT_EQ(plane.exact, outputs <= 3);
        // orthonormal axes
        EXPECT_NEAR((plane.axes * plane.axes.transpose() - Eigen::Matrix2d::Identity()).cwiseAbs().maxCoeff(), 0.0, 1e-12);
        EXPECT_GE(plane.share[0], 0.0);
        EXPECT_LE(plane.share[0] + plane.share[1], 1.0 + 1e-12);
        const Eigen::Matrix2Xd uv = project(plane, a);
        const Eigen::MatrixX3d form = output_in_plane(net, plane);
        const Matrix logits = logits_of(net, a);
        const int out = net.layer_count() - 1;
        int same = 0;
        for (Eigen::Index c = 0; c < a.cols(); ++c) {
            Eigen::VectorXd in_plane = form.col(0) + form.col(1) * uv(0, c) + form.col(2) * uv(1, c);
            if (outputs == 1) {
                // u is along w: the logit is |w|·u + b, and the form gives it
                const double w_norm = net.weights(out).row(0).norm();
                EXPECT_NEAR(logits(0, c), w_norm * uv(0, c) + net.biases(out)[0], 1e-12 * (1 + std::fabs(logits(0, c))));
                EXPECT_NEAR(in_plane[0], logits(0, c), 1e-12 * (1 + std::fabs(logits(0, c))));
                same += (in_plane[0] > 0) == (logits(0, c) > 0);
            } else {
                // the differences from class 0 are the network's
                for (int k = 1; k < outputs && outputs <= 3; ++k) {
                    const double want = logits(k, c) - logits(0, c), got = in_plane[k] - in_plane[0];
                    EXPECT_NEAR(got, want, 1e-12 * (1 + logits.col(c).cwiseAbs().maxCoeff())) << "column " << c;
                }
                Eigen::Index want_k = 0, got_k = 0;
                logits.col(c).maxCoeff(&want_k);
                in_plane.maxCoeff(&got_k);
                same += want_k == got_k;
            }
        }
        if (outputs <= 3) {
            EXPECT_EQ(same, a.cols());
        }
    }
}

TEST(LayerWarp, ThePlaneTheOutputReadsPointsWhereTheOutputGrowsAndStaysThere) {
    const Eigen::MatrixX2d x = scattered(200, 43);
    const Mlp net = seeded_net({layer(4, "sigmoid")}, 2, 1, 60);
    const Matrix a = warp_values(net, kDefaultFeatures, x).back();
    WarpPlane plane = output_plane(net, a, 0, 200);
    const int out = net.layer_count() - 1;
    const Eigen::VectorXd w = net.weights(out).row(0).transpose();
    EXPECT_NEAR(plane.axes.row(0).dot(w), w.norm(), 1e-12 * w.norm()) << "u is along +w";
    // a plane drawn a frame ago with both axes the other way turns only v
    WarpPlane mirrored = plane;
    mirrored.axes *= -1.0;
    WarpPlane turned = plane;
    orient_like(&turned, mirrored);
    EXPECT_EQ(turned.axes.row(0), plane.axes.row(0));
    EXPECT_EQ(turned.axes.row(1), -plane.axes.row(1));
    // a layer of 2 units is drawn as it is
    const Mlp narrow = seeded_net({layer(2, "tanh")}, 2, 1, 61);
    const WarpPlane two = output_plane(narrow, warp_values(narrow, kDefaultFeatures, x).back(), 0, 200);
    EXPECT_FALSE(two.output);
    EXPECT_TRUE(two.exact);
    EXPECT_EQ(two.unit[0], 0);
    EXPECT_EQ(two.unit[1], 1);
}

}  // namespace
}  // namespace actlab::core
