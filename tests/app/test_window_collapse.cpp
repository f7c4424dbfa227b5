// A run that collapses, as a user meets it: the playground opens on the default circle with a learning
// rate of 10 (from settings.json), Space starts it, and within a few epochs the loss rises above the
// untrained network's though every number stays finite. Training must pause there as it does after a
// blow-up, and Space (the banner's "Carry on anyway") must carry on from it.
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

TEST(WindowCollapse, ACollapsePausesTrainingAndSpaceCarriesOn) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    sh("mkdir -p " + (tmp / "actlab"));
    std::ofstream(tmp / "actlab/settings.json") << R"({ "playground": { "lr": "10" } })";
    const std::string out = tmp / "exports";
    const RunningApp app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
    ASSERT_FALSE(app.window.empty()) << "no window titled actlab appeared";
    press_keys(app.window, "ctrl+4 space");
    // paused by itself: two exports in a row name the same epoch (at 30 epochs a second it would move on)
    long previous = -1;
    const std::string first = export_until(app.window, out, "ctrl+shift+e", ".csv", [&](const std::string& name) {
        const bool same = epoch_in_name(name) == previous && previous > 0;
        previous = epoch_in_name(name);
        if (!same) pause(0.3);
        return same;
    });
    ASSERT_FALSE(first.empty()) << "training did not pause";
    const long paused = epoch_in_name(first);
    EXPECT_GE(paused, 3) << first;  // the rule needs three epochs above the untrained loss
    EXPECT_LE(paused, 10) << "training should have paused at the collapse: " << first;

    press_keys(app.window, "space");  // carry on anyway
    const std::string later = export_until(app.window, out, "ctrl+shift+e", ".csv",
                                           [&](const std::string& name) { return epoch_in_name(name) > paused + 10; });
    EXPECT_FALSE(later.empty()) << "Space did not carry on from the collapse";

    press_keys(app.window, "ctrl+q");
    EXPECT_EQ(wait_program(app.pid, 30), 0) << "the window did not close cleanly";
    EXPECT_EQ(read_text(tmp / "stderr.txt"), "");
}
