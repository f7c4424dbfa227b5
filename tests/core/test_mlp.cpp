// The network, its losses and its optimisers: every activation × loss pair's gradient against finite
// differences, and whole training steps against PyTorch (tests/reference/training_steps.csv, made by
// make_training_reference.py).
#include "core/loss.h"
#include "core/mlp.h"
#include "core/optimizer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::core {
namespace {

struct Pair {
    Output output;
    int outputs;
};
const Pair kPairs[] = {{Output::Tanh, 1}, {Output::Sigmoid, 1}, {Output::Softmax, 3}, {Output::Identity, 1}};

std::vector<double> targets_for(Output output, int batch) {
    std::vector<double> t(batch);
    for (int s = 0; s < batch; ++s) {
        switch (output) {
            case Output::Tanh: t[s] = s % 3 ? 1.0 : -1.0; break;
            case Output::Sigmoid: t[s] = s % 3 ? 1.0 : 0.0; break;
            case Output::Softmax: t[s] = s % 3; break;
            case Output::Identity: t[s] = std::cos(0.9 * s); break;
        }
    }
    return t;
}

double mean_loss(const Mlp& net, Output output, const Matrix& x, const std::vector<double>& t) {
    BlockPass pass;
    return batch_loss(net, output, x, t.data(), nullptr, static_cast<int>(x.cols()), nullptr, &pass).loss_sum / x.cols();
}

// How close any hidden pre-activation comes to a kink of its activation.
double distance_to_kinks(const Mlp& net, const Matrix& x) {
    BlockPass pass;
    prepare_pass(net, &pass);
    double closest = INFINITY;
    for (int first = 0; first < x.cols(); first += kBlock) {
        const int lanes = gather_block(x, nullptr, first, static_cast<int>(x.cols()), &pass.input);
        forward_block(net, &pass);
        for (int l = 0; l + 1 < net.layer_count(); ++l) {
            const Kinks& k = net.activation(l).kinks;
            for (int i = 0; i < k.count; ++i)
                closest = std::min(closest, (pass.z[l].leftCols(lanes).array() - k.at[i]).abs().minCoeff());
        }
    }
    return closest;
}

// Seeds `net` and 11 samples of x (two blocks, the second partly padding) until no pre-activation sits
// within 1e-3 of a kink, where a finite difference would straddle it; then checks every parameter's
// gradient against a central difference. Returns how many were checked (0 when no seed would do).
int expect_gradient_matches_differences(Mlp& net, Output output, const std::string& what) {
    Matrix x(3, 11);
    for (std::uint64_t seed = 1;; ++seed) {
        Rng rng(seed);
        net.initialise(Init{InitKind::Normal, 0.7, 1.0, 0.1}, rng);
        for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
        if (distance_to_kinks(net, x) > 1e-3) break;
        if (seed >= 400u) {
            ADD_FAILURE() << what << ": no seed keeps the pre-activations off the kinks";
            return 0;
        }
    }
    const std::vector<double> t = targets_for(output, 11);
    BlockPass pass;
    Eigen::VectorXd grad;
    batch_loss(net, output, x, t.data(), nullptr, 11, &grad, &pass);
    for (Eigen::Index i = 0; i < net.params().size(); ++i) {
        const double keep = net.params()[i], h = 1e-6 * std::max(1.0, std::fabs(keep));
        net.params()[i] = keep + h;
        const double up = mean_loss(net, output, x, t);
        net.params()[i] = keep - h;
        const double down = mean_loss(net, output, x, t);
        net.params()[i] = keep;
        const double fd = (up - down) / (2 * h);
        EXPECT_NEAR(grad[i], fd, 2e-7 * (1.0 + std::fabs(fd))) << what << ", parameter " << i;
    }
    return static_cast<int>(net.params().size());
}

TEST(Mlp, ParametersAreLaidOutLayerByLayerWithAlphaLast) {
    const int prelu = activation_index("prelu"), tanh = activation_index("tanh");
    NetworkSpec spec{3, {{5, prelu, {{0.25, 0}}}, {4, tanh, {}}}, 2};
    Mlp net(spec);
    ASSERT_EQ(net.layer_count(), 3);
    EXPECT_EQ(net.slots(0).weights, 0);
    EXPECT_EQ(net.slots(0).biases, 15);
    EXPECT_EQ(net.slots(1).weights, 20);
    EXPECT_EQ(net.slots(2).biases, 20 + 20 + 4 + 8);
    EXPECT_EQ(net.slots(0).alpha, 54);
    EXPECT_EQ(net.slots(1).alpha, -1);
    EXPECT_EQ(net.params().size(), 55);
    EXPECT_EQ(net.weight_mask().sum(), 15 + 20 + 8);
    Rng rng(1);
    net.initialise(Init{InitKind::He}, rng);
    EXPECT_EQ(net.params()[54], 0.25);
}

TEST(Mlp, EveryActivationAndLossPairMatchesFiniteDifferences) {
    for (int a = 0; a < activation_count(); ++a) {
        const Activation& act = activation(a);
        ParamValues p = default_params(act);
        for (const Pair& pair : kPairs) {
            NetworkSpec spec{3, {{5, a, p}, {4, a, p}}, pair.outputs};
            Mlp net(spec);
            expect_gradient_matches_differences(net, pair.output, std::string(act.id) + " + " + output_name(pair.output));
        }
    }
}

TEST(Mlp, AGatedLayerHasTwiceTheRowsGatesAboveValues) {
    const int silu = activation_index("silu"), tanh = activation_index("tanh");
    NetworkSpec spec{3, {hidden_layer(5, silu, true), hidden_layer(4, tanh)}, 2};
    Mlp net(spec);
    EXPECT_TRUE(net.slots(0).gated);
    EXPECT_EQ(net.slots(0).rows, 10);
    EXPECT_EQ(net.slots(0).units, 5);
    EXPECT_EQ(net.slots(1).cols, 5);   // the next layer reads the 5 products
    EXPECT_EQ(net.slots(1).units, 4);
    EXPECT_EQ(net.params().size(), (3 + 1) * 10 + (5 + 1) * 4 + (4 + 1) * 2);
    EXPECT_EQ(net.params().size(), parameter_count(spec));
    // a = silu(gate) · value, unit by unit
    Rng rng(5);
    net.initialise(Init{InitKind::Normal, 0.8}, rng);
    BlockPass pass;
    prepare_pass(net, &pass);
    for (Eigen::Index i = 0; i < pass.input.size(); ++i) pass.input.data()[i] = std::sin(0.7 * i);
    forward_block(net, &pass);
    ASSERT_EQ(pass.a[0].rows(), 5);
    double p[kMaxParams] = {};
    for (int u = 0; u < 5; ++u)
        for (int k = 0; k < kBlock; ++k) {
            const double gate = pass.z[0](u, k), value = pass.z[0](u + 5, k);
            EXPECT_DOUBLE_EQ(pass.a[0](u, k), activation(silu).f(gate, p) * value);
            EXPECT_DOUBLE_EQ(pass.da[0](u, k), activation(silu).df(gate, p));
        }
}

// A gated layer's backward pass, for every activation of the catalogue as its gate, against central
// differences: gated in the first layer, the second or both, under each output and loss.
TEST(Mlp, GatedLayersMatchFiniteDifferencesForEveryGate) {
    const bool patterns[3][2] = {{true, false}, {false, true}, {true, true}};
    int checked = 0;
    for (int a = 0; a < activation_count(); ++a) {
        const Activation& act = activation(a);
        for (int k = 0; k < 3; ++k) {
            const Pair& pair = kPairs[(a + k) % 4];
            NetworkSpec spec{3, {hidden_layer(5, a, patterns[k][0]), hidden_layer(3, a, patterns[k][1])}, pair.outputs};
            Mlp net(spec);
            checked += expect_gradient_matches_differences(
                net, pair.output, "gated " + std::string(act.id) + " (pattern " + std::to_string(k) + ") + " + output_name(pair.output));
        }
    }
    EXPECT_GT(checked, 1000);
}

TEST(Mlp, PreluLearnsItsAlpha) {
    const int prelu = activation_index("prelu");
    NetworkSpec spec{2, {{3, prelu, {{0.25, 0}}}}, 1};
    Mlp net(spec);
    Rng rng(3);
    net.initialise(Init{InitKind::Normal, 1.0}, rng);
    Matrix x(2, 4);
    x << -1, -2, 0.5, 3, 2, -1, -3, 0.5;
    const std::vector<double> t = {1, -1, 1, -1};
    BlockPass pass;
    Eigen::VectorXd grad;
    batch_loss(net, Output::Tanh, x, t.data(), nullptr, 4, &grad, &pass);
    EXPECT_NE(grad[net.slots(0).alpha], 0.0);
}

// ---- whole steps against PyTorch -------------------------------------------------------------------

struct StepCase {
    const char* name;
    const char* activation;
    Output output;
    OptimizerKind optimizer;
    Regularization reg;
    double rate, learning_rate;
    bool gated[2] = {false, false};             // which hidden layers are gated
    const char* second = nullptr;               // the second hidden layer's activation, when it differs
};

TEST(Mlp, TrainingStepsMatchPyTorch) {
    const StepCase cases[] = {
        {"tanh_mse_sgd", "tanh", Output::Tanh, OptimizerKind::Sgd, Regularization::None, 0.0, 0.1},
        {"relu_bce_momentum", "relu", Output::Sigmoid, OptimizerKind::Momentum, Regularization::L2, 0.01, 0.05},
        {"gelu_ce_adam", "gelu", Output::Softmax, OptimizerKind::Adam, Regularization::L1, 0.003, 0.01},
        {"prelu_identity_sgd", "prelu", Output::Identity, OptimizerKind::Sgd, Regularization::L2, 0.02, 0.05},
        {"elu_bce_adam", "elu", Output::Sigmoid, OptimizerKind::Adam, Regularization::None, 0.0, 0.02},
        {"sigmoid_mse_momentum", "sigmoid", Output::Tanh, OptimizerKind::Momentum, Regularization::L1, 0.01, 0.2},
        {"silu_ce_sgd", "silu", Output::Softmax, OptimizerKind::Sgd, Regularization::None, 0.0, 0.3},
        {"swiglu_ce_adam", "silu", Output::Softmax, OptimizerKind::Adam, Regularization::None, 0.0, 0.01, {true, true}},
        {"reglu_bce_sgd", "relu", Output::Sigmoid, OptimizerKind::Sgd, Regularization::L2, 0.01, 0.1, {true, true}},
        {"geglu_identity_momentum", "gelu", Output::Identity, OptimizerKind::Momentum, Regularization::L1, 0.005, 0.02,
         {true, false}},
        {"prelu_gated_mse_sgd", "prelu", Output::Tanh, OptimizerKind::Sgd, Regularization::None, 0.0, 0.1, {false, true}},
        {"bilinear_then_tanh_bce_adam", "identity", Output::Sigmoid, OptimizerKind::Adam, Regularization::None, 0.0,
         0.02, {true, false}, "tanh"},
    };
    // case → kind → values
    std::map<std::string, std::map<std::string, std::vector<double>>> ref;
    std::ifstream in(std::string(ACTLAB_REFERENCE_DIR) + "/training_steps.csv");
    ASSERT_TRUE(in);
    std::string line;
    std::getline(in, line);
    ASSERT_EQ(line, "case,kind,index,value");
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string name, kind, index, value;
        std::getline(ss, name, ',');
        std::getline(ss, kind, ',');
        std::getline(ss, index, ',');
        std::getline(ss, value, ',');
        ref[name][kind].push_back(std::stod(value));
    }
    const int samples = 8, inputs = 3;
    Matrix x(inputs, samples);
    for (int s = 0; s < samples; ++s)
        for (int k = 0; k < inputs; ++k) x(k, s) = 2.0 * std::sin(1.3 * s + 0.7 * k);
    double worst = 0.0;
    for (const StepCase& c : cases) {
        SCOPED_TRACE(c.name);
        const int a = activation_index(c.activation), a2 = c.second ? activation_index(c.second) : a;
        const int outputs = c.output == Output::Softmax ? 3 : 1;
        Mlp net(NetworkSpec{inputs, {hidden_layer(5, a, c.gated[0]), hidden_layer(4, a2, c.gated[1])}, outputs});
        for (int l = 0; l < net.layer_count(); ++l) {
            const LayerSlots& s = net.slots(l);
            for (int i = 0; i < s.rows; ++i) {
                for (int j = 0; j < s.cols; ++j) net.weights(l)(i, j) = 0.5 * std::sin(1.0 + 0.37 * (i * s.cols + j) + l);
                net.biases(l)(i) = 0.1 * std::cos(0.5 * i + l);
            }
            if (s.alpha >= 0) net.params()[s.alpha] = 0.25;
        }
        const std::vector<double> t = targets_for(c.output, samples);
        OptimizerSpec spec;
        spec.kind = c.optimizer;
        spec.learning_rate = c.learning_rate;
        spec.regularization = c.reg;
        spec.regularization_rate = c.rate;
        OptimizerState state;
        BlockPass pass;
        Eigen::VectorXd grad;
        const std::vector<double>& losses = ref[c.name]["loss"];
        ASSERT_EQ(losses.size(), 5u);
        EXPECT_EQ(net.params().size(), parameter_count(net.spec()));
        for (double want : losses) {
            const double loss = batch_loss(net, c.output, x, t.data(), nullptr, samples, &grad, &pass).loss_sum / samples;
            EXPECT_NEAR(loss, want, 1e-13 * std::fabs(want));
            worst = std::max(worst, std::fabs(loss - want) / std::fabs(want));
            optimizer_step(spec, net.weight_mask(), &grad, &net.params(), &state);
        }
        const std::vector<double>& params = ref[c.name]["param"];
        ASSERT_EQ(static_cast<Eigen::Index>(params.size()), net.params().size());
        for (std::size_t i = 0; i < params.size(); ++i) {
            EXPECT_NEAR(net.params()[i], params[i], 1e-12 * std::max(1.0, std::fabs(params[i]))) << "parameter " << i;
            worst = std::max(worst, std::fabs(net.params()[i] - params[i]) / std::max(1.0, std::fabs(params[i])));
        }
    }
    std::printf("worst difference from PyTorch after 5 steps: %.3g\n", worst);
}

}  // namespace
}  // namespace actlab::core
