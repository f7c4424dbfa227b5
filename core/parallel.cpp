#include "core/parallel.h"

#include <cassert>

namespace actlab::core {

TaskPool::TaskPool(int threads) {
    if (threads <= 0) threads = static_cast<int>(std::thread::hardware_concurrency());
    m_size = threads < 1 ? 1 : threads;
    for (int i = 1; i < m_size; ++i) m_threads.emplace_back([this, i] { work(i); });
}

TaskPool::~TaskPool() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads) t.join();
}

void TaskPool::run(int tasks, const std::function<void(int task)>& fn) {
    if (m_size == 1 || tasks <= 1) {
        for (int t = 0; t < tasks; ++t) fn(t);
        return;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        assert(m_busy == 0);
        m_fn = &fn;
        m_tasks = tasks;
        m_busy = m_size - 1;
        ++m_round;
    }
    m_wake.notify_all();
    for (int t = 0; t < tasks; t += m_size) fn(t);
    std::unique_lock<std::mutex> lock(m_mutex);
    m_done.wait(lock, [this] { return m_busy == 0; });
    m_fn = nullptr;
}

void TaskPool::work(int index) {
    long seen = 0;
    for (;;) {
        const std::function<void(int)>* fn;
        int tasks;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_round != seen; });
            if (m_stop) return;
            seen = m_round;
            fn = m_fn;
            tasks = m_tasks;
        }
        for (int t = index; t < tasks; t += m_size) (*fn)(t);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            --m_busy;
        }
        m_done.notify_one();
    }
}

}  // namespace actlab::core
