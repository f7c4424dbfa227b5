// The playground's state without a window: loading the user's CSV, good or bad.
#include "app/panels/playground_controls.h"

#include "process.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace actlab;
using namespace actlab::app;

TEST(Playground, ABadCsvIsReportedWithItsLineAndNothingChanges) {
    TempDir tmp;
    std::ofstream(tmp / "bad.csv") << "x1,x2,label\n0.5,1,1\n0.25,oops,-1\n";
    PlaygroundState p;
    p.data = core::make_dataset(p.view.config.data);
    const core::TrainConfig before = p.view.config;
    const int points = p.data.size();
    EXPECT_FALSE(load_playground_csv(p, tmp / "bad.csv"));
    EXPECT_NE(p.message.find("line 3"), std::string::npos) << p.message;
    EXPECT_NE(p.message.find("kept"), std::string::npos) << p.message;
    EXPECT_EQ(p.data.size(), points);
    EXPECT_TRUE(p.view.data_file.empty());
    EXPECT_EQ(p.view.config.output, before.output);
    EXPECT_FALSE(load_playground_csv(p, tmp / "missing.csv"));
    EXPECT_EQ(p.data.size(), points);
}

TEST(Playground, AGoodCsvReplacesThePointsAndGetsAnOutputThatSuitsIt) {
    TempDir tmp;
    std::ofstream(tmp / "three.csv") << "x1,x2,label\n0,0,0\n1,0,1\n0,1,2\n1,1,0\n2,2,1\n3,1,2\n";
    PlaygroundState p;
    p.data = core::make_dataset(p.view.config.data);
    ASSERT_TRUE(load_playground_csv(p, tmp / "three.csv")) << p.message;
    EXPECT_TRUE(p.message.empty());
    EXPECT_EQ(p.data.size(), 6);
    EXPECT_EQ(p.data.classes, 3);
    EXPECT_EQ(p.view.data_file, tmp / "three.csv");
    EXPECT_EQ(p.data_name, "three.csv");
    EXPECT_EQ(p.view.config.output, core::Output::Softmax);  // tanh cannot train three classes
    EXPECT_EQ(p.view.config.loss, core::LossKind::Ce);
    EXPECT_TRUE(p.needs_reset);
    std::ofstream(tmp / "reg.csv") << "x1,x2,label\n0,0,0.25\n1,0,1.5\n0,1,-2\n";
    ASSERT_TRUE(load_playground_csv(p, tmp / "reg.csv")) << p.message;
    EXPECT_EQ(p.data.classes, 0);
    EXPECT_EQ(p.view.config.output, core::Output::Identity);
}
