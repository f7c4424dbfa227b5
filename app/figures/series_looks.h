// How the series that share a plot are told apart: each a colour of its own from Okabe and Ito's
// palette while there are colours enough, and beyond that the same colour in another dash pattern (and
// with marks along it, as a second cue). Looks are given by what a plot shows, not by a fixed table per
// function: a series keeps its look while it stays shown, so "the green curve" means the same thing
// all lesson, and a new one takes a colour nobody shown has.
#pragma once

#include "app/figures/series_slots.h"
#include "app/plot/plot.h"

namespace actlab::app {

struct SeriesLook {
    ImU32 color;
    plot::LineDash line;       // the series' own line: solid, then long dashes, then dash-dot
    plot::LineDash companion;  // a second line of the same series (f' beside f): dashed, dotted or
                               // dash-dot-dot, never one of the `line` patterns
    plot::Marker marker;       // none on the solid lines; squares, then triangles, on the patterned ones
};

// Slot s is colour s % kSeriesColors in its (s / kSeriesColors)-th pattern: slots 0 to 6 are the seven
// colours, solid; 7 to 13 the same colours with long dashes; and so on.
SeriesLook series_look(int slot);

}  // namespace actlab::app
