#include "app/ui_items.h"

namespace actlab::app {

namespace {
// Like ImGui's own context, one per process; set only by whoever drives the interface.
ItemRects* g_recorder = nullptr;
}  // namespace

void set_item_recorder(ItemRects* recorder) { g_recorder = recorder; }

void record_item(const char* name) {
    if (!g_recorder) return;
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    g_recorder->rects[name] = ImVec4(lo.x, lo.y, hi.x, hi.y);
}

void record_rect(const std::string& name, ImVec2 min, ImVec2 max) {
    if (g_recorder) g_recorder->rects[name] = ImVec4(min.x, min.y, max.x, max.y);
}

bool recording_items() { return g_recorder != nullptr; }

}  // namespace actlab::app
