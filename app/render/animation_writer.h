// Writes an Animation as GIF (giflib), MP4 or WebM (the ffmpeg command), one frame per step(), so the
// window can record a few frames per UI frame and the command line all of them in a loop. Nothing is
// written to the path until finish() succeeds.
#pragma once

#include "app/figures/animation.h"
#include "app/render/gif_writer.h"
#include "app/render/video_writer.h"

#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

enum class AnimationFormat { None, Gif, Mp4, Webm };
// The format a path's extension (.gif, .mp4, .webm, any case) asks for.
AnimationFormat animation_format(const std::string& path);

struct AnimationSize {
    int width = 960, height = 540;  // logical pixels
    float scale = 1.0f;             // the frames are width·scale × height·scale pixels
    int fps = kDefaultAnimationFps;
};

class AnimationWriter {
public:
    // Checks what can be checked before drawing (the format; ffmpeg for MP4 and WebM). False with *error.
    bool start(std::shared_ptr<const Animation> animation, const AnimationSize& size, const std::string& path,
               std::string* error);
    // Draws one more frame (a GIF first draws a few frames spread over the animation to choose its
    // palette) and encodes it. Needs the current OpenGL context. False with *error on a failure.
    bool step(std::string* error);
    bool drawn_all() const { return m_started && m_step >= total_steps(); }
    double progress() const;  // 0 … 1
    int frames_done() const;
    // Closes the file off and writes it. False with *error.
    bool finish(std::string* error);
    // Stops; nothing is written.
    void cancel();
    bool active() const { return m_started; }
    const std::string& path() const { return m_path; }

private:
    int total_steps() const;
    int samples() const;
    std::shared_ptr<const Animation> m_animation;
    AnimationSize m_size;
    AnimationFormat m_format = AnimationFormat::None;
    std::string m_path, m_ffmpeg;
    bool m_started = false;
    int m_step = 0;
    std::vector<Image> m_samples;
    std::unique_ptr<GifEncoder> m_gif;
    std::unique_ptr<VideoEncoder> m_video;
};

// All of it in one call: start, every step, finish.
bool write_animation(std::shared_ptr<const Animation> animation, const AnimationSize& size, const std::string& path,
                     std::string* error);

}  // namespace actlab::app
