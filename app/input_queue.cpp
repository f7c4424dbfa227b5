#include "app/input_queue.h"

namespace actlab::app {

void InputQueue::button(int button, bool pressed, double x, double y) {
    if (button >= 0 && button < kButtons) m_events.push_back({button, pressed, x, y});
}

void InputQueue::key(int key) {
    if (key >= 0 && key < static_cast<int>(IM_ARRAYSIZE(ImGuiIO::KeysDown))) m_tapped.push_back(key);
}

void InputQueue::apply(ImGuiIO& io, const std::function<bool(int)>& key_down) {
    for (int key : m_held) io.KeysDown[key] = key_down(key);
    m_held.clear();
    for (int key : m_tapped)
        if (!io.KeysDown[key]) {  // pressed and already released: down for this frame
            io.KeysDown[key] = true;
            m_held.push_back(key);
        }
    m_tapped.clear();
    if (!m_events.empty()) {
        const Event e = m_events.front();
        m_events.erase(m_events.begin());
        m_down[e.button] = e.pressed;
        io.MousePos = ImVec2(static_cast<float>(e.x), static_cast<float>(e.y));  // where it changed
    }
    for (int b = 0; b < kButtons; ++b) io.MouseDown[b] = m_down[b];
}

}  // namespace actlab::app
