// The softmax temperature lab's figures: the logits, the probabilities at T, the sweep p_i(T), the
// entropy H(T), the distribution after top-k / top-p, and a histogram of draws. Each is drawn in the
// panel, into off-screen PNGs, and written as CSV, from the window and from `actlab export softmax`.
#pragma once

#include "app/figures/figure.h"
#include "app/plot/plot.h"
#include "core/softmax.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace actlab::app {

constexpr int kMinClasses = 2;
constexpr int kMaxClasses = 12;
constexpr double kMaxAbsLogit = 1e4;        // logits are held to ±1e4 (the accuracy is tested that far)
constexpr double kSliderMinTemperature = 0.01;  // the panel's slider; typed values may go to 1e-3 .. 1e3
constexpr double kSliderMaxTemperature = 100.0;
constexpr int kMaxTemperatures = 10;        // temperatures compared side by side
constexpr int kMaxSweepSamples = 10000;
constexpr int kMaxDraws = 100000;

// Everything that decides what the softmax figures show.
struct SoftmaxView {
    std::vector<double> logits = {2.0, 1.0, 0.1};
    std::vector<std::string> labels = {"A", "B", "C"};  // one per logit; "" shows the default name
    std::vector<double> temperatures = {1.0};  // the first is the current T; the others are compared with it
    double t_min = 0.01;                       // the sweep's range (log-spaced, both ends included)
    double t_max = 100.0;
    int sweep_samples = 200;                   // temperatures in the sweep
    int top_k = 0;                             // 0: no top-k filter
    double top_p = 1.0;                        // 1: no top-p filter
    int draws = 1000;                          // samples in the histogram
    unsigned long long seed = 1;               // of core::Rng, for the draws

    int classes() const { return static_cast<int>(logits.size()); }
    double temperature() const { return temperatures.front(); }
    Eigen::ArrayXd logit_array() const;
    bool filtering() const { return (top_k > 0 && top_k < classes()) || top_p < 1.0; }
    bool operator==(const SoftmaxView& o) const;
    bool operator!=(const SoftmaxView& o) const { return !(*this == o); }
};

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

enum class SoftmaxPlot { Probabilities, Logits, Sweep, Entropy, Filtered, Samples, SweepAndEntropy };
constexpr int kSoftmaxPanelPlots = 6;  // the first six are the panel's; SweepAndEntropy is for the command line
const char* softmax_plot_name(SoftmaxPlot which);

// A file name that says what is shown: "softmax_A-B-C_T0.5", "softmax-sweep_A-B-C_T0.01to100", ...
std::string softmax_file_stem(const SoftmaxView& view, SoftmaxPlot which);

// The figure for export (drawn again, at the export size, from a copy of the view).
Figure softmax_export_figure(const SoftmaxView& view, SoftmaxPlot which);

}  // namespace actlab::app
