// How the series that share a plot are told apart: each a colour of its own from Okabe and Ito's
// palette while there are colours enough, and beyond that the same colour in another dash pattern (and
// with marks along it, as a second cue). Looks are given by what a plot shows, not by a fixed table per
// function: a series keeps its look while it stays shown, so "the green curve" means the same thing
// all lesson, and a new one takes a colour nobody shown has.
#pragma once

#include "app/plot/plot.h"

#include <utility>
#include <vector>

namespace actlab::app {

// Okabe & Ito (2008) without yellow (too pale on white, and worse on a projector): 7 colours.
constexpr int kSeriesColors = 7;

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

// Which series has which slot: (key, slot) pairs, in the order the series are shown. A key is whatever
// names a series in its plot (a catalogue index, say).
using SeriesSlots = std::vector<std::pair<int, int>>;

// The slots for the series `keys` (distinct, in the order shown; a repeated key counts as new), given
// those they had before: the result is parallel to `keys` and is the memory to pass next time.
// - A series keeps its colour while it stays shown, and keeps its pattern unless one before it in
//   its colour went away (then it moves up: a lone series is always solid).
// - No two share a colour while there are no more of them than colours; beyond that the colours are
//   shared as evenly as can be (their counts differ by at most one), each share in another pattern.
// - A new series takes the colour fewest have (the first in palette order among them), so with no
//   memory the slots are 0, 1, 2, ... in the order given.
// - The same keys and memory give the same slots again: assigning the result once more changes nothing.
SeriesSlots assign_series_slots(const std::vector<int>& keys, const SeriesSlots& before);

// The slot `key` has in `slots`, or -1.
int slot_of(const SeriesSlots& slots, int key);

}  // namespace actlab::app
