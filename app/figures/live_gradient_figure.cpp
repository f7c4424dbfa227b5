#include "app/figures/live_gradient_figure.h"

#include "app/figures/gradient_figure.h"
#include "app/figures/keys.h"
#include "app/figures/series_looks.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cmath>

namespace actlab::app {

std::vector<std::string> live_gradient_layer_names(int layers) {
    std::vector<std::string> names;
    for (int l = 1; l < layers; ++l) names.push_back(std::to_string(l));
    if (layers > 0) names.push_back("out");
    return names;
}

LiveGradientPicture make_live_gradient_picture(const core::GradientHistory& history, int epoch,
                                               const std::string& subtitle) {
    LiveGradientPicture p;
    p.history = history;
    p.layer_names = live_gradient_layer_names(history.layers);
    p.epoch = epoch;
    p.title = "Gradient across layers at epoch " + std::to_string(epoch);
    p.subtitle = subtitle;
    return p;
}

namespace {

constexpr ImU32 kNoteColor = IM_COL32(70, 70, 70, 255);
const char* const kLayerAxis = "layer  (1 = next to the input; out = the output layer, where the gradient enters)";

// The row of the newest epoch: the last at or before picture.epoch, or -1.
int newest_row(const LiveGradientPicture& p) {
    int row = -1;
    for (int r = 0; r < p.history.rows(); ++r)
        if (p.history.epochs[static_cast<size_t>(r)] <= p.epoch) row = r;
    return row;
}

// Row r of one of the history's tables; 0 (a log axis cannot show it) as NaN, so the line breaks there.
std::vector<double> row_values(const LiveGradientPicture& p, const std::vector<double>& table, int r) {
    std::vector<double> v(table.begin() + static_cast<long>(r) * p.history.layers,
                          table.begin() + static_cast<long>(r + 1) * p.history.layers);
    for (double& x : v)
        if (!(x > 0)) x = NAN;
    return v;
}

ImU32 with_alpha(ImU32 color, int alpha) { return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }

// One of the two plots: the newest epoch solid with a mark on each layer, the earlier ones faint behind
// it (fainter the older), on a log axis over everything drawn.
void draw_layer_plot(const LiveGradientPicture& p, const std::vector<double>& table, const char* title_id,
                     const char* y_label, ImU32 color, const char* none_yet, ImVec2 size, plot::PlotFlags flags) {
    if (!plot::BeginPlot(title_id, size, flags)) return;
    plot::SetupAxes(kLayerAxis, y_label);
    plot::SetupAxisScale(plot::Axis_Y, plot::Scale_Log10);
    const int layers = p.history.layers;
    std::vector<double> x;
    std::vector<const char*> names;
    for (int l = 0; l < layers; ++l) {
        x.push_back(l + 1);
        names.push_back(p.layer_names[static_cast<size_t>(l)].c_str());
    }
    plot::SetupAxisTicks(plot::Axis_X, x.data(), layers, names.data());
    const int newest = newest_row(p);
    const std::vector<int> earlier = live_gradient_history_rows(p);
    std::vector<double> all;
    for (int r : earlier) {
        const std::vector<double> v = row_values(p, table, r);
        all.insert(all.end(), v.begin(), v.end());
    }
    const std::vector<double> now = newest >= 0 ? row_values(p, table, newest) : std::vector<double>{};
    all.insert(all.end(), now.begin(), now.end());
    double lo, hi;
    log_range(all, &lo, &hi);
    plot::SetupAxesLimits({0.6, std::max(layers, 1) + 0.4, lo, hi}, plot::Cond_Always);  // the view follows the run
    plot::SetupLegend(plot::Location_Best);
    const int count = static_cast<int>(earlier.size());
    for (int i = 0; i < count; ++i) {
        const std::vector<double> v = row_values(p, table, earlier[static_cast<size_t>(i)]);
        const int alpha = 30 + (count > 1 ? 80 * i / (count - 1) : 80);
        const std::string id = "##epoch" + std::to_string(p.history.epochs[static_cast<size_t>(earlier[static_cast<size_t>(i)])]);
        plot::PlotLine(id.c_str(), x.data(), v.data(), layers, {with_alpha(color, alpha), 1.6f});
    }
    if (count > 0)  // one legend entry for all of them
        plot::PlotLine(count == 1 ? "an earlier epoch" : "earlier epochs, fainter the older", nullptr, nullptr, 0,
                       {with_alpha(color, 90), 1.6f});
    bool any = false;
    for (double v : now) any = any || std::isfinite(v);
    if (any) {
        const std::string label = "epoch " + std::to_string(p.history.epochs[static_cast<size_t>(newest)]);
        plot::PlotLine(label.c_str(), x.data(), now.data(), layers, {color, 3.0f});
        for (int l = 0; l < layers; ++l)  // a dot on each layer: the line's values are there, not between
            if (std::isfinite(now[static_cast<size_t>(l)])) plot::PlotMarker(x[static_cast<size_t>(l)], now[static_cast<size_t>(l)], color, 4.5f);
    }
    // what a log axis cannot show, said in the lower left corner
    std::string missing;
    if (newest < 0 || !any) {
        missing = none_yet;
    } else {
        for (int l = 0; l < layers; ++l)
            if (table[static_cast<size_t>(newest * layers + l)] == 0.0)
                missing += (missing.empty() ? "exactly 0 at layer " : ", ") + p.layer_names[static_cast<size_t>(l)];
        if (!missing.empty()) missing += " (not drawn on a log axis)";
    }
    if (!missing.empty()) {
        const plot::Limits lim = plot::GetPlotLimits();
        plot::TextStyle style;
        style.color = kNoteColor;
        style.backdrop = IM_COL32(255, 255, 255, 200);
        plot::PlotText(missing.c_str(), lim.x_min, lim.y_min, style, ImVec2(8, -8), ImVec2(0, 1));
    }
    plot::EndPlot();
}

}  // namespace

std::vector<int> live_gradient_history_rows(const LiveGradientPicture& p, int count) {
    const int before = newest_row(p);  // rows 0 … before − 1 come before the newest
    std::vector<int> rows;
    if (before <= 0 || count <= 0) return rows;
    if (before <= count) {
        for (int r = 0; r < before; ++r) rows.push_back(r);
        return rows;
    }
    for (int i = 0; i < count; ++i) {
        const int r = count == 1 ? before - 1 : static_cast<int>(std::lround(static_cast<double>(i) * (before - 1) / (count - 1)));
        if (rows.empty() || rows.back() != r) rows.push_back(r);
    }
    return rows;
}

void draw_live_gradient_plot(const LiveGradientPicture& p, ImVec2 size, plot::PlotFlags flags) {
    const std::string title =
        (p.subtitle.empty() ? p.title : p.title + ": " + p.subtitle) + "###live-gradient";  // one plot at every epoch
    draw_layer_plot(p, p.history.grad_rms, title.c_str(), "RMS of ∂loss/∂z  (log scale)", series_look(0).color,
                    "nothing recorded yet", size, flags);
}

void draw_update_ratio_plot(const LiveGradientPicture& p, ImVec2 size, plot::PlotFlags flags) {
    draw_layer_plot(p, p.history.update_ratio, "How much each epoch moved the weights###live-update",
                    "‖ΔW‖ / ‖W‖ per epoch  (log scale)", series_look(1).color,
                    "no epoch has run yet: nothing has moved", size, flags);
}

void draw_live_gradient_figure(const LiveGradientPicture& p, ImVec2 size, plot::PlotFlags flags) {
    const float fs = ImGui::GetFontSize();
    const ImVec2 start = ImGui::GetCursorScreenPos(), gap = ImGui::GetStyle().ItemSpacing;
    const float main_w = std::floor(0.58f * (size.x - gap.x)), side_w = size.x - gap.x - main_w;
    // side by side on a landscape figure (an export, a wide panel), where stacked plots would be flat
    if (side_w >= plot::kReadableWidth * fs || (size.x >= 1.3f * size.y && side_w >= 12.0f * fs)) {
        draw_live_gradient_plot(p, ImVec2(main_w, size.y), flags);
        ImGui::SetCursorScreenPos(ImVec2(start.x + main_w + gap.x, start.y));
        // a narrow one leaves out its legend, which says what the one beside it says
        draw_update_ratio_plot(p, ImVec2(side_w, size.y), side_w < 24.0f * fs ? flags | plot::PlotFlags_NoLegend : flags);
    } else {
        const float top = std::floor(0.58f * (size.y - gap.y));
        plot::BeginAlignedPlots("##gradient-over-update");  // the same layers at the same pixels
        draw_live_gradient_plot(p, ImVec2(size.x, top), flags);
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + top + gap.y));
        draw_update_ratio_plot(p, ImVec2(size.x, size.y - top - gap.y), flags);
        plot::EndAlignedPlots();
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(size);
}

float live_gradient_figure_min_height(float width) {
    const float fs = ImGui::GetFontSize(), gap = ImGui::GetStyle().ItemSpacing.y;
    const float side_w = width - ImGui::GetStyle().ItemSpacing.x - std::floor(0.58f * (width - ImGui::GetStyle().ItemSpacing.x));
    const float readable = std::ceil(plot::kReadableHeight * fs);
    if (side_w >= plot::kReadableWidth * fs) return readable;
    // stacked: the lower plot takes 42 % of the height under the gap
    return std::ceil(readable / 0.42f) + gap + 1.0f;
}

std::string live_gradient_csv(const LiveGradientPicture& p) {
    std::string out = "epoch,layer,grad_rms,update_ratio\n";
    const core::GradientHistory& h = p.history;
    for (int r = 0; r < h.rows(); ++r)
        for (int l = 0; l < h.layers; ++l) {
            const size_t at = static_cast<size_t>(r * h.layers + l);
            const double ratio = h.update_ratio[at];
            out += std::to_string(h.epochs[static_cast<size_t>(r)]) + "," + std::to_string(l + 1) + "," +
                   number_text(h.grad_rms[at]) + "," + (std::isnan(ratio) ? "" : number_text(ratio)) + "\n";
        }
    return out;
}

Figure live_gradient_export_figure(std::shared_ptr<const LiveGradientPicture> picture, const std::string& stem) {
    Figure figure;
    figure.stem = stem;
    figure.csv = [picture] { return live_gradient_csv(*picture); };
    figure.draw = [picture](ImVec2 size) { draw_live_gradient_figure(*picture, size, plot::PlotFlags_NoInputs); };
    return figure;
}

}  // namespace actlab::app
