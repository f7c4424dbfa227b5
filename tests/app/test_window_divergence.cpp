// A run that blows up, as a user meets it: the playground opens on a regression with a learning rate of
// 10 (from settings.json), Space starts it, and within a few epochs the loss overflows. Training must
// stop at the last good epoch and say so plainly: the red banner is on screen (in the window's own
// picture of itself, F12), Space does not start it again, and the exported boundary is a number everywhere.
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

TEST(WindowDivergence, ABlowUpStopsTrainingAndShowsTheBanner) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    sh("mkdir -p " + (tmp / "actlab"));
    std::ofstream(tmp / "actlab/settings.json")
        << R"({ "playground": { "dataset": "plane", "output": "identity", "loss": "mse", "layers": "8,8",
                "activation": "relu", "lr": "10" } })";
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    ASSERT_FALSE(app.window.empty()) << "no window titled actlab appeared";
    press_keys(app.window, "ctrl+4 space");

    // the banner: its pale red background across the main area, once the run has stopped
    int banner = 0;
    wait_until(
        [&] {
            const Png shot = read_png(screenshot(app.window, out));
            banner = shot.ok ? count_color(shot, 253, 226, 222, 4) : 0;
            return banner > 8000;
        },
        60);
    EXPECT_GT(banner, 8000) << "no divergence banner on screen";

    // Before it overflows the run may first collapse (the loss far above the untrained network's), which
    // pauses it too; Space carries on from a collapse. A blow-up is the end: Space no longer trains.
    std::string first;
    long stopped = -1;
    for (int round = 0; round < 10; ++round) {
        first = export_new_file(app.window, out, "ctrl+shift+e", ".csv");
        ASSERT_FALSE(first.empty());
        stopped = epoch_in_name(first);
        press_keys(app.window, "space");
        const bool trains_on = wait_until(
            [&] { return epoch_in_name(export_new_file(app.window, out, "ctrl+shift+e", ".csv")) > stopped; }, 3);
        if (!trains_on) break;  // a diverged run does not start again
        wait_until([&] {  // until it has stopped again, with its banner
            const Png shot = read_png(screenshot(app.window, out));
            return shot.ok && count_color(shot, 253, 226, 222, 4) > 8000;
        }, 60);
    }
    EXPECT_GE(stopped, 0);
    EXPECT_LT(stopped, 100) << "training should have stopped within a few epochs: " << first;
    // the boundary exported is a number everywhere (a value beyond single precision reads inf, never nan)
    const auto rows = read_csv(read_text(out + "/" + first));
    ASSERT_GT(rows.size(), 1000u);
    int nans = 0;
    for (size_t i = 1; i < rows.size(); ++i) nans += std::isnan(std::strtod(rows[i][2].c_str(), nullptr));
    EXPECT_EQ(nans, 0);
    const Png shot = read_png(screenshot(app.window, out));
    ASSERT_TRUE(shot.ok);
    EXPECT_GT(count_color(shot, 253, 226, 222, 4), 8000) << "no divergence banner on screen";

    press_keys(app.window, "ctrl+q");
    EXPECT_EQ(wait_program(app.pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
}
