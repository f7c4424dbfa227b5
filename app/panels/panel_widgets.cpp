#include "app/panels/panel_widgets.h"

#include "app/plot/plot_math.h"
#include "app/ui_items.h"
#include "core/activation.h"

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
    ImGui::TextWrapped("%s", text);
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

}  // namespace

bool value_slider(const char* label, double* value, double min, double max, const char* format, ImGuiSliderFlags flags) {
    // "" as the format: ImGui draws no text; the value is drawn below, clear of the handle. While
    // typed into (Ctrl+click), ImGui shows the field as usual.
    const ImGuiID id = ImGui::GetID(label);
    const bool typing = ImGui::TempInputIsActive(id);
    const ImRect frame = next_frame();
    const char* typed_format = std::strchr(format, '%') ? format : "%g";  // "off (1)" cannot be typed over
    bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, value, &min, &max, typing ? typed_format : "", flags);
    record_item(label);
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
    const bool changed = ImGui::SliderInt(label, value, min, max, typing ? "%d" : "", flags);
    record_item(label);
    if (!typing) {
        char buf[64];
        std::snprintf(buf, sizeof buf, format, *value);
        draw_value_text(frame, plot::minus_signs(buf), handle_position(*value, min, max, flags & ImGuiSliderFlags_Logarithmic));
    }
    return changed;
}

bool tab_item(const char* label, ImGuiTabItemFlags flags) {
    const bool open = ImGui::BeginTabItem(label, nullptr, flags);
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

}  // namespace actlab::app
