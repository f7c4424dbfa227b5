// The playground as a user meets it: a real window on an X display (Xvfb in CI), driven with xdotool.
// Ctrl+4 opens it, Space starts training; while it runs, the boundary is exported twice as CSV
// (Ctrl+Shift+E) and must have changed between the two, the epoch in its name must have grown, and the
// PNG (Ctrl+E) must show both classes' colours. Space pauses, and the window closes cleanly with the
// playground saved in its settings. A second test starts a race from the Activation race tab and
// exports it with Ctrl+Shift+E.
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>


TEST(WindowPlayground, TrainsWhileTheBoundaryChangesOnScreen) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    sh("mkdir -p " + (tmp / "actlab"));
    std::ofstream(tmp / "actlab/settings.json") << R"({ "playground": { "speed": 0 } })";  // as fast as possible
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    ASSERT_FALSE(app.window.empty()) << "no window titled actlab appeared";
    pause(1.0);
    press_keys(app.window, "ctrl+4");
    pause(0.8);
    const std::string first = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
    ASSERT_FALSE(first.empty()) << "Ctrl+Shift+E wrote no CSV in the playground";
    EXPECT_EQ(first.rfind("boundary_circle_epoch", 0), 0u) << first;
    EXPECT_EQ(epoch_in_name(first), 0) << "training should not start before Space";

    press_keys(app.window, "space");
    pause(3.0);
    const std::string second = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
    ASSERT_FALSE(second.empty());
    pause(1.0);
    const std::string third = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
    ASSERT_FALSE(third.empty());
    EXPECT_GT(epoch_in_name(second), 10) << second;
    EXPECT_GT(epoch_in_name(third), epoch_in_name(second)) << "training stopped: " << second << " then " << third;
    const auto a = read_csv(read_text(out + "/" + first)), b = read_csv(read_text(out + "/" + third));
    ASSERT_EQ(a.size(), b.size());
    ASSERT_GT(a.size(), 1000u);
    EXPECT_EQ(a[0], (std::vector<std::string>{"x1", "x2", "output"}));
    int changed = 0, inside_positive = 0;
    for (size_t i = 1; i < a.size(); ++i) {
        if (a[i][2] != b[i][2]) ++changed;
        const double x1 = number(b[i][0]), x2 = number(b[i][1]);
        if (x1 * x1 + x2 * x2 < 1.0 && number(b[i][2]) > 0) ++inside_positive;
    }
    EXPECT_GT(changed, static_cast<int>(a.size()) / 2) << "the boundary did not change while training";
    EXPECT_GT(inside_positive, 100) << "after training, the middle of the circle should be class +1";

    const std::string png_name = export_new_file(app.window, out, "ctrl+e", ".png");
    ASSERT_FALSE(png_name.empty()) << "Ctrl+E wrote no PNG";
    const Png png = read_png(out + "/" + png_name);
    ASSERT_TRUE(png.ok);
    EXPECT_GT(count_color(png, 240, 196, 97, 16), 20000) << "no orange field";
    EXPECT_GT(count_color(png, 97, 168, 207, 16), 20000) << "no blue field";

    press_keys(app.window, "space");  // pause
    pause(0.5);
    const std::string paused1 = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
    pause(0.8);
    const std::string paused2 = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
    EXPECT_EQ(epoch_in_name(paused1), epoch_in_name(paused2)) << "Space did not pause training";

    press_keys(app.window, "ctrl+q");
    EXPECT_EQ(wait_program(app.pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
    const std::string settings = read_text(tmp / "actlab/settings.json");
    EXPECT_NE(settings.find("\"playground\""), std::string::npos) << settings;
    EXPECT_NE(settings.find("\"dataset\": \"circle\""), std::string::npos) << settings;
}

namespace {

// Focused first, then press and release in separate frames (ImGui 1.86 misses a click within one frame).
void click(const std::string& window, int x, int y) {
    sh("xdotool windowfocus --sync " + window);
    sh("xdotool mousemove --window " + window + " " + std::to_string(x) + " " + std::to_string(y));
    pause(0.2);
    sh("xdotool mousedown 1");
    pause(0.25);
    sh("xdotool mouseup 1");
    pause(0.4);
}

}  // namespace

TEST(WindowPlayground, TheActivationRaceRunsAndExports) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    ASSERT_FALSE(app.window.empty()) << "no window titled actlab appeared";
    pause(1.0);
    press_keys(app.window, "ctrl+4");
    pause(0.8);
    click(app.window, 420, 133);  // the "Activation race" tab
    click(app.window, 967, 195);  // "Start race"
    // the default race: sigmoid, tanh, relu, gelu for 500 epochs each, from the same weights
    std::vector<std::vector<std::string>> rows;
    for (int attempt = 0; attempt < 30 && rows.size() != 2001; ++attempt) {
        pause(0.5);
        const std::string name = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
        ASSERT_FALSE(name.empty()) << "Ctrl+Shift+E wrote no CSV";
        if (name.rfind("race_circle_", 0) == 0) rows = read_csv(read_text(out + "/" + name));
    }
    ASSERT_EQ(rows.size(), 2001u) << "no finished race exported: is the race tab in front?";
    EXPECT_EQ(rows[0], (std::vector<std::string>{"activation", "epoch", "train_loss", "test_loss", "train_accuracy",
                                                  "test_accuracy"}));
    EXPECT_EQ(rows[1][0], "sigmoid");
    EXPECT_EQ(rows[2000][0], "gelu");
    EXPECT_EQ(rows[2000][1], "500");
    press_keys(app.window, "ctrl+q");
    EXPECT_EQ(wait_program(app.pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
}
