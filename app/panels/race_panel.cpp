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
#include "app/recording.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

constexpr ImU32 kErrorColor = IM_COL32(190, 30, 30, 255);

// The widths a runner can have of its own, besides the playground's.
constexpr int kRunnerWidths[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 24, 32, 48, 64};

float runner_width() {
    const float fs = ImGui::GetFontSize();
    return ImGui::GetFrameHeight() + 0.3f * fs + 8.5f * fs + 0.2f * fs + 5.5f * fs;
}

// One runner: a colour swatch, a combo of the catalogue and the gated variants, and its width (the
// playground's, or its own). True when it changed.
bool runner_combo(int index, RunnerKind* kind) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushID(index);
    ImGui::ColorButton("##colour", ImGui::ColorConvertU32ToFloat4(series_look(index).color),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                       ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
    ImGui::SameLine(0, 0.3f * fs);
    core::HiddenLayer layer = core::hidden_layer(1, kind->activation, kind->gated);
    bool changed = hidden_layer_combo("##activation", &layer, 8.5f * fs);
    if (changed) {
        kind->activation = layer.activation;
        kind->gated = layer.gated;
    }
    ImGui::SameLine(0, 0.2f * fs);
    ImGui::SetNextItemWidth(5.5f * fs);
    const std::string preview = kind->units > 0 ? std::to_string(kind->units) + (kind->units == 1 ? " unit" : " units")
                                                : std::string("as set");
    if (ImGui::BeginCombo("##units", preview.c_str())) {
        if (ImGui::Selectable("as set", kind->units == 0)) kind->units = 0, changed = true;
        item_tip("The playground's units in every hidden layer");
        for (int w : kRunnerWidths) {
            const std::string label = std::to_string(w) + (w == 1 ? " unit" : " units");
            if (ImGui::Selectable(label.c_str(), kind->units == w)) kind->units = w, changed = true;
        }
        ImGui::EndCombo();
    } else {
        record_item("##units");
    }
    item_tip("Units in every hidden layer: the playground's (as set), or this runner's own. At about equal "
             "parameters a gated layer has about two thirds of the units.");
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
    const bool removable = static_cast<int>(r.kinds.size()) > kMinRaceRunners;
    const float runner_w = runner_width() + (removable ? 0.2f * fs + small_button_width("×") : 0.0f);
    for (int i = 0; i < static_cast<int>(r.kinds.size()); ++i) {
        same_line_or_wrap(runner_w, i == 0 ? 0.8f * fs : 1.2f * fs);
        if (runner_combo(i, &r.kinds[i])) r.message.clear();
        if (removable) {
            ImGui::SameLine(0, 0.2f * fs);
            ImGui::PushID(i);
            if (ImGui::SmallButton("×")) remove = i;
            item_tip("Remove this runner");
            ImGui::PopID();
        }
    }
    if (remove >= 0) r.kinds.erase(r.kinds.begin() + remove);
    if (static_cast<int>(r.kinds.size()) < kMaxRaceRunners) {
        same_line_or_wrap(button_width("+ runner"), 1.2f * fs);
        if (ImGui::Button("+ runner")) {
            // the first catalogue entry not racing yet
            for (int a = 0; a < core::activation_count(); ++a)
                if (std::find(r.kinds.begin(), r.kinds.end(), RunnerKind{a}) == r.kinds.end()) {
                    r.kinds.push_back(RunnerKind{a});
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
    same_line_or_wrap(checkbox_width("slow motion") + (r.slow ? 6.5f * fs + text_width("epochs/s") : 0.0f), 1.5f * fs);
    ImGui::Checkbox("slow motion", &r.slow);
    item_tip("A few epochs a second, so the race can be watched (otherwise as fast as possible)");
    if (r.slow) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(5.5f * fs);
        value_slider_int("epochs/s", &r.slow_speed, kRaceMinSlowSpeed, kRaceMaxSlowSpeed, "%d", ImGuiSliderFlags_AlwaysClamp);
        item_tip("Epochs a second in slow motion, %d to %d", kRaceMinSlowSpeed, kRaceMaxSlowSpeed);
    }
    same_line_or_wrap(button_width("Start race"), 1.5f * fs);
    if (ImGui::Button("Start race")) r.start_requested = true;
    record_item("Start race");
    item_tip("Trains the playground's network once per runner, every hidden layer with the runner's activation\n"
             "(and its width, when it has its own); runners of one shape start from the same initial weights");
    same_line_or_wrap(recording_state_width("Record GIF"), 1.5f * fs);
    if (!draw_recording_progress(state, "race")) {
        ImGui::BeginDisabled(!r.problem.empty() || recording_busy(state));
        if (ImGui::Button("Record GIF##race")) record_race(state);
        ImGui::EndDisabled();
        record_item("Record GIF (race)");
        item_tip("Writes the race as set up here as an animated GIF into the export folder: every runner trained\n"
                 "again headless for the race's epochs, 60 frames at 15 a second (a training of its own, beside this one)");
    }
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
