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
    FloatMatrix logits;                // outputs × n²: the output layer's z, before the output function
    std::vector<FloatMatrix> neurons;  // per hidden layer, units × n² (only when asked for)
};

// The temperature the boundary may be drawn at (boundary_field): its output's logits divided by T.
constexpr double kMinOutputTemperature = 0.05;
constexpr double kMaxOutputTemperature = 20.0;

// Fills *grid; its buffers are reused between calls of the same size.
void decision_grid(const Mlp& net, Output output, FeatureSet features, const GridSpec& spec, bool with_neurons,
                   DecisionGrid* grid);

// What the boundary heatmap colours at each grid point, ready for a float texture. The shader only
// maps these numbers to colours; every number is decided here.
//   layers == 1 (two classes, regression): a signed value whose sign is the decision and whose size
//     is the strength, full colour at ±1: tanh's output as it is, 2σ(z) − 1 for a sigmoid, p₁ − p₀
//     for a two-class softmax, and a regression output divided by `scale` (the largest |target|).
//   layers == K ≥ 3 (softmax over K classes): p_k for every class, layer by layer; the winning class
//     sets the colour and its lead over a uniform guess the strength.
// Field values are held within ±kFieldLimit: beyond ±1 every colour is full, and a huge or infinite
// value (a regression output near a blow-up) would spoil the contour's slope.
//
// At a temperature T the logits are divided by T first: tanh(z/T), 2σ(z/T) − 1, p₁ − p₀ or p_k of
// softmax(z/T). T < 1 sharpens the field and T > 1 washes it out, while the decision stays where it
// is: z/T has the sign of z, and the same largest logit. T = 1 is the field of grid.output, exactly.
// A regression output (identity) is not a prediction: it has no temperature, and T is not read.
constexpr float kFieldLimit = 4.0f;
struct BoundaryField {
    int n = 0;
    int layers = 0;
    std::vector<float> values;   // layer k, point i + n·j at [k·n² + i + n·j]
};
void boundary_field(const DecisionGrid& grid, Output output, double scale, BoundaryField* field,
                    double temperature = 1.0);
// The network's output at temperature T (T > 0), like grid.output: tanh(z/T), σ(z/T) or softmax(z/T)
// for every point. T = 1 (or an identity output, which has no temperature) gives grid.output itself.
void tempered_output(const DecisionGrid& grid, Output output, double temperature, FloatMatrix* out);
// How unsure the prediction is at temperature T, one layer, 0 (sure) to 1 (as unsure as can be):
//   one output: the binary entropy of p = σ(z/T) (for tanh, p = (1 + tanh(z/T))/2 = σ(2z/T)) over log 2,
//     H = log(1 + e^−a) + a·e^−a / (1 + e^−a) with a = |z/T| (or |2z/T|), in nats;
//   softmax over K classes: −Σ p_k log p_k over log K, with log-sum-exp: a_k = (z_k − max z)/T ≤ 0,
//     L = log Σ exp(a_k), p_k = exp(a_k − L) and H = Σ p_k (L − a_k), a sum of terms ≥ 0.
// Both are finite for any finite logits, 0 where p is 0 or 1, never NaN; it grows with T. A
// regression output gives no layers (nothing to be unsure of).
void entropy_field(const DecisionGrid& grid, Output output, double temperature, BoundaryField* field);
// Every hidden unit's activation as it is, one layer per unit: layer 1's units, then layer 2's, ...
// (the neuron thumbnails; their colours saturate at ±1).
void neurons_field(const DecisionGrid& grid, BoundaryField* field);
// Each input feature (x₁, x₂, x₁², …) over the grid, one layer per chosen feature, divided by its
// largest |value| on the grid so every thumbnail spans the colour map.
void features_field(FeatureSet features, const GridSpec& spec, BoundaryField* field);
// The output layer's z (the logits) at one point of the plane, in double precision as training runs.
Eigen::VectorXd logits_at(const Mlp& net, FeatureSet features, double x1, double x2);

// The value of the field's first layer nearest to the plane point (x1, x2): for tests and readouts.
float field_at(const BoundaryField& field, const GridSpec& spec, double x1, double x2, int layer = 0);

}  // namespace actlab::core
