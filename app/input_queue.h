// Input that must reach ImGui one change a frame. Dear ImGui 1.86 reads the state of the mouse buttons
// and keys once a frame, so a click or a key tap whose press and release fall within one frame (a slow
// frame, a quick hand, a presentation clicker, a script) would be lost or seen half. The window's
// callbacks queue them here, and each frame hands ImGui one button change and holds a tapped key down
// for that frame, releasing it in the next.
#pragma once

#include <imgui.h>

#include <functional>
#include <vector>

namespace actlab::app {

class InputQueue {
public:
    static constexpr int kButtons = 5;
    // A mouse button pressed or released, where the pointer was at the time.
    void button(int button, bool pressed, double x, double y);
    // A key pressed (GLFW key code, an index into ImGuiIO::KeysDown).
    void key(int key);
    // After the platform backend has set this frame's io: overrides io.MouseDown (and io.MousePos when a
    // queued change is handed over) and io.KeysDown for tapped keys. `key_down` tells whether a key is
    // down now, for the keys held over from the last frame.
    void apply(ImGuiIO& io, const std::function<bool(int)>& key_down);
    // Changes are left that the next frame must hand over.
    bool pending() const { return !m_events.empty() || !m_held.empty(); }

private:
    struct Event {
        int button;
        bool pressed;
        double x, y;
    };
    std::vector<Event> m_events;
    bool m_down[kButtons] = {false, false, false, false, false};  // as ImGui has been told
    std::vector<int> m_tapped;  // pressed since the last frame
    std::vector<int> m_held;    // held down for ImGui this frame, to let go in the next
};

}  // namespace actlab::app
