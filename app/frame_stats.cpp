#include "app/frame_stats.h"

#include <algorithm>
#include <cstdio>

namespace actlab::app {

namespace {

double g_gl_work_ms = 0.0;  // see add_gl_work

// The median of one part over the frames held.
double median_of(std::vector<double> values) {
    if (values.empty()) return 0.0;
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + mid, values.end());
    if (values.size() % 2) return values[mid];
    const double upper = values[mid];
    return 0.5 * (upper + *std::max_element(values.begin(), values.begin() + mid));
}

}  // namespace

void FrameHistory::add(const FrameTimes& times) {
    m_ring[m_next] = times;
    m_next = (m_next + 1) % kFrames;
    m_count = std::min(m_count + 1, kFrames);
}

FrameTimes FrameHistory::median() const {
    auto part = [this](double FrameTimes::*field) {
        std::vector<double> values;
        for (int i = 0; i < m_count; ++i) values.push_back(m_ring[i].*field);
        return median_of(std::move(values));
    };
    return {part(&FrameTimes::cpu), part(&FrameTimes::submit), part(&FrameTimes::finish), part(&FrameTimes::swap),
            part(&FrameTimes::total)};
}

FrameTimes FrameHistory::max() const {
    FrameTimes m;
    for (int i = 0; i < m_count; ++i) {
        const FrameTimes& t = m_ring[i];
        m = {std::max(m.cpu, t.cpu), std::max(m.submit, t.submit), std::max(m.finish, t.finish),
             std::max(m.swap, t.swap), std::max(m.total, t.total)};
    }
    return m;
}

std::string frame_csv(const std::vector<FrameTimes>& frames) {
    std::string text = "frame,cpu_ms,submit_ms,finish_ms,swap_ms,total_ms\n";
    char row[160];
    for (size_t i = 0; i < frames.size(); ++i) {
        const FrameTimes& t = frames[i];
        std::snprintf(row, sizeof row, "%zu,%.3f,%.3f,%.3f,%.3f,%.3f\n", i + 1, t.cpu, t.submit, t.finish, t.swap,
                      t.total);
        text += row;
    }
    return text;
}

void add_gl_work(double milliseconds) { g_gl_work_ms += milliseconds; }

double take_gl_work() {
    const double ms = g_gl_work_ms;
    g_gl_work_ms = 0.0;
    return ms;
}

}  // namespace actlab::app
