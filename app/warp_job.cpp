#include "app/warp_job.h"

namespace actlab::app {

WarpJob::WarpJob() : m_thread([this] { work(); }) {}

WarpJob::~WarpJob() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WarpJob::post(WarpRequest request) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_waiting = std::make_unique<WarpRequest>(std::move(request));
    }
    m_wake.notify_one();
}

bool WarpJob::take(std::shared_ptr<const WarpPicture>* picture) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_done) return false;
    *picture = std::move(m_done);
    m_done.reset();
    return true;
}

bool WarpJob::pending() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_waiting || m_computing || m_done;
}

void WarpJob::work() {
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || m_waiting; });
        if (m_stop) return;
        const std::unique_ptr<WarpRequest> request = std::move(m_waiting);
        m_computing = true;
        lock.unlock();
        auto picture = std::make_shared<const WarpPicture>(
            make_warp_picture(request->net, request->features, request->frame, request->train, request->test,
                              request->output, request->view, request->epoch, request->subtitle, request->previous.get()));
        lock.lock();
        m_computing = false;
        m_done = std::move(picture);
    }
}

}  // namespace actlab::app
