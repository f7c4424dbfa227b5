// MP4 (H.264) and WebM (VP9) through the `ffmpeg` command, when it is installed: raw RGB frames are
// piped to it, and it writes a temporary file that is renamed into place only when it succeeds.
#pragma once

#include "app/render/offscreen.h"

#include <string>

namespace actlab::app {

// Where `ffmpeg` is on PATH (as `command -v ffmpeg` finds it), or "".
std::string find_ffmpeg();

// The line said when it is not: what to install, and that nothing was written.
std::string ffmpeg_missing_message(const std::string& path);

class VideoEncoder {
public:
    VideoEncoder() = default;
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // Starts ffmpeg for `path` (.mp4: libx264, yuv420p; .webm: libvpx-vp9), frames of width × height
    // (cut to even sides, which yuv420p needs) at `fps`.
    bool begin(const std::string& ffmpeg, const std::string& path, int width, int height, int fps, std::string* error);
    bool add(const Image& frame, std::string* error);
    bool finish(std::string* error);   // waits for ffmpeg; renames its file into place
    void abandon();                    // stops ffmpeg and removes its file

private:
    int m_pipe = -1;
    int m_pid = -1;
    int m_width = 0, m_height = 0;     // even
    std::string m_path, m_temp;
};

}  // namespace actlab::app
