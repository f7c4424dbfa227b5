#include "app/figures/gradient_figure.h"

#include "app/figures/activation_figure.h"
#include "app/figures/series_looks.h"
#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace actlab::app {

std::string activation_label(const core::Activation& act, const core::ParamValues& p, int digits) {
    std::string s = act.label;
    for (int k = 0; k < act.param_count; ++k)
        s += (k ? ", " : " (") + std::string(act.params[k].symbol) + " = " + plot::format_significant(p.v[k], digits);
    return act.param_count > 0 ? s + ")" : s;
}

std::string init_label(const core::Init& init) {
    std::string s = core::init_name(init.kind);
    if (init.kind == core::InitKind::Normal) s += " σ = " + plot::format_significant(init.sigma);
    if (init.kind == core::InitKind::Uniform) s += " a = " + plot::format_significant(init.a);
    return s;
}

std::string pair_label(const GradientPair& pair) {
    return std::string(core::activation(pair.activation).id) + " + " + core::init_name(pair.init);
}

PairStyle pair_style(const std::vector<GradientPair>& /*pairs: only their order counts*/, size_t i) {
    static_assert(kMaxPairs <= kSeriesColors, "every pair has a colour of its own");
    static const plot::Marker marks[kMaxPairs] = {plot::Marker_Square, plot::Marker_Diamond, plot::Marker_Triangle,
                                                  plot::Marker_None};
    const SeriesLook look = series_look(static_cast<int>(i));
    return {look.color, look.line, marks[i % kMaxPairs]};
}

ChainData compute_chain(const GradientView& view, int depth) {
    ChainData c;
    c.activation = view.activation;
    c.params = view.params[static_cast<size_t>(view.activation)];
    c.z = view.z;
    c.depth = depth;
    const core::Activation& act = core::activation(view.activation);
    c.slope = act.df(view.z, c.params.v);
    c.products = core::chain_products(act, c.params.v, view.z, depth);
    c.underflow = core::chain_underflow(act, c.params.v, view.z, depth);
    return c;
}

const ChainData& update_chain(ChainData* cache, const GradientView& view, int depth) {
    const core::ParamValues& p = view.params[static_cast<size_t>(view.activation)];
    bool same = cache->activation == view.activation && cache->z == view.z && cache->depth == depth;
    for (int k = 0; same && k < core::kMaxParams; ++k) same = cache->params.v[k] == p.v[k];
    if (!same) *cache = compute_chain(view, depth);
    return *cache;
}

void log_range(const std::vector<double>& values, double* lo, double* hi) {
    double a = INFINITY, b = 0.0;
    for (double v : values)
        if (std::isfinite(v) && v > 0.0) a = std::min(a, v), b = std::max(b, v);
    if (!(b > 0.0)) a = 1e-4, b = 10.0;  // nothing to show yet: a few clean decades
    const double la = std::log10(a), lb = std::log10(b);
    const double span = std::max(2.0, lb - la), mid = 0.5 * (la + lb);
    const double pad = std::max(0.3, 0.04 * span);
    *lo = std::max(std::pow(10.0, mid - 0.5 * span - pad), 1e-323);
    *hi = std::min(std::pow(10.0, mid + 0.5 * span + pad), 1e300);
}

namespace {

constexpr ImU32 kNoteColor = IM_COL32(70, 70, 70, 255);
constexpr ImU32 kChainColor = IM_COL32(40, 40, 40, 255);
constexpr ImU32 kChainMuted = IM_COL32(40, 40, 40, 110);   // the chain view beside a network whose gradient is 0
constexpr ImU32 kZeroBand = IM_COL32(190, 30, 30, 34);      // layers where the gradient is exactly 0
constexpr ImU32 kZeroInk = IM_COL32(170, 20, 20, 255);
constexpr ImU32 kZeroBackdrop = IM_COL32(255, 255, 255, 230);  // under the words over the zero layers
const char* const kTimes = "\u00a0×\u00a0";  // "30 × 256" and "bias −1" are never broken across lines
const char* const kLayerAxis = "hidden layer  (1 = next to the input; the gradient enters at the last)";

// Notes in the lower left corner of a plot, the first just above the line draw_zeros puts along the
// bottom edge, each next one above the one before however many lines that took. A note that would be
// cut off (a small plot, an export of a few hundred pixels) gives way to its `shorter` form, if any.
class CornerNotes {
public:
    void add(const std::string& text, const std::string& shorter = "") {
        const plot::Limits lim = plot::GetPlotLimits();
        plot::TextStyle style;
        style.color = kNoteColor;
        style.backdrop = IM_COL32(255, 255, 255, 200);  // legible over the lines it may cross
        style.shorter = shorter.c_str();
        plot::PlotText(text.c_str(), lim.x_min, lim.y_min, style, ImVec2(8, m_offset), ImVec2(0, 1));
        const std::vector<plot::TextBox>& boxes = plot::GetLastPlotTextBoxes();
        if (boxes.empty()) return;
        const float bottom = plot::PlotToPixels(lim.x_min, lim.y_min).y;
        m_offset = std::min(m_offset, (boxes.back().y0 - bottom) / plot::GetPlotUnit() - 3.0f);
    }

private:
    float m_offset = -16.0f;  // in points from the bottom edge: where the next note's bottom goes
};

std::string layer_span(int first, int last) {
    return first == last ? "layer " + std::to_string(first) : "layers " + std::to_string(first) + "–" + std::to_string(last);
}

// The layers (from 1) where a value is exactly 0: the first, the last, and how many.
struct ZeroLayers {
    int first = 0, last = 0, count = 0;
    bool one_run() const { return count == last - first + 1; }
};

ZeroLayers find_zero_layers(const std::vector<double>& v) {
    ZeroLayers z;
    for (size_t i = 0; i < v.size(); ++i)
        if (v[i] == 0.0) {
            if (!z.first) z.first = static_cast<int>(i) + 1;
            z.last = static_cast<int>(i) + 1;
            ++z.count;
        }
    return z;
}

// A note naming the layers where a value is exactly 0 (a log axis cannot show them), or "".
std::string zero_layers(const std::vector<double>& v, const char* what) {
    const ZeroLayers z = find_zero_layers(v);
    if (!z.count) return "";
    return std::string(what) + " is exactly 0 at " +
           (z.one_run() ? layer_span(z.first, z.last) : std::to_string(z.count) + " layers");
}

// Values that are exactly 0 cannot sit on a log axis: a heavy line on its bottom edge in the series'
// colour, over every run of layers where the value is 0, with a mark at each. The `level`-th series
// with zeros on one plot draws its line a mark's height above the one before, so none hides another.
// True if any.
bool draw_zeros(const std::vector<double>& v, ImU32 color, int level = 0) {
    bool any = false;
    const plot::Limits lim = plot::GetPlotLimits();
    // just above the edge, then 0.6 font heights further up for each level
    const float height = plot::PlotToPixels(lim.x_min, lim.y_min).y - plot::PlotToPixels(lim.x_min, lim.y_max).y;
    const double up = 0.015 + level * 0.6 * ImGui::GetFontSize() / std::max(height, 1.0f);
    const double bottom = lim.y_min * std::pow(lim.y_max / lim.y_min, up);
    for (size_t i = 0; i < v.size();) {
        if (v[i] != 0.0) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < v.size() && v[j] == 0.0) ++j;
        const double xs[2] = {i + 1 - 0.3, j + 0.3}, ys[2] = {bottom, bottom};  // layers i+1 … j
        plot::PlotLine("##zero", xs, ys, 2, {color, 5.0f});
        for (size_t k = i; k < j; ++k) plot::PlotMarker(static_cast<double>(k + 1), bottom, color, 3.5f);
        any = true;
        i = j;
    }
    return any;
}

// Where the gradient is exactly 0, as the first thing the eye meets: the layers shaded over the whole
// height and the zeros on the bottom edge (draw_zeros), drawn before the lines; then, over them,
// "∂loss/∂z = 0" in large type across those layers and in words which they are.
void draw_zero_layers(const std::vector<double>& rms, ImU32 color) {
    for (size_t i = 0; i < rms.size(); ++i)
        if (rms[i] == 0.0) plot::PlotVBand("##zero gradient", i + 0.5, i + 1.5, kZeroBand);
    draw_zeros(rms, color);
}

void draw_zero_headline(const std::vector<double>& rms) {
    const ZeroLayers z = find_zero_layers(rms);
    if (!z.count) return;
    const int first = z.first, last = z.last, count = z.count;
    const bool one_run = z.one_run();
    const int depth = static_cast<int>(rms.size());
    // the gradient enters at the last layer and travels down: "from layer k on" is k, k − 1, …, 1
    std::string where;
    if (one_run && first == 1 && last == depth)
        where = "in every layer: no gradient gets back through the dead units";
    else if (one_run && first == 1)
        where = "from layer " + std::to_string(last) + " down to layer 1: nothing passes the dead units above";
    else
        where = "at " + (one_run ? layer_span(first, last) : std::to_string(count) + " layers") +
                ": dead units pass none of it back";
    // Large over the middle of those layers, on white so the chain view's line behind does not cross
    // the words; PlotText shrinks it, then wraps it, to fit a small plot, and the notes keep off it.
    // The words go first, below the middle (moved up as far as a small plot needs), the headline
    // right above wherever they ended up.
    const plot::Limits lim = plot::GetPlotLimits();
    const double mid_x = one_run ? 0.5 * (first + last) : 0.5 * (lim.x_min + lim.x_max);
    const double mid_y = std::sqrt(lim.y_min * lim.y_max);
    where += " (the heavy line along the bottom: 0 is off a log axis)";
    plot::TextStyle words;
    words.color = kZeroInk;
    words.backdrop = kZeroBackdrop;
    words.max_width = 40.0f * ImGui::GetFontSize();  // a line a reader takes in at once
    plot::PlotText(where.c_str(), mid_x, mid_y, words, ImVec2(0, 0), ImVec2(0.5f, 0.0f));
    float above = 0.0f;  // in points, from the middle to the top of the words
    if (!plot::GetLastPlotTextBoxes().empty())
        above = std::min(0.0f, (plot::GetLastPlotTextBoxes().back().y0 - plot::PlotToPixels(mid_x, mid_y).y) /
                                   plot::GetPlotUnit());
    plot::TextStyle head;
    head.color = kZeroInk;
    head.font = plot::GetStyle().title_font;
    head.size = 2.2f * ImGui::GetFontSize();
    head.backdrop = kZeroBackdrop;
    plot::PlotText("∂loss/∂z\u00a0=\u00a00", mid_x, mid_y, head, ImVec2(0, above - 3.0f), ImVec2(0.5f, 1.0f));  // one piece
}

std::vector<double> column(const std::vector<core::LayerStats>& layers, double core::LayerStats::*field) {
    std::vector<double> v;
    for (const core::LayerStats& s : layers) v.push_back(s.*field);
    return v;
}

std::vector<double> layer_numbers(int depth) {
    std::vector<double> x;
    for (int l = 1; l <= depth; ++l) x.push_back(l);
    return x;
}

// Marks at every layer while they stay apart.
plot::Marker layer_marker(int depth, plot::Marker m) { return depth <= 40 ? m : plot::Marker_None; }

std::string z_text(double z) { return plot::format_significant(z); }

}  // namespace

void draw_gradient_plot(const GradientView& view, const std::vector<core::LayerStats>& layers, const ChainData& chain,
                        ImVec2 size, const GradientDrawOptions& options) {
    const core::Activation& act = core::activation(view.activation);
    const core::ParamValues& p = view.params[static_cast<size_t>(view.activation)];
    const std::string title = "Gradient per layer: " + activation_label(act, p) + ", " + init_label(view.init) +
                              " init, " + std::to_string(view.depth) + kTimes + std::to_string(view.width) +
                              ", bias\u00a0" + plot::format_significant(view.init.bias) + "###gradient-plot";
    if (!plot::BeginPlot(title.c_str(), size, options.flags)) return;
    plot::SetupAxes(kLayerAxis, "RMS of ∂loss/∂z  (log scale)");
    plot::SetupAxisScale(plot::Axis_Y, plot::Scale_Log10);
    // the chain view at layer l: the gradient has passed the layers l..L, that is L − l + 1 of them
    const int depth = std::min(layers.empty() ? view.depth : static_cast<int>(layers.size()),
                               static_cast<int>(chain.products.size()));
    std::vector<double> chain_line(static_cast<size_t>(depth));
    for (int l = 1; l <= depth; ++l)
        chain_line[static_cast<size_t>(l - 1)] = std::fabs(chain.products[static_cast<size_t>(depth - l)]);
    const std::vector<double> rms = column(layers, &core::LayerStats::grad_rms);
    std::vector<double> all = rms;
    all.insert(all.end(), chain_line.begin(), chain_line.end());
    double lo, hi;
    log_range(all, &lo, &hi);
    plot::SetupAxesLimits({0.5, depth + 0.5, lo, hi}, options.cond);
    plot::SetupLegend(plot::Location_Best);

    const std::vector<double> x = layer_numbers(depth);
    const SeriesLook style = series_look(0);  // one function: the first colour
    const bool zero = std::find(rms.begin(), rms.end(), 0.0) != rms.end();
    if (zero) draw_zero_layers(rms, style.color);  // under the lines: the shading is a background
    if (!layers.empty())
        plot::PlotLine("network: RMS of the gradient w.r.t. z", x.data(), rms.data(), depth,
                       {style.color, 3.0f, false, layer_marker(depth, plot::Marker_Square)});
    // beside a network whose gradient is 0 the chain view (one unit at one z, no dead units) is the
    // lesser line: thin and pale, and its label says what it leaves out
    const std::string chain_label = "chain view: |f'(" + z_text(view.z) + ")|^(layers passed)" + (zero ? ", one unit, not the network" : "");
    plot::PlotLine(chain_label.c_str(), x.data(), chain_line.data(), depth,
                   zero ? plot::LineStyle{kChainMuted, 1.5f, true, plot::Marker_None}
                        : plot::LineStyle{kChainColor, 2.2f, true, layer_marker(depth, plot::Marker_Diamond)});
    if (zero) draw_zero_headline(rms);

    CornerNotes notes;
    if (!options.stale.empty()) notes.add(options.stale);
    if (chain.slope == 0.0)
        notes.add("chain view: f'(" + z_text(view.z) + ") = 0, so it is exactly 0 after one layer (not drawn)");
    else if (chain.underflow > 0)
        notes.add("chain view: below 4.9e−324, the smallest double, after " + std::to_string(chain.underflow) +
                  " layers: stored as 0, not drawn");
    if (layers.empty()) notes.add("computing the network…");
    plot::EndPlot();
}

void draw_activity_plot(const GradientView& view, const std::vector<core::LayerStats>& layers, ImVec2 size,
                        const GradientDrawOptions& options) {
    if (!plot::BeginPlot("Activations per layer###activity-plot", size, options.flags)) return;
    plot::SetupAxes("hidden layer", "a = f(z)  (log scale)");
    plot::SetupAxisScale(plot::Axis_Y, plot::Scale_Log10);
    const int depth = layers.empty() ? view.depth : static_cast<int>(layers.size());
    const std::vector<double> sd = column(layers, &core::LayerStats::act_std);
    std::vector<double> mean = column(layers, &core::LayerStats::act_mean);
    for (double& m : mean) m = std::fabs(m);
    std::vector<double> all = sd;
    all.insert(all.end(), mean.begin(), mean.end());
    double lo, hi;
    log_range(all, &lo, &hi);
    plot::SetupAxesLimits({0.5, depth + 0.5, lo, hi}, options.cond);
    const std::vector<double> x = layer_numbers(depth);
    const ImU32 color = series_look(0).color;
    if (!layers.empty()) {
        plot::PlotLine("std of a", x.data(), sd.data(), depth, {color, 3.0f, false, layer_marker(depth, plot::Marker_Square)});
        plot::PlotLine("|mean of a|", x.data(), mean.data(), depth, {color, 2.2f, true});
        if (draw_zeros(sd, color))
            CornerNotes().add(zero_layers(sd, "spread") + " (the line along the bottom): all activations equal",
                              zero_layers(sd, "spread"));
    }
    plot::EndPlot();
}

void draw_dead_plot(const GradientView& view, const std::vector<core::LayerStats>& layers, ImVec2 size,
                    const GradientDrawOptions& options) {
    if (!plot::BeginPlot("Dead units per layer###dead-plot", size, options.flags)) return;
    plot::SetupAxes("hidden layer", "dead units  (% of the layer)");
    const int depth = layers.empty() ? view.depth : static_cast<int>(layers.size());
    plot::SetupAxesLimits({0.5, depth + 0.5, -5.0, 105.0}, options.cond);
    std::vector<double> dead = column(layers, &core::LayerStats::dead_fraction);
    for (double& v : dead) v *= 100.0;
    const std::vector<double> x = layer_numbers(depth);
    plot::PlotHLine("##zero", 0.0, {IM_COL32(0, 0, 0, 110), 1.2f});
    if (!layers.empty())
        plot::PlotLine("f'(z) = 0 on the whole batch", x.data(), dead.data(), depth,
                       {series_look(0).color, 3.0f, false, layer_marker(depth, plot::Marker_Square)});
    plot::EndPlot();
}

void draw_chain_plot(const GradientView& view, const ChainData& chain, ImVec2 size, const GradientDrawOptions& options) {
    const core::Activation& act = core::activation(view.activation);
    const core::ParamValues& p = view.params[static_cast<size_t>(view.activation)];
    const double d = chain.slope;
    const std::string title = "Chain view: f'(z)^k for " + activation_label(act, p) + " at z = " + z_text(view.z) +
                              ", f'(z) = " + plot::format_significant(d) + "###chain-plot";
    if (!plot::BeginPlot(title.c_str(), size, options.flags)) return;
    plot::SetupAxes("layers k that the gradient passes", "|f'(z)|^k  (log scale)");
    plot::SetupAxisScale(plot::Axis_Y, plot::Scale_Log10);
    const int depth = static_cast<int>(chain.products.size());
    std::vector<double> magnitude = chain.products;
    for (double& v : magnitude) v = std::fabs(v);
    double lo, hi;
    log_range(magnitude, &lo, &hi);
    plot::SetupAxesLimits({0.5, depth + 0.5, lo, hi}, options.cond);
    const std::vector<double> k = layer_numbers(depth);
    const std::string label = activation_label(act, p) + " at z = " + z_text(view.z);
    // nothing to draw when every product is 0: no legend line for an empty plot, the note says why
    if (d != 0.0)
        plot::PlotLine(label.c_str(), k.data(), magnitude.data(), depth,
                       {series_look(0).color, 3.0f, false, layer_marker(depth, plot::Marker_Diamond)});
    CornerNotes notes;
    if (d == 0.0) {
        const bool kink = act.props.can_die && view.z == 0.0;
        const std::string why = kink ? std::string(act.label) + " has f'(0) = 0 (its slope is taken as 0 at the kink)"
                                     : "f'(" + z_text(view.z) + ") = 0";
        // in the middle of the plot, large: this is the whole message of the figure
        const plot::Limits lim = plot::GetPlotLimits();
        const double mid_y = std::sqrt(lim.y_min * lim.y_max);
        plot::PlotText((why + ",").c_str(), 0.5 * (lim.x_min + lim.x_max), mid_y, kNoteColor, ImVec2(0, -2), ImVec2(0.5f, 1.0f));
        plot::PlotText("so the product is exactly 0 from layer 1 on: a log axis cannot show it",
                       0.5 * (lim.x_min + lim.x_max), mid_y, kNoteColor, ImVec2(0, 2), ImVec2(0.5f, 0.0f));
        plot::PlotText("(try z = 1)", 0.5 * (lim.x_min + lim.x_max), mid_y, kNoteColor, ImVec2(0, 24), ImVec2(0.5f, 0.0f));
    } else if (chain.underflow > 0) {
        notes.add("below 4.9e−324, the smallest double, from k = " + std::to_string(chain.underflow) +
                  ": stored as 0, not drawn");
    }
    if (d < 0.0) notes.add("f'(z) < 0: the sign alternates; the plot shows |f'(z)|^k");
    if (!chain.products.empty() && chain.products.back() != 0.0)
        notes.add("after " + std::to_string(depth) + " layers: " + plot::format_significant(chain.products.back(), 4));
    plot::EndPlot();
}

void draw_compare_plot(const GradientView& view, const std::vector<std::vector<core::LayerStats>>& results,
                       ImVec2 size, const GradientDrawOptions& options) {
    const std::string title = "Gradient per layer, " + std::to_string(view.depth) + kTimes +
                              std::to_string(view.width) + ", bias\u00a0" + plot::format_significant(view.init.bias) +
                              "###compare-plot";
    if (!plot::BeginPlot(title.c_str(), size, options.flags)) return;
    plot::SetupAxes(kLayerAxis, "RMS of ∂loss/∂z  (log scale)");
    plot::SetupAxisScale(plot::Axis_Y, plot::Scale_Log10);
    std::vector<double> all;
    for (const auto& r : results)
        for (const core::LayerStats& s : r) all.push_back(s.grad_rms);
    double lo, hi;
    log_range(all, &lo, &hi);
    plot::SetupAxesLimits({0.5, view.depth + 0.5, lo, hi}, options.cond);
    plot::SetupLegend(plot::Location_Best);
    CornerNotes notes;
    // pairs whose gradient is 0 at the same layers share one note: "relu + he, relu + lecun: ..."
    std::vector<std::pair<std::string, std::string>> zero_notes;  // (where, which pairs)
    int zero_lines = 0;
    for (size_t i = 0; i < view.compare.size(); ++i) {
        const std::string label = pair_label(view.compare[i]);
        if (i >= results.size() || results[i].empty()) {
            notes.add(label + ": computing…");
            continue;
        }
        const std::vector<double> rms = column(results[i], &core::LayerStats::grad_rms);
        const std::vector<double> x = layer_numbers(static_cast<int>(rms.size()));
        const PairStyle style = pair_style(view.compare, i);
        plot::PlotLine(label.c_str(), x.data(), rms.data(), static_cast<int>(rms.size()),
                       {style.color, 3.0f, style.dashed, layer_marker(static_cast<int>(rms.size()), style.marker)});
        if (!draw_zeros(rms, style.color, zero_lines)) continue;
        ++zero_lines;
        const std::string where = zero_layers(rms, "gradient");
        auto same = std::find_if(zero_notes.begin(), zero_notes.end(), [&](const auto& n) { return n.first == where; });
        if (same == zero_notes.end()) zero_notes.push_back({where, label});
        else same->second += ", " + label;
    }
    for (const auto& [where, pairs] : zero_notes)
        notes.add(pairs + ": " + where + (zero_lines > 1 ? " (the lines along the bottom)" : " (the line along the bottom)"));
    plot::EndPlot();
}

void draw_flow_figure(const GradientView& view, const std::vector<core::LayerStats>& layers, const ChainData& chain,
                      ImVec2 size, const GradientDrawOptions& options) {
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float top = std::floor(size.y * 0.58f);
    draw_gradient_plot(view, layers, chain, ImVec2(size.x, top), options);
    const float half = std::floor((size.x - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const float bottom = size.y - top - gap;
    draw_activity_plot(view, layers, ImVec2(half, bottom), options);
    ImGui::SameLine();
    draw_dead_plot(view, layers, ImVec2(size.x - half - ImGui::GetStyle().ItemSpacing.x, bottom), options);
}

std::string gradient_chain_csv(const GradientView& view) {
    const std::vector<double> products = compute_chain(view, view.depth).products;
    std::string out = "layers,product\n";
    char buf[64];
    for (size_t k = 0; k < products.size(); ++k) {
        std::snprintf(buf, sizeof buf, "%zu,%.17g\n", k + 1, products[k]);
        out += buf;
    }
    return out;
}

namespace {
std::string stats_row(const core::LayerStats& s) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%.17g,%.17g,%.17g,%.17g\n", s.grad_rms, s.act_mean, s.act_std, s.dead_fraction);
    return buf;
}
}  // namespace

std::string gradient_flow_csv(const std::vector<core::LayerStats>& layers) {
    std::string out = "layer,grad_rms,act_mean,act_std,dead_fraction\n";
    for (size_t l = 0; l < layers.size(); ++l) out += std::to_string(l + 1) + "," + stats_row(layers[l]);
    return out;
}

std::string gradient_compare_csv(const GradientView& view, const std::vector<std::vector<core::LayerStats>>& results) {
    std::string out = "pair,layer,grad_rms,act_mean,act_std,dead_fraction\n";
    for (size_t i = 0; i < view.compare.size() && i < results.size(); ++i)
        for (size_t l = 0; l < results[i].size(); ++l)
            out += pair_label(view.compare[i]) + "," + std::to_string(l + 1) + "," + stats_row(results[i][l]);
    return out;
}

namespace {
// A number for a file name: "0.5", "-1", "1e-05".
std::string name_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}
std::string network_part(const GradientView& v) {
    std::string s = std::to_string(v.depth) + "x" + std::to_string(v.width) + "_b" + std::to_string(v.batch);
    if (v.init.bias != 0.0) s += "_bias" + name_number(v.init.bias);
    return s + "_seed" + std::to_string(v.seed);
}
std::string init_part(const core::Init& init) {
    std::string s = core::init_name(init.kind);
    if (init.kind == core::InitKind::Normal) s += name_number(init.sigma);
    if (init.kind == core::InitKind::Uniform) s += name_number(init.a);
    return s;
}
}  // namespace

std::string gradient_flow_stem(const GradientView& v) {
    return "gradient-flow_" + std::string(core::activation(v.activation).id) + "_" + init_part(v.init) + "_" +
           network_part(v);
}

std::string gradient_chain_stem(const GradientView& v) {
    return "gradient-chain_" + std::string(core::activation(v.activation).id) + "_z" + name_number(v.z) + "_" +
           std::to_string(v.depth);
}

std::string gradient_compare_stem(const GradientView& v) {
    std::string s = "gradient-compare";
    for (const GradientPair& p : v.compare)
        s += "_" + std::string(core::activation(p.activation).id) + "-" + core::init_name(p.init);
    return s + "_" + network_part(v);
}

namespace {
GradientDrawOptions export_options() { return {plot::PlotFlags_NoInputs, plot::Cond_Always, {}}; }
}  // namespace

Figure gradient_flow_figure(const GradientView& view, const std::vector<core::LayerStats>& layers) {
    Figure f;
    f.stem = gradient_flow_stem(view);
    f.csv = [layers] { return gradient_flow_csv(layers); };
    const ChainData chain = compute_chain(view, layers.empty() ? view.depth : static_cast<int>(layers.size()));
    f.draw = [view, layers, chain](ImVec2 size) { draw_flow_figure(view, layers, chain, size, export_options()); };
    return f;
}

Figure gradient_chain_figure(const GradientView& view) {
    Figure f;
    f.stem = gradient_chain_stem(view);
    f.csv = [view] { return gradient_chain_csv(view); };
    const ChainData chain = compute_chain(view, view.depth);
    f.draw = [view, chain](ImVec2 size) { draw_chain_plot(view, chain, size, export_options()); };
    return f;
}

Figure gradient_compare_figure(const GradientView& view, const std::vector<std::vector<core::LayerStats>>& results) {
    Figure f;
    f.stem = gradient_compare_stem(view);
    f.csv = [view, results] { return gradient_compare_csv(view, results); };
    f.draw = [view, results](ImVec2 size) { draw_compare_plot(view, results, size, export_options()); };
    return f;
}

}  // namespace actlab::app
