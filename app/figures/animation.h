// An animation as the export path sees it: a count of frames and a way to make each one as a Figure.
// The heavy part (training) is done once when the animation is made; making a frame is a little
// arithmetic on what was recorded, and may run on any thread; drawing it needs the GL thread.
#pragma once

#include "app/figures/figure.h"

#include <functional>
#include <string>

namespace actlab::app {

constexpr int kMinAnimationFrames = 2;
constexpr int kMaxAnimationFrames = 600;
constexpr int kDefaultAnimationFrames = 60;
constexpr int kMinAnimationFps = 1;
constexpr int kMaxAnimationFps = 60;
constexpr int kDefaultAnimationFps = 15;

struct Animation {
    std::string stem;                      // file name without folder or extension
    int frames = 0;                        // kMinAnimationFrames … kMaxAnimationFrames
    std::function<Figure(int)> frame;      // frame k (0 … frames − 1); the same k gives the same figure
    std::string note;                      // said after writing, when something about the run needs saying
};

}  // namespace actlab::app
