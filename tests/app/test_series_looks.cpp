// Telling the series of a plot apart (app/figures/series_looks.h): a colour each while there are colours
// enough, kept while a series stays shown; beyond the palette, shared colours in other dash patterns.
#include "app/figures/activation_figure.h"
#include "app/figures/series_looks.h"
#include "core/activation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace app = actlab::app;
namespace core = actlab::core;
namespace plot = actlab::plot;

namespace {

std::vector<int> ids(std::initializer_list<const char*> names) {
    std::vector<int> out;
    for (const char* n : names) out.push_back(core::activation_index(n));
    return out;
}

int colour(int slot) { return slot % app::kSeriesColors; }

// The rules every assignment keeps, whatever came before.
void expect_rules(const std::vector<int>& keys, const app::SeriesSlots& got) {
    ASSERT_EQ(got.size(), keys.size());
    std::set<int> slots;
    std::map<int, int> per_colour;
    for (size_t i = 0; i < keys.size(); ++i) {
        EXPECT_EQ(got[i].first, keys[i]) << "the result is parallel to the keys";
        EXPECT_TRUE(slots.insert(got[i].second).second) << "two series share slot " << got[i].second;
        ++per_colour[colour(got[i].second)];
    }
    const int n = static_cast<int>(keys.size());
    EXPECT_EQ(static_cast<int>(per_colour.size()), std::min(n, app::kSeriesColors)) << "a colour was shared while another was free";
    for (int c = 0; c < app::kSeriesColors; ++c) {
        const int count = per_colour.count(c) ? per_colour[c] : 0;
        EXPECT_LE(count, (n + app::kSeriesColors - 1) / app::kSeriesColors) << "colour " << c;
        EXPECT_GE(count, n / app::kSeriesColors) << "colour " << c;
        // within a colour the patterns are the first rounds, from solid up
        for (int r = 0; r < count; ++r) EXPECT_TRUE(slots.count(c + app::kSeriesColors * r)) << "colour " << c << " round " << r;
    }
    EXPECT_EQ(app::assign_series_slots(keys, got), got) << "assigning again changed the looks";
}

}  // namespace

TEST(SeriesLooks, WithoutMemorySeriesTakeTheColoursInOrder) {
    const std::vector<int> keys = {9, 4, 12, 0};
    const app::SeriesSlots got = app::assign_series_slots(keys, {});
    for (int i = 0; i < 4; ++i) EXPECT_EQ(got[i].second, i);
    expect_rules(keys, got);
}

TEST(SeriesLooks, LeakyReluAndTanhNeverShareAColourOnAProjector) {
    // the groups a lesson shows together, and the pair that used to share vermillion
    for (const auto& group : {ids({"leaky_relu", "tanh"}), ids({"tanh", "leaky_relu", "relu"}),
                              ids({"relu", "leaky_relu", "elu", "selu", "tanh", "sigmoid", "gelu"}),
                              ids({"gelu", "gelu_tanh"}), ids({"tanh", "hardtanh", "softsign"})}) {
        const app::SeriesSlots got = app::assign_series_slots(group, {});
        std::set<ImU32> colours;
        for (const auto& [key, slot] : got) colours.insert(app::series_look(slot).color);
        EXPECT_EQ(colours.size(), group.size());
        expect_rules(group, got);
    }
}

TEST(SeriesLooks, ASeriesKeepsItsColourWhileItStaysShownAndANewOneTakesAFreeColour) {
    const std::vector<int> start = ids({"relu", "tanh", "sigmoid", "gelu"});
    const app::SeriesSlots first = app::assign_series_slots(start, {});
    // tanh goes: the others keep theirs
    const std::vector<int> without = ids({"relu", "sigmoid", "gelu"});
    const app::SeriesSlots second = app::assign_series_slots(without, first);
    EXPECT_EQ(app::slot_of(second, core::activation_index("relu")), 0);
    EXPECT_EQ(app::slot_of(second, core::activation_index("sigmoid")), 2);
    EXPECT_EQ(app::slot_of(second, core::activation_index("gelu")), 3);
    // Leaky ReLU comes: tanh's vermillion is the free colour it takes
    const std::vector<int> with = ids({"relu", "sigmoid", "gelu", "leaky_relu"});
    const app::SeriesSlots third = app::assign_series_slots(with, second);
    EXPECT_EQ(app::slot_of(third, core::activation_index("leaky_relu")), 1);
    EXPECT_EQ(app::slot_of(third, core::activation_index("gelu")), 3);
    // a preset that keeps some of them: those keep their colours
    const std::vector<int> preset = ids({"sigmoid", "tanh", "relu"});
    const app::SeriesSlots fourth = app::assign_series_slots(preset, third);
    EXPECT_EQ(app::slot_of(fourth, core::activation_index("sigmoid")), 2);
    EXPECT_EQ(app::slot_of(fourth, core::activation_index("relu")), 0);
    EXPECT_EQ(colour(app::slot_of(fourth, core::activation_index("tanh"))), 1);
    expect_rules(preset, fourth);
}

TEST(SeriesLooks, BeyondThePaletteSharedColoursDifferByDashPatternNotOnlyByMarks) {
    std::vector<int> all;
    for (int i = 0; i < core::activation_count(); ++i) all.push_back(i);
    const app::SeriesSlots got = app::assign_series_slots(all, {});
    expect_rules(all, got);
    std::set<std::pair<ImU32, int>> looks;
    for (const auto& [key, slot] : got) {
        const app::SeriesLook look = app::series_look(slot);
        EXPECT_TRUE(looks.insert({look.color, look.line}).second) << "two series share colour and line pattern";
    }
}

TEST(SeriesLooks, EveryPatternIsTellableFromEveryOtherAndFromTheDerivativeDash) {
    // f and f' of each round, over the rounds a catalogue needs: all different line patterns, so the
    // dotted f' of a long-dashed f is never taken for the dashed f' of the solid one in the same colour
    std::set<plot::LineDash> patterns;
    const int rounds = (core::activation_count() + app::kSeriesColors - 1) / app::kSeriesColors;
    for (int r = 0; r < rounds; ++r) {
        const app::SeriesLook look = app::series_look(r * app::kSeriesColors);
        EXPECT_TRUE(patterns.insert(look.line).second) << "round " << r;
        EXPECT_TRUE(patterns.insert(look.companion).second) << "round " << r;
        EXPECT_EQ(look.marker == plot::Marker_None, r == 0) << "marks are the second cue on patterned lines only";
    }
    EXPECT_EQ(app::series_look(0).line, plot::LineDash_Solid);
    EXPECT_EQ(app::series_look(0).companion, plot::LineDash_Dashed) << "f' beside a solid f stays dashed";
}

TEST(SeriesLooks, FewerSeriesThanColoursAgainMeansAColourEachAndSolidLines) {
    std::vector<int> eight = {10, 11, 12, 13, 14, 15, 16, 17};
    const app::SeriesSlots full = app::assign_series_slots(eight, {});
    EXPECT_EQ(app::slot_of(full, 17), app::kSeriesColors) << "the eighth shares blue, long-dashed";
    // the solid blue one goes: the long-dashed one keeps blue and becomes solid
    std::vector<int> no_first(eight.begin() + 1, eight.end());
    EXPECT_EQ(app::slot_of(app::assign_series_slots(no_first, full), 17), 0);
    // another colour's one goes: the eighth moves to that free colour, the first keeps solid blue
    std::vector<int> no_fourth = eight;
    no_fourth.erase(no_fourth.begin() + 3);
    const app::SeriesSlots got = app::assign_series_slots(no_fourth, full);
    EXPECT_EQ(app::slot_of(got, 10), 0);
    EXPECT_EQ(app::slot_of(got, 17), 3);
    expect_rules(no_fourth, got);
}

TEST(SeriesLooks, ARepeatedKeyIsASeriesOfItsOwn) {
    const app::SeriesSlots got = app::assign_series_slots({3, 3, 5}, {{3, 4}});
    EXPECT_EQ(got[0].second, 4);
    EXPECT_NE(got[1].second, 4);
    EXPECT_NE(colour(got[1].second), colour(got[2].second));
}

TEST(SeriesLooks, ALessonOfAddsAndRemovesKeepsTheRulesAndTheColoursOfThoseThatStay) {
    std::mt19937 rng(7);
    std::vector<int> shown;
    app::SeriesSlots memory;
    for (int step = 0; step < 2000; ++step) {
        std::vector<int> next = shown;
        const bool add = next.empty() || (next.size() < 19 && rng() % 2 == 0);
        if (add) {
            int k = static_cast<int>(rng() % 19);
            while (std::find(next.begin(), next.end(), k) != next.end()) k = (k + 1) % 19;
            next.push_back(k);
        } else {
            next.erase(next.begin() + static_cast<long>(rng() % next.size()));
        }
        const app::SeriesSlots got = app::assign_series_slots(next, memory);
        expect_rules(next, got);
        // With no more series than colours before and after, no series that stays changes colour.
        if (next.size() <= app::kSeriesColors && shown.size() <= app::kSeriesColors) {
            for (int k : next) {
                if (app::slot_of(memory, k) >= 0) {
                    EXPECT_EQ(app::slot_of(got, k), app::slot_of(memory, k)) << "step " << step;
                }
            }
        }
        // Adding never moves anyone's colour.
        if (add) {
            for (int k : shown) EXPECT_EQ(colour(app::slot_of(got, k)), colour(app::slot_of(memory, k))) << "step " << step;
        }
        if (HasFailure()) return;
        shown = next;
        memory = got;
    }
}

TEST(SeriesLooks, TheExplorerDrawsEachFunctionInItsRememberedLook) {
    app::ActivationView view;
    view.functions = ids({"relu", "tanh", "sigmoid"});
    view.looks = app::activation_slots(view);
    view.functions = ids({"relu", "sigmoid", "leaky_relu"});
    EXPECT_EQ(app::function_look(view, core::activation_index("sigmoid")).color, app::series_look(2).color);
    EXPECT_EQ(app::function_look(view, core::activation_index("leaky_relu")).color, app::series_look(1).color);
}
