// actlab as a user meets it: a real window on an X display (Xvfb in CI), driven with xdotool. It starts,
// exports a PNG on Ctrl+E whose pixels show the curves and a CSV on Ctrl+Shift+E, pans when the plot is
// dragged, rebuilds its fonts on Ctrl+=, and closes cleanly on Ctrl+Q, saving its settings. (The panels
// themselves are tested without a window: test_ui_*.cpp.)
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cstdlib>

TEST(Window, StartsExportsAndClosesCleanly) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    ASSERT_FALSE(app.window.empty()) << "no window titled actlab appeared";
    sh("xdotool mousemove --window " + app.window + " 900 350");  // over the plot: the hover readout draws

    // Ctrl+E: the explorer as it starts, drawn again at 1600 × 1000 × 2
    const std::string first = export_new_file(app.window, out, "ctrl+e", ".png");
    ASSERT_EQ(first, "activations_relu-tanh-sigmoid-gelu_x-5to5.png") << "Ctrl+E wrote no PNG into " << out;
    Png png = read_png(out + "/" + first);
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 3200);
    EXPECT_EQ(png.height, 2000);
    // the four default curves in their Okabe–Ito colours
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 4000);    // ReLU, blue
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 4000);     // tanh, vermillion
    EXPECT_GT(count_color(png, 0, 158, 115, 30), 4000);    // sigmoid, bluish green
    EXPECT_GT(count_color(png, 204, 121, 167, 30), 4000);  // GELU, reddish purple

    // Ctrl+Shift+E: the plotted values
    const std::string csv = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
    ASSERT_EQ(csv, "activations_relu-tanh-sigmoid-gelu_x-5to5.csv");
    EXPECT_EQ(read_text(out + "/" + csv).rfind("function,param,x,y,dy\nrelu,,-5,0,0\n", 0), 0u);

    // Drag the plot to the right: the view pans, and the next export shows (and is named for) the new range.
    press_keys(app.window, "shift");  // focused
    std::string drag = "xdotool mousemove --window " + app.window + " 1100 300 mousedown 1";
    for (int step = 1; step <= 8; ++step)
        drag += " sleep 0.05 mousemove --window " + app.window + " " + std::to_string(1100 + 25 * step) + " 300";
    sh(drag + " mouseup 1");
    // Larger text rebuilds the fonts; the window keeps drawing and exporting
    press_keys(app.window, "ctrl+equal");
    const std::string panned = export_new_file(app.window, out, "ctrl+e", ".png");
    ASSERT_FALSE(panned.empty());
    EXPECT_EQ(panned.find("x-5to5"), std::string::npos) << "the panned view kept the home range's name";
    png = read_png(out + "/" + panned);
    ASSERT_TRUE(png.ok);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 4000);
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 4000);

    press_keys(app.window, "ctrl+q");
    EXPECT_EQ(wait_program(app.pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
    const std::string settings = read_text(tmp / "actlab/settings.json");
    EXPECT_NE(settings.find("\"functions\": \"relu,tanh,sigmoid,gelu\""), std::string::npos) << settings;
    EXPECT_NE(settings.find("\"text_scale\": 1.15"), std::string::npos) << settings;
}
