#include "app/panels/layers_view.h"

#include "app/figures/warp_figure.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"
#include "app/ui_items.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace actlab::app {

namespace {

// Play or pause, and the bar from the input plane to the last hidden layer's activation: dragged, the
// points follow the handle between stages; let go, the view settles on the nearest stage.
void draw_scrub(PlaygroundState& p, const WarpPicture& pic) {
    WarpState& w = p.warp;
    const float fs = ImGui::GetFontSize();
    const int last = static_cast<int>(pic.steps.size()) - 1;
    if (ImGui::SmallButton(w.playing ? "Pause##warp" : "Play##warp")) {
        w.playing = !w.playing;
        w.scrubbing = false;
    }
    record_item("Layers: Play");
    item_tip("Step through every stage of every layer, from the input plane to the last hidden layer");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(6.0f * fs, std::min(16.0f * fs, ImGui::GetContentRegionAvail().x - 10.0f * fs)));
    double position = w.position;
    const double lo = 0.0, hi = std::max(1.0, static_cast<double>(last));
    if (last > 0 && ImGui::SliderScalar("##warp-step", ImGuiDataType_Double, &position, &lo, &hi, "")) {
        w.position = std::clamp(position, 0.0, static_cast<double>(last));
        w.playing = false;
    }
    record_item("Layers: stage");
    if (ImGui::IsItemActive()) w.scrubbing = true;
    if (ImGui::IsItemDeactivated() && w.scrubbing) {
        set_warp_step(&p.view.warp, static_cast<int>(std::lround(w.position)));
        w.scrubbing = false;
    }
    item_tip("Drag through the stages: each hidden layer's W·a, + b and f, one after another");
    ImGui::SameLine();
    const int nearest = std::clamp(static_cast<int>(std::lround(w.position)), 0, last);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d / %d", nearest, last);
}

// A layer of 3 or more units: seen through its principal components, the plane its output reads (the
// last hidden layer), or two of its units; automatically, the last of these for the last hidden layer
// and principal components for the others.
void draw_plane(PlaygroundState& p, const WarpPicture& pic) {
    const int step = pic.shown_step;
    if (step <= 0) return;
    const int layer = core::warp_step_layer(step);
    const int units = pic.units[static_cast<size_t>(layer)];
    if (units < 3) return;
    const bool last = layer + 1 == static_cast<int>(pic.units.size());
    const float fs = ImGui::GetFontSize();
    WarpView& view = p.view.warp;
    using Kind = core::WarpProjection::Kind;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Layer %d seen through", layer + 1);
    // the choices this layer has, in order
    struct Choice {
        const char* label;
        bool automatic;
        Kind kind;
    };
    std::vector<Choice> choices = {{last ? "the plane its output reads (auto)" : "its principal components (auto)", true, Kind::Pca}};
    if (last) choices.push_back({"its principal components", false, Kind::Pca});
    choices.push_back({"two of its units", false, Kind::Units});
    int current = 0;
    for (size_t c = 1; c < choices.size(); ++c)
        if (!view.automatic && view.projection.kind == choices[c].kind) current = static_cast<int>(c);
    float widest = 0.0f;
    for (const Choice& c : choices) widest = std::max(widest, ImGui::CalcTextSize(c.label).x);
    const float combo_w = widest + 2.0f * ImGui::GetStyle().FramePadding.x + ImGui::GetFrameHeight();
    same_line_or_wrap(std::min(combo_w, 8.0f * fs), ImGui::GetStyle().ItemSpacing.x);
    ImGui::SetNextItemWidth(std::min(combo_w, std::max(8.0f * fs, ImGui::GetContentRegionAvail().x)));
    if (ImGui::BeginCombo("##plane", choices[static_cast<size_t>(current)].label)) {
        for (size_t c = 0; c < choices.size(); ++c)
            if (ImGui::Selectable(choices[c].label, static_cast<int>(c) == current)) {
                view.automatic = choices[c].automatic;
                view.projection.kind = choices[c].kind;
                if (view.projection.i >= units || view.projection.j >= units || view.projection.i == view.projection.j)
                    view.projection.i = 0, view.projection.j = 1;
            }
        ImGui::EndCombo();
    }
    record_item("Layers: plane");
    item_tip("Principal components: the two directions along which the training points spread most.\n"
             "The plane the output reads (last hidden layer): the directions the output's decision depends on,\n"
             "so every point lies on the side of the line the network puts it.\n"
             "Two units: the layer's own coordinates, as the network diagram shows them.");
    if (view.automatic || view.projection.kind != Kind::Units) return;
    core::WarpProjection& projection = view.projection;
    for (int k = 0; k < 2; ++k) {
        int& unit = k == 0 ? projection.i : projection.j;
        int shown = unit + 1;
        same_line_or_wrap(6.5f * fs);
        ImGui::SetNextItemWidth(6.0f * fs);
        ImGui::PushID(k);
        if (ImGui::InputInt("##unit", &shown)) {
            const int other = k == 0 ? projection.j : projection.i;
            int next = std::clamp(shown, 1, units) - 1;
            // stepping onto the other axis's unit goes past it
            if (next == other) next = std::clamp(next + (shown - 1 > unit ? 1 : -1), 0, units - 1);
            if (next != other) unit = next;
        }
        ImGui::PopID();
        record_item(k == 0 ? "Layers: unit u" : "Layers: unit v");
        item_tip(k == 0 ? "The unit across (u)" : "The unit up (v)");
    }
}

}  // namespace

float layers_view_min_height(const PlaygroundState& p, float width) {
    // the buttons, the scrub and the plane's rows, then the figure
    const float rows = 3.0f * ImGui::GetFrameHeightWithSpacing();
    if (!p.warp.picture) return rows + 20.0f * ImGui::GetFontSize();
    return rows + warp_figure_min_height(*p.warp.picture, width);
}

void draw_layers_view(PlaygroundState& p, ImVec2 size) {
    const float top = ImGui::GetCursorPosY();
    const std::shared_ptr<const WarpPicture> pic = p.warp.picture;
    if (!pic || pic->steps.empty()) {
        hint("Carrying the plane through the network…");
        return;
    }
    if (pic->units.empty()) {
        hint("The network has no hidden layer: its output is one linear map of the inputs, and nothing bends the plane.");
        return;
    }
    draw_scrub(p, *pic);
    draw_plane(p, *pic);
    const float used = ImGui::GetCursorPosY() - top;
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 room(width, std::max(size.y - used, warp_figure_min_height(*pic, width)));
    draw_warp_figure(*pic, p.warp.position, room, p.view.show_test);
}

}  // namespace actlab::app
