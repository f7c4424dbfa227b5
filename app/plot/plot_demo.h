// A window that shows every feature of the plot widget, with the code that makes it next to it:
// living documentation for anyone writing a new panel (Help ▸ Plot widget demo).
#pragma once

namespace actlab::plot {

struct DemoState {
    bool open = false;
    double drag_x = 2.0;  // where the demo's draggable line is
};

void ShowDemoWindow(DemoState* state);

}  // namespace actlab::plot
