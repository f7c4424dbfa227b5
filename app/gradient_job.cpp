#include "app/gradient_job.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace actlab::app {

struct GradientJob::Run {
    std::vector<core::FlowConfig> configs;            // read-only once the thread starts
    std::vector<std::vector<core::LayerStats>> results;  // written by the thread until `finished`
    double seconds = 0.0;                             // likewise
    int total_steps = 0;
    std::atomic<int> steps{0};
    std::atomic<bool> cancel{false};
    std::atomic<bool> finished{false};                // set last by the thread (release): results are ready
    bool taken = false;                               // UI thread only
    std::thread thread;

    void work() {
        const auto t0 = std::chrono::steady_clock::now();
        results.resize(configs.size());
        for (size_t i = 0; i < configs.size(); ++i)
            if (!core::gradient_flow(configs[i], &results[i], {&steps, &cancel})) break;
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        finished.store(true, std::memory_order_release);
    }
};

GradientJob::~GradientJob() {
    if (m_run) m_cancelled.push_back(m_run);
    for (auto& run : m_cancelled) run->cancel = true;
    for (auto& run : m_cancelled)
        if (run->thread.joinable()) run->thread.join();
}

void GradientJob::start(std::vector<core::FlowConfig> configs) {
    if (m_run && m_run->thread.joinable()) {
        m_run->cancel = true;
        m_cancelled.push_back(m_run);
    }
    m_requested = configs;
    auto run = std::make_shared<Run>();
    run->configs = std::move(configs);
    for (const core::FlowConfig& c : run->configs) run->total_steps += core::flow_steps(c);
    Run* raw = run.get();  // kept alive by m_run or m_cancelled until joined
    run->thread = std::thread([raw] { raw->work(); });
    m_run = std::move(run);
}

bool GradientJob::busy() const { return m_run && !m_run->finished.load(std::memory_order_acquire); }

bool GradientJob::pending() const { return m_run && !m_run->taken; }

float GradientJob::progress() const {
    if (!m_run || m_run->total_steps == 0) return 0.0f;
    return std::min(1.0f, static_cast<float>(m_run->steps.load(std::memory_order_relaxed)) / m_run->total_steps);
}

bool GradientJob::take(std::vector<std::vector<core::LayerStats>>* results, double* seconds) {
    // Join the cancelled runs that have stopped: instant, since they are done.
    for (auto it = m_cancelled.begin(); it != m_cancelled.end();) {
        if ((*it)->finished.load(std::memory_order_acquire)) {
            if ((*it)->thread.joinable()) (*it)->thread.join();
            it = m_cancelled.erase(it);
        } else {
            ++it;
        }
    }
    if (!m_run || m_run->taken || !m_run->finished.load(std::memory_order_acquire)) return false;
    m_run->thread.join();
    m_run->taken = true;
    *results = std::move(m_run->results);
    *seconds = m_run->seconds;
    return true;
}

}  // namespace actlab::app
