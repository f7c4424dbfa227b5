// A few threads kept for one computation (a gradient-lab run), so each of its many short parallel
// steps costs a wake-up, not a thread start.
//
// run(tasks, fn) calls fn(0) ... fn(tasks − 1), task t on thread t mod size() (thread 0 is the caller),
// and returns when all are done. Which thread runs a task never changes what it computes, so a caller
// that splits its work into tasks fixed by the problem (not by the thread count) gets the same numbers
// with any number of threads.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace actlab::core {

class TaskPool {
public:
    explicit TaskPool(int threads);  // threads ≥ 1, the caller included; 0: one per core
    TaskPool(const TaskPool&) = delete;
    TaskPool& operator=(const TaskPool&) = delete;
    ~TaskPool();

    int size() const { return m_size; }
    void run(int tasks, const std::function<void(int task)>& fn);

private:
    void work(int index);

    int m_size = 1;
    std::vector<std::thread> m_threads;          // threads 1 .. size − 1
    std::mutex m_mutex;
    std::condition_variable m_wake;              // a new round, or the end
    std::condition_variable m_done;              // a thread finished its share of the round
    const std::function<void(int)>* m_fn = nullptr;  // the round's work (guarded by m_mutex)
    int m_tasks = 0;
    long m_round = 0;                            // incremented per run()
    int m_busy = 0;                              // helper threads still in the round
    bool m_stop = false;
};

}  // namespace actlab::core
