#include "app/panels/race_panel.h"

#include "app/app_state.h"
#include "app/figures/activation_figure.h"
#include "app/figures/figure.h"
#include "app/figures/loss_figure.h"
#include "app/panels/export_controls.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/typed_field.h"
#include "app/plot/plot_math.h"
#include "app/ui_items.h"
#include "app/panels/playground_controls.h"
#include "app/plot/text_format.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

constexpr ImU32 kErrorColor = IM_COL32(190, 30, 30, 255);

// One runner's activation: a colour swatch and a combo of the catalogue. True when it changed.
bool runner_combo(int index, int* activation) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushID(index);
    ImGui::ColorButton("##colour", ImGui::ColorConvertU32ToFloat4(series_look(index).color),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                       ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
    ImGui::SameLine(0, 0.3f * fs);
    const bool changed = activation_combo("##activation", activation, 8.5f * fs);
    ImGui::PopID();
    return changed;
}

void draw_controls(AppState& state) {
    RaceState& r = state.playground.race;
    const float fs = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Runners");
    int remove = -1;
    // a runner: its swatch and combo, and "×" when it can go
    const bool removable = static_cast<int>(r.activations.size()) > kMinRaceRunners;
    const float runner_w = ImGui::GetFrameHeight() + 0.3f * fs + 8.5f * fs + (removable ? 0.2f * fs + small_button_width("×") : 0.0f);
    for (int i = 0; i < static_cast<int>(r.activations.size()); ++i) {
        same_line_or_wrap(runner_w, i == 0 ? 0.8f * fs : 1.2f * fs);
        if (runner_combo(i, &r.activations[i])) r.message.clear();
        if (removable) {
            ImGui::SameLine(0, 0.2f * fs);
            ImGui::PushID(i);
            if (ImGui::SmallButton("×")) remove = i;
            item_tip("Remove this runner");
            ImGui::PopID();
        }
    }
    if (remove >= 0) r.activations.erase(r.activations.begin() + remove);
    if (static_cast<int>(r.activations.size()) < kMaxRaceRunners) {
        same_line_or_wrap(button_width("+ runner"), 1.2f * fs);
        if (ImGui::Button("+ runner")) {
            // the first catalogue entry not racing yet
            for (int a = 0; a < core::activation_count(); ++a)
                if (std::find(r.activations.begin(), r.activations.end(), a) == r.activations.end()) {
                    r.activations.push_back(a);
                    break;
                }
        }
    }

    ImGui::SetNextItemWidth(8 * fs);
    typed_int("epochs", &r.epochs, 1, kMaxRaceEpochs, &r.typed_message);
    item_tip("The race's length: every runner stops there (1 to %d)", kMaxRaceEpochs);
    same_line_or_wrap(7 * fs + ImGui::GetStyle().ItemInnerSpacing.x + text_width("target test loss"), 1.5f * fs);
    ImGui::SetNextItemWidth(7 * fs);
    typed_double("target test loss", &r.target_loss, "%g", &r.typed_message, [&](double target) {
        if (target > 0 && target <= 1e6) return std::string();
        return "The target test loss must be above 0 and at most 1e6; it stays " + plot::format_significant(r.target_loss) + ".";
    });
    item_tip("The table counts the epochs each runner took to reach it");
    same_line_or_wrap(checkbox_width("slow motion"), 1.5f * fs);
    ImGui::Checkbox("slow motion", &r.slow);
    item_tip("%.0f epochs a second, so the race can be watched (otherwise as fast as possible)",
                          kRaceSlowSpeed);
    same_line_or_wrap(button_width("Start race"), 1.5f * fs);
    if (ImGui::Button("Start race")) r.start_requested = true;
    record_item("Start race");
    item_tip("Trains the playground's network once per runner, from the same initial weights,\n"
             "every hidden layer with the runner's activation");
    if (!r.runners.empty()) {
        same_line_or_wrap(button_width("Resume"));
        if (r.running) {
            if (ImGui::Button("Pause")) r.pause_requested = true;
        } else {
            ImGui::BeginDisabled(!r.unfinished);
            if (ImGui::Button("Resume")) r.resume_requested = true;
            ImGui::EndDisabled();
        }
        same_line_or_wrap(export_controls_width(), 1.5f * fs);
        draw_export_controls(state, "race", [&r] { return race_panel_figure(r); });
    }

    // the playground's settings must suit a race: say why not, in red, before anyone presses Start
    for (const std::string* text : {&r.typed_message, &r.problem}) {
        if (text->empty()) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
        text_wrapped(text->c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace

void draw_race_panel(AppState& state, ImVec2 room) {
    RaceState& r = state.playground.race;
    r.painter.begin();
    const float top = ImGui::GetCursorPosY();
    draw_controls(state);
    if (r.runners.empty()) {
        hint("Press Start race to train the playground's network once per runner: the same initial weights, the "
             "same data and batches, only the hidden activation changed.");
        return;
    }
    std::vector<const HeatmapTexture*> textures;
    for (const RaceRunner& runner : r.runners) textures.push_back(runner.texture.get());
    ImGui::Spacing();
    // the rest of the room, but at least what the figure needs to stay readable (it then scrolls)
    const float height = std::max(std::floor(top + room.y - ImGui::GetCursorPosY()), race_figure_min_height());
    draw_race_figure(r.result, textures, &r.painter, ImVec2(ImGui::GetContentRegionAvail().x, height), 0, r.refit);
    r.refit = false;
}

Figure race_panel_figure(const RaceState& r) {
    int epoch = r.result.epochs;  // what every runner has done
    for (const RaceEntry& e : r.result.entries) epoch = std::min(epoch, e.history.empty() ? 0 : e.history.back().epoch);
    return race_export_figure(std::make_shared<const RaceResult>(r.result),
                              "race_" + r.data_name + "_" + std::to_string(epoch) + "epochs_seed" +
                                  std::to_string(r.config.seed));
}

}  // namespace actlab::app
