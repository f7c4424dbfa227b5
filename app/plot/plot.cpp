// The plot widget: contexts, BeginPlot and the setup, layout and input, the legend, EndPlot.
// The items (lines, bands, markers) are in plot_items.cpp; mapping, pan/zoom arithmetic and ticks in
// plot_math.cpp.
#include "app/plot/plot_internal.h"

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
    if (p.occupancy.empty()) p.occupancy.assign(kGrid * kGrid, 0);
    const float cw = p.area.GetWidth() / kGrid, ch = p.area.GetHeight() / kGrid;
    const int gx0 = std::clamp(static_cast<int>((r.Min.x - p.area.Min.x) / cw), 0, kGrid - 1);
    const int gx1 = std::clamp(static_cast<int>((r.Max.x - p.area.Min.x) / cw), 0, kGrid - 1);
    const int gy0 = std::clamp(static_cast<int>((r.Min.y - p.area.Min.y) / ch), 0, kGrid - 1);
    const int gy1 = std::clamp(static_cast<int>((r.Max.y - p.area.Min.y) / ch), 0, kGrid - 1);
    for (int gy = gy0; gy <= gy1; ++gy)
        for (int gx = gx0; gx <= gx1; ++gx) p.occupancy[gy * kGrid + gx] += weight;
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
void add_vertical_text(ImDrawList* dl, ImVec2 centre, ImU32 color, const char* text) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    const int first = dl->VtxBuffer.Size;
    // AddText drops glyphs outside the clip rect before we rotate them, so lay them out unclipped.
    dl->PushClipRect(ImVec2(-1e5f, -1e5f), ImVec2(1e5f, 1e5f), false);
    dl->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), color, text);
    dl->PopClipRect();
    for (int i = first; i < dl->VtxBuffer.Size; ++i) {
        ImVec2& pos = dl->VtxBuffer[i].pos;
        const ImVec2 d(pos.x - centre.x, pos.y - centre.y);
        pos = ImVec2(centre.x + d.y, centre.y - d.x);
    }
}

// The title cut into lines that fit `width` (at spaces), at most `max_lines`; a last line that still
// does not fit ends in "…".
std::vector<std::string> title_lines(ImFont* font, const std::string& title, float width, size_t max_lines) {
    std::vector<std::string> lines;
    const char* text = title.c_str();
    const char* end = text + title.size();
    while (text < end && lines.size() < max_lines) {
        const char* cut = font->CalcWordWrapPositionA(1.0f, text, end, std::max(width, 1.0f));
        if (cut == text) cut = text + 1;  // a word wider than the plot: at least one character a line
        if (lines.size() + 1 == max_lines && cut < end) {
            std::string last(text, end);
            while (!last.empty() && font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, (last + "…").c_str()).x > width)
                last.pop_back();
            while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80) last.pop_back();  // whole UTF-8
            if (!last.empty()) last.pop_back();
            lines.push_back(last + "…");
            break;
        }
        std::string line(text, cut);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(line);
        text = cut;
        while (text < end && *text == ' ') ++text;
    }
    return lines;
}

// A text cut to `width` pixels, ending in "…" when it had to be cut (an axis label longer than its axis).
std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string s = text;
    while (!s.empty() && ImGui::CalcTextSize((s + "…").c_str()).x > width) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();  // the lead byte
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "…";
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

    // Layout: title on top, y label and tick labels on the left, x tick labels and label below.
    const float fs = ImGui::GetFontSize();
    const float pad = 0.6f * fs;
    ImRect area(p.frame.Min.x + pad, p.frame.Min.y + pad, p.frame.Max.x - pad, p.frame.Max.y - pad);
    ImFont* title_font = c.style.title_font ? c.style.title_font : ImGui::GetFont();
    std::vector<std::string> title;  // wrapped to the frame's width: large text must not clip it
    if (!(p.flags & PlotFlags_NoTitle) && !p.title.empty()) {
        // a second line only where the data keeps most of the height
        const size_t max_lines = p.frame.GetHeight() > 14.0f * fs ? 2 : 1;
        title = title_lines(title_font, p.title, p.frame.GetWidth() - 2 * pad, max_lines);
        area.Min.y += title_font->FontSize * title.size() + 0.5f * fs;
    }
    area.Max.y -= fs + 0.35f * fs;                    // x tick labels
    if (!p.x_label.empty()) area.Max.y -= fs + 0.2f * fs;
    if (!p.y_label.empty()) area.Min.x += fs + 0.35f * fs;
    // y tick labels: measure them for the height the area will have
    {
        set_transforms(p);
        float widest = 0.0f;
        for (const Tick& t : ticks_for(p, Axis_Y, area.GetHeight()))
            if (t.major) widest = std::max(widest, ImGui::CalcTextSize(t.label.c_str()).x);
        area.Min.x += widest + 0.4f * fs;
    }
    // room for the last x tick label to stick out past the area by half its width
    {
        set_transforms(p);
        float last = 0.0f;
        for (const Tick& t : ticks_for(p, Axis_X, area.GetWidth()))
            if (t.major) last = ImGui::CalcTextSize(t.label.c_str()).x;
        area.Max.x -= std::max(0.4f * fs, 0.5f * last + 0.1f * fs - pad);
    }
    area.Max.x = std::max(area.Max.x, area.Min.x + 10.0f);
    area.Max.y = std::max(area.Max.y, area.Min.y + 10.0f);
    p.area = area;

    // Input: an invisible button over the whole frame takes hover and drags; drag lines drawn later
    // may overlap it.
    if (!(p.flags & PlotFlags_NoInputs)) {
        ImGui::SetCursorScreenPos(p.frame.Min);
        ImGui::InvisibleButton("##plot", p.frame.GetSize(),
                               ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
        ImGui::SetItemAllowOverlap();
        ImGui::SetItemUsingMouseWheel();
        const bool frame_hovered = ImGui::IsItemHovered();
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        p.hovered = frame_hovered && area.Contains(mouse);
        p.held = ImGui::IsItemActive();
        set_transforms(p);

        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
            const ImVec2 d = ImGui::GetIO().MouseDelta;
            pan_range(&st.view.x_min, &st.view.x_max, p.scale[Axis_X] == Scale_Log10, d.x, p.tx);
            pan_range(&st.view.y_min, &st.view.y_max, p.scale[Axis_Y] == Scale_Log10, d.y, p.ty);
        }
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
        if (frame_hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) st.view = st.home;
        if (ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    }
    set_transforms(p);

    // Background, grid and axes.
    ImDrawList* dl = p.draw;
    dl->AddRectFilled(p.frame.Min, p.frame.Max, c.style.frame_bg);
    dl->AddRectFilled(area.Min, area.Max, c.style.area_bg);
    const std::vector<Tick> xt = ticks_for(p, Axis_X, area.GetWidth());
    const std::vector<Tick> yt = ticks_for(p, Axis_Y, area.GetHeight());
    const float u = p.unit;
    for (const Tick& t : xt) {
        const float x = IM_ROUND(static_cast<float>(p.tx.to_pixel(t.value)));
        dl->AddLine(ImVec2(x, area.Min.y), ImVec2(x, area.Max.y), t.major ? c.style.grid_major : c.style.grid_minor, u);
        if (t.major) {
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

    // Title and axis labels.
    for (size_t i = 0; i < title.size(); ++i) {
        ImFont* font = title_font;
        const ImVec2 sz = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, title[i].c_str());
        // centred over the data, but never starting left of the frame or ending right of it
        const float x = std::clamp(0.5f * (area.Min.x + area.Max.x) - sz.x * 0.5f, p.frame.Min.x + pad,
                                   std::max(p.frame.Min.x + pad, p.frame.Max.x - pad - sz.x));
        dl->AddText(font, font->FontSize, ImVec2(x, p.frame.Min.y + pad + font->FontSize * i), c.style.text,
                    title[i].c_str());
    }
    if (!p.x_label.empty()) {
        const std::string label = fit_text(p.x_label, p.frame.GetWidth() - 2 * pad);
        const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
        const float x = std::clamp(0.5f * (area.Min.x + area.Max.x) - sz.x * 0.5f, p.frame.Min.x + pad,
                                   std::max(p.frame.Min.x + pad, p.frame.Max.x - pad - sz.x));
        dl->AddText(ImVec2(x, area.Max.y + 1.5f * fs), c.style.text, label.c_str());
    }
    if (!p.y_label.empty()) {
        // along the data area's height, never past it (it would run into the title or the x labels)
        const std::string label = fit_text(p.y_label, area.GetHeight() + 1.0f * fs);
        add_vertical_text(dl, ImVec2(p.frame.Min.x + pad + 0.5f * fs, 0.5f * (area.Min.y + area.Max.y)), c.style.text,
                          label.c_str());
    }

    dl->PushClipRect(area.Min, area.Max, true);
}

}  // namespace detail

using namespace detail;

namespace {

void draw_legend(CurrentPlot& p) {
    if (p.legend.empty() || (p.flags & PlotFlags_NoLegend)) return;
    const Style& s = ctx().style;
    const float fs = ImGui::GetFontSize();
    const float swatch = 1.6f * fs, gap = 0.4f * fs, pad = 0.45f * fs, row = fs * 1.25f;
    float width = 0.0f;
    for (const LegendEntry& e : p.legend) width = std::max(width, ImGui::CalcTextSize(e.label.c_str()).x);
    // A long legend goes in up to three columns, so it stays within about half the plot's height.
    const int count = static_cast<int>(p.legend.size());
    int columns = 1;
    while (columns < 3 && row * ((count + columns - 1) / columns) > 0.5f * p.area.GetHeight()) ++columns;
    const int rows = (count + columns - 1) / columns;
    const float column_width = swatch + gap + width + pad;
    const ImVec2 box(pad + columns * column_width, pad * 2 + row * rows - (row - fs));
    const float margin = 0.5f * fs;
    // A legend that would cover most of the plot hides it instead (tiny plots, very large text).
    if (box.x > 0.8f * p.area.GetWidth() || box.y > 0.8f * p.area.GetHeight()) return;
    auto corner = [&](Location where) {
        const bool east = where == Location_NorthEast || where == Location_SouthEast;
        const bool south = where == Location_SouthWest || where == Location_SouthEast;
        return ImVec2(east ? p.area.Max.x - margin - box.x : p.area.Min.x + margin,
                      south ? p.area.Max.y - margin - box.y : p.area.Min.y + margin);
    };
    Location where = p.legend_location;
    if (where == Location_Best) {
        // the corner covering the fewest line points; ties go to the top left, then top right
        int best = -1;
        for (Location candidate : {Location_NorthWest, Location_NorthEast, Location_SouthWest, Location_SouthEast}) {
            const ImVec2 c = corner(candidate);
            const float cw = p.area.GetWidth() / kGrid, ch = p.area.GetHeight() / kGrid;
            const int gx0 = std::clamp(static_cast<int>((c.x - p.area.Min.x) / cw), 0, kGrid - 1);
            const int gx1 = std::clamp(static_cast<int>((c.x + box.x - p.area.Min.x) / cw), 0, kGrid - 1);
            const int gy0 = std::clamp(static_cast<int>((c.y - p.area.Min.y) / ch), 0, kGrid - 1);
            const int gy1 = std::clamp(static_cast<int>((c.y + box.y - p.area.Min.y) / ch), 0, kGrid - 1);
            int covered = 0;
            for (int gy = gy0; gy <= gy1; ++gy)
                for (int gx = gx0; gx <= gx1; ++gx) covered += p.occupancy.empty() ? 0 : p.occupancy[gy * kGrid + gx];
            if (best < 0 || covered < best) {
                best = covered;
                where = candidate;
            }
        }
    }
    const ImVec2 min = corner(where);
    ImDrawList* dl = p.draw;
    dl->AddRectFilled(min, ImVec2(min.x + box.x, min.y + box.y), s.legend_bg, 0.2f * fs);
    dl->AddRect(min, ImVec2(min.x + box.x, min.y + box.y), IM_COL32(0, 0, 0, 60), 0.2f * fs, 0, p.unit);
    for (int n = 0; n < count; ++n) {
        const LegendEntry& e = p.legend[n];
        const float y = min.y + pad + row * (n % rows);
        const float cy = y + fs * 0.5f;
        const float x0 = min.x + pad + column_width * (n / rows);
        if (e.band) {
            dl->AddRectFilled(ImVec2(x0, y + 0.1f * fs), ImVec2(x0 + swatch, y + 0.9f * fs), e.color);
        } else {
            // The line's own pattern, shortened so the swatch holds two of it, and placed so its middle
            // (where a marker goes) is the middle of a dash: the gaps show either side of the marker.
            const float* lengths = nullptr;
            float period = 0.0f;
            for (int k = 0, n = dash_pattern(e.dashed, &lengths); k < n; ++k) period += lengths[k];
            const float scale = period > 0.0f ? std::min(0.75f * p.unit, 0.5f * swatch / period) : 1.0f;
            float start = 0.0f;
            if (period > 0.0f) {
                start = std::fmod(0.5f * lengths[0] * scale - 0.5f * swatch, period * scale);
                if (start < 0.0f) start += period * scale;
            }
            const ImVec2 ends[2] = {ImVec2(x0, cy), ImVec2(x0 + swatch, cy)};
            add_dashed_polyline(dl, ends, 2, e.color, 2.5f * p.unit, e.dashed, scale, start);
            if (e.marker != Marker_None) draw_marker(dl, e.marker, ImVec2(x0 + swatch * 0.5f, cy), 0.28f * fs, e.color);
        }
        dl->AddText(ImVec2(x0 + swatch + gap, y), s.text, e.label.c_str());
    }
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
    p.state = &c.plots[id];
    p.flags = flags;
    p.title.assign(title_id, label_end(title_id));
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
