// The toy datasets and input features.
#include "core/dataset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

namespace actlab::core {
namespace {

TEST(Dataset, EveryKindIsReproducibleBalancedAndOnThePlane) {
    for (int k = 0; k < kDatasetKindCount; ++k) {
        const DatasetKind kind = static_cast<DatasetKind>(k);
        const DatasetInfo& info = dataset_info(kind);
        SCOPED_TRACE(info.id);
        DatasetKind found;
        ASSERT_TRUE(find_dataset(info.id, &found));
        EXPECT_EQ(found, kind);
        const Dataset a = make_dataset({kind, 301, 0.0, 7});
        const Dataset b = make_dataset({kind, 301, 0.0, 7});
        // another seed gives other points (spirals are fixed curves: only their noise is random)
        const Dataset c = make_dataset({kind, 301, 0.1, 8}), c7 = make_dataset({kind, 301, 0.1, 7});
        ASSERT_EQ(a.size(), 301);
        EXPECT_EQ(a.classes, info.classes);
        EXPECT_TRUE(a.x == b.x && a.target == b.target);
        EXPECT_FALSE(c7.x == c.x);
        // noise-free data lie within Playground's [-6, 6] square (the blobs' tails may stray a little)
        const bool blobs = kind == DatasetKind::Gauss || kind == DatasetKind::Blobs3;
        EXPECT_LE(a.x.cwiseAbs().maxCoeff(), blobs ? 9.0 : kDataExtent);
        if (info.classes > 0) {
            for (int cls = 0; cls < info.classes; ++cls) {
                const double share = (a.target.array() == cls).count() / 301.0;
                EXPECT_NEAR(share, 1.0 / info.classes, 0.02) << "class " << cls;
            }
        } else {
            EXPECT_LE(a.target.cwiseAbs().maxCoeff(), 1.2);
            EXPECT_GT(a.target.cwiseAbs().maxCoeff(), 0.5);
        }
    }
}

TEST(Dataset, CircleIsADiscInsideARing) {
    const Dataset d = make_dataset({DatasetKind::Circle, 500, 0.0, 1});
    for (int i = 0; i < d.size(); ++i) {
        const double r = d.x.row(i).norm();
        if (d.target[i] == 1.0) EXPECT_LT(r, 2.5);
        else EXPECT_GE(r, 3.5);
    }
}

TEST(Dataset, XorLabelsFollowTheQuadrantsWithoutNoise) {
    const Dataset d = make_dataset({DatasetKind::Xor, 400, 0.0, 2});
    for (int i = 0; i < d.size(); ++i) EXPECT_EQ(d.target[i], d.x(i, 0) * d.x(i, 1) >= 0 ? 1.0 : 0.0);
    // with noise, some labels disagree with the quadrant of the point
    const Dataset noisy = make_dataset({DatasetKind::Xor, 400, 0.5, 2});
    int flipped = 0;
    for (int i = 0; i < noisy.size(); ++i) flipped += noisy.target[i] != (noisy.x(i, 0) * noisy.x(i, 1) >= 0 ? 1.0 : 0.0);
    EXPECT_GT(flipped, 20);
}

TEST(Dataset, SplitKeepsEveryPointOnceAndHonoursThePercentage) {
    const Dataset d = make_dataset({DatasetKind::Spiral, 500, 0.1, 3});
    Dataset train, test;
    split_dataset(d, 30, 5, &train, &test);
    EXPECT_EQ(train.size(), 150);
    EXPECT_EQ(test.size(), 350);
    // every point lands on exactly one side
    auto key = [](const Dataset& s, int i) { return std::make_tuple(s.x(i, 0), s.x(i, 1), s.target(i)); };
    std::vector<std::tuple<double, double, double>> all, parts;
    for (int i = 0; i < d.size(); ++i) all.push_back(key(d, i));
    for (int i = 0; i < train.size(); ++i) parts.push_back(key(train, i));
    for (int i = 0; i < test.size(); ++i) parts.push_back(key(test, i));
    std::sort(all.begin(), all.end());
    std::sort(parts.begin(), parts.end());
    EXPECT_EQ(all, parts);
    Dataset train2, test2;
    split_dataset(d, 30, 5, &train2, &test2);
    EXPECT_TRUE(train.x == train2.x);
    // the smallest dataset still has a point on each side
    const Dataset tiny = make_dataset({DatasetKind::Circle, kMinPoints, 0.0, 1});
    split_dataset(tiny, 90, 1, &train, &test);
    EXPECT_EQ(train.size(), 9);
    EXPECT_EQ(test.size(), 1);
}

TEST(Features, AreComputedInTheirOrder) {
    Eigen::MatrixX2d x(2, 2);
    x << 1.5, -2.0, 0.0, 3.0;
    const FeatureSet all = (1u << kFeatureCount) - 1;
    const FeatureMatrix f = make_features(x, all);
    ASSERT_EQ(f.rows(), kFeatureCount);
    ASSERT_EQ(f.cols(), 2);
    const double want[kFeatureCount] = {1.5, -2.0, 2.25, 4.0, -3.0, std::sin(1.5), std::sin(-2.0)};
    for (int k = 0; k < kFeatureCount; ++k) EXPECT_EQ(f(k, 0), want[k]) << feature_id(k);
    const FeatureMatrix some = make_features(x, Feature_X2 | Feature_X1X2);
    ASSERT_EQ(some.rows(), 2);
    EXPECT_EQ(some(0, 1), 3.0);
    EXPECT_EQ(some(1, 1), 0.0);
    for (int k = 0; k < kFeatureCount; ++k) {
        int index = -1;
        ASSERT_TRUE(find_feature(feature_id(k), &index));
        EXPECT_EQ(index, k);
    }
}

}  // namespace
}  // namespace actlab::core
