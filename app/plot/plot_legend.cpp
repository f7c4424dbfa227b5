// The plot widget's legend: what BeginPlot's layout asks of layout_legend (plot_layout.h), and the
// legend drawn at EndPlot, where its entries are known.
#include "app/plot/plot_internal.h"

#include <algorithm>
#include <cmath>

namespace actlab::plot::detail {

// The legend request for `entries` over `area` in the plot being laid out.
LegendRequest legend_request(const CurrentPlot& p, const std::vector<LegendEntry>& entries, const Box& area,
                             const Occupancy& occupancy, bool was_outside) {
    const float fs = ImGui::GetFontSize();
    LegendRequest r;
    r.entries = static_cast<int>(entries.size());
    r.measure = [&entries](int i, float wrap) {
        const ImVec2 sz = ImGui::CalcTextSize(entries[static_cast<size_t>(i)].label.c_str(), nullptr, false, wrap);
        return TextSize{sz.x, sz.y};
    };
    r.font = fs;
    r.area = area;
    r.frame = {p.frame.Min.x, p.frame.Min.y, p.frame.Max.x, p.frame.Max.y};
    r.occupancy = occupancy;
    r.corner = static_cast<Corner>(p.legend_location);
    r.was_outside = was_outside;
    // what stays readable of the data beside an outside legend
    r.min_area_width = 7.0f * fs;
    r.min_area_height = 3.5f * fs;
    return r;
}

void draw_legend(CurrentPlot& p) {
    PlotState& st = *p.state;
    const bool wanted = !p.legend.empty() && !(p.flags & PlotFlags_NoLegend);
    p.report.legend_entries = wanted ? static_cast<int>(p.legend.size()) : 0;
    if (!wanted) {
        st.legend.clear();
        st.legend_place = LegendPlace::None;
        return;
    }
    // The room kept outside the data from last frame's entries, while they are this frame's; else a
    // corner of the data when one is free, and over the data for this frame only (the next one
    // makes room beside it).
    LegendLayout l = p.legend_layout;
    const bool reserved = l.place == LegendPlace::Right || l.place == LegendPlace::Below;
    const Box area{p.area.Min.x, p.area.Min.y, p.area.Max.x, p.area.Max.y};
    if (!reserved || !(st.legend == p.legend)) {
        l = layout_legend(legend_request(p, p.legend, area, p.occupancy, false));
        if (l.place != LegendPlace::Inside) {
            // no room was made for it this frame: the least covered corner now, the room next frame
            LegendRequest r = legend_request(p, p.legend, area, p.occupancy, false);
            r.min_area_width = r.min_area_height = 1e9f;  // rules out Right and Below
            l = layout_legend(r);
            st.legend_place = layout_legend(legend_request(p, p.legend, p.full_area, p.occupancy, false)).place;
        } else {
            st.legend_place = LegendPlace::Inside;
        }
    } else {
        st.legend_place = l.place;
    }
    st.legend = p.legend;
    st.occupancy = p.occupancy;
    p.report.legend_place = l.place;
    p.report.legend_min = ImVec2(l.box.x0, l.box.y0);
    p.report.legend_max = ImVec2(l.box.x1, l.box.y1);
    p.report.legend_covered = l.place == LegendPlace::Inside ? 0 : l.covered;
    if (l.place == LegendPlace::None) return;

    const Style& s = ctx().style;
    const float fs = ImGui::GetFontSize();
    ImDrawList* dl = p.draw;
    const ImVec2 min(l.box.x0, l.box.y0), max(l.box.x1, l.box.y1);
    dl->AddRectFilled(min, max, s.legend_bg, 0.2f * fs);
    dl->AddRect(min, max, IM_COL32(0, 0, 0, 60), 0.2f * fs, 0, p.unit);
    const float swatch = l.swatch;
    for (size_t n = 0; n < p.legend.size() && n < l.entries.size(); ++n) {
        const LegendEntry& e = p.legend[n];
        const LegendEntryPlace& at = l.entries[n];
        const float y = at.y;
        const float cy = y + fs * 0.5f;
        const float x0 = at.x;
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
        dl->AddText(ImGui::GetFont(), fs, ImVec2(x0 + swatch + l.gap, y), s.text, e.label.c_str(), nullptr, at.wrap_width);
    }
}

}  // namespace actlab::plot::detail
