// The gated-units lab driven as a user drives it, without a window: Ctrl+5 brings it forward, a variant's
// button changes the gate (and the maps and the caption follow), a preset fills the block's widths, a
// width out of range is refused with a sentence in the panel and the status line and the field shows the
// value in force again, and Ctrl+E exports the tab in front; the settings keep the view.
#include "core/gated.h"
#include "png_check.h"
#include "ui_harness.h"

#include "app/settings.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <sstream>

namespace core = actlab::core;

TEST(UiGated, CtrlFiveOpensTheLabAndAVariantButtonChangesTheGate) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.key(GLFW_KEY_5, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("ReGLU") > 0; }, 5)) << "no variant buttons drawn";
    EXPECT_EQ(h.state.lab, actlab::app::Lab::Gated);
    EXPECT_EQ(h.state.gated.view.gate, core::activation_index("silu")) << "SwiGLU first";
    ASSERT_TRUE(h.click("ReGLU"));
    EXPECT_EQ(h.state.gated.view.gate, core::activation_index("relu"));
    ASSERT_TRUE(h.run_until([&] { return h.state.gated.pictures && h.state.gated.pictures->name == "ReGLU"; }, 5));
    // ReGLU is flat on the half-plane a ≤ 0 (81 of 161 columns), as a dead ReLU is on a ≤ 0
    EXPECT_NEAR(h.state.gated.pictures->flat_share, 81.0 / 161.0, 0.01);
    EXPECT_EQ(h.state.gated.pictures->ungated_flat_share, 81.0 / 161.0);
    ASSERT_TRUE(h.select_tab("Gradient maps"));
    h.frames(3);
    bool both = false;
    for (const actlab::plot::PlotReport& p : h.plots) both |= p.id.find("glu-dg-db") != std::string::npos;
    EXPECT_TRUE(both) << "the two partials' maps are drawn";

    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    const Png png = read_png(h.export_folder() + "/glu-gradient_relu_a-4to4_b-4to4.png");
    ASSERT_TRUE(png.ok) << h.state.status.text;
    EXPECT_EQ(png.width, 3200);
    EXPECT_GT(count_color(png, 0, 114, 178, 60), 1000);  // blue: ∂g/∂b = relu(a) > 0
    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
    std::stringstream in(read_text(h.export_folder() + "/glu-gradient_relu_a-4to4_b-4to4.csv"));
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "a,b,g,dg_da,dg_db");

    std::string error;
    ASSERT_TRUE(actlab::app::save_settings(h.state.settings_path, h.state, &error)) << error;
    const std::string settings = read_text(h.state.settings_path);
    EXPECT_NE(settings.find("\"gate\": \"relu\""), std::string::npos) << settings;
    EXPECT_NE(settings.find("\"lab\": \"gated\""), std::string::npos) << settings;
}

// "What this shows" sets up the race it speaks of in the playground: ReLU with 8 units against SwiGLU
// with 6 gated units.
TEST(UiGated, TheRaceButtonSetsUpReluAgainstSwigluInThePlayground) {
    UiHarness h;
    h.key(GLFW_KEY_5, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("ReGLU") > 0; }, 5));
    ASSERT_TRUE(h.select_tab("What this shows"));
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Race ReLU against SwiGLU") > 0; }, 5));
    ASSERT_TRUE(h.reveal("Race ReLU against SwiGLU"));
    ASSERT_TRUE(h.click("Race ReLU against SwiGLU"));
    ASSERT_TRUE(h.run_until([&] { return h.state.lab == actlab::app::Lab::Playground; }, 5));
    const auto& kinds = h.state.playground.race.kinds;
    ASSERT_EQ(kinds.size(), 2u);
    EXPECT_EQ(actlab::app::runner_id(kinds[0]), "relu:8");
    EXPECT_EQ(actlab::app::runner_id(kinds[1]), "swiglu:6");
    EXPECT_NE(h.state.status.text.find("Start race"), std::string::npos) << h.state.status.text;
}

TEST(UiGated, ABadWidthIsRefusedAndTheFieldShowsTheValueInForce) {
    UiHarness h;
    h.key(GLFW_KEY_5, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("d_ff") > 0; }, 5));
    ASSERT_TRUE(h.click("d_ff"));
    EXPECT_EQ(h.active_field_text(), "3072");
    h.type("0");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.gated.view.d_ff, 3072);
    EXPECT_EQ(h.state.gated.message, "'0' is not a whole number from 1 to 16777216; it stays 3072.");
    EXPECT_TRUE(h.state.status.error);
    EXPECT_EQ(h.state.status.text, "Gated units, d_ff: '0' is not a whole number from 1 to 16777216; it stays 3072.");
    ASSERT_TRUE(h.click("d_ff"));
    EXPECT_EQ(h.active_field_text(), "3072") << "the field shows the value in force again";
    h.type("99999999");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.gated.view.d_ff, 3072);
    ASSERT_TRUE(h.click("d_ff"));
    h.type("8192");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.gated.view.d_ff, 8192);
    EXPECT_EQ(h.state.gated.message, "") << "a good value clears the refusal";
    // LLaMA-7B: d = 4096, and the 2/3 rule's 11008 from the core
    ASSERT_TRUE(h.click("LLaMA-7B"));
    EXPECT_EQ(h.state.gated.view.d_model, 4096);
    const std::vector<actlab::app::FfnRow> rows = actlab::app::ffn_rows(h.state.gated.view);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[2].d_ff, 11008);
    EXPECT_EQ(rows[2].count.params, core::gated_block(4096, 11008).params);
}
