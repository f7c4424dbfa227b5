#include "app/platform.h"

#include "app/render/offscreen.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <dlfcn.h>
#include <link.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define ACTLAB_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ACTLAB_ADDRESS_SANITIZER 1
#endif
#endif

namespace actlab::app {

namespace {

// Built with AddressSanitizer only: keeps every library loaded now (OpenGL just came up) in memory until
// the process ends. Mesa's driver leaves a few allocations behind and is unloaded when GLFW or EGL shuts
// down, before LeakSanitizer looks at the leaks, which then cannot say whose they are; kept, they are
// named as Mesa's and tests/sanitizers/lsan.supp lets exactly those through. Other builds: nothing.
void keep_gl_libraries_loaded() {
#ifdef ACTLAB_ADDRESS_SANITIZER
    std::vector<std::string> names;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* out) {
            if (info->dlpi_name && *info->dlpi_name) static_cast<std::vector<std::string>*>(out)->push_back(info->dlpi_name);
            return 0;
        },
        &names);
    // outside dl_iterate_phdr, which holds the loader's lock; RTLD_NOLOAD: only what is loaded already
    for (const std::string& name : names) dlopen(name.c_str(), RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
#endif
}

// The last GLFW error, for a clear message. GLFW's error callback carries no user pointer, so this one
// piece of state cannot live in Window.
std::string g_glfw_error;

void on_glfw_error(int code, const char* description) {
    g_glfw_error = std::string(description ? description : "unknown") + " (GLFW error " + std::to_string(code) + ")";
}

void on_key(GLFWwindow* handle, int key, int, int action, int mods) {
    if (action != GLFW_PRESS && action != GLFW_REPEAT) return;
    auto* window = static_cast<Window*>(glfwGetWindowUserPointer(handle));
    if (!window) return;
    window->input_seen = true;
    window->key_presses.push_back({key, mods});
    window->input.key(key);
}

// Files dropped on the window: only their paths are queued here; the session step acts on them.
void on_drop(GLFWwindow* handle, int count, const char** paths) {
    auto* window = static_cast<Window*>(glfwGetWindowUserPointer(handle));
    if (!window) return;
    window->input_seen = true;
    for (int i = 0; i < count; ++i)
        if (paths[i]) window->dropped.emplace_back(paths[i]);
}

void on_mouse_button(GLFWwindow* handle, int button, int action, int) {
    auto* window = static_cast<Window*>(glfwGetWindowUserPointer(handle));
    if (!window) return;
    window->input_seen = true;
    double x = 0, y = 0;
    glfwGetCursorPos(handle, &x, &y);
    window->input.button(button, action == GLFW_PRESS, x, y);
}

// Text, the wheel and pointer motion: only noted (ImGui's backend takes the text and the wheel).
void note_input(GLFWwindow* handle) {
    if (auto* window = static_cast<Window*>(glfwGetWindowUserPointer(handle))) window->input_seen = true;
}
void on_char(GLFWwindow* handle, unsigned int) { note_input(handle); }
void on_scroll(GLFWwindow* handle, double, double) { note_input(handle); }
void on_cursor(GLFWwindow* handle, double, double) { note_input(handle); }
void on_resize(GLFWwindow* handle, int, int) { note_input(handle); }  // a new size lays out again
// Focus, the pointer entering or leaving, and the window shown again (exposed): ImGui's backend
// hears of the first two and redraws hover and focus over a frame or two; an exposed window draws anew.
void on_focus(GLFWwindow* handle, int) { note_input(handle); }
void on_enter(GLFWwindow* handle, int) { note_input(handle); }
void on_refresh(GLFWwindow* handle) { note_input(handle); }

void core_profile_hints() {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
}

}  // namespace

bool open_window(Window* window, const char* title, int width, int height, const std::string& ini_path,
                 std::string* error) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        *error = "cannot start GLFW: " + g_glfw_error;
        return false;
    }
    core_profile_hints();
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // The window asks for width × height but takes at most 90 % of the monitor's work area (the screen
    // less panels and docks), so a laptop's 1366 × 768 or a projector's 1280 × 720 shows all of it.
    // GLFW_SCALE_TO_MONITOR multiplies the size by the content scale: divide it out first.
    int area_x = 0, area_y = 0, area_w = 0, area_h = 0;
    float scale_x = 1.0f, scale_y = 1.0f;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (monitor) {
        glfwGetMonitorWorkarea(monitor, &area_x, &area_y, &area_w, &area_h);
        glfwGetMonitorContentScale(monitor, &scale_x, &scale_y);
        if (area_w > 0 && area_h > 0) {
            width = std::min(width, static_cast<int>(0.9f * area_w / std::max(scale_x, 0.5f)));
            height = std::min(height, static_cast<int>(0.9f * area_h / std::max(scale_y, 0.5f)));
        }
    }
    window->handle = glfwCreateWindow(width, height, title, nullptr, nullptr);
    if (!window->handle) {
        *error = "cannot open an OpenGL 3.3 window: " + g_glfw_error;
        glfwTerminate();
        return false;
    }
    if (monitor && area_w > 0 && area_h > 0) {  // centred in the work area
        int w = 0, h = 0;
        glfwGetWindowSize(window->handle, &w, &h);
        glfwSetWindowPos(window->handle, area_x + std::max(0, (area_w - w) / 2), area_y + std::max(0, (area_h - h) / 2));
    }
    glfwMakeContextCurrent(window->handle);
    glfwSwapInterval(1);
    glfwSetWindowUserPointer(window->handle, window);
    glfwSetKeyCallback(window->handle, on_key);  // installed first: ImGui's backend chains to them
    glfwSetMouseButtonCallback(window->handle, on_mouse_button);
    glfwSetCharCallback(window->handle, on_char);
    glfwSetScrollCallback(window->handle, on_scroll);
    glfwSetCursorPosCallback(window->handle, on_cursor);
    glfwSetFramebufferSizeCallback(window->handle, on_resize);
    glfwSetWindowFocusCallback(window->handle, on_focus);
    glfwSetCursorEnterCallback(window->handle, on_enter);
    glfwSetWindowRefreshCallback(window->handle, on_refresh);
    glfwSetDropCallback(window->handle, on_drop);
    if (!gladLoadGL(glfwGetProcAddress)) {
        *error = "cannot load OpenGL 3.3 functions";
        close_window(window);
        return false;
    }
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window->handle, &sx, &sy);
    window->content_scale = sx > 0.5f ? sx : 1.0f;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    window->ini_path = ini_path;
    ImGui::GetIO().IniFilename = window->ini_path.empty() ? nullptr : window->ini_path.c_str();
    // A steady caret in a text field: a blinking one would need a frame every 0.4 s for as long as the
    // field has the keyboard, which on a software renderer is a good part of a core doing nothing.
    ImGui::GetIO().ConfigInputTextCursorBlink = false;
    if (!ImGui_ImplGlfw_InitForOpenGL(window->handle, true) || !ImGui_ImplOpenGL3_Init("#version 330 core")) {
        *error = "cannot start Dear ImGui's OpenGL 3 renderer";
        close_window(window);
        return false;
    }
    window->imgui_ready = true;
    keep_gl_libraries_loaded();
    return true;
}

std::vector<KeyPress> take_key_presses(Window& window) {
    std::vector<KeyPress> presses;
    presses.swap(window.key_presses);
    return presses;
}

std::vector<std::string> take_dropped_paths(Window& window) {
    std::vector<std::string> paths;
    paths.swap(window.dropped);
    return paths;
}

bool window_should_close(const Window& window) { return glfwWindowShouldClose(window.handle); }

void request_close(Window& window) { glfwSetWindowShouldClose(window.handle, GLFW_TRUE); }

bool take_input_seen(Window& window) {
    const bool seen = window.input_seen;
    window.input_seen = false;
    return seen;
}

bool input_pending(const Window& window) { return window.input.pending(); }

void wait_events(Window& window, double wait_seconds) {
    if (input_pending(window)) wait_seconds = 0.0;
    if (wait_seconds == kWaitForInput) glfwWaitEvents();
    else if (wait_seconds > 0.0) glfwWaitEventsTimeout(wait_seconds);
    else glfwPollEvents();
}

void begin_frame(Window& window) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // after the backend has read buttons and keys: the queued changes instead, one a frame
    window.input.apply(ImGui::GetIO(), [&window](int key) { return glfwGetKey(window.handle, key) == GLFW_PRESS; });
    ImGui::NewFrame();
}

void render_frame(Window& window, ImVec4 clear) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window.handle, &w, &h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, w, h);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void present(Window& window) { glfwSwapBuffers(window.handle); }

void finish_gl() { glFinish(); }

bool read_window_pixels(const Window& window, Image* out) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window.handle, &w, &h);
    if (w <= 0 || h <= 0) return false;
    out->width = w;
    out->height = h;
    out->rgba.assign(static_cast<size_t>(w) * h * 4, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, out->rgba.data());
    const size_t row = static_cast<size_t>(w) * 4;  // OpenGL's rows start at the bottom
    for (int y = 0; y < h / 2; ++y)
        std::swap_ranges(out->rgba.begin() + y * row, out->rgba.begin() + (y + 1) * row,
                         out->rgba.begin() + (h - 1 - y) * row);
    for (size_t i = 3; i < out->rgba.size(); i += 4) out->rgba[i] = 255;
    return glGetError() == GL_NO_ERROR;
}

void set_fullscreen(Window& window, bool fullscreen) {
    GLFWmonitor* current = glfwGetWindowMonitor(window.handle);
    if (fullscreen == (current != nullptr)) return;
    if (fullscreen) {
        glfwGetWindowPos(window.handle, &window.windowed[0], &window.windowed[1]);
        glfwGetWindowSize(window.handle, &window.windowed[2], &window.windowed[3]);
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return;
        glfwSetWindowMonitor(window.handle, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window.handle, nullptr, window.windowed[0], window.windowed[1], window.windowed[2],
                             window.windowed[3], GLFW_DONT_CARE);
    }
}

void reload_fonts_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void close_window(Window* window) {
    if (window->imgui_ready) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        window->imgui_ready = false;
    }
    if (window->handle) glfwDestroyWindow(window->handle);
    window->handle = nullptr;
    glfwTerminate();
}

HeadlessGL::~HeadlessGL() {
    if (m_context) {
        EGLDisplay dpy = static_cast<EGLDisplay>(m_display);
        eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(dpy, static_cast<EGLContext>(m_context));
    }
    if (m_display) eglTerminate(static_cast<EGLDisplay>(m_display));
    if (m_window) {
        glfwDestroyWindow(m_window);
        glfwTerminate();
    }
}

bool HeadlessGL::create(std::string* error) {
    // 1. Mesa's surfaceless EGL platform: no display, no window, rendering into framebuffer objects.
    std::string egl_problem;
    setenv("EGL_PLATFORM", "surfaceless", 0);
    EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    EGLint major = 0, minor = 0;
    if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, &major, &minor)) {
        egl_problem = "no EGL surfaceless display";
    } else {
        m_display = dpy;
        const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
        EGLConfig config = nullptr;
        EGLint count = 0;
        const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                          EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                          EGL_NONE};
        if (!eglBindAPI(EGL_OPENGL_API) || !eglChooseConfig(dpy, config_attribs, &config, 1, &count) || count < 1) {
            egl_problem = "EGL offers no OpenGL configuration";
        } else if (EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, context_attribs); !ctx) {
            egl_problem = "EGL cannot create an OpenGL 3.3 core context";
        } else {
            m_context = ctx;
            if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
                egl_problem = "EGL cannot make a context current without a surface";
            } else if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress))) {
                egl_problem = "cannot load OpenGL functions through EGL";
            } else {
                m_kind = "EGL surfaceless";
                keep_gl_libraries_loaded();
                return true;
            }
        }
    }
    // 2. A hidden window, where a display exists.
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display && *display) || (wayland && *wayland)) {
        glfwSetErrorCallback(on_glfw_error);
        if (glfwInit()) {
            core_profile_hints();
            glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
            m_window = glfwCreateWindow(64, 64, "actlab export", nullptr, nullptr);
            if (m_window) {
                glfwMakeContextCurrent(m_window);
                if (gladLoadGL(glfwGetProcAddress)) {
                    m_kind = "hidden window";
                    keep_gl_libraries_loaded();
                    return true;
                }
            }
        }
        *error = "no OpenGL for export: " + egl_problem + ", and a hidden window failed: " + g_glfw_error;
        return false;
    }
    *error = "no OpenGL for export: " + egl_problem +
             " and no display; install Mesa's EGL (libegl-mesa0, libgl1-mesa-dri) or run under a display";
    return false;
}

}  // namespace actlab::app
