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

// The training network's forward pass at one point of the plane (lane 0 of the block).
BlockPass pass_at(const Mlp& net, FeatureSet features, double x1, double x2) {
    Eigen::MatrixX2d p(1, 2);
    p << x1, x2;
    BlockPass pass;
    prepare_pass(net, &pass);
    gather_block(make_features(p, features), nullptr, 0, 1, &pass.input);
    forward_block(net, &pass);
    return pass;
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
    t.restore(t.network().params(), t.epoch(), t.evaluate().train_loss);
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

// A gated unit is dead only where neither path passes gradient: f(gate) = 0 and f'(gate) · value = 0.
// ReLU gates at bias −5 are 0 with slope 0 everywhere, as plain ReLUs are; SiLU gates are small there
// but not 0, so the values still carry gradient.
TEST(Training, GatedUnitsAreDeadOnlyWhereNeitherPathPassesGradient) {
    TrainConfig c = default_train_config();
    c.init = Init{InitKind::Normal, 0.01, 1.0, -5.0};
    c.hidden = {hidden_layer(6, activation_index("relu"), true)};
    Training reglu(c, make_dataset(c.data));
    reglu.evaluate();
    ASSERT_EQ(reglu.dead_units().size(), 1u);
    EXPECT_EQ(reglu.dead_units()[0], 6);
    c.hidden = {hidden_layer(6, activation_index("silu"), true)};
    Training swiglu(c, make_dataset(c.data));
    swiglu.evaluate();
    EXPECT_EQ(swiglu.dead_units()[0], 0);
}

TEST(DecisionGrid, OfGatedLayersMatchesTheNetworkPointByPoint) {
    TrainConfig c = default_train_config();
    c.hidden = {hidden_layer(4, activation_index("silu"), true), hidden_layer(3, activation_index("tanh")),
                hidden_layer(2, activation_index("gelu"), true)};
    Training t(c, make_dataset(c.data));
    for (int e = 0; e < 20; ++e) t.run_epoch();
    GridSpec spec;
    spec.n = 17;
    DecisionGrid grid;
    decision_grid(t.network(), c.output, c.features, spec, true, &grid);
    ASSERT_EQ(grid.neurons.size(), 3u);
    ASSERT_EQ(grid.neurons[0].rows(), 4);
    ASSERT_EQ(grid.neurons[2].rows(), 2);
    for (int j : {0, 5, 16})
        for (int i : {0, 8, 16}) {
            const BlockPass pass = pass_at(t.network(), c.features, -6.0 + 12.0 * i / 16, -6.0 + 12.0 * j / 16);
            EXPECT_NEAR(grid.output(0, i + 17 * j), std::tanh(pass.z.back()(0, 0)), 2e-6);
            for (int l = 0; l < 3; ++l)
                for (int u = 0; u < grid.neurons[l].rows(); ++u)
                    EXPECT_NEAR(grid.neurons[l](u, i + 17 * j), pass.a[l](u, 0), 2e-6 * (1.0 + std::fabs(pass.a[l](u, 0))));
        }
}

// A record with only the training loss set, as the watch reads it.
EpochRecord loss_at(int epoch, double loss) {
    EpochRecord r;
    r.epoch = epoch;
    r.train_loss = loss;
    return r;
}

TEST(CollapseWatch, ALossThatStaysAboveTheUntrainedNetworksIsACollapse) {
    CollapseWatch w;
    const std::vector<int> none = {0, 0};
    EXPECT_FALSE(w.observe(loss_at(0, 0.5), none, 6));  // untrained
    for (int e = 1; e <= 10; ++e) EXPECT_FALSE(w.observe(loss_at(e, 0.5 / (e + 1)), none, 6));
    // 0.5/11 = 0.04545 at epoch 10 is the best; then three epochs worse than the untrained 0.5
    EXPECT_FALSE(w.observe(loss_at(11, 0.9), none, 6));
    EXPECT_FALSE(w.observe(loss_at(12, 0.95), none, 6));
    EXPECT_TRUE(w.observe(loss_at(13, 0.96), none, 6));
    const Collapse& c = w.collapse();
    EXPECT_EQ(c.kind, Collapse::Kind::Loss);
    EXPECT_EQ(c.epoch, 11);
    EXPECT_EQ(c.seen, 13);
    EXPECT_EQ(c.best_epoch, 10);
    EXPECT_DOUBLE_EQ(c.best_loss, 0.5 / 11);
    EXPECT_EQ(c.loss, 0.96);
    EXPECT_EQ(c.untrained, 0.5);
    EXPECT_EQ(c.message(), "Training collapsed in epoch 11: the training loss jumped from 0.0455 (epoch 10, its "
                           "lowest) to 0.96, worse than before training (0.5), and stayed there. Every number is "
                           "finite, but what the network had learnt is lost; try a smaller learning rate.");
    EXPECT_FALSE(w.observe(loss_at(14, 0.97), none, 6));  // named once
    EXPECT_TRUE(w.collapse().happened());
    // a run that never got better than untrained says so
    CollapseWatch never;
    never.observe(loss_at(0, 0.514), none, 6);
    for (int e = 1; e <= 3; ++e) never.observe(loss_at(e, 0.96), none, 6);
    EXPECT_EQ(never.collapse().message(), "Training collapsed in epoch 1: the training loss rose from 0.514 before "
                                          "training to 0.96 and stayed there, though every number is finite. Try a "
                                          "smaller learning rate.");
}

TEST(CollapseWatch, SpikesThatComeBackAndHighLossesBelowTheUntrainedOnesAreNot) {
    CollapseWatch w;
    const std::vector<int> none = {0};
    EXPECT_FALSE(w.observe(loss_at(0, 0.5), none, 8));
    EXPECT_FALSE(w.observe(loss_at(1, 0.001), none, 8));
    // two epochs far above the untrained loss, then back: ordinary SGD noise, however large
    EXPECT_FALSE(w.observe(loss_at(2, 0.9), none, 8));
    EXPECT_FALSE(w.observe(loss_at(3, 0.9), none, 8));
    EXPECT_FALSE(w.observe(loss_at(4, 0.002), none, 8));
    EXPECT_FALSE(w.observe(loss_at(5, 0.9), none, 8));
    EXPECT_FALSE(w.observe(loss_at(6, 0.9), none, 8));
    EXPECT_FALSE(w.observe(loss_at(7, 0.002), none, 8));
    // 300 × the best for a long time, but still better than untrained: not this rule's collapse
    for (int e = 8; e < 40; ++e) EXPECT_FALSE(w.observe(loss_at(e, 0.3), none, 8));
    EXPECT_FALSE(w.collapse().happened());
    // a run that never learnt and stays a little worse than untrained (not 1.5 × its best)
    CollapseWatch flat;
    EXPECT_FALSE(flat.observe(loss_at(0, 0.5), none, 8));
    for (int e = 1; e < 40; ++e) EXPECT_FALSE(flat.observe(loss_at(e, 0.6), none, 8));
}

TEST(CollapseWatch, MostUnitsDyingWithinAFewEpochsIsACollapse) {
    CollapseWatch w;
    EXPECT_FALSE(w.observe(loss_at(0, 0.5), {1, 0}, 16));
    EXPECT_FALSE(w.observe(loss_at(1, 0.4), {3, 2}, 16));   // 5 of 16
    EXPECT_FALSE(w.observe(loss_at(2, 0.4), {5, 4}, 16));   // 9: more than half, not most
    EXPECT_FALSE(w.observe(loss_at(3, 0.4), {6, 5}, 16));   // 11
    EXPECT_TRUE(w.observe(loss_at(4, 0.4), {8, 4}, 16));    // 12 = 3/4, from 5 at epoch 1
    const Collapse& c = w.collapse();
    EXPECT_EQ(c.kind, Collapse::Kind::DeadUnits);
    EXPECT_EQ(c.epoch, 4);
    EXPECT_EQ(c.seen, 4);
    EXPECT_EQ(c.from_epoch, 0);   // the earliest below half in the window: 1 dead at epoch 0
    EXPECT_EQ(c.dead_before, 1);
    EXPECT_EQ(c.dead, 12);
    EXPECT_EQ(c.units, 16);
    EXPECT_EQ(c.message(), "Training collapsed in epoch 4: 12 of 16 hidden units are dead (f' = 0 on every training "
                           "point), 11 of them died within 4 epochs. A dead unit passes no gradient back, so it does "
                           "not come back by itself; try a smaller learning rate or Leaky ReLU.");
    // slowly, over more than the window, is not a collapse of this kind
    CollapseWatch slow;
    int e = 0;
    for (int dead = 0; dead <= 16; ++dead) {
        EXPECT_FALSE(slow.observe(loss_at(e++, 0.4), {dead}, 16)) << dead;
        for (int k = 0; k < 2; ++k) EXPECT_FALSE(slow.observe(loss_at(e++, 0.4), {dead}, 16)) << dead;
    }
    // a network that starts dead has not collapsed
    CollapseWatch born_dead;
    for (int k = 0; k < 10; ++k) EXPECT_FALSE(born_dead.observe(loss_at(k, 0.5), {6}, 6));
}

TEST(CollapseWatch, CarryingOnNamesOnlyAFurtherCollapseAndGoingBackForgetsIt) {
    CollapseWatch w;
    const std::vector<int> none = {0};
    w.observe(loss_at(0, 0.5), none, 4);
    w.observe(loss_at(1, 0.1), none, 4);
    for (int e = 2; e <= 4; ++e) w.observe(loss_at(e, 1.0), none, 4);
    ASSERT_TRUE(w.collapse().happened());
    w.rearm();
    EXPECT_FALSE(w.collapse().happened());
    for (int e = 5; e < 20; ++e) EXPECT_FALSE(w.observe(loss_at(e, 1.0), none, 4));  // where it was carried on
    EXPECT_FALSE(w.observe(loss_at(20, 0.2), none, 4));
    EXPECT_FALSE(w.observe(loss_at(21, 1.1), none, 4));
    EXPECT_FALSE(w.observe(loss_at(22, 1.1), none, 4));
    EXPECT_TRUE(w.observe(loss_at(23, 1.1), none, 4));  // above 1.0, where it was carried on
    EXPECT_EQ(w.collapse().untrained, 1.0);
    EXPECT_EQ(w.collapse().best_epoch, 20);
    EXPECT_NE(w.collapse().message().find("worse than at epoch 4, where training was carried on (1)"),
              std::string::npos) << w.collapse().message();
    // back to epoch 1: compared with the untrained loss again, the best the loss there
    w.restart(1, 0.1);
    EXPECT_FALSE(w.collapse().happened());
    EXPECT_FALSE(w.observe(loss_at(1, 0.1), none, 4));
    EXPECT_FALSE(w.observe(loss_at(2, 0.6), none, 4));
    EXPECT_FALSE(w.observe(loss_at(3, 0.6), none, 4));
    EXPECT_TRUE(w.observe(loss_at(4, 0.6), none, 4));
    EXPECT_EQ(w.collapse().untrained, 0.5);
    EXPECT_EQ(w.collapse().best_epoch, 1);
}

// Trains and evaluates every epoch (as the trainer and `actlab export loss` do) up to `epochs` or a
// collapse; the epoch it was seen, or 0.
int epoch_collapse_seen(Training* t, int epochs) {
    t->evaluate();
    for (int e = 0; e < epochs; ++e) {
        if (!t->run_epoch()) return -1;
        t->evaluate();
        if (t->collapse().happened()) return t->collapse().seen;
    }
    return 0;
}

TEST(Training, OnlyWatchedEvaluationsFeedTheCollapseWatch) {
    // a look at the weights (a snapshot published between recorded epochs) is not an epoch watched
    TrainConfig c = default_train_config();
    c.optimizer.learning_rate = 10.0;
    Training looked(c, make_dataset(c.data)), watched(c, make_dataset(c.data));
    looked.evaluate();
    watched.evaluate();
    for (int e = 0; e < 20; ++e) {
        looked.run_epoch();
        watched.run_epoch();
        const EpochRecord a = looked.evaluate(false), b = watched.evaluate();
        EXPECT_EQ(a.train_loss, b.train_loss);
        EXPECT_EQ(looked.dead_units(), watched.dead_units());
    }
    EXPECT_FALSE(looked.collapse().happened());
    EXPECT_TRUE(watched.collapse().happened());
}

TEST(Training, ALearningRateOfTenCollapsesTheDefaultSetUp) {
    // set-up (a), tanh throughout, at a rate of 10: the output saturates and the loss goes from the
    // untrained 0.51 to 0.85–0.96 within two epochs; no number overflows
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        TrainConfig c = default_train_config();
        c.seed = c.data.seed = seed;
        c.optimizer.learning_rate = 10.0;
        Training t(c, make_dataset(c.data));
        const int seen = epoch_collapse_seen(&t, 20);
        EXPECT_GT(seen, 0) << "seed " << seed;
        EXPECT_LE(seen, 10) << "seed " << seed;
        EXPECT_EQ(t.collapse().kind, Collapse::Kind::Loss);
        EXPECT_FALSE(t.divergence().happened);
        EXPECT_GT(t.collapse().loss, 1.5 * t.collapse().best_loss);
        EXPECT_GT(t.collapse().loss, t.collapse().untrained);
    }
    // the same rate after 300 good epochs throws away what was learnt: seen three epochs later
    TrainConfig c = default_train_config();
    Training t(c, make_dataset(c.data));
    ASSERT_EQ(epoch_collapse_seen(&t, 300), 0);
    OptimizerSpec fast = c.optimizer;
    fast.learning_rate = 10.0;
    t.set_optimizer(fast);
    EXPECT_EQ(epoch_collapse_seen(&t, 20), 303);
    EXPECT_LT(t.collapse().best_loss, 0.01);
    EXPECT_LE(t.collapse().best_epoch, 300);
    EXPECT_EQ(t.collapse().epoch, 301);
}

TEST(Training, ReLUUnitsDyingAtALargeRateAreACollapse) {
    // set-up (b) after 800 good epochs, then a rate of 10: the loss goes far above the untrained one
    // and most of a layer dies
    TrainConfig c = setup_b();
    Training t(c, make_dataset(c.data));
    ASSERT_EQ(epoch_collapse_seen(&t, 800), 0);
    OptimizerSpec fast = c.optimizer;
    fast.learning_rate = 10.0;
    t.set_optimizer(fast);
    EXPECT_EQ(epoch_collapse_seen(&t, 20), 803);
    EXPECT_EQ(t.collapse().epoch, 801);
    // going back clears it; the rule looks at what comes next
    t.restore(t.network().params(), t.epoch(), t.collapse().best_loss);
    EXPECT_FALSE(t.collapse().happened());
}

TEST(Training, OrdinaryTrainingOfSetUpsAAndBNeverCollapses) {
    // bench/README.md's runs: (a) at 0.03 for 500 epochs and (b) at 0.01 for 2,000, ten seeds each.
    // (b)'s loss has one-epoch spikes of up to 139 × its best; none stays, none exceeds the untrained loss.
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        TrainConfig a = default_train_config();
        a.seed = a.data.seed = seed;
        Training ta(a, make_dataset(a.data));
        EXPECT_EQ(epoch_collapse_seen(&ta, 500), 0) << "(a), seed " << seed << ": " << ta.collapse().message();
        TrainConfig b = setup_b();
        b.seed = b.data.seed = seed;
        Training tb(b, make_dataset(b.data));
        EXPECT_EQ(epoch_collapse_seen(&tb, 2000), 0) << "(b), seed " << seed << ": " << tb.collapse().message();
    }
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
            const BlockPass pass = pass_at(t.network(), c.features, -6.0 + 12.0 * i / 16, -6.0 + 12.0 * j / 16);
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
