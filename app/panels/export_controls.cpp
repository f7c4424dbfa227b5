#include "app/panels/export_controls.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace actlab::app {

void draw_export_controls(AppState& state, const char* figure) {
    ImGui::PushID(figure);
    if (ImGui::Button("Export PNG")) state.export_request = {true, ExportFormat::Png, figure};
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Renders the plot again at the export size (Ctrl+E)");
    ImGui::SameLine();
    if (ImGui::Button("Export CSV")) state.export_request = {true, ExportFormat::Csv, figure};
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Writes the plotted values (Ctrl+Shift+E)");
    ImGui::SameLine();
    if (ImGui::Button("Settings…")) ImGui::OpenPopup("export settings");
    if (ImGui::BeginPopup("export settings")) {
        ExportSettings& e = state.exports;
        ImGui::TextUnformatted("Exported PNG size (before scale)");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        int size[2] = {e.width, e.height};
        if (ImGui::InputInt2("width × height", size)) {
            e.width = std::clamp(size[0], 100, 4096);
            e.height = std::clamp(size[1], 100, 4096);
        }
        ImGui::TextUnformatted("Scale (sharper text and lines for slides)");
        for (int s : {1, 2, 4}) {
            ImGui::SameLine();
            char label[8];
            std::snprintf(label, sizeof label, "%d×", s);
            if (ImGui::RadioButton(label, e.scale == s)) e.scale = s;
        }
        ImGui::Text("PNG of %d × %d pixels", e.width * e.scale, e.height * e.scale);
        ImGui::Separator();
        ImGui::TextUnformatted("Folder");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
        ImGui::InputText("##folder", &e.folder);
        ImGui::TextDisabled("Created when needed; files are never overwritten.");
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

}  // namespace actlab::app
