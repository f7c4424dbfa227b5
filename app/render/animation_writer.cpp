#include "app/render/animation_writer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

namespace actlab::app {

namespace {

// Frames drawn first to choose a GIF's palette: the first, the last and some between.
constexpr int kPaletteSamples = 6;

bool render_frame(const Animation& animation, int k, const AnimationSize& size, Image* image, std::string* error) {
    const Figure figure = animation.frame(k);
    return render_offscreen(size.width, size.height, size.scale, figure.draw, image, error);
}

}  // namespace

AnimationFormat animation_format(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".gif") return AnimationFormat::Gif;
    if (ext == ".mp4") return AnimationFormat::Mp4;
    if (ext == ".webm") return AnimationFormat::Webm;
    return AnimationFormat::None;
}

int AnimationWriter::samples() const {
    return m_format == AnimationFormat::Gif ? std::min(kPaletteSamples, m_animation->frames) : 0;
}

int AnimationWriter::total_steps() const { return m_animation ? samples() + m_animation->frames : 0; }

double AnimationWriter::progress() const {
    return total_steps() > 0 ? static_cast<double>(m_step) / total_steps() : 0.0;
}

int AnimationWriter::frames_done() const { return std::max(0, m_step - samples()); }

bool AnimationWriter::start(std::shared_ptr<const Animation> animation, const AnimationSize& size,
                            const std::string& path, std::string* error) {
    cancel();
    m_format = animation_format(path);
    if (m_format == AnimationFormat::None) {
        *error = "cannot write '" + path + "': an animation is a .gif, .mp4 or .webm";
        return false;
    }
    if (m_format != AnimationFormat::Gif) {
        m_ffmpeg = find_ffmpeg();
        if (m_ffmpeg.empty()) {
            *error = ffmpeg_missing_message(path);
            return false;
        }
    }
    m_animation = std::move(animation);
    m_size = size;
    m_path = path;
    m_step = 0;
    m_samples.clear();
    m_started = true;
    return true;
}

bool AnimationWriter::step(std::string* error) {
    if (!m_started || drawn_all()) return true;
    const Animation& animation = *m_animation;
    const int n = samples();
    Image image;
    if (m_step < n) {  // a palette sample
        const int k = n == 1 ? 0 : static_cast<int>(std::lround(static_cast<double>(m_step) * (animation.frames - 1) / (n - 1)));
        if (!render_frame(animation, k, m_size, &image, error)) return false;
        m_samples.push_back(std::move(image));
        ++m_step;
        return true;
    }
    const int k = m_step - n;
    if (!render_frame(animation, k, m_size, &image, error)) return false;
    if (k == 0) {
        if (m_format == AnimationFormat::Gif) {
            m_gif = std::make_unique<GifEncoder>();
            const GifPalette palette = make_gif_palette(m_samples);
            m_samples.clear();
            if (!m_gif->begin(image.width, image.height, m_size.fps, palette, error)) return false;
        } else {
            m_video = std::make_unique<VideoEncoder>();
            if (!m_video->begin(m_ffmpeg, m_path, image.width, image.height, m_size.fps, error)) return false;
        }
    }
    if (m_gif && !m_gif->add(image, error)) return false;
    if (m_video && !m_video->add(image, error)) return false;
    ++m_step;
    return true;
}

bool AnimationWriter::finish(std::string* error) {
    if (!m_started || !drawn_all()) {
        *error = "the animation is not drawn yet";
        return false;
    }
    bool ok = false;
    if (m_gif) ok = m_gif->finish(m_path, error);
    if (m_video) ok = m_video->finish(error);
    m_gif.reset();
    m_video.reset();
    m_started = false;
    return ok;
}

void AnimationWriter::cancel() {
    if (m_video) m_video->abandon();
    m_gif.reset();
    m_video.reset();
    m_samples.clear();
    m_started = false;
    m_step = 0;
}

bool write_animation(std::shared_ptr<const Animation> animation, const AnimationSize& size, const std::string& path,
                     std::string* error) {
    AnimationWriter writer;
    if (!writer.start(std::move(animation), size, path, error)) return false;
    while (!writer.drawn_all())
        if (!writer.step(error)) {
            writer.cancel();
            return false;
        }
    return writer.finish(error);
}

}  // namespace actlab::app
