#include "app/panels/layout.h"

#include <algorithm>
#include <cmath>

namespace actlab::app {

SidebarSplit split_sidebar(float width, float font, float gap, float preferred, float minimum, float main_min) {
    SidebarSplit s;
    const float least = minimum * font, most = preferred * font, main_least = main_min * font;
    // as drawn for, but not more than 40 % of the window, nor less than its controls need
    s.sidebar = std::min(most, std::max(least, 0.4f * width));
    // the main column keeps a readable plot: the sidebar gives way down to its least
    if (width - gap - s.sidebar < main_least) s.sidebar = std::max(least, width - gap - main_least);
    s.main = width - gap - s.sidebar;
    if (s.main < main_least) {
        s.stacked = true;
        s.sidebar = s.main = width;
    }
    s.sidebar = std::floor(s.sidebar);
    s.main = std::floor(s.main);
    return s;
}

PlotGrid plot_grid(float width, float height, float font, float gap_x, float gap_y, int count, int max_columns,
                   float reserve) {
    PlotGrid g;
    count = std::max(count, 1);
    const float min_w = kPlotMinWidth * font, min_h = kPlotMinHeight * font;
    auto cell_width = [&](float w, int columns) { return std::floor((w - (columns - 1) * gap_x) / columns); };
    g.columns = 1;
    for (int c = std::min(max_columns, count); c > 1; --c)
        if (cell_width(width, c) >= min_w) {
            g.columns = c;
            break;
        }
    g.rows = (count + g.columns - 1) / g.columns;
    g.cell_height = std::floor((height - (g.rows - 1) * gap_y) / g.rows);
    g.cell_width = cell_width(width, g.columns);
    if (g.cell_height < min_h) {
        // it scrolls anyway: two rows a screen, or one when two would be below the readable height
        g.cell_height = std::ceil(std::max(min_h, std::floor((height - gap_y) / 2)));
        g.scrolls = true;
        // the scrollbar takes its share of the width: fewer columns if the cells would get too narrow
        while (g.columns > 1 && cell_width(width - reserve, g.columns) < min_w) --g.columns;
        g.rows = (count + g.columns - 1) / g.columns;
        g.cell_width = cell_width(width - reserve, g.columns);
    }
    g.height = g.rows * g.cell_height + (g.rows - 1) * gap_y;
    return g;
}

ColumnSplit split_column(float height, float font, float gap, float share, float bottom_min) {
    ColumnSplit c;
    const float min_top = std::ceil(kPlotMinHeight * font), min_bottom = std::ceil(bottom_min * font);
    if (height - gap >= min_top + min_bottom) {
        c.top = std::floor(std::clamp(share * height, min_top, height - gap - min_bottom));
        c.bottom = std::floor(height - gap - c.top);
    } else {
        // it scrolls anyway: the plot fills the screen, and what goes under it comes next
        c.top = std::max(min_top, std::floor(height));
        c.bottom = min_bottom;
        c.scrolls = true;
    }
    return c;
}

}  // namespace actlab::app
