// The plot widget: contexts, BeginPlot and the setup, layout and input, EndPlot.
// The items (lines, bands, markers) are in plot_items.cpp; the legend in plot_legend.cpp; mapping,
// pan/zoom arithmetic and ticks in plot_math.cpp.
#include "app/plot/plot_internal.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace actlab::plot {

namespace {
Context* g_context = nullptr;  // the current context, as ImGui's GImGui
}  // namespace

namespace detail {

Context& ctx() {
    IM_ASSERT(g_context && "no current plot context: call plot::CreateContext()");
    return *g_context;
}

const char* label_end(const char* label) {
    const char* hidden = std::strstr(label, "##");
    return hidden ? hidden : label + std::strlen(label);
}

void add_legend(const char* label, ImU32 color, bool band, LineDash dashed, Marker marker) {
    CurrentPlot& p = ctx().current;
    const char* end = label_end(label);
    if (end == label) return;
    const std::string text(label, end);
    for (const LegendEntry& e : p.legend)
        if (e.label == text) return;
    p.legend.push_back({text, color, band, dashed, marker});
}

// A marker centred at c with "radius" r.
void draw_marker(ImDrawList* dl, Marker m, ImVec2 c, float r, ImU32 color) {
    switch (m) {
        case Marker_Square: dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), color); break;
        case Marker_Triangle:
            dl->AddTriangleFilled(ImVec2(c.x, c.y - 1.2f * r), ImVec2(c.x + 1.1f * r, c.y + 0.8f * r),
                                  ImVec2(c.x - 1.1f * r, c.y + 0.8f * r), color);
            break;
        case Marker_Diamond:
            dl->AddQuadFilled(ImVec2(c.x, c.y - 1.3f * r), ImVec2(c.x + 1.3f * r, c.y), ImVec2(c.x, c.y + 1.3f * r),
                              ImVec2(c.x - 1.3f * r, c.y), color);
            break;
        case Marker_None: break;
    }
}

// Pixel coordinates far outside the area are pulled in so float maths stays sane; the clip rect
// hides the rest.
ImVec2 to_pixels(const CurrentPlot& p, double x, double y) {
    const float limit = 1e5f;
    auto clampf = [limit](double v) { return static_cast<float>(std::clamp(v, -1.0 * limit, 1.0 * limit)); };
    return ImVec2(clampf(p.tx.to_pixel(x)), clampf(p.ty.to_pixel(y)));
}

void mark_occupied(CurrentPlot& p, const ImRect& r, int weight) {
    Occupancy& o = p.occupancy;
    if (o.count.empty()) o.cells = kGrid, o.count.assign(kGrid * kGrid, 0);
    if (r.Max.x < p.area.Min.x || r.Min.x > p.area.Max.x || r.Max.y < p.area.Min.y || r.Min.y > p.area.Max.y) return;
    const float cw = p.area.GetWidth() / kGrid, ch = p.area.GetHeight() / kGrid;
    const int gx0 = std::clamp(static_cast<int>((r.Min.x - p.area.Min.x) / cw), 0, kGrid - 1);
    const int gx1 = std::clamp(static_cast<int>((r.Max.x - p.area.Min.x) / cw), 0, kGrid - 1);
    const int gy0 = std::clamp(static_cast<int>((r.Min.y - p.area.Min.y) / ch), 0, kGrid - 1);
    const int gy1 = std::clamp(static_cast<int>((r.Max.y - p.area.Min.y) / ch), 0, kGrid - 1);
    for (int gy = gy0; gy <= gy1; ++gy)
        for (int gx = gx0; gx <= gx1; ++gx) o.count[gy * kGrid + gx] += weight;
}

void mark_segment(CurrentPlot& p, ImVec2 a, ImVec2 b) {
    Occupancy& o = p.occupancy;
    if (o.count.empty()) o.cells = kGrid, o.count.assign(kGrid * kGrid, 0);
    const float cw = p.area.GetWidth() / kGrid, ch = p.area.GetHeight() / kGrid;
    if (!(cw > 0 && ch > 0)) return;
    // steps of under half a cell, so no cell the segment crosses is skipped; a cell once per segment
    const float dx = b.x - a.x, dy = b.y - a.y;
    const int steps = std::min(4 * kGrid, 1 + static_cast<int>(std::max(std::fabs(dx) / cw, std::fabs(dy) / ch) * 2.0f));
    int last = -1;
    for (int i = 0; i <= steps; ++i) {
        const float t = static_cast<float>(i) / steps;
        const float x = a.x + dx * t, y = a.y + dy * t;
        if (x < p.area.Min.x || x > p.area.Max.x || y < p.area.Min.y || y > p.area.Max.y) continue;
        const int gx = std::min(kGrid - 1, static_cast<int>((x - p.area.Min.x) / cw));
        const int gy = std::min(kGrid - 1, static_cast<int>((y - p.area.Min.y) / ch));
        const int cell = gy * kGrid + gx;
        if (cell != last) ++o.count[cell];
        last = cell;
    }
}

namespace {

void set_transforms(CurrentPlot& p) {
    const Limits& v = p.state->view;
    p.tx = {v.x_min, v.x_max, p.area.Min.x, p.area.Max.x, p.scale[Axis_X] == Scale_Log10};
    p.ty = {v.y_min, v.y_max, p.area.Max.y, p.area.Min.y, p.scale[Axis_Y] == Scale_Log10};
}

std::vector<Tick> ticks_for(const CurrentPlot& p, Axis axis, float pixels) {
    if (!p.custom_ticks[axis].empty()) return p.custom_ticks[axis];
    const Limits& v = p.state->view;
    const double lo = axis == Axis_X ? v.x_min : v.y_min;
    const double hi = axis == Axis_X ? v.x_max : v.y_max;
    const float spacing = ImGui::GetFontSize() * (axis == Axis_X ? 5.5f : 3.0f);
    // 1 when there is room for fewer than two labels: linear axes then do not insist on three
    const int target = std::max(1, static_cast<int>(pixels / spacing));
    return p.scale[axis] == Scale_Log10 ? log_ticks(lo, hi, target) : linear_ticks(lo, hi, target);
}

// Text rotated 90° counter-clockwise, its centre at `centre` (ImGui 1.86 has no rotated text, so
// the glyph quads are rotated after they are added).
void add_vertical_text(ImDrawList* dl, ImFont* font, float size, ImVec2 centre, ImU32 color, const char* text) {
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
    const int first = dl->VtxBuffer.Size;
    // AddText drops glyphs outside the clip rect before we rotate them, so lay them out unclipped;
    // their draw command then gets the clip rect in force back (a plot scrolled half out of its window
    // must not draw its label over what is above it).
    const ImVec4 clip(dl->GetClipRectMin().x, dl->GetClipRectMin().y, dl->GetClipRectMax().x, dl->GetClipRectMax().y);
    dl->PushClipRect(ImVec2(-1e5f, -1e5f), ImVec2(1e5f, 1e5f), false);
    dl->AddText(font, size, ImVec2(centre.x - extent.x * 0.5f, centre.y - extent.y * 0.5f), color, text);
    dl->CmdBuffer.back().ClipRect = clip;
    dl->PopClipRect();
    for (int i = first; i < dl->VtxBuffer.Size; ++i) {
        ImVec2& pos = dl->VtxBuffer[i].pos;
        const ImVec2 d(pos.x - centre.x, pos.y - centre.y);
        pos = ImVec2(centre.x + d.y, centre.y - d.x);
    }
}

// `text` broken at spaces into lines no wider than `width` at font size `size` (wrap_text: never inside
// a number, as ImGui's own wrapping breaks "0.03" after its point); a word wider than the width gets a
// line of its own, broken where it must be.
std::vector<std::string> wrap_lines(ImFont* font, float size, const std::string& text, float width) {
    const auto measure = [&](const std::string& s) { return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.c_str()).x; };
    std::vector<std::string> lines;
    const float scale = size / font->FontSize;
    for (const std::string& whole : wrap_text(text, width, measure)) {
        if (measure(whole) <= width) {
            lines.push_back(whole);
            continue;
        }
        const char* at = whole.c_str();
        const char* end = at + whole.size();
        while (at < end) {
            const char* cut = font->CalcWordWrapPositionA(scale, at, end, std::max(width, 1.0f));
            if (cut == at) {  // not even one character fits: one whole UTF-8 character a line
                cut = at + 1;
                while (cut < end && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) ++cut;
            }
            lines.emplace_back(at, cut);
            at = cut;
        }
    }
    if (lines.empty()) lines.emplace_back();
    return lines;
}

// A title or an axis label in lines that fit `width`: the first of `tries` (scales of `size`, and
// lines) that holds it (plot_layout.h).
TextLines fit_label(ImFont* font, float size, const std::string& text, float width, const std::vector<LineFit>& tries) {
    return fit_lines([&](float scale) { return wrap_lines(font, size * scale, text, width); }, tries);
}

}  // namespace

// Layout, input and the grid: everything that must happen once the setup is known and before the
// first item is drawn.
void lock_setup() {
    Context& c = ctx();
    CurrentPlot& p = c.current;
    if (p.locked) return;
    p.locked = true;
    PlotState& st = *p.state;

    if (p.has_request) {
        st.home = p.requested;
        sanitise_range(&st.home.x_min, &st.home.x_max, p.scale[Axis_X] == Scale_Log10);
        sanitise_range(&st.home.y_min, &st.home.y_max, p.scale[Axis_Y] == Scale_Log10);
        if (!st.initialised || p.request_cond == Cond_Always) st.view = st.home;
        st.initialised = true;
    } else if (!st.initialised) {
        st.home = st.view = Limits{};
        st.initialised = true;
    }

    // Layout: title on top, y label and tick labels on the left, x tick labels and label below; the
    // legend inside, or beside or below the data when no corner is free.
    const float fs = ImGui::GetFontSize();
    const float pad = 0.6f * fs;
    ImRect area(p.frame.Min.x + pad, p.frame.Min.y + pad, p.frame.Max.x - pad, p.frame.Max.y - pad);
    ImFont* title_font = c.style.title_font ? c.style.title_font : ImGui::GetFont();
    ImFont* font = ImGui::GetFont();
    TextLines title;  // wrapped to the frame's width, shrunk towards the body text when it still does not fit
    if (!(p.flags & PlotFlags_NoTitle) && !p.title.empty()) {
        // One line, a little smaller if that is enough; else two lines (only where the data keeps
        // most of the height), at full size and then as large as the body text; else as many lines
        // of body text as it takes.
        const bool tall = p.frame.GetHeight() > 11.0f * fs;
        const float body = fs / title_font->FontSize;
        const float smaller = std::max(body, 0.9f);
        title = fit_label(title_font, title_font->FontSize, p.title, p.frame.GetWidth() - 2 * pad,
                          tall ? std::vector<LineFit>{{1.0f, 1}, {smaller, 1}, {1.0f, 2}, {body, 2}, {body, 3}}
                               : std::vector<LineFit>{{1.0f, 1}, {smaller, 1}, {body, 1}, {body, 2}});
        area.Min.y += title_font->FontSize * title.scale * title.lines.size() + 0.5f * fs;
    }
    area.Max.y -= fs + 0.35f * fs;  // x tick labels
    TextLines x_label;
    if (!p.x_label.empty()) {
        x_label = fit_label(font, fs, p.x_label, p.frame.GetWidth() - 2 * pad, {{1.0f, 1}, {0.85f, 1}, {0.85f, 2}});
        area.Max.y -= fs * x_label.scale * x_label.lines.size() + 0.2f * fs;
    }
    // The left and right edges for the area's height: the y label along it, the y tick labels, and
    // room for the last x tick label to stick out past the area by half its width.
    TextLines y_label;
    auto sides = [&](ImRect a) {
        if (!p.y_label.empty()) {
            y_label = fit_label(font, fs, p.y_label, a.GetHeight() + 1.0f * fs, {{1.0f, 1}, {0.85f, 1}, {0.85f, 2}});
            a.Min.x += fs * y_label.scale * y_label.lines.size() + 0.35f * fs;
        }
        p.area = a;
        set_transforms(p);
        float widest = 0.0f;
        for (const Tick& t : ticks_for(p, Axis_Y, a.GetHeight()))
            if (t.major) widest = std::max(widest, ImGui::CalcTextSize(t.label.c_str()).x);
        a.Min.x += widest + 0.4f * fs;
        if (c.aligned) {  // lined up with the other plots of its group: the widest left margin among them
            const float left = a.Min.x - p.frame.Min.x;
            c.aligned->widest_now = std::max(c.aligned->widest_now, left);
            a.Min.x = p.frame.Min.x + std::max(c.aligned->widest_now, c.aligned->widest_before);
        }
        p.area = a;
        set_transforms(p);
        float last = 0.0f;
        for (const Tick& t : ticks_for(p, Axis_X, a.GetWidth()))
            if (t.major) last = ImGui::CalcTextSize(t.label.c_str()).x;
        a.Max.x -= std::max(0.4f * fs, 0.5f * last + 0.1f * fs - pad);
        a.Max.x = std::max(a.Max.x, a.Min.x + 10.0f);
        a.Max.y = std::max(a.Max.y, a.Min.y + 10.0f);
        return a;
    };
    area = sides(area);
    p.full_area = {area.Min.x, area.Min.y, area.Max.x, area.Max.y};
    // Room beside or below the data for last frame's legend, when no corner of the data was free.
    // While the view is dragged the legend stays where it was, so it does not jump about.
    p.legend_layout = LegendLayout{};
    if (!(p.flags & PlotFlags_NoLegend) && !st.legend.empty()) {
        const bool outside = st.legend_place == LegendPlace::Right || st.legend_place == LegendPlace::Below;
        LegendLayout l;
        if (st.dragged && !outside) {
            l.place = LegendPlace::Inside;
        } else if (st.dragged) {  // outside it stays: as if every corner were taken
            Occupancy taken = st.occupancy;
            taken.cells = kGrid;
            taken.count.assign(kGrid * kGrid, 1);
            l = layout_legend(legend_request(p, st.legend, p.full_area, taken, outside));
        } else {
            l = layout_legend(legend_request(p, st.legend, p.full_area, st.occupancy, outside));
        }
        if (l.place == LegendPlace::Right || l.place == LegendPlace::Below) {
            p.legend_layout = l;
            if (l.place == LegendPlace::Below) area.Max.y = std::max(area.Min.y + 10.0f, l.area.y1);
            area = sides(ImRect(p.frame.Min.x + pad, area.Min.y, p.frame.Max.x - pad, area.Max.y));
            if (l.place == LegendPlace::Right) area.Max.x = std::max(area.Min.x + 10.0f, std::min(area.Max.x, l.area.x1));
        }
    }
    p.area = area;
    p.report.title_lines = title.lines;
    p.report.title_scale = title.scale;

    // Input: an invisible button over the whole frame takes hover and drags; drag lines drawn later
    // may overlap it.
    st.dragged = false;
    if (!(p.flags & PlotFlags_NoInputs)) {
        ImGui::SetCursorScreenPos(p.frame.Min);
        ImGui::InvisibleButton("##plot", p.frame.GetSize(),
                               ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
        ImGui::SetItemAllowOverlap();
        ImGui::SetItemUsingMouseWheel();
        const bool frame_hovered = ImGui::IsItemHovered();
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        p.hovered = frame_hovered && area.Contains(mouse);
        const bool pans = !(p.flags & PlotFlags_NoPan);
        p.held = ImGui::IsItemActive() && pans;
        set_transforms(p);

        if (pans && ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
            const ImVec2 d = ImGui::GetIO().MouseDelta;
            pan_range(&st.view.x_min, &st.view.x_max, p.scale[Axis_X] == Scale_Log10, d.x, p.tx);
            pan_range(&st.view.y_min, &st.view.y_max, p.scale[Axis_Y] == Scale_Log10, d.y, p.ty);
        }
        st.dragged = ImGui::IsItemActive() && pans;
        const float wheel = ImGui::GetIO().MouseWheel;
        if (frame_hovered && wheel != 0.0f) {
            const double factor = std::pow(1.15, -static_cast<double>(wheel));
            const bool over_x_axis = mouse.y > area.Max.y && mouse.x >= area.Min.x;
            const bool over_y_axis = mouse.x < area.Min.x && mouse.y <= area.Max.y;
            if (!over_y_axis)
                zoom_range(&st.view.x_min, &st.view.x_max, p.scale[Axis_X] == Scale_Log10, p.tx.to_value(mouse.x), factor);
            if (!over_x_axis)
                zoom_range(&st.view.y_min, &st.view.y_max, p.scale[Axis_Y] == Scale_Log10, p.ty.to_value(mouse.y), factor);
        }
        if (pans && frame_hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) st.view = st.home;
        if (pans && ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    }
    set_transforms(p);

    // Background, grid and axes.
    ImDrawList* dl = p.draw;
    // Each pixel painted once: an opaque area hides the frame under it, so the frame is drawn as the
    // four strips around the area (shared edges, so no pixel is missed or painted twice).
    const bool opaque_area = (c.style.area_bg & IM_COL32_A_MASK) == IM_COL32_A_MASK;
    if (c.style.frame_bg == c.style.area_bg && opaque_area) {
        dl->AddRectFilled(p.frame.Min, p.frame.Max, c.style.frame_bg);
    } else if (opaque_area && p.frame.Contains(area)) {
        if (c.style.frame_bg & IM_COL32_A_MASK) {
            const ImVec2 f0 = p.frame.Min, f1 = p.frame.Max, a0 = area.Min, a1 = area.Max;
            dl->AddRectFilled(f0, ImVec2(f1.x, a0.y), c.style.frame_bg);
            dl->AddRectFilled(ImVec2(f0.x, a1.y), f1, c.style.frame_bg);
            dl->AddRectFilled(ImVec2(f0.x, a0.y), ImVec2(a0.x, a1.y), c.style.frame_bg);
            dl->AddRectFilled(ImVec2(a1.x, a0.y), ImVec2(f1.x, a1.y), c.style.frame_bg);
        }
        dl->AddRectFilled(area.Min, area.Max, c.style.area_bg);
    } else {
        dl->AddRectFilled(p.frame.Min, p.frame.Max, c.style.frame_bg);
        dl->AddRectFilled(area.Min, area.Max, c.style.area_bg);
    }
    const std::vector<Tick> xt = ticks_for(p, Axis_X, area.GetWidth());
    const std::vector<Tick> yt = ticks_for(p, Axis_Y, area.GetHeight());
    const float u = p.unit;
    // Labels of the x ticks that would run into each other (many named ticks, large text): every
    // second one, or every third, ..., so those shown stay apart.
    int every = 1;
    for (;; ++every) {
        float right = -FLT_MAX;
        bool apart = true;
        int shown = 0;
        for (const Tick& t : xt) {
            if (!t.major) continue;
            if (shown++ % every) continue;
            const float x = static_cast<float>(p.tx.to_pixel(t.value));
            const float w = ImGui::CalcTextSize(t.label.c_str()).x;
            if (x - 0.5f * w < right + 0.5f * fs) apart = false;
            right = x + 0.5f * w;
        }
        if (apart || every >= shown) break;
    }
    int major = 0;
    for (const Tick& t : xt) {
        const float x = IM_ROUND(static_cast<float>(p.tx.to_pixel(t.value)));
        dl->AddLine(ImVec2(x, area.Min.y), ImVec2(x, area.Max.y), t.major ? c.style.grid_major : c.style.grid_minor, u);
        if (t.major && major++ % every == 0) {
            const ImVec2 sz = ImGui::CalcTextSize(t.label.c_str());
            dl->AddText(ImVec2(x - sz.x * 0.5f, area.Max.y + 0.3f * fs), c.style.text, t.label.c_str());
        }
    }
    for (const Tick& t : yt) {
        const float y = IM_ROUND(static_cast<float>(p.ty.to_pixel(t.value)));
        dl->AddLine(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y), t.major ? c.style.grid_major : c.style.grid_minor, u);
        if (t.major) {
            const ImVec2 sz = ImGui::CalcTextSize(t.label.c_str());
            dl->AddText(ImVec2(area.Min.x - sz.x - 0.4f * fs, y - sz.y * 0.5f), c.style.text, t.label.c_str());
        }
    }
    dl->AddRect(area.Min, area.Max, c.style.axis, 0.0f, 0, u);

    // Title and axis labels, centred over the data, but never starting left of the frame or ending
    // right of it.
    auto centred_x = [&](float width) {
        return std::clamp(0.5f * (area.Min.x + area.Max.x) - width * 0.5f, p.frame.Min.x + pad,
                          std::max(p.frame.Min.x + pad, p.frame.Max.x - pad - width));
    };
    const float title_size = title_font->FontSize * title.scale;
    for (size_t i = 0; i < title.lines.size(); ++i) {
        const ImVec2 sz = title_font->CalcTextSizeA(title_size, FLT_MAX, 0.0f, title.lines[i].c_str());
        dl->AddText(title_font, title_size, ImVec2(centred_x(sz.x), p.frame.Min.y + pad + title_size * i), c.style.text,
                    title.lines[i].c_str());
    }
    const float x_size = fs * x_label.scale;
    for (size_t i = 0; i < x_label.lines.size(); ++i) {
        const ImVec2 sz = font->CalcTextSizeA(x_size, FLT_MAX, 0.0f, x_label.lines[i].c_str());
        dl->AddText(font, x_size, ImVec2(centred_x(sz.x), area.Max.y + 1.5f * fs + x_size * i), c.style.text,
                    x_label.lines[i].c_str());
    }
    // along the data area's height, one column of text a line, first line leftmost
    const float y_size = fs * y_label.scale;
    for (size_t i = 0; i < y_label.lines.size(); ++i)
        add_vertical_text(dl, font, y_size,
                          ImVec2(p.frame.Min.x + pad + y_size * (i + 0.5f), 0.5f * (area.Min.y + area.Max.y)), c.style.text,
                          y_label.lines[i].c_str());

    dl->PushClipRect(area.Min, area.Max, true);
}

}  // namespace detail

using namespace detail;

namespace {

// Keeps the newest three quarters of kMaxPlotStates, by the frame each was last drawn.
void forget_oldest_plots(Context& c) {
    std::vector<int> frames;
    frames.reserve(c.plots.size());
    for (const auto& [id, state] : c.plots) frames.push_back(state.last_frame);
    const size_t keep = kMaxPlotStates * 3 / 4;
    std::nth_element(frames.begin(), frames.end() - static_cast<std::ptrdiff_t>(keep), frames.end());
    const int oldest_kept = *(frames.end() - static_cast<std::ptrdiff_t>(keep));
    for (auto it = c.plots.begin(); it != c.plots.end();) it = it->second.last_frame < oldest_kept ? c.plots.erase(it) : std::next(it);
}

}  // namespace

Context* CreateContext() {
    Context* context = new Context();
    if (!g_context) g_context = context;
    return context;
}

void DestroyContext(Context* context) {
    if (g_context == context) g_context = nullptr;
    delete context;
}

void SetCurrentContext(Context* context) { g_context = context; }

Context* GetCurrentContext() { return g_context; }

Style& GetStyle() { return ctx().style; }

void SetPlotRecorder(std::vector<PlotReport>* recorder) { ctx().recorder = recorder; }

void BeginAlignedPlots(const char* group_id) {
    Context& c = ctx();
    IM_ASSERT(!c.aligned && "BeginAlignedPlots without EndAlignedPlots");
    c.aligned = &c.aligned_groups[ImGui::GetID(group_id)];
    c.aligned->widest_now = 0.0f;
}

void EndAlignedPlots() {
    Context& c = ctx();
    IM_ASSERT(c.aligned && "EndAlignedPlots without BeginAlignedPlots");
    c.aligned->widest_before = c.aligned->widest_now;
    c.aligned = nullptr;
}

bool BeginPlot(const char* title_id, const ImVec2& size, PlotFlags flags) {
    Context& c = ctx();
    IM_ASSERT(!c.in_plot && "BeginPlot without EndPlot");
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const ImGuiID id = window->GetID(title_id);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 sz(size.x > 0 ? size.x : std::max(avail.x, 100.0f), size.y > 0 ? size.y : std::max(avail.y, 100.0f));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect frame(pos, ImVec2(pos.x + sz.x, pos.y + sz.y));
    if (!ImGui::IsRectVisible(frame.Min, frame.Max)) {
        ImGui::Dummy(sz);  // clipped away: keep the layout, skip the work
        return false;
    }

    CurrentPlot& p = c.current;
    p = CurrentPlot{};
    p.id = id;
    ImGui::PushOverrideID(id);  // the widget's own items get IDs unique to this plot
    if (c.plots.size() >= kMaxPlotStates && !c.plots.count(id)) forget_oldest_plots(c);
    p.state = &c.plots[id];
    p.state->last_frame = ImGui::GetFrameCount();
    p.flags = flags;
    p.title.assign(title_id, label_end(title_id));
    p.title_id = title_id;
    p.frame = frame;
    p.draw = ImGui::GetWindowDrawList();
    p.unit = ImGui::GetFontSize() / 16.0f;
    c.in_plot = true;
    return true;
}

void SetupAxes(const char* x_label, const char* y_label) {
    CurrentPlot& p = ctx().current;
    IM_ASSERT(!p.locked && "Setup calls come before the first item");
    p.x_label = x_label ? x_label : "";
    p.y_label = y_label ? y_label : "";
}

void SetupAxisScale(Axis axis, Scale scale) {
    CurrentPlot& p = ctx().current;
    IM_ASSERT(!p.locked);
    p.scale[axis] = scale;
}

void SetupAxesLimits(const Limits& home, Cond cond) {
    CurrentPlot& p = ctx().current;
    IM_ASSERT(!p.locked);
    p.requested = home;
    p.has_request = true;
    p.request_cond = cond;
}

void SetupLegend(Location location) { ctx().current.legend_location = location; }

void SetupAxisTicks(Axis axis, const double* values, int count, const char* const* labels) {
    CurrentPlot& p = ctx().current;
    IM_ASSERT(!p.locked && "Setup calls come before the first item");
    std::vector<Tick>& ticks = p.custom_ticks[axis];
    ticks.clear();
    for (int i = 0; i < count; ++i)
        ticks.push_back({values[i], true, labels ? std::string(labels[i]) : format_number(values[i], "%g")});
}

bool IsPlotHovered() {
    lock_setup();
    const CurrentPlot& p = ctx().current;
    return p.hovered && !p.item_active && !p.held;
}

ImVec2 GetPlotMousePosPixels() { return ImGui::GetIO().MousePos; }

double GetPlotMouseX() {
    lock_setup();
    return ctx().current.tx.to_value(ImGui::GetIO().MousePos.x);
}

double GetPlotMouseY() {
    lock_setup();
    return ctx().current.ty.to_value(ImGui::GetIO().MousePos.y);
}

Limits GetPlotLimits() {
    lock_setup();
    return ctx().current.state->view;
}

ImVec2 PlotToPixels(double x, double y) {
    lock_setup();
    return to_pixels(ctx().current, x, y);
}

void EndPlot() {
    Context& c = ctx();
    IM_ASSERT(c.in_plot && "EndPlot without BeginPlot");
    lock_setup();
    CurrentPlot& p = c.current;
    p.draw->PopClipRect();
    draw_legend(p);
    if (c.recorder) {
        p.report.id = p.title_id;
        p.report.frame_min = p.frame.Min;
        p.report.frame_max = p.frame.Max;
        p.report.area_min = p.area.Min;
        p.report.area_max = p.area.Max;
        c.recorder->push_back(p.report);
    }
    // The readout of the mouse position, bottom right inside the data area.
    if (p.hovered && !(p.flags & PlotFlags_NoInputs)) {
        const double mx = p.tx.to_value(ImGui::GetIO().MousePos.x);
        const double my = p.ty.to_value(ImGui::GetIO().MousePos.y);
        const Limits& v = p.state->view;
        const std::string text = "x = " + format_tick(mx, (v.x_max - v.x_min) / 1000) +
                                 "   y = " + format_tick(my, p.scale[Axis_Y] == Scale_Log10 ? std::fabs(my) / 100
                                                                                            : (v.y_max - v.y_min) / 1000);
        const ImVec2 sz = ImGui::CalcTextSize(text.c_str());
        const float fs = ImGui::GetFontSize();
        const ImVec2 at(p.area.Max.x - sz.x - 0.5f * fs, p.area.Max.y - sz.y - 0.4f * fs);
        p.draw->AddRectFilled(ImVec2(at.x - 0.3f * fs, at.y - 0.15f * fs), ImVec2(at.x + sz.x + 0.3f * fs, at.y + sz.y + 0.15f * fs),
                              c.style.legend_bg);
        p.draw->AddText(at, c.style.text, text.c_str());
    }
    ImGui::PopID();
    // The whole plot counts as one item in the window's layout.
    ImGui::SetCursorScreenPos(p.frame.Min);
    ImGui::Dummy(p.frame.GetSize());
    c.in_plot = false;
}

}  // namespace actlab::plot
