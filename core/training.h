// One training run, on the calling thread: a dataset split into train and test, its features, a
// network, an optimiser, and the epoch loop. The trainer (trainer.h) runs one of these on a worker
// thread; `actlab export loss` and the benchmarks run it directly.
#pragma once

#include "core/dataset.h"
#include "core/init.h"
#include "core/loss.h"
#include "core/mlp.h"
#include "core/network_activity.h"
#include "core/optimizer.h"
#include "core/random.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::core {

struct TrainConfig {
    DataSpec data;                       // the generated dataset (unused when a loaded one is given)
    int train_percent = 50;              // 10 … 90
    FeatureSet features = kDefaultFeatures;
    std::vector<HiddenLayer> hidden;     // default: 4 tanh, 2 tanh (set by default_train_config)
    Output output = Output::Tanh;
    LossKind loss = LossKind::Mse;
    OptimizerSpec optimizer;
    int batch = 10;                      // 1 … the training set's size (larger means the full set)
    Init init{InitKind::Playground};
    std::uint64_t seed = 1;              // initial weights and the order of batches
};
constexpr int kMinTrainPercent = 10;
constexpr int kMaxTrainPercent = 90;
constexpr int kMaxBatch = 100000;

// Set-up (a) of TensorFlow Playground: circle, 2 → 4 tanh → 2 tanh → 1 tanh, squared error, SGD 0.03, batch 10.
TrainConfig default_train_config();
// The network a config trains on data of `classes` classes (0: regression): its features in, its
// hidden layers, one output, or one per class under softmax.
NetworkSpec network_spec(const TrainConfig& config, int classes);

// Checks what single values cannot: that the output and loss pair, and that they suit the data
// (softmax needs classes, sigmoid two, regression an identity or tanh output). False with a sentence.
bool check_train_config(const TrainConfig& config, const Dataset& data, std::string* error);

// Loss and accuracy over both sets after an epoch. Accuracy is NaN for regression.
struct EpochRecord {
    int epoch = 0;
    double train_loss = 0.0, test_loss = 0.0;
    double train_accuracy = 0.0, test_accuracy = 0.0;
};

// The first recorded epoch whose test loss is at or below `loss`, or -1 when there is none.
int first_epoch_reaching(const std::vector<EpochRecord>& history, double loss);

// Where training stopped because a number stopped being finite.
struct Divergence {
    bool happened = false;
    std::string what;   // "the loss", "the gradient of a weight in hidden layer 2", "the value of a bias in
                        // the output layer": where the non-finite number nearest the output was found
    int epoch = 0;      // the epoch (counting from 1) and step (from 1) in which it happened
    int step = 0;
    std::string message() const;  // one sentence for the user
};

// Where training went wrong although every number stayed finite. Two rules, checked after every
// evaluated epoch; their thresholds are chosen so that ordinary noisy training never meets them
// (measured in bench/README.md, "Collapse"):
// - the loss: for kCollapseEpochs epochs in a row the training loss is at least kCollapseRatio times the
//   lowest it has had and higher than the untrained network's (the first epoch watched): the network has
//   lost all it learnt, and more. A spike of ordinary SGD lasts an epoch or two and stays below the
//   untrained loss; a collapse stays.
// - the units: within kCollapseEpochs + 2 epochs, the share of dead hidden units (f' = 0 on every
//   training point) rose from below kDeadBefore to at least kDeadAfter. A dead unit passes no gradient
//   back, so it does not come back by itself.
constexpr int kCollapseEpochs = 3;
constexpr double kCollapseRatio = 1.5;
constexpr int kDeadWindow = kCollapseEpochs + 2;
constexpr double kDeadBefore = 0.5;
constexpr double kDeadAfter = 0.75;

struct Collapse {
    enum class Kind { None, Loss, DeadUnits };
    Kind kind = Kind::None;
    int epoch = 0;             // the epoch it began: the first of the high losses, or the first with that many dead
    int seen = 0;              // the epoch at which the rule was met (the run pauses there)
    // Kind::Loss
    double best_loss = 0.0;    // the lowest training loss before it, at best_epoch
    int best_epoch = 0;
    double loss = 0.0;         // the training loss at `seen`
    double untrained = 0.0;    // what it is worse than: the untrained network's training loss, or the one
    int reference_epoch = 0;   // at the epoch where the run was carried on after an earlier collapse
    bool carried_on = false;
    // Kind::DeadUnits
    int dead_before = 0;       // dead hidden units at `from_epoch`, and at `seen`
    int from_epoch = 0;
    int dead = 0;
    int units = 0;             // hidden units in all
    bool happened() const { return kind != Kind::None; }
    std::string message() const;  // one or two sentences for the user
};

// Watches a run epoch by epoch for a collapse (the rules above). Once one is seen it is kept until
// rearm() or restart().
class CollapseWatch {
public:
    // One evaluated epoch, in order: its record and the dead units of each hidden layer out of `units`.
    // True when this epoch completes a collapse (collapse() then says what).
    bool observe(const EpochRecord& record, const std::vector<int>& dead, int units);
    const Collapse& collapse() const { return m_collapse; }
    // Carrying on after a collapse: the run as it is now becomes the baseline (its loss the best and the
    // untrained one, its dead units the share before), so only a further collapse is named.
    void rearm();
    // Back at an earlier epoch (the history after it gone): the collapse and the epochs after `epoch`
    // are forgotten; the best loss up to it and the untrained loss stay.
    void restart(int epoch, double loss);

private:
    struct Seen {
        int epoch;
        double loss;
        int dead;
    };
    Collapse m_collapse;
    bool m_started = false;
    double m_untrained = 0.0;          // the first epoch's loss: the untrained network's
    double m_reference = 0.0;          // what the loss rule compares with: m_untrained, or where the run was carried on
    int m_untrained_epoch = 0, m_reference_epoch = 0;
    bool m_carried_on = false;
    double m_best = 0.0;
    int m_best_epoch = 0;
    int m_streak = 0;                  // epochs in a row meeting the loss rule
    std::vector<Seen> m_recent;        // the last kDeadWindow epochs watched, oldest first
};

class Training {
public:
    // Splits `data` (train_percent, seeded by config.data.seed), builds the features and initialises
    // the network from config.seed. The config must have passed check_train_config.
    Training(const TrainConfig& config, const Dataset& data);

    // One pass over the training set in a freshly shuffled order, batch by batch. Returns false when a
    // loss, gradient or weight stopped being finite: the network then keeps the weights from before
    // that step, and divergence() says what and where. A diverged run does not train further.
    bool run_epoch();
    // Losses and accuracies over both sets with the current weights; also counts dead units, and, with
    // `watch`, shows the collapse watch this epoch (once: later calls in the same epoch do not). With
    // `inside`, also what the live views show (activity(), layer_gradient_rms(), update_ratio()): a
    // backward pass over the training set, which the trainer asks for only when a snapshot is due.
    EpochRecord evaluate(bool watch = true, bool inside = true);
    // The epoch activity() and the per-layer gradient are of (-1: none since the weights were set).
    int inside_epoch() const { return m_inside_epoch; }

    int epoch() const { return m_epoch; }
    const Divergence& divergence() const { return m_divergence; }
    const TrainConfig& config() const { return m_config; }
    const Mlp& network() const { return m_net; }
    const Dataset& train_set() const { return m_train; }
    const Dataset& test_set() const { return m_test; }

    // Settings that may change between epochs without starting again.
    void set_optimizer(const OptimizerSpec& spec);
    void set_batch(int batch);
    // Puts back weights saved earlier (same network shape) as those of `epoch`, whose training loss was
    // `loss`; clears a divergence and a collapse.
    void restore(const Eigen::VectorXd& params, int epoch, double loss);
    // A collapse seen by the watched evaluate() calls (a run that is never evaluated is not watched).
    // Training goes on regardless; the trainer pauses.
    const Collapse& collapse() const { return m_watch.collapse(); }
    // Goes on after a collapse: only a further one is named (CollapseWatch::rearm).
    void carry_on() { m_watch.rearm(); }

    // RMS of dL/dW for each layer at the last step (hidden layers, then the output layer).
    std::vector<double> gradient_rms() const;
    // At the last evaluate(), over the training points (network_activity.h): every hidden unit's z and
    // f'(z), and per layer (hidden, then output) the RMS of each point's ∂loss/∂z and the size of the
    // epoch's update of the weights relative to them (NaN when no epoch has run since the weights were
    // set: epoch 0, or just put back).
    const std::vector<LayerActivity>& activity() const { return m_activity; }
    const std::vector<double>& layer_gradient_rms() const { return m_layer_rms; }
    const std::vector<double>& update_ratio() const { return m_update_ratio; }
    // Puts in weights set by hand (same network shape) at the current epoch: training carries on from
    // them. The next epoch's update ratio is measured from them.
    void set_params(const Eigen::VectorXd& params);
    // Units per hidden layer whose f' was 0 for every training sample at the last evaluate().
    const std::vector<int>& dead_units() const { return m_dead; }
    // The same unit by unit: dead_mask()[l][u] is 1 when unit u of hidden layer l is dead.
    const std::vector<std::vector<char>>& dead_mask() const { return m_dead_mask; }

private:
    // With `train` (the training set) the dead units, and with `inside` also the activity and the
    // per-layer gradient.
    void evaluate_set(const FeatureMatrix& features, const Eigen::VectorXd& targets, bool train, bool inside,
                      double* loss, double* accuracy);

    TrainConfig m_config;
    Dataset m_train, m_test;
    FeatureMatrix m_train_x, m_test_x;
    Eigen::VectorXd m_train_t, m_test_t;   // targets encoded for the output function
    Mlp m_net;
    OptimizerState m_opt;
    Rng m_rng;
    std::vector<int> m_order;
    int m_epoch = 0;
    Divergence m_divergence;
    CollapseWatch m_watch;
    int m_watched_epoch = -1;          // the last epoch the watch has seen
    std::vector<int> m_dead;
    std::vector<std::vector<char>> m_dead_mask;
    std::vector<LayerActivity> m_activity;
    std::vector<double> m_layer_rms, m_update_ratio;
    Eigen::VectorXd m_epoch_start;     // the weights before the last epoch (empty: none ran since they were set)
    int m_inside_epoch = -1;
    // scratch, kept between steps so a step allocates nothing
    BlockPass m_pass;
    Eigen::VectorXd m_grad, m_last_grad, m_backup;
};

}  // namespace actlab::core
