// Running actlab as a user would, from the tests: a real process with its own environment.
#pragma once

#include <string>
#include <vector>

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `program args...` to completion with the environment changed by `env` ("NAME=value" sets,
// "-NAME" removes), capturing stdout and stderr.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& env = {});

// Starts it in the background, its stderr going to `stderr_path` when given; returns the pid.
int start_program(const std::string& program, const std::vector<std::string>& args,
                  const std::vector<std::string>& env = {}, const std::string& stderr_path = "");
// Waits up to `seconds` for the pid to exit; returns its exit code, or -1 on timeout (then it is killed).
int wait_program(int pid, double seconds);

// A fresh folder under /tmp, removed with everything in it when the object goes.
struct TempDir {
    std::string path;
    TempDir();
    ~TempDir();
    std::string operator/(const std::string& name) const { return path + "/" + name; }
};

std::vector<std::string> list_dir(const std::string& path);
std::string read_text(const std::string& path);
