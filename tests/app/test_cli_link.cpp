// `actlab export ... --playground-link URL`: a TensorFlow Playground link's run trained headless, the
// same as its keys given with --set; a --set after it changes what it set; links and plots that
// cannot be used are refused with one line and exit code 2.
#include "actlab_run.h"

#include <gtest/gtest.h>

namespace {
const std::string kCourseLink =
    "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&"
    "learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.80593&showTestData=false&"
    "discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&"
    "sinX=false&cosY=true&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false";
}  // namespace

TEST(CliPlaygroundLink, TrainsTheLinksRunAsItsKeysWould) {
    TempDir tmp;
    const RunResult a = run_actlab({"export", "loss", "--playground-link", kCourseLink, "--set", "epochs=20", "--out", tmp / "a.csv"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    // setup (a) with the seed made of Playground's: 0.80593 → 80593
    const RunResult b = run_actlab({"export", "loss", "--set", "seed=80593", "--set", "epochs=20", "--out", tmp / "b.csv"});
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(read_text(tmp / "a.csv"), read_text(tmp / "b.csv"));
    EXPECT_NE(a.err.find("from the Playground link: No counterpart in actlab: the input cosY"), std::string::npos) << a.err;
    EXPECT_NE(a.err.find("seed=80593 is the digits after the point of Playground's seed 0.80593"), std::string::npos) << a.err;
    EXPECT_NE(a.err.find("Not used by loss: show_test=false and discrete=false"), std::string::npos) << a.err;
}

TEST(CliPlaygroundLink, ASetAfterTheLinkWins) {
    TempDir tmp;
    const RunResult a = run_actlab({"export", "loss", "--playground-link", "#networkShape=&activation=relu", "--set",
                                    "layers=3", "--set", "epochs=5", "--out", tmp / "a.csv"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const RunResult b = run_actlab({"export", "loss", "--set", "layers=3", "--set", "activation=relu", "--set", "epochs=5",
                                    "--out", tmp / "b.csv"});
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(read_text(tmp / "a.csv"), read_text(tmp / "b.csv"));
}

TEST(CliPlaygroundLink, ARaceNamesItsOwnRunners) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "race", "--playground-link", "#activation=relu&dataset=xor&networkShape=4",
                                    "--set", "epochs=3", "--out", tmp / "race.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("Not used by race: activation=relu (race= names the runners)."), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Not used by race: show_test=false and discrete=false (the window's display)."), std::string::npos)
        << r.err;
}

TEST(CliPlaygroundLink, RefusesWhatItCannotUse) {
    expect_refused({"activations", "--playground-link", kCourseLink, "--out", "OUT.png"},
                   "--playground-link sets up a training run: it is for loss, boundary");
    expect_refused({"loss", "--playground-link", "https://example.com/#activation=tanh", "--out", "OUT.csv"},
                   "its site is 'example.com'");
    expect_refused({"loss", "--playground-link", "#learningRate=0", "--out", "OUT.csv"},
                   "The link's learningRate gives 'lr=0'");
    expect_refused({"boundary", "--playground-link", "#activation=softplus", "--out", "OUT.png"},
                   "activation=softplus is not one of Playground's activations");
}
