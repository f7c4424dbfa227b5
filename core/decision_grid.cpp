#include "core/decision_grid.h"

#include <algorithm>

namespace actlab::core {

GridSpec grid_over(const Dataset& data, int n) {
    GridSpec spec;
    spec.n = n;
    if (data.size() == 0) return spec;
    const Eigen::RowVector2d lo = data.x.colwise().minCoeff(), hi = data.x.colwise().maxCoeff();
    if (lo.minCoeff() >= -kDataExtent && hi.maxCoeff() <= kDataExtent) return spec;
    const double pad_x = 0.05 * std::max(hi[0] - lo[0], 1e-9), pad_y = 0.05 * std::max(hi[1] - lo[1], 1e-9);
    spec.x_min = lo[0] - pad_x;
    spec.x_max = hi[0] + pad_x;
    spec.y_min = lo[1] - pad_y;
    spec.y_max = hi[1] + pad_y;
    return spec;
}

void decision_grid(const Mlp& net, Output output, FeatureSet features, const GridSpec& spec, bool with_neurons,
                   DecisionGrid* grid) {
    const int n = spec.n, hidden = net.layer_count() - 1;
    grid->n = n;
    grid->output.resize(net.spec().outputs, static_cast<Eigen::Index>(n) * n);
    grid->neurons.resize(with_neurons ? hidden : 0);
    for (int l = 0; l < static_cast<int>(grid->neurons.size()); ++l)
        grid->neurons[l].resize(net.slots(l).rows, static_cast<Eigen::Index>(n) * n);

    const double dx = n > 1 ? (spec.x_max - spec.x_min) / (n - 1) : 0.0;
    const double dy = n > 1 ? (spec.y_max - spec.y_min) / (n - 1) : 0.0;
    BlockPass pass;
    prepare_pass(net, &pass);
    Block out;
    Eigen::Matrix<double, kBlock, 2> points;
    const Eigen::Index total = static_cast<Eigen::Index>(n) * n;
    // points go through in blocks of 8, in the order of the grid (i across, then j up)
    for (Eigen::Index first = 0; first < total; first += kBlock) {
        const int lanes = static_cast<int>(std::min<Eigen::Index>(kBlock, total - first));
        for (int k = 0; k < kBlock; ++k) {
            const Eigen::Index p = std::min(first + k, total - 1);
            points(k, 0) = spec.x_min + dx * static_cast<double>(p % n);
            points(k, 1) = spec.y_min + dy * static_cast<double>(p / n);
        }
        feature_block(points.col(0).transpose(), points.col(1).transpose(), features, &pass.input);
        forward_block(net, &pass);
        output_block(output, pass.z.back(), &out);
        grid->output.middleCols(first, lanes) = out.leftCols(lanes);
        for (int l = 0; l < static_cast<int>(grid->neurons.size()); ++l)
            grid->neurons[l].middleCols(first, lanes) = pass.a[l].leftCols(lanes);
    }
}

}  // namespace actlab::core
