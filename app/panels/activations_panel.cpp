#include "app/panels/activations_panel.h"

#include "app/figures/activation_keys.h"
#include "app/figures/figure.h"
#include "app/panels/export_controls.h"
#include "app/recording.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/typed_field.h"
#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"
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
constexpr int kTableDigits = 10;  // significant digits of the values table


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
    same_line_or_wrap(small_button_width("ReLU family"));
    if (ImGui::SmallButton("ReLU family")) set_functions(v, {"relu", "leaky_relu", "elu", "selu"}), changed = true;
    same_line_or_wrap(small_button_width("Smooth ReLUs"));
    if (ImGui::SmallButton("Smooth ReLUs")) set_functions(v, {"relu", "gelu", "silu", "mish", "softplus"}), changed = true;
    same_line_or_wrap(small_button_width("Clear"));
    if (ImGui::SmallButton("Clear")) v.functions.clear(), changed = true;
    record_item("Clear");
    return changed;
}

// One slider per parameter of every shown function. A value typed (Ctrl+click) outside the range is refused.
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
            // the slider, its label and the reset button on one line, as wide as the sidebar allows
            ImGui::SetNextItemWidth(width_beside(label, ImGui::GetFontSize() * 10) - small_button_width("reset") -
                                    ImGui::GetStyle().ItemSpacing.x);
            value_slider(label, &v.params[index].v[k], p.min, p.max, "%.3f", ImGuiSliderFlags_AlwaysClamp);
            released |= ImGui::IsItemDeactivatedAfterEdit();
            item_tip("Drag, or Ctrl+click to type a value from %g to %g (default %g)", p.min, p.max, p.def);
            same_line_or_wrap(small_button_width("reset"));
            if (ImGui::SmallButton("reset")) v.params[index].v[k] = p.def, released = true;
            ImGui::PopID();
        }
    }
    if (!any) hint("None of the shown functions has a parameter.");
    return released;
}

// The x range: each end applies when confirmed. An end typed past the other carries it along (the
// range keeps its width), so a new range can be typed in either order; only ends beyond ±1000000 are
// refused, beside the fields, and the plot keeps the range it had.
bool draw_range(ExplorerState& e) {
    ActivationView& v = e.view;
    const float w = ImGui::GetFontSize() * 5;
    const double width = v.x_max - v.x_min;
    auto within = [&](double x) {
        if (std::fabs(x) <= kMaxAbsX) return std::string();
        return "x can go from −1000000 to 1000000; the plot keeps " + plot::format_significant(v.x_min) + " to " +
               plot::format_significant(v.x_max) + ".";
    };
    bool changed = false;
    double from = v.x_min, to = v.x_max;
    ImGui::TextUnformatted("x from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (typed_double("##from", &from, "%g", &e.range_error, within)) {
        v.x_min = from;
        if (!(v.x_min < v.x_max)) v.x_max = std::min(kMaxAbsX, v.x_min + width);
        if (!(v.x_min < v.x_max)) v.x_min = v.x_max - width;  // at the right end of what x can be
        changed = true;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (typed_double("##to", &to, "%g", &e.range_error, within)) {
        v.x_max = to;
        if (!(v.x_min < v.x_max)) v.x_min = std::max(-kMaxAbsX, v.x_max - width);
        if (!(v.x_min < v.x_max)) v.x_max = v.x_min + width;
        changed = true;
    }
    if (!e.range_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        text_wrapped(e.range_error.c_str());
        ImGui::PopStyleColor();
    }
    auto preset = [&](const char* label, double half) {
        if (ImGui::SmallButton(label)) {
            v.x_min = -half, v.x_max = half;
            e.range_error.clear();
            changed = true;
        }
    };
    preset("±2", 2);
    same_line_or_wrap(small_button_width("±5"));
    preset("±5", 5);
    same_line_or_wrap(small_button_width("±10"));
    preset("±10", 10);
    same_line_or_wrap(small_button_width("Reset view"));
    if (ImGui::SmallButton("Reset view")) changed = true;
    item_tip("Back to the x range, with y fitted (or double-click the plot)");
    // Panned or zoomed away from the range above: say what is on screen.
    if (!changed && (e.shown.x_min != v.x_min || e.shown.x_max != v.x_max))
        hint(("showing " + plot::format_significant(e.shown.x_min, 3) + " to " + plot::format_significant(e.shown.x_max, 3) +
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
        value_slider("##threshold", &v.saturation_threshold, kMinThreshold, kMaxThreshold, "%.3g",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
        item_tip("Where the slope is this small, a gradient passing through the unit nearly vanishes");
        ImGui::Checkbox("where f' = 0: a unit there can die", &v.shade_dead);
    }
    if (section("Probe")) {
        ImGui::Checkbox("show at x =", &v.show_probe);
        ImGui::SameLine();
        const float steps = 2 * (small_button_width("+") + ImGui::GetStyle().ItemSpacing.x);
        ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 9, ImGui::GetContentRegionAvail().x - steps));
        typed_double("##probe", &v.probe_x, "%.6g", &e.probe_error, [&](double x) {
            if (std::fabs(x) <= kMaxAbsX) return std::string();
            return "The probe can go from −1000000 to 1000000; it stays at " + plot::format_significant(v.probe_x) + ".";
        });
        // steps of 0.1 on the decimals the user sees (adding 0.1 three times gives 0.30000000000000004)
        for (const double step : {-0.1, 0.1}) {
            ImGui::SameLine();
            ImGui::PushID(step < 0 ? "down" : "up");
            if (ImGui::SmallButton(step < 0 ? "−" : "+"))
                v.probe_x = std::clamp(std::round((v.probe_x + step) * 1e9) / 1e9, -kMaxAbsX, kMaxAbsX);
            ImGui::PopID();
        }
        if (!e.probe_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
            text_wrapped(e.probe_error.c_str());
            ImGui::PopStyleColor();
        }
    }
    if (section("Export")) {
        draw_export_controls(state, "export", [&state] { return activations_figure(state); });
        if (!draw_recording_progress(state, "activations")) {
            const std::string sweep = activation_sweep(e.view);
            ImGui::BeginDisabled(recording_busy(state) || sweep.empty());
            if (ImGui::Button("Record GIF##activations")) record_activations(state);
            ImGui::EndDisabled();
            record_item("Record GIF (activations)");
            if (sweep.empty())
                item_tip("None of the functions shown has a parameter to sweep");
            else
                item_tip("Writes an animated GIF into the export folder: %s with its parameter swept (%s), 60 frames at\n"
                         "15 a second", sweep.substr(0, sweep.find('.')).c_str(), sweep.c_str());
        }
    }
}

// The width of a table whose columns are `widths` wide (their content), with the cells' padding.
float table_width(std::initializer_list<float> widths) {
    float sum = 0.0f;
    for (float w : widths) sum += w + 2.0f * ImGui::GetStyle().CellPadding.x + 1.0f;
    return sum;
}

void draw_probe_table(const ActivationView& v) {
    if (v.functions.empty()) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    // numbers get the width of the longest they can be, whatever the text size; names the longest
    // shown; the note what is left, but never less than 12 font heights (narrower, the table scrolls
    // sideways in its tab)
    const float fs = ImGui::GetFontSize();
    const float number_width = ImGui::CalcTextSize("−0.0000000000e−000").x;
    float name_width = ImGui::CalcTextSize("function").x;
    for (int index : v.functions)
        name_width = std::max(name_width, fs + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(core::activation(index).label).x);
    const float width = std::max(ImGui::GetContentRegionAvail().x, table_width({name_width, number_width, number_width, 12 * fs}));
    if (!ImGui::BeginTable("##probe", 4, flags, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn("function", ImGuiTableColumnFlags_WidthFixed, name_width);
    ImGui::TableSetupColumn("f(x)", ImGuiTableColumnFlags_WidthFixed, number_width);
    ImGui::TableSetupColumn("f'(x)", ImGuiTableColumnFlags_WidthFixed, number_width);
    ImGui::TableSetupColumn("note", ImGuiTableColumnFlags_WidthStretch, 1.0f);
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
        ImGui::TextUnformatted(plot::format_significant(act.f(x, p), kTableDigits).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(plot::format_significant(d, kTableDigits).c_str());
        ImGui::TableNextColumn();
        if (at_kink(act, p, x) && act.kink_note) text_wrapped(act.kink_note);
        else if (d == 0.0 && x <= 0.0 && can_die(act, p))
            text_wrapped("no gradient at all: a unit with this input learns nothing from it");
        else if (std::fabs(d) < v.saturation_threshold)
            text_wrapped(("saturated: a gradient passing through is multiplied by " + plot::format_significant(d, 2)).c_str());
    }
    ImGui::EndTable();
}

void yes_no(bool b) { ImGui::TextUnformatted(b ? "yes" : "no"); }

void draw_properties_table(const ActivationView& v) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    // Each column as wide as its widest text at least, the spare width shared in proportion (the tab
    // scrolls sideways when it is narrower than that).
    const char* const headers[7] = {"function", "output range", "largest |f'|", "zero-centred", "monotonic", "smooth", "can die"};
    float widths[7];
    for (int c = 0; c < 7; ++c) widths[c] = ImGui::CalcTextSize(headers[c]).x;
    for (int i = 0; i < core::activation_count(); ++i) {
        const core::Activation& act = core::activation(i);
        widths[0] = std::max(widths[0], ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(act.label).x);
        widths[1] = std::max(widths[1], ImGui::CalcTextSize(act.props.range).x);
        widths[2] = std::max(widths[2], ImGui::CalcTextSize(act.props.max_slope).x);
    }
    const float needed = table_width({widths[0], widths[1], widths[2], widths[3], widths[4], widths[5], widths[6]});
    if (!ImGui::BeginTable("##properties", 7, flags, ImVec2(std::max(ImGui::GetContentRegionAvail().x, needed), 0))) return;
    for (int c = 0; c < 7; ++c) ImGui::TableSetupColumn(headers[c], ImGuiTableColumnFlags_WidthStretch, widths[c]);
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
        ImGui::TextWrapped("%s    %s    %s", act.label, act.formula, act.derivative);
        ImGui::Indent();
        text_wrapped(act.about);
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

// The plot, and under it the values at the probe, the properties and the descriptions, laid out
// for `room`: the plot keeps a readable height, and the tabs under it at least a few rows.
void draw_explorer_main(AppState& state, ImVec2 room) {
    ExplorerState& e = state.explorer;
    e.view.looks = activation_slots(e.view);  // a function keeps its look while it stays shown
    const bool plot_only = state.ui.plot_only;
    update_caches(e);
    const float fs = ImGui::GetFontSize();
    const ColumnSplit column = split_column(room.y, fs, ImGui::GetStyle().ItemSpacing.y, 0.7f, 8.0f);
    const float plot_height = plot_only ? std::max(room.y, kPlotMinHeight * fs) - ImGui::GetStyle().ItemSpacing.y : column.top;
    FigureOptions options;
    options.home = e.home;
    options.cond = e.reset_view ? plot::Cond_Always : plot::Cond_Once;
    draw_activation_figure(e.view, e.curves, ImVec2(0, plot_height), options, &e.shown);
    e.reset_view = false;

    const float tabs_top = ImGui::GetCursorPosY();
    // each tab's page fills the rest of the column's share, whatever the tab bar took
    auto page_height = [&] { return std::max(std::floor(tabs_top + column.bottom - ImGui::GetCursorPosY()), 3.0f * fs); };
    if (!plot_only && begin_tab_bar("##explorer-tabs")) {
        char probe_tab[64];
        std::snprintf(probe_tab, sizeof probe_tab, "Values at x = %s###values", plot::format_significant(e.view.probe_x, 4).c_str());
        if (tab_item(probe_tab)) {
            ImGui::BeginChild("##values", ImVec2(0, page_height()), false, ImGuiWindowFlags_HorizontalScrollbar);
            draw_probe_table(e.view);
            hint("Drag the probe line in the plot, or type x on the left. Hover the plot for values anywhere; drag to "
                 "pan, scroll to zoom, double-click to reset.");
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (tab_item("Properties")) {
            ImGui::BeginChild("##props", ImVec2(0, page_height()), false, ImGuiWindowFlags_HorizontalScrollbar);
            draw_properties_table(e.view);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (tab_item("About these functions")) {
            ImGui::BeginChild("##about", ImVec2(0, page_height()));
            draw_about(e.view);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

}  // namespace

void draw_activations_panel(AppState& state) {
    lab_columns("explorer", state.ui.plot_only, kSidebarWidth, kSidebarMinWidth, [&state] { draw_controls(state); },
                [&state](ImVec2 room) { draw_explorer_main(state, room); });
}

Figure activations_figure(const AppState& state) {
    // What is on screen, panned and zoomed: the PNG draws it, the CSV samples it, the name says it.
    ActivationView shown = state.explorer.view;
    shown.x_min = state.explorer.shown.x_min;
    shown.x_max = state.explorer.shown.x_max;
    return activation_export_figure(shown, state.explorer.shown);
}

}  // namespace actlab::app
