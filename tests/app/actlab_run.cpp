#include "actlab_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <thread>

RunResult run_actlab(const std::vector<std::string>& args) {
    return run_program(ACTLAB_BINARY, args, {"-DISPLAY", "-WAYLAND_DISPLAY"});
}

RunResult run_actlab_on_display(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    return run_program(ACTLAB_BINARY, args, env);
}

void expect_refused(const std::vector<std::string>& args, const std::string& says) {
    TempDir tmp;
    std::vector<std::string> full = {"export"};
    std::string joined;
    for (const std::string& a : args) {
        full.push_back(a.rfind("OUT", 0) == 0 ? tmp / ("out" + a.substr(3)) : a);
        joined += a + " ";
    }
    const RunResult r = run_actlab(full);
    EXPECT_EQ(r.exit_code, 2) << joined << "\n" << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << joined << "\n" << r.err;
    EXPECT_NE(r.err.find(says), std::string::npos) << joined << "\nsaid: " << r.err;
    EXPECT_TRUE(list_dir(tmp.path).empty()) << joined;
}

RunningApp start_actlab_window(const std::string& export_folder, const std::string& config_home,
                               const std::string& stderr_path) {
    RunningApp app;
    app.pid = start_program(ACTLAB_BINARY, {"--export-folder", export_folder}, {"XDG_CONFIG_HOME=" + config_home},
                            stderr_path);
    // --onlyvisible: mapped, so it can take the keyboard (focusing a window not yet viewable fails)
    app.window = sh("timeout 30 xdotool search --sync --onlyvisible --name '^actlab$' 2>/dev/null | head -n 1");
    return app;
}

std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream ls(line);
        std::string f;
        while (std::getline(ls, f, ',')) fields.push_back(f);
        if (!line.empty() && line.back() == ',') fields.emplace_back();
        rows.push_back(fields);
    }
    return rows;
}

double number(const std::string& field) { return std::strtod(field.c_str(), nullptr); }

std::string sh(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return out;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

void pause(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

void press_keys(const std::string& window, const std::string& keys) {
    // the focus first, until the X server takes it (it refuses while the window is not viewable)
    wait_until([&] { return sh("timeout 5 xdotool windowfocus --sync " + window + " 2>/dev/null && echo ok") == "ok"; }, 10);
    sh("xdotool key --delay 80 " + keys);
}

std::vector<std::string> files_ending(const std::string& folder, const std::string& ext) {
    std::vector<std::string> out;
    for (const std::string& n : list_dir(folder))
        if (n.size() > ext.size() && n.compare(n.size() - ext.size(), ext.size(), ext) == 0) out.push_back(n);
    return out;
}

std::string export_new_file(const std::string& window, const std::string& folder, const std::string& keys,
                            const std::string& ext) {
    const std::vector<std::string> before = files_ending(folder, ext);
    press_keys(window, keys);
    std::string found;
    wait_until(
        [&] {
            for (const std::string& name : files_ending(folder, ext))
                if (std::find(before.begin(), before.end(), name) == before.end() && !read_text(folder + "/" + name).empty())
                    found = name;
            return !found.empty();
        },
        30);
    return found;
}

long epoch_in_name(const std::string& name) {
    const size_t at = name.find("_epoch");
    return at == std::string::npos ? -1 : std::strtol(name.c_str() + at + 6, nullptr, 10);
}

bool wait_until(const std::function<bool()>& done, double seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        if (done()) return true;
        if (std::chrono::steady_clock::now() > end) return false;
        pause(0.05);
    }
}

void click(const std::string& window, int x, int y) {
    wait_until([&] { return sh("timeout 5 xdotool windowfocus --sync " + window + " 2>/dev/null && echo ok") == "ok"; }, 10);
    sh("xdotool mousemove --window " + window + " " + std::to_string(x) + " " + std::to_string(y) +
       " mousedown 1 sleep 0.15 mouseup 1");
}

std::string export_until(const std::string& window, const std::string& folder, const std::string& keys,
                         const std::string& ext, const std::function<bool(const std::string&)>& accept,
                         double seconds) {
    std::string accepted;
    wait_until(
        [&] {
            const std::string name = export_new_file(window, folder, keys, ext);
            if (!name.empty() && accept(name)) accepted = name;
            return !accepted.empty();
        },
        seconds);
    return accepted;
}

std::string screenshot(const std::string& window, const std::string& folder) {
    const std::string name = export_new_file(window, folder, "F12", ".png");
    return name.rfind("window_", 0) == 0 ? folder + "/" + name : "";
}
