#include "core/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace actlab::core {

namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kPublishInterval = std::chrono::milliseconds(8);  // twice per 60 Hz frame
}  // namespace

bool EpochPacer::take(Clock::time_point now, double epochs_per_second) {
    if (now < m_next) return false;
    const auto period = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / epochs_per_second));
    m_next = std::max(m_next + period, now - kCatchUp);
    return true;
}

Trainer::Trainer() : m_snapshot(std::make_shared<const Snapshot>()) { m_thread = std::thread([this] { worker(); }); }

Trainer::~Trainer() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::shared_ptr<const Snapshot> Trainer::snapshot() const { return std::atomic_load(&m_snapshot); }

void Trainer::send(std::function<void()> command) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_commands.push_back(std::move(command));
    }
    m_wake.notify_all();
}

// A run (new, or restored at an epoch) paused, its history starting at its epoch, then published.
void Trainer::start_history() {
    m_running = false;
    m_pending_steps = 0;
    m_history.clear();
    m_gradients.clear(m_training->network().layer_count());
    m_record_every = 1;
    m_best_params.resize(0);
    m_best_record = EpochRecord{};  // also when the first loss is not finite and so never becomes the best
    m_stopped_at.clear();
    record_epoch();
    publish(true);
}

void Trainer::reset(const TrainConfig& config, const Dataset& data) {
    send([this, config, data] {
        m_training = std::make_unique<Training>(config, data);
        start_history();
    });
}

void Trainer::play() {
    send([this] {
        if (m_training && !m_training->divergence().happened && !at_stop()) {
            if (!m_running) m_pacer.restart(Clock::now());
            m_training->carry_on();
            m_running = true;
            m_stopped_at.clear();
        }
        publish(true);
    });
}

void Trainer::pause() {
    send([this] {
        m_running = false;
        m_pending_steps = 0;
        publish(true);
    });
}

void Trainer::step() {
    send([this] {
        if (m_training) m_training->carry_on();
        m_running = false;
        ++m_pending_steps;
    });
}

void Trainer::set_pause_on_collapse(bool pause) {
    send([this, pause] { m_pause_on_collapse = pause; });
}

void Trainer::set_speed(double epochs_per_second) {
    send([this, epochs_per_second] { m_speed = epochs_per_second; });
}

void Trainer::set_stop_epoch(int epoch) {
    send([this, epoch] {
        m_stop_epoch = epoch;
        if (at_stop()) {
            m_running = false;
            m_pending_steps = 0;
        }
        publish(true);
    });
}

bool Trainer::at_stop() const { return m_training && m_stop_epoch > 0 && m_training->epoch() >= m_stop_epoch; }

void Trainer::set_stop_target(const StopTarget& target) {
    send([this, target] {
        m_stop_target = target;
        publish(true);
    });
}

bool Trainer::target_met() {
    if (!m_training || m_history.empty() || m_history.back().epoch != m_training->epoch()) return false;
    const EpochRecord& r = m_history.back();
    char what[160] = "";
    if (m_stop_target.test_loss > 0.0 && r.test_loss <= m_stop_target.test_loss) {
        std::snprintf(what, sizeof what, "test loss %.4g reached %.4g at epoch %d", r.test_loss, m_stop_target.test_loss, r.epoch);
        m_stop_target.test_loss = 0.0;
    } else if (m_stop_target.test_accuracy > 0.0 && r.test_accuracy >= m_stop_target.test_accuracy) {
        std::snprintf(what, sizeof what, "test accuracy %.4g %% reached %.4g %% at epoch %d", 100.0 * r.test_accuracy,
                      100.0 * m_stop_target.test_accuracy, r.epoch);
        m_stop_target.test_accuracy = 0.0;
    } else {
        return false;
    }
    m_stopped_at = what;
    return true;
}

void Trainer::set_optimizer(const OptimizerSpec& spec) {
    send([this, spec] {
        if (m_training) m_training->set_optimizer(spec);
    });
}

void Trainer::set_params(const Eigen::VectorXd& params) {
    send([this, params] {
        if (!m_training || params.size() != m_training->network().params().size()) return;
        m_training->set_params(params);
        // this epoch's record and gradient are the edited weights' now
        m_latest = m_training->evaluate(false);
        const int epoch = m_training->epoch();
        if (!m_history.empty() && m_history.back().epoch == epoch) m_history.back() = m_latest;
        m_gradients.drop_after(epoch - 1);  // publish adds this epoch's row again, for the edited weights
        publish(true);
    });
}

void Trainer::restore(const Eigen::VectorXd& params, int epoch) {
    send([this, params, epoch] {
        if (!m_training || params.size() != m_training->network().params().size() || epoch < 0) return;
        m_training->set_params(params);
        const double loss = m_training->evaluate(false, false).train_loss;
        m_training->restore(params, epoch, loss);
        start_history();
    });
}

void Trainer::set_saturation(double threshold) {
    send([this, threshold] {
        m_saturation = threshold;
        publish(true);
    });
}

void Trainer::set_batch(int batch) {
    send([this, batch] {
        if (m_training) m_training->set_batch(batch);
    });
}

void Trainer::back_to_best() {
    send([this] {
        if (!m_training || !(m_training->divergence().happened || m_training->collapse().happened())) return;
        if (m_best_params.size() == m_training->network().params().size()) {
            m_training->restore(m_best_params, m_best_record.epoch, m_best_record.train_loss);
        } else {
            m_training->restore(m_training->network().params(), m_training->epoch(), m_latest.train_loss);
        }
        m_latest = m_training->evaluate();  // the weights put back: their record, and their dead units
        const int epoch = m_training->epoch();
        m_history.erase(std::remove_if(m_history.begin(), m_history.end(),
                                       [epoch](const EpochRecord& r) { return r.epoch > epoch; }),
                        m_history.end());
        m_gradients.drop_after(epoch);
        m_running = false;
        m_pending_steps = 0;
        publish(true);
    });
}

void Trainer::wait_idle() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_idle.wait(lock, [this] { return m_commands.empty() && !m_busy; });
}

void Trainer::record_epoch() {
    if (m_training->epoch() % m_record_every != 0) return;
    // the live views' backward pass only for an epoch a snapshot will show (publish does it otherwise)
    m_latest = m_training->evaluate(true, Clock::now() - m_last_publish >= kPublishInterval || !m_running);
    const double loss = m_latest.train_loss;
    if (std::isfinite(loss) && (m_best_params.size() == 0 || loss < m_best_record.train_loss)) {
        m_best_params = m_training->network().params();
        m_best_record = m_latest;
    }
    m_history.push_back(m_latest);
    if (static_cast<int>(m_history.size()) >= kHistoryCap) {
        // keep epochs that are multiples of the doubled stride (epoch 0 stays)
        m_record_every *= 2;
        std::vector<EpochRecord> kept;
        for (const EpochRecord& r : m_history)
            if (r.epoch % m_record_every == 0) kept.push_back(r);
        m_history.swap(kept);
    }
}

void Trainer::publish(bool force) {
    const Clock::time_point now = Clock::now();
    if (!force && now - m_last_publish < kPublishInterval) return;
    m_last_publish = now;
    auto s = std::make_shared<Snapshot>();
    s->serial = ++m_serial;
    if (m_training) {
        s->epoch = m_training->epoch();
        s->network = m_training->network();
        // the newest epoch, recorded or not (not watched: the watch sees recorded epochs only, whenever
        // snapshots happen to be published); this also counts its dead units for the snapshot
        if (m_latest.epoch != m_training->epoch()) m_latest = m_training->evaluate(false);
        if (m_training->inside_epoch() != m_training->epoch()) m_training->evaluate(false, true);
        // the gradient history has a row for every epoch a snapshot showed; past kHistoryCap rows every
        // second one goes (the first stays)
        if (m_gradients.rows() == 0 || m_gradients.epochs.back() < m_latest.epoch) {
            m_gradients.add(m_latest.epoch, m_training->layer_gradient_rms(), m_training->update_ratio());
            if (m_gradients.rows() > kHistoryCap) m_gradients.keep_every_second();
        }
        s->history = m_history;
        if (s->history.empty() || s->history.back().epoch < m_latest.epoch) s->history.push_back(m_latest);
        s->gradient_rms = m_training->gradient_rms();
        // the activity and the gradient are those of m_latest's evaluation, at this epoch
        for (const LayerActivity& layer : m_training->activity()) s->units.push_back(layer_histogram(layer, m_saturation));
        s->saturation = m_saturation;
        s->layer_gradient_rms = m_training->layer_gradient_rms();
        s->update_ratio = m_training->update_ratio();
        s->gradients = m_gradients;
        s->dead_units = m_training->dead_units();
        s->dead_mask = m_training->dead_mask();
        s->divergence = m_training->divergence();
        s->collapse = m_training->collapse();
    }
    s->running = m_running;
    s->epochs_per_second = m_measured_rate;
    s->stop_epoch = m_stop_epoch;
    s->stop_target = m_stop_target;
    s->stopped_at = m_stopped_at;
    s->best_epoch = m_best_record.epoch;
    s->published = Clock::now();
    std::atomic_store(&m_snapshot, std::shared_ptr<const Snapshot>(std::move(s)));
}

void Trainer::worker() {
    Clock::time_point rate_start = Clock::now();
    int rate_epochs = 0;
    for (;;) {
        std::deque<std::function<void()>> commands;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            const auto has_work = [&] {
                return m_quit || !m_commands.empty() || (m_training && (m_running || m_pending_steps > 0));
            };
            if (!has_work()) {
                m_busy = false;
                m_idle.notify_all();
                m_wake.wait(lock, has_work);
                // the speed is measured over running time only
                rate_start = Clock::now();
                rate_epochs = 0;
            }
            if (m_quit) return;
            commands.swap(m_commands);
            m_busy = true;
        }
        for (auto& command : commands) command();
        if (!m_training || !(m_running || m_pending_steps > 0)) continue;

        if (m_running && m_speed > 0.0) {
            // pace the epochs; wake early for commands
            if (!m_pacer.take(Clock::now(), m_speed)) {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait_until(lock, m_pacer.next(), [&] { return m_quit || !m_commands.empty(); });
                continue;
            }
        }
        const bool ok = m_training->run_epoch();
        if (m_pending_steps > 0) --m_pending_steps;
        if (ok) record_epoch();
        const bool collapsed = ok && m_pause_on_collapse && m_training->collapse().happened();
        const bool met = ok && target_met();
        if (ok && at_stop()) m_stopped_at = "epoch " + std::to_string(m_training->epoch()) + " reached";
        if (!ok || collapsed || met || at_stop()) {
            m_running = false;
            m_pending_steps = 0;
        }
        ++rate_epochs;
        const Clock::time_point now = Clock::now();
        if (now - rate_start >= std::chrono::seconds(1)) {
            m_measured_rate = rate_epochs / std::chrono::duration<double>(now - rate_start).count();
            rate_start = now;
            rate_epochs = 0;
        }
        publish(!ok || collapsed || !m_running);
    }
}

}  // namespace actlab::core
