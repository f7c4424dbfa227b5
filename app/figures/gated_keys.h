// The gated-units lab's settings as KEY=VALUE pairs: the keys of `actlab export glu-surface`,
// `glu-gradient`, `glu-slice` and `glu-ffn --set`, and of the "gated" object in settings.json. One table
// (gated_keys.cpp) serves all.
//   gate=silu  amin=-4 amax=4 bmin=-4 bmax=4 samples=161  a=-1,0,1  b=2  ungated=false
//   slice=diagonal|b|a  slice_b=1  slice_a=1  probe=1|off  d_model=768  d_ff=3072  multiple=256
//   <function>.<param>=value (swish.beta=2), as in the activation explorer
#pragma once

#include "app/figures/gated_view.h"
#include "app/figures/keys.h"

#include <string>
#include <vector>

namespace actlab::app {

// Applies one key. Returns false with *error naming the key and what is wrong; *view is then unchanged.
bool apply_gated_key(GatedView* view, const std::string& key, const std::string& value, std::string* error);
// Checks what single keys cannot: amin < amax, bmin < bmax, and that the 2/3 rule's width fits.
bool check_gated_view(const GatedView& view, std::string* error);
// The view as KEY=VALUE pairs that apply_gated_key reads back to the same view.
std::vector<KeyValue> gated_keys(const GatedView& view);
// The table the three above are made from; a key's `figures` has bit 1 << GatedPlot for each plot
// that reads it (the <function>.<param> pattern: every plot but glu-ffn).
const KeyTable<GatedView>& gated_key_table();

// Whether a command-line plot reads the key: one it does not show is refused, not ignored.
bool gated_plot_takes(GatedPlot plot, const std::string& key);
// "gate, amin, ... and <function>.<param>": the keys a plot takes, for an error message.
const char* gated_plot_keys(GatedPlot plot);
// The --help lines of a plot: its keys, and its CSV columns.
const char* gated_plot_help(GatedPlot plot);

// A gate named on the command line: a catalogue id (silu, swish, gelu_tanh, ...) or a variant's id
// (swiglu, geglu, ...: its gate). The catalogue index, or -1.
int gate_from_name(const std::string& name);

// The 2/3 rule's hidden width gated_hidden_width(d_model, 8, 3, multiple) when it is within 1 .. 2^24
// (false otherwise, *why saying so; d_model above 6,291,456 can pass it).
bool two_thirds_width(const GatedView& view, std::int64_t* width, std::string* why = nullptr);

}  // namespace actlab::app
