// Where named controls were drawn, for whatever needs to point at one: the interface tests find a
// field or a button here to click it, as a user would. Nothing is recorded, and nothing is spent,
// until a recorder is set.
#pragma once

#include <imgui.h>

#include <map>
#include <string>

namespace actlab::app {

struct ItemRects {
    std::map<std::string, ImVec4> rects;  // name → the item's rectangle on screen (min x, min y, max x, max y)
};

// The recorder the panels write to (nullptr: none, the default).
void set_item_recorder(ItemRects* recorder);
// ImGui's last item, under `name` (its visible label, say "type T", or "Dying ReLU: bias −1").
void record_item(const char* name);
// A place drawn without an item of its own (a link of the network diagram), under `name`.
void record_rect(const std::string& name, ImVec2 min, ImVec2 max);
// Whether a recorder is set: what is costly to name is named only then.
bool recording_items();

}  // namespace actlab::app
