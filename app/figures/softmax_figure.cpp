#include "app/figures/softmax_figure.h"

#include "app/figures/keys.h"
#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace actlab::app {

std::string default_label(int i) { return std::string(1, static_cast<char>('A' + i % 26)); }

std::string class_label(const SoftmaxView& view, int i) {
    return i < static_cast<int>(view.labels.size()) && !view.labels[i].empty() ? view.labels[i] : default_label(i);
}

ImU32 class_color(int i) {
    // Okabe & Ito's palette (without yellow, black softened to dark grey), then five of Paul Tol's
    // "muted" colours that stay apart from them (his rose is too close to Okabe & Ito's reddish
    // purple, class D: sand instead).
    static const ImU32 palette[kMaxClasses] = {
        IM_COL32(0, 114, 178, 255),   IM_COL32(213, 94, 0, 255),    IM_COL32(0, 158, 115, 255),
        IM_COL32(204, 121, 167, 255), IM_COL32(230, 159, 0, 255),   IM_COL32(86, 180, 233, 255),
        IM_COL32(70, 70, 70, 255),    IM_COL32(51, 34, 136, 255),   IM_COL32(136, 34, 85, 255),
        IM_COL32(153, 153, 51, 255),  IM_COL32(221, 204, 119, 255), IM_COL32(140, 98, 57, 255)};
    return palette[((i % kMaxClasses) + kMaxClasses) % kMaxClasses];
}

plot::Marker class_marker(int i) { return i >= 7 ? plot::Marker_Square : plot::Marker_None; }

SoftmaxData compute_softmax_data(const SoftmaxView& view) {
    SoftmaxData d;
    const Eigen::ArrayXd z = view.logit_array();
    d.at_t = core::softmax(z, view.temperature());
    for (double t : view.temperatures) d.at_each_t.push_back(core::softmax_prob(z, t));
    d.cold_entropy = core::softmax(z, 0.0).entropy;
    d.sweep = core::temperature_sweep(z, core::log_spaced(view.t_min, view.t_max, view.sweep_samples));
    d.filtered = core::top_k_top_p_filter(d.at_t.prob, view.top_k, view.top_p);
    core::Rng rng(view.seed);
    d.counts = core::sample_counts(d.filtered, view.draws, rng);
    d.chi = core::chi_square(d.counts, d.filtered);
    return d;
}

namespace {

constexpr ImU32 kInk = IM_COL32(40, 40, 40, 255);
constexpr ImU32 kMutedInk = IM_COL32(90, 90, 90, 255);

// c mixed with white: t = 0 gives c, t = 1 white.
ImU32 lighter(ImU32 c, float t) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.x += (1 - v.x) * t, v.y += (1 - v.y) * t, v.z += (1 - v.z) * t;
    return ImGui::ColorConvertFloat4ToU32(v);
}


std::string temperature_list(const SoftmaxView& view) {
    std::string s;
    for (double t : view.temperatures) s += (s.empty() ? "" : ", ") + plot::format_significant(t);
    return s;
}

// One x tick per class, named after it.
void class_ticks(const SoftmaxView& view) {
    std::vector<double> at;
    std::vector<std::string> names;
    std::vector<const char*> labels;
    for (int i = 0; i < view.classes(); ++i) at.push_back(i), names.push_back(class_label(view, i));
    for (const std::string& n : names) labels.push_back(n.c_str());
    plot::SetupAxisTicks(plot::Axis_X, at.data(), view.classes(), labels.data());
}

// A bar's value above it (below a negative one), only when the text fits the bar's width: wider
// labels would run into their neighbours' (12 classes, large text).
void bar_value(double x, double y, double width, const std::string& text) {
    const float pixels = plot::PlotToPixels(x + 0.5 * width, 0).x - plot::PlotToPixels(x - 0.5 * width, 0).x;
    if (ImGui::CalcTextSize(text.c_str()).x > pixels) return;
    plot::PlotText(text.c_str(), x, y, kInk, ImVec2(0, y >= 0 ? -3.0f : 3.0f), ImVec2(0.5f, y >= 0 ? 1.0f : 0.0f));
}

// The class under the mouse in a bar plot, or -1.
int hovered_class(const SoftmaxView& view) {
    if (!plot::IsPlotHovered()) return -1;
    const int i = static_cast<int>(std::lround(plot::GetPlotMouseX()));
    return i >= 0 && i < view.classes() ? i : -1;
}

void class_tooltip(const SoftmaxView& view, int i, const std::string& text) {
    ImGui::BeginTooltip();
    ImGui::PushStyleColor(ImGuiCol_Text, class_color(i));
    ImGui::Bullet();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::Text("class %d, %s", i, class_label(view, i).c_str());
    ImGui::TextUnformatted(text.c_str());
    ImGui::EndTooltip();
}

// The share of a plot's height kept free above its data, so a value label (or the T label) over a
// bar or curve at the top stays inside the frame: about one and a half lines of text.
double headroom(ImVec2 size) {
    const float fs = ImGui::GetFontSize();
    const float area = std::max(size.y - 6.0f * fs, fs);  // the data area: the frame less title and axes
    return std::clamp(1.6 * fs / area, 0.06, 0.6);
}

// Bars from 0 to at most `top`, with headroom above for their labels.
// True when a label of `text` starting `gap` units right of x would run past the plot's right edge
// and there is more room on the left: it then goes there.
bool label_goes_left(double x, const std::string& text, float gap) {
    const plot::Limits lim = plot::GetPlotLimits();
    const float at = plot::PlotToPixels(x, 0).x;
    const float right = plot::PlotToPixels(lim.x_max, 0).x - at, left = at - plot::PlotToPixels(lim.x_min, 0).x;
    // when it fits neither side, the side with more room cuts off less of it
    return ImGui::CalcTextSize(text.c_str()).x + gap * ImGui::GetFontSize() / 16.0f > right && left > right;
}

plot::Limits bar_limits(const SoftmaxView& view, double top, ImVec2 size) {
    const double high = top * (1.0 + headroom(size));
    return {-0.6, view.classes() - 0.4, -0.015 * high, high};
}

}  // namespace

plot::Limits logit_limits(const SoftmaxView& view) {
    double lo = 0.0, hi = 0.0;
    for (double z : view.logits) lo = std::min(lo, z), hi = std::max(hi, z);
    const double span = std::max(hi - lo, 1.0);
    return {-0.6, view.classes() - 0.4, lo - 0.15 * span, hi + 0.35 * span};  // room for the value labels
}

bool draw_logits_plot(SoftmaxView& view, const plot::Limits& home, plot::Cond cond, ImVec2 size, plot::PlotFlags flags) {
    bool changed = false;
    // the hint is for the window; an exported figure is only the logits
    const char* title = flags & plot::PlotFlags_NoInputs ? "Logits z##logits" : "Logits z (drag a bar, or type on the left)##logits";
    if (!plot::BeginPlot(title, size, flags | plot::PlotFlags_NoLegend)) return false;
    plot::SetupAxes("class", "logit z");
    class_ticks(view);
    plot::SetupAxesLimits(home, cond);
    plot::PlotHLine("##zero", 0.0, {IM_COL32(0, 0, 0, 120), 1.2f});
    const plot::Limits lim = plot::GetPlotLimits();
    for (int i = 0; i < view.classes(); ++i) {
        double z = view.logits[i];
        if (plot::DragBarY(("##z" + std::to_string(i)).c_str(), i, &z, {class_color(i), 0.7})) {
            // snap to a round step of about half a percent of the view, so values stay readable
            const double step = plot::nice_step((lim.y_max - lim.y_min) / 200.0);
            view.logits[i] = std::clamp(std::round(z / step) * step, -kMaxAbsLogit, kMaxAbsLogit);
            changed = true;
        }
        bar_value(i, view.logits[i], 0.7, plot::format_significant(view.logits[i], 4));
    }
    const int hovered = hovered_class(view);
    if (hovered >= 0 && !(flags & plot::PlotFlags_NoInputs))
        class_tooltip(view, hovered, "z = " + plot::format_significant(view.logits[hovered]) + "\npress and drag up or down to change it");
    plot::EndPlot();
    return changed;
}

void draw_probability_plot(const SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags) {
    const std::string title = "Probabilities softmax(z / T) at T = " + temperature_list(view) + "###probs";
    if (!plot::BeginPlot(title.c_str(), size, flags)) return;
    plot::SetupAxes("class", "probability p");
    class_ticks(view);
    plot::SetupAxesLimits(bar_limits(view, 1.0, size), plot::Cond_Always);
    plot::SetupLegend(plot::Location_Best);
    const std::vector<Eigen::ArrayXd>& probs = data.at_each_t;
    const int n = std::min(static_cast<int>(view.temperatures.size()), static_cast<int>(probs.size()));
    const double width = 0.8 / std::max(n, 1);
    for (int j = 0; j < n; ++j) {
        // later temperatures are paler versions of the same class colour; the legend says which is which
        const float pale = n == 1 ? 0.0f : 0.6f * j / (n - 1);
        for (int i = 0; i < view.classes(); ++i) {
            const double x = i - 0.4 + width * (j + 0.5), y = probs[j][i];
            plot::PlotBars("##bar", &x, &y, 1, {lighter(class_color(i), pale), width * 0.92, n > 1 ? class_color(i) : 0u, 1.5f});
            bar_value(x, y, width, plot::format_decimals(y, 3));
        }
        if (n > 1) {
            const std::string label = "T = " + plot::format_significant(view.temperatures[j]);
            plot::PlotBars(label.c_str(), nullptr, nullptr, 0, {lighter(kMutedInk, pale), 0.0, kMutedInk});
        }
    }
    plot::PlotHLine("##zero", 0.0, {IM_COL32(0, 0, 0, 160), 1.2f});
    const int hovered = hovered_class(view);
    if (hovered >= 0 && !(flags & plot::PlotFlags_NoInputs)) {
        std::string text = "z = " + plot::format_significant(view.logits[hovered]);
        for (int j = 0; j < n; ++j)
            text += "\np = " + plot::format_significant(probs[j][hovered]) + " at T = " + plot::format_significant(view.temperatures[j]);
        class_tooltip(view, hovered, text);
    }
    plot::EndPlot();
}

namespace {

// The current T as a line the user can drag along a log axis; returns true when it moved. With
// `label`, "T = ..." at the top of the line (in the headroom above the data), on the side with room.
bool temperature_line(SoftmaxView& view, plot::PlotFlags flags, bool label) {
    double t = view.temperature();
    const bool moved = !(flags & plot::PlotFlags_NoInputs) && plot::DragLineX("T", &t, IM_COL32(60, 60, 60, 220), 2.0f);
    if (moved) {
        // three significant digits, inside the range the maths is tested over
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3g", std::clamp(t, core::kMinTemperature, core::kMaxTemperature));
        view.temperatures.front() = std::strtod(buf, nullptr);
    } else if (flags & plot::PlotFlags_NoInputs) {
        plot::PlotVLine("##T", t, {IM_COL32(60, 60, 60, 220), 2.0f});
    }
    if (label) {
        const plot::Limits lim = plot::GetPlotLimits();
        const std::string text = "T = " + plot::format_significant(view.temperature());
        const bool left = label_goes_left(view.temperature(), text, 10.0f);
        plot::PlotText(text.c_str(), view.temperature(), lim.y_max, kInk, ImVec2(left ? -7.0f : 7.0f, 4),
                       ImVec2(left ? 1.0f : 0.0f, 0));
    }
    return moved;
}

}  // namespace

bool draw_sweep_plot(SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags) {
    // a legend of many classes goes beside or under the curves (the plot widget moves it out of the data)
    if (!plot::BeginPlot("How T spreads the probabilities: p_i(T)##sweep", size, flags)) return false;
    plot::SetupAxes("temperature T (log scale)", "probability p_i(T)");
    plot::SetupAxisScale(plot::Axis_X, plot::Scale_Log10);
    plot::SetupAxesLimits({view.t_min, view.t_max, -0.03, 1.0 + 1.03 * headroom(size)}, plot::Cond_Always);
    // top right is free: warm, every p_i is near 1/K ≤ 1/2, and only the largest class starts high (on the left)
    plot::SetupLegend(plot::Location_NorthEast);
    const core::TemperatureSweep& s = data.sweep;
    const int n = static_cast<int>(s.temperature.size());
    for (int i = 0; i < view.classes() && i < s.prob.cols(); ++i) {
        const Eigen::ArrayXd column = s.prob.col(i);
        // with many classes the legend names them only (their logits are in the table and the tooltip),
        // so it still fits beside the curves
        const std::string label = view.classes() > 4 ? class_label(view, i)
                                                     : class_label(view, i) + " (z = " + plot::format_significant(view.logits[i]) + ")";
        // a class tied with an earlier one has the same curve: dashed, so the one beneath still shows
        const bool tied = std::find(view.logits.begin(), view.logits.begin() + i, view.logits[i]) != view.logits.begin() + i;
        plot::PlotLine(label.c_str(), s.temperature.data(), column.data(), n, {class_color(i), 3.0f, tied, class_marker(i)});
    }
    const bool moved = temperature_line(view, flags, true);
    const Eigen::ArrayXd& p = data.at_t.prob;
    for (int i = 0; i < view.classes() && i < p.size(); ++i) plot::PlotMarker(view.temperature(), p[i], class_color(i));
    if (plot::IsPlotHovered() && !(flags & plot::PlotFlags_NoInputs)) {
        const double t = plot::GetPlotMouseX();
        const Eigen::ArrayXd q = core::softmax_prob(view.logit_array(), t);
        ImGui::BeginTooltip();
        ImGui::Text("T = %s", plot::format_significant(t, 4).c_str());
        for (int i = 0; i < view.classes(); ++i) {
            ImGui::PushStyleColor(ImGuiCol_Text, class_color(i));
            ImGui::Bullet();
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::Text("%s  p = %s", class_label(view, i).c_str(), plot::format_significant(q[i], 4).c_str());
        }
        ImGui::EndTooltip();
    }
    plot::EndPlot();
    return moved;
}

bool draw_entropy_plot(SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags) {
    // the bounds are named on the plot: no legend needed
    if (!plot::BeginPlot("Entropy H(T) = −Σ p_i ln p_i##entropy", size, flags | plot::PlotFlags_NoLegend)) return false;
    const double ln_k = std::log(static_cast<double>(view.classes()));
    plot::SetupAxes("temperature T (log scale)", "entropy H (nats)");
    plot::SetupAxisScale(plot::Axis_X, plot::Scale_Log10);
    // headroom above ln K for its label, and below 0 for the one of H near 0
    const double room = 1.15 * headroom(size) * ln_k;
    plot::SetupAxesLimits({view.t_min, view.t_max, -room, ln_k + room}, plot::Cond_Always);
    const plot::LineStyle bound{IM_COL32(120, 120, 120, 255), 1.8f, true};
    plot::PlotHLine("##lnK", ln_k, bound);
    plot::PlotHLine("##zero", 0.0, bound);
    const plot::Limits lim = plot::GetPlotLimits();
    // Above the ln K line on the left (the curve is low there, near H = 0), below the 0 line on the
    // right (the curve is high there): neither label is crossed by the curve or cut by the frame.
    // With tied maxima, T → 0 shares the mass among them: H falls to ln(ties), not 0. When every logit
    // ties, that floor is ln K itself: one line and one label say so (two would print on each other).
    const double floor = data.cold_entropy;
    const bool all_tie = floor > 0.0 && std::fabs(floor - ln_k) <= 1e-9 * ln_k;
    const std::string top = "ln " + std::to_string(view.classes()) + " = " + plot::format_significant(ln_k, 4) +
                            (all_tie ? ": uniform at every T (all the logits tie)" : ": uniform (T → ∞)");
    plot::PlotText(top.c_str(), lim.x_min, ln_k, kMutedInk, ImVec2(6, -3), ImVec2(0, 1));
    std::string bottom = all_tie ? "0: one-hot, not reached (all the logits tie)" : "0: one-hot (T → 0)";
    if (floor > 0.0 && !all_tie) {
        plot::PlotHLine("##ties", floor, {IM_COL32(120, 120, 120, 255), 1.2f, true});
        const std::string ties = "ln " + std::to_string(static_cast<int>(std::lround(std::exp(floor)))) + " = " +
                                 plot::format_significant(floor, 4) + ": the tied largest logits share it (T → 0)";
        plot::PlotText(ties.c_str(), lim.x_min, floor, kMutedInk, ImVec2(6, -3), ImVec2(0, 1));
        bottom = "0: one-hot, not reached (the largest logits tie)";
    }
    plot::PlotText(bottom.c_str(), lim.x_max, 0.0, kMutedInk, ImVec2(-6, 3), ImVec2(1, 0));
    const Eigen::ArrayXd& h = data.sweep.entropy;
    plot::PlotLine("H(T)", data.sweep.temperature.data(), h.data(), static_cast<int>(h.size()), {kInk, 3.0f});
    // T and H in one label beside the marker, on the side of the plot with room for it
    const bool moved = temperature_line(view, flags, false);
    const double t = view.temperature(), h_now = data.at_t.entropy;
    plot::PlotMarker(t, h_now, kInk);
    const std::string text = "T = " + plot::format_significant(t) + ", H = " + plot::format_significant(h_now, 3) + " nats";
    const bool left = label_goes_left(t, text, 12.0f);
    const bool low = h_now < 0.5 * ln_k;
    plot::PlotText(text.c_str(), t, h_now, kInk, ImVec2(left ? -8.0f : 8.0f, low ? -4.0f : 4.0f),
                   ImVec2(left ? 1.0f : 0.0f, low ? 1.0f : 0.0f));
    plot::EndPlot();
    return moved;
}

void draw_filter_plot(const SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags) {
    const int kept = static_cast<int>((data.filtered > 0.0).count());
    std::string what = view.top_k > 0 && view.top_k < view.classes() ? "top-k " + std::to_string(view.top_k) : "";
    // the slider's three decimals, so the title and the slider agree
    if (view.top_p < 1.0) what += (what.empty() ? "" : ", then ") + std::string("top-p ") + plot::format_significant(view.top_p, 3);
    const std::string title = (what.empty() ? std::string("No filter (top-k and top-p are off)")
                                            : what + ": " + std::to_string(kept) + " of " +
                                                  std::to_string(view.classes()) + " classes kept") +
                              "###filter";  // one plot whatever its title says
    if (!plot::BeginPlot(title.c_str(), size, flags)) return;
    plot::SetupAxes("class", "probability");
    class_ticks(view);
    plot::SetupAxesLimits(bar_limits(view, 1.0, size), plot::Cond_Always);
    plot::SetupLegend(plot::Location_Best);
    for (int i = 0; i < view.classes(); ++i) {
        const double xb = i - 0.2, xa = i + 0.2, before = data.at_t.prob[i], after = data.filtered[i];
        plot::PlotBars("##before", &xb, &before, 1, {lighter(class_color(i), 0.7f), 0.38, class_color(i), 1.5f});
        plot::PlotBars("##after", &xa, &after, 1, {class_color(i), 0.38});
        if (after > 0.0) bar_value(xa, after, 0.38, plot::format_decimals(after, 2));
        else plot::PlotText("×", xa, 0.0, IM_COL32(190, 30, 30, 255), ImVec2(0, -3), ImVec2(0.5f, 1.0f));
    }
    plot::PlotBars("softmax at T (before)", nullptr, nullptr, 0, {lighter(kMutedInk, 0.7f)});
    plot::PlotBars("after, renormalised; × removed", nullptr, nullptr, 0, {kMutedInk});
    plot::PlotHLine("##zero", 0.0, {IM_COL32(0, 0, 0, 160), 1.2f});
    const int hovered = hovered_class(view);
    if (hovered >= 0 && !(flags & plot::PlotFlags_NoInputs))
        class_tooltip(view, hovered, "before: " + plot::format_significant(data.at_t.prob[hovered]) + "\nafter: " +
                                         (data.filtered[hovered] > 0 ? plot::format_significant(data.filtered[hovered]) : "removed"));
    plot::EndPlot();
}

void draw_samples_plot(const SoftmaxView& view, const SoftmaxData& data, ImVec2 size, plot::PlotFlags flags) {
    char title[200];
    std::snprintf(title, sizeof title, "%d draws (seed %llu)%s: χ² = %s, %d d.o.f.###samples", view.draws,
                  view.seed, view.filtering() ? " after filtering" : "", plot::format_significant(data.chi.statistic, 3).c_str(),
                  data.chi.dof);
    if (!plot::BeginPlot(title, size, flags)) return;
    double top = 0.0;
    for (int i = 0; i < view.classes(); ++i)
        top = std::max({top, data.filtered[i], static_cast<double>(data.counts[i]) / view.draws});
    plot::SetupAxes("class", "share of the draws");
    class_ticks(view);
    plot::SetupAxesLimits(bar_limits(view, std::min(1.0, top) * 1.05 + 0.02, size), plot::Cond_Always);
    plot::SetupLegend(plot::Location_Best);
    for (int i = 0; i < view.classes(); ++i) {
        const double x = i, share = static_cast<double>(data.counts[i]) / view.draws;
        plot::PlotBars("##observed", &x, &share, 1, {class_color(i), 0.7});
        const double xs[2] = {i - 0.45, i + 0.45}, ys[2] = {data.filtered[i], data.filtered[i]};
        plot::PlotLine("##expected", xs, ys, 2, {kInk, 3.0f});
    }
    plot::PlotBars("observed share", nullptr, nullptr, 0, {kMutedInk});
    plot::PlotLine("expected probability", nullptr, nullptr, 0, {kInk, 3.0f});
    plot::PlotHLine("##zero", 0.0, {IM_COL32(0, 0, 0, 160), 1.2f});
    const int hovered = hovered_class(view);
    if (hovered >= 0 && !(flags & plot::PlotFlags_NoInputs))
        class_tooltip(view, hovered, std::to_string(data.counts[hovered]) + " of " + std::to_string(view.draws) +
                                         " draws\nexpected " + plot::format_significant(view.draws * data.filtered[hovered], 4));
    plot::EndPlot();
}

namespace {

void csv_rows(std::string* out, const SoftmaxView& view, double t, const Eigen::ArrayXd& prob, double entropy) {
    for (int i = 0; i < view.classes(); ++i)
        *out += number_text(t) + "," + std::to_string(i) + "," + number_text(view.logits[i]) + "," + number_text(prob[i]) +
                "," + number_text(entropy) + "\n";
}

}  // namespace

std::string softmax_csv(const SoftmaxView& view) {
    std::string out = "temperature,class,logit,prob,entropy\n";
    for (double t : view.temperatures) {
        const core::Softmax s = core::softmax(view.logit_array(), t);
        csv_rows(&out, view, t, s.prob, s.entropy);
    }
    return out;
}

std::string softmax_sweep_csv(const SoftmaxView& view) {
    std::string out = "temperature,class,logit,prob,entropy\n";
    const core::TemperatureSweep s =
        core::temperature_sweep(view.logit_array(), core::log_spaced(view.t_min, view.t_max, view.sweep_samples));
    for (size_t j = 0; j < s.temperature.size(); ++j) {
        const Eigen::ArrayXd row = s.prob.row(static_cast<Eigen::Index>(j)).transpose();
        csv_rows(&out, view, s.temperature[j], row, s.entropy[static_cast<Eigen::Index>(j)]);
    }
    return out;
}

std::string softmax_logits_csv(const SoftmaxView& view) {
    std::string out = "class,label,logit\n";
    for (int i = 0; i < view.classes(); ++i)
        out += std::to_string(i) + "," + class_label(view, i) + "," + number_text(view.logits[i]) + "\n";
    return out;
}

std::string softmax_filter_csv(const SoftmaxView& view) {
    const SoftmaxData d = compute_softmax_data(view);
    std::string out = "class,label,logit,prob,filtered,kept\n";
    for (int i = 0; i < view.classes(); ++i)
        out += std::to_string(i) + "," + class_label(view, i) + "," + number_text(view.logits[i]) + "," +
               number_text(d.at_t.prob[i]) + "," + number_text(d.filtered[i]) + "," + (d.filtered[i] > 0.0 ? "1" : "0") + "\n";
    return out;
}

std::string softmax_samples_csv(const SoftmaxView& view, const SoftmaxData& data) {
    std::string out = "class,label,prob,count,frequency\n";
    for (int i = 0; i < view.classes(); ++i)
        out += std::to_string(i) + "," + class_label(view, i) + "," + number_text(data.filtered[i]) + "," +
               std::to_string(data.counts[i]) + "," + number_text(static_cast<double>(data.counts[i]) / view.draws) + "\n";
    return out;
}

const char* softmax_plot_name(SoftmaxPlot which) {
    switch (which) {
        case SoftmaxPlot::Probabilities: return "Probabilities";
        case SoftmaxPlot::Logits: return "Logits";
        case SoftmaxPlot::Sweep: return "Sweep p_i(T)";
        case SoftmaxPlot::Entropy: return "Entropy H(T)";
        case SoftmaxPlot::Filtered: return "Top-k / top-p";
        case SoftmaxPlot::Samples: return "Samples";
        case SoftmaxPlot::SweepAndEntropy: return "Sweep and entropy";
    }
    return "";
}

std::string softmax_file_stem(const SoftmaxView& view, SoftmaxPlot which) {
    std::string classes;
    for (int i = 0; i < view.classes() && i < 6; ++i) {
        std::string label = class_label(view, i);
        for (char& c : label)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
        classes += (i ? "-" : "") + label;
    }
    if (view.classes() > 6) classes += "-more";
    std::string temps;
    char buf[96];
    for (double t : view.temperatures) {
        std::snprintf(buf, sizeof buf, "%s%g", temps.empty() ? "" : "-", t);
        temps += buf;
    }
    const std::string at = "_" + classes + "_T" + temps;
    switch (which) {
        case SoftmaxPlot::Probabilities: return "softmax" + at;
        case SoftmaxPlot::Logits: return "softmax-logits_" + classes;  // the logits do not depend on T
        case SoftmaxPlot::Sweep:
        case SoftmaxPlot::Entropy:
        case SoftmaxPlot::SweepAndEntropy:
            std::snprintf(buf, sizeof buf, "_T%gto%g", view.t_min, view.t_max);
            return std::string(which == SoftmaxPlot::Entropy ? "softmax-entropy_" : "softmax-sweep_") + classes + buf;
        case SoftmaxPlot::Filtered:
            std::snprintf(buf, sizeof buf, "softmax-topk%d-topp%g", view.top_k, view.top_p);
            return buf + at;
        case SoftmaxPlot::Samples:
            std::snprintf(buf, sizeof buf, "softmax-samples-%d-seed%llu", view.draws, view.seed);
            return buf + at;
    }
    return "softmax" + at;
}

Figure softmax_export_figure(const SoftmaxView& view, SoftmaxPlot which) {
    Figure figure;
    figure.stem = softmax_file_stem(view, which);
    figure.csv = [view, which] {
        switch (which) {
            case SoftmaxPlot::Sweep:
            case SoftmaxPlot::Entropy:
            case SoftmaxPlot::SweepAndEntropy: return softmax_sweep_csv(view);
            case SoftmaxPlot::Filtered: return softmax_filter_csv(view);
            case SoftmaxPlot::Samples: return softmax_samples_csv(view, compute_softmax_data(view));
            case SoftmaxPlot::Logits: return softmax_logits_csv(view);
            case SoftmaxPlot::Probabilities: break;
        }
        return softmax_csv(view);
    };
    figure.draw = [view, which](ImVec2 size) {
        SoftmaxView copy = view;  // the figures take a mutable view (for dragging); drawing moves nothing
        const SoftmaxData data = compute_softmax_data(copy);
        const plot::PlotFlags flags = plot::PlotFlags_NoInputs;
        switch (which) {
            case SoftmaxPlot::Probabilities: draw_probability_plot(copy, data, size, flags); break;
            case SoftmaxPlot::Logits: draw_logits_plot(copy, logit_limits(copy), plot::Cond_Always, size, flags); break;
            case SoftmaxPlot::Sweep: draw_sweep_plot(copy, data, size, flags); break;
            case SoftmaxPlot::Entropy: draw_entropy_plot(copy, data, size, flags); break;
            case SoftmaxPlot::Filtered: draw_filter_plot(copy, data, size, flags); break;
            case SoftmaxPlot::Samples: draw_samples_plot(copy, data, size, flags); break;
            case SoftmaxPlot::SweepAndEntropy: {
                const float top = std::floor(size.y * 0.58f);
                draw_sweep_plot(copy, data, ImVec2(size.x, top), flags);
                draw_entropy_plot(copy, data, ImVec2(size.x, size.y - top - ImGui::GetStyle().ItemSpacing.y), flags);
                break;
            }
        }
    };
    return figure;
}

}  // namespace actlab::app
