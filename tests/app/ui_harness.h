// The whole interface without a window: the panels drawn frame after frame in an ImGui context of their
// own, driven as a user would drive them (clicks on named controls, typed text, keys), with exports
// written into a temporary folder (PNGs through a headless OpenGL context). For everything a real window
// adds nothing to; the Xvfb tests are for what only a window shows.
#pragma once

#include "app/app_state.h"
#include "app/platform.h"
#include "app/plot/plot.h"
#include "app/ui_items.h"
#include "process.h"

#include <functional>
#include <string>
#include <vector>

struct UiHarness {
    TempDir tmp;
    actlab::app::AppState state;
    actlab::app::ItemRects items;   // where the named controls were drawn in the last frame
    std::vector<actlab::plot::PlotReport> plots;  // how each plot was laid out in the last frame
    actlab::app::HeadlessGL gl;     // for PNG exports and the playground's textures
    std::string gl_error;

    // A 1600 × 1000 interface (the window's default size) at text size 1, exporting into tmp/exports.
    explicit UiHarness(float width = 1600, float height = 1000);
    ~UiHarness();
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    std::string export_folder() const { return tmp / "exports"; }

    // One frame, with the mouse where it is and the keys pressed since the last frame.
    void frame();
    void frames(int n);
    // Frames until `done` holds (true), or `max_seconds` pass (false); threads get a moment between frames.
    bool run_until(const std::function<bool()>& done, double max_seconds = 30);

    // The centre of a named control (recorded by the panels); false when it was not drawn last frame.
    bool find(const std::string& name, float* x, float* y) const;
    // Move, press and release, each in a frame of its own, as a hand does.
    // `mods` (GLFW_MOD_*) are held through it: Ctrl+click types into a slider.
    void click_at(float x, float y, int mods = 0);
    // The same with the right button.
    void right_click_at(float x, float y);
    // The same on a named control, where the frame just before drew it.
    bool click(const std::string& name, int mods = 0);
    // Scrolls whichever window holds a named control until it is in view (a control further down a
    // page that scrolls); false when it was not drawn.
    bool reveal(const std::string& name);
    // Brings forward the tab whose label starts with `label` in a tab bar drawn in the last frame (as a
    // click on it does, even when the bar has scrolled it out of view); false when none has it.
    bool select_tab(const std::string& label);
    // Press, move in steps, release.
    void drag(float x0, float y0, float x1, float y1, int steps = 10);
    // The same a step at a time, a frame each, to look at the interface in the middle of a drag.
    void press_at(float x, float y);
    void move_to(float x, float y);
    void release();
    // Characters typed into the field that has the keyboard.
    void type(const std::string& text);
    // A key (GLFW_KEY_*) with GLFW_MOD_* bits: as the window's key callback reports it, and to ImGui.
    void key(int glfw_key, int mods = 0);
    // Several keys that reach the window in one frame, as when it is busy (starting, say): {key, mods} each.
    void keys_in_one_frame(const std::vector<actlab::app::KeyPress>& presses);

    // The text in the field that has the keyboard, as it was when it was clicked and since typed ("" when none).
    std::string active_field_text() const;

    // The files in the export folder whose names end in `ext`.
    std::vector<std::string> exported(const std::string& ext) const;

private:
    float m_mouse_x = -1, m_mouse_y = -1;
    bool m_mouse_down = false;
    bool m_right_down = false;
    std::vector<actlab::app::KeyPress> m_presses;
    std::vector<int> m_keys_down;   // ImGui keys held for the next frame
    std::vector<int> m_mods_down;
    int m_mods_held = 0;            // held through several frames (a Ctrl+click)
    std::string m_typed;
    void* m_imgui = nullptr;
    void* m_plots = nullptr;
};
