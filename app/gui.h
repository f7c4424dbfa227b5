// The window: assembles the panels, services export requests, and saves settings on the way out.
#pragma once

#include <string>

namespace actlab::app {

struct GuiOptions {
    int frames = 0;              // stop after this many frames (0: run until the window is closed)
    std::string export_folder;   // overrides the saved export folder for this run
};

int run_gui(const GuiOptions& options);

}  // namespace actlab::app
