// The Gradients tab as a user meets it: a real window on an X display (Xvfb in CI), driven with
// xdotool. It opens the tab, presses a preset (ReLU with bias −1: units die), waits for the network
// to be computed off the UI thread, exports PNG (Ctrl+E) and CSV (Ctrl+Shift+E), and closes cleanly.
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <thread>

namespace {

void chord(const std::string& window, const std::string& keys) {
    sh("xdotool windowfocus --sync " + window + " key --delay 80 " + keys);
}

// Focused first (the GLFW backend of Dear ImGui 1.86 reads the mouse only in a focused window), then
// press and release in separate frames (it misses a click whose press and release share one frame).
void click(const std::string& window, int x, int y) {
    sh("xdotool windowfocus --sync " + window);
    sh("xdotool mousemove --window " + window + " " + std::to_string(x) + " " + std::to_string(y));
    pause(0.1);
    sh("xdotool mousedown 1");
    pause(0.2);
    sh("xdotool mouseup 1");
    pause(0.3);
}

// The files in `folder` whose names end in `ext`.
std::vector<std::string> files(const std::string& folder, const std::string& ext) {
    std::vector<std::string> out;
    for (const std::string& n : list_dir(folder))
        if (n.size() > ext.size() && n.compare(n.size() - ext.size(), ext.size(), ext) == 0) out.push_back(n);
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

}  // namespace

TEST(Window, GradientTabComputesAndExports) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    const int pid = app.pid;
    const std::string window = app.window;
    ASSERT_FALSE(window.empty()) << "no window titled actlab appeared";
    pause(1.0);

    // Export the CSV until it holds the network computed with bias −1 (the job runs off the UI thread).
    const std::string csv_name = "gradient-flow_relu_he_30x256_b256_bias-1_seed1";
    std::vector<std::string> rows;
    for (int attempt = 0; attempt < 40 && rows.size() != 31; ++attempt) {
        if (attempt % 5 == 0) {     // both clicks change nothing when repeated
            chord(window, "ctrl+3");  // the "Gradients" tab
            click(window, 238, 386);  // "Dying ReLU: bias −1" under "Try these"
        }
        const size_t before = files(out, ".csv").size();
        chord(window, "ctrl+shift+e");
        for (int i = 0; i < 50 && files(out, ".csv").size() == before; ++i) pause(0.1);
        const std::vector<std::string> csvs = files(out, ".csv");
        ASSERT_GT(csvs.size(), before) << "Ctrl+Shift+E wrote no CSV into " << out;
        for (const std::string& name : csvs)
            if (name.rfind(csv_name, 0) == 0 && lines(read_text(out + "/" + name)).size() == 31)
                rows = lines(read_text(out + "/" + name));
        if (rows.size() != 31) pause(0.5);
    }
    ASSERT_EQ(rows.size(), 31u) << "no CSV of the 30-layer network with bias −1 in " << out;
    EXPECT_EQ(rows[0], "layer,grad_rms,act_mean,act_std,dead_fraction");
    EXPECT_EQ(rows[30].substr(rows[30].rfind(',') + 1), "1") << "the top layer should be all dead: " << rows[30];

    chord(window, "ctrl+e");
    std::vector<std::string> pngs;
    for (int i = 0; i < 300 && pngs.empty(); ++i) {
        pngs = files(out, ".png");
        pause(0.1);
    }
    ASSERT_EQ(pngs.size(), 1u) << "Ctrl+E wrote no PNG";
    EXPECT_EQ(pngs[0], csv_name + ".png");
    const Png png = read_png(out + "/" + pngs[0]);
    ASSERT_TRUE(png.ok);
    EXPECT_EQ(png.width, 3200);
    EXPECT_EQ(png.height, 2000);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 4000);  // ReLU's blue: activations, dead units, zero marks

    chord(window, "ctrl+q");
    EXPECT_EQ(wait_program(pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
    const std::string settings = read_text(tmp / "actlab/settings.json");
    EXPECT_NE(settings.find("\"gradients\""), std::string::npos) << settings;
    EXPECT_NE(settings.find("\"bias\": \"-1\""), std::string::npos) << settings;
}
