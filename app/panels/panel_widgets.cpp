#include "app/panels/panel_widgets.h"

#include "app/figures/keys.h"
#include "app/figures/training_keys.h"
#include "app/figures/figure.h"
#include "app/plot/plot_math.h"
#include "app/ui_items.h"
#include "core/activation.h"
#include "core/gated.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdarg>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace actlab::app {

bool section(const char* title) {
    ImGui::Spacing();
    return ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen);
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void color_bullet(ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::Bullet();
    ImGui::PopStyleColor();
    ImGui::SameLine();
}

void item_tip(const char* format, ...) {
    if (!ImGui::IsItemHovered() || ImGui::IsItemActive()) return;
    va_list args;
    va_start(args, format);
    ImGui::SetTooltipV(format, args);
    va_end(args);
}

namespace {

// The slider's frame (the item rect also holds its label), measured before it is drawn.
ImRect next_frame() {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    return ImRect(at, ImVec2(at.x + ImGui::CalcItemWidth(), at.y + ImGui::GetFrameHeight()));
}

// The value's text inside the slider's frame, on the side away from the handle.
void draw_value_text(const ImRect& frame, const std::string& text, double t) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float y = frame.Min.y + 0.5f * (frame.GetHeight() - size.y);
    // the handle in the right half: text on the left, and the other way round
    const float x = t > 0.5 ? frame.Min.x + style.FramePadding.x : frame.Max.x - style.FramePadding.x - size.x;
    ImGui::GetWindowDrawList()->AddText(ImVec2(std::max(x, frame.Min.x + style.FramePadding.x), y),
                                        ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
}

// Where the handle is, 0 (left) to 1 (right), as ImGui places it.
double handle_position(double v, double lo, double hi, bool log) {
    if (!(hi > lo)) return 0.0;
    v = std::clamp(v, lo, hi);
    if (log && lo > 0.0) return std::log(v / lo) / std::log(hi / lo);
    return (v - lo) / (hi - lo);
}

// A slider typed into (Ctrl+click): the value it had before and the text typed so far, kept until it
// is let go (ImGui has one active item at a time). ImGui would apply each keystroke, clamped to the
// range; instead, as in every typed field, the value stays until the typing is confirmed, and a value
// outside the range, or not a number, is refused.
struct SliderTyping {
    ImGuiContext* context = nullptr;
    ImGuiID id = 0;
    double before = 0.0;
    std::string text;
};
SliderTyping g_slider_typing;
std::string g_slider_refusal;

// The visible part of a label ("##T" → "T", "α  Leaky ReLU##3" → "α  Leaky ReLU").
std::string visible_label(const char* label) {
    std::string text = label;
    if (text.rfind("##", 0) == 0) return text.substr(2);
    const size_t hashes = text.find("##");
    return hashes == std::string::npos ? text : text.substr(0, hashes);
}

// Call after the slider with `typing` as it was before it (TempInputIsActive); `before` is the value
// before the call. Returns the value in force: the slider's when it is not typed into; while it is,
// the value from before the typing; once confirmed, the value typed, or the one before when refused.
double check_typed_slider(ImGuiID id, const char* label, bool typing, double before, double value, double min, double max,
                          bool whole) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool typing_now = ImGui::TempInputIsActive(id);
    if (typing_now) {
        if (g_slider_typing.context != &g || g_slider_typing.id != id) g_slider_typing = {&g, id, before, ""};
        if (g.InputTextState.ID == id && g.InputTextState.TextA.Size > 0) g_slider_typing.text = g.InputTextState.TextA.Data;
        return g_slider_typing.before;
    }
    if (!typing || g_slider_typing.context != &g || g_slider_typing.id != id) return value;
    const SliderTyping typed = g_slider_typing;
    g_slider_typing = {};
    if (typed.text.empty() || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) return typed.before;
    double v = 0;
    const std::string what = visible_label(label), text = trimmed(typed.text);
    const std::string stays = "; " + (what.empty() ? std::string("it") : what) + " stays " + number_text(typed.before) + ".";
    if (!parse_finite(text, &v)) {
        g_slider_refusal = "'" + text + "' is not a finite number" + stays;
        return typed.before;
    }
    if (v < min || v > max || (whole && v != std::floor(v))) {
        g_slider_refusal = "'" + text + "' is outside " + number_text(min) + " to " + number_text(max) +
                           (whole ? " or not a whole number" : "") + stays;
        return typed.before;
    }
    return v;
}

}  // namespace

std::string take_slider_refusal() {
    std::string message;
    message.swap(g_slider_refusal);
    return message;
}

bool value_slider(const char* label, double* value, double min, double max, const char* format, ImGuiSliderFlags flags,
                  const double* ladder, int ladder_count) {
    // "" as the format: ImGui draws no text; the value is drawn below, clear of the handle. While
    // typed into (Ctrl+click), ImGui shows the field as usual.
    const ImGuiID id = ImGui::GetID(label);
    const bool typing = ImGui::TempInputIsActive(id);
    const ImRect frame = next_frame();
    const char* typed_format = std::strchr(format, '%') ? format : "%g";  // "off (1)" cannot be typed over
    const double before = *value;
    bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, value, &min, &max, typing ? typed_format : "", flags);
    record_item(label);
    *value = check_typed_slider(id, label, typing, before, *value, min, max, false);
    changed = *value != before;
    if (changed && !typing && ImGui::IsItemActive()) {  // dragged (or clicked): onto a round value
        const bool fine = ImGui::GetIO().KeyShift;
        const bool log = flags & ImGuiSliderFlags_Logarithmic;
        *value = ladder ? plot::snap_ladder(*value, ladder, ladder_count, min, max, fine)
               : log    ? plot::snap_log(*value, min, max, fine)
                        : plot::snap_linear(*value, min, max, fine);
    }
    if (changed && !typing)  // kept to the digits shown, as ImGui does with a format
        if (const char* spec = std::strchr(format, '%')) {
            char buf[64];
            std::snprintf(buf, sizeof buf, spec, *value);
            *value = std::strtod(buf, nullptr);
        }
    if (!typing)
        draw_value_text(frame, plot::format_number(*value, format),
                        handle_position(*value, min, max, flags & ImGuiSliderFlags_Logarithmic));
    return changed;
}

bool value_slider_int(const char* label, int* value, int min, int max, const char* format, ImGuiSliderFlags flags) {
    const ImGuiID id = ImGui::GetID(label);
    const bool typing = ImGui::TempInputIsActive(id);
    const ImRect frame = next_frame();
    const int before = *value;
    bool changed = ImGui::SliderInt(label, value, min, max, typing ? "%d" : "", flags);
    record_item(label);
    *value = static_cast<int>(check_typed_slider(id, label, typing, before, *value, min, max, true));
    changed = *value != before;
    if (!typing) {
        char buf[64];
        std::snprintf(buf, sizeof buf, format, *value);
        draw_value_text(frame, plot::minus_signs(buf), handle_position(*value, min, max, flags & ImGuiSliderFlags_Logarithmic));
    }
    return changed;
}

bool tab_item(const char* label, ImGuiTabItemFlags flags) {
    // A bar that scrolls its tabs lays them out as wide as all of them: the window it is in would
    // scroll sideways for tabs the bar's own arrows reach.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float right = window->DC.CursorMaxPos.x;
    const bool open = ImGui::BeginTabItem(label, nullptr, flags);
    window->DC.CursorMaxPos.x = std::max(right, std::min(window->DC.CursorMaxPos.x, window->WorkRect.Max.x));
    record_item(label);
    return open;
}

bool activation_combo(const char* id, int* index, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, core::activation(*index).label);
    if (!open) record_item(id);  // open, ImGui's last item is in the list's own window
    if (open) {
        for (int i = 0; i < core::activation_count(); ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(core::activation(i).label, i == *index)) *index = i, changed = true;
            if (i == *index) ImGui::SetItemDefaultFocus();
            item_tip("%s\n%s", core::activation(i).formula, core::activation(i).derivative);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool hidden_layer_combo(const char* id, core::HiddenLayer* layer, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const std::string preview = hidden_layer_label(*layer);
    // as tall as the window allows: the gated variants come after the whole catalogue
    const bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLargest);
    if (!open) record_item(id);
    if (!open) return false;
    const core::GatedVariant* current = gated_variant_of(*layer);
    for (int i = 0; i < core::activation_count(); ++i) {
        ImGui::PushID(i);
        if (ImGui::Selectable(core::activation(i).label, !layer->gated && i == layer->activation)) {
            *layer = core::hidden_layer(layer->units, i);
            changed = true;
        }
        if (recording_items()) record_item((std::string("kind: ") + core::activation(i).label).c_str());
        if (!layer->gated && i == layer->activation) ImGui::SetItemDefaultFocus();
        item_tip("%s\n%s", core::activation(i).formula, core::activation(i).derivative);
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Gated units: f(gate) · value");
    for (int v = 0; v < core::gated_variant_count(); ++v) {
        const core::GatedVariant& variant = core::gated_variant(v);
        ImGui::PushID(1000 + v);
        if (ImGui::Selectable(variant.label, current == &variant)) {
            *layer = core::hidden_layer(layer->units, core::activation_index(variant.gate), true);
            changed = true;
        }
        if (recording_items()) record_item((std::string("kind: ") + variant.label).c_str());
        if (current == &variant) ImGui::SetItemDefaultFocus();
        item_tip("f = %s as the gate: %s.\nTwice the weights of a plain layer of as many units.",
                 core::activation(core::activation_index(variant.gate)).label, variant.used_in);
        ImGui::PopID();
    }
    // any activation of the catalogue as the gate (a variant's gate is the variant above)
    if (!current) {
        const std::string gate_it = std::string("Gate ") + core::activation(layer->activation).label + " itself";
        if (ImGui::Selectable(gate_it.c_str(), layer->gated)) {
            layer->gated = !layer->gated;
            changed = true;
        }
        record_item("kind: gate itself");
        item_tip("This layer's activation as the gate of each unit: f(gate) · value.");
    }
    ImGui::EndCombo();
    return changed;
}

}  // namespace actlab::app
