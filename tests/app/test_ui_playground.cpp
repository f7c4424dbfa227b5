// The playground's activation race driven without a window: its tab, Start race, the four runners
// trained from the same weights while frames go on, and Ctrl+Shift+E exporting the race (not the
// boundary) while its tab is in front.
#include "ui_harness.h"

#include "app/model/playground_model.h"
#include "app/panels/race_panel.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <sstream>

TEST(UiPlayground, TheActivationRaceRunsAndExports) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Activation race") > 0; }, 10));
    ASSERT_TRUE(h.click("Activation race"));
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Start race") > 0; }, 10));
    ASSERT_TRUE(h.click("Start race"));
    // the default race: sigmoid, tanh, relu, gelu for 500 epochs each, from the same weights
    ASSERT_TRUE(h.run_until([&] { return !h.state.playground.race.runners.empty() && !actlab::app::race_animating(h.state.playground.race); },
                            300))
        << "the race did not finish";
    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
    const std::vector<std::string> csvs = h.exported(".csv");
    ASSERT_EQ(csvs.size(), 1u) << h.state.status.text;
    EXPECT_EQ(csvs[0].rfind("race_circle_", 0), 0u) << csvs[0];
    std::stringstream in(read_text(h.export_folder() + "/" + csvs[0]));
    std::vector<std::string> rows;
    for (std::string line; std::getline(in, line);) rows.push_back(line);
    ASSERT_EQ(rows.size(), 2001u);
    EXPECT_EQ(rows[0], "runner,parameters,epoch,train_loss,test_loss,train_accuracy,test_accuracy");
    EXPECT_EQ(rows[1].rfind("sigmoid,25,1,", 0), 0u) << rows[1];
    EXPECT_EQ(rows[2000].rfind("gelu,25,500,", 0), 0u) << rows[2000];
}
