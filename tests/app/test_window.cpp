// actlab as a user meets it: a real window on an X display (Xvfb in CI), driven with xdotool.
// It starts, draws the explorer frame after frame, exports a PNG on Ctrl+E whose pixels show the
// curves, changes the text size, and closes cleanly on Ctrl+Q, saving its settings.
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace {

// Waits until the folder holds `count` PNGs; returns their names.
std::vector<std::string> wait_for_pngs(const std::string& folder, size_t count, double seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::vector<std::string> pngs;
    while (std::chrono::steady_clock::now() < end) {
        pngs.clear();
        for (const std::string& n : list_dir(folder))
            if (n.size() > 4 && n.substr(n.size() - 4) == ".png") pngs.push_back(n);
        if (pngs.size() >= count) break;
        pause(0.1);
    }
    return pngs;
}

// A key chord, typed into the window.
void chord(const std::string& window, const std::string& keys) {
    sh("xdotool windowfocus --sync " + window + " key --delay 80 " + keys);
}

}  // namespace

TEST(Window, StartsExportsAndClosesCleanly) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    const int pid = app.pid;
    const std::string window = app.window;
    ASSERT_FALSE(window.empty()) << "no window titled actlab appeared";
    pause(1.0);  // frames go by
    sh("xdotool mousemove --window " + window + " 900 350");  // over the plot: the hover readout draws
    pause(0.5);

    // Ctrl+E: the explorer as it starts, drawn again at 1600 × 1000 × 2
    chord(window, "ctrl+e");
    std::vector<std::string> pngs = wait_for_pngs(out, 1, 30);
    ASSERT_EQ(pngs.size(), 1u) << "Ctrl+E wrote no PNG into " << out;
    EXPECT_EQ(pngs[0], "activations_relu-tanh-sigmoid-gelu_x-5to5.png");
    Png png = read_png(out + "/" + pngs[0]);
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 3200);
    EXPECT_EQ(png.height, 2000);
    // the four default curves in their Okabe–Ito colours
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 4000);    // ReLU, blue
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 4000);     // tanh, vermillion
    EXPECT_GT(count_color(png, 0, 158, 115, 30), 4000);    // sigmoid, bluish green
    EXPECT_GT(count_color(png, 204, 121, 167, 30), 4000);  // GELU, reddish purple

    // Ctrl+Shift+E: the plotted values
    chord(window, "ctrl+shift+e");
    const std::string csv = out + "/activations_relu-tanh-sigmoid-gelu_x-5to5.csv";
    for (int i = 0; i < 100 && read_text(csv).empty(); ++i) pause(0.1);
    EXPECT_EQ(read_text(csv).rfind("function,param,x,y,dy\nrelu,,-5,0,0\n", 0), 0u) << read_text(csv).substr(0, 200);

    // Drag the plot to the right: the view pans, and the next export shows (and is named for) the new range.
    sh("xdotool mousemove --window " + window + " 1100 300 mousedown 1");
    for (int step = 1; step <= 8; ++step) {
        sh("xdotool mousemove --window " + window + " " + std::to_string(1100 + 25 * step) + " 300");
        pause(0.05);
    }
    sh("xdotool mouseup 1");
    pause(0.3);
    // Larger text rebuilds the fonts; the window keeps drawing
    chord(window, "ctrl+equal");
    pause(0.5);
    chord(window, "ctrl+e");
    pngs = wait_for_pngs(out, 2, 30);
    ASSERT_EQ(pngs.size(), 2u);
    const std::string panned = pngs[0].find("x-5to5") == std::string::npos ? pngs[0] : pngs[1];
    EXPECT_EQ(panned.find("x-5to5"), std::string::npos) << "the panned view kept the home range's name";
    png = read_png(out + "/" + panned);
    ASSERT_TRUE(png.ok);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 4000);
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 4000);

    chord(window, "ctrl+q");
    EXPECT_EQ(wait_program(pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
    const std::string settings = read_text(tmp / "actlab/settings.json");
    EXPECT_NE(settings.find("\"functions\": \"relu,tanh,sigmoid,gelu\""), std::string::npos) << settings;
    EXPECT_NE(settings.find("\"text_scale\""), std::string::npos);
}
