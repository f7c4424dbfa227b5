// Where pixels come from: a GLFW window with an OpenGL 3.3 core context and Dear ImGui's GLFW and
// OpenGL 3 backends, or, for export with no display, a headless OpenGL context (Mesa's surfaceless
// EGL platform; a hidden window where that fails but a display exists).
#pragma once

#include "app/input_queue.h"

#include <imgui.h>

#include <string>
#include <vector>

struct GLFWwindow;

namespace actlab::app {

// A key pressed with modifiers (GLFW key and GLFW_MOD_* bits). Collected by a callback, so a quick tap
// whose press and release arrive in the same frame is not lost (ImGui 1.86 would miss it).
struct KeyPress {
    int key;
    int mods;
};

struct Window {
    GLFWwindow* handle = nullptr;
    float content_scale = 1.0f;  // the monitor's scale (2 on a HiDPI screen)
    bool imgui_ready = false;
    std::string ini_path;        // ImGui keeps a pointer to it while the window is open
    std::vector<KeyPress> key_presses;  // since the last take_key_presses()
    std::vector<std::string> dropped;   // paths dropped on the window since the last take_dropped_paths()
    InputQueue input;                   // buttons and key taps handed to ImGui one change a frame
    bool input_seen = false;            // any input event since the last take_input_seen()
    int windowed[4] = {0, 0, 0, 0};     // x, y, width, height before going full screen
};

// The keys pressed since the last call (for shortcuts).
std::vector<KeyPress> take_key_presses(Window& window);

// The paths of the files dropped on the window since the last call (the session step opens them).
std::vector<std::string> take_dropped_paths(Window& window);

// Opens the window (width × height, but at most 90 % of the monitor's work area, centred in it) and
// sets up ImGui on it (imgui.ini at `ini_path`). On failure *error says why.
bool open_window(Window* window, const char* title, int width, int height, const std::string& ini_path,
                 std::string* error);
bool window_should_close(const Window& window);
void request_close(Window& window);
// Waits for events: up to `wait_seconds` when > 0, for as long as it takes when it is kWaitForInput
// (an idle window costs nothing), not at all otherwise. While queued input (see Window) is left, it
// does not wait.
constexpr double kWaitForInput = -1.0;
void wait_events(Window& window, double wait_seconds);
// Starts an ImGui frame: queued input is handed over here.
void begin_frame(Window& window);
// Whether any input (keys, text, buttons, wheel, pointer motion, a new size, focus, the window shown
// again) arrived since the last call.
bool take_input_seen(Window& window);
// Input is queued that the next frame must hand to ImGui.
bool input_pending(const Window& window);
// Renders ImGui's draw data (after ImGui::Render()) into the window's framebuffer; the caller may then
// draw off screen and finally calls present().
void render_frame(Window& window, ImVec4 clear_color);
void present(Window& window);
// Waits until GL has drawn everything sent so far (for timing frames only: it stalls the pipeline).
void finish_gl();
struct Image;
// The window's framebuffer as drawn by render_frame (before present), top row first.
bool read_window_pixels(const Window& window, Image* out);
void close_window(Window* window);
// Puts the window on its monitor's full screen, or back to the size and place it had.
void set_fullscreen(Window& window, bool fullscreen);
// Rebuilds the font texture after the font atlas changed (text size changed).
void reload_fonts_texture();

// An OpenGL 3.3 core context with no window, made current on creation.
class HeadlessGL {
public:
    HeadlessGL() = default;
    HeadlessGL(const HeadlessGL&) = delete;
    HeadlessGL& operator=(const HeadlessGL&) = delete;
    ~HeadlessGL();
    // Tries EGL surfaceless, then a hidden window if DISPLAY is set. On failure *error says why.
    bool create(std::string* error);
    const char* kind() const { return m_kind; }

private:
    void* m_display = nullptr;     // EGLDisplay
    void* m_context = nullptr;     // EGLContext
    GLFWwindow* m_window = nullptr;
    const char* m_kind = "none";
};

}  // namespace actlab::app
