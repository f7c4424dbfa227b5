// The playground as a user meets it: a real window on an X display (Xvfb in CI), driven with xdotool.
// Ctrl+4 opens it, Space starts training; while it runs, the boundary exported as CSV (Ctrl+Shift+E)
// changes, the epoch in its name grows, the circle's middle turns to class +1, the PNG (Ctrl+E) shows both
// classes' colours, and the window's own picture of itself (F12) shows the boundary on screen. Space
// pauses, and the window closes cleanly with the playground saved in its settings. The views under the
// network (units on the curve, after G the gradient across layers, after L the layers bending the plane)
// change on screen while it trains.
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

namespace {

// Rows of an exported boundary CSV whose point lies inside the unit disc and whose output is positive.
// The pixels that differ between two pictures of the window inside the rectangle given as fractions
// of its size (the two the same size).
int changed_pixels(const Png& a, const Png& b, double x0, double y0, double x1, double y1) {
    if (!a.ok || !b.ok || a.width != b.width || a.height != b.height) return -1;
    int n = 0;
    for (int y = static_cast<int>(y0 * a.height); y < static_cast<int>(y1 * a.height); ++y)
        for (int x = static_cast<int>(x0 * a.width); x < static_cast<int>(x1 * a.width); ++x) {
            const size_t i = 3 * (static_cast<size_t>(y) * a.width + x);
            n += std::abs(a.rgb[i] - b.rgb[i]) + std::abs(a.rgb[i + 1] - b.rgb[i + 1]) + std::abs(a.rgb[i + 2] - b.rgb[i + 2]) > 24;
        }
    return n;
}

int positive_inside(const std::vector<std::vector<std::string>>& rows) {
    int n = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
        const double x1 = number(rows[i][0]), x2 = number(rows[i][1]);
        if (x1 * x1 + x2 * x2 < 1.0 && number(rows[i][2]) > 0) ++n;
    }
    return n;
}

}  // namespace

TEST(WindowPlayground, TrainsWhileTheBoundaryChangesOnScreen) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    sh("mkdir -p " + (tmp / "actlab"));
    std::ofstream(tmp / "actlab/settings.json") << R"({ "playground": { "speed": 0 } })";  // as fast as possible
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    ASSERT_FALSE(app.window.empty()) << "no window titled actlab appeared";
    press_keys(app.window, "ctrl+4");
    const std::string first = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
    ASSERT_EQ(first.rfind("boundary_circle_epoch0_", 0), 0u) << "training should not start before Space: " << first;
    const auto a = read_csv(read_text(out + "/" + first));
    ASSERT_GT(a.size(), 1000u);
    EXPECT_EQ(a[0], (std::vector<std::string>{"x1", "x2", "output"}));

    press_keys(app.window, "space");
    const std::string second = export_until(app.window, out, "ctrl+shift+e", ".csv",
                                            [](const std::string& name) { return epoch_in_name(name) > 10; });
    ASSERT_FALSE(second.empty()) << "the epoch did not grow after Space";
    // trained until the middle of the circle is class +1
    std::string third;
    std::vector<std::vector<std::string>> b;
    export_until(app.window, out, "ctrl+shift+e", ".csv", [&](const std::string& name) {
        third = name;
        b = read_csv(read_text(out + "/" + name));
        return positive_inside(b) > 100;
    });
    EXPECT_GT(epoch_in_name(third), epoch_in_name(second)) << "training stopped: " << second << " then " << third;
    ASSERT_EQ(a.size(), b.size());
    EXPECT_GT(positive_inside(b), 100) << "after training, the middle of the circle should be class +1";
    int changed = 0;
    for (size_t i = 1; i < a.size(); ++i) changed += a[i][2] != b[i][2];
    EXPECT_GT(changed, static_cast<int>(a.size()) / 2) << "the boundary did not change while training";

    const std::string png_name = export_new_file(app.window, out, "ctrl+e", ".png");
    ASSERT_FALSE(png_name.empty()) << "Ctrl+E wrote no PNG";
    const Png png = read_png(out + "/" + png_name);
    ASSERT_TRUE(png.ok);
    EXPECT_GT(count_color(png, 240, 196, 97, 16), 20000) << "no orange field";
    EXPECT_GT(count_color(png, 97, 168, 207, 16), 20000) << "no blue field";
    // and on screen: the window's own picture of itself has both fields too. The run goes on training,
    // so the fields' shares move from one picture to the next: wait for one that has both.
    Png shot;
    int orange = 0, blue = 0;
    const bool both = wait_until([&] {
        shot = read_png(screenshot(app.window, out));
        if (!shot.ok) return false;
        orange = count_color(shot, 240, 196, 97, 24);
        blue = count_color(shot, 97, 168, 207, 24);
        return orange > 5000 && blue > 5000;
    }, 60);
    ASSERT_TRUE(shot.ok) << "F12 saved no picture of the window";
    EXPECT_TRUE(both) << "on screen, the last picture had " << orange << " orange and " << blue
                      << " blue pixels; both fields should have more than 5000";

    press_keys(app.window, "space");  // pause: two exports in a row then name the same epoch
    long previous = -1;
    const std::string paused = export_until(app.window, out, "ctrl+shift+e", ".csv", [&](const std::string& name) {
        const bool same = epoch_in_name(name) == previous;
        previous = epoch_in_name(name);
        return same;
    });
    ASSERT_FALSE(paused.empty()) << "Space did not pause training";
    pause(0.5);  // a paused run must stay where it is
    EXPECT_EQ(epoch_in_name(export_new_file(app.window, out, "ctrl+shift+e", ".csv")), epoch_in_name(paused));

    press_keys(app.window, "ctrl+q");
    EXPECT_EQ(wait_program(app.pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
    const std::string settings = read_text(tmp / "actlab/settings.json");
    EXPECT_NE(settings.find("\"playground\""), std::string::npos) << settings;
    EXPECT_NE(settings.find("\"dataset\": \"circle\""), std::string::npos) << settings;
}

// At the window's default size the network's column is tall enough for the diagram and a view under it:
// the units on the curve, after G the gradient across layers, after L the plane carried through the
// layers. Each is photographed (F12) at two
// epochs of a run, and the lower part of the column, where the view is, must differ between them.
TEST(WindowPlayground, TheUnitsTheGradientAndTheLayersChangeOnScreenWhileItTrains) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    sh("mkdir -p " + (tmp / "actlab"));
    std::ofstream(tmp / "actlab/settings.json") << R"({ "playground": { "speed": 30, "view": "units" } })";
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    ASSERT_FALSE(app.window.empty()) << "no window titled actlab appeared";
    press_keys(app.window, "ctrl+4 space");
    // the view's plots under the diagram, at the window's default 1440 × 900: from the sidebar's edge to
    // the boundary's column, below the view's buttons and its captions
    constexpr double kX0 = 0.22, kY0 = 0.70, kX1 = 0.62, kY1 = 0.95;
    for (const char* view : {"units", "gradient", "layers"}) {
        if (std::string(view) == "gradient") press_keys(app.window, "g");
        if (std::string(view) == "layers") press_keys(app.window, "l");
        // a picture at an epoch, then one at least 30 epochs later (the window shows the epoch it exported)
        Png first, second;
        long at = -1;
        const std::string a = export_until(app.window, out, "ctrl+shift+e", ".csv", [&](const std::string& name) {
            at = epoch_in_name(name);
            first = read_png(screenshot(app.window, out));
            return at > 5 && first.ok;
        });
        ASSERT_FALSE(a.empty()) << view << ": the run did not train";
        const std::string b = export_until(app.window, out, "ctrl+shift+e", ".csv", [&](const std::string& name) {
            second = read_png(screenshot(app.window, out));
            return epoch_in_name(name) > at + 30 && second.ok;
        });
        ASSERT_FALSE(b.empty()) << view << ": the run stopped after epoch " << at;
        const int changed = changed_pixels(first, second, kX0, kY0, kX1, kY1);
        EXPECT_GT(changed, 2000) << "the " << view << " view did not change between " << a << " and " << b;
    }
    press_keys(app.window, "ctrl+q");
    EXPECT_EQ(wait_program(app.pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
}
