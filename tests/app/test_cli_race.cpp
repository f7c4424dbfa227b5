// `actlab export race` with no display: every runner's epochs are in the CSV, a runner's rows are the
// very rows `actlab export loss` writes for its activation, the PNG is drawn, a tie for first is shown as
// one, and bad race keys are refused with one line and exit code 2.
#include "png_check.h"
#include "actlab_run.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace {

std::vector<std::string> with_sets(std::vector<std::string> args, const std::vector<std::string>& sets) {
    for (const std::string& s : sets) args.insert(args.end(), {"--set", s});
    return args;
}

}  // namespace

TEST(CliRace, CsvHasEveryEpochOfEveryRunnerInOrder) {
    TempDir tmp;
    const RunResult r = run_actlab(with_sets({"export", "race", "--out", tmp / "r.csv"},
                                             {"epochs=60", "race=sigmoid,tanh,relu,gelu", "race_loss=0.1"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const auto rows = read_csv(read_text(tmp / "r.csv"));
    ASSERT_EQ(rows.size(), 1u + 4 * 60);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"activation", "epoch", "train_loss", "test_loss", "train_accuracy",
                                                 "test_accuracy"}));
    const char* ids[] = {"sigmoid", "tanh", "relu", "gelu"};
    for (int a = 0; a < 4; ++a)
        for (int e = 1; e <= 60; ++e) {
            const auto& row = rows[a * 60 + e];
            ASSERT_EQ(row.size(), 6u);
            EXPECT_EQ(row[0], ids[a]);
            EXPECT_EQ(row[1], std::to_string(e));
            EXPECT_GE(number(row[5]), 0.0);
            EXPECT_LE(number(row[5]), 1.0);
        }
    // the runners differ: they do not all end at the same loss
    EXPECT_NE(rows[60][3], rows[120][3]);
}

TEST(CliRace, ARunnersRowsAreExportLossForItsActivation) {
    TempDir tmp;
    const std::vector<std::string> sets = {"dataset=xor", "epochs=80", "seed=4", "layers=5,3", "lr=0.1",
                                           "noise=10", "batch=8"};
    auto race = with_sets({"export", "race", "--out", tmp / "race.csv"}, sets);
    race.insert(race.end(), {"--set", "race=relu,tanh", "--set", "race_loss=0.2"});
    auto loss = with_sets({"export", "loss", "--out", tmp / "loss.csv"}, sets);
    loss.insert(loss.end(), {"--set", "activation=tanh"});
    ASSERT_EQ(run_actlab(race).exit_code, 0);
    ASSERT_EQ(run_actlab(loss).exit_code, 0);
    // the race's tanh rows, without their first field, are the loss export's rows, text for text
    std::istringstream in(read_text(tmp / "race.csv"));
    std::string line, tanh_rows;
    std::getline(in, line);  // header
    while (std::getline(in, line))
        if (line.rfind("tanh,", 0) == 0) tanh_rows += line.substr(5) + "\n";
    const std::string expected = read_text(tmp / "loss.csv");
    const std::string body = expected.substr(expected.find('\n') + 1);
    ASSERT_FALSE(tanh_rows.empty());
    EXPECT_EQ(tanh_rows, body);
}

TEST(CliRace, RegressionLeavesAccuracyEmpty) {
    TempDir tmp;
    const RunResult r = run_actlab(with_sets({"export", "race", "--out", tmp / "p.csv"},
                                             {"dataset=plane", "output=identity", "epochs=4", "race=relu,elu"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "p.csv"));
    ASSERT_EQ(rows.size(), 9u);
    EXPECT_EQ(rows[8][0], "elu");
    EXPECT_EQ(rows[8][4], "");
    EXPECT_EQ(rows[8][5], "");
}

TEST(CliRace, PngIsDrawnAtItsSizeInEveryRunnersColour) {
    TempDir tmp;
    const std::string out = tmp / "race.png";
    const RunResult r = run_actlab(with_sets({"export", "race", "--size", "1200x800", "--out", out}, {"epochs=100"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("race.png"), std::string::npos) << r.out;
    const Png png = read_png(out);
    ASSERT_TRUE(png.ok);
    ASSERT_EQ(png.width, 1200);
    ASSERT_EQ(png.height, 800);
    EXPECT_GT(count_saturated(png), 20000);  // four boundaries
    // a colour per runner, in their order: sigmoid blue, tanh vermillion, ReLU bluish green, GELU reddish purple
    EXPECT_GT(count_color(png, 0, 158, 115, 30), 200);
    EXPECT_GT(count_color(png, 213, 94, 0, 30), 200);
    EXPECT_GT(count_color(png, 0, 114, 178, 30), 200);
    EXPECT_GT(count_color(png, 204, 121, 167, 30), 200);
}

TEST(CliRace, ATieForFirstMarksBothRows) {
    // the default race to a test loss of 0.1: ReLU and GELU both first reach it at epoch 12 (the CSV says
    // so), and both rows are marked, in the same pale yellow; to 0.05 GELU is first alone (15 against 19)
    TempDir tmp;
    const std::vector<std::string> base = {"export", "race", "--size", "1200x800", "--set", "epochs=60"};
    std::vector<std::string> tie = base, one = base, csv = base;
    tie.insert(tie.end(), {"--set", "race_loss=0.1", "--out", tmp / "tie.png"});
    one.insert(one.end(), {"--set", "race_loss=0.05", "--out", tmp / "one.png"});
    csv.insert(csv.end(), {"--set", "race_loss=0.1", "--out", tmp / "tie.csv"});
    ASSERT_EQ(run_actlab(tie).exit_code, 0);
    ASSERT_EQ(run_actlab(one).exit_code, 0);
    ASSERT_EQ(run_actlab(csv).exit_code, 0);
    std::map<std::string, int> first;
    for (const auto& row : read_csv(read_text(tmp / "tie.csv")))
        if (row.size() == 6 && row[0] != "activation" && !first.count(row[0]) && std::strtod(row[3].c_str(), nullptr) <= 0.1)
            first[row[0]] = std::stoi(row[1]);
    ASSERT_EQ(first["relu"], 12);
    ASSERT_EQ(first["gelu"], 12);
    const int marked_tie = count_color(read_png(tmp / "tie.png"), 255, 244, 200, 2);
    const int marked_one = count_color(read_png(tmp / "one.png"), 255, 244, 200, 2);
    EXPECT_GT(marked_one, 1000);
    EXPECT_NEAR(static_cast<double>(marked_tie) / marked_one, 2.0, 0.2);
}

TEST(CliRace, BadRaceKeysAreRefusedWithOneLineAndNoFile) {
    const struct {
        std::vector<std::string> sets;
        std::string message;
    } cases[] = {
        {{"race=relu,swishy"}, "unknown activation 'swishy'"},
        {{"race=relu"}, "name 2 to 4 activations"},
        {{"race=relu,tanh,gelu,sigmoid,elu"}, "name 2 to 4 activations"},
        {{"race="}, "name 2 to 4 activations"},
        {{"race=relu,relu"}, "names relu twice"},
        {{"race_loss=0"}, "'race_loss=0': the target test loss must be above 0"},
        {{"race_loss=abc"}, "'race_loss=abc'"},
        {{"activation=relu"}, "activation= is not used by race"},
        {{"colour=red"}, "unknown key 'colour' for race"},
        {{"layers=none"}, "race needs at least one"},
        {{"epochs=0"}, "'epochs=0'"},
        {{"dataset=blobs3"}, "3 classes: use output softmax"},
    };
    for (const auto& c : cases) expect_refused(with_sets({"race", "--out", "OUT.png"}, c.sets), c.message);
}
