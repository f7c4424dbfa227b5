// The labs' layout arithmetic (app/panels/layout.h) at the window's default sizes on a 1280 × 720
// and a 1600 × 1000 screen (1152 × 648 and 1440 × 900) and text sizes 1, 1.5 and 2: nothing is laid
// out below the readable size, nothing runs past the room it is given, and what does not fit scrolls.
#include "app/panels/layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace app = actlab::app;

namespace {

constexpr float kBaseFont = 17.0f;  // app/ui_style.h: kBaseFontPixels

struct Screen {
    float width, height;
};
constexpr Screen kScreens[] = {{1152, 648}, {1440, 900}};
constexpr float kTextSizes[] = {1.0f, 1.5f, 2.0f};

// The room a lab has in the window: less the window's padding, and the menu bar, the lab tabs and
// the status line (a line of text with its frame and spacing each), as the theme scales them.
struct Room {
    float width, height, font, gap;
};
Room lab_room(Screen s, float text) {
    const float font = kBaseFont * text;
    const float line = font + 2 * 4 * text + 6 * text;
    return {s.width - 2 * 8 * text, s.height - 2 * 8 * text - 4 * line, font, 8 * text};
}

std::string name(Screen s, float text) {
    return std::to_string(static_cast<int>(s.width)) + " × " + std::to_string(static_cast<int>(s.height)) + ", text " +
           std::to_string(text);
}

}  // namespace

TEST(Layout, TheSidebarGivesWayThenStacksButNeverSqueezesThePlots) {
    for (Screen s : kScreens)
        for (float text : kTextSizes) {
            const Room r = lab_room(s, text);
            const app::SidebarSplit split = app::split_sidebar(r.width, r.font, r.gap);
            SCOPED_TRACE(name(s, text));
            if (split.stacked) {
                EXPECT_EQ(split.main, std::floor(r.width));
                EXPECT_LT(r.width - r.gap - app::kSidebarMinWidth * r.font, app::kPlotMinWidth * r.font)
                    << "stacked although both fit side by side";
            } else {
                EXPECT_LE(split.sidebar + r.gap + split.main, r.width) << "runs past the window";
                EXPECT_GE(split.sidebar, std::floor(app::kSidebarMinWidth * r.font));
                EXPECT_LE(split.sidebar, app::kSidebarWidth * r.font);
                EXPECT_GE(split.main, std::floor(app::kPlotMinWidth * r.font));
            }
        }
    // the cases a teacher meets: side by side at the default text, stacked at 200 % on a small screen
    EXPECT_FALSE(app::split_sidebar(lab_room(kScreens[0], 1).width, kBaseFont, 8).stacked);
    EXPECT_FALSE(app::split_sidebar(lab_room(kScreens[0], 1.5f).width, 1.5f * kBaseFont, 12).stacked);
    EXPECT_TRUE(app::split_sidebar(lab_room(kScreens[0], 2).width, 2 * kBaseFont, 16).stacked);
    EXPECT_FALSE(app::split_sidebar(lab_room(kScreens[1], 2).width, 2 * kBaseFont, 16).stacked);
}

TEST(Layout, PlotGridsKeepEveryPlotReadableAndScrollWhenTheyMust) {
    for (Screen s : kScreens)
        for (float text : kTextSizes)
            for (int count : {2, 6}) {
                const Room r = lab_room(s, text);
                const app::SidebarSplit split = app::split_sidebar(r.width, r.font, r.gap);
                const float scrollbar = 14 * text;
                const app::PlotGrid g = app::plot_grid(split.main, r.height, r.font, r.gap, r.gap, count, 2, scrollbar);
                SCOPED_TRACE(name(s, text) + ", " + std::to_string(count) + " plots");
                EXPECT_GE(g.cell_width, std::floor(app::kPlotMinWidth * r.font));
                EXPECT_GE(g.cell_height, std::floor(app::kPlotMinHeight * r.font));
                EXPECT_GE(g.columns * g.rows, count);
                EXPECT_LE(g.columns * g.cell_width + (g.columns - 1) * r.gap + (g.scrolls ? scrollbar : 0), split.main)
                    << "runs past the right edge";
                if (!g.scrolls) {
                    EXPECT_LE(g.height, r.height) << "taller than the room, and does not scroll";
                } else {
                    EXPECT_GT(g.rows * app::kPlotMinHeight * r.font + (g.rows - 1) * r.gap, r.height) << "scrolls for nothing";
                }
            }
    // two columns of six plots at the default text on both screens; one at 200 % on the small one
    const Room small = lab_room(kScreens[0], 1), small_big = lab_room(kScreens[0], 2);
    EXPECT_EQ(app::plot_grid(app::split_sidebar(small.width, small.font, 8).main, small.height, small.font, 8, 8, 6, 2).columns, 2);
    EXPECT_EQ(app::plot_grid(small_big.width, small_big.height, small_big.font, 16, 16, 6, 2).columns, 1);
}

TEST(Layout, APlotAndWhatGoesUnderItShareAColumnOrScroll) {
    for (Screen s : kScreens)
        for (float text : kTextSizes) {
            const Room r = lab_room(s, text);
            const app::ColumnSplit c = app::split_column(r.height, r.font, r.gap, 0.7f, 8.0f);
            SCOPED_TRACE(name(s, text));
            EXPECT_GE(c.top, std::floor(app::kPlotMinHeight * r.font));
            EXPECT_GE(c.bottom, std::floor(8.0f * r.font));
            if (c.scrolls) {
                EXPECT_GT(std::ceil(app::kPlotMinHeight * r.font) + std::ceil(8.0f * r.font) + r.gap, r.height);
                EXPECT_GE(c.top, std::floor(r.height)) << "scrolling anyway: the plot fills the screen";
            } else {
                EXPECT_LE(c.top + r.gap + c.bottom, r.height);
            }
        }
}
