#include "app/render/video_writer.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace actlab::app {

std::string find_ffmpeg() {
    // what `command -v ffmpeg` does, without a shell: the first executable `ffmpeg` on PATH
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
        const std::string candidate = dir + "/ffmpeg";
        if (access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) return candidate;
        start = end + 1;
    }
    return "";
}

std::string ffmpeg_missing_message(const std::string& path) {
    return "cannot write '" + path + "': MP4 and WebM are made by the ffmpeg command, which is not installed "
           "(sudo apt-get install ffmpeg), so nothing was written; a .gif needs nothing more";
}

VideoEncoder::~VideoEncoder() { abandon(); }

bool VideoEncoder::begin(const std::string& ffmpeg, const std::string& path, int width, int height, int fps,
                         std::string* error) {
    m_width = width & ~1;
    m_height = height & ~1;
    m_path = path;
    const bool webm = path.size() >= 5 && (path.substr(path.size() - 5) == ".webm" || path.substr(path.size() - 5) == ".WEBM");
    m_temp = path + ".part";
    const std::string size = std::to_string(m_width) + "x" + std::to_string(m_height);
    const std::string rate = std::to_string(fps);
    std::vector<std::string> args = {ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                                     "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", size, "-r", rate, "-i", "-"};
    if (webm) {
        for (const char* a : {"-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "32", "-pix_fmt", "yuv420p", "-f", "webm"})
            args.push_back(a);
    } else {
        for (const char* a : {"-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p",
                              "-movflags", "+faststart", "-f", "mp4"})
            args.push_back(a);
    }
    args.push_back(m_temp);
    int fds[2];
    if (pipe(fds) != 0) {
        *error = "cannot start ffmpeg: no pipe";
        return false;
    }
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        *error = "cannot start ffmpeg: fork failed";
        return false;
    }
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[0]);
        close(fds[1]);
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[0]);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    m_pipe = fds[1];
    m_pid = pid;
    return true;
}

bool VideoEncoder::add(const Image& frame, std::string* error) {
    if (m_pipe < 0) {
        *error = "ffmpeg is not running";
        return false;
    }
    std::vector<unsigned char> rgb(static_cast<size_t>(m_width) * m_height * 3);
    for (int y = 0; y < m_height; ++y)
        for (int x = 0; x < m_width; ++x) {
            const unsigned char* p = &frame.rgba[(static_cast<size_t>(y) * frame.width + x) * 4];
            unsigned char* q = &rgb[(static_cast<size_t>(y) * m_width + x) * 3];
            q[0] = p[0], q[1] = p[1], q[2] = p[2];
        }
    // ffmpeg quitting early must not kill us with SIGPIPE: write fails with EPIPE instead
    struct sigaction ignore {}, old {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old);
    size_t done = 0;
    while (done < rgb.size()) {
        const ssize_t n = write(m_pipe, rgb.data() + done, rgb.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    sigaction(SIGPIPE, &old, nullptr);
    if (done < rgb.size()) {
        *error = "ffmpeg stopped taking frames (see its message above)";
        return false;
    }
    return true;
}

bool VideoEncoder::finish(std::string* error) {
    if (m_pipe < 0) {
        *error = "ffmpeg is not running";
        return false;
    }
    close(m_pipe);
    m_pipe = -1;
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    std::error_code ec;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::filesystem::remove(m_temp, ec);
        *error = "ffmpeg could not write '" + m_path + "' (exit status " +
                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "; its message is above)";
        return false;
    }
    std::filesystem::rename(m_temp, m_path, ec);
    if (ec) {
        std::filesystem::remove(m_temp, ec);
        *error = "cannot write '" + m_path + "': " + ec.message();
        return false;
    }
    return true;
}

void VideoEncoder::abandon() {
    if (m_pipe >= 0) close(m_pipe);
    m_pipe = -1;
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_pid = -1;
        std::error_code ec;
        std::filesystem::remove(m_temp, ec);
    }
}

}  // namespace actlab::app
