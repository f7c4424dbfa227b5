// `actlab export loss` with no display: the run trained headless matches the engine run directly,
// the defaults are Playground's set-up (a), and bad values are refused with one line and exit code 2.
#include "core/training.h"
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

TEST(CliLoss, DefaultsAreSetupAAndMatchTheEngineEpochByEpoch) {
    TempDir tmp;
    const std::string out = tmp / "a.csv";
    const RunResult r = run_actlab({"export", "loss", "--set", "dataset=circle", "--set", "epochs=500", "--set", "seed=1",
                                    "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const auto rows = read_csv(read_text(out));
    ASSERT_EQ(rows.size(), 501u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"}));
    // the same run, on this thread, through the engine
    actlab::core::TrainConfig c = actlab::core::default_train_config();
    actlab::core::Training run(c, actlab::core::make_dataset(c.data));
    for (int e = 1; e <= 500; ++e) {
        ASSERT_TRUE(run.run_epoch());
        const actlab::core::EpochRecord want = run.evaluate();
        ASSERT_EQ(rows[e].size(), 5u);
        ASSERT_EQ(std::stoi(rows[e][0]), e);
        // %.17g round-trips: the numbers are the engine's, bit for bit
        EXPECT_EQ(std::strtod(rows[e][1].c_str(), nullptr), want.train_loss) << "epoch " << e;
        EXPECT_EQ(std::strtod(rows[e][2].c_str(), nullptr), want.test_loss) << "epoch " << e;
        EXPECT_EQ(std::strtod(rows[e][4].c_str(), nullptr), want.test_accuracy) << "epoch " << e;
    }
    // Playground's (a) reaches about 0.0016 after 500 epochs; this run must be below 0.01
    EXPECT_LT(std::strtod(rows[500][2].c_str(), nullptr), 0.01);
}

TEST(CliLoss, SameSettingsGiveTheSameFileAndEveryKeyIsRead) {
    TempDir tmp;
    const std::vector<std::string> args = {
        "export", "loss", "--set", "dataset=xor", "--set", "epochs=40", "--set", "seed=3", "--set", "layers=6,3",
        "--set", "activation=relu,gelu", "--set", "output=sigmoid", "--set", "optimizer=adam", "--set", "lr=0.01",
        "--set", "batch=16", "--set", "init=he", "--set", "noise=10", "--set", "split=70", "--set", "points=300",
        "--set", "features=x1,x2,x1x2", "--set", "reg=l2", "--set", "reg_rate=0.001", "--set", "bias=0.05"};
    std::vector<std::string> a = args, b = args;
    a.insert(a.end(), {"--out", tmp / "a.csv"});
    b.insert(b.end(), {"--out", tmp / "b.csv"});
    ASSERT_EQ(run_actlab(a).exit_code, 0);
    ASSERT_EQ(run_actlab(b).exit_code, 0);
    EXPECT_EQ(read_text(tmp / "a.csv"), read_text(tmp / "b.csv"));
    const auto rows = read_csv(read_text(tmp / "a.csv"));
    ASSERT_EQ(rows.size(), 41u);
    // x1·x2 makes xor easy: the run learns it
    EXPECT_GT(std::strtod(rows[40][4].c_str(), nullptr), 0.9);
}

TEST(CliLoss, RegressionLeavesAccuracyEmptyAndOwnDataIsRead) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "loss", "--set", "dataset=plane", "--set", "output=identity", "--set",
                                    "epochs=5", "--out", tmp / "p.csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "p.csv"));
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(rows[5].size(), 5u);
    EXPECT_EQ(rows[5][3], "");
    EXPECT_EQ(rows[5][4], "");
    {
        std::ofstream data(tmp / "mine.csv");
        data << "x1,x2,label\n";
        for (int i = 0; i < 40; ++i) data << (i % 7) - 3 << "," << (i % 5) - 2 << "," << (i % 3) << "\n";
    }
    const RunResult own = run_actlab({"export", "loss", "--set", "data=" + tmp / "mine.csv", "--set", "output=softmax",
                                      "--set", "epochs=3", "--out", tmp / "own.csv"});
    ASSERT_EQ(own.exit_code, 0) << own.err;
    EXPECT_EQ(read_csv(read_text(tmp / "own.csv")).size(), 4u);
}

TEST(CliLoss, ABlowUpIsSaidAndTheGoodEpochsAreKept) {
    TempDir tmp;
    const RunResult r = run_actlab({"export", "loss", "--set", "dataset=plane", "--set", "output=identity", "--set",
                                    "layers=8,8", "--set", "activation=relu", "--set", "lr=10", "--out", tmp / "d.csv"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.err.find("Training stopped: the loss became infinite or NaN in epoch"), std::string::npos) << r.err;
    const auto rows = read_csv(read_text(tmp / "d.csv"));
    ASSERT_GT(rows.size(), 1u);
    ASSERT_LT(rows.size(), 501u);
    for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_TRUE(std::isfinite(std::strtod(rows[i][1].c_str(), nullptr)));
}

TEST(CliLoss, ACollapseIsSaidAndTrainingGoesOn) {
    // set-up (a) at a rate of 10: every number stays finite, but the loss rises above the untrained one
    TempDir tmp;
    const RunResult r = run_actlab({"export", "loss", "--set", "lr=10", "--set", "epochs=40", "--out", tmp / "c.csv"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.err.find("Training collapsed in epoch 2: the training loss rose from 0.514 before training to 0.96"),
              std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Training went on to epoch 40."), std::string::npos) << r.err;
    EXPECT_EQ(read_csv(read_text(tmp / "c.csv")).size(), 41u);
    // the same run as a PNG: the warning's pale red box and the dashed line where it began
    const RunResult png = run_actlab({"export", "loss", "--set", "lr=10", "--set", "epochs=40", "--size", "800x500",
                                      "--out", tmp / "c.png"});
    ASSERT_EQ(png.exit_code, 0) << png.err;
    const Png shot = read_png(tmp / "c.png");
    EXPECT_GT(count_color(shot, 253, 226, 222, 4), 2000);
    EXPECT_GT(count_color(shot, 190, 30, 30, 30), 100);
    // at the usual rate: not a word
    const RunResult calm = run_actlab({"export", "loss", "--set", "epochs=300", "--out", tmp / "a.csv"});
    EXPECT_EQ(calm.exit_code, 0);
    EXPECT_EQ(calm.err, "");
}

TEST(CliLoss, PngShowsBothCurves) {
    TempDir tmp;
    const std::string out = tmp / "l.png";
    const RunResult r = run_actlab({"export", "loss", "--set", "epochs=100", "--size", "800x500", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Png png = read_png(out);
    ASSERT_EQ(png.width, 800);
    ASSERT_EQ(png.height, 500);
    // the training curve's blue (0, 114, 178) and the test curve's vermillion (213, 94, 0) are both drawn
    EXPECT_GT(count_color(png, 0, 114, 178, 40), 100);
    EXPECT_GT(count_color(png, 213, 94, 0, 40), 100);
}

TEST(CliLoss, BadValuesAreRefusedWithOneLineAndNoFile) {
    TempDir tmp;
    {
        std::ofstream bad(tmp / "bad.csv");
        bad << "x1,x2,label\n1,2,1\n3,four,1\n";
        std::ofstream huge(tmp / "huge.csv");
        huge << "x1,x2,label\n1e200,0,1\n1,2,0\n";
    }
    const struct {
        std::vector<std::string> sets;
        std::string message;
    } cases[] = {
        {{"dataset=donut"}, "unknown dataset"},
        {{"epochs=0"}, "'epochs=0': must be a whole number from 1"},
        {{"lr=100"}, "'lr=100': the learning rate must be from 1e-5 to 10"},
        {{"lr=abc"}, "'lr=abc'"},
        {{"layers=4,0"}, "'0': each layer has 1 to 64 units"},
        {{"layers=65"}, "each layer has 1 to 64 units"},
        {{"layers=1,1,1,1,1,1,1,1,1"}, "at most 8 hidden layers"},
        {{"activation=swishy"}, "unknown activation 'swishy'"},
        {{"activation=relu,tanh,gelu"}, "names 3 activations for 2 hidden layers"},
        {{"output=softplus"}, "output is tanh, sigmoid, softmax or identity"},
        {{"output=sigmoid", "loss=mse"}, "output sigmoid does not go with loss mse"},
        {{"dataset=blobs3"}, "3 classes: use output softmax"},
        {{"dataset=plane", "output=softmax"}, "regression"},
        {{"optimizer=rmsprop"}, "optimizer is sgd, momentum or adam"},
        {{"batch=0"}, "'batch=0'"},
        {{"init=glorot"}, "init is xavier, he, lecun, normal, uniform or playground"},
        {{"noise=60"}, "a percentage from 0 to 50"},
        {{"split=95"}, "from 10 to 90"},
        {{"points=5"}, "from 10 to 100000"},
        {{"features="}, "choose at least one feature"},
        {{"features=x3"}, "unknown feature 'x3'"},
        {{"reg=l3"}, "reg is none, l1 or l2"},
        {{"reg_rate=-1"}, "'reg_rate=-1'"},
        {{"seed=-1"}, "'seed=-1'"},
        {{"colour=red"}, "unknown key 'colour'"},
        {{"sigma=0.5"}, "sigma= is used only with init=normal"},
        {{"init=he", "a=0.5"}, "a= is used only with init=uniform"},
        {{"bias=0.5"}, "bias= is not used with init=playground"},
        {{"init=normal", "sigma=0"}, "'sigma=0': must be above 0"},
        {{"dataset=circle", "features=x1sq", "data=" + tmp / "huge.csv"}, "are too large to compute"},
        {{"data=" + tmp / "missing.csv"}, "cannot read"},
        {{"data=" + tmp / "bad.csv"}, "line 3: x2 'four' is not a number"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"export", "loss", "--out", tmp / "out.csv"};
        for (const std::string& s : c.sets) args.insert(args.end(), {"--set", s});
        const RunResult r = run_actlab(args);
        EXPECT_EQ(r.exit_code, 2) << c.message;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << "want '" << c.message << "' in: " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_TRUE(list_dir(tmp.path).size() <= 3u) << "a file was written for " << c.message;
    }
}
