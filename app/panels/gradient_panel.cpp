#include "app/panels/gradient_panel.h"

#include "app/figures/activation_figure.h"
#include "app/figures/figure.h"
#include "app/panels/export_controls.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/typed_field.h"
#include "app/ui_items.h"
#include "app/plot/plot.h"
#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

// Networks up to this many multiply-adds per pass follow a slider as it moves; larger ones are
// computed when it is let go (30 × 256 × 256 × 256: about half a second).
constexpr double kLiveWork = 30.0 * 256 * 256 * 256;



const char* init_formula(core::InitKind kind) {
    switch (kind) {
        case core::InitKind::Xavier: return "N(0, 2 / (fan-in + fan-out)): Glorot and Bengio 2010, for tanh";
        case core::InitKind::He: return "N(0, 2 / fan-in): He et al. 2015, for ReLU (makes up for the half it switches off)";
        case core::InitKind::Lecun: return "N(0, 1 / fan-in): LeCun 1998; with ReLU the gradient falls √2 a layer";
        case core::InitKind::Normal: return "N(0, σ²) whatever the layer's size";
        case core::InitKind::Uniform: return "U(−a, a) whatever the layer's size";
        case core::InitKind::Playground: break;
    }
    return "";
}

bool init_combo(const char* id, core::InitKind* kind, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, core::init_name(*kind))) {
        for (core::InitKind k : kGradientInits) {
            if (ImGui::Selectable(core::init_name(k), k == *kind)) *kind = k, changed = true;
            item_tip("%s", init_formula(k));
        }
        ImGui::EndCombo();
    }
    return changed;
}

void set_preset(GradientView& v, const char* act, core::InitKind init, double bias) {
    v.activation = core::activation_index(act);
    v.init.kind = init;
    v.init.bias = bias;
}

void draw_network_controls(GradientView& v, std::string* message) {
    // 11 font heights, or what the sidebar leaves beside the longest label
    const float w = width_beside("a (weights in ±a)", ImGui::GetFontSize() * 11);
    activation_combo("activation", &v.activation, w);
    const core::Activation& act = core::activation(v.activation);
    for (int k = 0; k < act.param_count; ++k) {
        const core::Param& p = act.params[k];
        ImGui::PushID(k);
        ImGui::SetNextItemWidth(w);
        value_slider(p.symbol, &v.params[static_cast<size_t>(v.activation)].v[k], p.min, p.max, "%.3f",
                     ImGuiSliderFlags_AlwaysClamp);
        ImGui::PopID();
    }
    init_combo("init", &v.init.kind, w);
    item_tip("%s", init_formula(v.init.kind));
    if (v.init.kind == core::InitKind::Normal || v.init.kind == core::InitKind::Uniform) {
        const bool normal = v.init.kind == core::InitKind::Normal;
        ImGui::SetNextItemWidth(w);
        value_slider(normal ? "σ of the weights" : "a (weights in ±a)", normal ? &v.init.sigma : &v.init.a, kMinSpread,
                     kMaxSpread, "%.3g", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    }
    static const double kBiasMin = -kMaxAbsBias, kBiasMax = kMaxAbsBias;
    ImGui::SetNextItemWidth(w);
    value_slider("bias", &v.init.bias, kBiasMin, kBiasMax, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    item_tip("Every unit's bias. Negative values push ReLU units below 0: try −1");
    ImGui::SetNextItemWidth(w);
    value_slider_int("depth (layers)", &v.depth, core::kMinFlowDepth, core::kMaxFlowDepth, "%d",
                     ImGuiSliderFlags_AlwaysClamp);
    ImGui::SetNextItemWidth(w);
    value_slider_int("width (units)", &v.width, core::kMinFlowWidth, core::kMaxFlowWidth, "%d",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    ImGui::SetNextItemWidth(w);
    value_slider_int("batch (inputs)", &v.batch, core::kMinFlowBatch, core::kMaxFlowBatch, "%d",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    ImGui::SetNextItemWidth(w);
    typed_u64("seed", &v.seed, message, kMaxSeed);
    ImGui::SameLine();
    if (ImGui::SmallButton("new") && v.seed < kMaxSeed) ++v.seed;
    if (!message->empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        ImGui::TextWrapped("%s", message->c_str());
        ImGui::PopStyleColor();
    }
}

void draw_presets(GradientView& v) {
    using core::InitKind;
    if (ImGui::SmallButton("ReLU + He")) set_preset(v, "relu", InitKind::He, 0.0);
    same_line_or_wrap(small_button_width("ReLU + LeCun"));
    if (ImGui::SmallButton("ReLU + LeCun")) set_preset(v, "relu", InitKind::Lecun, 0.0);
    same_line_or_wrap(small_button_width("Tanh + Xavier"));
    if (ImGui::SmallButton("Tanh + Xavier")) set_preset(v, "tanh", InitKind::Xavier, 0.0);
    same_line_or_wrap(small_button_width("Sigmoid + Xavier"));
    if (ImGui::SmallButton("Sigmoid + Xavier")) set_preset(v, "sigmoid", InitKind::Xavier, 0.0);
    same_line_or_wrap(small_button_width("Dying ReLU: bias −1"));
    if (ImGui::SmallButton("Dying ReLU: bias −1")) set_preset(v, "relu", InitKind::He, -1.0);
    record_item("Dying ReLU: bias −1");
    ImGui::TextUnformatted("Size:");
    same_line_or_wrap(small_button_width("30 × 256"));
    if (ImGui::SmallButton("30 × 256")) v.depth = 30, v.width = 256, v.batch = 256;
    same_line_or_wrap(small_button_width("100 × 256"));
    if (ImGui::SmallButton("100 × 256")) v.depth = 100, v.width = 256, v.batch = 256;
    same_line_or_wrap(small_button_width("100 × 1024"));
    if (ImGui::SmallButton("100 × 1024")) v.depth = 100, v.width = 1024, v.batch = 256;
    item_tip("100 layers of 1024 units, batch 256: several seconds, with a progress bar");
}

void draw_chain_controls(GradientState& g) {
    GradientView& v = g.view;
    static const double kZMin = -6.0, kZMax = 6.0;
    ImGui::SetNextItemWidth(width_beside("z", ImGui::GetFontSize() * 11));
    value_slider("z", &v.z, kZMin, kZMax, "%.2f");
    item_tip("Ctrl+click to type any z from −100 to 100");
    v.z = std::clamp(v.z, -kMaxChainZ, kMaxChainZ);
    const ChainData& chain = update_chain(&g.chain, v, v.depth);
    ImGui::Text("f'(z) = %s", plot::format_significant(chain.slope).c_str());
    ImGui::Text("after %d layers: %s", v.depth, plot::format_significant(chain.products.back(), 4).c_str());
    if (chain.underflow > 0)
        hint(("below the smallest double (4.9e−324) from layer " + std::to_string(chain.underflow) + ": shown as 0").c_str());
}

void draw_status(GradientState& g) {
    if (g.job.busy()) {
        const GradientView& r = g.requested;
        char text[96];
        std::snprintf(text, sizeof text, "computing %d × %d, batch %d: %.0f %%", r.depth, r.width, r.batch,
                      100.0 * g.job.progress());
        ImGui::ProgressBar(g.job.progress(), ImVec2(-FLT_MIN, 0), text);
    } else if (!g.layers.empty()) {
        char text[96];
        std::snprintf(text, sizeof text, "computed in %.2f s (%d × %d, batch %d)", g.seconds, g.shown.depth, g.shown.width,
                      g.shown.batch);
        hint(text);
    }
    if (g.compare_job.busy()) {
        char text[64];
        std::snprintf(text, sizeof text, "computing the comparison pairs: %.0f %%", 100.0 * g.compare_job.progress());
        ImGui::ProgressBar(g.compare_job.progress(), ImVec2(-FLT_MIN, 0), text);
    }
}

// Starts the jobs the settings call for and takes the results that have come in.
void update_jobs(GradientState& g) {
    const core::FlowConfig want = g.view.network();
    const double work = static_cast<double>(want.depth) * want.width * want.width * want.batch;
    const bool settled = work <= kLiveWork || !ImGui::IsAnyItemActive();  // big networks: on release
    if (settled && (g.job.requested().empty() || g.job.requested()[0] != want)) {
        g.job.start({want});
        g.requested = g.view;
    }
    std::vector<std::vector<core::LayerStats>> results;
    double seconds = 0.0;
    if (g.job.take(&results, &seconds) && !results.empty()) {
        g.shown = g.requested;
        g.layers = std::move(results[0]);
        g.seconds = seconds;
        g.refit = true;
    }
    if (g.compare_open) {
        std::vector<core::FlowConfig> pairs;
        for (size_t i = 0; i < g.view.compare.size(); ++i) pairs.push_back(g.view.pair_network(i));
        const double pair_work = work * static_cast<double>(pairs.size());
        if ((pair_work <= kLiveWork || !ImGui::IsAnyItemActive()) && g.compare_job.requested() != pairs) {
            g.compare_job.start(pairs);
            g.compare_requested = g.view;
        }
    }
    if (g.compare_job.take(&results, &seconds)) {
        g.compare_shown = g.compare_requested;
        g.compare = std::move(results);
        g.compare_refit = true;
    }
}

// What the plots show: the view the results were computed for, with the chain view at today's z.
GradientView displayed(const GradientState& g) {
    GradientView v = g.layers.empty() ? g.view : g.shown;
    v.z = g.view.z;
    return v;
}

void draw_pair_editor(GradientView& v) {
    const float w = ImGui::GetFontSize() * 8;
    const ImGuiStyle& style = ImGui::GetStyle();
    // a bullet, the two combos and "remove": two pairs a line where they fit, else one
    const float pair_width = ImGui::GetFontSize() + style.ItemSpacing.x + w + style.ItemSpacing.x + 0.8f * w +
                             style.ItemSpacing.x + small_button_width("remove");
    for (size_t i = 0; i < v.compare.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) same_line_or_wrap(pair_width, ImGui::GetFontSize() * 2);
        color_bullet(pair_style(v.compare, i).color);
        activation_combo("##act", &v.compare[i].activation, w);
        ImGui::SameLine();
        init_combo("##init", &v.compare[i].init, w * 0.8f);
        if (v.compare.size() > static_cast<size_t>(kMinPairs)) {
            ImGui::SameLine();
            if (ImGui::SmallButton("remove")) {
                v.compare.erase(v.compare.begin() + static_cast<std::ptrdiff_t>(i));
                ImGui::PopID();
                break;
            }
        }
        ImGui::PopID();
    }
    if (v.compare.size() < static_cast<size_t>(kMaxPairs) && ImGui::SmallButton("add a pair"))
        v.compare.push_back({v.activation, v.init.kind});
}

// A heading in the plots' bold title font.
void heading(const char* text) {
    ImFont* bold = plot::GetStyle().title_font;
    if (bold) ImGui::PushFont(bold);
    ImGui::TextWrapped("%s", text);
    if (bold) ImGui::PopFont();
}

void draw_explanation() {
    heading("Vanishing and exploding gradients");
    text_wrapped(
        "On its way back from the loss, the gradient is multiplied at every "
        "layer by that layer's weights and by the slope f'(z) of its activation. Thirty factors a little below 1 "
        "leave almost nothing; thirty a little above 1 blow up. Sigmoid's slope is at most 1/4, at z = 0, so even "
        "at its best point ten layers keep 0.25^10 ≈ 1e−6 of the gradient. The dashed chain line is f'(z)^k at the "
        "z of the Chain view, 1 at first: there sigmoid's slope is 0.197 and ten layers keep 9e−8; set z to 0 to "
        "see 0.25^k. The first layers of a deep sigmoid network barely learn. Exploding is the mirror image: make "
        "the weights too large (normal, σ = 1, width 256) and every step back multiplies by more than 1.");
    ImGui::Spacing();
    heading("Why ReLU and He initialisation made deep networks trainable");
    text_wrapped(
        "ReLU's slope is exactly 1 wherever a unit is "
        "on, so it does not shrink the gradient by itself; it switches off about half of the units. He et al. "
        "(2015) drew the weights with variance 2/fan-in to make up for exactly that half, so each layer passes "
        "the gradient on at the same scale: ReLU + He stays flat over 30, 50 or 100 layers. With variance "
        "1/fan-in (lecun) the same network loses a factor √2 per layer: from the last layer to the first are 29 "
        "steps, 2^−14.5 ≈ 4e−5 over 30 layers. Tanh with Xavier decays slowly rather than holding level (about "
        "6× over 30 layers of 256): tanh' is close to 1 near 0, but not quite 1.");
    text_wrapped(
        "The dead-units plot is not 0 for ReLU + He, even with bias 0: about a third of the units of layer 30 "
        "are off for the whole batch. Layer after layer, a random ReLU network makes its inputs more alike (their "
        "activations become correlated), so a unit that is off for one input tends to be off for all of them. "
        "That is depth at work, not the initialisation killing units: He keeps the scale right, not the inputs apart.");
    ImGui::Spacing();
    heading("Dying ReLU");
    text_wrapped(
        "A ReLU unit whose input is negative for every example has f'(z) = 0 for all of them: no "
        "gradient reaches its weights, so nothing will ever switch it back on. The dead-units plot counts the "
        "units that are off for the whole batch. Try the bias slider at −1 with ReLU and He: within a few layers "
        "every unit is dead, and the gradient is exactly 0 in every layer, even in layers 1–3 where some units "
        "are still alive: nothing comes back through the dead layers above them. Leaky ReLU (α > 0) and ELU never "
        "have a slope of exactly 0, so their units cannot die this way. But leaky ReLU does not save the gradient "
        "here: with bias −1 nearly every unit sits on its slope-α side, so each layer multiplies the gradient by "
        "about α, and at α = 0.01 about 1e−52 of it reaches layer 1.");
    ImGui::Spacing();
    hint("The network: depth hidden layers of width units, z = W a + b, a = f(z); a batch of N(0, 1) inputs goes "
         "forward, a random N(0, 1) gradient comes back from the top. Each point is over the whole batch. Same seed, "
         "same numbers.");
}

// The tabs under the main plot, in `height` (their bar included): each plot at least readable, so a
// tab may take more and the column scrolls.
void draw_lower_tabs(AppState& state, const GradientView& shown, float height) {
    GradientState& g = state.gradients;
    g.compare_open = false;
    const float top = ImGui::GetCursorPosY();
    if (!begin_tab_bar("##gradient-tabs")) return;
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    // what is left of the tabs' share under the bar and the controls drawn so far
    auto rest = [&] { return std::max(std::floor(top + height - ImGui::GetCursorPosY()), std::ceil(kPlotMinHeight * fs)); };
    const GradientDrawOptions options{0, plot::Cond_Always, {}};  // small plots: always the whole network
    if (tab_item("Activations and dead units")) {
        const PlotGrid grid = plot_grid(ImGui::GetContentRegionAvail().x, rest(), fs, style.ItemSpacing.x,
                                        style.ItemSpacing.y, 2, 2);
        draw_activity_plot(shown, g.layers, ImVec2(grid.cell_width, grid.cell_height), options);
        if (grid.columns > 1) ImGui::SameLine();
        draw_dead_plot(shown, g.layers, ImVec2(grid.cell_width, grid.cell_height), options);
        ImGui::EndTabItem();
    }
    if (tab_item("Compare pairs")) {
        g.compare_open = true;
        draw_pair_editor(g.view);
        same_line_or_wrap(export_controls_width(), 2 * fs);
        draw_export_controls(state, "compare", [&g] { return gradient_compare_figure(g.compare_shown, g.compare); });
        const GradientView& cv = g.compare.empty() ? g.view : g.compare_shown;
        draw_compare_plot(cv, g.compare, ImVec2(0, rest()), {0, g.compare_refit ? plot::Cond_Always : plot::Cond_Once, {}});
        g.compare_refit = false;
        ImGui::EndTabItem();
    }
    if (tab_item("Chain view")) {
        draw_export_controls(state, "chain", [&g] { return gradient_chain_figure(g.view); });
        draw_chain_plot(g.view, update_chain(&g.chain, g.view, g.view.depth), ImVec2(0, rest()), {0, plot::Cond_Always, {}});
        ImGui::EndTabItem();
    }
    if (tab_item("What this shows")) {
        ImGui::BeginChild("##explanation", ImVec2(0, rest()));
        draw_explanation();
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void draw_controls(AppState& state) {
    GradientState& g = state.gradients;
    if (section("Network")) {
        draw_network_controls(g.view, &g.message);
        if (ImGui::Button("Train it in the playground"))
            state.links.push_back({LabLink::Kind::PlaygroundFromGradients});
        item_tip("The playground trains this activation and initialisation on its data, at this depth and\n"
                 "width as far as it goes (%d layers of %d units)",
                 core::kMaxHiddenLayers, core::kMaxUnits);
    }
    if (section("Try these")) draw_presets(g.view);
    if (section("Chain view: f'(z)^k")) draw_chain_controls(g);
    ImGui::Spacing();
    draw_status(g);
    if (section("Export")) draw_export_controls(state, "flow", [&state] { return gradients_figure(state); });
}

// The gradient per layer on top, the tabs of smaller plots under it, laid out for `room`.
void draw_main(AppState& state, ImVec2 room) {
    GradientState& g = state.gradients;
    const bool plot_only = state.ui.plot_only;
    const GradientView shown = displayed(g);
    const float fs = ImGui::GetFontSize();
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    // the tabs: their bar and a readable plot
    const ColumnSplit column = split_column(room.y, fs, gap, 0.56f, kPlotMinHeight + 2.0f);
    const float height = plot_only ? std::max(room.y, kPlotMinHeight * fs) - gap : column.top;
    // While a newer network computes, the plots keep the last result, and say so.
    std::string stale;
    if (!g.layers.empty() && !(g.requested == g.shown)) {
        const GradientView& r = g.requested;
        stale = "shows the last result; computing " + std::string(core::activation(r.activation).label) + ", " +
                init_label(r.init) + ", " + std::to_string(r.depth) + " × " + std::to_string(r.width) + "…";
    }
    const int depth = g.layers.empty() ? shown.depth : static_cast<int>(g.layers.size());
    draw_gradient_plot(shown, g.layers, update_chain(&g.shown_chain, shown, depth), ImVec2(0, height),
                       {0, g.refit ? plot::Cond_Always : plot::Cond_Once, stale});
    if (!plot_only) draw_lower_tabs(state, shown, column.bottom);
    g.refit = false;
}

}  // namespace

void draw_gradient_panel(AppState& state) {
    update_jobs(state.gradients);  // first, so a result that came in shows everywhere this frame
    lab_columns("gradient", state.ui.plot_only, kSidebarWidth, kSidebarMinWidth, [&state] { draw_controls(state); },
                [&state](ImVec2 room) { draw_main(state, room); });
}

Figure gradients_figure(const AppState& state) {
    return gradient_flow_figure(displayed(state.gradients), state.gradients.layers);
}

bool gradient_panel_busy(const AppState& state) {
    return state.gradients.job.pending() || state.gradients.compare_job.pending();
}

}  // namespace actlab::app
