// Two-dimensional toy datasets, as TensorFlow Playground has them, and the input features a network
// can be given (x1, x2, x1², ...). Every dataset is generated from a seed, so the same settings give
// the same points.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::core {

enum class DatasetKind {
    Circle,      // a disc of one class inside a ring of the other
    Xor,         // the four quadrants, alternating
    Gauss,       // two Gaussian blobs
    Spiral,      // two interleaved spiral arms
    Moons,       // two interlocking half-moons
    Blobs3,      // three Gaussian blobs, three classes
    Spiral3,     // three spiral arms, three classes
    Plane,       // regression: the target rises across the plane
    MultiGauss,  // regression: six bumps of either sign
};
constexpr int kDatasetKindCount = 9;

struct DatasetInfo {
    const char* id;     // "circle": the command line's and settings' name
    const char* label;  // "Circle": shown in the window
    int classes;        // 2 or 3; 0 for regression
};
const DatasetInfo& dataset_info(DatasetKind kind);
bool find_dataset(const std::string& id, DatasetKind* kind);

// Points with a label: a class id 0 … classes−1 (stored as a double), or a real target when
// classes == 0 (regression). Playground's ±1 labels are classes 0 (−1) and 1 (+1).
struct Dataset {
    Eigen::MatrixX2d x;       // one row per point: x1, x2
    Eigen::VectorXd target;   // class id or regression target, one per point
    int classes = 2;          // 2 or more; 0 for regression
    int size() const { return static_cast<int>(x.rows()); }
};

struct DataSpec {
    DatasetKind kind = DatasetKind::Circle;
    int points = 500;         // kMinPoints … kMaxPoints
    double noise = 0.0;       // 0 … 0.5 (Playground's 0–50 %)
    std::uint64_t seed = 1;
};
constexpr int kMinPoints = 10;
constexpr int kMaxPoints = 100000;
constexpr double kMaxNoise = 0.5;
// Playground's plane spans [-6, 6] on both axes; its data stay within it at noise 0.
constexpr double kDataExtent = 6.0;

Dataset make_dataset(const DataSpec& spec);
// A dataset from three columns of equal length.
Dataset dataset_from_columns(const std::vector<double>& x1, const std::vector<double>& x2,
                             const std::vector<double>& target, int classes);

// A seeded shuffle of the points, then the first round(n·train_percent/100) train and the rest test.
// train_percent is 10 … 90; both parts get at least one point.
void split_dataset(const Dataset& all, int train_percent, std::uint64_t seed, Dataset* train, Dataset* test);

// ---- input features -------------------------------------------------------------------------
enum Feature : unsigned {
    Feature_X1 = 1u << 0,       // x1
    Feature_X2 = 1u << 1,       // x2
    Feature_X1Sq = 1u << 2,     // x1²
    Feature_X2Sq = 1u << 3,     // x2²
    Feature_X1X2 = 1u << 4,     // x1·x2
    Feature_SinX1 = 1u << 5,    // sin x1
    Feature_SinX2 = 1u << 6,    // sin x2
};
using FeatureSet = unsigned;  // an OR of Feature_ flags
constexpr int kFeatureCount = 7;
constexpr FeatureSet kDefaultFeatures = Feature_X1 | Feature_X2;

const char* feature_id(int index);     // "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"
const char* feature_label(int index);  // "x₁", "x₂", "x₁²", ...
bool find_feature(const std::string& id, int* index);
int feature_count(FeatureSet set);

// The chosen features of each point, one column per point (features × n), in the order of Feature.
using FeatureMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
FeatureMatrix make_features(const Eigen::MatrixX2d& x, FeatureSet set);
// The same for a block of points at once (x1 and x2 one lane per point), into the rows of `out`
// (features × lanes), allocating nothing.
template <class Scalar, int Lanes>
void feature_block(const Eigen::Matrix<Scalar, 1, Lanes>& x1, const Eigen::Matrix<Scalar, 1, Lanes>& x2, FeatureSet set,
                   Eigen::Matrix<Scalar, Eigen::Dynamic, Lanes, Eigen::RowMajor>* out) {
    int row = 0;
    if (set & Feature_X1) out->row(row++) = x1;
    if (set & Feature_X2) out->row(row++) = x2;
    if (set & Feature_X1Sq) out->row(row++) = x1.array().square().matrix();
    if (set & Feature_X2Sq) out->row(row++) = x2.array().square().matrix();
    if (set & Feature_X1X2) out->row(row++) = x1.cwiseProduct(x2);
    if (set & Feature_SinX1) out->row(row++) = x1.array().sin().matrix();
    if (set & Feature_SinX2) out->row(row++) = x2.array().sin().matrix();
}

}  // namespace actlab::core
