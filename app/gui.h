// The window: assembles the panels, services export requests, and saves settings on the way out.
#pragma once

#include "app/platform.h"

#include <string>
#include <vector>

namespace actlab::app {

struct AppState;
enum class Lab;

struct GuiOptions {
    int frames = 0;              // draw this many frames back to back, then stop (0: run until the window is closed)
    std::string frame_stats;     // with frames: write each frame's times here as CSV (app/frame_stats.h)
    std::string lab;             // the lab shown first ("activations", ... as in settings.json; empty: the saved one)
    bool train = false;          // start the playground training, as fast as it goes
    std::string export_folder;   // overrides the saved export folder for this run
    std::string session;         // a session file (.actlab) to open at the start
};

int run_gui(const GuiOptions& options);

// The pieces of a frame, for run_gui and for tests that drive the interface without a window:
// Builds the font atlas for the monitor's scale times the user's text size, and the theme to match.
void build_fonts(AppState& state, float content_scale);
// Between ImGui::NewFrame() and ImGui::Render(): the keys pressed since the last frame, then every panel.
void ui_frame(AppState& state, const std::vector<KeyPress>& presses);
// After ImGui::Render(): writes the exports asked for during the frame (PNGs need a current GL context).
void service_exports(AppState& state);
// Brings a lab to the front: at once for what follows (the next key in the same frame goes to it), and
// to the tab bar as soon as it draws.
void select_lab(AppState& state, Lab lab);

}  // namespace actlab::app
