// The gradient lab's worker: runs core::gradient_flow for one or more networks on a thread of its own,
// so a 100 × 1024 network (several seconds) never holds up the window.
//
// The UI thread calls start() when the settings change and take() once a frame; it never waits. A newer
// start() cancels the run under way (the core checks between layers), and a cancelled run is joined only
// once it has stopped, so even that costs the UI nothing. Progress is an atomic count of layer steps.
#pragma once

#include "core/gradient_flow.h"

#include <memory>
#include <vector>

namespace actlab::app {

class GradientJob {
public:
    GradientJob() = default;
    GradientJob(const GradientJob&) = delete;
    GradientJob& operator=(const GradientJob&) = delete;
    ~GradientJob();  // cancels every run and joins them (each stops within one layer)

    // Computes these networks, one after the other, cancelling the run under way.
    void start(std::vector<core::FlowConfig> configs);
    // The configurations of the last start() (empty before the first).
    const std::vector<core::FlowConfig>& requested() const { return m_requested; }
    bool busy() const;          // the last run has not finished yet
    bool pending() const;       // busy, or finished with results not taken yet
    float progress() const;     // 0..1 of the last run
    // When the last run has finished and was not taken yet: its results (one per configuration, in
    // order) and how long it took, and true. Also joins cancelled runs that have stopped.
    bool take(std::vector<std::vector<core::LayerStats>>* results, double* seconds);

private:
    struct Run;
    std::shared_ptr<Run> m_run;                     // the last run started
    std::vector<std::shared_ptr<Run>> m_cancelled;  // runs told to stop, not yet joined
    std::vector<core::FlowConfig> m_requested;
};

}  // namespace actlab::app
