// The plots `actlab export` knows. Each turns its --set pairs into a Figure, or says what is wrong.
#pragma once

#include "app/figures/figure.h"
#include "app/figures/keys.h"

#include <string>
#include <vector>

namespace actlab::app {

struct ExportPlot {
    const char* name;       // the PLOT argument: "activations", "softmax", ...
    const char* summary;    // one line for --help
    const char* keys_help;  // its --set keys, one per line, for --help
    // Builds the figure from the --set pairs, applied in the order given. `csv` tells whether a CSV
    // (rather than a PNG) is asked for. On a bad value: false, with *error a full sentence naming it.
    bool (*prepare)(const std::vector<KeyValue>& sets, bool csv, Figure* out, std::string* error);
};

const std::vector<ExportPlot>& export_plots();
const ExportPlot* find_export_plot(const std::string& name);

}  // namespace actlab::app
