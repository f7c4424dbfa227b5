#include "app/figures/units_figure.h"

#include "app/figures/activation_figure.h"
#include "app/figures/gradient_figure.h"
#include "app/figures/keys.h"
#include "app/figures/series_looks.h"
#include "app/figures/training_keys.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace actlab::app {

namespace {

// The bars' colours: the zones' shades at full strength, and the curve's own blue where units learn.
constexpr ImU32 kDeadBar = IM_COL32(110, 110, 130, 255);
constexpr ImU32 kSaturatedBar = IM_COL32(230, 159, 0, 255);
ImU32 active_bar() { return series_look(0).color; }
constexpr ImU32 kNoteColor = IM_COL32(90, 90, 90, 255);
// Plots lower than this many font heights leave out their y label: along so short an axis it would
// wrap into fragments and squeeze the data (the key above says what the axes show).
constexpr float kLabelledHeight = 7.0f;

ImFont* title_font() {
    ImFont* font = plot::GetStyle().title_font;
    return font ? font : ImGui::GetFont();
}

// "71 %": a whole percentage, and never 0 or 100 for a share that is not (a single dead point shows).
std::string percent(int count, int total) {
    if (total <= 0) return "0\u00a0%";
    const double share = 100.0 * count / total;
    if (count > 0 && share < 0.5) return "<\u00a01\u00a0%";
    if (count < total && share > 99.5) return ">\u00a099\u00a0%";
    return plot::format_decimals(share, 0) + "\u00a0%";
}

// How many layers go side by side in a `width` × `height` area: the columns that give the plots the
// most room for data, measured against a readable plot's (10 × 5 font heights of data). Each cell
// holds its caption, wrapped to the cell, and two plots, each of which spends about 2.6 font heights
// of its height and 4 of its width on its frame and labels.
int unit_columns(const std::vector<std::string>& captions, float width, float height, float fs) {
    const int n = static_cast<int>(captions.size());
    const float gap = 1.2f * fs;
    int best = 1;
    float best_fit = -1.0f;
    for (int columns = 1; columns <= n; ++columns) {
        const int rows = (n + columns - 1) / columns;
        if (columns > 1 && (n + columns - 2) / (columns - 1) == rows) continue;  // as many rows with fewer columns
        const float cell_w = (width - gap * (columns - 1)) / columns, cell_h = (height - gap * (rows - 1)) / rows;
        float caption_h = 0.0f;
        for (const std::string& c : captions) caption_h = std::max(caption_h, ImGui::CalcTextSize(c.c_str(), nullptr, false, cell_w).y);
        const float data_w = cell_w - 4.0f * fs, data_h = 0.5f * (cell_h - caption_h - 0.2f * fs) - 2.6f * fs;
        const float fit = std::min(data_w / (10.0f * fs), data_h / (5.0f * fs));
        if (fit > best_fit) best = columns, best_fit = fit;
    }
    return best;
}

// "Layer 1 · PReLU (α = −0.576)": the layer and its activation, parameters to 3 digits; a gated layer's
// shows its gate ("Layer 1 · gates of SiLU"), whose z the histogram counts.
std::string layer_name(const core::LayerHistogram& h, int layer) {
    return "Layer " + std::to_string(layer + 1) + " · " + (h.gated ? "gates of " : "") +
           activation_label(core::activation(h.activation), h.params, 3);
}

// The key above the layers: the bars' three colours and the lines, on one line, and what the bars
// count where there is room for it too.
void draw_key(const UnitsPicture& picture, float x0, float width) {
    const float fs = ImGui::GetFontSize(), line = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    struct Item {
        ImU32 color;  // 0: text alone
        std::string text;
    };
    const std::vector<Item> items = {{kDeadBar, "dead (f'\u00a0=\u00a00)"},
                                     {kSaturatedBar, "saturated (|f'|\u00a0<\u00a0" + plot::format_significant(picture.threshold) + ")"},
                                     {active_bar(), "active"},
                                     {0, "curves: f solid, f' dashed"},
                                     {0, "bars: every unit at every training point"}};
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float x = x0, y = start.y;
    for (size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        const float swatch = item.color ? 1.3f * fs : 0.0f;
        const float w = swatch + ImGui::CalcTextSize(item.text.c_str()).x;
        if (x > x0 && x + w > x0 + width) {
            if (i + 1 == items.size()) break;  // the last is a gloss: only where it fits
            x = x0;
            y += line + 0.2f * fs;
        }
        if (item.color) dl->AddRectFilled(ImVec2(x, y + 0.15f * line), ImVec2(x + 0.9f * fs, y + 0.85f * line), item.color);
        dl->AddText(ImVec2(x + swatch, y), kNoteColor, item.text.c_str());
        x += w + fs;
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, y + line - start.y));
}

// The layer's curve as the explorer draws it, over the histogram's range: f and f' dashed, the zones
// shaded. Returns the zones, for the histogram below to shade the same.
// Points per layer curve across its range: a cell is a few hundred pixels wide, and every point is drawn
// each frame (the explorer's 801 are for a plot the whole window wide).
constexpr int kLayerCurveSamples = 241;

// The explorer's view of one layer's curve: its function at its parameters over [low, high].
ActivationView layer_view(const core::LayerHistogram& h, double threshold) {
    ActivationView view;
    view.functions = {h.activation};
    view.params[static_cast<size_t>(h.activation)] = h.params;
    view.x_min = h.low;
    view.x_max = h.high;
    view.saturation_threshold = threshold;
    view.show_probe = false;
    view.samples = kLayerCurveSamples;
    return view;
}

Zones draw_curve(const ActivationView& view, const ActivationCurves& curves, ImVec2 size, plot::PlotFlags flags) {
    FigureOptions options;
    options.flags = flags | plot::PlotFlags_NoTitle | plot::PlotFlags_NoLegend;
    options.home = fit_limits(view);
    options.cond = plot::Cond_Always;  // the range follows the run
    options.variable = "z";
    options.id = "##units-curve";  // a small multiple, one per layer (inside the layer's PushID)
    options.x_label = false;  // the histogram under it names z
    options.y_label = size.y >= kLabelledHeight * ImGui::GetFontSize();
    ActivationView shown = view;  // the figure keeps the series' looks in the view it is given
    draw_activation_figure(shown, curves, size, options, nullptr);
    return curves.zones.empty() ? Zones{} : curves.zones.front();
}

// The histogram under the curve: pooled over the units and stacked by zone, or one unit's own bars,
// each in the zone of f' at its middle.
void draw_histogram(const UnitsPicture& picture, int layer, int unit, const Zones& zones, ImVec2 size,
                    plot::PlotFlags flags) {
    const core::LayerHistogram& h = picture.layers[static_cast<size_t>(layer)];
    const int bins = h.bins;
    const bool one = unit >= 0 && unit < h.units;
    std::vector<double> mid(static_cast<size_t>(bins)), dead(mid.size()), low(mid.size()), all(mid.size());
    std::vector<double> own[core::kZones];
    for (auto& v : own) v.assign(mid.size(), 0.0);
    double highest = 1.0;
    for (int b = 0; b < bins; ++b) {
        mid[b] = 0.5 * (h.bin_low(b) + h.bin_high(b));
        const int d = h.counts[static_cast<size_t>(b)], s = h.counts[static_cast<size_t>(bins + b)],
                  a = h.counts[static_cast<size_t>(2 * bins + b)];
        dead[b] = d;
        low[b] = d + s;
        all[b] = d + s + a;
        if (one) {
            const int c = h.unit_counts[static_cast<size_t>(unit * bins + b)];
            own[static_cast<int>(zone_at(h, mid[b], picture.threshold))][b] = c;
            highest = std::max(highest, static_cast<double>(c));
        } else {
            highest = std::max(highest, all[b]);
        }
    }
    if (!plot::BeginPlot("##units-histogram", size, flags | plot::PlotFlags_NoTitle | plot::PlotFlags_NoLegend)) return;
    const bool labelled = size.y >= kLabelledHeight * ImGui::GetFontSize();
    plot::SetupAxes("z", !labelled ? "" : one ? "points" : "units × points");
    plot::SetupAxesLimits({h.low, h.high, 0.0, highest * 1.08}, plot::Cond_Always);
    for (const auto& r : zones.saturated) plot::PlotVBand("##saturated", r.first, r.second, kSaturatedShade);
    for (const auto& r : zones.dead) plot::PlotVBand("##dead", r.first, r.second, kDeadShade);
    const double width = 0.9 * (h.high - h.low) / bins;
    if (one) {
        const ImU32 colors[core::kZones] = {kDeadBar, kSaturatedBar, active_bar()};
        for (int k = 0; k < core::kZones; ++k)
            plot::PlotBars(core::zone_name(static_cast<core::Zone>(k)), mid.data(), own[k].data(), bins,
                           {colors[k], width});
    } else {
        // stacked: dead at the bottom, saturated on it, active on top
        plot::PlotBars("active", mid.data(), all.data(), bins, {active_bar(), width});
        plot::PlotBars("saturated", mid.data(), low.data(), bins, {kSaturatedBar, width});
        plot::PlotBars("dead", mid.data(), dead.data(), bins, {kDeadBar, width});
    }
    if (plot::IsPlotHovered()) {
        const double z = plot::GetPlotMouseX();
        const int b = std::clamp(static_cast<int>(std::floor((z - h.low) / (h.high - h.low) * bins)), 0, bins - 1);
        ImGui::BeginTooltip();
        ImGui::Text("z from %s to %s", plot::format_significant(h.bin_low(b), 4).c_str(),
                    plot::format_significant(h.bin_high(b), 4).c_str());
        if (one)
            ImGui::Text("unit %d: %d of its %d points", unit + 1, h.unit_counts[static_cast<size_t>(unit * bins + b)], h.points);
        else
            ImGui::Text("%d dead, %d saturated, %d active", h.counts[static_cast<size_t>(b)],
                        h.counts[static_cast<size_t>(bins + b)], h.counts[static_cast<size_t>(2 * bins + b)]);
        ImGui::EndTooltip();
    }
    plot::EndPlot();
}

}  // namespace

UnitsPicture make_units_picture(std::vector<core::LayerHistogram> layers, int epoch, double threshold,
                                const std::string& subtitle) {
    UnitsPicture p;
    p.layers = std::move(layers);
    p.epoch = epoch;
    p.threshold = threshold;
    p.title = "Units on the curve at epoch " + std::to_string(epoch);
    p.subtitle = subtitle;
    for (const core::LayerHistogram& h : p.layers) {
        p.views.push_back(layer_view(h, threshold));
        p.curves.push_back(sample_curves(p.views.back(), h.low, h.high));
    }
    return p;
}

core::Zone zone_at(const core::LayerHistogram& layer, double z, double threshold) {
    return core::zone_of(core::activation(layer.activation).df(z, layer.params.v), threshold);
}

std::string units_caption(const UnitsPicture& picture, int layer, int unit) {
    const core::LayerHistogram& h = picture.layers[static_cast<size_t>(layer)];
    const int total = h.total();
    const std::string shares = percent(h.zone_total[static_cast<int>(core::Zone::Saturated)], total) + " saturated, " +
                               percent(h.zone_total[static_cast<int>(core::Zone::Dead)], total) + " dead, " +
                               percent(h.zone_total[static_cast<int>(core::Zone::Active)], total) + " active" +
                               (h.gated ? " (the gate's slope; the value passes f(gate) on)" : "");
    if (unit >= 0 && unit < h.units)
        return layer_name(h, layer) + " · unit " + std::to_string(unit + 1) + " of " + std::to_string(h.units) +
               " (the layer: " + shares + ")";
    return layer_name(h, layer) + ": " + shares;
}

void draw_units_figure(const UnitsPicture& picture, ImVec2 size, int layer, int unit, plot::PlotFlags flags) {
    const float fs = ImGui::GetFontSize();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float pad = 0.5f * fs;
    const float inner = size.x - 2 * pad;
    // the title, what was trained, and the key, wrapped at the figure's right edge
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + 0.3f * fs));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    if (!picture.title.empty()) {  // on screen a tab names the figure
        ImGui::PushFont(title_font());
        text_wrapped(picture.title.c_str());
        ImGui::PopFont();
    }
    if (!picture.subtitle.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kNoteColor);
        ImGui::SetCursorScreenPos(ImVec2(start.x + pad, ImGui::GetCursorScreenPos().y));
        text_wrapped(picture.subtitle.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, ImGui::GetCursorScreenPos().y + 0.2f * fs));
    draw_key(picture, start.x + pad, inner);
    const float top = ImGui::GetCursorScreenPos().y + 0.4f * fs;

    // (a picture not made by make_units_picture has no curves: nothing to draw)
    const int n = picture.curves.size() == picture.layers.size() ? static_cast<int>(picture.layers.size()) : 0;
    if (n == 0) {
        ImGui::SetCursorScreenPos(ImVec2(start.x + pad, top));
        ImGui::TextUnformatted("The network has no hidden layer: there are no units to show.");
        ImGui::SetCursorScreenPos(start);
        ImGui::Dummy(size);
        return;
    }
    const float gap = 1.2f * fs;
    const float height = start.y + size.y - top;
    std::vector<std::string> captions;
    for (int l = 0; l < n; ++l) captions.push_back(units_caption(picture, l, l == layer ? unit : -1));
    const int columns = unit_columns(captions, inner, height, fs);
    const int rows = (n + columns - 1) / columns;
    const float cell_w = std::floor((inner - gap * (columns - 1)) / columns);
    const float cell_h = std::floor((height - gap * (rows - 1)) / rows);
    ImFont* head = title_font();
    for (int l = 0; l < n; ++l) {
        const float x = start.x + pad + (l % columns) * (cell_w + gap);
        float y = top + (l / columns) * (cell_h + gap);
        const int shown_unit = l == layer ? unit : -1;
        // the caption as the cell's heading, wrapped to its width
        const std::string& caption = captions[static_cast<size_t>(l)];
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + cell_w);
        // in the title font where it fits on one line, else in the body's, wrapped if it must
        const bool large = head->CalcTextSizeA(head->FontSize, FLT_MAX, 0.0f, caption.c_str()).x <= cell_w;
        if (large) ImGui::PushFont(head);
        text_wrapped(caption.c_str());
        if (large) ImGui::PopFont();
        ImGui::PopTextWrapPos();
        const float plots_top = ImGui::GetCursorScreenPos().y + 0.2f * fs;
        const float plots_h = std::max(y + cell_h - plots_top, 2.0f * fs);  // within the cell, however small
        const float curve_h = std::floor(0.45f * plots_h);
        ImGui::PushID(l);
        plot::BeginAlignedPlots("##curve-over-histogram");  // one z axis: the same pixels in both
        ImGui::SetCursorScreenPos(ImVec2(x, plots_top));
        const Zones zones = draw_curve(picture.views[static_cast<size_t>(l)], picture.curves[static_cast<size_t>(l)],
                                       ImVec2(cell_w, curve_h), flags);
        ImGui::SetCursorScreenPos(ImVec2(x, plots_top + curve_h));
        draw_histogram(picture, l, shown_unit, zones, ImVec2(cell_w, plots_h - curve_h), flags);
        plot::EndAlignedPlots();
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(size);
}

float units_figure_min_height(const UnitsPicture& picture, float width) {
    const float fs = ImGui::GetFontSize(), gap = 1.2f * fs;
    const int n = std::max(1, static_cast<int>(picture.layers.size()));
    // cells at least 14 font heights wide, each a caption of up to three lines over two plots whose data
    // areas are 3 font heights with their ticks
    const int columns = std::clamp(static_cast<int>((width + gap) / (14.0f * fs + gap)), 1, n);
    const int rows = (n + columns - 1) / columns;
    return 3.5f * fs + rows * 16.0f * fs + (rows - 1) * gap;
}

std::string units_csv(const UnitsPicture& picture) {
    std::string out = "layer,bin_low,bin_high,count,zone\n";
    for (size_t l = 0; l < picture.layers.size(); ++l) {
        const core::LayerHistogram& h = picture.layers[l];
        for (int b = 0; b < h.bins; ++b) {
            const std::string head = std::to_string(l + 1) + "," + number_text(h.bin_low(b)) + "," + number_text(h.bin_high(b)) + ",";
            bool any = false;
            for (int k = 0; k < core::kZones; ++k) {
                const int count = h.counts[static_cast<size_t>(k * h.bins + b)];
                if (count == 0) continue;
                any = true;
                out += head + std::to_string(count) + "," + core::zone_name(static_cast<core::Zone>(k)) + "\n";
            }
            if (!any)
                out += head + "0," + core::zone_name(zone_at(h, 0.5 * (h.bin_low(b) + h.bin_high(b)), picture.threshold)) + "\n";
        }
    }
    return out;
}

Figure units_export_figure(std::shared_ptr<const UnitsPicture> picture, const std::string& stem) {
    Figure figure;
    figure.stem = stem;
    figure.csv = [picture] { return units_csv(*picture); };
    figure.draw = [picture](ImVec2 size) { draw_units_figure(*picture, size, -1, -1, plot::PlotFlags_NoInputs); };
    return figure;
}

const char* units_keys_help() {
    static const std::string help =
        std::string("  threshold=0.05            |f'| below it counts as saturated (0.001 to 1)\n") + training_keys_help();
    return help.c_str();
}

}  // namespace actlab::app
