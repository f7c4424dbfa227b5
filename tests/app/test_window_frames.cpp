// actlab --frames N --frame-stats FILE.csv: N frames drawn back to back in a real window (Xvfb in CI),
// one CSV row of times per frame; and the command line refusing what it cannot do before any window opens.
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace {

// `actlab args...` on the display, its settings in `config_home`.
RunResult run_on_display(const std::vector<std::string>& args, const std::string& config_home) {
    return run_actlab_on_display(args, {"XDG_CONFIG_HOME=" + config_home});
}

// The CSV's rows after the header: frame numbers 1..n in order, every time finite and ≥ 0, the total
// at least each part.
void expect_frame_rows(const std::vector<std::vector<std::string>>& rows, int n) {
    ASSERT_EQ(static_cast<int>(rows.size()), n + 1);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"frame", "cpu_ms", "submit_ms", "finish_ms", "swap_ms", "total_ms"}));
    for (int i = 1; i <= n; ++i) {
        const std::vector<std::string>& row = rows[i];
        ASSERT_EQ(row.size(), 6u) << "row " << i;
        EXPECT_EQ(row[0], std::to_string(i));
        for (int c = 1; c < 6; ++c) {
            const std::string& f = row[c];
            char* end = nullptr;
            const double v = std::strtod(f.c_str(), &end);
            EXPECT_TRUE(end && *end == '\0' && !f.empty()) << "row " << i << ": " << f << " is not a number";
            EXPECT_TRUE(std::isfinite(v) && v >= 0.0) << "row " << i << ": " << f;
            EXPECT_EQ(f.size() - f.find('.'), 4u) << "row " << i << ": " << f << " has not 3 decimals";
            if (c < 5) {
                EXPECT_GE(number(row[5]), v) << "row " << i << ": the total is less than a part";
            }
        }
    }
}

}  // namespace

TEST(FrameStats, ThirtySoftmaxFramesGiveTheHeaderAndThirtyRows) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    const std::string out = tmp / "out.csv";
    const RunResult r = run_on_display({"--frames", "30", "--frame-stats", out, "--lab", "softmax"}, tmp.path);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const std::string text = read_text(out);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 31) << text;
    expect_frame_rows(read_csv(text), 30);
    // a benchmark leaves the lesson as it was set up: no settings written
    EXPECT_EQ(read_text(tmp / "actlab/settings.json"), "");
}

TEST(FrameStats, ThePlaygroundTrainsFlatOutForItsFrames) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    const std::string out = tmp / "train.csv";
    const RunResult r = run_on_display({"--frames", "20", "--frame-stats", out, "--lab", "playground", "--train"}, tmp.path);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_frame_rows(read_csv(read_text(out)), 20);
}

// Refused before any window opens: exit code 2, one line on stderr saying what was wrong, no file.
TEST(FrameStats, BadArgumentsAreRefusedWithOneLineAndExitCodeTwo) {
    TempDir tmp;
    const std::string out = tmp / "out.csv";
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    const Case cases[] = {
        {{"--frames", "0", "--frame-stats", out}, "--frames"},
        {{"--frames", "-3", "--frame-stats", out}, "--frames"},
        {{"--frames", "2.5", "--frame-stats", out}, "--frames"},
        {{"--frames", "ten", "--frame-stats", out}, "--frames"},
        {{"--frames", "100001", "--frame-stats", out}, "--frames"},
        {{"--frames", "10", "--frame-stats", out, "--lab", "regression"}, "--lab"},
        {{"--frames", "10", "--frame-stats", tmp / "no-such-folder/out.csv"}, "there is no folder"},
        {{"--frames", "10", "--frame-stats", tmp.path}, "is a folder"},
        {{"--frame-stats", out}, "--frames"},
        {{"--frames", "10", "--lab", "softmax", "--train"}, "--train"},
        {{"--train"}, "--frames"},
    };
    for (const Case& c : cases) {
        std::string joined;
        for (const std::string& a : c.args) joined += a + " ";
        const RunResult r = run_actlab(c.args);
        EXPECT_EQ(r.exit_code, 2) << joined << "\n" << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << joined << "\n" << r.err;
        EXPECT_NE(r.err.find(c.says), std::string::npos) << joined << "\nsaid: " << r.err;
        EXPECT_TRUE(list_dir(tmp.path).empty()) << joined;
    }
}
