// The layers view's worker: carries the plane through the shown network (make_warp_picture) on a
// thread of its own, so a wide network's thousands of points never hold up the window.
//
// The UI thread posts the newest network once a frame it changes and takes the newest picture; it
// never waits. A request posted while one is computed replaces any that waited: only the newest
// network matters, so a run training faster than pictures are made skips the ones in between.
#pragma once

#include "app/figures/warp_figure.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace actlab::app {

struct WarpRequest {
    core::Mlp net;
    core::FeatureSet features = core::kDefaultFeatures;
    core::GridSpec frame;
    core::Dataset train, test;
    core::Output output = core::Output::Tanh;
    WarpView view;
    int epoch = 0;
    std::string subtitle;
    std::shared_ptr<const WarpPicture> previous;  // the picture shown, to keep its axes' directions
};

class WarpJob {
public:
    WarpJob();
    WarpJob(const WarpJob&) = delete;
    WarpJob& operator=(const WarpJob&) = delete;
    ~WarpJob();  // finishes the picture under way and stops

    void post(WarpRequest request);
    // The picture of the newest request computed since the last take(), and true; false when none.
    bool take(std::shared_ptr<const WarpPicture>* picture);
    // A request waits or is computed, or a picture waits to be taken.
    bool pending() const;

private:
    void work();
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::unique_ptr<WarpRequest> m_waiting;       // the next request (the newest posted)
    std::shared_ptr<const WarpPicture> m_done;    // computed, not taken yet
    bool m_computing = false;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace actlab::app
