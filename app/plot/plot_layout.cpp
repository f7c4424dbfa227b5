#include "app/plot/plot_layout.h"

#include <algorithm>
#include <cmath>

namespace actlab::plot {

int Occupancy::covered(float fx0, float fy0, float fx1, float fy1) const {
    if (cells <= 0 || count.size() != static_cast<size_t>(cells) * cells) return 0;
    auto cell = [this](float f) { return std::clamp(static_cast<int>(std::floor(f * cells)), 0, cells - 1); };
    // a box wholly outside the area covers nothing
    if (fx1 <= 0 || fy1 <= 0 || fx0 >= 1 || fy0 >= 1) return 0;
    const int gx0 = cell(fx0), gx1 = cell(fx1), gy0 = cell(fy0), gy1 = cell(fy1);
    int sum = 0;
    for (int gy = gy0; gy <= gy1; ++gy)
        for (int gx = gx0; gx <= gx1; ++gx) sum += count[static_cast<size_t>(gy * cells + gx)];
    return sum;
}

namespace {

struct Style {
    float swatch, gap, pad, row_gap, column_gap, margin;
};

Style full_style(float fs) { return {1.6f * fs, 0.4f * fs, 0.45f * fs, 0.25f * fs, 0.9f * fs, 0.5f * fs}; }
Style compact_style(float fs) { return {0.9f * fs, 0.3f * fs, 0.25f * fs, 0.1f * fs, 0.6f * fs, 0.3f * fs}; }

// Entries in `columns` columns (filled top to bottom, then left to right), each label wrapped to
// `wrap`: the box's size and each entry's place relative to the box's top left.
struct Columns {
    float width = 0, height = 0;
    std::vector<LegendEntryPlace> entries;
};

Columns in_columns(const LegendRequest& r, const Style& s, int columns, float wrap) {
    Columns c;
    const int n = r.entries;
    const int rows = (n + columns - 1) / columns;
    float x = s.pad;
    for (int col = 0; col < columns; ++col) {
        float y = s.pad, widest = 0;
        const int first = col * rows, last = std::min(n, first + rows);
        if (first >= n) break;
        for (int i = first; i < last; ++i) {
            const TextSize t = r.measure(i, wrap);
            widest = std::max(widest, t.width);
            c.entries.push_back({x, y, wrap, t.height});
            y += t.height + (i + 1 < last ? s.row_gap : 0.0f);
        }
        c.height = std::max(c.height, y + s.pad);
        x += s.swatch + s.gap + widest + (col + 1 < columns && last < n ? s.column_gap : 0.0f);
    }
    c.width = x + s.pad;
    return c;
}

// Entries left to right in rows as wide as `width`, each row as tall as its tallest entry.
Columns in_rows(const LegendRequest& r, const Style& s, float width) {
    Columns c;
    const float wrap = std::max(1.0f, width - 2 * s.pad - s.swatch - s.gap);
    float x = s.pad, y = s.pad, row_h = 0, widest_row = 0;
    for (int i = 0; i < r.entries; ++i) {
        const TextSize t = r.measure(i, wrap);
        const float w = s.swatch + s.gap + t.width;
        if (x > s.pad && x + w + s.pad > width) {  // the next row
            widest_row = std::max(widest_row, x - s.column_gap);
            x = s.pad;
            y += row_h + s.row_gap;
            row_h = 0;
        }
        c.entries.push_back({x, y, wrap, t.height});
        row_h = std::max(row_h, t.height);
        x += w + s.column_gap;
    }
    widest_row = std::max(widest_row, x - s.column_gap);
    c.width = widest_row + s.pad;
    c.height = y + row_h + s.pad;
    return c;
}

LegendLayout placed(const Columns& c, const Style& s, LegendPlace place, bool compact, float x0, float y0, const Box& area) {
    LegendLayout l;
    l.place = place;
    l.compact = compact;
    l.box = {x0, y0, x0 + c.width, y0 + c.height};
    l.area = area;
    l.swatch = s.swatch;
    l.gap = s.gap;
    l.pad = s.pad;
    for (LegendEntryPlace e : c.entries) {
        e.x += x0;
        e.y += y0;
        l.entries.push_back(e);
    }
    return l;
}

// The fewest columns (up to three) that keep the legend within half the area's height, labels
// wrapped to 60 % of its width.
Columns inside_columns(const LegendRequest& r, const Style& s) {
    const float wrap = std::max(4.0f * r.font, 0.6f * r.area.width() - 2 * s.pad - s.swatch - s.gap);
    Columns c;
    for (int columns = 1; columns <= 3; ++columns) {
        c = in_columns(r, s, columns, wrap);
        if (c.height <= 0.5f * r.area.height()) break;
    }
    return c;
}

// The box's top left in a corner of the area.
void corner_at(const LegendRequest& r, const Columns& c, const Style& s, Corner corner, float* x, float* y) {
    const bool east = corner == Corner::NorthEast || corner == Corner::SouthEast;
    const bool south = corner == Corner::SouthWest || corner == Corner::SouthEast;
    *x = east ? r.area.x1 - s.margin - c.width : r.area.x0 + s.margin;
    *y = south ? r.area.y1 - s.margin - c.height : r.area.y0 + s.margin;
}

int covered_at(const LegendRequest& r, float x, float y, float w, float h, float grow) {
    const float aw = std::max(r.area.width(), 1.0f), ah = std::max(r.area.height(), 1.0f);
    return r.occupancy.covered((x - grow - r.area.x0) / aw, (y - grow - r.area.y0) / ah, (x + w + grow - r.area.x0) / aw,
                               (y + h + grow - r.area.y0) / ah);
}

// The corners to try: the one asked for first, then the others (top left, top right, bottom left,
// bottom right).
std::vector<Corner> corners(Corner asked) {
    std::vector<Corner> list;
    if (asked != Corner::Best) list.push_back(asked);
    for (Corner c : {Corner::NorthWest, Corner::NorthEast, Corner::SouthWest, Corner::SouthEast})
        if (c != asked) list.push_back(c);
    return list;
}

// Inside, in the first corner that covers no data; false when none is free or the box is too big
// for the area (more than 60 % of it either way).
bool try_inside(const LegendRequest& r, const Style& s, bool compact, LegendLayout* out) {
    const Columns c = inside_columns(r, s);
    if (c.width > 0.6f * r.area.width() || c.height > 0.6f * r.area.height()) return false;
    // coming back from outside needs a margin of free cells, so the legend does not flip every frame
    const float grow = r.was_outside ? 0.5f * r.font : 0.0f;
    for (Corner corner : corners(r.corner)) {
        float x = 0, y = 0;
        corner_at(r, c, s, corner, &x, &y);
        if (covered_at(r, x, y, c.width, c.height, grow) == 0) {
            *out = placed(c, s, LegendPlace::Inside, compact, x, y, r.area);
            return true;
        }
    }
    return false;
}

// Right of the data area: one column, or up to three when one is taller than the area, labels
// wrapped to 40 % of the area's width (or 6 font heights). The area must keep `keep` of its width.
bool try_right(const LegendRequest& r, const Style& s, bool compact, float keep, LegendLayout* out) {
    const float wrap = std::max(6.0f * r.font, 0.4f * r.area.width() - 2 * s.pad - s.swatch - s.gap);
    Columns c;
    for (int columns = 1; columns <= 3; ++columns) {
        c = in_columns(r, s, columns, wrap);
        if (c.height <= r.area.height()) break;
    }
    if (c.height > r.area.height()) return false;
    const float x1 = r.frame.x1 - 0.4f * r.font;
    const float x0 = x1 - c.width;
    Box area = r.area;
    area.x1 = std::min(area.x1, x0 - 0.8f * r.font);
    if (area.width() < std::max(keep, r.min_area_width)) return false;
    *out = placed(c, s, LegendPlace::Right, compact, x0, r.area.y0, area);
    return true;
}

// Below everything (the x axis label too), centred under the data area, in rows as wide as it. The
// area must keep `keep` of its height.
bool try_below(const LegendRequest& r, const Style& s, bool compact, float keep, LegendLayout* out) {
    const float width = std::max(r.area.width(), 8.0f * r.font);
    const Columns c = in_rows(r, s, width);
    const float y1 = r.frame.y1 - 0.3f * r.font;
    const float y0 = y1 - c.height;
    Box area = r.area;
    area.y1 -= c.height + 0.4f * r.font;  // everything under the area (ticks, label) moves up with it
    if (area.height() < std::max(keep, r.min_area_height)) return false;
    const float x0 = std::max(r.frame.x0, 0.5f * (r.area.x0 + r.area.x1) - 0.5f * c.width);
    *out = placed(c, s, LegendPlace::Below, compact, x0, y0, area);
    return true;
}

}  // namespace

LegendLayout layout_legend(const LegendRequest& r) {
    LegendLayout out;
    if (r.entries <= 0 || !r.measure) return out;
    const Style full = full_style(r.font), compact = compact_style(r.font);
    if (try_inside(r, full, false, &out) || try_inside(r, compact, true, &out)) return out;
    // beside the data when the area is wide, under it when it is tall; the full size first, keeping
    // most of the area, then the compact one keeping only what stays readable
    const bool wide = r.area.width() >= 1.3f * r.area.height();
    const float keep_w = 0.55f * r.area.width(), keep_h = 0.55f * r.area.height();
    if (wide ? try_right(r, full, false, keep_w, &out) || try_below(r, full, false, keep_h, &out)
             : try_below(r, full, false, keep_h, &out) || try_right(r, full, false, keep_w, &out))
        return out;
    // compact: beside or below, whichever leaves the data the larger share of the area
    {
        LegendLayout right, below;
        const bool has_right = try_right(r, compact, true, 0, &right), has_below = try_below(r, compact, true, 0, &below);
        const auto share = [&](const LegendLayout& l) { return l.area.width() * l.area.height(); };
        if (has_right && (!has_below || share(right) >= share(below))) return right;
        if (has_below) return below;
    }
    // No room beside the data: over it, compact, in the fewest columns that fit, in the corner that
    // hides the least.
    const float wrap = std::max(4.0f * r.font, 0.6f * r.area.width() - 2 * compact.pad - compact.swatch - compact.gap);
    Columns c;
    for (int columns = 1; columns <= 3; ++columns) {
        c = in_columns(r, compact, columns, wrap);
        if (c.width <= r.area.width() && c.height <= r.area.height()) break;
    }
    if (c.width <= r.area.width() && c.height <= r.area.height()) {
        int best = -1;
        for (Corner corner : corners(r.corner)) {
            float x = 0, y = 0;
            corner_at(r, c, compact, corner, &x, &y);
            const int covered = covered_at(r, x, y, c.width, c.height, 0);
            if (best < 0 || covered < best) {
                best = covered;
                // a corner the data leave free after all (the legend is only large for the plot): inside
                out = placed(c, compact, covered == 0 ? LegendPlace::Inside : LegendPlace::Over, true, x, y, r.area);
                out.covered = covered;
            }
        }
        return out;
    }
    // Not even that: below, whatever it leaves of the area (a legend is never dropped).
    const Columns rows = in_rows(r, compact, std::max(r.frame.width() - r.font, 4.0f * r.font));
    Box area = r.area;
    area.y1 -= rows.height + 0.4f * r.font;
    return placed(rows, compact, LegendPlace::Below, true, r.frame.x0 + 0.5f * r.font, r.frame.y1 - 0.3f * r.font - rows.height,
                  area);
}

TextLines fit_lines(const std::function<std::vector<std::string>(float scale)>& lines, const std::vector<LineFit>& tries) {
    TextLines out;
    for (const LineFit& t : tries) {
        out.lines = lines(t.scale);
        out.scale = t.scale;
        if (static_cast<int>(out.lines.size()) <= t.max_lines) return out;
    }
    return out;  // the last try, with the lines it takes
}

}  // namespace actlab::plot
