// Every `actlab export` plot's check: the --set keys read and checked before anything is computed,
// as the command line and the fuzzer (tests/fuzz/fuzz_export_keys.cpp) run it.
#include "app/cli/export_plots.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace actlab::app;

namespace {

bool check(const std::string& plot, const std::vector<KeyValue>& sets, bool csv, ExportKeys* keys, std::string* error) {
    const ExportPlot* p = find_export_plot(plot);
    EXPECT_NE(p, nullptr) << plot;
    return p && p->check(sets, csv, keys, error);
}

}  // namespace

TEST(ExportKeys, EveryPlotChecksItsDefaults) {
    for (const ExportPlot& plot : export_plots()) {
        ExportKeys keys;
        std::string error;
        EXPECT_TRUE(plot.check({}, false, &keys, &error)) << plot.name << ": " << error;
    }
}

TEST(ExportKeys, ABadKeyIsReportedByEveryPlot) {
    for (const ExportPlot& plot : export_plots()) {
        ExportKeys keys;
        std::string error;
        EXPECT_FALSE(plot.check({{"nokey", "1"}}, false, &keys, &error)) << plot.name;
        EXPECT_NE(error.find("unknown key 'nokey'"), std::string::npos) << plot.name << ": " << error;
    }
}

// Found by fuzzing: x=1e30 alone gave the range 999999 … 1000001, past the ±1e6 that xmin= and
// xmax= accept, so the view could not be written as keys and read back.
TEST(ExportKeys, ExactPointsAtTheEdgeGiveARangeWithinIt) {
    for (const char* x : {"1e30", "1e6", "-1e30"}) {
        ExportKeys keys;
        std::string error;
        ASSERT_TRUE(check("activations", {{"x", x}}, true, &keys, &error)) << error;
        const ActivationView& view = keys.activations;
        EXPECT_LT(view.x_min, view.x_max);
        EXPECT_GE(view.x_min, -kMaxAbsX) << x;
        EXPECT_LE(view.x_max, kMaxAbsX) << x;
        EXPECT_EQ(view.x_max - view.x_min, 1.0) << x;
        ActivationView back;
        for (const auto& [key, value] : activation_keys(view))
            ASSERT_TRUE(apply_activation_key(&back, key, value, &error)) << error;
        EXPECT_TRUE(back == view);
    }
}

// data=/dev/zero was read until the memory ran out.
TEST(ExportKeys, ADeviceAsTheDataIsRefused) {
    for (const char* plot : {"loss", "boundary", "network", "race"}) {
        ExportKeys keys;
        std::string error;
        EXPECT_FALSE(check(plot, {{"data", "/dev/zero"}}, false, &keys, &error));
        EXPECT_EQ(error, "--set data=: '/dev/zero' is not a plain file") << plot;
    }
}

TEST(ExportKeys, TheTrainingPlotsCheckTheirDataBeforeTraining) {
    ExportKeys keys;
    std::string error;
    ASSERT_TRUE(check("loss", {{"dataset", "spiral3"}, {"output", "softmax"}, {"points", "40"}}, true, &keys, &error))
        << error;
    EXPECT_EQ(keys.data.size(), 40);
    EXPECT_EQ(keys.data.classes, 3);
    ExportKeys fresh;
    EXPECT_FALSE(check("boundary", {{"dataset", "spiral3"}}, false, &fresh, &error));
    EXPECT_EQ(error, "--set: the data have 3 classes: use output softmax with loss ce");
}

TEST(ExportKeys, RaceReadsItsRunnersAndTarget) {
    ExportKeys keys;
    std::string error;
    ASSERT_TRUE(check("race", {{"race", "relu,tanh"}, {"race_loss", "0.1"}}, false, &keys, &error)) << error;
    EXPECT_EQ(keys.race.size(), 2u);
    EXPECT_EQ(keys.race_loss, 0.1);
    ExportKeys twice;
    EXPECT_FALSE(check("race", {{"race", "relu,relu"}}, false, &twice, &error));
    EXPECT_NE(error.find("names relu twice"), std::string::npos) << error;
}

// A runner's id reads back as the same runner, and its label says what it trains.
TEST(ExportKeys, RunnerIdsReadBackAsTheSameRunner) {
    using actlab::core::activation_index;
    const RunnerKind kinds[] = {{activation_index("relu")},
                                {activation_index("relu"), false, 8},
                                {activation_index("silu"), true, 6},
                                {activation_index("tanh"), true},
                                {activation_index("gelu_tanh"), true, 1}};
    for (const RunnerKind& k : kinds) {
        RunnerKind back;
        std::string why;
        ASSERT_TRUE(parse_runner(runner_id(k), &back, &why)) << runner_id(k) << ": " << why;
        EXPECT_EQ(back, k) << runner_id(k);
    }
    EXPECT_EQ(runner_id(kinds[2]), "swiglu:6");
    EXPECT_EQ(runner_label(kinds[2]), "SwiGLU · 6 gated units");
    EXPECT_EQ(runner_label(kinds[1]), "ReLU · 8 units");
    EXPECT_EQ(runner_id(kinds[3]), "gated_tanh");
    EXPECT_EQ(runner_label(kinds[4]), "GeGLU (tanh) · 1 gated unit");
}
