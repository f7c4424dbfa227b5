// The activation plot: one or more catalogue functions and their derivatives. The same figure is drawn
// in the explorer panel, into off-screen PNGs and its data written as CSV, from the window and from
// `actlab export activations`.
#pragma once

#include "app/figures/activation_view.h"
#include "app/figures/figure.h"
#include "app/figures/series_looks.h"
#include "app/plot/plot.h"
#include "core/activation.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace actlab::app {

// Stretches of x where learning stalls for one function.
struct Zones {
    std::vector<std::pair<double, double>> saturated;  // |f'| < threshold
    std::vector<std::pair<double, double>> dead;       // f' = 0 from the left edge up to x ≤ 0, for a function
                                                       // that can die there (a unit stuck there never recovers)
};

// True when f' is exactly zero on a half-line of negative inputs with these parameters (ReLU, hard
// functions, and Leaky ReLU / PReLU / ELU at α = 0). A tail that merely underflows to 0 does not count.
bool can_die(const core::Activation& act, const double* params);

// The zones of one sampled f' over the sorted grid x.
Zones find_zones(const Eigen::ArrayXd& x, const Eigen::ArrayXd& dy, double threshold, bool dies);

// Sampled curves for the current view: f and f' of every shown function on one x grid, as plotted
// (|f| and |f'| when the view has a log y axis).
struct ActivationCurves {
    Eigen::ArrayXd x;
    std::vector<Eigen::ArrayXd> y;       // one per shown function, in the view's order
    std::vector<Eigen::ArrayXd> dy;
    std::vector<Zones> zones;            // one per shown function
    bool magnitudes = false;             // y and dy hold |f| and |f'|
    double x_min = 0.0, x_max = 0.0;     // the range sampled
};

// Samples every shown function on `samples` points over [x_min, x_max].
ActivationCurves sample_curves(const ActivationView& view, double x_min, double x_max);

// The home view: the view's x range, and a y range that fits the shown curves over it with a margin.
plot::Limits fit_limits(const ActivationView& view);

// Each shown function's look (series_looks.h): a colour of its own while 7 or fewer are shown, kept
// while it stays shown; beyond 7, shared colours in other dash patterns.
SeriesSlots activation_slots(const ActivationView& view);
// The look of one function of the view (the first look for one not shown).
SeriesLook function_look(const ActivationView& view, int catalogue_index);

// How the figure is drawn: on screen the plot keeps its own pan and zoom around `home`; for export
// the view is forced.
struct FigureOptions {
    plot::PlotFlags flags = 0;
    plot::Limits home;           // the view a double-click returns to (fit_limits)
    plot::Cond cond = plot::Cond_Once;  // Cond_Always: show `home` now (export, or the range changed)
    const char* variable = "x";  // the input's name on the axes: "z" where the curve is a layer's
    bool x_label = true;         // false: no x axis label (a plot under it names the same axis)
    bool y_label = true;         // false: no y axis label (a plot too small to give it the room)
    const char* id = "Activation functions##activations";  // the plot's title and ID
};

// The shading of the zones where learning stalls, pale enough for curves and bars over it.
constexpr ImU32 kSaturatedShade = IM_COL32(240, 170, 60, 55);  // |f'| < threshold
constexpr ImU32 kDeadShade = IM_COL32(110, 110, 130, 40);      // f' = 0 where a unit can die
// Draws the figure at the current cursor, `size` pixels; `curves` must cover the view shown.
// `*shown` receives the view after pan and zoom. Returns true when the user moved the probe.
bool draw_activation_figure(ActivationView& view, const ActivationCurves& curves, ImVec2 size,
                            const FigureOptions& options, plot::Limits* shown);

// The figure's data as CSV: columns function,param,x,y,dy; one row per function and x
// (the view's x_points, or `samples` points over [x_min, x_max]); numbers as %.17g.
std::string activation_csv(const ActivationView& view);

// A file name that says what the figure shows: "activations_relu-gelu_x-5to5" (the range to 3 digits).
std::string activation_file_stem(const ActivationView& view);

// The figure for export, showing `limits`: its PNG draws the curves sampled over that view.
Figure activation_export_figure(const ActivationView& view, const plot::Limits& limits);

}  // namespace actlab::app
