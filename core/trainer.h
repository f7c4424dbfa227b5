// The trainer: a Training run on a worker thread, so the window never waits for it.
//
// The UI sends commands (start, pause, step, reset, new settings) that the worker applies between
// epochs, and reads the newest Snapshot whenever it likes: snapshots are immutable and handed over
// as shared_ptr<const Snapshot> with an atomic swap, so the reader never waits for the worker to
// finish anything and never sees half an update.
#pragma once

#include "core/training.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace actlab::core {

// Where a run pauses by itself, besides a set epoch: the first recorded epoch whose test loss is at
// or below `test_loss`, or whose test accuracy is at or above `test_accuracy` (0: no such target).
// Each pauses the run once: reached, it is cleared, and play carries on past it.
struct StopTarget {
    double test_loss = 0.0;
    double test_accuracy = 0.0;   // a share, 0 … 1
    bool operator==(const StopTarget& o) const { return test_loss == o.test_loss && test_accuracy == o.test_accuracy; }
    bool operator!=(const StopTarget& o) const { return !(*this == o); }
};

// Everything the UI shows about a run, as of one moment.
struct Snapshot {
    long serial = 0;                    // grows with every snapshot published
    int epoch = 0;
    Mlp network;                        // weights as of `epoch`
    std::vector<EpochRecord> history;   // recorded epochs (thinned on long runs, see below), always ending
                                        // with `epoch`'s own record: a plot of it ends where the run is
    std::vector<double> gradient_rms;   // per layer, RMS of dL/dW at the last step
    // Inside the network at `epoch`, over the training points (network_activity.h): each hidden layer's
    // z in bins by zone, and per layer (hidden, then output) the gradient and the update's relative size,
    // at `epoch` and at every recorded epoch before it (gradients ends with `epoch`, as history does).
    std::vector<LayerHistogram> units;
    std::vector<double> layer_gradient_rms, update_ratio;
    GradientHistory gradients;
    double saturation = kDefaultSaturation;   // the |f'| below which `units` counts a unit as saturated
    std::vector<int> dead_units;        // per hidden layer
    std::vector<std::vector<char>> dead_mask;  // per hidden layer and unit: 1 when the unit is dead
    Divergence divergence;
    Collapse collapse;                  // one seen and not carried on from (the run paused there, unless told not to)
    bool running = false;
    double epochs_per_second = 0.0;     // measured over the last second of running
    int stop_epoch = 0;                 // the run pauses by itself on reaching this epoch (0: never)
    StopTarget stop_target;             // and on reaching these (cleared once reached)
    std::string stopped_at;             // what paused it last, in words ("" when nothing did)
    int best_epoch = 0;                 // the recorded epoch with the lowest training loss so far
    std::chrono::steady_clock::time_point published;  // when the worker handed it over
};

// History keeps every epoch up to kHistoryCap records; beyond that every second record is dropped and
// then only every 2nd (4th, 8th…) epoch is recorded, so a long run keeps its whole shape in bounded memory.
// Only recorded epochs are evaluated and watched for a collapse (its "epochs in a row" are then recorded
// ones), which keeps a long run as fast as before (bench/README.md, "Collapse"); a snapshot's history still
// ends with the newest epoch, evaluated when it is published.
constexpr int kHistoryCap = 4000;

// The pace of a run at a set number of epochs a second. Epochs are due 1/speed apart; a run that falls
// behind (a slow epoch, a busy machine) catches up on at most kCatchUp of lost time, then keeps the pace
// again. It reads no clock of its own, so it is tested with made-up times.
class EpochPacer {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kCatchUp{100};
    // The next epoch is due at `now` (a run starts or resumes).
    void restart(Clock::time_point now) { m_next = now; }
    // Whether an epoch may run at `now`; if so, it is counted and the one after it scheduled.
    bool take(Clock::time_point now, double epochs_per_second);
    // When the next epoch is due.
    Clock::time_point next() const { return m_next; }

private:
    Clock::time_point m_next{};
};

class Trainer {
public:
    Trainer();
    ~Trainer();  // stops and joins the worker
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Starts over: a new run from `config` on `data` (checked by the caller with check_train_config).
    // Paused, at epoch 0.
    void reset(const TrainConfig& config, const Dataset& data);
    // After a collapse, play() and step() carry on from it (Training::carry_on): the user chose to.
    void play();
    void pause();
    void step();                               // one epoch, then pause
    // 0: as fast as possible; otherwise the epochs per second to aim for.
    void set_speed(double epochs_per_second);
    // Pauses by itself once the run reaches `epoch` (0: runs until paused). play() at or past it does nothing.
    void set_stop_epoch(int epoch);
    // Pauses by itself once at the first recorded epoch that meets the target (StopTarget).
    void set_stop_target(const StopTarget& target);
    // Learning rate, optimiser, regularisation and batch size take effect from the next epoch.
    void set_optimizer(const OptimizerSpec& spec);
    void set_batch(int batch);
    // After a divergence or a collapse: go back to the weights of the recorded epoch with the lowest
    // training loss (the weights just before a blow-up are often already far gone), dropping the history after
    // it, and stay paused; training then carries on from there, e.g. with a smaller rate.
    void back_to_best();
    // Weights set by hand (the same network's shape), at the current epoch; training carries on from
    // them. The newest snapshot's epoch is evaluated again with them.
    void set_params(const Eigen::VectorXd& params);
    // Weights saved earlier (a session file), put in as those of `epoch`: the history starts again there,
    // paused. The optimiser's moments start from zero (as after back_to_best), so carrying on is not the
    // same run bit for bit; the weights, and everything drawn from them, are.
    void restore(const Eigen::VectorXd& params, int epoch);
    // The |f'| below which the snapshots' unit histograms count a unit as saturated.
    void set_saturation(double threshold);
    // Whether a collapse pauses the run (the default). A race runs to its end whatever happens.
    void set_pause_on_collapse(bool pause);

    // The newest snapshot (never null after construction). It never waits for the worker: the swap is
    // guarded only by the standard library's brief internal lock for shared_ptr atomics.
    std::shared_ptr<const Snapshot> snapshot() const;
    // Blocks until the worker has applied every command sent so far and has nothing left to do
    // (paused, no steps pending). For tests; never call it while playing.
    void wait_idle();

private:
    void send(std::function<void()> command);
    void worker();
    void publish(bool force);
    void record_epoch();
    void start_history();
    bool at_stop() const;
    bool target_met();   // the newest record meets the stop target: clears what it met, says so

    std::thread m_thread;
    mutable std::mutex m_mutex;                 // guards m_commands, m_quit, m_busy
    std::condition_variable m_wake, m_idle;
    std::deque<std::function<void()>> m_commands;
    bool m_quit = false;
    bool m_busy = false;
    std::shared_ptr<const Snapshot> m_snapshot;

    // Touched only by the worker thread (and by commands, which run on it):
    std::unique_ptr<Training> m_training;
    bool m_running = false;
    int m_pending_steps = 0;
    double m_speed = 0.0;
    int m_stop_epoch = 0;
    StopTarget m_stop_target;
    std::string m_stopped_at;
    Eigen::VectorXd m_best_params;       // the weights of the best recorded epoch
    EpochRecord m_best_record;           // and its record
    EpochRecord m_latest;                // the newest epoch evaluated (in m_history when recorded)
    bool m_pause_on_collapse = true;
    std::vector<EpochRecord> m_history;
    GradientHistory m_gradients;         // beside m_history, thinned with it
    double m_saturation = kDefaultSaturation;
    int m_record_every = 1;
    long m_serial = 0;
    double m_measured_rate = 0.0;
    EpochPacer m_pacer;
    std::chrono::steady_clock::time_point m_last_publish;
};

}  // namespace actlab::core
