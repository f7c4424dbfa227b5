#include "app/render/offscreen.h"

#include "app/files.h"
#include "app/plot/plot.h"
#include "app/ui_style.h"

#include <glad/gl.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cmath>

namespace actlab::app {

namespace {

// Restores the caller's ImGui context and framebuffer on every way out.
struct ContextGuard {
    ImGuiContext* previous;
    ImGuiContext* mine = nullptr;
    GLint framebuffer = 0;
    bool backend = false;
    plot::Context* previous_plots = plot::GetCurrentContext();
    plot::Context* my_plots = nullptr;
    ContextGuard() : previous(ImGui::GetCurrentContext()) { glGetIntegerv(GL_FRAMEBUFFER_BINDING, &framebuffer); }
    ~ContextGuard() {
        if (my_plots) plot::DestroyContext(my_plots);
        plot::SetCurrentContext(previous_plots);
        if (mine) {
            ImGui::SetCurrentContext(mine);
            if (backend) ImGui_ImplOpenGL3_Shutdown();
            ImGui::DestroyContext(mine);
        }
        ImGui::SetCurrentContext(previous);
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(framebuffer));
    }
};

}  // namespace

bool render_offscreen(int width, int height, float scale, const std::function<void(ImVec2)>& draw, Image* out,
                      std::string* error) {
    const int pw = static_cast<int>(std::lround(width * scale));
    const int ph = static_cast<int>(std::lround(height * scale));
    if (pw < 16 || ph < 16 || pw > kMaxImageSide || ph > kMaxImageSide) {
        *error = "image of " + std::to_string(pw) + "×" + std::to_string(ph) + " pixels is out of range (16 to " +
                 std::to_string(kMaxImageSide) + " per side)";
        return false;
    }
    ContextGuard guard;

    // A framebuffer with a colour and a stencil-free depth-free target: ImGui needs only colour.
    GLuint fbo = 0, color = 0;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &color);
    glBindRenderbuffer(GL_RENDERBUFFER, color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, pw, ph);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
    struct FboGuard {
        GLuint fbo, color;
        ~FboGuard() {
            glDeleteFramebuffers(1, &fbo);
            glDeleteRenderbuffers(1, &color);
        }
    } fbo_guard{fbo, color};
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        *error = "cannot create an off-screen framebuffer of " + std::to_string(pw) + "×" + std::to_string(ph);
        return false;
    }

    guard.mine = ImGui::CreateContext();
    ImGui::SetCurrentContext(guard.mine);
    guard.my_plots = plot::CreateContext();
    plot::SetCurrentContext(guard.my_plots);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(pw), static_cast<float>(ph));
    io.DeltaTime = 1.0f / 60.0f;
    std::string font_problem;  // the figure still renders with the fallback font
    plot::GetStyle().title_font = load_fonts(kExportFontPixels * scale, &font_problem).title;
    apply_theme(scale);
    ImGui::GetStyle().WindowPadding = ImVec2(0, 0);
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        *error = "cannot start the OpenGL 3 renderer for export";
        return false;
    }
    guard.backend = true;

    // Two frames: the first lets ImGui settle window sizes, the second is the one we keep.
    ImDrawData* data = nullptr;
    for (int frame = 0; frame < 2; ++frame) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        // No background: the framebuffer is cleared to white below.
        ImGui::Begin("##export", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);
        draw(io.DisplaySize);
        ImGui::End();
        ImGui::Render();
        data = ImGui::GetDrawData();
    }

    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glViewport(0, 0, pw, ph);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    glFinish();

    out->width = pw;
    out->height = ph;
    out->rgba.assign(static_cast<size_t>(pw) * ph * 4, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, pw, ph, GL_RGBA, GL_UNSIGNED_BYTE, out->rgba.data());
    // OpenGL's rows start at the bottom; PNG's at the top.
    const size_t row = static_cast<size_t>(pw) * 4;
    for (int y = 0; y < ph / 2; ++y)
        std::swap_ranges(out->rgba.begin() + y * row, out->rgba.begin() + (y + 1) * row,
                         out->rgba.begin() + (ph - 1 - y) * row);
    // The figure is opaque: blending leaves alpha below 255 where text was drawn.
    for (size_t i = 3; i < out->rgba.size(); i += 4) out->rgba[i] = 255;
    if (glGetError() != GL_NO_ERROR) {
        *error = "OpenGL reported an error while rendering the figure";
        return false;
    }
    return true;
}

bool write_png(const std::string& path, const Image& image, std::string* error) {
    // The figure is opaque, so RGB is enough; and a plot is mostly flat colour, where PNG's "none" row
    // filter at level 5 writes about 3× faster than stb's default search for 10 % more bytes.
    std::vector<unsigned char> rgb(static_cast<size_t>(image.width) * image.height * 3);
    for (size_t i = 0, j = 0; j < rgb.size(); i += 4, j += 3) {
        rgb[j] = image.rgba[i];
        rgb[j + 1] = image.rgba[i + 1];
        rgb[j + 2] = image.rgba[i + 2];
    }
    stbi_write_force_png_filter = 0;
    stbi_write_png_compression_level = 5;
    std::string png;
    const auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &png, image.width, image.height, 3, rgb.data(), image.width * 3)) {
        *error = "cannot encode the PNG for '" + path + "'";
        return false;
    }
    return write_file_atomic(path, png, error);
}

}  // namespace actlab::app
