// How long each part of a frame takes: what View ▸ Frame times shows and `--frame-stats` writes. On a
// software renderer (Mesa's llvmpipe) the rasteriser runs on the CPU, so the parts tell apart building
// the frame, handing it to GL, GL drawing it, and the swap.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace actlab::app {

// One frame's parts, in milliseconds.
struct FrameTimes {
    double cpu = 0.0;     // building the frame: input handed over, the panels, ImGui::Render()
    double submit = 0.0;  // GL commands: ImGui's draw data and the app's own (heatmap textures)
    double finish = 0.0;  // waiting for GL to finish drawing them (glFinish, timed only when asked for)
    double swap = 0.0;    // showing the frame (glfwSwapBuffers)
    double total = 0.0;   // the whole frame, from the end of waiting for input to after the swap
};

// The last frames' times, for the overlay: medians and maxima over a ring of the newest kFrames.
class FrameHistory {
public:
    static constexpr int kFrames = 120;
    void add(const FrameTimes& times);
    int size() const { return m_count; }
    FrameTimes median() const;  // each part's own median (so they need not add up to the total's)
    FrameTimes max() const;

private:
    std::array<FrameTimes, kFrames> m_ring{};
    int m_next = 0;
    int m_count = 0;
};

// `--frame-stats FILE.csv`: the header, then one row per frame from 1, numbers with 3 decimals.
std::string frame_csv(const std::vector<FrameTimes>& frames);

// GL work the app does while building a frame, outside ImGui's draw data (heatmap textures sent up),
// timed where it happens and added up here; the main loop takes it once a frame and counts it as
// submitting, not building. One counter for the one GL thread, like GLFW's own error state.
void add_gl_work(double milliseconds);
double take_gl_work();

}  // namespace actlab::app
