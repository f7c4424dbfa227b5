// The gradient lab driven as a user drives it, without a window: Ctrl+3, the "Dying ReLU: bias −1"
// preset, the network computed off the interface's thread while frames go on, then Ctrl+Shift+E and
// Ctrl+E; the settings keep the bias.
#include "png_check.h"
#include "ui_harness.h"

#include "app/settings.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <sstream>

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

}  // namespace

TEST(UiGradients, ThePresetComputesOffTheInterfaceThreadAndExports) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.key(GLFW_KEY_3, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Dying ReLU: bias −1") > 0; }, 5));
    ASSERT_TRUE(h.click("Dying ReLU: bias −1"));
    EXPECT_EQ(h.state.gradients.view.init.bias, -1.0);
    // the job runs on its own thread; the frames go on meanwhile, and its result is shown when it is in
    ASSERT_TRUE(h.run_until([&] { return !h.state.gradients.layers.empty() && h.state.gradients.shown.init.bias == -1.0; },
                            120))
        << "the network with bias −1 was not computed";

    const std::string stem = "gradient-flow_relu_he_30x256_b256_bias-1_seed1";
    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
    const std::vector<std::string> rows = lines(read_text(h.export_folder() + "/" + stem + ".csv"));
    ASSERT_EQ(rows.size(), 31u) << h.state.status.text;
    EXPECT_EQ(rows[0], "layer,grad_rms,act_mean,act_std,dead_fraction");
    EXPECT_EQ(rows[30].substr(rows[30].rfind(',') + 1), "1") << "the top layer should be all dead: " << rows[30];

    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    const Png png = read_png(h.export_folder() + "/" + stem + ".png");
    ASSERT_TRUE(png.ok) << h.state.status.text;
    EXPECT_EQ(png.width, 3200);
    EXPECT_EQ(png.height, 2000);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 4000);  // ReLU's blue: activations, dead units, zero marks

    std::string error;
    ASSERT_TRUE(actlab::app::save_settings(h.state.settings_path, h.state, &error)) << error;
    const std::string settings = read_text(h.state.settings_path);
    EXPECT_NE(settings.find("\"bias\": \"-1\""), std::string::npos) << settings;
}
