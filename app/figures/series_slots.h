// Which series of a plot has which slot (a colour, and past the palette a pattern): given by what a
// plot shows, not by a fixed table per function. The looks themselves (colours, dashes) are in
// series_looks.h; this half needs no ImGui, so a view (activation_view.h) can keep its slots.
#pragma once

#include <utility>
#include <vector>

namespace actlab::app {

// Okabe & Ito (2008) without yellow (too pale on white, and worse on a projector): 7 colours.
constexpr int kSeriesColors = 7;

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
