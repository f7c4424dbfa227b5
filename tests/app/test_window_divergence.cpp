// A run that blows up, as a user meets it: the playground opens on a regression with a learning rate of
// 10 (from settings.json), Space starts it, and within a few epochs the loss overflows. Training must
// stop at the last good epoch and say so plainly: the red banner is on screen, Space does not start it
// again, and the exported boundary is the one of the last good weights.
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

void keys(const std::string& window, const std::string& keys) {
    sh("xdotool windowfocus --sync " + window + " key --delay 80 " + keys);
}

std::vector<std::string> files(const std::string& folder, const std::string& ext) {
    std::vector<std::string> out;
    for (const std::string& n : list_dir(folder))
        if (n.size() > ext.size() && n.compare(n.size() - ext.size(), ext.size(), ext) == 0) out.push_back(n);
    return out;
}

std::string export_csv(const std::string& window, const std::string& folder) {
    const std::vector<std::string> before = files(folder, ".csv");
    keys(window, "ctrl+shift+e");
    for (int i = 0; i < 100; ++i) {
        for (const std::string& name : files(folder, ".csv"))
            if (std::find(before.begin(), before.end(), name) == before.end()) return name;
        pause(0.1);
    }
    return "";
}

long epoch_of(const std::string& name) {
    const size_t at = name.find("_epoch");
    return at == std::string::npos ? -1 : std::strtol(name.c_str() + at + 6, nullptr, 10);
}

}  // namespace

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
    pause(1.0);
    keys(app.window, "ctrl+4");
    pause(0.8);
    keys(app.window, "space");
    pause(2.0);
    const std::string first = export_csv(app.window, out);
    ASSERT_FALSE(first.empty());
    const long stopped = epoch_of(first);
    EXPECT_GE(stopped, 0);
    EXPECT_LT(stopped, 100) << "training should have stopped within a few epochs: " << first;
    // the boundary exported is a number everywhere (the weights from before the step that overflowed;
    // a value beyond single precision reads inf, never nan)
    const auto rows = read_csv(read_text(out + "/" + first));
    ASSERT_GT(rows.size(), 1000u);
    int nans = 0;
    for (size_t i = 1; i < rows.size(); ++i) nans += std::isnan(std::strtod(rows[i][2].c_str(), nullptr));
    EXPECT_EQ(nans, 0);

    // the banner: its pale red background across the main area
    sh("import -window " + app.window + " " + (tmp / "shot.png"));
    const Png shot = read_png(tmp / "shot.png");
    ASSERT_TRUE(shot.ok);
    EXPECT_GT(count_color(shot, 253, 226, 222, 4), 8000) << "no divergence banner on screen";

    keys(app.window, "space");  // a diverged run does not start again by itself
    pause(1.0);
    const std::string second = export_csv(app.window, out);
    EXPECT_EQ(epoch_of(second), stopped);

    keys(app.window, "ctrl+q");
    EXPECT_EQ(wait_program(app.pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
}
