// The gradient figures' settings as KEY=VALUE pairs: the keys of `actlab export gradient-chain |
// gradient-flow | gradient-compare --set` and of the "gradients" object in settings.json.
//   activation=relu   <id>.<param>=value (leaky_relu.alpha=0.1)   z=0
//   depth=30  width=256  batch=256  seed=1
//   init=xavier|he|lecun|normal|uniform   sigma=1 (normal)   a=1 (uniform)   bias=0
//   compare=relu+he,relu+lecun,tanh+xavier,sigmoid+xavier
#pragma once

#include "app/figures/gradient_view.h"
#include "app/figures/keys.h"

#include <string>
#include <vector>

namespace actlab::app {

// Applies one key. Returns false with *error naming the key and what is wrong; *view is then unchanged.
bool apply_gradient_key(GradientView* view, const std::string& key, const std::string& value, std::string* error);
// The view as KEY=VALUE pairs that apply_gradient_key reads back to the same view.
std::vector<KeyValue> gradient_keys(const GradientView& view);

// Which keys each command-line plot takes.
enum class GradientPlot { Chain, Flow, Compare };
// The table the functions here are made from; a key's `figures` has bit 1 << GradientPlot for each
// plot that reads it.
const KeyTable<GradientView>& gradient_key_table();
// True when `key` means something to that plot (an <id>.<param> key always does).
bool gradient_plot_takes(GradientPlot plot, const std::string& key);
// "activation, z, depth and <function>.<parameter>": the keys a plot takes, for an error message.
const char* gradient_plot_keys(GradientPlot plot);
// One line per key, for --help.
const char* gradient_keys_help(GradientPlot plot);

}  // namespace actlab::app
