#include "app/figures/gated_figure.h"

#include "app/figures/ffn_figure.h"
#include "app/figures/gated_keys.h"
#include "app/figures/keys.h"
#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

constexpr ImU32 kInk = IM_COL32(40, 40, 40, 255);
constexpr ImU32 kBlue = IM_COL32(0, 114, 178, 255);       // Okabe–Ito blue: above 0 (as in the playground), and g on the slices
constexpr ImU32 kOrange = IM_COL32(230, 159, 0, 255);     // below 0, as the playground's maps and weights are
constexpr ImU32 kVermilion = IM_COL32(213, 94, 0, 255);   // the derivative on the slices
constexpr float kStrength = 0.85f;
constexpr int kContourTarget = 8;                         // about this many contour levels a map

// The least width of a plot that stays readable (the layout's rule), in pixels.
float kReadableMapWidth(float fs) { return plot::kReadableWidth * fs; }
// A map's least height when maps go one above the other (the region then scrolls): about square.
constexpr float kStackedMapHeight = 20.0f;
// The colour bar beside a map, in font heights.
constexpr float kBarWidth = 5.5f;

GatedMap make_map(const Eigen::ArrayXXd& values, const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
    GatedMap m;
    m.lo = values.minCoeff();
    m.hi = values.maxCoeff();
    const double s = std::max(std::fabs(m.lo), std::fabs(m.hi));
    m.scale = s > 0.0 ? s : 1.0;
    m.levels = core::nice_levels(m.lo, m.hi, kContourTarget);
    m.contours = core::contour_segments(values, a, b, m.levels);
    return m;
}

// What the texture holds for a value v of a map whose largest |value| is `scale`: sign(v)·√(|v| / scale)
// in −1 … 1. The square root spreads the colours over small values too (SiLU's dip below 0 is a tenth
// of its top at a = 4, and would be all but white on a linear scale); the colour bar shows which
// colour is which value.
double colour_coordinate(double v, double scale) { return std::copysign(std::sqrt(std::fabs(v) / scale), v); }

// The colour the shader gives a texture value t (−1 … 1): for the colour bar.
ImU32 map_color(double v) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(v < 0 ? kOrange : kBlue);
    const float t = static_cast<float>(std::min(std::fabs(v), 1.0)) * kStrength;
    return ImGui::ColorConvertFloat4ToU32(ImVec4(1 + (c.x - 1) * t, 1 + (c.y - 1) * t, 1 + (c.z - 1) * t, 1.0f));
}

std::string percent(double share) {
    return plot::format_decimals(100.0 * share, share > 0 && share < 0.001 ? 3 : 1) + " %";
}

// The data area's pixels, captured in the plot for what is drawn beside it (the colour bar).
struct AreaPixels {
    float top = 0, bottom = 0;
};

// One map: the heatmap, the contour lines, the flat zones hatched (hatch), a hover readout; and a
// colour bar with the contour levels on its right. Fills `size`.
void draw_map(const char* title_id, const char* value_name, const GatedPictures& pic,
              const GatedMap& map, int layer, bool hatch, const HeatmapTexture& texture, HeatmapPainter* painter,
              ImVec2 size, plot::PlotFlags flags) {
    const float fs = ImGui::GetFontSize();
    const float bar_w = kBarWidth * fs;
    // a data area about square: the axes take about 4.7 font heights across and 5.3 down
    const float plot_w = std::max(kReadableMapWidth(fs), std::min(size.x - bar_w, size.y - 5.3f * fs + 4.7f * fs));
    AreaPixels area;
    if (plot::BeginPlot(title_id, ImVec2(plot_w, size.y), flags | plot::PlotFlags_NoLegend)) {
        plot::SetupAxes("gate input a", "value input b");
        plot::SetupAxesLimits({pic.a[0], pic.a[pic.a.size() - 1], pic.b[0], pic.b[pic.b.size() - 1]}, plot::Cond_Always);
        const double a0 = pic.a[0], a1 = pic.a[pic.a.size() - 1], b0 = pic.b[0], b1 = pic.b[pic.b.size() - 1];
        ImDrawList* dl = plot::GetPlotDrawList();
        const float unit = plot::GetPlotUnit();
        painter->draw(dl, texture, plot::PlotToPixels(a0, b1), plot::PlotToPixels(a1, b0), gated_map_style(), layer, 1);
        if (hatch) {
            // each run of flat points along a row, as the rectangle of the cells around them, shaded and
            // hatched with "/" lines that continue from one rectangle to the next; a run that repeats in the
            // rows above grows into one rectangle (a half-plane is one), so the lines stay few
            const Eigen::Index n = pic.a.size(), m = pic.b.size();
            auto edge = [](const Eigen::ArrayXd& v, Eigen::Index i, bool upper) {
                if (upper) return i + 1 < v.size() ? 0.5 * (v[i] + v[i + 1]) : v[i];
                return i > 0 ? 0.5 * (v[i - 1] + v[i]) : v[i];
            };
            const float spacing = 7.0f * unit;
            const ImU32 shade = IM_COL32(60, 60, 60, 55), line = IM_COL32(30, 30, 30, 120);
            struct Run {
                Eigen::Index i, k, j0;  // points i..k of rows j0 to the current one
            };
            auto emit = [&](const Run& r, Eigen::Index j1) {
                const ImVec2 p0 = plot::PlotToPixels(edge(pic.a, r.i, false), edge(pic.b, j1, true));
                const ImVec2 p1 = plot::PlotToPixels(edge(pic.a, r.k, true), edge(pic.b, r.j0, false));
                dl->AddRectFilled(p0, p1, shade);
                // lines x + y = c·spacing through the rectangle [p0, p1]
                for (float c = std::ceil((p0.x + p0.y) / spacing) * spacing; c <= p1.x + p1.y; c += spacing) {
                    const float xa = std::max(p0.x, c - p1.y), xb = std::min(p1.x, c - p0.y);
                    if (xa < xb) dl->AddLine(ImVec2(xa, c - xa), ImVec2(xb, c - xb), line, 1.0f * unit);
                }
            };
            std::vector<Run> open, next;
            for (Eigen::Index j = 0; j <= m; ++j) {
                next.clear();
                for (Eigen::Index i = 0; j < m && i < n;) {
                    if (!pic.flat(i, j)) {
                        ++i;
                        continue;
                    }
                    Eigen::Index k = i;
                    while (k + 1 < n && pic.flat(k + 1, j)) ++k;
                    next.push_back({i, k, j});
                    i = k + 1;
                }
                for (const Run& r : open) {
                    auto same = std::find_if(next.begin(), next.end(), [&](const Run& q) { return q.i == r.i && q.k == r.k; });
                    if (same != next.end()) same->j0 = r.j0;  // goes on up
                    else emit(r, j - 1);
                }
                open.swap(next);
            }
            for (const core::ContourSegment& s : pic.flat_edge)
                dl->AddLine(plot::PlotToPixels(s.x0, s.y0), plot::PlotToPixels(s.x1, s.y1), IM_COL32(30, 30, 30, 230), 1.6f * unit);
        }
        for (const core::ContourSegment& s : map.contours) {
            const bool zero = map.levels[static_cast<size_t>(s.level)] == 0.0;
            dl->AddLine(plot::PlotToPixels(s.x0, s.y0), plot::PlotToPixels(s.x1, s.y1),
                        zero ? IM_COL32(20, 20, 20, 255) : IM_COL32(40, 40, 40, 150), (zero ? 2.2f : 1.0f) * unit);
        }
        area.top = plot::PlotToPixels(a0, b1).y;
        area.bottom = plot::PlotToPixels(a0, b0).y;
        if (!(flags & plot::PlotFlags_NoInputs) && plot::IsPlotHovered()) {
            const double a = plot::GetPlotMouseX(), b = plot::GetPlotMouseY();
            const core::Gate& gate = pic.gate;
            ImGui::BeginTooltip();
            ImGui::Text("a = %s, b = %s", plot::format_significant(a, 4).c_str(), plot::format_significant(b, 4).c_str());
            ImGui::Text("g = act(a)·b = %s", plot::format_significant(core::gated_g(gate, a, b)).c_str());
            ImGui::Text("∂g/∂a = act'(a)·b = %s", plot::format_significant(core::gated_dg_da(gate, a, b)).c_str());
            ImGui::Text("∂g/∂b = act(a) = %s", plot::format_significant(core::gated_dg_db(gate, a, b)).c_str());
            if (core::gated_flat(gate, a, b, pic.threshold))
                ImGui::TextUnformatted("flat here: both partials below the threshold");
            ImGui::EndTooltip();
        }
        plot::EndPlot();
    }
    // the colour bar: the map's range, its contour levels marked and labelled
    ImGui::SameLine(0, 0);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(bar_w, size.y));
    if (area.bottom <= area.top) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = at.x + 0.6f * fs, x1 = x0 + 0.9f * fs;
    const float top = area.top, bottom = area.bottom;
    // the bar spans the map's values, and 0 (white) whether or not they reach it
    double lo = std::min(map.lo, 0.0), hi = std::max(map.hi, 0.0);
    if (!(hi > lo)) lo = -1.0, hi = 1.0;
    auto y_of = [&](double v) { return static_cast<float>(bottom - (v - lo) / (hi - lo) * (bottom - top)); };
    constexpr int kSteps = 64;
    for (int k = 0; k < kSteps; ++k) {
        const double v0 = lo + (hi - lo) * k / kSteps, v1 = lo + (hi - lo) * (k + 1) / kSteps;
        dl->AddRectFilled(ImVec2(x0, y_of(v1)), ImVec2(x1, y_of(v0)), map_color(colour_coordinate(0.5 * (v0 + v1), map.scale)));
    }
    dl->AddRect(ImVec2(x0, top), ImVec2(x1, bottom), IM_COL32(90, 90, 90, 255));
    // the range the grid reaches, bracketed; the labels at the levels (every other one when crowded)
    for (double v : {map.lo, map.hi}) dl->AddLine(ImVec2(x0 - 0.3f * fs, y_of(v)), ImVec2(x0, y_of(v)), kInk, 2.0f);
    const float line_h = ImGui::GetTextLineHeight();
    for (const double level : map.levels)
        dl->AddLine(ImVec2(x0, y_of(level)), ImVec2(x1 + 0.25f * fs, y_of(level)),
                    level == 0.0 ? IM_COL32(20, 20, 20, 255) : IM_COL32(40, 40, 40, 200), level == 0.0 ? 2.0f : 1.0f);
    // every level's mark, and the labels that fit: 0 first, then outward, each a line clear of the others
    std::vector<double> order = map.levels;
    std::stable_sort(order.begin(), order.end(), [](double p, double q) { return std::fabs(p) < std::fabs(q); });
    std::vector<float> placed;
    for (const double level : order) {
        const float y = y_of(level);
        if (std::any_of(placed.begin(), placed.end(), [&](float p) { return std::fabs(p - y) < 1.05f * line_h; })) continue;
        placed.push_back(y);
        const std::string text = plot::format_significant(level, 3);
        dl->AddText(ImVec2(x1 + 0.35f * fs, y - 0.5f * line_h), kInk, text.c_str());
    }
    const ImVec2 name = ImGui::CalcTextSize(value_name);
    dl->AddText(ImVec2(std::max(at.x, x0 + 0.45f * fs - 0.5f * name.x), top - 1.3f * line_h), kInk, value_name);
}

}  // namespace

Eigen::ArrayXd gated_axis(double lo, double hi, int n, const std::vector<double>& points) {
    if (!points.empty()) return Eigen::Map<const Eigen::ArrayXd>(points.data(), static_cast<Eigen::Index>(points.size()));
    Eigen::ArrayXd x(n);
    for (int i = 0; i < n; ++i) x[i] = i + 1 == n ? hi : lo + (hi - lo) * i / (n - 1);  // both ends exactly
    return x;
}

GatedPictures compute_gated_pictures(const GatedView& view) {
    GatedPictures p;
    p.gate = view.gate_now();
    p.name = gated_unit_name(view);
    p.a = gated_axis(view.a_min, view.a_max, view.samples);
    p.b = gated_axis(view.b_min, view.b_max, view.samples);
    core::gated_surface(p.gate, p.a, p.b, &p.surface);
    p.flat = core::gated_flat(p.surface, p.threshold);
    p.flat_share = static_cast<double>(p.flat.count()) / static_cast<double>(p.flat.size());
    int ungated = 0;
    for (Eigen::Index i = 0; i < p.a.size(); ++i)
        if (std::fabs(core::ungated_derivative(p.gate, p.a[i])) < p.threshold) ++ungated;
    p.ungated_flat_share = static_cast<double>(ungated) / static_cast<double>(p.a.size());
    p.flat_edge = core::contour_segments(p.flat.cast<double>(), p.a, p.b, {0.5});
    p.g = make_map(p.surface.g, p.a, p.b);
    p.dg_da = make_map(p.surface.dg_da, p.a, p.b);
    p.dg_db = make_map(p.surface.dg_db, p.a, p.b);
    const int n = view.samples;
    p.field.n = n;
    p.field.layers = 3;
    p.field.values.resize(static_cast<size_t>(3) * n * n);
    const Eigen::ArrayXXd* layers[3] = {&p.surface.g, &p.surface.dg_da, &p.surface.dg_db};
    const double scales[3] = {p.g.scale, p.dg_da.scale, p.dg_db.scale};
    for (int k = 0; k < 3; ++k)
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i)
                p.field.values[static_cast<size_t>(k) * n * n + i + static_cast<size_t>(n) * j] =
                    static_cast<float>(colour_coordinate((*layers[k])(i, j), scales[k]));
    return p;
}

std::string gated_flat_caption(const GatedView& view, const GatedPictures& p) {
    const std::string t = plot::format_significant(p.threshold, 3);
    const core::Activation& act = core::activation(view.gate);
    std::string text = "Hatched: flat, where |∂g/∂a| and |∂g/∂b| are both below " + t + ": " + percent(p.flat_share) +
                       " of this square for " + p.name + ". The plain " + act.label + " unit act(a) is flat (|act'(a)| below " +
                       t + ") on " + percent(p.ungated_flat_share) + " of a from " + plot::format_significant(view.a_min, 4) +
                       " to " + plot::format_significant(view.a_max, 4) + ". ";
    if (p.flat_share + 0.02 < p.ungated_flat_share)
        text += "Gating leaves less flat: where act'(a) vanishes, ∂g/∂b = act(a) mostly does not, so the value path still "
                "carries gradient to b's weights.";
    else if (p.flat_share > 0.02 && std::fabs(p.flat_share - p.ungated_flat_share) <= 0.02)
        text += "Here the gate is flat just where the plain unit is: act(a) and act'(a) are both 0 there, so neither path "
                "passes gradient, as in a dead ReLU.";
    else if (p.flat_share <= 0.02)
        text += "Almost none of it is flat: act(a) and act'(a)·b are rarely near 0 together, so one path or the other "
                "carries gradient nearly everywhere.";
    else
        text += "The flat share of the square counts b too: near b = 0, ∂g/∂a is small whatever a is.";
    return text;
}

float gated_map_min_width() { return plot::kReadableWidth + kBarWidth + 0.5f; }

HeatmapStyle gated_map_style() {
    HeatmapStyle style;
    style.colors[0] = kOrange;
    style.colors[1] = kBlue;
    style.strength = kStrength;
    return style;
}

namespace {

// The least width of a map with its colour bar.
float map_min_width(float fs) { return kReadableMapWidth(fs) + kBarWidth * fs; }

// The plain unit act(a) and act'(a) over the map's range of a, for comparison.
void draw_ungated(const GatedView& view, const GatedPictures& pic, ImVec2 size, plot::PlotFlags flags) {
    const core::Activation& act = core::activation(view.gate);
    const std::string title = std::string("The plain unit: ") + act.label + " act(a) alone###ungated";
    if (!plot::BeginPlot(title.c_str(), size, flags)) return;
    plot::SetupAxes("a", "act(a), act'(a)");
    const Eigen::ArrayXd& a = pic.a;
    Eigen::ArrayXd f = pic.surface.dg_db.col(0), df(a.size());
    for (Eigen::Index i = 0; i < a.size(); ++i) df[i] = core::ungated_derivative(pic.gate, a[i]);
    const double lo = std::min({f.minCoeff(), df.minCoeff(), 0.0}), hi = std::max({f.maxCoeff(), df.maxCoeff(), 0.0});
    const double pad = 0.08 * std::max(hi - lo, 1e-9);
    plot::SetupAxesLimits({a[0], a[a.size() - 1], lo - pad, hi + 0.25 * (hi - lo) + pad}, plot::Cond_Always);
    plot::SetupLegend(plot::Location_NorthWest);
    plot::PlotHLine("##zero", 0.0, {IM_COL32(0, 0, 0, 90), 1.0f});
    plot::PlotLine("act(a)", a.data(), f.data(), static_cast<int>(a.size()), {kBlue, 2.6f});
    plot::PlotLine("act'(a)", a.data(), df.data(), static_cast<int>(a.size()), {kVermilion, 2.2f, plot::LineDash_Dashed});
    if (!(flags & plot::PlotFlags_NoInputs) && plot::IsPlotHovered()) {
        const double x = plot::GetPlotMouseX();
        ImGui::BeginTooltip();
        ImGui::Text("a = %s", plot::format_significant(x, 4).c_str());
        ImGui::Text("act(a) = %s", plot::format_significant(core::gated_dg_db(pic.gate, x, 1.0)).c_str());
        ImGui::Text("act'(a) = %s", plot::format_significant(core::ungated_derivative(pic.gate, x)).c_str());
        ImGui::EndTooltip();
    }
    plot::EndPlot();
}

std::string map_title(const GatedPictures& pic, const char* what, const char* id) {
    return pic.name + ": " + what + "###" + id;
}

}  // namespace

void draw_gated_surface(const GatedView& view, const GatedPictures& pic, const HeatmapTexture& texture,
                        HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags) {
    const float fs = ImGui::GetFontSize(), gap = ImGui::GetStyle().ItemSpacing.x;
    const std::string title = map_title(pic, "g(a, b) = act(a)·b, contours at round values", "glu-surface");
    if (!view.show_ungated) {
        // the map is about square: centred in the width it leaves
        const float w = std::max(kReadableMapWidth(fs), std::min(size.x - kBarWidth * fs, size.y - 0.6f * fs)) + kBarWidth * fs;
        if (w < size.x) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 0.5f * (size.x - w));
        draw_map(title.c_str(), "g", pic, pic.g, 0, false, texture, painter, size, flags);
        return;
    }
    if (size.x >= map_min_width(fs) + kReadableMapWidth(fs) + gap) {
        const float map_w = std::min({size.x - kReadableMapWidth(fs) - gap, 0.62f * size.x, size.y - 0.6f * fs + kBarWidth * fs});
        const float w = std::max(map_w, map_min_width(fs));
        draw_map(title.c_str(), "g", pic, pic.g, 0, false, texture, painter, ImVec2(w, size.y), flags);
        ImGui::SameLine();
        draw_ungated(view, pic, ImVec2(std::max(size.x - w - gap, kReadableMapWidth(fs)), size.y), flags);
    } else {
        // one above the other; taller than the room, the region scrolls and its scrollbar takes some width
        const float h = std::max(0.5f * (size.y - ImGui::GetStyle().ItemSpacing.y), kStackedMapHeight * fs);
        const float w = 2 * h + ImGui::GetStyle().ItemSpacing.y > size.y + 0.5f ? size.x - ImGui::GetStyle().ScrollbarSize : size.x;
        draw_map(title.c_str(), "g", pic, pic.g, 0, false, texture, painter, ImVec2(w, h), flags);
        draw_ungated(view, pic, ImVec2(w, h), flags);
    }
}

void draw_gated_gradient(const GatedView& view, const GatedPictures& pic, const HeatmapTexture& texture,
                         HeatmapPainter* painter, ImVec2 size, plot::PlotFlags flags) {
    const float fs = ImGui::GetFontSize();
    const ImVec2 gap = ImGui::GetStyle().ItemSpacing;
    const std::string caption = gated_flat_caption(view, pic);
    const float caption_h = ImGui::CalcTextSize(caption.c_str(), nullptr, false, size.x).y + gap.y;
    const float room = std::max(size.y - caption_h - gap.y, plot::kReadableHeight * fs);
    const std::string da = map_title(pic, "∂g/∂a = act'(a)·b", "glu-dg-da");
    const std::string db = map_title(pic, "∂g/∂b = act(a)", "glu-dg-db");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
    text_wrapped(caption.c_str());
    ImGui::PopTextWrapPos();
    if (size.x >= 2 * map_min_width(fs) + gap.x) {
        const float w = 0.5f * (size.x - gap.x);
        draw_map(da.c_str(), "∂g/∂a", pic, pic.dg_da, 1, true, texture, painter, ImVec2(w, room), flags);
        ImGui::SameLine();
        draw_map(db.c_str(), "∂g/∂b", pic, pic.dg_db, 2, true, texture, painter, ImVec2(w, room), flags);
    } else {
        const float h = std::max(0.5f * (room - gap.y), kStackedMapHeight * fs);
        const float w = caption_h + 2 * h + 2 * gap.y > size.y + 0.5f ? size.x - ImGui::GetStyle().ScrollbarSize : size.x;
        draw_map(da.c_str(), "∂g/∂a", pic, pic.dg_da, 1, true, texture, painter, ImVec2(w, h), flags);
        draw_map(db.c_str(), "∂g/∂b", pic, pic.dg_db, 2, true, texture, painter, ImVec2(w, h), flags);
    }
}

const char* gated_slice_variable(GatedSlice slice) {
    switch (slice) {
        case GatedSlice::Diagonal: return "x";
        case GatedSlice::FixedB: return "a";
        case GatedSlice::FixedA: return "b";
    }
    return "x";
}

namespace {

const char* slice_derivative_name(GatedSlice slice) {
    switch (slice) {
        case GatedSlice::Diagonal: return "dg/dx";
        case GatedSlice::FixedB: return "∂g/∂a";
        case GatedSlice::FixedA: return "∂g/∂b";
    }
    return "";
}

// g and the derivative along the slice at t.
void slice_point(const GatedView& view, const core::Gate& gate, double t, double* a, double* b, double* g, double* dg) {
    switch (view.slice) {
        case GatedSlice::Diagonal:
            *a = t, *b = t;
            // d/dx act(x)·x = act'(x)·x + act(x) = ∂g/∂a + ∂g/∂b at (x, x)
            *dg = core::gated_dg_da(gate, t, t) + core::gated_dg_db(gate, t, t);
            break;
        case GatedSlice::FixedB:
            *a = t, *b = view.slice_b;
            *dg = core::gated_dg_da(gate, *a, *b);
            break;
        case GatedSlice::FixedA:
            *a = view.slice_a, *b = t;
            *dg = core::gated_dg_db(gate, *a, *b);
            break;
    }
    *g = core::gated_g(gate, *a, *b);
}

}  // namespace

GatedSliceData gated_slice(const GatedView& view, bool exact_points) {
    const bool along_b = view.slice == GatedSlice::FixedA;
    const std::vector<double> none;
    const Eigen::ArrayXd t = along_b ? gated_axis(view.b_min, view.b_max, view.samples, exact_points ? view.b_points : none)
                                     : gated_axis(view.a_min, view.a_max, view.samples, exact_points ? view.a_points : none);
    GatedSliceData d;
    d.t = t;
    d.a.resize(t.size()), d.b.resize(t.size()), d.g.resize(t.size()), d.dg.resize(t.size());
    const core::Gate gate = view.gate_now();
    for (Eigen::Index i = 0; i < t.size(); ++i) slice_point(view, gate, t[i], &d.a[i], &d.b[i], &d.g[i], &d.dg[i]);
    return d;
}

bool draw_gated_slice(GatedView& view, ImVec2 size, plot::PlotFlags flags) {
    const GatedSliceData d = gated_slice(view, false);
    const std::string name = gated_unit_name(view);
    const char* v = gated_slice_variable(view.slice);
    const char* dname = slice_derivative_name(view.slice);
    std::string title;
    switch (view.slice) {
        case GatedSlice::Diagonal: title = name + " along b = a: g = act(x)·x and dg/dx"; break;
        case GatedSlice::FixedB: title = name + " along a at b = " + plot::format_significant(view.slice_b, 4) + ": g and ∂g/∂a"; break;
        case GatedSlice::FixedA:
            title = name + " along b at a = " + plot::format_significant(view.slice_a, 4) + ": a line of slope act(a) = " +
                    plot::format_significant(core::gated_dg_db(view.gate_now(), view.slice_a, 0.0), 4);
            break;
    }
    if (!plot::BeginPlot((title + "###glu-slice").c_str(), size, flags)) return false;
    plot::SetupAxes(v, "g and its derivative");
    const double lo = std::min({d.g.minCoeff(), d.dg.minCoeff(), 0.0}), hi = std::max({d.g.maxCoeff(), d.dg.maxCoeff(), 0.0});
    const double span = std::max(hi - lo, 1e-9);
    plot::SetupAxesLimits({d.t[0], d.t[d.t.size() - 1], lo - 0.06 * span, hi + 0.2 * span}, plot::Cond_Always);
    plot::SetupLegend(plot::Location_Best);
    plot::PlotHLine("##zero", 0.0, {IM_COL32(0, 0, 0, 90), 1.0f});
    const int n = static_cast<int>(d.t.size());
    plot::PlotLine("g", d.t.data(), d.g.data(), n, {kBlue, 3.0f});
    plot::PlotLine(dname, d.t.data(), d.dg.data(), n, {kVermilion, 2.4f, plot::LineDash_Dashed});
    bool moved = false;
    const core::Gate gate = view.gate_now();
    if (view.show_probe) {
        if (!(flags & plot::PlotFlags_NoInputs)) {
            moved = plot::DragLineX("probe", &view.probe, IM_COL32(90, 90, 90, 200));
            if (moved) {
                const plot::Limits lim = plot::GetPlotLimits();
                const double step = plot::nice_step((lim.x_max - lim.x_min) / 1000.0);
                view.probe = std::clamp(std::round(view.probe / step) * step, -kMaxGatedInput, kMaxGatedInput);
            }
        } else {
            plot::PlotVLine("##probe", view.probe, {IM_COL32(90, 90, 90, 200), 1.5f});
        }
        double a = 0, b = 0, g = 0, dg = 0;
        slice_point(view, gate, view.probe, &a, &b, &g, &dg);
        plot::PlotMarker(view.probe, g, kBlue);
        plot::PlotMarker(view.probe, dg, kVermilion, 3.5f);
        const std::string text = std::string(v) + " = " + plot::format_significant(view.probe, 4) + ": g = " +
                                 plot::format_significant(g, 4) + ", " + dname + " = " + plot::format_significant(dg, 4);
        const plot::Limits lim = plot::GetPlotLimits();
        const bool left = view.probe > 0.5 * (lim.x_min + lim.x_max);
        plot::PlotText(text.c_str(), view.probe, lim.y_max, kInk, ImVec2(left ? -6.0f : 6.0f, 4), ImVec2(left ? 1.0f : 0.0f, 0));
    }
    if (!(flags & plot::PlotFlags_NoInputs) && plot::IsPlotHovered()) {
        double a = 0, b = 0, g = 0, dg = 0;
        slice_point(view, gate, plot::GetPlotMouseX(), &a, &b, &g, &dg);
        ImGui::BeginTooltip();
        ImGui::Text("a = %s, b = %s", plot::format_significant(a, 4).c_str(), plot::format_significant(b, 4).c_str());
        ImGui::Text("g = %s", plot::format_significant(g).c_str());
        ImGui::Text("%s = %s", dname, plot::format_significant(dg).c_str());
        ImGui::EndTooltip();
    }
    plot::EndPlot();
    return moved;
}

namespace {

std::string csv_rows(const GatedView& view) {
    const Eigen::ArrayXd a = gated_axis(view.a_min, view.a_max, view.samples, view.a_points);
    const Eigen::ArrayXd b = gated_axis(view.b_min, view.b_max, view.samples, view.b_points);
    core::GatedSurface s;
    core::gated_surface(view.gate_now(), a, b, &s);
    std::string out = "a,b,g,dg_da,dg_db\n";
    out.reserve(out.size() + static_cast<size_t>(a.size() * b.size()) * 100);
    for (Eigen::Index j = 0; j < b.size(); ++j)
        for (Eigen::Index i = 0; i < a.size(); ++i)
            out += number_text(a[i]) + "," + number_text(b[j]) + "," + number_text(s.g(i, j)) + "," +
                   number_text(s.dg_da(i, j)) + "," + number_text(s.dg_db(i, j)) + "\n";
    return out;
}

}  // namespace

std::string gated_grid_csv(const GatedView& view) { return csv_rows(view); }

std::string gated_slice_csv(const GatedView& view) {
    const GatedSliceData d = gated_slice(view, true);
    std::string out;
    switch (view.slice) {
        case GatedSlice::Diagonal:
            out = "x,g,dg_dx\n";
            for (Eigen::Index i = 0; i < d.t.size(); ++i)
                out += number_text(d.t[i]) + "," + number_text(d.g[i]) + "," + number_text(d.dg[i]) + "\n";
            return out;
        case GatedSlice::FixedB: out = "a,b,g,dg_da\n"; break;
        case GatedSlice::FixedA: out = "a,b,g,dg_db\n"; break;
    }
    for (Eigen::Index i = 0; i < d.t.size(); ++i)
        out += number_text(d.a[i]) + "," + number_text(d.b[i]) + "," + number_text(d.g[i]) + "," + number_text(d.dg[i]) + "\n";
    return out;
}

const char* gated_plot_name(GatedPlot plot) {
    switch (plot) {
        case GatedPlot::Surface: return "Surface g(a, b)";
        case GatedPlot::Gradient: return "Gradients";
        case GatedPlot::Slice: return "Slice";
        case GatedPlot::Ffn: return "Feed-forward block";
    }
    return "";
}

std::string gated_file_stem(const GatedView& view, GatedPlot plot) {
    char range[160];
    std::snprintf(range, sizeof range, "_a%gto%g_b%gto%g", view.a_min, view.a_max, view.b_min, view.b_max);
    std::string gate = core::activation(view.gate).id;
    const core::Activation& act = core::activation(view.gate);
    for (int k = 0; k < act.param_count; ++k) {
        char p[64];
        std::snprintf(p, sizeof p, "-%s%g", act.params[k].name, view.params[static_cast<size_t>(view.gate)].v[k]);
        gate += p;
    }
    char buf[160];
    switch (plot) {
        case GatedPlot::Surface: return "glu-surface_" + gate + range;
        case GatedPlot::Gradient: return "glu-gradient_" + gate + range;
        case GatedPlot::Slice:
            if (view.slice == GatedSlice::Diagonal) return "glu-slice_" + gate + "_diagonal";
            std::snprintf(buf, sizeof buf, "_%s%g", view.slice == GatedSlice::FixedB ? "b" : "a",
                          view.slice == GatedSlice::FixedB ? view.slice_b : view.slice_a);
            return "glu-slice_" + gate + buf;
        case GatedPlot::Ffn:
            std::snprintf(buf, sizeof buf, "glu-ffn_d%lld_ff%lld_m%lld", static_cast<long long>(view.d_model),
                          static_cast<long long>(view.d_ff), static_cast<long long>(view.multiple));
            return buf;
    }
    return "glu";
}

Figure gated_export_figure(const GatedView& view, GatedPlot plot) {
    Figure figure;
    figure.stem = gated_file_stem(view, plot);
    figure.csv = [view, plot] {
        switch (plot) {
            case GatedPlot::Surface:
            case GatedPlot::Gradient: return gated_grid_csv(view);
            case GatedPlot::Slice: return gated_slice_csv(view);
            case GatedPlot::Ffn: return gated_ffn_csv(view);
        }
        return std::string();
    };
    // The pictures, texture and painter belong to the export: made when first drawn (a CSV needs none).
    auto pictures = std::make_shared<GatedPictures>();
    auto texture = std::make_shared<HeatmapTexture>();
    auto painter = std::make_shared<HeatmapPainter>();
    figure.draw = [view, plot, pictures, texture, painter](ImVec2 size) {
        const plot::PlotFlags flags = plot::PlotFlags_NoInputs;
        if ((plot == GatedPlot::Surface || plot == GatedPlot::Gradient) && texture->empty()) {
            *pictures = compute_gated_pictures(view);
            texture->upload(pictures->field);
        }
        painter->begin();
        GatedView copy = view;  // the slice takes a mutable view (for the probe); drawing moves nothing
        switch (plot) {
            case GatedPlot::Surface: draw_gated_surface(copy, *pictures, *texture, painter.get(), size, flags); break;
            case GatedPlot::Gradient: draw_gated_gradient(copy, *pictures, *texture, painter.get(), size, flags); break;
            case GatedPlot::Slice: draw_gated_slice(copy, size, flags); break;
            case GatedPlot::Ffn: draw_gated_ffn(copy, size, flags); break;
        }
    };
    return figure;
}

}  // namespace actlab::app
