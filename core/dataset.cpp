#include "core/dataset.h"

#include "core/names.h"
#include "core/random.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <vector>

namespace actlab::core {

namespace {

const DatasetInfo kInfo[kDatasetKindCount] = {
    {"circle", "Circle", 2}, {"xor", "Exclusive or", 2}, {"gauss", "Two Gaussians", 2},
    {"spiral", "Spiral", 2}, {"moons", "Two moons", 2},  {"blobs3", "Three blobs", 3},
    {"spiral3", "Three spirals", 3}, {"plane", "Plane (regression)", 0}, {"multigauss", "Six bumps (regression)", 0},
};

// Points are collected as (x1, x2, target) and turned into a Dataset at the end.
struct Builder {
    std::vector<double> x1, x2, target;
    void add(double a, double b, double t) {
        x1.push_back(a);
        x2.push_back(b);
        target.push_back(t);
    }
    Dataset finish(int classes) const { return dataset_from_columns(x1, x2, target, classes); }
};

// Circle (Playground): half the points in a disc of radius 2.5 (class 1), half in the ring from 3.5
// to 5 (class 0). The label is read off the point moved by the noise, so noise blurs the boundary.
void circle(const DataSpec& s, Rng& rng, Builder& out) {
    const double radius = 5.0;
    for (int part = 0; part < 2; ++part) {
        const int count = part == 0 ? s.points / 2 : s.points - s.points / 2;
        for (int i = 0; i < count; ++i) {
            const double r = part == 0 ? rng.uniform(0.0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
            const double angle = rng.uniform(0.0, 2.0 * M_PI);
            const double x = r * std::sin(angle), y = r * std::cos(angle);
            const double nx = rng.uniform(-radius, radius) * s.noise, ny = rng.uniform(-radius, radius) * s.noise;
            out.add(x, y, std::hypot(x + nx, y + ny) < radius * 0.5 ? 1.0 : 0.0);
        }
    }
}

// Exclusive or (Playground): uniform in [-5, 5]², pushed 0.3 away from the axes; class 1 where
// x1·x2 ≥ 0 (read off the point moved by the noise).
void exclusive_or(const DataSpec& s, Rng& rng, Builder& out) {
    const double padding = 0.3;
    for (int i = 0; i < s.points; ++i) {
        double x = rng.uniform(-5.0, 5.0);
        x += x > 0 ? padding : -padding;
        double y = rng.uniform(-5.0, 5.0);
        y += y > 0 ? padding : -padding;
        const double nx = rng.uniform(-5.0, 5.0) * s.noise, ny = rng.uniform(-5.0, 5.0) * s.noise;
        out.add(x, y, (x + nx) * (y + ny) >= 0 ? 1.0 : 0.0);
    }
}

// Gaussian blobs around `centres`, one class each; the variance grows from 0.5 (noise 0) to 4 (noise 0.5).
void blobs(const DataSpec& s, Rng& rng, Builder& out, const double (*centres)[2], int classes) {
    const double sd = std::sqrt(0.5 + 7.0 * s.noise);
    for (int c = 0; c < classes; ++c) {
        const int count = s.points / classes + (c < s.points % classes ? 1 : 0);
        for (int i = 0; i < count; ++i) {
            const double x = centres[c][0] + sd * rng.normal();
            const double y = centres[c][1] + sd * rng.normal();
            out.add(x, y, classes == 2 ? 1.0 - c : c);
        }
    }
}

// Spiral arms (Playground's, for two): arm c starts at angle 2πc/arms and winds 1.75 turns out to
// radius 5; noise moves each coordinate by up to ±noise, as Playground does.
void spirals(const DataSpec& s, Rng& rng, Builder& out, int arms) {
    for (int c = 0; c < arms; ++c) {
        const int n = s.points / arms + (c < s.points % arms ? 1 : 0);
        for (int i = 0; i < n; ++i) {
            const double r = static_cast<double>(i) / n * 5.0;
            const double t = 1.75 * i / n * 2.0 * M_PI + 2.0 * M_PI * c / arms;
            const double x = r * std::sin(t) + rng.uniform(-1.0, 1.0) * s.noise;
            const double y = r * std::cos(t) + rng.uniform(-1.0, 1.0) * s.noise;
            out.add(x, y, arms == 2 ? 1.0 - c : c);
        }
    }
}

// Two moons: the upper half of a circle of radius 2.5 centred at (−1.25, −0.6) (class 1) and the lower
// half of one centred at (1.25, 0.6) (class 0), interlocking; noise adds N(0, (2·noise)²) to each coordinate.
void moons(const DataSpec& s, Rng& rng, Builder& out) {
    const double r = 2.5;
    for (int part = 0; part < 2; ++part) {
        const int count = part == 0 ? s.points / 2 : s.points - s.points / 2;
        for (int i = 0; i < count; ++i) {
            const double t = rng.uniform(0.0, M_PI);
            const double x = part == 0 ? -1.25 + r * std::cos(t) : 1.25 - r * std::cos(t);
            const double y = part == 0 ? -0.6 + r * std::sin(t) : 0.6 - r * std::sin(t);
            out.add(x + 2.0 * s.noise * rng.normal(), y + 2.0 * s.noise * rng.normal(), part == 0 ? 1.0 : 0.0);
        }
    }
}

// Plane (Playground): uniform in [-6, 6]²; target (x1 + x2)/10 read off the point moved by the noise
// (so from −1.2 to 1.2 at noise 0).
// Six bumps (Playground): the target is the strongest of six signed cones of radius 2.
void regression(const DataSpec& s, Rng& rng, Builder& out, bool bumps) {
    const double radius = 6.0;
    const double centres[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    for (int i = 0; i < s.points; ++i) {
        const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
        const double px = x + rng.uniform(-radius, radius) * s.noise, py = y + rng.uniform(-radius, radius) * s.noise;
        double target = 0.0;
        if (!bumps) {
            target = (px + py) / 10.0;  // Playground's scale, unclamped: up to ±1.2 at noise 0
        } else {
            for (const auto& c : centres) {
                const double v = c[2] * std::clamp(1.0 - std::hypot(px - c[0], py - c[1]) / 2.0, 0.0, 1.0);
                if (std::fabs(v) > std::fabs(target)) target = v;
            }
        }
        out.add(x, y, target);
    }
}

const char* const kFeatureIds[kFeatureCount] = {"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"};
const char* const kFeatureLabels[kFeatureCount] = {"x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"};

}  // namespace

const DatasetInfo& dataset_info(DatasetKind kind) { return kInfo[static_cast<int>(kind)]; }

bool find_dataset(const std::string& id, DatasetKind* kind) {
    for (int i = 0; i < kDatasetKindCount; ++i)
        if (id == kInfo[i].id) {
            *kind = static_cast<DatasetKind>(i);
            return true;
        }
    return false;
}

Dataset dataset_from_columns(const std::vector<double>& x1, const std::vector<double>& x2,
                             const std::vector<double>& target, int classes) {
    Dataset d;
    const int n = static_cast<int>(x1.size());
    d.x.resize(n, 2);
    d.target.resize(n);
    for (int i = 0; i < n; ++i) {
        d.x(i, 0) = x1[i];
        d.x(i, 1) = x2[i];
        d.target(i) = target[i];
    }
    d.classes = classes;
    return d;
}

Dataset make_dataset(const DataSpec& spec) {
    assert(spec.points >= kMinPoints && spec.points <= kMaxPoints && spec.noise >= 0 && spec.noise <= kMaxNoise);
    Rng rng(spec.seed);
    Builder b;
    static const double kTwoCentres[2][2] = {{2, 2}, {-2, -2}};
    static const double kThreeCentres[3][2] = {{0, 3}, {-2.6, -1.5}, {2.6, -1.5}};
    switch (spec.kind) {
        case DatasetKind::Circle: circle(spec, rng, b); break;
        case DatasetKind::Xor: exclusive_or(spec, rng, b); break;
        case DatasetKind::Gauss: blobs(spec, rng, b, kTwoCentres, 2); break;
        case DatasetKind::Spiral: spirals(spec, rng, b, 2); break;
        case DatasetKind::Moons: moons(spec, rng, b); break;
        case DatasetKind::Blobs3: blobs(spec, rng, b, kThreeCentres, 3); break;
        case DatasetKind::Spiral3: spirals(spec, rng, b, 3); break;
        case DatasetKind::Plane: regression(spec, rng, b, false); break;
        case DatasetKind::MultiGauss: regression(spec, rng, b, true); break;
    }
    return b.finish(dataset_info(spec.kind).classes);
}

void split_dataset(const Dataset& all, int train_percent, std::uint64_t seed, Dataset* train, Dataset* test) {
    const int n = all.size();
    assert(n >= 2);
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i;
    Rng rng(seed);
    shuffle(order.data(), order.size(), rng);
    const int n_train = std::clamp(static_cast<int>(std::lround(n * train_percent / 100.0)), 1, n - 1);
    auto take = [&](int from, int to, Dataset* out) {
        out->x.resize(to - from, 2);
        out->target.resize(to - from);
        out->classes = all.classes;
        for (int i = from; i < to; ++i) {
            out->x.row(i - from) = all.x.row(order[i]);
            out->target(i - from) = all.target(order[i]);
        }
    };
    take(0, n_train, train);
    take(n_train, n, test);
}

const char* feature_id(int index) { return kFeatureIds[index]; }
const char* feature_label(int index) { return kFeatureLabels[index]; }

bool find_feature(const std::string& id, int* index) { return find_name(kFeatureIds, id, index); }

int feature_count(FeatureSet set) {
    int n = 0;
    for (int i = 0; i < kFeatureCount; ++i) n += (set >> i) & 1u;
    return n;
}

FeatureMatrix make_features(const Eigen::MatrixX2d& x, FeatureSet set) {
    FeatureMatrix f(feature_count(set), x.rows());
    int row = 0;
    const auto x1 = x.col(0).transpose().array(), x2 = x.col(1).transpose().array();
    if (set & Feature_X1) f.row(row++) = x1;
    if (set & Feature_X2) f.row(row++) = x2;
    if (set & Feature_X1Sq) f.row(row++) = x1.square();
    if (set & Feature_X2Sq) f.row(row++) = x2.square();
    if (set & Feature_X1X2) f.row(row++) = x1 * x2;
    if (set & Feature_SinX1) f.row(row++) = x1.sin();
    if (set & Feature_SinX2) f.row(row++) = x2.sin();
    return f;
}

}  // namespace actlab::core
