#include "app/panels/frame_times_panel.h"

#include <imgui.h>

namespace actlab::app {

void draw_frame_times(const FrameHistory& history) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float margin = ImGui::GetFontSize() * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - margin, vp->WorkPos.y + margin), ImGuiCond_Always,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.9f);
    // no inputs: clicks go through to the lab beneath, and the overlay never takes the keyboard
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##frame-times", nullptr, flags)) {
        const FrameTimes median = history.median();
        const FrameTimes max = history.max();
        ImGui::Text("Frame times, last %d frames (ms)", history.size());
        if (ImGui::BeginTable("##frame-parts", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("");
            ImGui::TableSetupColumn("median");
            ImGui::TableSetupColumn("max");
            ImGui::TableHeadersRow();
            struct Part {
                const char* name;
                double FrameTimes::*field;
            };
            static const Part parts[] = {{"CPU (build)", &FrameTimes::cpu},
                                         {"GL submit", &FrameTimes::submit},
                                         {"GL finish", &FrameTimes::finish},
                                         {"swap", &FrameTimes::swap},
                                         {"total", &FrameTimes::total}};
            for (const Part& part : parts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(part.name);
                ImGui::TableNextColumn();
                ImGui::Text("%7.2f", median.*part.field);
                ImGui::TableNextColumn();
                ImGui::Text("%7.2f", max.*part.field);
            }
            ImGui::EndTable();
        }
        if (median.total > 0.0) ImGui::Text("%.0f frames/s at the median", 1000.0 / median.total);
        ImGui::TextDisabled("Drawn only when something changes.");
    }
    ImGui::End();
}

}  // namespace actlab::app
