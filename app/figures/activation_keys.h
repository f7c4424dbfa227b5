// The activation figure's settings as KEY=VALUE pairs: the keys of `actlab export activations --set`
// and of the "activations" object in settings.json. One table (activation_keys.cpp) serves both.
//   functions=relu,gelu   curves=f,df   xmin=-5  xmax=5  samples=801  x=-2,-1,0,1,2
//   <id>.<param>=value (leaky_relu.alpha=0.1, swish.beta=2)   probe=1.5|off   focus=relu
//   shade=saturation,dead|none   threshold=0.05   yscale=linear|log
#pragma once

#include "app/figures/activation_view.h"
#include "app/figures/keys.h"

#include <string>
#include <utility>
#include <vector>

namespace actlab::app {

constexpr double kMaxAbsX = 1e6;           // the x axis may reach ±1e6 (exact CSV points: any finite x)
constexpr int kMaxSamples = 100000;        // points per curve, and exact points in x=
constexpr double kMinThreshold = 0.001;    // the saturation threshold's range
constexpr double kMaxThreshold = 1.0;

// Applies one key. Returns false with *error naming the key and what is wrong; *view is then unchanged.
bool apply_activation_key(ActivationView* view, const std::string& key, const std::string& value, std::string* error);
// Checks what single keys cannot: xmin < xmax.
bool check_activation_range(const ActivationView& view, std::string* error);
// The view as KEY=VALUE pairs that apply_activation_key reads back to the same view.
std::vector<KeyValue> activation_keys(const ActivationView& view);
// One line per key, for --help.
const char* activation_keys_help();
// The table the four above are made from.
const KeyTable<ActivationView>& activation_key_table();

}  // namespace actlab::app
