// What the softmax lab shows, as a plain struct, and its ranges: the panel, settings.json and
// `actlab export softmax...` all change it, and its keys (softmax_keys.h) read and write it without ImGui.
#pragma once

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

// The softmax figures (softmax_figure.h draws them; the command line names them).
enum class SoftmaxPlot { Probabilities, Logits, Sweep, Entropy, Filtered, Samples, SweepAndEntropy };
constexpr int kSoftmaxPanelPlots = 6;  // the first six are the panel's; SweepAndEntropy is for the command line

}  // namespace actlab::app
