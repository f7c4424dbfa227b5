// Keeping a plot's text labels apart: the pure half of PlotText's rule that no label is drawn over
// another. No ImGui here, so it is unit-tested on its own (tests/app/test_label_layout.cpp).
#pragma once

#include <vector>

namespace actlab::plot {

// A label's box in pixels (y grows downwards, as on screen).
struct TextBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// True when a and b share some area, or come closer than `gap` pixels one above the other.
bool boxes_overlap(const TextBox& a, const TextBox& b, float gap = 0.0f);

// Where a label that would stand at `want` goes so that it overlaps none of `placed` (keeping `gap`
// pixels between lines): straight up or down, as little as it can, between `top` and `bottom` when it
// can (a label that fits where it is stays there, inside or not). With no free place inside, the
// nearest free place outside; with none at all, where it wanted to be.
TextBox place_label(const TextBox& want, const std::vector<TextBox>& placed, float top, float bottom, float gap);

}  // namespace actlab::plot
