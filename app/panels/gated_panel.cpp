#include "app/panels/gated_panel.h"

#include "app/figures/figure.h"
#include "app/figures/gated_keys.h"
#include "app/panels/export_controls.h"
#include "app/panels/lab_layout.h"
#include "app/panels/layout.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/typed_field.h"
#include "app/plot/text_format.h"
#include "app/ui_items.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

constexpr int kPanelMaxSamples = 401;  // the window's grid: finer ones are for export

// A refused typed value is said in the panel (red) and in the status line, with where it was typed.
void report(AppState& state, const std::string& before, const char* where) {
    const std::string& now = state.gated.message;
    if (!now.empty() && now != before) state.status = {std::string("Gated units, ") + where + ": " + now, true};
}

void draw_gate(AppState& state) {
    GatedView& v = state.gated.view;
    const core::GatedVariant* current = gated_variant_of(v);
    for (int i = 0; i < core::gated_variant_count(); ++i) {
        const core::GatedVariant& var = core::gated_variant(i);
        const std::string label = std::string(var.label) + "##variant";
        if (i) same_line_or_wrap(small_button_width(var.label));
        const bool on = current == &var;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::SmallButton(label.c_str())) {
            const core::Gate gate = core::variant_gate(var);
            v.gate = gate.activation;
            v.params[static_cast<size_t>(gate.activation)] = gate.params;
        }
        record_item(var.label);
        if (on) ImGui::PopStyleColor();
        item_tip("%s: act = %s\n%s", var.label, var.gate, var.used_in);
    }
    ImGui::TextUnformatted("gate act:");
    ImGui::SameLine();
    activation_combo("##gate", &v.gate, -FLT_MIN);
    const core::Activation& act = core::activation(v.gate);
    for (int k = 0; k < act.param_count; ++k) {
        const core::Param& p = act.params[k];
        ImGui::PushID(k);
        char label[96];
        std::snprintf(label, sizeof label, "%s  %s", p.symbol, act.label);
        ImGui::SetNextItemWidth(width_beside(label, ImGui::GetFontSize() * 10) - small_button_width("reset") -
                                ImGui::GetStyle().ItemSpacing.x);
        value_slider(label, &v.params[static_cast<size_t>(v.gate)].v[k], p.min, p.max, "%.3f", ImGuiSliderFlags_AlwaysClamp);
        item_tip("Drag, or Ctrl+click to type a value from %g to %g (default %g)", p.min, p.max, p.def);
        same_line_or_wrap(small_button_width("reset"));
        if (ImGui::SmallButton("reset")) v.params[static_cast<size_t>(v.gate)].v[k] = p.def;
        ImGui::PopID();
    }
    if (const core::GatedVariant* var = gated_variant_of(v)) {
        const std::string used = std::string(var->label) + ": " + var->used_in + ".";
        hint(used.c_str());
    } else {
        hint("Any activation of the catalogue can gate; the named variants are the ones models use.");
    }
}

// One end of a range, typed; an end typed past the other is refused (the range keeps its order).
void range_field(AppState& state, const char* label, double* value, const double* other, bool is_min, const char* name) {
    const std::string before = state.gated.message;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
    typed_double(label, value, "%g", &state.gated.message, [&](double x) {
        const std::string keeps = "; " + std::string(name) + " stays " + plot::format_significant(*value) + ".";
        if (std::fabs(x) > kMaxGatedInput) return std::string("The square goes from −1000 to 1000") + keeps;
        if (is_min ? !(x < *other) : !(x > *other))
            return std::string(name) + (is_min ? " must be below " : " must be above ") + plot::format_significant(*other) + keeps;
        return std::string();
    });
    report(state, before, name);
}

void draw_square(AppState& state) {
    GatedView& v = state.gated.view;
    ImGui::TextUnformatted("a from");
    ImGui::SameLine();
    range_field(state, "##amin", &v.a_min, &v.a_max, true, "amin");
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    range_field(state, "##amax", &v.a_max, &v.a_min, false, "amax");
    ImGui::TextUnformatted("b from");
    ImGui::SameLine();
    range_field(state, "##bmin", &v.b_min, &v.b_max, true, "bmin");
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    range_field(state, "##bmax", &v.b_max, &v.b_min, false, "bmax");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    v.samples = std::min(v.samples, kPanelMaxSamples);
    value_slider_int("points a side", &v.samples, 21, kPanelMaxSamples, "%d", ImGuiSliderFlags_AlwaysClamp);
    ImGui::Checkbox("show the plain act(a) too", &v.show_ungated);
    item_tip("The ungated unit act(a) and its slope, beside the surface");
    if (ImGui::SmallButton("square ±4")) v.a_min = v.b_min = -4, v.a_max = v.b_max = 4;
}

// A width of the block, typed: 1 to 2^24.
void width_field(AppState& state, const char* label, std::int64_t* value, const char* where) {
    const std::string before = state.gated.message;
    int typed = static_cast<int>(*value);
    ImGui::SetNextItemWidth(width_beside(label, ImGui::GetFontSize() * 6.5f));
    if (typed_int(label, &typed, static_cast<int>(kMinFeedForwardWidth), static_cast<int>(kMaxFeedForwardWidth),
                  &state.gated.message))
        *value = typed;
    report(state, before, where);
}

void draw_block_inputs(AppState& state) {
    GatedView& v = state.gated.view;
    width_field(state, "d_model", &v.d_model, "d_model");
    width_field(state, "d_ff", &v.d_ff, "d_ff");
    item_tip("The standard block's hidden width (usually 4 · d_model); the gated block is shown at it too");
    width_field(state, "round up to a multiple of", &v.multiple, "multiple");
    item_tip("The 2/3 rule's width 8·d/3 is rounded up to a multiple of this (LLaMA: 256)");
    struct Preset {
        const char* name;
        const char* tip;
        std::int64_t d, d_ff, multiple;
    };
    static const Preset presets[] = {
        {"T5-base", "d = 768, d_ff = 3072: the 2/3 rule gives 2048, as in Shazeer 2020", 768, 3072, 256},
        {"LLaMA-7B", "d = 4096 and the standard 4d = 16384 it replaces: the 2/3 rule, rounded up to 256, gives 11008", 4096,
         16384, 256},
        {"Mistral-7B", "d = 4096, gated d_ff = 14336 = 3.5 · d (not the 2/3 rule): the gated row", 4096, 14336, 256},
    };
    for (size_t i = 0; i < 3; ++i) {
        if (i) same_line_or_wrap(small_button_width(presets[i].name));
        const bool chosen = ImGui::SmallButton(presets[i].name);
        record_item(presets[i].name);
        if (chosen) {
            v.d_model = presets[i].d, v.d_ff = presets[i].d_ff, v.multiple = presets[i].multiple;
            state.gated.message.clear();
        }
        item_tip("%s", presets[i].tip);
    }
}

void draw_controls(AppState& state) {
    GatedState& s = state.gated;
    if (section("Gate")) draw_gate(state);
    if (section("Square of (a, b)")) draw_square(state);
    if (section("Feed-forward block")) draw_block_inputs(state);
    if (!s.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        text_wrapped(s.message.c_str());
        ImGui::PopStyleColor();
    }
    if (section("Export")) {
        const char* names[kGatedPlots];
        for (int i = 0; i < kGatedPlots; ++i) names[i] = gated_plot_name(static_cast<GatedPlot>(i));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        ImGui::Combo("plot##gated-export", &s.export_plot, names, kGatedPlots);
        draw_export_controls(state, "gated-export",
                             [&s] { return gated_export_figure(s.view, static_cast<GatedPlot>(s.export_plot)); });
    }
}

void draw_slice_tab(AppState& state, ImVec2 room) {
    GatedState& s = state.gated;
    GatedView& v = s.view;
    const float start = ImGui::GetCursorPosY();
    int kind = static_cast<int>(v.slice);
    ImGui::RadioButton("along b = a", &kind, 0);
    same_line_or_wrap(checkbox_width("b held"));
    ImGui::RadioButton("b held", &kind, 1);
    same_line_or_wrap(checkbox_width("a held"));
    ImGui::RadioButton("a held", &kind, 2);
    v.slice = static_cast<GatedSlice>(kind);
    if (v.slice != GatedSlice::Diagonal) {
        double* c = v.slice == GatedSlice::FixedB ? &v.slice_b : &v.slice_a;
        const bool b = v.slice == GatedSlice::FixedB;
        const double lo = b ? v.b_min : v.a_min, hi = b ? v.b_max : v.a_max;
        same_line_or_wrap(ImGui::GetFontSize() * 11);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
        value_slider(b ? "##slice_b" : "##slice_a", c, lo, hi, b ? "b = %.3g" : "a = %.3g", ImGuiSliderFlags_AlwaysClamp);
    }
    const float field_w = ImGui::GetFontSize() * 5;
    same_line_or_wrap(checkbox_width("probe") + ImGui::GetStyle().ItemSpacing.x + field_w);
    ImGui::Checkbox("probe", &v.show_probe);
    if (v.show_probe) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(field_w);
        const std::string before = s.message;
        typed_double("##probe", &v.probe, "%.4g", &s.message, [&](double x) {
            if (std::fabs(x) <= kMaxGatedInput) return std::string();
            return "The probe goes from −1000 to 1000; it stays at " + plot::format_significant(v.probe) + ".";
        });
        report(state, before, "probe");
    }
    const char* note = v.slice == GatedSlice::Diagonal
                           ? "Along b = a the unit is act(x)·x: for Swish-like gates near x² for x > 0 and near 0 for x < 0, a "
                             "smooth square where a plain unit would be a line."
                       : v.slice == GatedSlice::FixedB
                           ? "With b held, g is the plain act(a) scaled by b: its slope act'(a)·b vanishes where act' does."
                           : "With a held, g is linear in b: its slope act(a) is the same all along, the value path.";
    // the plot takes what the controls above and the note under it leave
    const ImGuiStyle& style = ImGui::GetStyle();
    const float note_h = ImGui::CalcTextSize(note, nullptr, false, room.x).y + style.ItemSpacing.y;
    const float controls_h = ImGui::GetCursorPosY() - start;
    const float h = std::max(room.y - controls_h - note_h - style.ItemSpacing.y, plot::kReadableHeight * ImGui::GetFontSize());
    draw_gated_slice(v, ImVec2(room.x, h), 0);
    hint(note);
}

void draw_ffn_tab(GatedState& s, ImVec2 room) {
    const GatedView& v = s.view;
    const float start = ImGui::GetCursorPosY();
    const std::vector<FfnRow> rows = ffn_rows(v);
    // the table's width with every cell on one line: it scrolls sideways only when the panel is narrower
    const ImGuiStyle& style = ImGui::GetStyle();
    static const char* const kHeaders[] = {"block", "matrices", "d_ff", "parameters", "with biases", "FLOPs per token"};
    float needed = 0.0f;
    for (int c = 0; c < 6; ++c) {
        float w = ImGui::CalcTextSize(kHeaders[c]).x;
        for (const FfnRow& r : rows) {
            const std::string cells[6] = {r.block, std::to_string(r.matrices), plot::format_thousands(r.d_ff),
                                          plot::format_thousands(r.count.params),
                                          plot::format_thousands(r.count.params_with_biases),
                                          plot::format_thousands(r.count.flops)};
            w = std::max(w, ImGui::CalcTextSize(cells[c].c_str()).x);
        }
        needed += w + 2 * style.CellPadding.x + 1;
    }
    const bool scrolls = needed > room.x;
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  (scrolls ? ImGuiTableFlags_ScrollX : 0);
    // one line a row and the header, and room for the scrollbar when the table is wider than the panel
    const float table_h = (ImGui::GetTextLineHeight() + 2 * style.CellPadding.y) * (rows.size() + 1) +
                          (scrolls ? style.ScrollbarSize : 0.0f) + 2;
    if (ImGui::BeginTable("##ffn", 6, flags, ImVec2(room.x, table_h))) {
        for (const char* h : kHeaders) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const FfnRow& r : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.block);
            ImGui::TableNextColumn();
            ImGui::Text("%d", r.matrices);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(plot::format_thousands(r.d_ff).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(plot::format_thousands(r.count.params).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(plot::format_thousands(r.count.params_with_biases).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(plot::format_thousands(r.count.flops).c_str());
        }
        ImGui::EndTable();
    }
    const std::string line = ffn_rule_line(v);
    text_wrapped(line.c_str());
    hint("Weights only (LLaMA, PaLM, Mistral and T5 v1.1 have no biases there). FLOPs: 2 per weight (a multiply and an "
         "add), plus d_ff for the gate's product; the activation itself is not counted.");
    const float h = std::max(room.y - (ImGui::GetCursorPosY() - start), plot::kReadableHeight * ImGui::GetFontSize());
    draw_gated_ffn(v, ImVec2(room.x, h), 0);
}

void draw_about(AppState& state) {
    ImGui::PushTextWrapPos(0.0f);
    // headings in the plots' bold face, the text in the window's: read from the back of a room
    const auto heading = [](const char* text) {
        ImFont* bold = plot::GetStyle().title_font;
        ImGui::Spacing();
        if (bold) ImGui::PushFont(bold);
        ImGui::TextUnformatted(text);
        if (bold) ImGui::PopFont();
    };
    heading("Two paths through one unit");
    text_wrapped("A gated unit reads its input twice, as a = w_a·x and b = w_b·x, and gives g = act(a)·b. The value b goes "
         "straight through, multiplied: g is a straight line in b, so ∂g/∂b = act(a) whatever b is. The gate act(a) "
         "decides how much of b passes: near 0 it shuts, where act is large it opens.");
    heading("Why gradients survive");
    text_wrapped("In a plain unit the only way back is act'(a): where it is near 0 (a saturated sigmoid, a ReLU below 0) "
         "nothing reaches the weights. In a gated unit b's weights still learn wherever the gate is open, through "
         "∂g/∂b = act(a), even where act' is flat; only where act(a) and act'(a)·b are both near 0 is the unit stuck. "
         "The Gradient maps tab hatches those zones and measures them against the plain unit.");
    heading("Does it pay?");
    text_wrapped("Shazeer (2020), \"GLU Variants Improve Transformer\", swapped the feed-forward block of T5-base for gated "
         "versions, with d_ff cut to two thirds (3072 → 2048) so the parameter count stayed the same. GEGLU and "
         "SwiGLU reached a lower held-out log-perplexity than the ReLU and GELU blocks. The paper offers no deeper "
         "reason; the result has held up, and most large language models now use a gated block.");
    heading("Where each is used");
    for (int i = 0; i < core::gated_variant_count(); ++i) {
        const core::GatedVariant& v = core::gated_variant(i);
        const std::string line = std::string(v.label) + " (act = " + v.gate + "): " + v.used_in + ".";
        ImGui::Bullet();
        ImGui::SameLine();
        text_wrapped(line.c_str());
    }
    heading("In the playground");
    text_wrapped("A hidden layer of the playground can be gated (its layer menu lists GLU, SwiGLU, GeGLU, ReGLU and "
                 "Bilinear after the plain activations), and the activation race can race gated runners against plain "
                 "ones at about equal parameters.");
    if (ImGui::Button("Race ReLU (8 units) against SwiGLU (6 gated units)")) state.links.push_back({LabLink::Kind::RaceGatedInPlayground});
    record_item("Race ReLU against SwiGLU");
    ImGui::PopTextWrapPos();
}

void draw_main(AppState& state, ImVec2 room) {
    GatedState& s = state.gated;
    if (!s.pictures || !s.texture) return;  // made by gated_step
    s.painter.begin();
    if (!begin_tab_bar("##gated-tabs")) return;
    struct Tab {
        GatedTab tab;
        const char* name;
    };
    static const Tab tabs[] = {{GatedTab::Surface, "Surface"},
                               {GatedTab::Gradient, "Gradient maps"},
                               {GatedTab::Slice, "Slices"},
                               {GatedTab::Ffn, "Feed-forward block"},
                               {GatedTab::About, "What this shows"}};
    for (const Tab& t : tabs) {
        if (!tab_item(t.name)) continue;
        if (s.tab != t.tab) {
            s.tab = t.tab;
            if (t.tab != GatedTab::About) s.export_plot = static_cast<int>(t.tab);  // the buttons follow the tab
        }
        const float top = ImGui::GetCursorPosY();
        const ImVec2 area(room.x, std::max(room.y - top - ImGui::GetStyle().ItemSpacing.y, plot::kReadableHeight * ImGui::GetFontSize()));
        switch (t.tab) {
            case GatedTab::Surface:
                draw_gated_surface(s.view, *s.pictures, *s.texture, &s.painter, area, 0);
                break;
            case GatedTab::Gradient:
                draw_gated_gradient(s.view, *s.pictures, *s.texture, &s.painter, area, 0);
                break;
            case GatedTab::Slice: draw_slice_tab(state, area); break;
            case GatedTab::Ffn: draw_ffn_tab(s, area); break;
            case GatedTab::About: draw_about(state); break;
        }
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace

void draw_gated_panel(AppState& state) {
    lab_columns("gated", state.ui.plot_only, kSidebarWidth, kSidebarMinWidth, [&] { draw_controls(state); },
                [&state](ImVec2 room) { draw_main(state, room); }, gated_map_min_width());
}

Figure gated_figure(const AppState& state) {
    const GatedTab tab = state.gated.tab;
    const GatedPlot plot = tab == GatedTab::Gradient ? GatedPlot::Gradient
                         : tab == GatedTab::Slice    ? GatedPlot::Slice
                         : tab == GatedTab::Ffn      ? GatedPlot::Ffn
                                                     : GatedPlot::Surface;
    return gated_export_figure(state.gated.view, plot);
}

void release_gated_gl(AppState& state) {
    state.gated.texture.reset();
    state.gated.uploaded = false;
}

}  // namespace actlab::app
