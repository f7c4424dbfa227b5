#include "app/panels/weight_editor.h"

#include "app/model/playground_model.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/typed_field.h"
#include "app/plot/text_format.h"
#include "app/ui_items.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace actlab::app {

namespace {

// The value of parameter `param` of the shown network (NaN when there is no such parameter).
double shown_param(const PlaygroundState& p, int param) {
    const Eigen::VectorXd& params = p.network.network.params();
    return param >= 0 && param < params.size() ? params[param] : NAN;
}

}  // namespace

// A weight or bias chosen in the diagram: its value to type, the way out, and what it is.
void draw_weight_editor(PlaygroundState& p) {
    WeightEditor& e = p.editor;
    if (!std::isfinite(shown_param(p, e.param))) e.param = -1;  // a new network: the choice is gone
    const float fs = ImGui::GetFontSize();
    const bool running = playground_running(p);
    if (e.param < 0) {
        ImGui::AlignTextToFramePadding();
        if (!e.message.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
            ImGui::TextUnformatted(e.message.c_str());
            ImGui::PopStyleColor();
        } else {
            ImGui::TextDisabled(running ? "Pause (Space) to set a weight or a bias by hand."
                                        : "Click a link or a bias square to set it by hand.");
        }
        return;
    }
    double value = shown_param(p, e.param);
    ImGui::SetNextItemWidth(7 * fs);
    ImGui::BeginDisabled(running);
    if (typed_double("##weight", &value, "%.6g", &e.message, [](double v) {
            return std::fabs(v) <= kMaxHandWeight ? std::string()
                                                  : "A weight set by hand must be within ±" + plot::format_significant(kMaxHandWeight) +
                                                        "; it keeps its value.";
        }))
        request_weight(p, e.param, value);
    ImGui::EndDisabled();
    record_item("weight");
    item_tip("Type a value, or drag the link or bias square sideways (Shift: finer)");
    ImGui::SameLine();
    if (ImGui::SmallButton("Done")) e.param = -1;
    ImGui::SameLine();
    // what it is, or why a typed value was refused, cut at the column's edge (whole in the tooltip)
    const std::string what = e.message.empty() ? describe_parameter(p.network, e.param) : e.message;
    ImGui::PushStyleColor(ImGuiCol_Text, e.message.empty() ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : IM_COL32(190, 30, 30, 255));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float room = ImGui::GetContentRegionAvail().x;
    ImGui::PushClipRect(at, ImVec2(at.x + room, at.y + ImGui::GetFrameHeight()), true);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(what.c_str());
    ImGui::PopClipRect();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered() && ImGui::CalcTextSize(what.c_str()).x > room) ImGui::SetTooltip("%s", what.c_str());
}

void follow_diagram(PlaygroundState& p, const DiagramHit& hit) {
    WeightEditor& e = p.editor;
    p.hover_layer = hit.layer;
    p.hover_unit = hit.unit;
    const float fs = ImGui::GetFontSize();
    if (hit.clicked && hit.param >= 0) {
        if (playground_running(p)) {
            e.message = "Pause (Space) to set a weight or a bias by hand.";
        } else {
            e.param = hit.param;
            e.message.clear();
            e.dragging = true;
            e.drag_from = shown_param(p, hit.param);
            e.drag_x = ImGui::GetIO().MousePos.x;
        }
    }
    if (!e.dragging) return;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) || playground_running(p)) {
        e.dragging = false;
        return;
    }
    // four font widths sideways change it by 1 (Shift: by 0.1)
    const float dx = ImGui::GetIO().MousePos.x - e.drag_x;
    if (dx == 0.0f) return;
    const double step = ImGui::GetIO().KeyShift ? 0.1 : 1.0;
    const double value = std::clamp(e.drag_from + step * dx / (4.0 * fs), -kMaxHandWeight, kMaxHandWeight);
    if (value != shown_param(p, e.param)) request_weight(p, e.param, value);
}

}  // namespace actlab::app
