#include "core/training.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace actlab::core {

namespace {

// Which part of the parameter vector holds index i, in words.
std::string describe_param(const Mlp& net, Eigen::Index i, const char* kind) {
    for (int l = 0; l < net.layer_count(); ++l) {
        const LayerSlots& s = net.slots(l);
        const std::string layer = l + 1 == net.layer_count() ? "the output layer" : "hidden layer " + std::to_string(l + 1);
        if (i >= s.weights && i < s.biases) return std::string(kind) + " of a weight in " + layer;
        if (i >= s.biases && i < s.biases + s.rows) return std::string(kind) + " of a bias in " + layer;
        if (i == s.alpha) return std::string(kind) + " of PReLU's α in " + layer;
    }
    return kind;
}

// Every entry finite? x − x is 0 for finite x and NaN for ±inf and NaN, so one vectorised sum answers;
// Eigen's allFinite() compares entry by entry and is several times slower on every training step.
bool all_finite(const Eigen::VectorXd& v) { return (v.array() - v.array()).sum() == 0.0; }

// The non-finite entry nearest the output. A NaN or inf spreads from where it arises towards the
// input in the backward pass, so the layer nearest the output that holds one is where it started.
Eigen::Index last_non_finite(const Eigen::VectorXd& v) {
    for (Eigen::Index i = v.size() - 1; i > 0; --i)
        if (!std::isfinite(v[i])) return i;
    return 0;
}

}  // namespace

std::string Divergence::message() const {
    return "Training stopped: " + what + " became infinite or NaN in epoch " + std::to_string(epoch) + ", step " +
           std::to_string(step) + ". The weights are those from before that step; try a smaller learning rate.";
}

TrainConfig default_train_config() {
    TrainConfig c;
    const int tanh = activation_index("tanh");
    c.hidden = {hidden_layer(4, tanh), hidden_layer(2, tanh)};
    return c;
}

bool check_train_config(const TrainConfig& c, const Dataset& data, std::string* error) {
    auto fail = [&](const std::string& why) {
        *error = why;
        return false;
    };
    if (matching_loss(c.output) != c.loss)
        return fail(std::string("output ") + output_name(c.output) + " does not go with loss " + loss_name(c.loss) +
                    " (pairs: tanh + mse, sigmoid + bce, softmax + ce, identity + mse)");
    if (c.features == 0) return fail("choose at least one input feature");
    if (data.classes == 0 && (c.output == Output::Sigmoid || c.output == Output::Softmax))
        return fail(std::string("the data are for regression: use output tanh or identity with mse, not ") +
                    output_name(c.output));
    if (data.classes > 2 && c.output != Output::Softmax)
        return fail("the data have " + std::to_string(data.classes) + " classes: use output softmax with loss ce");
    if (data.classes == 2 && c.output == Output::Identity)
        return fail("the data have two classes: use output tanh, sigmoid or softmax, not identity");
    if (data.size() < 2) return fail("the data need at least two points (one to train on, one to test)");
    const FeatureMatrix features = make_features(data.x, c.features);
    for (Eigen::Index i = 0; i < features.cols(); ++i)
        if (!features.col(i).allFinite())
            return fail("the input features of point " + std::to_string(i + 1) + " (x1 = " + std::to_string(data.x(i, 0)) +
                        ", x2 = " + std::to_string(data.x(i, 1)) + ") are too large to compute: leave out x1², x2² "
                        "and x1·x2, or scale the data down");
    return true;
}

Training::Training(const TrainConfig& config, const Dataset& data) : m_config(config), m_rng(config.seed) {
    split_dataset(data, config.train_percent, config.data.seed, &m_train, &m_test);
    m_train_x = make_features(m_train.x, config.features);
    m_test_x = make_features(m_test.x, config.features);
    auto encode = [&](const Dataset& d, Eigen::VectorXd* t) {
        t->resize(d.size());
        for (int i = 0; i < d.size(); ++i) (*t)[i] = encode_target(config.output, d.classes, d.target[i]);
    };
    encode(m_train, &m_train_t);
    encode(m_test, &m_test_t);

    NetworkSpec spec;
    spec.inputs = static_cast<int>(m_train_x.rows());
    spec.hidden = config.hidden;
    spec.outputs = config.output == Output::Softmax ? std::max(2, data.classes) : 1;
    m_net = Mlp(spec);
    m_net.initialise(config.init, m_rng);
    m_order.resize(m_train.size());
    for (int i = 0; i < m_train.size(); ++i) m_order[i] = i;
    m_last_grad = Eigen::VectorXd::Zero(m_net.params().size());
}

bool Training::run_epoch() {
    if (m_divergence.happened) return false;
    ++m_epoch;
    shuffle(m_order.data(), m_order.size(), m_rng);
    const int n = m_train.size(), batch = std::min(m_config.batch, n);
    int step = 0;
    for (int from = 0; from < n; from += batch) {
        ++step;
        const int count = std::min(batch, n - from);
        const BatchScore score =
            batch_loss(m_net, m_config.output, m_train_x, m_train_t.data(), m_order.data() + from, count, &m_grad, &m_pass);
        auto diverged = [&](const std::string& what) {
            m_divergence = {true, what, m_epoch, step};
            return false;
        };
        if (!std::isfinite(score.loss_sum)) return diverged("the loss");
        if (!all_finite(m_grad)) return diverged(describe_param(m_net, last_non_finite(m_grad), "the gradient"));
        m_backup = m_net.params();
        optimizer_step(m_config.optimizer, m_net.weight_mask(), &m_grad, &m_net.params(), &m_opt);
        m_last_grad.swap(m_grad);  // kept for gradient_rms (regularisation included)
        if (!all_finite(m_net.params())) {
            const Eigen::Index bad = last_non_finite(m_net.params());
            m_net.params() = m_backup;
            return diverged(describe_param(m_net, bad, "the value"));
        }
    }
    return true;
}

void Training::evaluate_set(const FeatureMatrix& features, const Eigen::VectorXd& targets, bool count_dead,
                            double* loss, double* accuracy) {
    const int n = static_cast<int>(features.cols());
    const int hidden = m_net.layer_count() - 1;
    prepare_pass(m_net, &m_pass);
    // a unit is alive when f' ≠ 0 for at least one sample
    std::vector<Eigen::Array<bool, Eigen::Dynamic, 1>> alive(hidden);
    for (int l = 0; l < hidden; ++l) alive[l] = Eigen::Array<bool, Eigen::Dynamic, 1>::Constant(m_net.slots(l).rows, false);
    BatchScore total;
    for (int first = 0; first < n; first += kBlock) {
        const int lanes = gather_block(features, nullptr, first, n, &m_pass.input);
        forward_block(m_net, &m_pass);
        const BatchScore s = score_block(m_config.output, m_pass.z.back(), targets.data() + first, lanes, 1.0, nullptr);
        total.loss_sum += s.loss_sum;
        total.correct += s.correct;
        if (count_dead)
            for (int l = 0; l < hidden; ++l)
                alive[l] = alive[l] || (m_pass.da[l].leftCols(lanes).array() != 0.0).rowwise().any();
    }
    *loss = n > 0 ? total.loss_sum / n : NAN;
    *accuracy = m_train.classes == 0 || n == 0 ? NAN : static_cast<double>(total.correct) / n;
    if (count_dead) {
        m_dead.assign(hidden, 0);
        m_dead_mask.assign(hidden, {});
        for (int l = 0; l < hidden; ++l) {
            m_dead[l] = static_cast<int>((!alive[l]).count());
            m_dead_mask[l].resize(alive[l].size());
            for (Eigen::Index u = 0; u < alive[l].size(); ++u) m_dead_mask[l][u] = alive[l][u] ? 0 : 1;
        }
    }
}

EpochRecord Training::evaluate() {
    EpochRecord r;
    r.epoch = m_epoch;
    evaluate_set(m_train_x, m_train_t, true, &r.train_loss, &r.train_accuracy);
    evaluate_set(m_test_x, m_test_t, false, &r.test_loss, &r.test_accuracy);
    return r;
}

void Training::set_optimizer(const OptimizerSpec& spec) {
    if (spec.kind != m_config.optimizer.kind) m_opt = OptimizerState{};
    m_config.optimizer = spec;
}

void Training::set_batch(int batch) { m_config.batch = std::max(1, batch); }

void Training::restore(const Eigen::VectorXd& params, int epoch) {
    assert(params.size() == m_net.params().size());
    m_net.params() = params;
    m_epoch = epoch;
    m_opt = OptimizerState{};
    m_divergence = Divergence{};
}

std::vector<double> Training::gradient_rms() const {
    std::vector<double> rms;
    for (int l = 0; l < m_net.layer_count(); ++l) {
        const LayerSlots& s = m_net.slots(l);
        rms.push_back(std::sqrt(m_last_grad.segment(s.weights, s.rows * s.cols).squaredNorm() / (s.rows * s.cols)));
    }
    return rms;
}

int first_epoch_reaching(const std::vector<EpochRecord>& history, double loss) {
    for (const EpochRecord& r : history)
        if (r.test_loss <= loss) return r.epoch;
    return -1;
}

}  // namespace actlab::core
