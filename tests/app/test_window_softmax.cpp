// The softmax lab as a user meets it: a real window on an X display (Xvfb in CI), driven with
// xdotool. Open the Softmax tab, type a temperature, step it with the arrow keys, export the main
// figure as PNG (Ctrl+E) and CSV (Ctrl+Shift+E), and find the new temperature in both files and in
// the saved settings.
#include "core/softmax.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <thread>

namespace {

// A click the way a hand makes one: move, press, release, each in its own frame.
void click(const std::string& window, int x, int y) {
    sh("xdotool mousemove --window " + window + " " + std::to_string(x) + " " + std::to_string(y));
    pause(0.3);
    sh("xdotool mousedown 1");
    pause(0.15);
    sh("xdotool mouseup 1");
    pause(0.3);
}

void keys(const std::string& window, const std::string& keys) {
    sh("xdotool windowfocus --sync " + window + " key --delay 120 " + keys);
    pause(0.3);
}

std::string wait_for_file(const std::string& path, double seconds) {
    for (int i = 0; i < seconds * 10; ++i) {
        const std::string text = read_text(path);
        if (!text.empty()) return text;
        pause(0.1);
    }
    return "";
}

}  // namespace

TEST(WindowSoftmax, TypeAndStepTheTemperatureThenExportPngAndCsv) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    const int pid = app.pid;
    const std::string window = app.window;
    ASSERT_FALSE(window.empty()) << "no window titled actlab appeared";
    pause(1.0);

    // The tab "Softmax and temperature", second in the bar under the menu (the window is 90 % of a 1600 × 1000 screen, text at 1×).
    click(window, 273, 45);
    // The "type T:" field of the Temperature section: its text is selected on click; type 0.5 over it.
    click(window, 115, 401);
    sh("xdotool type --delay 120 0.5");
    keys(window, "Return");
    // Up one step on the 1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.3, 8 ladder: 0.5 → 0.63 (the field has let go
    // of the keys after Return; a click on empty plot space makes sure)
    click(window, 1200, 850);
    keys(window, "Up");

    keys(window, "ctrl+e");
    const std::string png_path = out + "/softmax_A-B-C_T0.63.png";
    for (int i = 0; i < 300 && read_text(png_path).empty(); ++i) pause(0.1);
    const Png png = read_png(png_path);
    ASSERT_TRUE(png.ok) << "Ctrl+E wrote no " << png_path << "; the folder holds: "
                        << (list_dir(out).empty() ? "nothing" : list_dir(out).front());
    EXPECT_EQ(png.width, 3200);
    EXPECT_EQ(png.height, 2000);
    EXPECT_GT(count_color(png, 0, 114, 178, 12), 100000);  // class A's bar, blue
    EXPECT_GT(count_color(png, 213, 94, 0, 12), 10000);    // class B's, vermillion
    EXPECT_GT(count_color(png, 0, 158, 115, 12), 1000);    // class C's, bluish green

    keys(window, "ctrl+shift+e");
    const std::string csv = wait_for_file(out + "/softmax_A-B-C_T0.63.csv", 30);
    ASSERT_FALSE(csv.empty());
    std::stringstream in(csv);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "temperature,class,logit,prob,entropy");
    Eigen::ArrayXd z(3);
    z << 2, 1, 0.1;
    const actlab::core::Softmax s = actlab::core::softmax(z, 0.63);
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(std::getline(in, line));
        double t = 0, logit = 0, p = 0, h = 0;
        int cls = -1;
        ASSERT_EQ(std::sscanf(line.c_str(), "%lf,%d,%lf,%lf,%lf", &t, &cls, &logit, &p, &h), 5) << line;
        EXPECT_EQ(t, 0.63);
        EXPECT_EQ(cls, i);
        EXPECT_EQ(p, s.prob[i]);
        EXPECT_EQ(h, s.entropy);
    }

    keys(window, "ctrl+q");
    EXPECT_EQ(wait_program(pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
    const std::string settings = read_text(tmp / "actlab/settings.json");
    EXPECT_NE(settings.find("\"temperature\": \"0.63\""), std::string::npos) << settings;
}
