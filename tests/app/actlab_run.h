// Running the actlab binary from the tests (its path is ACTLAB_BINARY), and reading what it writes.
#pragma once

#include "process.h"

#include <string>
#include <vector>

// `actlab args...` with no display (DISPLAY and WAYLAND_DISPLAY removed), as on a server.
RunResult run_actlab(const std::vector<std::string>& args);

// `actlab export args...` must be refused: exit code 2, one line on stderr containing `says`, and no
// file written. An argument starting with "OUT" becomes a path in a fresh temporary folder.
void expect_refused(const std::vector<std::string>& args, const std::string& says);

// actlab started with a window (needs DISPLAY), its exports going to `export_folder` and its settings
// to `config_home`; stderr into `stderr_path`. `window` is its X id, empty when none appeared in 30 s.
struct RunningApp {
    int pid = -1;
    std::string window;
};
RunningApp start_actlab_window(const std::string& export_folder, const std::string& config_home,
                               const std::string& stderr_path);

// CSV text as rows of fields; a line ending in a comma has an empty last field.
std::vector<std::vector<std::string>> read_csv(const std::string& text);
// A CSV field as a number (0 when it is not one).
double number(const std::string& field);

// Keys pressed in the window (focused first), xdotool's way: "ctrl+shift+e", "space".
void press_keys(const std::string& window, const std::string& keys);
// The names of the files in `folder` whose names end in `ext`.
std::vector<std::string> files_ending(const std::string& folder, const std::string& ext);
// Presses `keys` and waits up to 10 s for a new file ending in `ext` in `folder`: its name, or "".
std::string export_new_file(const std::string& window, const std::string& folder, const std::string& keys,
                            const std::string& ext);
// The epoch in an exported file's name ("boundary_circle_epoch1234_seed1.csv" → 1234), or -1.
long epoch_in_name(const std::string& name);

// What a shell command prints, without the trailing newline and spaces (for xdotool).
std::string sh(const std::string& command);
void pause(double seconds);
