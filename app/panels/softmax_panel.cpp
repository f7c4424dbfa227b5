#include "app/panels/softmax_panel.h"

#include "app/figures/figure.h"
#include "app/figures/softmax_keys.h"
#include "app/panels/export_controls.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/typed_field.h"
#include "app/ui_items.h"
#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"
#include "app/recording.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

// The temperatures the arrow keys step through, per decade (the R10 series of preferred numbers).
constexpr double kSteps[] = {1.0, 1.25, 1.6, 2.0, 2.5, 3.2, 4.0, 5.0, 6.3, 8.0};

struct Preset {
    const char* name;
    const char* tip;
    std::vector<double> logits;
    std::vector<std::string> labels;
};

const std::vector<Preset>& presets() {
    static const std::vector<Preset> list = {
        {"2, 1, 0.1", "The classic example: three classes", {2.0, 1.0, 0.1}, {"A", "B", "C"}},
        {"Peaked", "One logit far above the rest: confident even at T = 1", {6.0, 2.0, 1.0, 0.5, 0.0}, {}},
        {"Ties", "Two equal largest logits: T → 0 shares the mass between them", {2.0, 2.0, 0.5, 0.0}, {}},
        {"Next word", "A language model filling the blank in \"The ... sat on the mat\"",
         {3.2, 2.6, 1.5, 0.7, 0.1, -0.8, -1.6}, {"cat", "dog", "man", "bird", "car", "idea", "sky"}},
        {"12 classes", "Many classes: where top-k and top-p differ",
         {2.8, 2.5, 2.1, 1.6, 1.3, 0.9, 0.4, 0.0, -0.5, -1.1, -1.7, -2.4}, {}},
    };
    return list;
}

void apply_preset(SoftmaxState& s, const Preset& p) {
    s.view.logits = p.logits;
    s.view.labels = p.labels;
    s.view.labels.resize(p.logits.size());
    if (s.view.top_k > s.view.classes()) s.view.top_k = 0;
    s.refit_logits = true;
    s.message.clear();
}




void draw_logit_table(SoftmaxState& s) {
    SoftmaxView& v = s.view;
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
    if (ImGui::BeginTable("##logits", 4, flags)) {
        // a bullet and two digits (classes 10 and 11)
        ImGui::TableSetupColumn("class", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize("00").x);
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("logit z", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("p at T", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0.00000").x);
        ImGui::TableHeadersRow();
        for (int i = 0; i < v.classes(); ++i) {
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            color_bullet(class_color(i));
            ImGui::Text("%d", i);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            typed_text("##label", &v.labels[i], default_label(i).c_str(), &s.message, [&](const std::string& label) {
                if (label.find(',') != std::string::npos)
                    return "A label cannot hold a comma; '" + class_label(v, i) + "' is kept.";
                if (label.size() > 24) return "A label has at most 24 characters; '" + class_label(v, i) + "' is kept.";
                return std::string();
            });
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (typed_double("##z", &v.logits[i], "%.6g", &s.message, [&](double z) {
                    if (std::fabs(z) <= kMaxAbsLogit) return std::string();
                    return "A logit must be within ±10000; class " + class_label(v, i) + " keeps " +
                           plot::format_significant(v.logits[i]) + ".";
                }))
                s.refit_logits = true;
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.has_cache && i < s.data.at_t.prob.size() ? plot::format_decimals(s.data.at_t.prob[i], 4).c_str() : "");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::BeginDisabled(v.classes() >= kMaxClasses);
    if (ImGui::SmallButton("+ class")) {
        v.logits.push_back(0.0);
        v.labels.emplace_back();
        s.refit_logits = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(v.classes() <= kMinClasses);
    if (ImGui::SmallButton("− class")) {
        v.logits.pop_back();
        v.labels.pop_back();
        if (v.top_k > v.classes()) v.top_k = 0;
        s.refit_logits = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    hint("2 to 12 classes");
}

void draw_temperature(SoftmaxState& s) {
    SoftmaxView& v = s.view;
    double& t = v.temperatures.front();
    ImGui::SetNextItemWidth(-FLT_MIN);
    value_slider("##T", &t, kSliderMinTemperature, kSliderMaxTemperature, "T = %.3g",
                 ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp, kSteps, 10);
    item_tip("Drag (log scale, 0.01 to 100: it lands on 1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.3, 8 × 10^k;\n"
                          "hold Shift for values in between), or Ctrl+click to type a value from 0.01 to 100 (Enter applies it).\n"
                          "The arrow keys step T while this lab is shown.");
    ImGui::TextUnformatted("type T:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    typed_double("##type T", &t, "%.6g", &s.message, [&](double typed) {
        if (typed >= core::kMinTemperature && typed <= core::kMaxTemperature) return std::string();
        return "T = " + plot::format_significant(typed) + " is outside 0.001 to 1000; T stays " + plot::format_significant(t) +
               (typed <= 0 ? " (T → 0 is the one-hot limit: see the sweep)." : ".");
    });
    same_line_or_wrap(small_button_width("T = 1"));
    if (ImGui::SmallButton("T = 1")) t = 1.0;
    item_tip("Plain softmax");
    ImGui::BeginDisabled(static_cast<int>(v.temperatures.size()) >= kMaxTemperatures ||
                         std::count(v.temperatures.begin(), v.temperatures.end(), t) > 1);
    if (ImGui::SmallButton("Compare: keep this T")) v.temperatures.push_back(t);
    ImGui::EndDisabled();
    item_tip("Keeps a set of bars at this T in the probability plot, beside the current one");
    if (v.temperatures.size() > 1) {
        same_line_or_wrap(small_button_width("clear"));
        if (ImGui::SmallButton("clear")) v.temperatures.resize(1);
        std::string kept = "compared with T =";
        for (size_t j = 1; j < v.temperatures.size(); ++j) kept += (j > 1 ? ", " : " ") + plot::format_significant(v.temperatures[j]);
        hint(kept.c_str());
    }
}

// The sweep's two ends, each applied when confirmed. An end typed past the other carries it along
// (the sweep keeps its span on the log axis), so any new range can be typed in either order.
void draw_sweep_range(SoftmaxState& s) {
    SoftmaxView& v = s.view;
    const float w = ImGui::GetFontSize() * 5;
    auto within = [&](double t) {
        if (t >= core::kMinTemperature && t <= core::kMaxTemperature) return std::string();
        return "The sweep can go from T = 0.001 to 1000; it keeps " + plot::format_significant(v.t_min) + " to " +
               plot::format_significant(v.t_max) + ".";
    };
    const double span = v.t_max / v.t_min;
    ImGui::TextUnformatted("T from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    double from = v.t_min, to = v.t_max;
    if (typed_double("##tmin", &from, "%g", &s.message, within)) {
        v.t_min = from;
        if (!(v.t_min < v.t_max)) v.t_max = std::min(core::kMaxTemperature, v.t_min * span);
        if (!(v.t_min < v.t_max)) v.t_min = v.t_max / span;  // at the top of the range
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (typed_double("##tmax", &to, "%g", &s.message, within)) {
        v.t_max = to;
        if (!(v.t_min < v.t_max)) v.t_min = std::max(core::kMinTemperature, v.t_max / span);
        if (!(v.t_min < v.t_max)) v.t_max = v.t_min * span;  // at the bottom of the range
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    value_slider_int("temperatures", &v.sweep_samples, 2, 1000, "%d", ImGuiSliderFlags_AlwaysClamp);
}

void draw_filters(SoftmaxState& s) {
    SoftmaxView& v = s.view;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    value_slider_int("top-k", &v.top_k, 0, v.classes(), v.top_k == 0 ? "off" : "%d", ImGuiSliderFlags_AlwaysClamp);
    item_tip("Keep the k most probable classes (ties at the k-th place are all kept), then renormalise");
    const double lo = 0.01, hi = 1.0;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    value_slider("top-p", &v.top_p, lo, hi, v.top_p >= 1.0 ? "off (1)" : "%.3f", ImGuiSliderFlags_AlwaysClamp);
    item_tip("Nucleus: keep the most probable classes until their mass reaches p, then renormalise.\n"
             "Applied after top-k, as language-model samplers do.");
    hint("Decoders cut the unlikely tail before sampling, so a rare class is never drawn.");
}

void draw_sampling(SoftmaxState& s) {
    SoftmaxView& v = s.view;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    typed_int("draws", &v.draws, 1, kMaxDraws, &s.message);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    typed_u64("seed", &v.seed, &s.message);
    same_line_or_wrap(small_button_width("draw again"));
    if (ImGui::SmallButton("draw again")) ++v.seed;
    hint("Same seed, same draws, on every machine. With few draws the bars wander around the expected lines; "
         "χ² measures how far.");
}

void draw_explanation() {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("What temperature does");
    hint("A network's last layer gives one score per class, the logits z. Softmax turns them into probabilities, "
         "p_i = exp(z_i / T) / Σ_j exp(z_j / T). Dividing by T stretches or squeezes the gaps between the logits before "
         "they are exponentiated. Below 1 the gaps grow, and the largest logit takes almost everything: as T → 0 the "
         "result is one-hot, an argmax. Above 1 the gaps shrink and the classes look alike: as T → ∞ each gets 1/K. "
         "The ranking never changes, only how sure the distribution is; the entropy measures that, from 0 (certain) "
         "to ln K (no idea).");
    ImGui::TextUnformatted("Why the maximum is subtracted");
    hint("exp(1000) is too large for a double and exp(−1000) is too small, so the formula as written gives inf / inf = "
         "NaN for large logits. Subtracting the same number from every logit multiplies the top and the bottom of the "
         "fraction by the same factor, so it changes nothing in exact arithmetic; choosing the largest logit makes "
         "every exponent ≤ 0, the largest term exactly 1 and the sum between 1 and K. Nothing can overflow.");
    ImGui::TextUnformatted("Why a loss takes logits, not probabilities");
    hint("Cross-entropy is −log p_y for the true class y. From the logits it is log Σ_j exp(z_j) − z_y, computed with "
         "the maximum subtracted: finite for any logits, with the simple gradient p − onehot(y). From probabilities, a "
         "confidently wrong prediction has a p_y that has already rounded to 0, and −log 0 = ∞: the loss and its "
         "gradient become inf and NaN. So cross-entropy functions (PyTorch's cross_entropy, TensorFlow's "
         "..._with_logits) take the logits and do the softmax inside.");
    ImGui::PopTextWrapPos();
}

void draw_controls(AppState& state) {
    SoftmaxState& s = state.softmax;
    if (section("Presets")) {
        const auto& list = presets();
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(list[i].name).x + ImGui::GetFontSize())
                ImGui::NewLine();
            if (ImGui::SmallButton(list[i].name)) apply_preset(s, list[i]);
            item_tip("%s", list[i].tip);
        }
    }
    if (section("Classes and logits")) draw_logit_table(s);
    if (section("Temperature")) draw_temperature(s);
    if (!s.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        text_wrapped(s.message.c_str());
        ImGui::PopStyleColor();
    }
    if (section("Sweep")) draw_sweep_range(s);
    if (section("Top-k and top-p")) draw_filters(s);
    if (section("Sampling")) draw_sampling(s);
    if (section("What is going on")) draw_explanation();
    if (section("Export")) {
        const char* names[kSoftmaxPanelPlots];
        for (int i = 0; i < kSoftmaxPanelPlots; ++i) names[i] = softmax_plot_name(static_cast<SoftmaxPlot>(i));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        ImGui::Combo("plot", &s.export_plot, names, kSoftmaxPanelPlots);
        draw_export_controls(state, "softmax-export", [&s] {
            return softmax_export_figure(s.view, static_cast<SoftmaxPlot>(s.export_plot));
        });
        if (!draw_recording_progress(state, "softmax")) {
            ImGui::BeginDisabled(recording_busy(state));
            if (ImGui::Button("Record GIF##softmax")) record_softmax(state);
            ImGui::EndDisabled();
            record_item("Record GIF (softmax)");
            item_tip("Writes an animated GIF into the export folder: the probabilities as T sweeps over the sweep's\n"
                     "range (tmin to tmax, log-spaced), 60 frames at 15 a second");
        }
    }
}

void update_caches(SoftmaxState& s) {
    if (!s.has_cache || s.view != s.cached_view) {
        s.data = compute_softmax_data(s.view);
        s.cached_view = s.view;
        s.has_cache = true;
    }
}

}  // namespace

void step_temperature(SoftmaxState& s, int steps) {
    double& t = s.view.temperatures.front();
    // the position on the 10-a-decade ladder nearest to T, then `steps` along it
    const double position = std::round(10.0 * std::log10(t));
    const int k = static_cast<int>(position) + steps;
    const int decade = static_cast<int>(std::floor(k / 10.0));
    const double next = kSteps[k - 10 * decade] * std::pow(10.0, decade);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", next);  // 0.0125, not 0.012500000000000001
    t = std::clamp(std::strtod(buf, nullptr), kSliderMinTemperature, kSliderMaxTemperature);
    s.message.clear();
}

namespace {

// The six plots in a grid: two columns where each stays readable, else one; rows that share the
// height, or keep a readable height and scroll.
void draw_plots(SoftmaxState& s, ImVec2 room) {
    update_caches(s);
    if (s.refit_logits) s.logit_home = logit_limits(s.view);
    const ImVec2 gap = ImGui::GetStyle().ItemSpacing;
    const PlotGrid grid = plot_grid(room.x, room.y, ImGui::GetFontSize(), gap.x, gap.y, 6, 2, ImGui::GetStyle().ScrollbarSize);
    const ImVec2 cell(grid.cell_width, grid.cell_height);
    int drawn = 0;
    auto next = [&] {  // side by side within a row
        if (++drawn % grid.columns) ImGui::SameLine();
    };
    SoftmaxView& v = s.view;
    if (draw_logits_plot(v, s.logit_home, s.refit_logits ? plot::Cond_Always : plot::Cond_Once, cell, 0))
        s.dragging_logit = true;
    s.refit_logits = false;
    if (s.dragging_logit && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        s.dragging_logit = false;
        s.refit_logits = true;  // let go: the view grows to fit a logit dragged to its edge
    }
    next();
    draw_probability_plot(v, s.data, cell, 0);
    next();
    // Dragging the T line in one plot moves it in the other next frame; the data follows the view.
    draw_sweep_plot(v, s.data, cell, 0);
    next();
    draw_entropy_plot(v, s.data, cell, 0);
    next();
    draw_filter_plot(v, s.data, cell, 0);
    next();
    draw_samples_plot(v, s.data, cell, 0);
}

}  // namespace

void draw_softmax_panel(AppState& state) {
    SoftmaxState& s = state.softmax;
    lab_columns("softmax", state.ui.plot_only, kSidebarWidth, kSidebarMinWidth,
                [&] {
                    update_caches(s);
                    draw_controls(state);
                },
                [&s](ImVec2 room) { draw_plots(s, room); });
}

Figure softmax_figure(const AppState& state) {
    return softmax_export_figure(state.softmax.view, SoftmaxPlot::Probabilities);
}

}  // namespace actlab::app
