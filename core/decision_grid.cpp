#include "core/decision_grid.h"

#include <algorithm>
#include <cassert>
#include <cfloat>
#include <cmath>
#include <limits>

namespace actlab::core {

GridSpec grid_over(const Dataset& data, int n) {
    GridSpec spec;
    spec.n = n;
    if (data.size() == 0) return spec;
    const Eigen::RowVector2d lo = data.x.colwise().minCoeff(), hi = data.x.colwise().maxCoeff();
    const bool inside = lo.minCoeff() >= -kDataExtent && hi.maxCoeff() <= kDataExtent;
    if (inside && (hi - lo).minCoeff() >= kDataExtent) return spec;
    const double pad_x = 0.05 * std::max(hi[0] - lo[0], 1e-9), pad_y = 0.05 * std::max(hi[1] - lo[1], 1e-9);
    spec.x_min = lo[0] - pad_x;
    spec.x_max = hi[0] + pad_x;
    spec.y_min = lo[1] - pad_y;
    spec.y_max = hi[1] + pad_y;
    return spec;
}

namespace {

constexpr int kLanes = 16;  // points per block
using FloatBlock = Eigen::Matrix<float, Eigen::Dynamic, kLanes, Eigen::RowMajor>;
using FloatRow = Eigen::Matrix<float, 1, kLanes>;

// The output function on a block of logits, in place: tanh, σ, softmax (per point) or nothing.
void output_float(Output output, FloatBlock* z) {
    switch (output) {
        case Output::Tanh: z->array() = z->array().tanh(); break;
        case Output::Sigmoid: {
            const FloatRow e = (-z->row(0).array().abs()).exp().matrix();
            z->row(0) = (z->row(0).array() >= 0.0f).select(1.0f / (1.0f + e.array()), e.array() / (1.0f + e.array()));
            break;
        }
        case Output::Softmax: {
            const FloatRow m = z->colwise().maxCoeff();
            z->rowwise() -= m;
            z->array() = z->array().exp();
            const FloatRow sum = z->colwise().sum();
            for (Eigen::Index k = 0; k < z->rows(); ++k) z->row(k).array() /= sum.array();
            break;
        }
        case Output::Identity: break;
    }
}

// The same grid through the double-precision network, eight points at a time: for weights so large
// (a run close to blowing up) that single precision overflows on the way.
void decision_grid_double(const Mlp& net, Output output, FeatureSet features, const GridSpec& spec, DecisionGrid* grid) {
    const int n = spec.n, hidden = net.layer_count() - 1;
    const Eigen::Index total = static_cast<Eigen::Index>(n) * n;
    const double dx = n > 1 ? (spec.x_max - spec.x_min) / (n - 1) : 0.0;
    const double dy = n > 1 ? (spec.y_max - spec.y_min) / (n - 1) : 0.0;
    BlockPass pass;
    prepare_pass(net, &pass);
    Block out(net.spec().outputs, kBlock);
    Eigen::Matrix<double, 1, kBlock> x1, x2;
    for (Eigen::Index first = 0; first < total; first += kBlock) {
        const int lanes = static_cast<int>(std::min<Eigen::Index>(kBlock, total - first));
        for (int k = 0; k < kBlock; ++k) {
            const Eigen::Index p = first + std::min(k, lanes - 1);  // spare lanes repeat the last point
            x1[k] = spec.x_min + dx * static_cast<double>(p % n);
            x2[k] = spec.y_min + dy * static_cast<double>(p / n);
        }
        feature_block(x1, x2, features, &pass.input);
        forward_block(net, &pass);
        output_block(output, pass.z.back(), &out);
        grid->logits.middleCols(first, lanes) = pass.z.back().leftCols(lanes).cast<float>();
        grid->output.middleCols(first, lanes) = out.leftCols(lanes).cast<float>();
        for (int l = 0; l < static_cast<int>(grid->neurons.size()) && l < hidden; ++l)
            grid->neurons[l].middleCols(first, lanes) = pass.a[l].leftCols(lanes).cast<float>();
    }
}

bool all_finite(const FloatMatrix& m) { return m.allFinite(); }

}  // namespace

void decision_grid(const Mlp& net, Output output, FeatureSet features, const GridSpec& spec, bool with_neurons,
                   DecisionGrid* grid) {
    const int n = spec.n, layers = net.layer_count(), hidden = layers - 1;
    const Eigen::Index total = static_cast<Eigen::Index>(n) * n;
    grid->n = n;
    grid->output.resize(net.spec().outputs, total);
    grid->logits.resize(net.spec().outputs, total);
    grid->neurons.resize(with_neurons ? hidden : 0);
    for (int l = 0; l < static_cast<int>(grid->neurons.size()); ++l) grid->neurons[l].resize(net.slots(l).units, total);

    // the weights in single precision, once per grid
    const Eigen::VectorXf params = net.params().cast<float>();
    std::vector<FloatBlock> z(layers), a(hidden), gate(hidden);
    for (int l = 0; l < layers; ++l) z[l].resize(net.slots(l).rows, kLanes);
    for (int l = 0; l < hidden; ++l) {
        a[l].resize(net.slots(l).units, kLanes);
        gate[l].resize(net.slots(l).gated ? net.slots(l).units : 0, kLanes);
    }
    std::vector<ActivationFloatFn> kernels(hidden);
    std::vector<ParamValues> activation_params(hidden);
    for (int l = 0; l < hidden; ++l) {
        kernels[l] = float_function(net.activation(l));
        net.activation_params(l, activation_params[l].v);
    }
    FloatBlock input(feature_count(features), kLanes);

    const double dx = n > 1 ? (spec.x_max - spec.x_min) / (n - 1) : 0.0;
    const double dy = n > 1 ? (spec.y_max - spec.y_min) / (n - 1) : 0.0;
    // points go through in blocks of 16, in the order of the grid (i across, then j up)
    int i = 0, j = 0;  // the grid position of the block's next point
    FloatRow x1, x2;
    for (Eigen::Index first = 0; first < total; first += kLanes) {
        const int lanes = static_cast<int>(std::min<Eigen::Index>(kLanes, total - first));
        for (int k = 0; k < kLanes; ++k) {
            x1[k] = static_cast<float>(spec.x_min + dx * i);
            x2[k] = static_cast<float>(spec.y_min + dy * j);
            if (k < lanes - 1 && ++i == n) {  // spare lanes repeat the last point
                i = 0;
                ++j;
            }
        }
        if (++i == n) {
            i = 0;
            ++j;
        }
        feature_block(x1, x2, features, &input);
        for (int l = 0; l < layers; ++l) {
            const LayerSlots& s = net.slots(l);
            affine_block<float, kLanes>(params.data() + s.weights, params.data() + s.biases, s.rows, s.cols,
                                        l == 0 ? input : a[l - 1], &z[l]);
            if (l < hidden && !s.gated)
                kernels[l](net.activation(l), activation_params[l].v, z[l].data(), a[l].data(), s.rows * kLanes);
            if (l < hidden && s.gated) {
                // f(gate) of the top rows, times the values below them
                kernels[l](net.activation(l), activation_params[l].v, z[l].data(), gate[l].data(), s.units * kLanes);
                a[l].array() = gate[l].array() * z[l].bottomRows(s.units).array();
            }
        }
        grid->logits.middleCols(first, lanes) = z.back().leftCols(lanes);
        output_float(output, &z.back());
        grid->output.middleCols(first, lanes) = z.back().leftCols(lanes);
        for (int l = 0; l < static_cast<int>(grid->neurons.size()); ++l)
            grid->neurons[l].middleCols(first, lanes) = a[l].leftCols(lanes);
    }
    // Single precision overflowed somewhere (weights beyond about 1e38 / the layer's fan-in): do it again
    // in double precision, where the training itself ran.
    bool finite = all_finite(grid->output) && all_finite(grid->logits);
    for (const FloatMatrix& m : grid->neurons) finite = finite && all_finite(m);
    if (!finite && net.params().allFinite()) decision_grid_double(net, output, features, spec, grid);
}

Eigen::VectorXd logits_at(const Mlp& net, FeatureSet features, double x1, double x2) {
    BlockPass pass;
    prepare_pass(net, &pass);
    Eigen::Matrix<double, 1, kBlock> a = Eigen::Matrix<double, 1, kBlock>::Constant(x1);
    Eigen::Matrix<double, 1, kBlock> b = Eigen::Matrix<double, 1, kBlock>::Constant(x2);
    feature_block(a, b, features, &pass.input);
    forward_block(net, &pass);
    return pass.z.back().col(0);
}

namespace {

// A logit as a double for the tempered forms: ±inf (from a float overflow) held to the largest float,
// so that z − max z stays finite; NaN stays NaN.
double finite_logit(float z) {
    return std::clamp(static_cast<double>(z), -static_cast<double>(FLT_MAX), static_cast<double>(FLT_MAX));
}

// softmax(z/T) of one point's logits (column p), in double, into prob[0 … K−1]; returns L = log Σ exp(a_k)
// and leaves a_k = (z_k − max z)/T in a[]. The c classes tied at the top give exp(0) = 1 each, the
// rest r, and L = log c + log1p(r/c) keeps its digits when r is tiny (a sure prediction's entropy is
// about L).
double tempered_softmax(const FloatMatrix& logits, Eigen::Index p, double temperature, double* a, double* prob) {
    const int k_count = static_cast<int>(logits.rows());
    double m = -std::numeric_limits<double>::infinity();
    for (int k = 0; k < k_count; ++k) m = std::max(m, finite_logit(logits(k, p)));
    double tied = 0.0, rest = 0.0;
    for (int k = 0; k < k_count; ++k) {
        a[k] = (finite_logit(logits(k, p)) - m) / temperature;  // ≤ 0: nothing overflows
        if (a[k] == 0.0) tied += 1.0;
        else rest += std::exp(a[k]);
    }
    const double log_sum = tied > 0.0 ? std::log(tied) + std::log1p(rest / tied) : std::nan("");  // NaN logits
    for (int k = 0; k < k_count; ++k) prob[k] = std::exp(a[k] - log_sum);
    return log_sum;
}

// The field at T ≠ 1 from the logits, computed in double and rounded once.
void tempered_field(const DecisionGrid& grid, Output output, double temperature, BoundaryField* field) {
    const Eigen::Index points = grid.logits.cols();
    const int outputs = static_cast<int>(grid.logits.rows());
    std::vector<double> a(static_cast<size_t>(outputs)), prob(static_cast<size_t>(outputs));
    for (Eigen::Index p = 0; p < points; ++p) {
        double v = 0.0;
        switch (output) {
            case Output::Tanh: v = std::tanh(finite_logit(grid.logits(0, p)) / temperature); break;
            // 2σ(u) − 1 = tanh(u/2), without σ's rounding near 1
            case Output::Sigmoid: v = std::tanh(0.5 * finite_logit(grid.logits(0, p)) / temperature); break;
            case Output::Softmax:
                if (field->layers == 1) {  // p₁ − p₀ = tanh((z₁ − z₀) / 2T)
                    v = std::tanh(0.5 * (finite_logit(grid.logits(1, p)) - finite_logit(grid.logits(0, p))) / temperature);
                } else {
                    tempered_softmax(grid.logits, p, temperature, a.data(), prob.data());
                    for (int k = 0; k < outputs; ++k) field->values[static_cast<size_t>(k) * points + p] = static_cast<float>(prob[k]);
                    continue;
                }
                break;
            case Output::Identity: break;  // not called: a regression has no temperature
        }
        field->values[p] = static_cast<float>(v);
    }
}

}  // namespace

void boundary_field(const DecisionGrid& grid, Output output, double scale, BoundaryField* field, double temperature) {
    const Eigen::Index points = grid.output.cols();
    const int outputs = static_cast<int>(grid.output.rows());
    field->n = grid.n;
    field->layers = output == Output::Softmax && outputs >= 3 ? outputs : 1;
    field->values.resize(static_cast<size_t>(field->layers) * points);
    if (temperature != 1.0 && output != Output::Identity) {
        assert(temperature > 0.0 && grid.logits.rows() == outputs && grid.logits.cols() == points);
        tempered_field(grid, output, temperature, field);
        return;  // within ±1 already
    }
    Eigen::Map<Eigen::VectorXf> first(field->values.data(), points);
    switch (output) {
        case Output::Tanh: first = grid.output.row(0).transpose(); break;
        case Output::Sigmoid: first = (2.0f * grid.output.row(0).array() - 1.0f).matrix().transpose(); break;
        case Output::Identity:
            first = (grid.output.row(0).array() / static_cast<float>(scale > 0.0 ? scale : 1.0)).matrix().transpose();
            break;
        case Output::Softmax:
            if (field->layers == 1) {
                first = (grid.output.row(1) - grid.output.row(0)).transpose();
            } else {
                Eigen::Map<FloatMatrix>(field->values.data(), outputs, points) = grid.output;
            }
            break;
    }
    for (float& v : field->values) v = std::clamp(v, -kFieldLimit, kFieldLimit);  // ±inf too; NaN stays
}

void tempered_output(const DecisionGrid& grid, Output output, double temperature, FloatMatrix* out) {
    if (temperature == 1.0 || output == Output::Identity) {
        *out = grid.output;
        return;
    }
    assert(temperature > 0.0);
    const Eigen::Index points = grid.logits.cols();
    const int outputs = static_cast<int>(grid.logits.rows());
    out->resize(outputs, points);
    std::vector<double> a(static_cast<size_t>(outputs)), prob(static_cast<size_t>(outputs));
    for (Eigen::Index p = 0; p < points; ++p) {
        const double u = finite_logit(grid.logits(0, p)) / temperature;
        switch (output) {
            case Output::Tanh: (*out)(0, p) = static_cast<float>(std::tanh(u)); break;
            case Output::Sigmoid: {  // σ(u) = 1 / (1 + e^−u), or e^u / (1 + e^u) below 0 (no overflow)
                const double e = std::exp(-std::fabs(u));
                (*out)(0, p) = static_cast<float>(u >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e));
                break;
            }
            case Output::Softmax:
                tempered_softmax(grid.logits, p, temperature, a.data(), prob.data());
                for (int k = 0; k < outputs; ++k) (*out)(k, p) = static_cast<float>(prob[k]);
                break;
            case Output::Identity: break;
        }
    }
}

void entropy_field(const DecisionGrid& grid, Output output, double temperature, BoundaryField* field) {
    field->n = grid.n;
    if (output == Output::Identity) {
        field->layers = 0;
        field->values.clear();
        return;
    }
    assert(temperature > 0.0);
    const Eigen::Index points = grid.logits.cols();
    const int outputs = static_cast<int>(grid.logits.rows());
    field->layers = 1;
    field->values.resize(static_cast<size_t>(points));
    std::vector<double> a(static_cast<size_t>(outputs)), prob(static_cast<size_t>(outputs));
    const double log_k = std::log(output == Output::Softmax ? static_cast<double>(outputs) : 2.0);
    for (Eigen::Index p = 0; p < points; ++p) {
        double h = 0.0;  // in nats
        if (output == Output::Softmax) {
            const double log_sum = tempered_softmax(grid.logits, p, temperature, a.data(), prob.data());
            for (int k = 0; k < outputs; ++k)
                if (prob[k] > 0.0) h += prob[k] * (log_sum - a[k]);  // −p log p, with 0·log 0 = 0
        } else {
            // p = σ(u); H(p) = H(1 − p), so with a = |u| and e = e^−a: log(1 + e) + a·e/(1 + e)
            const double u = (output == Output::Tanh ? 2.0 : 1.0) * finite_logit(grid.logits(0, p)) / temperature;
            const double abs_u = std::fabs(u), e = std::exp(-abs_u);
            h = std::log1p(e) + abs_u * e / (1.0 + e);
        }
        field->values[p] = static_cast<float>(std::min(h / log_k, 1.0));
    }
}

void neurons_field(const DecisionGrid& grid, BoundaryField* field) {
    const Eigen::Index points = static_cast<Eigen::Index>(grid.n) * grid.n;
    int units = 0;
    for (const FloatMatrix& m : grid.neurons) units += static_cast<int>(m.rows());
    field->n = grid.n;
    field->layers = units;
    field->values.resize(static_cast<size_t>(units) * points);
    float* out = field->values.data();
    for (const FloatMatrix& m : grid.neurons) {
        Eigen::Map<FloatMatrix>(out, m.rows(), points) = m;
        out += m.rows() * points;
    }
}

void features_field(FeatureSet features, const GridSpec& spec, BoundaryField* field) {
    const int n = spec.n, count = feature_count(features);
    const Eigen::Index points = static_cast<Eigen::Index>(n) * n;
    Eigen::MatrixX2d x(points, 2);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            x(i + static_cast<Eigen::Index>(n) * j, 0) = n > 1 ? spec.x_min + (spec.x_max - spec.x_min) * i / (n - 1) : spec.x_min;
            x(i + static_cast<Eigen::Index>(n) * j, 1) = n > 1 ? spec.y_min + (spec.y_max - spec.y_min) * j / (n - 1) : spec.y_min;
        }
    const FeatureMatrix f = make_features(x, features);
    field->n = n;
    field->layers = count;
    field->values.resize(static_cast<size_t>(count) * points);
    for (int k = 0; k < count; ++k) {
        const double largest = f.row(k).cwiseAbs().maxCoeff();
        const double scale = largest > 0.0 ? 1.0 / largest : 1.0;
        for (Eigen::Index p = 0; p < points; ++p)
            field->values[static_cast<size_t>(k) * points + p] = static_cast<float>(f(k, p) * scale);
    }
}

float field_at(const BoundaryField& field, const GridSpec& spec, double x1, double x2, int layer) {
    const int n = field.n;
    const auto index = [n](double v, double lo, double hi) {
        const long i = n > 1 ? std::lround((v - lo) / (hi - lo) * (n - 1)) : 0;
        return static_cast<int>(std::clamp<long>(i, 0, n - 1));
    };
    const int i = index(x1, spec.x_min, spec.x_max), j = index(x2, spec.y_min, spec.y_max);
    return field.values[static_cast<size_t>(layer) * n * n + i + static_cast<size_t>(n) * j];
}

}  // namespace actlab::core
