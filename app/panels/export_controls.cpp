#include "app/panels/export_controls.h"

#include "app/panels/typed_field.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace actlab::app {

void draw_export_controls(AppState& state, const char* id, const std::function<Figure()>& figure) {
    ImGui::PushID(id);
    if (ImGui::Button("Export PNG")) request_export(state, ExportFormat::Png, figure());
    item_tip("Renders the plot again at the export size (Ctrl+E)");
    same_line_or_wrap(button_width("Export CSV"));
    if (ImGui::Button("Export CSV")) request_export(state, ExportFormat::Csv, figure());
    item_tip("Writes the plotted values (Ctrl+Shift+E)");
    same_line_or_wrap(button_width("Settings…"));
    if (ImGui::Button("Settings…")) ImGui::OpenPopup("export settings");
    if (ImGui::BeginPopup("export settings")) {
        ExportSettings& e = state.exports;
        ImGui::TextUnformatted("Exported PNG size (before scale)");
        std::string& message = state.ui.export_message;
        const int largest = kMaxImageSide / e.scale;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        typed_int("##width", &e.width, ExportSettings::kMinSide, largest, &message);
        ImGui::SameLine();
        ImGui::TextUnformatted("×");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        typed_int("##height", &e.height, ExportSettings::kMinSide, largest, &message);
        ImGui::TextUnformatted("Scale (sharper text and lines for slides)");
        for (int s : {1, 2, 4}) {  // on a line of their own: the popup stays narrow at large text
            if (s > 1) ImGui::SameLine();
            char label[8];
            std::snprintf(label, sizeof label, "%d×", s);
            if (ImGui::RadioButton(label, e.scale == s)) {
                e.scale = s;
                e.clamp();
            }
        }
        ImGui::Text("PNG of %d × %d pixels (at most %d a side)", e.width * e.scale, e.height * e.scale, kMaxImageSide);
        ImGui::Separator();
        ImGui::TextUnformatted("Folder");
        ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 24, 0.8f * ImGui::GetMainViewport()->WorkSize.x));
        typed_text("##folder", &e.folder, "~/Pictures/actlab", &message, [](const std::string& folder) {
            return folder.find_first_not_of(" \t") == std::string::npos ? "The export folder needs a name; it stays as it was."
                                                                        : "";
        });
        if (!message.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(ImGui::GetFontSize() * 24, 0.8f * ImGui::GetMainViewport()->WorkSize.x));
            text_wrapped(message.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
        ImGui::TextDisabled("Created when needed; files are never overwritten.");
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

float export_controls_width() {
    return button_width("Export PNG") + button_width("Export CSV") + button_width("Settings…") +
           2 * ImGui::GetStyle().ItemSpacing.x;
}

}  // namespace actlab::app
