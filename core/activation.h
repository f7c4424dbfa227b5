// The activation catalogue: every activation function actlab knows, defined once.
//
// Each entry is data (names, formula, parameters, properties) plus two functions side by side: the
// forward value a = f(x) and its local derivative da/dx. The explorer plot, the properties table, the
// command line, the trainer and the tests all read this one table.
//
// Everything is double precision and accurate to about 1e-13 relative wherever the true value is a
// normal double, tails included (see core/numeric.h for how the cancelling formulas are avoided).
// At a kink the derivative follows PyTorch's choice (relu'(0) = 0, leaky_relu'(0) = α, ...).
#pragma once

#include <Eigen/Core>

#include <string_view>

namespace actlab::core {

// One tunable parameter of an activation, such as Leaky ReLU's α.
struct Param {
    const char* name;     // key used on the command line: "alpha", "beta"
    const char* symbol;   // shown in the window: "α", "β"
    double def;           // default value
    double min;           // smallest value the slider and the command line accept
    double max;           // largest value the slider and the command line accept
};

// What a teacher wants to compare at a glance; shown in the properties table. At the default parameters.
struct Properties {
    const char* range;    // output range, as text: "(0, 1)", "[0, ∞)"
    const char* max_slope;// the largest |f'(x)| over all x, as text: "1/4", "≈ 1.13"
    bool zero_centred;    // f is odd (f(-x) = -f(x)), so inputs symmetric about 0 give outputs averaging 0
    bool monotonic;       // f never decreases
    bool smooth;          // f' is continuous everywhere (no kink), at the default parameters
    bool can_die;         // f' = 0 on a whole half-line of negative inputs: a unit stuck there stops
                          // learning (at the default parameters; Leaky ReLU, PReLU, ELU can at α = 0)
};

// The points where f' jumps, so f' there is a convention rather than a limit.
struct Kinks {
    int count;
    double at[2];
};

using ActivationFn = double (*)(double x, const double* params);
// Optional vectorised form of f or f' over an array; it must give exactly the scalar results.
using ActivationArrayFn = void (*)(const double* x, double* out, int n, const double* params);

constexpr int kMaxParams = 2;

struct Activation {
    const char* id;         // torch.nn.functional name: "leaky_relu"
    const char* label;      // "Leaky ReLU"
    const char* formula;    // "f(x) = max(αx, x)"
    const char* derivative; // "f'(x) = 1 if x > 0, else α"
    int param_count;        // how many of params[] are used
    Param params[kMaxParams];
    ActivationFn f;         // a = f(x)
    ActivationFn df;        // da/dx
    ActivationArrayFn f_array;   // vectorised f, or nullptr to loop over f
    ActivationArrayFn df_array;  // vectorised f', or nullptr to loop over df
    Properties props;
    Kinks kinks;            // where f' may jump (ELU's only when α ≠ 1)
    const char* kink_note;  // what f' is at a kink and why (PyTorch's choice), or nullptr
    const char* about;      // why it exists, where it is used, its pitfall
};

// The whole catalogue, in the order the explorer lists it.
int activation_count();
const Activation& activation(int index);
// The entry with this id, or nullptr.
const Activation* find_activation(std::string_view id);
// Index of the entry with this id, or -1.
int activation_index(std::string_view id);
// Index of the named parameter of an entry, or -1.
int param_index(const Activation& act, std::string_view name);

// The parameter values of an entry at their defaults (unused slots are 0).
struct ParamValues {
    double v[kMaxParams] = {0.0, 0.0};
};
ParamValues default_params(const Activation& act);

// ∂f/∂p for a parameter that training learns (PReLU's α), or nullptr when that parameter is fixed.
ActivationFn param_derivative(const Activation& act, int param);

// f and f' together over a block of n values: the trainer's path. Vectorised wherever the catalogue
// can be; tanh and sigmoid use a fused form (one exponential serves f and f') that agrees with f and df
// to within 4 units in the last place and with the true values to 5e-16 (tests/core/test_activation.cpp),
// except that values below 1e-307 may come out as 0. Every other entry gives exactly f and df.
void evaluate_block(const Activation& act, const double* params, const double* x, double* y, double* dy, int n);
// The function evaluate_block calls for this entry, looked up once (the trainer keeps one per layer).
using ActivationBlockFn = void (*)(const Activation& act, const double* params, const double* x, double* y, double* dy,
                                   int n);
ActivationBlockFn block_function(const Activation& act);

// f alone, in single precision, over n values: for pictures (the decision grid's colours), where 7
// digits are plenty. tanh, sigmoid and the piecewise-linear entries have float forms (within 3e-7 of
// f, relative, or 1e-37 absolute; tests/core/test_activation.cpp); the others go through f in double.
using ActivationFloatFn = void (*)(const Activation& act, const double* params, const float* x, float* y, int n);
ActivationFloatFn float_function(const Activation& act);

// f and f' over many x at once. Uses the vectorised form where an entry has one; the result is
// identical to calling f and df one x at a time.
void evaluate(const Activation& act, const double* params, const Eigen::ArrayXd& x, Eigen::ArrayXd* y,
              Eigen::ArrayXd* dy);

}  // namespace actlab::core
