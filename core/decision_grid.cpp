#include "core/decision_grid.h"

#include <algorithm>

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

}  // namespace

void decision_grid(const Mlp& net, Output output, FeatureSet features, const GridSpec& spec, bool with_neurons,
                   DecisionGrid* grid) {
    const int n = spec.n, layers = net.layer_count(), hidden = layers - 1;
    const Eigen::Index total = static_cast<Eigen::Index>(n) * n;
    grid->n = n;
    grid->output.resize(net.spec().outputs, total);
    grid->neurons.resize(with_neurons ? hidden : 0);
    for (int l = 0; l < static_cast<int>(grid->neurons.size()); ++l) grid->neurons[l].resize(net.slots(l).rows, total);

    // the weights in single precision, once per grid
    const Eigen::VectorXf params = net.params().cast<float>();
    std::vector<FloatBlock> z(layers), a(hidden);
    for (int l = 0; l < layers; ++l) z[l].resize(net.slots(l).rows, kLanes);
    for (int l = 0; l < hidden; ++l) a[l].resize(net.slots(l).rows, kLanes);
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
            if (l < hidden)
                kernels[l](net.activation(l), activation_params[l].v, z[l].data(), a[l].data(), s.rows * kLanes);
        }
        output_float(output, &z.back());
        grid->output.middleCols(first, lanes) = z.back().leftCols(lanes);
        for (int l = 0; l < static_cast<int>(grid->neurons.size()); ++l)
            grid->neurons[l].middleCols(first, lanes) = a[l].leftCols(lanes);
    }
}

}  // namespace actlab::core
