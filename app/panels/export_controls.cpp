#include "app/panels/export_controls.h"

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
    ImGui::SameLine();
    if (ImGui::Button("Export CSV")) request_export(state, ExportFormat::Csv, figure());
    item_tip("Writes the plotted values (Ctrl+Shift+E)");
    ImGui::SameLine();
    if (ImGui::Button("Settings…")) ImGui::OpenPopup("export settings");
    if (ImGui::BeginPopup("export settings")) {
        ExportSettings& e = state.exports;
        ImGui::TextUnformatted("Exported PNG size (before scale)");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        int size[2] = {e.width, e.height};
        if (ImGui::InputInt2("width × height", size)) {
            e.width = size[0];
            e.height = size[1];
            e.clamp();
        }
        ImGui::TextUnformatted("Scale (sharper text and lines for slides)");
        for (int s : {1, 2, 4}) {
            ImGui::SameLine();
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
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
        ImGui::InputText("##folder", &e.folder);
        ImGui::TextDisabled("Created when needed; files are never overwritten.");
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

}  // namespace actlab::app
