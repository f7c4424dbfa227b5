#include "core/training.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>

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

namespace {

// A loss or rate in a sentence: three significant digits, the exponent without padding ("1e-7").
std::string short_number(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    std::string s = buf;
    const size_t e = s.find('e');
    if (e != std::string::npos) {
        size_t digits = e + 2;  // after "e+" or "e-"
        while (digits + 1 < s.size() && s[digits] == '0') s.erase(digits, 1);
        if (s[e + 1] == '+') s.erase(e + 1, 1);
    }
    return s;
}

}  // namespace

std::string Collapse::message() const {
    switch (kind) {
    case Kind::None:
        return "";
    case Kind::Loss: {
        const std::string start = "Training collapsed in epoch " + std::to_string(epoch) + ": the training loss ";
        if (!carried_on && best_epoch == reference_epoch)  // it never got better than untrained
            return start + "rose from " + short_number(best_loss) + " before training to " + short_number(loss) +
                   " and stayed there, though every number is finite. Try a smaller learning rate.";
        const std::string than = carried_on ? "worse than at epoch " + std::to_string(reference_epoch) +
                                                  ", where training was carried on (" + short_number(untrained) + ")"
                                            : "worse than before training (" + short_number(untrained) + ")";
        return start + "jumped from " + short_number(best_loss) + " (epoch " + std::to_string(best_epoch) +
               ", its lowest) to " + short_number(loss) + ", " + than +
               ", and stayed there. Every number is finite, but what the network had learnt is lost; try a smaller "
               "learning rate.";
    }
    case Kind::DeadUnits:
        return "Training collapsed in epoch " + std::to_string(epoch) + ": " + std::to_string(dead) + " of " +
               std::to_string(units) + " hidden units are dead (f' = 0 on every training point), " +
               std::to_string(dead - dead_before) + " of them died within " + std::to_string(seen - from_epoch) +
               (seen - from_epoch == 1 ? " epoch" : " epochs") +
               ". A dead unit passes no gradient back, so it does not come back by itself; try a smaller "
               "learning rate or Leaky ReLU.";
    }
    return "";
}

bool CollapseWatch::observe(const EpochRecord& r, const std::vector<int>& dead_per_layer, int units) {
    int dead = 0;
    for (int d : dead_per_layer) dead += d;
    const Seen now{r.epoch, r.train_loss, dead};
    if (!m_started) {
        m_started = true;
        m_untrained = m_reference = m_best = now.loss;
        m_untrained_epoch = m_reference_epoch = m_best_epoch = now.epoch;
        m_recent.assign(1, now);
        return false;
    }
    if (m_collapse.happened()) return false;  // named once, until rearm() or restart()
    m_recent.push_back(now);
    if (static_cast<int>(m_recent.size()) > kDeadWindow + 1) m_recent.erase(m_recent.begin());

    // the loss: at least kCollapseRatio × its best and above the untrained network's, epochs in a row
    const bool high = now.loss >= kCollapseRatio * m_best && now.loss > m_reference;
    m_streak = high ? m_streak + 1 : 0;
    if (m_streak >= kCollapseEpochs) {
        m_collapse.kind = Collapse::Kind::Loss;
        m_collapse.epoch = m_recent[m_recent.size() - kCollapseEpochs].epoch;
        m_collapse.seen = now.epoch;
        m_collapse.best_loss = m_best;
        m_collapse.best_epoch = m_best_epoch;
        m_collapse.loss = now.loss;
        m_collapse.untrained = m_reference;
        m_collapse.reference_epoch = m_reference_epoch;
        m_collapse.carried_on = m_carried_on;
        return true;
    }
    if (now.loss < m_best) {
        m_best = now.loss;
        m_best_epoch = now.epoch;
    }

    // the units: from below kDeadBefore of them to at least kDeadAfter within kDeadWindow epochs
    const auto many = [&](int d) { return d >= kDeadAfter * units; };
    if (units > 0 && many(dead))
        for (size_t i = 0; i + 1 < m_recent.size(); ++i)
            if (m_recent[i].dead < kDeadBefore * units) {
                size_t first = m_recent.size() - 1;  // the first epoch of the many dead that end the window
                while (first > i + 1 && many(m_recent[first - 1].dead)) --first;
                m_collapse.kind = Collapse::Kind::DeadUnits;
                m_collapse.epoch = m_recent[first].epoch;
                m_collapse.seen = now.epoch;
                m_collapse.from_epoch = m_recent[i].epoch;
                m_collapse.dead_before = m_recent[i].dead;
                m_collapse.dead = dead;
                m_collapse.units = units;
                return true;
            }
    return false;
}

void CollapseWatch::rearm() {
    if (!m_collapse.happened()) return;
    const Seen now = m_recent.back();  // the epoch it was seen
    m_collapse = Collapse{};
    m_streak = 0;
    m_reference = m_best = now.loss;
    m_reference_epoch = m_best_epoch = now.epoch;
    m_carried_on = true;
    m_recent.assign(1, now);
}

void CollapseWatch::restart(int epoch, double loss) {
    if (!m_started) return;
    m_collapse = Collapse{};
    m_streak = 0;
    m_reference = m_untrained;
    m_reference_epoch = m_untrained_epoch;
    m_carried_on = false;
    m_best = loss;
    m_best_epoch = epoch;
    m_recent.clear();
}

NetworkSpec network_spec(const TrainConfig& config, int classes) {
    NetworkSpec spec;
    spec.inputs = feature_count(config.features);
    spec.hidden = config.hidden;
    spec.outputs = config.output == Output::Softmax ? std::max(2, classes) : 1;
    return spec;
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

    const NetworkSpec spec = network_spec(config, data.classes);
    assert(spec.inputs == m_train_x.rows());
    m_net = Mlp(spec);
    m_net.initialise(config.init, m_rng);
    m_order.resize(m_train.size());
    for (int i = 0; i < m_train.size(); ++i) m_order[i] = i;
    m_last_grad = Eigen::VectorXd::Zero(m_net.params().size());
}

bool Training::run_epoch() {
    if (m_divergence.happened) return false;
    m_epoch_start = m_net.params();
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

void Training::evaluate_set(const FeatureMatrix& features, const Eigen::VectorXd& targets, bool train, bool inside,
                            double* loss, double* accuracy) {
    const int n = static_cast<int>(features.cols());
    const int layers = m_net.layer_count(), hidden = layers - 1;
    prepare_pass(m_net, &m_pass);
    // a unit is alive when f' ≠ 0 for at least one sample
    std::vector<Eigen::Array<bool, Eigen::Dynamic, 1>> alive(hidden);
    for (int l = 0; l < hidden; ++l) alive[l] = Eigen::Array<bool, Eigen::Dynamic, 1>::Constant(m_net.slots(l).units, false);
    if (inside) {
        m_activity.resize(static_cast<size_t>(hidden));
        for (int l = 0; l < hidden; ++l) {
            LayerActivity& a = m_activity[static_cast<size_t>(l)];
            a.units = m_net.slots(l).units;
            a.gated = m_net.slots(l).gated;
            a.points = n;
            a.activation = m_net.spec().hidden[l].activation;
            double scratch[kMaxParams];
            const double* p = m_net.activation_params(l, scratch);
            std::copy_n(p, kMaxParams, a.params.v);
            a.z.resize(static_cast<size_t>(a.units) * n);
            a.dz.resize(a.z.size());
        }
    }
    std::vector<double> squares(static_cast<size_t>(layers), 0.0);
    BatchScore total;
    for (int first = 0; first < n; first += kBlock) {
        const int lanes = gather_block(features, nullptr, first, n, &m_pass.input);
        forward_block(m_net, &m_pass);
        // each point's own loss (scale 1): its ∂loss/∂z, whose spare lanes are 0
        const BatchScore s = score_block(m_config.output, m_pass.z.back(), targets.data() + first, lanes, 1.0,
                                         inside ? &m_pass.dlogits : nullptr);
        total.loss_sum += s.loss_sum;
        total.correct += s.correct;
        if (!train) continue;
        for (int l = 0; l < hidden; ++l) {
            if (!m_net.slots(l).gated) {
                alive[l] = alive[l] || (m_pass.da[l].leftCols(lanes).array() != 0.0).rowwise().any();
                continue;
            }
            // a gated unit passes gradient back through its value when f(gate) ≠ 0, and through its
            // gate when f'(gate) · value ≠ 0
            const auto value = m_pass.z[l].bottomRows(m_net.slots(l).units).leftCols(lanes).array();
            alive[l] = alive[l] || (m_pass.gate[l].leftCols(lanes).array() != 0.0 ||
                                    m_pass.da[l].leftCols(lanes).array() * value != 0.0).rowwise().any();
        }
        if (!inside) continue;
        for (int l = 0; l < hidden; ++l) {
            LayerActivity& a = m_activity[static_cast<size_t>(l)];
            for (int u = 0; u < a.units; ++u)
                for (int k = 0; k < lanes; ++k) {
                    a.z[static_cast<size_t>(u) * n + first + k] = m_pass.z[l](u, k);
                    a.dz[static_cast<size_t>(u) * n + first + k] = m_pass.da[l](u, k);
                }
        }
        backward_block(m_net, &m_pass, false);
        for (int l = 0; l < layers; ++l) squares[static_cast<size_t>(l)] += m_pass.delta[l].squaredNorm();
    }
    *loss = n > 0 ? total.loss_sum / n : NAN;
    *accuracy = m_train.classes == 0 || n == 0 ? NAN : static_cast<double>(total.correct) / n;
    if (!train) return;
    m_dead.assign(hidden, 0);
    m_dead_mask.assign(hidden, {});
    for (int l = 0; l < hidden; ++l) {
        m_dead[l] = static_cast<int>((!alive[l]).count());
        m_dead_mask[l].resize(alive[l].size());
        for (Eigen::Index u = 0; u < alive[l].size(); ++u) m_dead_mask[l][u] = alive[l][u] ? 0 : 1;
    }
    if (!inside) return;
    m_inside_epoch = m_epoch;
    m_layer_rms.assign(static_cast<size_t>(layers), NAN);
    m_update_ratio.assign(static_cast<size_t>(layers), NAN);
    for (int l = 0; l < layers; ++l) {
        const LayerSlots& slots = m_net.slots(l);
        if (n > 0) m_layer_rms[static_cast<size_t>(l)] = std::sqrt(squares[static_cast<size_t>(l)] / (static_cast<double>(n) * slots.rows));
        if (m_epoch_start.size() == m_net.params().size()) {
            const Eigen::Index size = slots.rows * slots.cols;
            const double before = m_epoch_start.segment(slots.weights, size).norm();
            m_update_ratio[static_cast<size_t>(l)] =
                (m_net.params().segment(slots.weights, size) - m_epoch_start.segment(slots.weights, size)).norm() / before;
        }
    }
}

EpochRecord Training::evaluate(bool watch, bool inside) {
    EpochRecord r;
    r.epoch = m_epoch;
    evaluate_set(m_train_x, m_train_t, true, inside, &r.train_loss, &r.train_accuracy);
    evaluate_set(m_test_x, m_test_t, false, false, &r.test_loss, &r.test_accuracy);
    if (watch && m_epoch != m_watched_epoch) {
        m_watched_epoch = m_epoch;
        int units = 0;
        for (int l = 0; l + 1 < m_net.layer_count(); ++l) units += m_net.slots(l).units;
        m_watch.observe(r, m_dead, units);
    }
    return r;
}

void Training::set_optimizer(const OptimizerSpec& spec) {
    if (spec.kind != m_config.optimizer.kind) m_opt = OptimizerState{};
    m_config.optimizer = spec;
}

void Training::set_batch(int batch) { m_config.batch = std::max(1, batch); }

void Training::set_params(const Eigen::VectorXd& params) {
    assert(params.size() == m_net.params().size());
    m_net.params() = params;
    m_epoch_start.resize(0);
    m_inside_epoch = -1;
}

void Training::restore(const Eigen::VectorXd& params, int epoch, double loss) {
    assert(params.size() == m_net.params().size());
    m_net.params() = params;
    m_epoch_start.resize(0);
    m_inside_epoch = -1;
    m_epoch = epoch;
    m_opt = OptimizerState{};
    m_divergence = Divergence{};
    m_watch.restart(epoch, loss);
    m_watched_epoch = epoch - 1;  // the next evaluate() shows the watch this epoch's units again
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
