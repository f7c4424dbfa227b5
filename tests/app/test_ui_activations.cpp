// The activation explorer driven as a user drives it, without a window: Ctrl+E and Ctrl+Shift+E export
// what is shown under a name that says so, a drag pans the plot and the next export is named for the
// new range, and a larger text size keeps everything drawing.
#include "png_check.h"
#include "ui_harness.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

TEST(UiActivations, ExportsWhatIsShownAndADragPans) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.frames(3);
    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    ASSERT_EQ(h.exported(".png"), std::vector<std::string>{"activations_relu-tanh-sigmoid-gelu_x-5to5.png"})
        << h.state.status.text;
    const Png png = read_png(h.export_folder() + "/activations_relu-tanh-sigmoid-gelu_x-5to5.png");
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 3200);
    EXPECT_EQ(png.height, 2000);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 4000);    // ReLU, blue
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 4000);     // tanh, vermillion
    EXPECT_GT(count_color(png, 0, 158, 115, 30), 4000);    // sigmoid, bluish green
    EXPECT_GT(count_color(png, 204, 121, 167, 30), 4000);  // GELU, reddish purple

    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
    const std::string csv = read_text(h.export_folder() + "/activations_relu-tanh-sigmoid-gelu_x-5to5.csv");
    EXPECT_EQ(csv.rfind("function,param,x,y,dy\nrelu,,-5,0,0\n", 0), 0u) << csv.substr(0, 200);

    // a drag to the right over the plot pans it: the view's x range moves left
    const double before = h.state.explorer.shown.x_min;
    h.drag(1100, 300, 1300, 300);
    EXPECT_LT(h.state.explorer.shown.x_min, before - 0.5) << "the drag did not pan the plot";
    h.state.ui.set_text_scale(1.15f * 1.15f);
    h.frames(3);
    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    const std::vector<std::string> pngs = h.exported(".png");
    ASSERT_EQ(pngs.size(), 2u);
    const std::string panned = pngs[0].find("x-5to5") == std::string::npos ? pngs[0] : pngs[1];
    EXPECT_EQ(panned.find("x-5to5"), std::string::npos) << "the panned view kept the home range's name";
    const Png moved = read_png(h.export_folder() + "/" + panned);
    ASSERT_TRUE(moved.ok);
    EXPECT_GT(count_color(moved, 0, 114, 178, 30), 4000);
}

// The x range and the probe are typed fields: an end typed past the other carries it along, a value
// beyond ±1e6 or not a number is refused with a sentence, and the fields show the values in force.
TEST(UiActivations, TypedRangeAndProbeApplyWhenConfirmedAndRefuseWhatCannotBeShown) {
    UiHarness h;
    h.frames(3);
    ASSERT_TRUE(h.click("from"));
    h.type("10");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.explorer.view.x_min, 10.0);
    EXPECT_EQ(h.state.explorer.view.x_max, 20.0) << "'to' keeps the width of the range";
    ASSERT_TRUE(h.click("to"));
    h.type("1e999");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.explorer.view.x_max, 20.0);
    EXPECT_EQ(h.state.explorer.range_error, "'1e999' is not a finite number; it stays 20.");
    ASSERT_TRUE(h.click("to"));
    EXPECT_EQ(h.active_field_text(), "20") << "the field shows the value in force, not the refused text";
    h.type("2e6");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.explorer.view.x_max, 20.0);
    EXPECT_EQ(h.state.explorer.range_error, "x can go from −1000000 to 1000000; the plot keeps 10 to 20.");

    ASSERT_TRUE(h.click("probe"));
    h.type("1e999");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.explorer.view.probe_x, 1.0) << "the probe moved to a refused value";
    EXPECT_EQ(h.state.explorer.probe_error, "'1e999' is not a finite number; it stays 1.");
}
