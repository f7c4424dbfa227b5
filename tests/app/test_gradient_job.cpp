// The gradient lab's worker thread: results as the core computes them, a newer start wins, and
// destruction mid-run joins cleanly. Needs only the core, so the ThreadSanitizer tree builds it too.
#include "app/gradient_job.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace actlab::app {
namespace {

using core::FlowConfig;
using core::LayerStats;
using Results = std::vector<std::vector<LayerStats>>;

FlowConfig small_config(int depth, std::uint64_t seed) {
    FlowConfig c;
    c.depth = depth;
    c.width = 16;
    c.batch = 8;
    c.seed = seed;
    return c;
}

// Big enough to be under way for a good while (100 layers of 256, batch 256).
FlowConfig big_config() {
    FlowConfig c;
    c.depth = core::kMaxFlowDepth;
    c.width = 256;
    c.batch = 256;
    return c;
}

Results direct(const std::vector<FlowConfig>& configs) {
    Results out(configs.size());
    for (size_t i = 0; i < configs.size(); ++i) EXPECT_TRUE(core::gradient_flow(configs[i], &out[i]));
    return out;
}

void expect_same(const Results& a, const Results& b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        ASSERT_EQ(a[i].size(), b[i].size()) << "network " << i;
        for (size_t l = 0; l < a[i].size(); ++l) {
            // bit-identical: one generator drawn in a fixed order, whichever thread runs it
            EXPECT_EQ(a[i][l].grad_rms, b[i][l].grad_rms) << "network " << i << ", layer " << l + 1;
            EXPECT_EQ(a[i][l].act_mean, b[i][l].act_mean) << "network " << i << ", layer " << l + 1;
            EXPECT_EQ(a[i][l].act_std, b[i][l].act_std) << "network " << i << ", layer " << l + 1;
            EXPECT_EQ(a[i][l].dead_fraction, b[i][l].dead_fraction) << "network " << i << ", layer " << l + 1;
        }
    }
}

// Calls take() as the window does once a frame, until it gives the results (at most two minutes).
bool take_when_done(GradientJob& job, Results* results, double* seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (std::chrono::steady_clock::now() < until) {
        if (job.take(results, seconds)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

TEST(GradientJob, GivesTheCoresResultsOnceInOrder) {
    const std::vector<FlowConfig> configs = {small_config(12, 1), small_config(5, 2), small_config(30, 3)};
    GradientJob job;
    EXPECT_FALSE(job.pending());
    EXPECT_TRUE(job.requested().empty());
    job.start(configs);
    EXPECT_TRUE(job.pending());
    ASSERT_EQ(job.requested().size(), 3u);
    EXPECT_TRUE(job.requested()[2] == configs[2]);
    Results results;
    double seconds = -1;
    ASSERT_TRUE(take_when_done(job, &results, &seconds));
    EXPECT_GE(seconds, 0.0);
    EXPECT_FALSE(job.busy());
    EXPECT_FALSE(job.pending());
    EXPECT_EQ(job.progress(), 1.0f);  // every layer's forward and backward step
    expect_same(results, direct(configs));
    // taken once only
    Results again;
    EXPECT_FALSE(job.take(&again, &seconds));
    EXPECT_TRUE(again.empty());
}

TEST(GradientJob, ANewerStartWinsOverTheRunsUnderWay) {
    GradientJob job;
    job.start({big_config()});
    job.start({small_config(20, 7), big_config()});
    const std::vector<FlowConfig> last = {small_config(8, 9)};
    job.start(last);
    EXPECT_TRUE(job.requested()[0] == last[0]);
    Results results;
    double seconds = 0;
    ASSERT_TRUE(take_when_done(job, &results, &seconds));
    expect_same(results, direct(last));
    // and it starts again after a take, with nothing left of the cancelled runs
    const std::vector<FlowConfig> next = {small_config(3, 11)};
    job.start(next);
    ASSERT_TRUE(take_when_done(job, &results, &seconds));
    expect_same(results, direct(next));
}

TEST(GradientJob, ResultsNotTakenYetAreDroppedByANewStart) {
    GradientJob job;
    job.start({small_config(4, 1)});
    // wait for it to finish without taking it
    const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (job.busy() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_FALSE(job.busy());
    EXPECT_TRUE(job.pending());
    const std::vector<FlowConfig> next = {small_config(6, 2)};
    job.start(next);
    Results results;
    double seconds = 0;
    ASSERT_TRUE(take_when_done(job, &results, &seconds));
    expect_same(results, direct(next));
}

TEST(GradientJob, IsDestroyedMidRunWithRunsStillStopping) {
    for (int i = 0; i < 3; ++i) {
        GradientJob job;
        job.start({big_config()});
        job.start({big_config(), big_config()});  // the first is told to stop, not joined yet
        EXPECT_TRUE(job.pending());
        EXPECT_LE(job.progress(), 1.0f);
        // the destructor cancels both and joins them (each stops within a layer)
    }
    // a job destroyed with a finished run nobody took
    GradientJob job;
    job.start({small_config(2, 1)});
    const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (job.busy() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_FALSE(job.busy());
    EXPECT_TRUE(job.pending());
}

}  // namespace
}  // namespace actlab::app
