#include "process.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <sys/wait.h>

namespace {

void apply_env(const std::vector<std::string>& env) {
    for (const std::string& e : env) {
        if (!e.empty() && e[0] == '-') {
            unsetenv(e.c_str() + 1);
        } else {
            const auto eq = e.find('=');
            setenv(e.substr(0, eq).c_str(), e.substr(eq + 1).c_str(), 1);
        }
    }
}

[[noreturn]] void exec_child(const std::string& program, const std::vector<std::string>& args,
                             const std::vector<std::string>& env) {
    apply_env(env);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
}

}  // namespace

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& env) {
    TempDir tmp;
    const std::string out = tmp / "stdout", err = tmp / "stderr";
    const pid_t pid = fork();
    if (pid == 0) {
        if (!std::freopen(out.c_str(), "w", stdout) || !std::freopen(err.c_str(), "w", stderr)) _exit(126);
        exec_child(program, args, env);
    }
    RunResult r;
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

int start_program(const std::string& program, const std::vector<std::string>& args,
                  const std::vector<std::string>& env, const std::string& stderr_path) {
    const pid_t pid = fork();
    if (pid == 0) {
        if (!stderr_path.empty() && !std::freopen(stderr_path.c_str(), "w", stderr)) _exit(126);
        exec_child(program, args, env);
    }
    return pid;
}

int wait_program(int pid, double seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return -1;
}

TempDir::TempDir() {
    char pattern[] = "/tmp/actlab-test-XXXXXX";
    const char* p = mkdtemp(pattern);
    path = p ? p : "/tmp";
}

TempDir::~TempDir() {
    std::error_code ec;
    if (path != "/tmp") std::filesystem::remove_all(path, ec);
}

std::vector<std::string> list_dir(const std::string& path) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(path, ec)) names.push_back(e.path().filename().string());
    return names;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
