#include "ui_harness.h"

#include "app/gui.h"
#include "app/model/playground_model.h"
#include "app/panels/playground_panel.h"
#include "app/panels/gated_panel.h"
#include "app/plot/plot.h"

#include <imgui.h>
#include <imgui_internal.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace app = actlab::app;
namespace plot = actlab::plot;

UiHarness::UiHarness(float width, float height) {
    ImGuiContext* imgui = ImGui::CreateContext();
    m_imgui = imgui;
    plot::Context* plots = plot::CreateContext();
    plot::SetCurrentContext(plots);
    m_plots = plots;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL 3 renderer has
    // ImGui 1.86 reads keys from KeysDown[] through this map; GLFW's key codes are the indices, as the
    // GLFW backend sets them.
    io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
    io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
    io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
    io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
    io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
    io.KeyMap[ImGuiKey_C] = GLFW_KEY_C;
    io.KeyMap[ImGuiKey_V] = GLFW_KEY_V;
    io.KeyMap[ImGuiKey_X] = GLFW_KEY_X;
    io.KeyMap[ImGuiKey_Z] = GLFW_KEY_Z;
    gl.create(&gl_error);
    state.exports.folder = export_folder();
    state.settings_path = tmp / "settings.json";
    app::build_fonts(state, 1.0f);
    app::set_item_recorder(&items);
    plot::SetPlotRecorder(&this->plots);
}

UiHarness::~UiHarness() {
    app::set_item_recorder(nullptr);
    app::release_playground_gl(state);
    app::release_gated_gl(state);
    plot::DestroyContext(static_cast<plot::Context*>(m_plots));
    ImGui::DestroyContext(static_cast<ImGuiContext*>(m_imgui));
}

void UiHarness::frame() {
    ImGuiIO& io = ImGui::GetIO();
    if (state.ui.fonts_dirty) app::build_fonts(state, 1.0f);
    io.MousePos = ImVec2(m_mouse_x, m_mouse_y);
    io.MouseDown[0] = m_mouse_down;
    io.MouseDown[1] = m_right_down;
    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
    for (int k : m_keys_down) io.KeysDown[k] = true;
    int mods = m_mods_held;
    for (int m : m_mods_down) mods |= m;
    io.KeyCtrl = mods & GLFW_MOD_CONTROL;
    io.KeyShift = mods & GLFW_MOD_SHIFT;
    io.KeyAlt = mods & GLFW_MOD_ALT;
    for (const char c : m_typed) io.AddInputCharacter(static_cast<unsigned char>(c));
    m_typed.clear();
    items.rects.clear();
    plots.clear();
    ImGui::NewFrame();
    app::ui_frame(state, m_presses);
    m_presses.clear();
    ImGui::Render();
    app::service_exports(state);
    m_keys_down.clear();
    m_mods_down.clear();
}

void UiHarness::frames(int n) {
    for (int i = 0; i < n; ++i) frame();
}

bool UiHarness::run_until(const std::function<bool()>& done, double max_seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(max_seconds);
    for (;;) {
        frame();
        if (done()) return true;
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

bool UiHarness::find(const std::string& name, float* x, float* y) const {
    const auto it = items.rects.find(name);
    if (it == items.rects.end()) return false;
    *x = 0.5f * (it->second.x + it->second.z);
    *y = 0.5f * (it->second.y + it->second.w);
    return true;
}

void UiHarness::click_at(float x, float y, int mods) {
    m_mouse_x = x;
    m_mouse_y = y;
    m_mods_held = mods;
    frame();
    m_mouse_down = true;
    frame();
    m_mouse_down = false;
    frame();
    m_mods_held = 0;
}

void UiHarness::right_click_at(float x, float y) {
    m_mouse_x = x;
    m_mouse_y = y;
    frame();
    m_right_down = true;
    frame();
    m_right_down = false;
    frame();
}

bool UiHarness::click(const std::string& name, int mods) {
    // One frame first, and the control found where that frame drew it: a control seen for the first
    // time may not be in its place yet (a new tab bar lays its tabs out a frame later).
    frame();
    float x = 0, y = 0;
    if (!find(name, &x, &y)) return false;
    click_at(x, y, mods);
    return true;
}

bool UiHarness::reveal(const std::string& name) {
    for (int tries = 0; tries < 8; ++tries) {
        const auto it = items.rects.find(name);
        if (it == items.rects.end()) return false;
        const float y = 0.5f * (it->second.y + it->second.w), x = 0.5f * (it->second.x + it->second.z);
        // the innermost window that scrolls and spans the control's x: bring the control to its middle
        ImGuiContext& g = *ImGui::GetCurrentContext();
        ImGuiWindow* holder = nullptr;
        for (ImGuiWindow* w : g.Windows)
            if (w->LastFrameActive == g.FrameCount && w->ScrollMax.y > 0 && x >= w->InnerRect.Min.x && x <= w->InnerRect.Max.x &&
                (!holder || w->Size.y < holder->Size.y))
                holder = w;
        if (!holder || (y >= holder->InnerClipRect.Min.y && y <= holder->InnerClipRect.Max.y)) return true;
        ImGui::SetScrollY(holder, holder->Scroll.y + y - 0.5f * (holder->InnerRect.Min.y + holder->InnerRect.Max.y));
        frames(2);
    }
    return true;
}

bool UiHarness::select_tab(const std::string& label) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int n = 0; n < g.TabBars.GetMapSize(); ++n) {
        ImGuiTabBar* bar = g.TabBars.TryGetMapData(n);
        if (!bar || bar->CurrFrameVisible != g.FrameCount) continue;  // a bar drawn in the last frame
        for (ImGuiTabItem& tab : bar->Tabs)
            if (std::string(bar->GetTabName(&tab)).rfind(label, 0) == 0) {
                bar->NextSelectedTabId = tab.ID;
                frames(2);
                return true;
            }
    }
    return false;
}

void UiHarness::drag(float x0, float y0, float x1, float y1, int steps) {
    m_mouse_x = x0;
    m_mouse_y = y0;
    frame();
    m_mouse_down = true;
    frame();
    for (int i = 1; i <= steps; ++i) {
        m_mouse_x = x0 + (x1 - x0) * i / steps;
        m_mouse_y = y0 + (y1 - y0) * i / steps;
        frame();
    }
    m_mouse_down = false;
    frame();
}

void UiHarness::press_at(float x, float y) {
    m_mouse_x = x;
    m_mouse_y = y;
    frame();
    m_mouse_down = true;
    frame();
}

void UiHarness::move_to(float x, float y) {
    m_mouse_x = x;
    m_mouse_y = y;
    frame();
}

void UiHarness::release() {
    m_mouse_down = false;
    frame();
}

void UiHarness::type(const std::string& text) {
    m_typed += text;
    frame();
}

void UiHarness::key(int glfw_key, int mods) {
    m_presses.push_back({glfw_key, mods});
    m_keys_down.push_back(glfw_key);
    for (int m : {GLFW_MOD_CONTROL, GLFW_MOD_SHIFT, GLFW_MOD_ALT})
        if (mods & m) m_mods_down.push_back(m);
    frame();
    frame();  // released
}

void UiHarness::keys_in_one_frame(const std::vector<actlab::app::KeyPress>& presses) {
    for (const actlab::app::KeyPress& k : presses) m_presses.push_back(k);
    frame();
}

std::vector<std::string> UiHarness::exported(const std::string& ext) const {
    std::vector<std::string> out;
    for (const std::string& n : list_dir(export_folder()))
        if (n.size() > ext.size() && n.compare(n.size() - ext.size(), ext.size(), ext) == 0) out.push_back(n);
    std::sort(out.begin(), out.end());
    return out;
}

std::string UiHarness::active_field_text() const {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId || g.InputTextState.TextA.Size == 0) return "";
    return std::string(g.InputTextState.TextA.Data);
}
