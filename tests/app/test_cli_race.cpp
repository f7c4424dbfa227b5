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
    EXPECT_EQ(rows[0], (std::vector<std::string>{"runner", "parameters", "epoch", "train_loss", "test_loss",
                                                 "train_accuracy", "test_accuracy"}));
    const char* ids[] = {"sigmoid", "tanh", "relu", "gelu"};
    for (int a = 0; a < 4; ++a)
        for (int e = 1; e <= 60; ++e) {
            const auto& row = rows[a * 60 + e];
            ASSERT_EQ(row.size(), 7u);
            EXPECT_EQ(row[0], ids[a]);
            EXPECT_EQ(row[1], "25");  // 2-4-2-1: 2·4 + 4 + 4·2 + 2 + 2·1 + 1
            EXPECT_EQ(row[2], std::to_string(e));
            EXPECT_GE(number(row[6]), 0.0);
            EXPECT_LE(number(row[6]), 1.0);
        }
    // the runners differ: they do not all end at the same loss
    EXPECT_NE(rows[60][4], rows[120][4]);
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
    // the race's tanh rows, without their runner and parameters, are the loss export's rows, text for text
    std::istringstream in(read_text(tmp / "race.csv"));
    std::string line, tanh_rows;
    std::getline(in, line);  // header
    // 2-5-3-1: 2·5 + 5 + 5·3 + 3 + 3·1 + 1 = 37 parameters
    while (std::getline(in, line))
        if (line.rfind("tanh,37,", 0) == 0) tanh_rows += line.substr(8) + "\n";
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
    EXPECT_EQ(rows[8][5], "");
    EXPECT_EQ(rows[8][6], "");
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
        if (row.size() == 7 && row[0] != "runner" && !first.count(row[0]) && std::strtod(row[4].c_str(), nullptr) <= 0.1)
            first[row[0]] = std::stoi(row[2]);
    ASSERT_EQ(first["relu"], 12);
    ASSERT_EQ(first["gelu"], 12);
    const int marked_tie = count_color(read_png(tmp / "tie.png"), 255, 244, 200, 2);
    const int marked_one = count_color(read_png(tmp / "one.png"), 255, 244, 200, 2);
    EXPECT_GT(marked_one, 1000);
    EXPECT_NEAR(static_cast<double>(marked_tie) / marked_one, 2.0, 0.2);
}

// "ReLU, 8 units" against "SwiGLU, 6 gated units": near-equal parameter counts, each runner's rows
// those of `actlab export loss` for its own network, and its count in the CSV the formula's.
TEST(CliRace, GatedRunnersAndRunnersOfTheirOwnWidthCountTheirParameters) {
    TempDir tmp;
    const std::vector<std::string> sets = {"dataset=xor", "epochs=40", "layers=4,4", "lr=0.1"};
    auto race = with_sets({"export", "race", "--out", tmp / "race.csv"}, sets);
    race.insert(race.end(), {"--set", "race=relu:8,swiglu:6,gated_tanh"});
    const RunResult r = run_actlab(race);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = read_csv(read_text(tmp / "race.csv"));
    ASSERT_EQ(rows.size(), 1u + 3 * 40);
    // relu:8 is 2-8-8-1: 3·8 + 9·8 + 9·1 = 105; swiglu:6 is 3·12 + 7·12 + 7·1 = 127; gated tanh at 4,4:
    // 3·8 + 5·8 + 5·1 = 69
    EXPECT_EQ(rows[1][0], "relu:8");
    EXPECT_EQ(rows[1][1], "105");
    EXPECT_EQ(rows[41][0], "swiglu:6");
    EXPECT_EQ(rows[41][1], "127");
    EXPECT_EQ(rows[81][0], "gated_tanh");
    EXPECT_EQ(rows[81][1], "69");
    // the SwiGLU runner is `export loss` of that network
    auto loss = with_sets({"export", "loss", "--out", tmp / "loss.csv"},
                          {"dataset=xor", "epochs=40", "layers=6,6", "lr=0.1", "activation=swiglu"});
    ASSERT_EQ(run_actlab(loss).exit_code, 0);
    std::istringstream in(read_text(tmp / "race.csv"));
    std::string line, swiglu_rows;
    std::getline(in, line);
    while (std::getline(in, line))
        if (line.rfind("swiglu:6,127,", 0) == 0) swiglu_rows += line.substr(13) + "\n";
    const std::string expected = read_text(tmp / "loss.csv");
    EXPECT_EQ(swiglu_rows, expected.substr(expected.find('\n') + 1));
    // the PNG draws and its table has a parameters column (drawn, not checked here pixel by pixel)
    auto png = with_sets({"export", "race", "--size", "1200x800", "--out", tmp / "race.png"}, sets);
    png.insert(png.end(), {"--set", "race=relu:8,swiglu:6"});
    ASSERT_EQ(run_actlab(png).exit_code, 0);
    EXPECT_TRUE(read_png(tmp / "race.png").ok);
}

TEST(CliRace, BadRaceKeysAreRefusedWithOneLineAndNoFile) {
    const struct {
        std::vector<std::string> sets;
        std::string message;
    } cases[] = {
        {{"race=relu,swishy"}, "'swishy' is not an activation"},
        {{"race=relu,swiglu:0"}, "'swiglu:0': units after ':' are 1 to 64"},
        {{"race=relu,swiglu:65"}, "are 1 to 64"},
        {{"race=relu:8,relu:8"}, "names relu:8 twice"},
        {{"gated=true"}, "gated= is not used by race"},
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
