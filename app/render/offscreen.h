// Off-screen rendering: a figure is drawn again, in an ImGui context of its own, into a framebuffer
// object of the requested size and scale, and read back as pixels. Not a screenshot of the window.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace actlab::app {

// The largest image side we render, in pixels (Mesa's limit for a renderbuffer is larger).
constexpr int kMaxImageSide = 8192;

struct Image {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;  // top row first
};

// Draws `draw(size)` into a window that fills a `width` × `height` canvas (logical pixels), with fonts
// and lines `scale` times larger, so the image is width·scale × height·scale pixels.
// Needs a current OpenGL 3.3 context (a window's or HeadlessGL's). The caller's ImGui context, if any,
// is left as it was.
bool render_offscreen(int width, int height, float scale, const std::function<void(ImVec2)>& draw, Image* out,
                      std::string* error);

// Writes a PNG. Like every file actlab writes, it goes to a temporary name first and is renamed into
// place, so a failure never leaves a partial file.
bool write_png(const std::string& path, const Image& image, std::string* error);

}  // namespace actlab::app
