#include "app/figures/series_slots.h"

#include <algorithm>

namespace actlab::app {

SeriesSlots assign_series_slots(const std::vector<int>& keys, const SeriesSlots& before) {
    const int n = static_cast<int>(keys.size());
    std::vector<int> colour(n, -1), old_round(n, -1);
    // 1. Every series that was shown keeps its colour (each memory entry serves one key).
    std::vector<bool> used(before.size(), false);
    for (int i = 0; i < n; ++i)
        for (size_t j = 0; j < before.size(); ++j)
            if (!used[j] && before[j].first == keys[i] && before[j].second >= 0) {
                used[j] = true;
                colour[i] = before[j].second % kSeriesColors;
                old_round[i] = before[j].second / kSeriesColors;
                break;
            }
    std::vector<int> count(kSeriesColors, 0);
    for (int c : colour)
        if (c >= 0) ++count[c];
    auto fewest = [&] { return static_cast<int>(std::min_element(count.begin(), count.end()) - count.begin()); };
    // 2. A new series takes the colour fewest have.
    for (int i = 0; i < n; ++i)
        if (colour[i] < 0) {
            colour[i] = fewest();
            ++count[colour[i]];
        }
    // 3. Shares as even as can be: while one colour has two more than another, the series shown last
    //    of the fullest colour moves to the emptiest (first shown keep theirs).
    for (;;) {
        const int lo = fewest();
        const int hi = static_cast<int>(std::max_element(count.begin(), count.end()) - count.begin());
        if (count[hi] - count[lo] <= 1) break;
        for (int i = n - 1; i >= 0; --i)
            if (colour[i] == hi) {
                colour[i] = lo;
                old_round[i] = -1;
                break;
            }
        --count[hi];
        ++count[lo];
    }
    // 4. Within a colour, patterns in the order they had them (new ones last, in the order shown),
    //    renumbered from the solid line up.
    SeriesSlots out(n);
    for (int c = 0; c < kSeriesColors; ++c) {
        std::vector<int> members;
        for (int i = 0; i < n; ++i)
            if (colour[i] == c) members.push_back(i);
        std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
            const int ra = old_round[a] < 0 ? n + 1 : old_round[a], rb = old_round[b] < 0 ? n + 1 : old_round[b];
            return ra < rb;
        });
        for (size_t r = 0; r < members.size(); ++r)
            out[members[r]] = {keys[members[r]], c + kSeriesColors * static_cast<int>(r)};
    }
    return out;
}

int slot_of(const SeriesSlots& slots, int key) {
    for (const auto& [k, slot] : slots)
        if (k == key) return slot;
    return -1;
}

}  // namespace actlab::app
