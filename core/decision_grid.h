// The network's answer over the plane: its output on an N × N grid of points, and each hidden unit's
// activation there (the neuron thumbnails). These are pictures: they are computed in single precision
// (7 digits, far finer than a colour), sixteen points per block — one AVX-512 register of floats —
// with the same layer product as training (affine_block) and the activations' float forms.
#pragma once

#include "core/dataset.h"
#include "core/loss.h"
#include "core/mlp.h"

#include <vector>

namespace actlab::core {

struct GridSpec {
    int n = 100;                          // points per side
    double x_min = -kDataExtent, x_max = kDataExtent;   // x1 across
    double y_min = -kDataExtent, y_max = kDataExtent;   // x2 up
};

// A grid of n × n points over the data: the box holding every point, widened by 5 % on each side.
// Data that fill most of Playground's [−6, 6]² (the generated sets) get that frame, as on Playground.
GridSpec grid_over(const Dataset& data, int n);

// Grid point (i, j), i across and j up, is x1 = x_min + (x_max − x_min)·i/(n − 1), likewise x2 with j.
using FloatMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
struct DecisionGrid {
    int n = 0;
    FloatMatrix output;                // outputs × n² (point i + n·j): tanh z, σ(z), softmax(z) or z
    std::vector<FloatMatrix> neurons;  // per hidden layer, units × n² (only when asked for)
};

// Fills *grid; its buffers are reused between calls of the same size.
void decision_grid(const Mlp& net, Output output, FeatureSet features, const GridSpec& spec, bool with_neurons,
                   DecisionGrid* grid);

}  // namespace actlab::core
