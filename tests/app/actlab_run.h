// Running the actlab binary from the tests (its path is ACTLAB_BINARY), and reading what it writes.
#pragma once

#include "process.h"

#include <functional>
#include <string>
#include <vector>

// `actlab args...` with no display (DISPLAY and WAYLAND_DISPLAY removed), as on a server.
RunResult run_actlab(const std::vector<std::string>& args);
// `actlab args...` on the display there is, the environment changed by `env` as run_program does.
RunResult run_actlab_on_display(const std::vector<std::string>& args, const std::vector<std::string>& env);

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
// Presses `keys` and waits up to 30 s for a new file (written whole: files appear by a rename) ending in `ext` in `folder`: its name, or "".
std::string export_new_file(const std::string& window, const std::string& folder, const std::string& keys,
                            const std::string& ext);
// The epoch in an exported file's name ("boundary_circle_epoch1234_seed1.csv" → 1234), or -1.
long epoch_in_name(const std::string& name);

// Waits, up to `seconds`, until `done` holds: true when it did. Polls every 50 ms.
bool wait_until(const std::function<bool()>& done, double seconds);
// A click as a hand makes one: the pointer moves there, then the button goes down and up.
void click(const std::string& window, int x, int y);
// Exports with `keys` until `accept(name)` holds for the new file (up to `seconds`): its name, or "".
std::string export_until(const std::string& window, const std::string& folder, const std::string& keys,
                         const std::string& ext, const std::function<bool(const std::string&)>& accept,
                         double seconds = 60);
// F12: the window saves itself as it is on screen (window_<lab>.png in `folder`). Its path, or "".
std::string screenshot(const std::string& window, const std::string& folder);

// What a shell command prints, without the trailing newline and spaces (for xdotool).
std::string sh(const std::string& command);
void pause(double seconds);
