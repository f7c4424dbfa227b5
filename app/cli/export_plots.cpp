#include "app/cli/export_plots.h"

#include "app/figures/activation_keys.h"
#include "app/figures/softmax_keys.h"

#include <algorithm>
#include <cmath>

namespace actlab::app {

namespace {

bool prepare_activations(const std::vector<KeyValue>& sets, bool csv, Figure* out, std::string* error) {
    ActivationView view;
    bool range_given = false;
    for (const auto& [key, value] : sets) {
        if (!apply_activation_key(&view, key, value, error)) {
            *error = "--set " + *error;
            return false;
        }
        if (key == "xmin" || key == "xmax") range_given = true;
    }
    if (view.functions.empty()) {
        *error = "--set functions= names no function to show";
        return false;
    }
    if (!view.x_points.empty() && !range_given) {
        // Exact points and no range: a PNG shows the points' range, held to ±1e6 and widened when the
        // points all coincide. (A CSV of exact points needs no range: any finite x is written.)
        const auto [lo, hi] = std::minmax_element(view.x_points.begin(), view.x_points.end());
        view.x_min = std::clamp(*lo, -kMaxAbsX, kMaxAbsX);
        view.x_max = std::clamp(*hi, -kMaxAbsX, kMaxAbsX);
        if (!(view.x_min < view.x_max)) {
            const double pad = std::max(1.0, std::fabs(view.x_min) * 1e-6);
            view.x_min -= pad;
            view.x_max += pad;
        }
    }
    // The range matters to every PNG, and to a CSV unless exact points replace the sweep; a range that
    // was given is checked either way.
    if ((range_given || !(csv && !view.x_points.empty())) && !check_activation_range(view, error)) return false;
    *out = activation_export_figure(view, fit_limits(view));
    return true;
}

bool prepare_softmax_view(const std::vector<KeyValue>& sets, SoftmaxView* view, std::string* error) {
    for (const auto& [key, value] : sets) {
        if (!apply_softmax_key(view, key, value, error)) {
            *error = "--set " + *error;
            return false;
        }
    }
    return check_softmax_view(*view, error);
}

bool prepare_softmax(const std::vector<KeyValue>& sets, bool, Figure* out, std::string* error) {
    SoftmaxView view;
    if (!prepare_softmax_view(sets, &view, error)) return false;
    *out = softmax_export_figure(view, SoftmaxPlot::Probabilities);
    return true;
}

bool prepare_softmax_sweep(const std::vector<KeyValue>& sets, bool, Figure* out, std::string* error) {
    SoftmaxView view;
    if (!prepare_softmax_view(sets, &view, error)) return false;
    *out = softmax_export_figure(view, SoftmaxPlot::SweepAndEntropy);
    return true;
}

}  // namespace

const std::vector<ExportPlot>& export_plots() {
    static const std::vector<ExportPlot> plots = {
        {"activations", "activation functions and their derivatives", activation_keys_help(), prepare_activations},
        {"softmax", "softmax(z / T) as bars, at one or more temperatures", softmax_keys_help(), prepare_softmax},
        {"softmax-sweep", "p_i(T) and the entropy H(T) over a range of temperatures",
         "  the keys of softmax (above); temperature= marks the first one on the plots\n", prepare_softmax_sweep},
    };
    return plots;
}

const ExportPlot* find_export_plot(const std::string& name) {
    for (const ExportPlot& plot : export_plots())
        if (name == plot.name) return &plot;
    return nullptr;
}

}  // namespace actlab::app
