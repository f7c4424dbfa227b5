#include "app/panels/lab_layout.h"

#include <algorithm>
#include <string>

namespace actlab::app {

void lab_columns(const char* id, bool plot_only, float preferred_sidebar, float minimum_sidebar,
                 const std::function<void()>& sidebar, const std::function<void(ImVec2 room)>& main, float main_min) {
    const std::string name(id);
    const std::string main_id = "##" + name + "-main";
    if (plot_only) {
        ImGui::BeginChild(main_id.c_str(), ImVec2(0, 0), false);
        main(ImGui::GetContentRegionAvail());
        ImGui::EndChild();
        return;
    }
    const float fs = ImGui::GetFontSize();
    const SidebarSplit split = split_sidebar(ImGui::GetContentRegionAvail().x, fs, ImGui::GetStyle().ItemSpacing.x,
                                             preferred_sidebar, minimum_sidebar, main_min);
    if (!split.stacked) {
        ImGui::BeginChild(("##" + name + "-controls").c_str(), ImVec2(split.sidebar, 0), false);
        sidebar();
        ImGui::EndChild();
        ImGui::SameLine();
        // It scrolls when its content is laid out taller than it (plots kept at a readable height);
        // the wheel over a plot zooms the plot instead.
        ImGui::BeginChild(main_id.c_str(), ImVec2(0, 0), false);
        main(ImGui::GetContentRegionAvail());
        ImGui::EndChild();
        return;
    }
    // One page: what the lab shows, as tall as the window at most, then its controls.
    ImGui::BeginChild(("##" + name + "-page").c_str(), ImVec2(0, 0), false);
    main(ImGui::GetContentRegionAvail());
    ImGui::Spacing();
    ImGui::Separator();
    sidebar();
    ImGui::EndChild();
}

bool begin_tab_bar(const char* id) { return ImGui::BeginTabBar(id, ImGuiTabBarFlags_FittingPolicyScroll); }

void same_line_or_wrap(float width, float spacing) {
    const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
    const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + gap + width <= right) ImGui::SameLine(0, gap);
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

float small_button_width(const char* label) { return button_width(label); }

float checkbox_width(const char* label) {
    const float text = ImGui::CalcTextSize(label, nullptr, true).x;
    return ImGui::GetFrameHeight() + (text > 0 ? ImGui::GetStyle().ItemInnerSpacing.x + text : 0.0f);
}

float text_width(const char* text) { return ImGui::CalcTextSize(text).x; }

float width_beside(const char* label, float preferred) {
    const float text = ImGui::CalcTextSize(label, nullptr, true).x;
    const float room = ImGui::GetContentRegionAvail().x - (text > 0 ? ImGui::GetStyle().ItemInnerSpacing.x + text : 0.0f);
    return std::max(4.0f * ImGui::GetFontSize(), std::min(preferred, room));
}

}  // namespace actlab::app
