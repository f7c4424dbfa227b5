// actlab as a user meets it: a real window on an X display (Xvfb in CI), driven with xdotool.
// It starts, draws the explorer frame after frame, exports a PNG on Ctrl+E whose pixels show the
// curves, changes the text size, and closes cleanly on Ctrl+Q, saving its settings.
#include "png_check.h"
#include "process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace {

std::string sh(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return out;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

void pause(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

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
    const int pid = start_program(ACTLAB_BINARY, {"--export-folder", out}, {"XDG_CONFIG_HOME=" + tmp.path});

    const std::string window = sh("timeout 30 xdotool search --sync --name '^actlab$' | head -n 1");
    ASSERT_FALSE(window.empty()) << "no window titled actlab appeared";
    pause(1.0);  // frames go by
    sh("xdotool mousemove --window " + window + " 900 350");  // over the plot: the hover readout draws
    pause(0.5);

    chord(window, "ctrl+e");
    const std::vector<std::string> first = wait_for_pngs(out, 1, 30);
    ASSERT_EQ(first.size(), 1u) << "Ctrl+E wrote no PNG into " << out;
    EXPECT_EQ(first[0], "activations_relu-tanh-sigmoid-gelu_x-5to5.png");
    const Png png = read_png(out + "/" + first[0]);
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 3200);  // 1600 × 1000 at the default scale 2
    EXPECT_EQ(png.height, 2000);
    // the four default curves in their Okabe–Ito colours
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 4000);    // ReLU, blue
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 4000);     // tanh, vermillion
    EXPECT_GT(count_color(png, 0, 158, 115, 30), 4000);    // sigmoid, bluish green
    EXPECT_GT(count_color(png, 204, 121, 167, 30), 4000);  // GELU, reddish purple

    // Larger text rebuilds the fonts; the window keeps drawing and a second export does not overwrite.
    chord(window, "ctrl+equal");
    pause(0.5);
    chord(window, "ctrl+e");
    EXPECT_EQ(wait_for_pngs(out, 2, 30).size(), 2u);

    chord(window, "ctrl+q");
    EXPECT_EQ(wait_program(pid, 30), 0) << "the window did not close cleanly";
    const std::string settings = read_text(tmp / "actlab/settings.json");
    EXPECT_NE(settings.find("\"functions\": \"relu,tanh,sigmoid,gelu\""), std::string::npos) << settings;
    EXPECT_NE(settings.find("\"text_scale\""), std::string::npos);
}
