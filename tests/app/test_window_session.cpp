// `actlab FILE.actlab` in a real window (Xvfb in CI): a good session opens without a word; a bad one is
// said on stderr with where, and the window still opens with every lab as it was.
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

TEST(WindowSession, ASessionGivenOnTheCommandLineOpensAndABadOneIsSaid) {
    ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run through tests/app/with_display.sh";
    TempDir tmp;
    RunResult r = run_actlab({"export", "session", "--set", "lab=playground", "--set", "dataset=xor", "--set", "weights=yes",
                              "--set", "epochs=5", "--out", tmp / "good.actlab"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_actlab_on_display({"--frames", "10", "--train", tmp / "good.actlab"}, {"XDG_CONFIG_HOME=" + tmp.path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");

    std::ofstream(tmp / "bad.actlab") << "{\"format\": \"actlab session\", \"version\": 1, \"lab\": \"attic\"}";
    r = run_actlab_on_display({"--frames", "3", tmp / "bad.actlab"}, {"XDG_CONFIG_HOME=" + tmp.path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("Session not opened"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("at /lab"), std::string::npos) << r.err;
}
