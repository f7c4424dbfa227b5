// The window under random input for as long as asked: clicks, drags, wheel turns, keys and typed text
// over every tab, from a seeded generator. It fails on a crash (a signal, an assertion, a non-zero exit)
// or on a settings.json that does not parse, and reports the window's resident memory over time.
// The app may quit when a random click lands on File ▸ Quit: it is started again and counted.
//   soak_window --seconds 600 --seed 1      (needs a display: run it through tests/app/with_display.sh)
#include "actlab_run.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>

namespace {

long resident_kib(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

// -1: still running; otherwise its exit code (128 + signal when killed by one).
int exited(int pid) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 60;
    unsigned seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
        if (!std::strcmp(argv[i], "--seed")) seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
    }
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "soak_window: needs a display (run it through tests/app/with_display.sh)\n");
        return 2;
    }
    TempDir tmp;
    const std::string out = tmp / "exports";
    std::mt19937 rng(seed);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const std::vector<std::string> keys = {
        "ctrl+1", "ctrl+2", "ctrl+3", "ctrl+4", "space", "s", "r", "Up", "Down", "Left", "Right", "Return",
        "Escape", "Tab", "BackSpace", "Delete", "ctrl+e", "ctrl+shift+e", "ctrl+h", "ctrl+equal", "ctrl+minus",
        "ctrl+0", "F11", "F12", "Page_Up", "Page_Down", "Home", "End", "ctrl+a", "ctrl+z"};
    const std::string typeable = "0123456789.-e+ ,abcxyz";

    RunningApp app;
    auto start = [&] {
        app = start_actlab_window(out, tmp.path, tmp / "stderr.txt");
        return !app.window.empty();
    };
    if (!start()) {
        std::fprintf(stderr, "soak_window: no window appeared\n");
        return 1;
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    long actions = 0, restarts = 0, settings_checks = 0, rss_first = -1, rss_min = -1, rss_max = -1, rss_last = -1;
    double next_check = 1.0, next_sample = 60.0;
    std::string samples;  // resident memory once a minute
    int failure = 0;
    std::string why;
    while (elapsed() < seconds && !failure) {
        const std::string w = app.window;
        const int x = uniform(5, 1430), y = uniform(5, 890);
        const std::string at = " mousemove --window " + w + " " + std::to_string(x) + " " + std::to_string(y);
        switch (uniform(0, 9)) {
            case 0: case 1: case 2:  // a click
                sh("xdotool" + at + " mousedown 1 sleep 0.1 mouseup 1");
                break;
            case 3: {  // a drag
                std::string cmd = "xdotool" + at + " mousedown 1";
                for (int s = 0; s < 5; ++s)
                    cmd += " sleep 0.03 mousemove --window " + w + " " + std::to_string(std::clamp(x + uniform(-200, 200), 0, 1439)) + " " +
                           std::to_string(std::clamp(y + uniform(-150, 150), 0, 899));
                sh(cmd + " mouseup 1");
                break;
            }
            case 4:  // the wheel
                sh("xdotool" + at + " click " + std::to_string(uniform(4, 5)));
                break;
            case 5:  // a right or double click
                sh("xdotool" + at + (uniform(0, 1) ? " click 3" : " click --repeat 2 1"));
                break;
            case 6: case 7:  // a key
                sh("xdotool key --window " + w + " " + keys[static_cast<size_t>(uniform(0, static_cast<int>(keys.size()) - 1))]);
                break;
            default: {  // text
                std::string text;
                for (int n = uniform(1, 8); n > 0; --n) text += typeable[static_cast<size_t>(uniform(0, static_cast<int>(typeable.size()) - 1))];
                sh("xdotool type --delay 30 -- '" + text + "'");
            }
        }
        ++actions;
        if (elapsed() >= next_check) {
            next_check = elapsed() + 1.0;
            const int code = exited(app.pid);
            if (code == 0) {  // File ▸ Quit: fine; start again
                ++restarts;
                if (!start()) failure = 1, why = "the window did not start again";
            } else if (code > 0) {
                failure = 1;
                why = "the app ended with code " + std::to_string(code) + ": " + read_text(tmp / "stderr.txt");
            }
            const std::string settings = read_text(tmp / "actlab/settings.json");
            if (!settings.empty()) {
                ++settings_checks;
                if (!nlohmann::json::accept(settings)) failure = 1, why = "settings.json does not parse:\n" + settings;
            }
            const long rss = resident_kib(app.pid);
            if (rss > 0) {
                if (rss_first < 0 && elapsed() > 30) rss_first = rss;  // after the first half minute: every tab seen
                rss_min = rss_min < 0 ? rss : std::min(rss_min, rss);
                rss_max = std::max(rss_max, rss);
                rss_last = rss;
                if (elapsed() >= next_sample) {
                    next_sample += 60.0;
                    samples += " " + std::to_string(rss / 1024);
                }
            }
            for (const std::string& name : list_dir(out)) std::remove((out + "/" + name).c_str());  // exports pile up
        }
    }
    if (!failure) {
        press_keys(app.window, "ctrl+q");
        const int code = wait_program(app.pid, 30);
        if (code != 0) failure = 1, why = "the window did not close cleanly (code " + std::to_string(code) + ")";
    }
    std::printf("soak_window: %.0f s, seed %u, %ld actions, %ld restarts after File > Quit, %ld settings.json reads "
                "all valid: %s\n",
                elapsed(), seed, actions, restarts, settings_checks, failure ? "no" : "yes");
    std::printf("soak_window: resident memory (KiB): at 30 s %ld, min %ld, max %ld, at the end %ld\n", rss_first,
                rss_min, rss_max, rss_last);
    std::printf("soak_window: resident memory once a minute (MiB):%s\n", samples.c_str());
    if (failure) std::fprintf(stderr, "soak_window: FAILED: %s\n", why.c_str());
    return failure;
}
