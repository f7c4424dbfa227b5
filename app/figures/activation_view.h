// What the activation figure shows, as a plain struct: the window, settings.json and `actlab export`
// all change it, and its keys (activation_keys.h) read and write it without ImGui.
#pragma once

#include "app/figures/series_slots.h"
#include "core/activation.h"

#include <vector>

namespace actlab::app {

// Everything that decides what the activation figure shows.
struct ActivationView {
    std::vector<int> functions;                 // catalogue indices, in legend order
    std::vector<core::ParamValues> params;      // per catalogue entry (indexed like the catalogue)
    bool show_f = true;                         // draw f(x)
    bool show_df = true;                        // draw f'(x), dashed
    bool log_y = false;                         // log y axis, showing |f| and |f'| (to see tails decay)
    double x_min = -5.0;                        // home view of the x axis
    double x_max = 5.0;
    int samples = 801;                          // points per curve across the view
    std::vector<double> x_points;               // exact points for the CSV; empty: a sweep
    bool shade_saturation = true;               // shade where |f'| < saturation_threshold
    double saturation_threshold = 0.05;
    bool shade_dead = true;                     // shade where f' = 0 for x < 0 (a unit can die there)
    int focus = -1;                             // catalogue index whose zones are shaded (-1: first shown)
    bool show_probe = true;                     // the draggable x with dots on each curve
    double probe_x = 1.0;
    SeriesSlots looks;                          // each function's look as last shown (the panel keeps it
                                                // up to date; empty: looks in the order of `functions`)

    ActivationView();                           // every entry at its default parameters, ReLU/tanh/sigmoid/GELU shown
    int focus_index() const;                    // the function whose zones are shaded, or -1
    // Same sampled curves and zones (what sample_curves and fit_limits read): the probe, the shading
    // switches and the focus may differ.
    bool same_curves(const ActivationView& o) const;
    bool operator==(const ActivationView& o) const;
};

}  // namespace actlab::app
