// The plot widget's items: lines (solid, dashed, marked), bars, bands, reference lines, markers, text and
// draggable lines. Each starts by locking the setup (layout, input, grid) of the current plot.
#include "app/plot/plot_internal.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace actlab::plot {

using namespace detail;

namespace detail {

int dash_pattern(LineDash dash, const float** lengths) {
    static const float dashed[] = {7.0f, 4.5f};
    static const float long_dash[] = {16.0f, 6.0f};
    static const float dotted[] = {2.0f, 3.5f};
    static const float dash_dot[] = {13.0f, 4.0f, 2.5f, 4.0f};
    static const float dash_dot_dot[] = {10.0f, 3.5f, 2.5f, 3.5f, 2.5f, 3.5f};
    switch (dash) {
        case LineDash_Dashed: *lengths = dashed; return 2;
        case LineDash_Long: *lengths = long_dash; return 2;
        case LineDash_Dotted: *lengths = dotted; return 2;
        case LineDash_DashDot: *lengths = dash_dot; return 4;
        case LineDash_DashDotDot: *lengths = dash_dot_dot; return 6;
        default: *lengths = nullptr; return 0;
    }
}

void add_dashed_polyline(ImDrawList* dl, const ImVec2* points, int count, ImU32 color, float thickness, LineDash dash,
                         float scale, float start) {
    if (count < 2) return;
    const float* lengths = nullptr;
    const int n = dash_pattern(dash, &lengths);
    if (n == 0) {
        // One polyline is one primitive, which must fit 16-bit indices (about 4 vertices a point when
        // thick and anti-aliased): long runs go in pieces that share their end points.
        constexpr int kPiece = 4096;
        for (int start = 0; start + 1 < count; start += kPiece - 1)
            dl->AddPolyline(points + start, std::min(kPiece, count - start), color, 0, thickness);
        return;
    }
    // The pattern runs on across vertices: entry k of it (even: drawn, odd: a gap), `phase` into it.
    int k = 0;
    float phase = std::max(start, 0.0f);
    while (phase >= lengths[k] * scale) {
        phase -= lengths[k] * scale;
        k = (k + 1) % n;
    }
    // Each dash is one polyline through the samples it covers: one primitive with mitred joins, rather
    // than a capped line per sample overlapping the next.
    std::vector<ImVec2> piece;  // the dash being drawn
    auto end_dash = [&]() {
        if (piece.size() >= 2) dl->AddPolyline(piece.data(), static_cast<int>(piece.size()), color, 0, thickness);
        piece.clear();
    };
    if (k % 2 == 0) piece.push_back(points[0]);
    for (int i = 1; i < count; ++i) {
        ImVec2 a = points[i - 1];
        const ImVec2 b = points[i];
        float seg = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        while (seg > 0.0f) {
            const float length = lengths[k] * scale;
            const float step = std::min(length - phase, seg);
            const float t = step / seg;
            const ImVec2 m(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
            if (k % 2 == 0) piece.push_back(m);
            a = m;
            seg -= step;
            phase += step;
            if (phase >= length - 1e-3f) {
                phase = 0.0f;
                if (k % 2 == 0) end_dash();
                k = (k + 1) % n;
                if (k % 2 == 0) piece.push_back(a);
            }
        }
    }
    end_dash();
}

}  // namespace detail

void PlotLine(const char* label, const double* xs, const double* ys, int count, const LineStyle& style) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    add_legend(label, style.color, false, style.dashed, style.marker);
    const float thickness = style.weight * p.unit;
    // Split the polyline where a value is not finite (or not positive on a log axis).
    std::vector<ImVec2> run;
    run.reserve(static_cast<size_t>(count));
    auto usable = [&](double x, double y) {
        if (!std::isfinite(x) || !std::isfinite(y)) return false;
        if (p.scale[Axis_X] == Scale_Log10 && !(x > 0)) return false;
        if (p.scale[Axis_Y] == Scale_Log10 && !(y > 0)) return false;
        return true;
    };
    auto flush = [&]() {
        if (run.size() >= 2) {
            add_dashed_polyline(p.draw, run.data(), static_cast<int>(run.size()), style.color, thickness, style.dashed,
                                p.unit);
        }
        if (style.marker != Marker_None && run.size() >= 2) {
            // one mark every 4 font heights of line length
            const float spacing = 4.0f * ImGui::GetFontSize();
            float travelled = 0.5f * spacing;
            for (size_t i = 1; i < run.size(); ++i) {
                const float dx = run[i].x - run[i - 1].x, dy = run[i].y - run[i - 1].y;
                travelled += std::sqrt(dx * dx + dy * dy);
                if (travelled >= spacing) {
                    draw_marker(p.draw, style.marker, run[i], 0.25f * ImGui::GetFontSize(), style.color);
                    travelled = 0.0f;
                }
            }
        }
        run.clear();
    };
    for (int i = 0; i < count; ++i) {
        if (!usable(xs[i], ys[i])) {
            flush();
            continue;
        }
        const ImVec2 pt = to_pixels(p, xs[i], ys[i]);
        // the cells the line crosses, for the legend to keep off
        mark_segment(p, run.empty() ? pt : run.back(), pt);
        run.push_back(pt);
    }
    flush();
}

namespace {

// The pixel rectangle of a bar from the baseline (0, or the bottom of a log axis) to y.
ImRect bar_rect(const CurrentPlot& p, double x, double y, double width) {
    const double base = p.scale[Axis_Y] == Scale_Log10 ? p.state->view.y_min : 0.0;
    const ImVec2 a = to_pixels(p, x - 0.5 * width, base), b = to_pixels(p, x + 0.5 * width, y);
    return ImRect(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)), ImVec2(std::max(a.x, b.x), std::max(a.y, b.y)));
}

void draw_bar(CurrentPlot& p, const ImRect& r, const BarStyle& style) {
    p.draw->AddRectFilled(r.Min, r.Max, style.fill);
    if (style.outline) p.draw->AddRect(r.Min, r.Max, style.outline, 0.0f, 0, style.outline_weight * p.unit);
    mark_occupied(p, r, 4);  // the legend keeps off the bars
}

}  // namespace

void PlotBars(const char* label, const double* xs, const double* ys, int count, const BarStyle& style) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    add_legend(label, style.fill, true, false);
    for (int i = 0; i < count; ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
        if (p.scale[Axis_Y] == Scale_Log10 && !(ys[i] > 0)) continue;
        draw_bar(p, bar_rect(p, xs[i], ys[i], style.width), style);
    }
}

bool DragBarY(const char* id, double x, double* y, const BarStyle& style) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    bool changed = false, hovered = false, active = false;
    const ImRect column(ImVec2(bar_rect(p, x, 0, style.width).Min.x, p.area.Min.y),
                        ImVec2(bar_rect(p, x, 0, style.width).Max.x, p.area.Max.y));
    if (!(p.flags & PlotFlags_NoInputs) && column.GetWidth() >= 1.0f) {
        const ImVec2 backup = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(column.Min);
        ImGui::PushID(id);
        ImGui::InvisibleButton("##dragbar", column.GetSize());
        ImGui::PopID();
        hovered = ImGui::IsItemHovered();
        active = ImGui::IsItemActive();
        if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
        if (active) {
            const Limits& v = p.state->view;
            const double ny = std::clamp(p.ty.to_value(ImGui::GetIO().MousePos.y), v.y_min, v.y_max);
            if (ny != *y) {
                *y = ny;
                changed = true;
            }
            p.item_active = true;
        }
        ImGui::SetCursorScreenPos(backup);
    }
    if (hovered || active)  // the column lights up: "press here"
        p.draw->AddRectFilled(column.Min, column.Max, IM_COL32(0, 0, 0, 14));
    const ImRect r = bar_rect(p, x, *y, style.width);
    draw_bar(p, r, style);
    // a grip line at the bar's end says "drag me"
    const float grip_y = *y >= 0.0 ? r.Min.y : r.Max.y;
    p.draw->AddLine(ImVec2(r.Min.x, grip_y), ImVec2(r.Max.x, grip_y), IM_COL32(30, 30, 30, 255),
                    (hovered || active ? 4.0f : 2.5f) * p.unit);
    return changed;
}

void PlotVBand(const char* label, double x0, double x1, ImU32 color) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    add_legend(label, color, true, false);
    const float a = to_pixels(p, x0, 0).x, b = to_pixels(p, x1, 0).x;
    p.draw->AddRectFilled(ImVec2(std::min(a, b), p.area.Min.y), ImVec2(std::max(a, b), p.area.Max.y), color);
}

void PlotVLine(const char* label, double x, const LineStyle& style) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    add_legend(label, style.color, false, style.dashed);
    const double xs[2] = {x, x};
    const Limits& v = p.state->view;
    const double ys[2] = {v.y_min, v.y_max};
    PlotLine("##vline", xs, ys, 2, style);
}

void PlotHLine(const char* label, double y, const LineStyle& style) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    add_legend(label, style.color, false, style.dashed);
    const Limits& v = p.state->view;
    const double xs[2] = {v.x_min, v.x_max};
    const double ys[2] = {y, y};
    PlotLine("##hline", xs, ys, 2, style);
}

void PlotMarker(double x, double y, ImU32 color, float radius) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    const ImVec2 c = to_pixels(p, x, y);
    const float r = radius * p.unit;
    mark_occupied(p, ImRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r)), 1);
    p.draw->AddCircleFilled(c, radius * p.unit, IM_COL32(255, 255, 255, 255));
    p.draw->AddCircle(c, radius * p.unit, color, 0, 2.0f * p.unit);
}

ImDrawList* GetPlotDrawList() {
    lock_setup();
    return ctx().current.draw;
}

float GetPlotUnit() {
    lock_setup();
    return ctx().current.unit;
}

void PlotText(const char* text, double x, double y, ImU32 color, ImVec2 pixel_offset, ImVec2 pivot) {
    TextStyle style;
    style.color = color;
    PlotText(text, x, y, style, pixel_offset, pivot);
}

void PlotText(const char* text, double x, double y, const TextStyle& style, ImVec2 pixel_offset, ImVec2 pivot) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    const ImVec2 c = to_pixels(p, x, y);
    const float fs = ImGui::GetFontSize();
    ImFont* font = style.font ? style.font : ImGui::GetFont();
    const float inset = 0.2f * fs;
    const float pad = style.backdrop ? 0.25f * fs : 0.0f;  // the backdrop's margin around the text
    float room = p.area.GetWidth() - 2 * inset;
    if (style.max_width > 0) room = std::min(room, style.max_width);
    room = std::max(room - 2 * pad, 1.0f);
    // Text larger than the body text gives way first: to the area's width, and to a quarter of its
    // height (a headline must leave the plot room), never below the body text; then it wraps.
    float size = style.size > 0 ? style.size : fs;
    if (size > fs) {
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text).x;
        if (w > room) size = 0.98f * size * room / w;  // a little less than exact, so rounding never wraps it
        size = std::max(fs, std::min(size, p.area.GetHeight() / 4.0f));
    }
    const auto measure = [&](const std::string& s) { return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.c_str()).x; };
    const std::vector<std::string> lines = wrap_text(text, room, measure);
    float width = 0.0f;
    for (const std::string& l : lines) width = std::max(width, measure(l));
    const ImVec2 sz(width + 2 * pad, size * lines.size() + 2 * pad);
    ImVec2 at(c.x + pixel_offset.x * p.unit - sz.x * pivot.x, c.y + pixel_offset.y * p.unit - sz.y * pivot.y);
    // A text of a point in view stays in the data area, shifted in from an edge it would run past
    // (one of a point panned out of view goes with it).
    ImRect inner(p.area.Min, p.area.Max);
    inner.Expand(1.0f);
    const bool in_view = inner.Contains(c);
    if (in_view) {
        const float x0 = p.area.Min.x + inset, x1 = p.area.Max.x - inset - sz.x;
        const float y0 = p.area.Min.y + inset, y1 = p.area.Max.y - inset - sz.y;
        if (x1 >= x0) at.x = std::clamp(at.x, x0, x1);
        if (y1 >= y0) at.y = std::clamp(at.y, y0, y1);
    }
    // No text is drawn over another: the same text where it already stands is drawn once, and a
    // text in another's way moves up or down, as little as it can, inside the data area.
    const TextBox want{at.x, at.y, at.x + sz.x, at.y + sz.y};
    for (size_t i = 0; i < p.texts.size(); ++i)
        if (p.texts[i] == text && boxes_overlap(p.text_boxes[i], want)) return;
    const TextBox b = place_label(want, p.text_boxes, p.area.Min.y, p.area.Max.y, 0.15f * fs);
    // too large for the area, or no room left in it: part of it would be cut off, so its shorter form
    // goes there instead, or the report says so
    if (in_view && !inner.Contains(ImRect(b.x0, b.y0, b.x1, b.y1)) && style.shorter && *style.shorter) {
        TextStyle instead = style;
        instead.shorter = nullptr;
        PlotText(style.shorter, x, y, instead, pixel_offset, pivot);
        return;
    }
    if (in_view && !inner.Contains(ImRect(b.x0, b.y0, b.x1, b.y1))) {
        ++p.report.texts_outside;
        p.report.texts_cut.emplace_back(text);
    }
    p.texts.emplace_back(text);
    p.text_boxes.push_back(b);
    if (style.backdrop) p.draw->AddRectFilled(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), style.backdrop, pad);
    for (size_t i = 0; i < lines.size(); ++i) {
        const float indent = (width - measure(lines[i])) * pivot.x;  // lines aligned as the pivot says
        p.draw->AddText(font, size, ImVec2(b.x0 + pad + indent, b.y0 + pad + size * i), style.color, lines[i].c_str());
    }
    mark_occupied(p, ImRect(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1)), 1000);  // the legend keeps off text
}

const std::vector<TextBox>& GetLastPlotTextBoxes() { return ctx().current.text_boxes; }

bool DragLineX(const char* id, double* x, ImU32 color, float weight) {
    lock_setup();
    CurrentPlot& p = ctx().current;
    const float px = to_pixels(p, *x, 0).x;
    bool changed = false;
    bool active = false, hovered = false;
    if (!(p.flags & PlotFlags_NoInputs)) {
        const float grab = 0.45f * ImGui::GetFontSize();
        const ImVec2 backup = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(px - grab, p.area.Min.y));
        ImGui::PushID(id);
        ImGui::InvisibleButton("##dragline", ImVec2(2 * grab, p.area.GetHeight()));
        ImGui::PopID();
        hovered = ImGui::IsItemHovered();
        active = ImGui::IsItemActive();
        if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
            const Limits& v = p.state->view;
            const double nx = std::clamp(p.tx.to_value(ImGui::GetIO().MousePos.x), v.x_min, v.x_max);
            if (nx != *x) {
                *x = nx;
                changed = true;
            }
        }
        ImGui::SetCursorScreenPos(backup);
        if (active) p.item_active = true;
    }
    const float w = (hovered || active ? weight * 1.8f : weight) * p.unit;
    const float nx = to_pixels(p, *x, 0).x;
    mark_segment(p, ImVec2(nx, p.area.Min.y), ImVec2(nx, p.area.Max.y));
    p.draw->AddLine(ImVec2(nx, p.area.Min.y), ImVec2(nx, p.area.Max.y), color, w);
    // a small handle at the top says "drag me"
    const float h = 0.35f * ImGui::GetFontSize();
    p.draw->AddTriangleFilled(ImVec2(nx - h, p.area.Min.y), ImVec2(nx + h, p.area.Min.y), ImVec2(nx, p.area.Min.y + h * 1.4f),
                              color);
    return changed;
}

}  // namespace actlab::plot
