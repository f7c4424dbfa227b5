#include "app/plot/label_layout.h"

#include <cmath>
#include <limits>

namespace actlab::plot {

bool boxes_overlap(const TextBox& a, const TextBox& b, float gap) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
}

TextBox place_label(const TextBox& want, const std::vector<TextBox>& placed, float top, float bottom, float gap) {
    const float h = want.y1 - want.y0;
    auto at = [&](float y0) { return TextBox{want.x0, y0, want.x1, y0 + h}; };
    auto clear = [&](float y0) {
        const TextBox b = at(y0);
        for (const TextBox& p : placed)
            if (boxes_overlap(b, p, gap)) return false;
        return true;
    };
    if (clear(want.y0)) return want;
    // The free places for the box's top edge are intervals; the nearest point of any of them is one of
    // their ends: just below or just above a label in the way, or at the top or bottom bound.
    std::vector<float> candidates = {top, bottom - h};
    for (const TextBox& p : placed) {
        if (!(want.x0 < p.x1 && p.x0 < want.x1)) continue;  // not in the same column
        constexpr float kSlack = 0.01f;  // so rounding never leaves the moved box touching the other
        candidates.push_back(p.y1 + gap + kSlack);
        candidates.push_back(p.y0 - gap - h - kSlack);
    }
    float best_inside = NAN, best_outside = NAN;
    for (float y0 : candidates) {
        if (!clear(y0)) continue;
        const bool inside = y0 >= top && y0 + h <= bottom;
        float& best = inside ? best_inside : best_outside;
        if (std::isnan(best) || std::fabs(y0 - want.y0) < std::fabs(best - want.y0)) best = y0;
    }
    if (!std::isnan(best_inside)) return at(best_inside);
    if (!std::isnan(best_outside)) return at(best_outside);
    return want;
}

}  // namespace actlab::plot
