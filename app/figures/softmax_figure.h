// The softmax temperature lab's figures: the logits, the probabilities at T, the sweep p_i(T), the
// entropy H(T), the distribution after top-k / top-p, and a histogram of draws. Each is drawn in the
// panel, into off-screen PNGs, and written as CSV, from the window and from `actlab export softmax`.
#pragma once

#include "app/figures/figure.h"
#include "app/figures/softmax_view.h"
#include "app/plot/plot.h"
#include "core/softmax.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace actlab::app {

// The name shown for class i: its label, or "A", "B", ... when it has none.
std::string default_label(int i);
std::string class_label(const SoftmaxView& view, int i);

// Class i has the same colour (and, from the eighth on, a square mark on its lines) in every plot.
ImU32 class_color(int i);
plot::Marker class_marker(int i);

// What the figures read, computed once per change of the view (the panel caches it).
struct SoftmaxData {
    core::Softmax at_t;             // softmax at the current T
    std::vector<Eigen::ArrayXd> at_each_t;  // softmax probabilities at each of the view's temperatures
    double cold_entropy = 0.0;      // H as T → 0: ln(the number of tied largest logits)
    core::TemperatureSweep sweep;   // over the view's log-spaced range
    Eigen::ArrayXd filtered;        // after top-k and top-p, renormalised
    Eigen::ArrayXi counts;          // draws from the filtered distribution
    core::ChiSquare chi;            // of the counts against the filtered probabilities
};
SoftmaxData compute_softmax_data(const SoftmaxView& view);

// The plots. On screen the logits and the temperature can be dragged: the functions return true
// when the view changed. `flags` is PlotFlags_NoInputs for export.
bool draw_logits_plot(SoftmaxView& view, const plot::Limits& home, plot::Cond cond, ImVec2 size, plot::PlotFlags flags);
void draw_probability_plot(const SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags);
bool draw_sweep_plot(SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags);
bool draw_entropy_plot(SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags);
void draw_filter_plot(const SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags);
void draw_samples_plot(const SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags);

// The logit plot's home view: every logit, and 0, with room to drag beyond them.
plot::Limits logit_limits(const SoftmaxView& view);

// CSV with the columns temperature,class,logit,prob,entropy: one row per temperature × class, entropy
// repeated on each row of its temperature; numbers in the fewest digits that read back exactly. At the view's temperatures, or over the sweep.
std::string softmax_csv(const SoftmaxView& view);
std::string softmax_sweep_csv(const SoftmaxView& view);
// class,label,logit: the logits plot's data.
std::string softmax_logits_csv(const SoftmaxView& view);
// class,label,logit,prob,filtered,kept: the distribution before and after top-k / top-p.
std::string softmax_filter_csv(const SoftmaxView& view);
// class,label,prob,count,frequency: the draws against the probabilities they were drawn from.
std::string softmax_samples_csv(const SoftmaxView& view, const SoftmaxData& data);

const char* softmax_plot_name(SoftmaxPlot which);

// A file name that says what is shown: "softmax_A-B-C_T0.5", "softmax-sweep_A-B-C_T0.01to100", ...
std::string softmax_file_stem(const SoftmaxView& view, SoftmaxPlot which);

// The figure for export (drawn again, at the export size, from a copy of the view).
Figure softmax_export_figure(const SoftmaxView& view, SoftmaxPlot which);

}  // namespace actlab::app
