// The trainer under fire: two threads send it random commands (play, pause, step, reset with new
// settings and data, speed, optimiser, batch, stop epoch, clearing a blow-up) while a third reads every
// snapshot it can and checks that it is whole. Built with ThreadSanitizer this finds data races and
// lock-order inversions; the checks here find torn or inconsistent snapshots, and a watchdog finds a
// worker that never goes idle after a pause (a lost wake-up or a deadlock).
//
//   soak_trainer [--seconds N | --operations N] [--seed S]
//
// --seconds runs until N seconds have passed (make soak-trainer: 600 under ThreadSanitizer);
// --operations stops after N commands in all (ctest and make tsan: a fixed amount of work). The seed
// fixes what each thread sends; how the threads interleave is up to the machine. Every thousand
// commands per thread the two meet, one pauses the trainer and waits for it to go idle, and both carry
// on. Exit status 0 when nothing was wrong, 1 with what and where otherwise.
#include "core/activation.h"
#include "core/trainer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace actlab::core;
using Clock = std::chrono::steady_clock;

constexpr int kMeetEvery = 1000;                       // commands per thread between quiet points
constexpr auto kIdleBound = std::chrono::seconds(300);  // a pause that takes longer is a hang

// ---- what went wrong ----------------------------------------------------------------------------

std::mutex g_report_mutex;
std::atomic<int> g_failures{0};
std::atomic<bool> g_stop{false};

void fail(const std::string& what) {
    std::lock_guard<std::mutex> lock(g_report_mutex);
    if (g_failures.fetch_add(1) < 20) std::fprintf(stderr, "soak_trainer: %s\n", what.c_str());
    g_stop = true;
}

// ---- random settings ----------------------------------------------------------------------------

// Log-uniform in [lo, hi].
double log_uniform(Rng& rng, double lo, double hi) { return std::exp(rng.uniform(std::log(lo), std::log(hi))); }

OptimizerSpec random_optimizer(Rng& rng) {
    OptimizerSpec o;
    o.kind = static_cast<OptimizerKind>(rng.below(3));
    // up to the largest rate the window allows: some runs blow up, which is what back_to_best is for
    o.learning_rate = rng.below(3) == 0 ? log_uniform(rng, 1.0, kMaxLearningRate)
                                        : log_uniform(rng, kMinLearningRate, kMaxLearningRate);
    o.regularization = static_cast<Regularization>(rng.below(3));
    o.regularization_rate = o.regularization == Regularization::None ? 0.0 : log_uniform(rng, 1e-5, 0.1);
    o.momentum = rng.uniform(0.0, 0.99);
    return o;
}

// A config that passes check_train_config, and the data it trains on.
TrainConfig random_config(Rng& rng, Dataset* data) {
    TrainConfig c = default_train_config();
    c.data.kind = static_cast<DatasetKind>(rng.below(kDatasetKindCount));
    c.data.points = rng.below(4) == 0 ? static_cast<int>(kMinPoints + rng.below(600)) : static_cast<int>(kMinPoints + rng.below(150));
    c.data.noise = rng.uniform(0.0, kMaxNoise);
    c.data.seed = rng.next();
    *data = make_dataset(c.data);
    c.train_percent = kMinTrainPercent + static_cast<int>(rng.below(kMaxTrainPercent - kMinTrainPercent + 1));
    c.features = static_cast<FeatureSet>(1 + rng.below((1u << kFeatureCount) - 1));
    c.hidden.clear();
    const int layers = static_cast<int>(rng.below(5));
    for (int l = 0; l < layers; ++l)
        c.hidden.push_back(hidden_layer(1 + static_cast<int>(rng.below(8)), static_cast<int>(rng.below(activation_count()))));
    // an output that suits the data
    if (data->classes == 0) {
        c.output = rng.below(2) ? Output::Identity : Output::Tanh;
    } else if (data->classes > 2) {
        c.output = Output::Softmax;
    } else {
        const Output two[] = {Output::Tanh, Output::Sigmoid, Output::Softmax};
        c.output = two[rng.below(3)];
    }
    c.loss = matching_loss(c.output);
    c.optimizer = random_optimizer(rng);
    c.batch = 1 + static_cast<int>(rng.below(data->size()));
    c.init.kind = static_cast<InitKind>(rng.below(kInitKindCount));
    c.init.sigma = log_uniform(rng, 0.01, 3.0);
    c.init.a = log_uniform(rng, 0.01, 3.0);
    c.init.bias = rng.uniform(-0.5, 0.5);
    if (rng.below(40) == 0) {
        // weights no window allows (σ = 1e150): the loss is infinite from epoch 0 and the first step blows up
        c.init.kind = InitKind::Normal;
        c.init.sigma = 1e150;
    }
    c.seed = rng.next();
    std::string why;
    if (!check_train_config(c, *data, &why)) fail("the soak made a config the trainer may not be given: " + why);
    return c;
}

// ---- what a snapshot promises -------------------------------------------------------------------

std::string describe(const Snapshot& s) {
    return "snapshot " + std::to_string(s.serial) + " (epoch " + std::to_string(s.epoch) + ")";
}

// Empty when `s` is whole; otherwise what is wrong with it.
std::string inconsistency(const Snapshot& s) {
    auto bad = [&](const std::string& what) { return describe(s) + ": " + what; };
    if (s.published > Clock::now()) return bad("published in the future");
    if (s.stop_epoch < 0) return bad("negative stop epoch");
    if (s.epochs_per_second < 0 || !std::isfinite(s.epochs_per_second)) return bad("a measured rate that is no rate");
    const Mlp& net = s.network;
    if (net.layer_count() == 0) {  // before the first reset
        if (s.epoch != 0 || !s.history.empty() || !s.gradient_rms.empty() || !s.dead_units.empty() ||
            !s.dead_mask.empty() || s.running || s.divergence.happened)
            return bad("no network, but a run in it");
        return "";
    }
    const int layers = net.layer_count();
    const int hidden = layers - 1;
    const NetworkSpec& spec = net.spec();
    if (static_cast<int>(spec.hidden.size()) != hidden) return bad("layers and the network's spec disagree");
    if (spec.inputs < 1 || spec.inputs > kFeatureCount) return bad("inputs out of range");
    if (spec.outputs < 1 || spec.outputs > 3) return bad("outputs out of range");
    // the parameter vector is exactly the layers' weights, biases and learned α, in order
    Eigen::Index expected = 0;
    int fan_in = spec.inputs;
    for (int l = 0; l < layers; ++l) {
        const LayerSlots& slot = net.slots(l);
        const int units = l < hidden ? spec.hidden[l].units : spec.outputs;
        if (slot.rows != units || slot.cols != fan_in) return bad("layer " + std::to_string(l) + " has the wrong shape");
        if (slot.weights != expected || slot.biases != expected + units * fan_in)
            return bad("layer " + std::to_string(l) + "'s parameters are not where its slots say");
        expected += units * fan_in + units;
        fan_in = units;
    }
    for (int l = 0; l < hidden; ++l)
        if (net.slots(l).alpha >= 0) ++expected;
    if (net.params().size() != expected)
        return bad(std::to_string(net.params().size()) + " parameters for layers that hold " + std::to_string(expected));
    if (net.weight_mask().size() != expected) return bad("the weight mask is not one entry per parameter");
    if (!net.params().allFinite()) return bad("a weight that is not finite (a step that blew up must be undone)");

    if (static_cast<int>(s.gradient_rms.size()) != layers) return bad("gradient_rms is not one entry per layer");
    for (double g : s.gradient_rms)
        if (std::isnan(g) || g < 0) return bad("a gradient RMS that is NaN or negative");
    if (static_cast<int>(s.dead_units.size()) != hidden || static_cast<int>(s.dead_mask.size()) != hidden)
        return bad("dead units or dead mask not one entry per hidden layer");
    for (int l = 0; l < hidden; ++l) {
        if (static_cast<int>(s.dead_mask[l].size()) != spec.hidden[l].units)
            return bad("dead mask of hidden layer " + std::to_string(l + 1) + " is not one entry per unit");
        int dead = 0;
        for (char d : s.dead_mask[l]) {
            if (d != 0 && d != 1) return bad("a dead mask entry that is neither 0 nor 1");
            dead += d;
        }
        if (dead != s.dead_units[l]) return bad("dead units and dead mask disagree in hidden layer " + std::to_string(l + 1));
    }

    if (s.epoch < 0) return bad("negative epoch");
    if (s.history.empty()) return bad("a run without its epoch 0 in the history");
    if (s.history.front().epoch != 0) return bad("the history does not start at epoch 0");
    for (size_t i = 1; i < s.history.size(); ++i)
        if (s.history[i].epoch <= s.history[i - 1].epoch) return bad("the history is out of order");
    if (s.history.back().epoch > s.epoch) return bad("the history runs past the snapshot's own epoch");
    if (static_cast<int>(s.history.size()) > kHistoryCap) return bad("the history is longer than its cap");
    if (s.best_epoch < 0 || s.best_epoch > s.epoch) return bad("the best epoch " + std::to_string(s.best_epoch) + " is not of this run");

    if (s.divergence.happened) {
        if (s.running) return bad("running after a blow-up");
        if (s.divergence.epoch != s.epoch) return bad("the blow-up is dated epoch " + std::to_string(s.divergence.epoch));
        if (s.divergence.step < 1 || s.divergence.what.empty() || s.divergence.message().empty())
            return bad("a blow-up that does not say where");
    }
    if (s.running && s.stop_epoch > 0 && s.epoch >= s.stop_epoch) return bad("running at or past the stop epoch");
    return "";
}

// ---- the threads ----------------------------------------------------------------------------------

// Two threads meet here: each waits until both have arrived, or until the other has left for good.
class Meeting {
public:
    // True when both arrived; false once either has left.
    bool arrive() {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_closed) return false;
        const long generation = m_generation;
        if (++m_arrived == 2) {
            m_arrived = 0;
            ++m_generation;
            m_cv.notify_all();
            return true;
        }
        m_cv.wait(lock, [&] { return m_generation != generation || m_closed; });
        return m_generation != generation;
    }
    // A thread that sends no more: the other must not wait for it.
    void leave() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_cv.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_arrived = 0;
    long m_generation = 0;
    bool m_closed = false;
};

enum Op { Play, Pause, Step, Reset, Speed, Optimizer, Batch, StopEpoch, ClearDivergence, kOpCount };
const char* const kOpNames[kOpCount] = {"play", "pause", "step", "reset", "set_speed", "set_optimizer",
                                        "set_batch", "set_stop_epoch", "back_to_best"};

struct Soak {
    Trainer trainer;
    std::uint64_t seed = 1;
    long operations = 0;            // in all, when > 0
    Clock::time_point deadline;     // otherwise
    std::atomic<long> op_counts[kOpCount] = {};
    std::atomic<long> done{0};
    std::atomic<long> checked{0};   // snapshots checked (by any thread)
    std::atomic<long> blowups{0};   // snapshots seen with a divergence
    std::atomic<long> quiet_points{0};
    std::atomic<int> max_epoch{0};
    std::atomic<long> idle_since_ms{-1};  // when the last pause-and-wait began, or -1
    Meeting meeting;

    bool more(long mine) const {
        if (g_stop) return false;
        return operations > 0 ? mine < operations / 2 : Clock::now() < deadline;
    }

    void check(const std::shared_ptr<const Snapshot>& s) {
        const std::string why = inconsistency(*s);
        if (!why.empty()) fail(why);
        checked.fetch_add(1, std::memory_order_relaxed);
        if (s->divergence.happened) blowups.fetch_add(1, std::memory_order_relaxed);
        int m = max_epoch.load();
        while (s->epoch > m && !max_epoch.compare_exchange_weak(m, s->epoch)) {
        }
    }

    // One random command, as a panel would send it. In a calm stretch a run is left to go on (no reset,
    // no pause, and a stop is lifted), so long runs, thinned histories and blow-ups happen too.
    void random_command(Rng& rng, bool calm) {
        const double u = rng.uniform();
        const Op op = calm ? (u < 0.30 ? Play : u < 0.40 ? Step : u < 0.55 ? Speed : u < 0.75 ? Optimizer
                              : u < 0.90 ? Batch : u < 0.93 ? StopEpoch : ClearDivergence)
                           : (u < 0.16 ? Play : u < 0.26 ? Pause : u < 0.40 ? Step : u < 0.46 ? Reset : u < 0.56 ? Speed
                              : u < 0.68 ? Optimizer : u < 0.79 ? Batch : u < 0.89 ? StopEpoch : ClearDivergence);
        switch (op) {
        case Play: trainer.play(); break;
        case Pause: trainer.pause(); break;
        case Step:
            for (int i = 1 + static_cast<int>(rng.below(5)); i > 0; --i) trainer.step();
            break;
        case Reset: {
            Dataset data;
            const TrainConfig c = random_config(rng, &data);
            trainer.reset(c, data);
            break;
        }
        case Speed: trainer.set_speed(rng.below(calm ? 2 : 3) == 0 ? 0.0 : log_uniform(rng, 1.0, 5000.0)); break;
        case Optimizer: trainer.set_optimizer(random_optimizer(rng)); break;
        case Batch: trainer.set_batch(1 + static_cast<int>(rng.below(700))); break;
        case StopEpoch:  // a calm stretch lifts the stop
            trainer.set_stop_epoch(calm || rng.below(3) == 0 ? 0 : static_cast<int>(rng.below(400)));
            break;
        case ClearDivergence: trainer.back_to_best(); break;
        case kOpCount: break;
        }
        op_counts[op].fetch_add(1, std::memory_order_relaxed);
        done.fetch_add(1, std::memory_order_relaxed);
    }

    // Pauses, waits until the worker has nothing left to do, and checks what it left.
    void quiet_point() {
        trainer.pause();
        idle_since_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
        trainer.wait_idle();
        idle_since_ms = -1;
        const auto s = trainer.snapshot();
        check(s);
        if (s->running) fail(describe(*s) + ": still running after pause and wait_idle");
        if (trainer.snapshot() != s) fail(describe(*s) + ": a new snapshot while idle");
        quiet_points.fetch_add(1, std::memory_order_relaxed);
    }

    void controller(int index) {
        Rng rng(seed * 2 + static_cast<std::uint64_t>(index));
        long mine = 0;
        bool calm = false;  // chosen anew after each meeting
        while (more(mine)) {
            random_command(rng, calm);
            ++mine;
            if (rng.below(8) == 0) check(trainer.snapshot());  // the panels read too
            if (mine % kMeetEvery == 0) {
                if (meeting.arrive()) {  // both have stopped sending
                    if (index == 0) quiet_point();
                    meeting.arrive();
                }
                calm = rng.below(3) == 0;
            }
            // a few commands a frame, not a flood: up to 0.8 ms between them, up to 3 ms in a calm stretch
            std::this_thread::sleep_for(std::chrono::microseconds(rng.below(calm ? 3000 : 800)));
        }
        meeting.leave();  // the other may be waiting at a meeting this one will not reach
    }

    void reader() {
        std::shared_ptr<const Snapshot> last = trainer.snapshot();
        check(last);
        while (!g_stop) {
            const std::shared_ptr<const Snapshot> s = trainer.snapshot();
            if (s != last) {
                if (s->serial < last->serial)
                    fail(describe(*s) + " came after snapshot " + std::to_string(last->serial));
                else if (s->serial == last->serial)
                    fail(describe(*s) + ": two snapshots with one serial");
                check(s);
                last = s;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    }

    void watchdog() {
        while (!g_stop) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            const long since = idle_since_ms;
            const long now = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
            if (since >= 0 && now - since > std::chrono::duration_cast<std::chrono::milliseconds>(kIdleBound).count()) {
                std::fprintf(stderr, "soak_trainer: the worker did not go idle within %lld s of a pause (a deadlock or a "
                             "lost wake-up)\n", static_cast<long long>(kIdleBound.count()));
                std::_Exit(1);
            }
        }
    }
};

bool parse_long(const char* text, long* value) {
    char* end = nullptr;
    const long v = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || v <= 0) return false;
    *value = v;
    return true;
}

int usage() {
    std::fprintf(stderr, "usage: soak_trainer [--seconds N | --operations N] [--seed S]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    long seconds = 0, operations = 0, seed = 1;
    for (int i = 1; i < argc; ++i) {
        long* target = std::strcmp(argv[i], "--seconds") == 0      ? &seconds
                       : std::strcmp(argv[i], "--operations") == 0 ? &operations
                       : std::strcmp(argv[i], "--seed") == 0       ? &seed
                                                                   : nullptr;
        if (!target || i + 1 >= argc || !parse_long(argv[i + 1], target)) return usage();
        ++i;
    }
    if (seconds > 0 && operations > 0) return usage();
    if (seconds == 0 && operations == 0) operations = 4000;

    const Clock::time_point start = Clock::now();
    auto soak = std::make_unique<Soak>();
    soak->seed = static_cast<std::uint64_t>(seed);
    soak->operations = operations;
    soak->deadline = start + std::chrono::seconds(seconds);

    std::thread watchdog([&] { soak->watchdog(); });
    std::thread reader([&] { soak->reader(); });
    std::thread a([&] { soak->controller(0); });
    std::thread b([&] { soak->controller(1); });
    a.join();
    b.join();

    // the end: pause, go idle (watched), check, then destroy the trainer while it runs
    if (!g_stop) {
        soak->quiet_point();
        Dataset data;
        Rng rng(static_cast<std::uint64_t>(seed) + 7);
        soak->trainer.reset(random_config(rng, &data), data);
        soak->trainer.play();
    }
    const long published = soak->trainer.snapshot()->serial;
    g_stop = true;
    reader.join();
    watchdog.join();
    long counts[kOpCount];
    for (int i = 0; i < kOpCount; ++i) counts[i] = soak->op_counts[i];
    const long done = soak->done, checked = soak->checked, blowups = soak->blowups, quiet = soak->quiet_points;
    const int max_epoch = soak->max_epoch;
    soak.reset();  // joins the worker, mid-run

    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("soak_trainer: seed %ld, %.1f s, %ld commands from 2 threads (", seed, elapsed, done);
    for (int i = 0; i < kOpCount; ++i) std::printf("%s%s %ld", i ? ", " : "", kOpNames[i], counts[i]);
    std::printf("), %ld quiet points, %ld snapshots checked of %ld published, %ld of them after a blow-up, "
                "epochs up to %d\n",
                quiet, checked, published, blowups, max_epoch);
    if (g_failures > 0) {
        std::printf("soak_trainer: %d inconsistencies\n", g_failures.load());
        return 1;
    }
    return 0;
}
