#include "core/decision_grid.h"

namespace actlab::core {

void decision_grid(const Mlp& net, Output output, FeatureSet features, const GridSpec& spec, bool with_neurons,
                   DecisionGrid* grid) {
    const int n = spec.n, hidden = net.layer_count() - 1;
    grid->n = n;
    grid->output.resize(net.spec().outputs, static_cast<Eigen::Index>(n) * n);
    grid->neurons.resize(with_neurons ? hidden : 0);
    for (int l = 0; l < static_cast<int>(grid->neurons.size()); ++l)
        grid->neurons[l].resize(net.slots(l).rows, static_cast<Eigen::Index>(n) * n);

    Eigen::MatrixX2d row(n, 2);
    Activations acts;
    Matrix out;
    const double dx = n > 1 ? (spec.x_max - spec.x_min) / (n - 1) : 0.0;
    const double dy = n > 1 ? (spec.y_max - spec.y_min) / (n - 1) : 0.0;
    for (int i = 0; i < n; ++i) row(i, 0) = spec.x_min + dx * i;
    for (int j = 0; j < n; ++j) {
        row.col(1).setConstant(spec.y_min + dy * j);
        const FeatureMatrix x = make_features(row, features);
        forward(net, x, &acts);
        apply_output(output, acts.z.back(), &out);
        grid->output.middleCols(static_cast<Eigen::Index>(j) * n, n) = out;
        for (int l = 0; l < static_cast<int>(grid->neurons.size()); ++l)
            grid->neurons[l].middleCols(static_cast<Eigen::Index>(j) * n, n) = acts.a[l];
    }
}

}  // namespace actlab::core
