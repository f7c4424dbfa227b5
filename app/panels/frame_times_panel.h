// View ▸ Frame times: a small table in the window's top-right corner with the last frames' medians
// and maxima, part by part (app/frame_stats.h). It only reads what the main loop measured: drawn when a
// frame is drawn anyway, it never asks for one.
#pragma once

#include "app/frame_stats.h"

namespace actlab::app {

void draw_frame_times(const FrameHistory& history);

}  // namespace actlab::app
