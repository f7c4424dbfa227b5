// Running the actlab binary from the tests (its path is ACTLAB_BINARY), and reading what it writes.
#pragma once

#include "process.h"

#include <string>
#include <vector>

// `actlab args...` with no display (DISPLAY and WAYLAND_DISPLAY removed), as on a server.
RunResult run_actlab(const std::vector<std::string>& args);

// CSV text as rows of fields; a line ending in a comma has an empty last field.
std::vector<std::vector<std::string>> read_csv(const std::string& text);
// A CSV field as a number (0 when it is not one).
double number(const std::string& field);

// What a shell command prints, without the trailing newline and spaces (for xdotool).
std::string sh(const std::string& command);
void pause(double seconds);
