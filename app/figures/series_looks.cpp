#include "app/figures/series_looks.h"

#include <algorithm>

namespace actlab::app {

SeriesLook series_look(int slot) {
    static const ImU32 palette[kSeriesColors] = {IM_COL32(0, 114, 178, 255),    // blue
                                                 IM_COL32(213, 94, 0, 255),     // vermillion
                                                 IM_COL32(0, 158, 115, 255),    // bluish green
                                                 IM_COL32(204, 121, 167, 255),  // reddish purple
                                                 IM_COL32(230, 159, 0, 255),    // orange
                                                 IM_COL32(86, 180, 233, 255),   // sky blue
                                                 IM_COL32(0, 0, 0, 255)};       // black
    struct Round {
        plot::LineDash line, companion;
        plot::Marker marker;
    };
    // Each round's two patterns differ from every other round's: f' of a long-dashed f (dotted) is
    // never mistaken for the dashed f' of the solid curve in the same colour.
    static const Round rounds[] = {{plot::LineDash_Solid, plot::LineDash_Dashed, plot::Marker_None},
                                   {plot::LineDash_Long, plot::LineDash_Dotted, plot::Marker_Square},
                                   {plot::LineDash_DashDot, plot::LineDash_DashDotDot, plot::Marker_Triangle}};
    constexpr int kRounds = static_cast<int>(sizeof rounds / sizeof rounds[0]);
    slot = std::max(slot, 0);
    const int round = slot / kSeriesColors;
    // past the third round (more than 21 series) the patterns come round again, with diamonds
    const Round& r = rounds[round % kRounds];
    return {palette[slot % kSeriesColors], r.line, r.companion, round < kRounds ? r.marker : plot::Marker_Diamond};
}

}  // namespace actlab::app
