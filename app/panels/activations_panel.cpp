#include "app/panels/activations_panel.h"

#include "app/figures/activation_keys.h"
#include "app/panels/export_controls.h"
#include "app/panels/panel_widgets.h"
#include "app/plot/plot_math.h"
#include "app/ui_items.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

bool is_shown(const ActivationView& v, int index) {
    return std::find(v.functions.begin(), v.functions.end(), index) != v.functions.end();
}

void set_functions(ActivationView& v, std::initializer_list<const char*> ids) {
    v.functions.clear();
    for (const char* id : ids) v.functions.push_back(core::activation_index(id));
}

// x is one of the function's corners and f' really jumps there (ELU's does only when α ≠ 1): the
// derivative at x is then a convention, not a limit.
bool at_kink(const core::Activation& act, const double* p, double x) {
    for (int k = 0; k < act.kinks.count; ++k)
        if (x == act.kinks.at[k])
            return act.df(std::nextafter(x, -INFINITY), p) != act.df(std::nextafter(x, INFINITY), p);
    return false;
}

// The tables show values to 10 significant digits.
constexpr const char* kTableFormat = "%.10g";


// A bullet in a function's colour, before the text that follows on the line.
void function_bullet(const ActivationView& v, int catalogue_index) { color_bullet(function_look(v, catalogue_index).color); }


// The function checkboxes, two columns, each with its curve colour once shown.
bool draw_function_picker(ActivationView& v) {
    bool changed = false;
    if (ImGui::BeginTable("##functions", 2, ImGuiTableFlags_SizingStretchSame)) {
        for (int i = 0; i < core::activation_count(); ++i) {
            ImGui::TableNextColumn();
            const core::Activation& act = core::activation(i);
            bool on = is_shown(v, i);
            const bool shown = on;
            if (shown) ImGui::PushStyleColor(ImGuiCol_CheckMark, ImGui::ColorConvertU32ToFloat4(function_look(v, i).color));
            ImGui::PushID(i);
            if (ImGui::Checkbox(act.label, &on)) {
                if (on) v.functions.push_back(i);
                else v.functions.erase(std::find(v.functions.begin(), v.functions.end(), i));
                changed = true;
            }
            ImGui::PopID();
            if (shown) ImGui::PopStyleColor();
            item_tip("%s\n%s", act.formula, act.derivative);
        }
        ImGui::EndTable();
    }
    if (ImGui::SmallButton("Classic")) set_functions(v, {"sigmoid", "tanh", "relu"}), changed = true;
    item_tip("Sigmoid, tanh and ReLU");
    ImGui::SameLine();
    if (ImGui::SmallButton("ReLU family")) set_functions(v, {"relu", "leaky_relu", "elu", "selu"}), changed = true;
    ImGui::SameLine();
    if (ImGui::SmallButton("Smooth ReLUs")) set_functions(v, {"relu", "gelu", "silu", "mish", "softplus"}), changed = true;
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear")) v.functions.clear(), changed = true;
    record_item("Clear");
    return changed;
}

// One slider per parameter of every shown function. Typed values (Ctrl+click) are held to the range.
// Returns true when the user let go of a slider (the plot then refits to the new curve).
bool draw_parameter_sliders(ActivationView& v) {
    bool released = false, any = false;
    for (int index : v.functions) {
        const core::Activation& act = core::activation(index);
        for (int k = 0; k < act.param_count; ++k) {
            any = true;
            const core::Param& p = act.params[k];
            ImGui::PushID(index * 8 + k);
            char label[96];
            std::snprintf(label, sizeof label, "%s  %s", p.symbol, act.label);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
            ImGui::SliderScalar(label, ImGuiDataType_Double, &v.params[index].v[k], &p.min, &p.max, "%.3f",
                                ImGuiSliderFlags_AlwaysClamp);
            released |= ImGui::IsItemDeactivatedAfterEdit();
            item_tip("Drag, or Ctrl+click to type a value from %g to %g (default %g)", p.min, p.max, p.def);
            ImGui::SameLine();
            if (ImGui::SmallButton("reset")) v.params[index].v[k] = p.def, released = true;
            ImGui::PopID();
        }
    }
    if (!any) ImGui::TextDisabled("None of the shown functions has a parameter.");
    return released;
}

// The x range. The two fields are checked together once neither is being edited, so "from" may pass
// the old "to" on the way to a new range; a range that stays wrong is refused beside the fields and
// the plot keeps the range it had.
bool draw_range(ExplorerState& e) {
    ActivationView& v = e.view;
    if (!e.range_pending) e.range_edit[0] = v.x_min, e.range_edit[1] = v.x_max;
    const float w = ImGui::GetFontSize() * 5;
    ImGui::TextUnformatted("x from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputDouble("##from", &e.range_edit[0], 0.0, 0.0, "%g")) e.range_pending = true;
    bool editing = ImGui::IsItemActive();
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputDouble("##to", &e.range_edit[1], 0.0, 0.0, "%g")) e.range_pending = true;
    editing |= ImGui::IsItemActive();
    bool changed = false;
    if (e.range_pending && !editing) {
        const double from = e.range_edit[0], to = e.range_edit[1];
        if (!(from < to)) {
            e.range_error = "'from' (" + plot::format_number(from, "%g") + ") must be less than 'to' (" + plot::format_number(to, "%g") +
                            "); the plot keeps " + plot::format_number(v.x_min, "%g") + " to " + plot::format_number(v.x_max, "%g");
        } else if (std::fabs(from) > kMaxAbsX || std::fabs(to) > kMaxAbsX) {
            e.range_error = "x can go from −1000000 to 1000000; the plot keeps " + plot::format_number(v.x_min, "%g") + " to " +
                            plot::format_number(v.x_max, "%g");
        } else {
            v.x_min = from;
            v.x_max = to;
            e.range_pending = false;
            e.range_error.clear();
            changed = true;
        }
    }
    if (!e.range_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        ImGui::TextWrapped("%s", e.range_error.c_str());
        ImGui::PopStyleColor();
    }
    auto preset = [&](const char* label, double half) {
        if (ImGui::SmallButton(label)) {
            v.x_min = -half, v.x_max = half;
            e.range_pending = false;
            e.range_error.clear();
            changed = true;
        }
    };
    preset("±2", 2);
    ImGui::SameLine();
    preset("±5", 5);
    ImGui::SameLine();
    preset("±10", 10);
    ImGui::SameLine();
    if (ImGui::SmallButton("Reset view")) changed = true;
    item_tip("Back to the x range, with y fitted (or double-click the plot)");
    // Panned or zoomed away from the range above: say what is on screen.
    if (!changed && (e.shown.x_min != v.x_min || e.shown.x_max != v.x_max))
        hint(("showing " + plot::format_number(e.shown.x_min, "%.3g") + " to " + plot::format_number(e.shown.x_max, "%.3g") +
              "; double-click the plot to return").c_str());
    return changed;
}

void draw_controls(AppState& state) {
    ExplorerState& e = state.explorer;
    ActivationView& v = e.view;
    if (section("Functions") && draw_function_picker(v)) e.reset_view = true;
    if (section("Parameters") && draw_parameter_sliders(v)) e.reset_view = true;
    if (section("Curves")) {
        ImGui::Checkbox("f(x)", &v.show_f);
        ImGui::SameLine();
        ImGui::Checkbox("f'(x), dashed", &v.show_df);
        if (!v.show_f && !v.show_df) v.show_f = true;
        if (ImGui::Checkbox("log scale: |f|, |f'|", &v.log_y)) e.reset_view = true;
        item_tip("A log y axis shows how fast a gradient vanishes: sigmoid' falls like e⁻ˣ, tanh' like "
                 "e⁻²ˣ, GELU' like a Gaussian");
        if (draw_range(e)) e.reset_view = true;
    }
    if (section("Where learning stalls")) {
        const int focus = v.focus_index();
        ImGui::TextUnformatted("Shade the zones of");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::BeginCombo("##focus", focus >= 0 ? core::activation(focus).label : "—")) {
            for (int index : v.functions)
                if (ImGui::Selectable(core::activation(index).label, index == focus)) v.focus = index;
            ImGui::EndCombo();
        }
        ImGui::Checkbox("where |f'| <", &v.shade_saturation);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::SliderScalar("##threshold", ImGuiDataType_Double, &v.saturation_threshold, &kMinThreshold,
                            &kMaxThreshold, "%.3g", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
        item_tip("Where the slope is this small, a gradient passing through the unit nearly vanishes");
        ImGui::Checkbox("where f' = 0: a unit there can die", &v.shade_dead);
    }
    if (section("Probe")) {
        ImGui::Checkbox("show at x =", &v.show_probe);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        if (ImGui::InputDouble("##probe", &v.probe_x, 0.1, 1.0, "%.6g")) {
            // Steps of 0.1 add up to 1.4e-16 instead of 0: keep the probe on the decimals the user sees.
            if (std::fabs(v.probe_x) < kMaxAbsX) v.probe_x = std::round(v.probe_x * 1e9) / 1e9;
            if (!std::isfinite(v.probe_x)) v.probe_x = 0.0;
        }
    }
    if (section("Export")) draw_export_controls(state, "export", [&state] { return activations_figure(state); });
}

void draw_probe_table(const ActivationView& v) {
    if (v.functions.empty()) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##probe", 4, flags)) return;
    // numbers get the width of the longest they can be, whatever the text size
    const float number_width = ImGui::CalcTextSize("−0.0000000000e−000").x;
    ImGui::TableSetupColumn("function", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("f(x)", ImGuiTableColumnFlags_WidthFixed, number_width);
    ImGui::TableSetupColumn("f'(x)", ImGuiTableColumnFlags_WidthFixed, number_width);
    ImGui::TableSetupColumn("note", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < v.functions.size(); ++i) {
        const core::Activation& act = core::activation(v.functions[i]);
        const double* p = v.params[v.functions[i]].v;
        const double x = v.probe_x;
        const double d = act.df(x, p);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        function_bullet(v, v.functions[i]);
        ImGui::TextUnformatted(act.label);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(plot::format_number(act.f(x, p), kTableFormat).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(plot::format_number(d, kTableFormat).c_str());
        ImGui::TableNextColumn();
        if (at_kink(act, p, x) && act.kink_note) ImGui::TextWrapped("%s", act.kink_note);
        else if (d == 0.0 && x <= 0.0 && can_die(act, p))
            ImGui::TextWrapped("no gradient at all: a unit with this input learns nothing from it");
        else if (std::fabs(d) < v.saturation_threshold)
            ImGui::TextWrapped("saturated: a gradient passing through is multiplied by %s", plot::format_number(d, "%.2g").c_str());
    }
    ImGui::EndTable();
}

void yes_no(bool b) { ImGui::TextUnformatted(b ? "yes" : "no"); }

void draw_properties_table(const ActivationView& v) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##properties", 7, flags)) return;
    ImGui::TableSetupColumn("function", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("output range", ImGuiTableColumnFlags_WidthStretch, 1.9f);
    ImGui::TableSetupColumn("largest |f'|", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    for (const char* h : {"zero-centred", "monotonic", "smooth", "can die"})
        ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    // Shown functions first, in their colours; then the rest of the catalogue for comparison.
    std::vector<int> order = v.functions;
    for (int i = 0; i < core::activation_count(); ++i)
        if (!is_shown(v, i)) order.push_back(i);
    for (size_t r = 0; r < order.size(); ++r) {
        const core::Activation& act = core::activation(order[r]);
        const bool shown = r < v.functions.size();
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (shown) function_bullet(v, order[r]);
        if (!shown) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(act.label);
        item_tip("%s\n%s", act.formula, act.derivative);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(act.props.range);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(act.props.max_slope);
        ImGui::TableNextColumn();
        yes_no(act.props.zero_centred);
        ImGui::TableNextColumn();
        yes_no(act.props.monotonic);
        ImGui::TableNextColumn();
        yes_no(act.props.smooth);
        ImGui::TableNextColumn();
        yes_no(act.props.can_die);
        if (!shown) ImGui::PopStyleColor();
    }
    ImGui::EndTable();
    hint("At the default parameters. Zero-centred: f is odd, so inputs symmetric about 0 give outputs averaging 0. "
         "Smooth: f' has no jump. Can die: f' is exactly 0 for all negative inputs beyond some point, so a unit stuck "
         "there gets no gradient. Hover a name for its formula.");
}

void draw_about(const ActivationView& v) {
    if (v.functions.empty()) {
        ImGui::TextDisabled("Pick a function on the left to read about it.");
        return;
    }
    for (size_t i = 0; i < v.functions.size(); ++i) {
        const core::Activation& act = core::activation(v.functions[i]);
        function_bullet(v, v.functions[i]);
        ImGui::Text("%s    %s    %s", act.label, act.formula, act.derivative);
        ImGui::Indent();
        ImGui::TextWrapped("%s", act.about);
        if (act.kink_note) hint(act.kink_note);
        ImGui::Unindent();
        ImGui::Spacing();
    }
}

// Recomputes the cached home view and curves when what they depend on changed (not for the probe).
void update_caches(ExplorerState& e) {
    const bool view_changed = !e.has_cache || !e.view.same_curves(e.cached_view);
    if (view_changed) {
        e.home = fit_limits(e.view);
        e.cached_view = e.view;
    }
    // Sample half a view beyond each side, so panning shows curve before the next resample.
    const plot::Limits range = e.reset_view || !e.has_cache ? e.home : e.shown;
    const double w = range.x_max - range.x_min;
    const bool covered = e.curves.x.size() > 0 && e.curves.x_min <= range.x_min && e.curves.x_max >= range.x_max &&
                         (e.curves.x_max - e.curves.x_min) < 3.0 * w;
    if (view_changed || !covered) {
        ActivationView dense = e.view;
        dense.samples = std::max(e.view.samples, 2) * 2;
        e.curves = sample_curves(dense, range.x_min - 0.5 * w, range.x_max + 0.5 * w);
    }
    e.has_cache = true;
}

}  // namespace

void draw_activations_panel(AppState& state) {
    ExplorerState& e = state.explorer;
    e.view.looks = activation_slots(e.view);  // a function keeps its look while it stays shown
    const bool plot_only = state.ui.plot_only;
    if (!plot_only) {
        // 22 font heights, but never more than 40 % of the window, whatever the text size
        const float sidebar = std::min(ImGui::GetFontSize() * 22.0f, ImGui::GetContentRegionAvail().x * 0.4f);
        ImGui::BeginChild("##explorer-controls", ImVec2(sidebar, 0), false);
        draw_controls(state);
        ImGui::EndChild();
        ImGui::SameLine();
    }

    update_caches(e);
    ImGui::BeginChild("##explorer-main", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
    const float available = ImGui::GetContentRegionAvail().y;
    const float plot_height = plot_only ? available - ImGui::GetStyle().ItemSpacing.y
                                        : std::max(available * 0.7f, ImGui::GetFontSize() * 8);
    FigureOptions options;
    options.home = e.home;
    options.cond = e.reset_view ? plot::Cond_Always : plot::Cond_Once;
    draw_activation_figure(e.view, e.curves, ImVec2(0, plot_height), options, &e.shown);
    e.reset_view = false;

    if (!plot_only && ImGui::BeginTabBar("##explorer-tabs")) {
        char probe_tab[64];
        std::snprintf(probe_tab, sizeof probe_tab, "Values at x = %.4g###values", e.view.probe_x);
        if (tab_item(probe_tab)) {
            ImGui::BeginChild("##values");
            draw_probe_table(e.view);
            hint("Drag the probe line in the plot, or type x on the left. Hover the plot for values anywhere; drag to "
                 "pan, scroll to zoom, double-click to reset.");
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (tab_item("Properties")) {
            ImGui::BeginChild("##props");
            draw_properties_table(e.view);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (tab_item("About these functions")) {
            ImGui::BeginChild("##about");
            draw_about(e.view);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
}

Figure activations_figure(const AppState& state) {
    // What is on screen, panned and zoomed: the PNG draws it, the CSV samples it, the name says it.
    ActivationView shown = state.explorer.view;
    shown.x_min = state.explorer.shown.x_min;
    shown.x_max = state.explorer.shown.x_max;
    return activation_export_figure(shown, state.explorer.shown);
}

}  // namespace actlab::app
