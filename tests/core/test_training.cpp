// The epoch loop: Playground's set-ups learn what they should, runs are reproducible, and a run that
// blows up stops cleanly with its last good weights.
#include "core/decision_grid.h"
#include "core/training.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actlab::core {
namespace {

TrainConfig setup_b() {
    TrainConfig c = default_train_config();
    c.data.kind = DatasetKind::Spiral;
    const int relu = activation_index("relu");
    c.hidden = {{8, relu, {}}, {8, relu, {}}, {8, relu, {}}, {8, relu, {}}};
    c.optimizer.learning_rate = 0.01;
    return c;
}

TEST(Training, SetupAReachesATestLossBelowOneHundredthWithin500Epochs) {
    // BENCHMARKS.md: Playground's (a) first drops below 0.01 between epochs 85 and 244
    int converged = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        TrainConfig c = default_train_config();
        c.seed = c.data.seed = seed;
        Training t(c, make_dataset(c.data));
        bool below = false;
        for (int e = 0; e < 500 && !below; ++e) {
            ASSERT_TRUE(t.run_epoch());
            below = t.evaluate().test_loss < 0.01;
        }
        converged += below;
    }
    EXPECT_GE(converged, 4);
}

TEST(Training, SetupBReaches95PercentWithin2000Epochs) {
    int reached = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        TrainConfig c = setup_b();
        c.seed = c.data.seed = seed;
        Training t(c, make_dataset(c.data));
        bool done = false;
        for (int e = 0; e < 2000 && !done; ++e) {
            ASSERT_TRUE(t.run_epoch());
            done = t.evaluate().test_accuracy >= 0.95;
        }
        reached += done;
    }
    EXPECT_GE(reached, 3);
}

TEST(Training, SameSeedAndSettingsGiveBitIdenticalRuns) {
    TrainConfig c = setup_b();
    c.optimizer.kind = OptimizerKind::Adam;
    c.batch = 7;
    const Dataset d = make_dataset(c.data);
    Training a(c, d), b(c, d);
    for (int e = 0; e < 30; ++e) {
        a.run_epoch();
        b.run_epoch();
    }
    EXPECT_TRUE(a.network().params() == b.network().params());
    c.seed = 2;
    Training other(c, d);
    other.run_epoch();
    EXPECT_FALSE(other.network().params() == a.network().params());
}

TEST(Training, OnlyTheHiddenActivationChangedStartsFromTheSameWeights) {
    // The playground's activation race trains one network several times, changing only the hidden
    // activation: the comparison is fair only if every run starts from the same weights and batches.
    for (InitKind init : {InitKind::Playground, InitKind::He, InitKind::Xavier}) {
        TrainConfig c = default_train_config();
        c.init.kind = init;
        c.seed = c.data.seed = 7;
        c.hidden = {hidden_layer(6, activation_index("tanh")), hidden_layer(3, activation_index("tanh"))};
        const Dataset d = make_dataset(c.data);
        const Training reference(c, d);
        for (const char* id : {"sigmoid", "relu", "gelu", "elu", "softplus"}) {
            TrainConfig other = c;
            for (HiddenLayer& h : other.hidden) h = hidden_layer(h.units, activation_index(id));
            const Training run(other, d);
            EXPECT_EQ(run.epoch(), 0);
            EXPECT_TRUE(run.network().params() == reference.network().params()) << id << ", " << init_name(init);
            // the same split too: the same points to train and test on
            EXPECT_TRUE(run.train_set().x == reference.train_set().x) << id;
            EXPECT_TRUE(run.test_set().target == reference.test_set().target) << id;
        }
    }
}

TEST(Training, EachOutputAndLossPairLearnsItsTask) {
    struct Case {
        DatasetKind data;
        Output output;
        double want;  // accuracy, or for regression a test loss below it
    };
    const Case cases[] = {
        {DatasetKind::Xor, Output::Sigmoid, 0.95},
        {DatasetKind::Blobs3, Output::Softmax, 0.95},
        {DatasetKind::Spiral3, Output::Softmax, 0.6},  // hard for so small a network; chance is 1/3
        {DatasetKind::Plane, Output::Identity, 0.002},
        {DatasetKind::MultiGauss, Output::Tanh, 0.02},
    };
    for (const Case& k : cases) {
        TrainConfig c = default_train_config();
        c.data.kind = k.data;
        c.output = k.output;
        c.loss = matching_loss(k.output);
        const int tanh = activation_index("tanh");
        c.hidden = {{8, tanh, {}}, {8, tanh, {}}};
        c.optimizer.kind = OptimizerKind::Adam;
        c.optimizer.learning_rate = 0.01;
        const Dataset d = make_dataset(c.data);
        std::string error;
        ASSERT_TRUE(check_train_config(c, d, &error)) << error;
        Training t(c, d);
        for (int e = 0; e < 300; ++e) ASSERT_TRUE(t.run_epoch());
        const EpochRecord r = t.evaluate();
        if (dataset_info(k.data).classes > 0) {
            EXPECT_GE(r.test_accuracy, k.want) << dataset_info(k.data).id;
        } else {
            EXPECT_LT(r.test_loss, k.want) << dataset_info(k.data).id;
            EXPECT_TRUE(std::isnan(r.test_accuracy));
        }
    }
}

TEST(Training, MismatchedSettingsAreRefusedWithAReason) {
    const Dataset blobs = make_dataset({DatasetKind::Blobs3, 100, 0.0, 1});
    const Dataset plane = make_dataset({DatasetKind::Plane, 100, 0.0, 1});
    const Dataset circle = make_dataset({DatasetKind::Circle, 100, 0.0, 1});
    TrainConfig c = default_train_config();
    std::string error;
    EXPECT_FALSE(check_train_config(c, blobs, &error));
    EXPECT_NE(error.find("3 classes: use output softmax"), std::string::npos) << error;
    c.output = Output::Sigmoid;
    EXPECT_FALSE(check_train_config(c, circle, &error));
    EXPECT_NE(error.find("output sigmoid does not go with loss mse"), std::string::npos) << error;
    c.loss = LossKind::Bce;
    EXPECT_FALSE(check_train_config(c, plane, &error));
    EXPECT_NE(error.find("regression"), std::string::npos) << error;
    c.features = 0;
    EXPECT_FALSE(check_train_config(c, circle, &error));
    EXPECT_NE(error.find("at least one input feature"), std::string::npos) << error;
}

TEST(Training, ABlowUpStopsAtItsStepAndKeepsTheLastFiniteWeights) {
    TrainConfig c = default_train_config();
    c.hidden = {{8, activation_index("relu"), {}}, {8, activation_index("relu"), {}}};
    c.output = Output::Identity;
    c.loss = LossKind::Mse;
    c.data.kind = DatasetKind::Plane;
    c.optimizer.learning_rate = 10.0;
    Training t(c, make_dataset(c.data));
    Eigen::VectorXd before = t.network().params();
    bool ok = true;
    for (int e = 0; e < 50 && ok; ++e) {
        before = t.network().params();
        ok = t.run_epoch();
    }
    ASSERT_FALSE(ok);
    const Divergence& d = t.divergence();
    EXPECT_TRUE(d.happened);
    EXPECT_GE(d.step, 1);
    EXPECT_GE(d.epoch, 1);
    EXPECT_FALSE(d.what.empty());
    EXPECT_NE(d.message().find("became infinite or NaN in epoch " + std::to_string(d.epoch)), std::string::npos);
    EXPECT_TRUE(t.network().params().allFinite());
    EXPECT_FALSE(t.run_epoch());  // a diverged run stays stopped
    // the user may carry on from the kept weights (here they are already too large to recover)
    t.restore(t.network().params(), t.epoch());
    EXPECT_FALSE(t.divergence().happened);
}

TEST(Training, ABatchLargerThanTheSetAndAOnePointTestSetWork) {
    TrainConfig c = default_train_config();
    c.batch = 1000;        // more than the 9 training points: the whole set each step
    c.data.points = 10;
    c.train_percent = 90;  // one point to test on
    const Dataset d = make_dataset(c.data);
    std::string error;
    ASSERT_TRUE(check_train_config(c, d, &error)) << error;
    Training t(c, d);
    EXPECT_EQ(t.train_set().size(), 9);
    EXPECT_EQ(t.test_set().size(), 1);
    for (int e = 0; e < 5; ++e) ASSERT_TRUE(t.run_epoch());
    const EpochRecord r = t.evaluate();
    EXPECT_TRUE(std::isfinite(r.test_loss));
    EXPECT_TRUE(r.test_accuracy == 0.0 || r.test_accuracy == 1.0);
}

TEST(Training, ZeroHiddenLayersIsALinearModel) {
    TrainConfig c = default_train_config();
    c.hidden.clear();
    c.data.kind = DatasetKind::Gauss;
    Training t(c, make_dataset(c.data));
    EXPECT_EQ(t.network().params().size(), 3);  // two weights and a bias
    for (int e = 0; e < 50; ++e) ASSERT_TRUE(t.run_epoch());
    EXPECT_GT(t.evaluate().test_accuracy, 0.95);  // two blobs are linearly separable
}

TEST(Training, DeadUnitsAreCounted) {
    TrainConfig c = default_train_config();
    const int relu = activation_index("relu");
    c.hidden = {{6, relu, {}}};
    c.init = Init{InitKind::Normal, 0.01, 1.0, -5.0};  // biases of −5: every ReLU starts dead
    Training t(c, make_dataset(c.data));
    t.evaluate();
    ASSERT_EQ(t.dead_units().size(), 1u);
    EXPECT_EQ(t.dead_units()[0], 6);
    EXPECT_EQ(t.dead_mask(), (std::vector<std::vector<char>>{{1, 1, 1, 1, 1, 1}}));
}

TEST(DecisionGrid, MatchesTheNetworkPointByPoint) {
    TrainConfig c = default_train_config();
    Training t(c, make_dataset(c.data));
    for (int e = 0; e < 20; ++e) t.run_epoch();
    GridSpec spec;
    spec.n = 17;
    DecisionGrid grid;
    decision_grid(t.network(), c.output, c.features, spec, true, &grid);
    ASSERT_EQ(grid.output.cols(), 17 * 17);
    ASSERT_EQ(grid.neurons.size(), 2u);
    for (int j : {0, 5, 16})
        for (int i : {0, 8, 16}) {
            Eigen::MatrixX2d p(1, 2);
            p << -6.0 + 12.0 * i / 16, -6.0 + 12.0 * j / 16;
            BlockPass pass;
            prepare_pass(t.network(), &pass);
            gather_block(make_features(p, c.features), nullptr, 0, 1, &pass.input);
            forward_block(t.network(), &pass);
            // single precision: within a few float roundings of the double forward pass
            EXPECT_NEAR(grid.output(0, i + 17 * j), std::tanh(pass.z.back()(0, 0)), 2e-6);
            EXPECT_NEAR(grid.neurons[1](1, i + 17 * j), pass.a[1](1, 0), 2e-6);
        }
}

TEST(BoundaryField, IsSignedWithTheDecisionAtZero) {
    DecisionGrid grid;
    grid.n = 2;
    grid.output.resize(1, 4);
    grid.output << 0.0f, 0.25f, 0.5f, 1.0f;
    BoundaryField f;
    boundary_field(grid, Output::Sigmoid, 1.0, &f);  // 2σ − 1
    ASSERT_EQ(f.layers, 1);
    EXPECT_EQ(f.values, (std::vector<float>{-1.0f, -0.5f, 0.0f, 1.0f}));
    boundary_field(grid, Output::Tanh, 1.0, &f);  // as it is
    EXPECT_EQ(f.values, (std::vector<float>{0.0f, 0.25f, 0.5f, 1.0f}));
    boundary_field(grid, Output::Identity, 4.0, &f);  // over the largest |target|
    EXPECT_EQ(f.values, (std::vector<float>{0.0f, 0.0625f, 0.125f, 0.25f}));
    grid.output.resize(2, 2);  // two-class softmax: p₁ − p₀
    grid.output << 0.75f, 0.25f, 0.25f, 0.75f;
    boundary_field(grid, Output::Softmax, 1.0, &f);
    ASSERT_EQ(f.layers, 1);
    EXPECT_EQ(f.values, (std::vector<float>{-0.5f, 0.5f}));
    grid.output.resize(3, 2);  // three classes: the probabilities, class by class
    grid.output << 0.5f, 0.1f, 0.3f, 0.2f, 0.2f, 0.7f;
    boundary_field(grid, Output::Softmax, 1.0, &f);
    ASSERT_EQ(f.layers, 3);
    EXPECT_EQ(f.values, (std::vector<float>{0.5f, 0.1f, 0.3f, 0.2f, 0.2f, 0.7f}));
}

TEST(BoundaryField, OfATrainedCircleIsPositiveInsideAndNegativeOnTheRing) {
    TrainConfig c = default_train_config();
    const Dataset data = make_dataset(c.data);
    Training t(c, data);
    for (int e = 0; e < 300; ++e) t.run_epoch();
    const GridSpec spec = grid_over(data, 64);
    DecisionGrid grid;
    decision_grid(t.network(), c.output, c.features, spec, true, &grid);
    BoundaryField f;
    boundary_field(grid, c.output, 1.0, &f);
    EXPECT_GT(field_at(f, spec, 0.0, 0.0), 0.5f);   // the disc: class +1
    EXPECT_LT(field_at(f, spec, 0.0, 4.5), -0.5f);  // the ring: class −1
    EXPECT_LT(field_at(f, spec, -4.0, -2.5), -0.5f);
    BoundaryField units;
    neurons_field(grid, &units);
    ASSERT_EQ(units.layers, 6);  // 4 + 2 hidden units
    EXPECT_EQ(units.values[4 * 64 * 64 + 5], grid.neurons[1](0, 5));
    EXPECT_EQ(units.values[3 * 64 * 64 + 7], grid.neurons[0](3, 7));
    BoundaryField inputs;
    features_field(Feature_X1 | Feature_X2Sq, spec, &inputs);
    ASSERT_EQ(inputs.layers, 2);
    EXPECT_EQ(field_at(inputs, spec, spec.x_max, 0.0, 0), 1.0f);   // x₁ / 6 at the right edge
    EXPECT_EQ(field_at(inputs, spec, -3.0, spec.y_min, 1), 1.0f);  // x₂² / 36 at the bottom edge
    EXPECT_EQ(first_epoch_reaching({{0, 1, 0.5, 0, 0}, {4, 1, 0.2, 0, 0}, {8, 1, 0.1, 0, 0}}, 0.2), 4);
    EXPECT_EQ(first_epoch_reaching({{0, 1, 0.5, 0, 0}}, 0.2), -1);
}

TEST(DecisionGrid, WeightsBeyondSinglePrecisionGoThroughTheDoubleNetwork) {
    // a run close to blowing up: weights near 1e30, whose products overflow a float but not a double
    TrainConfig c = default_train_config();
    c.hidden = {hidden_layer(8, activation_index("relu")), hidden_layer(8, activation_index("relu"))};
    c.output = Output::Identity;
    c.data.kind = DatasetKind::Plane;
    Training t(c, make_dataset(c.data));
    Mlp net = t.network();
    net.params() *= 1e20;
    GridSpec spec;
    spec.n = 9;
    DecisionGrid grid;
    decision_grid(net, c.output, c.features, spec, true, &grid);
    EXPECT_FALSE(grid.output.array().isNaN().any());
    for (const FloatMatrix& m : grid.neurons) EXPECT_FALSE(m.array().isNaN().any());
    BoundaryField f;
    boundary_field(grid, c.output, 1.0, &f);  // the field stays within ±kFieldLimit for the shader
    for (float v : f.values) EXPECT_LE(std::fabs(v), kFieldLimit);
    for (int index : {0, 40, 80}) {
        Eigen::MatrixX2d p(1, 2);
        p << -6.0 + 12.0 * (index % 9) / 8, -6.0 + 12.0 * (index / 9) / 8;
        BlockPass pass;
        prepare_pass(net, &pass);
        gather_block(make_features(p, c.features), nullptr, 0, 1, &pass.input);
        forward_block(net, &pass);
        // the double network's value, rounded to float (±inf beyond float's range: never NaN)
        EXPECT_EQ(grid.output(0, index), static_cast<float>(pass.z.back()(0, 0))) << index;
    }
}

TEST(DecisionGrid, CoversTheData) {
    const Dataset circle = make_dataset({DatasetKind::Circle, 200, 0.0, 1});
    const GridSpec playground = grid_over(circle, 50);
    EXPECT_EQ(playground.x_min, -kDataExtent);
    EXPECT_EQ(playground.y_max, kDataExtent);
    Dataset wide = circle;
    wide.x(0, 0) = 20.0;
    wide.x(1, 1) = -10.0;
    const GridSpec g = grid_over(wide, 50);
    EXPECT_GT(g.x_max, 20.0);
    EXPECT_LT(g.y_min, -10.0);
    EXPECT_LE(g.x_min, wide.x.col(0).minCoeff());
    // points in the unit square get a frame of their own, not Playground's
    Dataset unit = circle;
    unit.x = (circle.x.array() + 5.0) / 10.0;
    const GridSpec u = grid_over(unit, 50);
    EXPECT_LT(u.x_max - u.x_min, 1.2);
    EXPECT_LE(u.y_min, unit.x.col(1).minCoeff());
}

}  // namespace
}  // namespace actlab::core
