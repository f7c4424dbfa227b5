// `actlab export session` writes a session from keys (trained headless with weights=yes), and every
// plot takes --session: a plot exported from a session is byte for byte the plot exported from the
// same keys. A bad session is refused with where, and no file is written.
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <fstream>

namespace {

RunResult actlab(const std::vector<std::string>& args) { return run_actlab(args); }

}  // namespace

TEST(CliSession, APlotFromASessionIsTheSamePlotAsFromItsKeys) {
    TempDir tmp;
    const std::vector<std::string> keys = {"dataset=xor", "layers=3", "activation=relu", "lr=0.1", "points=200", "epochs=40"};
    std::vector<std::string> args = {"export", "session", "--out", tmp / "lesson.actlab", "--set", "weights=yes",
                                     "--set", "softmax.logits=3,1,0.2", "--set", "softmax.temperature=0.5"};
    for (const std::string& k : keys) args.insert(args.end(), {"--set", k});
    RunResult r = actlab(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("the network at epoch 40"), std::string::npos) << r.out;
    const std::string text = read_text(tmp / "lesson.actlab");
    EXPECT_NE(text.find("\"version\": 1"), std::string::npos);
    EXPECT_NE(text.find("\"epoch\": 40"), std::string::npos);

    for (const std::string ext : {"png", "csv"}) {
        std::vector<std::string> from_keys = {"export", "boundary", "--out", tmp / ("keys." + ext)};
        for (const std::string& k : keys) from_keys.insert(from_keys.end(), {"--set", k});
        r = actlab(from_keys);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        r = actlab({"export", "boundary", "--session", tmp / "lesson.actlab", "--out", tmp / ("session." + ext)});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(read_text(tmp / ("session." + ext)), read_text(tmp / ("keys." + ext))) << "boundary ." << ext;

        r = actlab({"export", "softmax", "--set", "logits=3,1,0.2", "--set", "temperature=0.5", "--out", tmp / ("sk." + ext)});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        r = actlab({"export", "softmax", "--session", tmp / "lesson.actlab", "--out", tmp / ("ss." + ext)});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(read_text(tmp / ("ss." + ext)), read_text(tmp / ("sk." + ext))) << "softmax ." << ext;
    }

    // --set on top of the session: as if the keys were given after the session's
    r = actlab({"export", "softmax", "--session", tmp / "lesson.actlab", "--set", "temperature=2", "--out", tmp / "s2.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = actlab({"export", "softmax", "--set", "logits=3,1,0.2", "--set", "temperature=2", "--out", tmp / "k2.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_text(tmp / "s2.csv"), read_text(tmp / "k2.csv"));
}

TEST(CliSession, LoadedPointsTravelInTheSession) {
    TempDir tmp;
    {
        std::ofstream out(tmp / "points.csv");
        out << "x1,x2,label\n";
        for (int i = 0; i < 60; ++i) out << (i % 2 ? 1 : -1) * (0.3 + i * 0.01) << "," << (i - 30) * 0.05 << "," << (i % 2 ? 1 : -1) << "\n";
    }
    RunResult r = actlab({"export", "session", "--set", "data=" + tmp / "points.csv", "--set", "epochs=20", "--set",
                          "weights=yes", "--out", tmp / "p.actlab"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = actlab({"export", "boundary", "--set", "data=" + tmp / "points.csv", "--set", "epochs=20", "--out", tmp / "k.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::remove((tmp / "points.csv").c_str());  // the session holds the points itself
    r = actlab({"export", "boundary", "--session", tmp / "p.actlab", "--out", tmp / "s.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_text(tmp / "s.csv"), read_text(tmp / "k.csv"));
}

TEST(CliSession, ABadSessionOrKeyIsRefused) {
    TempDir tmp;
    std::ofstream(tmp / "bad.actlab") << "{\"format\": \"actlab session\", \"version\": 2}";
    expect_refused({"boundary", "--session", tmp / "bad.actlab", "--out", "OUT.png"}, "at /version");
    expect_refused({"softmax", "--session", tmp / "none.actlab", "--out", "OUT.csv"}, "there is no file");
    expect_refused({"session", "--set", "weights=perhaps", "--out", "OUT.actlab"}, "weights=perhaps");
    expect_refused({"session", "--set", "lr=fast", "--out", "OUT.actlab"}, "at /playground/lr");
    expect_refused({"session", "--out", "OUT.png"}, "must end in .actlab");
}

TEST(CliSession, HelpNamesSessions) {
    RunResult r = actlab({"export", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("--session"), std::string::npos);
    EXPECT_NE(r.out.find("actlab export session"), std::string::npos);
    r = actlab({"--help"});
    EXPECT_NE(r.out.find("FILE.actlab"), std::string::npos) << r.out;
}
