// Small widgets the panels share: a sidebar section, secondary text, a bullet in a colour, and a
// slider whose value is never hidden under its handle.
#pragma once

#include <imgui.h>

#include <string>

namespace actlab::core {
struct HiddenLayer;
}

namespace actlab::app {

// A section of the sidebar that can be folded away (open at first).
bool section(const char* title);
// Secondary text, wrapped to the width available.
void hint(const char* text);
// A bullet in `color`, before the text that follows on the line.
void color_bullet(ImU32 color);
// The last item's tooltip (printf's format), shown while the item is hovered and not in use: none while
// a slider is dragged, a button held or a value typed in, so no tip covers the plot being changed.
void item_tip(const char* format, ...) IM_FMTARGS(1);

// ImGui::SliderScalar, but the value is drawn in the half of the frame away from the handle (ImGui
// centres it, and a handle near the middle covers it: unreadable on a projector). Ctrl+click types
// a value as usual. `format` is printf's, such as "%.3g" or "T = %.3g". True when the value changed.
// Dragged, the value lands on round numbers (plot_math.h: snap_linear, snap_log, or snap_ladder on
// `ladder`, count values in [1, 10)); with Shift held, on values ten times closer.
bool value_slider(const char* label, double* value, double min, double max, const char* format,
                  ImGuiSliderFlags flags = 0, const double* ladder = nullptr, int ladder_count = 0);
// A value typed into a slider (Ctrl+click) that is outside its range or not a number is refused: the
// slider keeps the value it had, and the sentence saying so is handed over once, here (the window puts
// it in the status line).
std::string take_slider_refusal();

// The same for an int, with `format` shown in place of the number when given ("off" for 0, say).
bool value_slider_int(const char* label, int* value, int min, int max, const char* format, ImGuiSliderFlags flags = 0);

// ImGui::BeginTabItem, with the tab recorded under its label (ui_items.h) whether it is open or not.
bool tab_item(const char* label, ImGuiTabItemFlags flags = 0);

// A combo of the activation catalogue, `width` wide (-FLT_MIN: to the right edge); hovering an entry
// shows its formula and derivative. True when the choice changed.
bool activation_combo(const char* id, int* index, float width);
// A hidden layer's kind: the catalogue's activations, then the gated variants (SwiGLU, ...), then
// "Gate <activation> itself" for any other gate. Keeps the units. True when it changed.
bool hidden_layer_combo(const char* id, core::HiddenLayer* layer, float width);

}  // namespace actlab::app
