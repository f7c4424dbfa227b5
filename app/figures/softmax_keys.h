// The softmax lab's settings as KEY=VALUE pairs: the keys of `actlab export softmax --set` and
// `actlab export softmax-sweep --set`, and of the "softmax" object in settings.json. One table (softmax_keys.cpp) serves all.
//   logits=2,1,0.1   labels=cat,dog,bird   temperature=0.5,1,2   tmin=0.01  tmax=100  samples=200
//   topk=0   topp=1   draws=1000   seed=1
#pragma once

#include "app/figures/keys.h"
#include "app/figures/softmax_view.h"

#include <string>
#include <utility>
#include <vector>

namespace actlab::app {

// Applies one key. Returns false with *error naming the key and what is wrong; *view is then unchanged.
bool apply_softmax_key(SoftmaxView* view, const std::string& key, const std::string& value, std::string* error);
// Checks what single keys cannot: tmin < tmax, one label per logit, top-k within the classes.
bool check_softmax_view(const SoftmaxView& view, std::string* error);
// The view as KEY=VALUE pairs that apply_softmax_key reads back to the same view.
std::vector<KeyValue> softmax_keys(const SoftmaxView& view);
// One line per key, for --help.
const char* softmax_keys_help();
// The table the three above are made from; a key's `figures` has bit 1 << SoftmaxPlot for each plot
// that reads it.
const KeyTable<SoftmaxView>& softmax_key_table();

// Which keys each command-line plot takes: a key the plot does not show is refused, not ignored.
// (Probabilities: softmax, Logits: softmax-logits, SweepAndEntropy: softmax-sweep, Filtered:
// softmax-filter, Samples: softmax-samples.)
bool softmax_plot_takes(SoftmaxPlot plot, const std::string& key);
// "logits, labels and temperature": the keys a plot takes, for an error message.
const char* softmax_plot_keys(SoftmaxPlot plot);
// The --help lines of the plots after softmax (which lists every key).
const char* softmax_plot_help(SoftmaxPlot plot);

}  // namespace actlab::app
