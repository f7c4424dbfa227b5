#include "app/panels/run_bar.h"

#include "app/figures/figure.h"
#include "app/model/playground_model.h"
#include "app/panels/lab_layout.h"
#include "app/panels/panel_widgets.h"
#include "app/plot/plot.h"
#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"
#include "app/ui_items.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

void draw_run_bar(PlaygroundState& p) {
    const float fs = ImGui::GetFontSize();
    const bool running = p.shown && p.shown->running;
    if (ImGui::Button(running ? "Pause (Space)" : "Play (Space)", ImVec2(8.5f * fs, 0)))
        request_run(p, RunRequest::PlayOrPause);
    same_line_or_wrap(button_width("Step (S)"));
    if (ImGui::Button("Step (S)")) request_run(p, RunRequest::Step);
    same_line_or_wrap(button_width("Reset (R)"));
    if (ImGui::Button("Reset (R)")) request_run(p, RunRequest::Reset);
    bool flat_out = p.view.speed == 0.0;
    same_line_or_wrap(checkbox_width("as fast as possible"));
    if (ImGui::Checkbox("as fast as possible", &flat_out)) p.view.speed = flat_out ? 0.0 : 30.0;
    if (!flat_out) {
        char rate[32];
        std::snprintf(rate, sizeof rate, p.view.speed == 1.0 ? "%.0f epoch/s" : "%.0f epochs/s", p.view.speed);
        same_line_or_wrap(8 * fs + ImGui::GetStyle().ItemSpacing.x + text_width(rate));
        ImGui::SetNextItemWidth(8 * fs);
        double speed = p.view.speed;
        const double lo = 1.0, hi = 1000.0;
        // the value beside the slider, where the handle never covers it
        if (ImGui::SliderScalar("##speed", ImGuiDataType_Double, &speed, &lo, &hi, "", ImGuiSliderFlags_Logarithmic)) {
            if (ImGui::IsItemActive()) speed = plot::snap_log(speed, lo, hi, ImGui::GetIO().KeyShift);  // 1, 2, 5, 10, …
            p.view.speed = std::clamp(std::round(speed), lo, hi);
        }
        item_tip("Epochs per second, from 1 to 1000 (Ctrl+click to type)");
        ImGui::SameLine();
        ImGui::TextUnformatted(rate);
    }
    const core::Snapshot* s = p.shown.get();
    if (running) {  // how fast, as measured: the worker's epochs, the window's frames, the delay between
        char measured[160];
        std::snprintf(measured, sizeof measured, "%s epochs/s · %.0f frames/s · %.0f ms to screen",
                      plot::format_thousands(std::lround(s->epochs_per_second)).c_str(), p.frames_per_second, p.boundary_delay_ms);
        same_line_or_wrap(text_width(measured), 1.5f * fs);
        ImGui::TextDisabled("%s", measured);
    }
    const int epoch = s ? s->epoch : 0;
    ImFont* bold = plot::GetStyle().title_font;
    if (bold) ImGui::PushFont(bold);
    ImGui::Text("Epoch %s", plot::format_thousands(epoch).c_str());
    if (bold) ImGui::PopFont();
    if (s && !s->history.empty()) {
        const core::EpochRecord& r = s->history.back();  // the snapshot's own epoch, as on the loss curves
        const std::string loss = "Loss: train " + plot::format_significant(r.train_loss, 4) + ", test " +
                                 plot::format_significant(r.test_loss, 4);
        same_line_or_wrap(text_width(loss.c_str()), 1.5f * fs);
        ImGui::TextUnformatted(loss.c_str());
        if (p.data.classes > 0) {
            const std::string accuracy = "Accuracy: train " + plot::format_decimals(100 * r.train_accuracy, 1) +
                                         "\u00A0%, test " + plot::format_decimals(100 * r.test_accuracy, 1) + "\u00A0%";
            same_line_or_wrap(text_width(accuracy.c_str()), 1.5f * fs);
            ImGui::TextUnformatted(accuracy.c_str());
        }
    }
    if (s && !s->running && !s->stopped_at.empty()) {  // it paused by itself: say why
        const std::string why = "Paused: " + s->stopped_at + ".";
        same_line_or_wrap(text_width(why.c_str()), 1.5f * fs);
        ImGui::TextColored(ImVec4(0.1f, 0.35f, 0.6f, 1.0f), "%s", why.c_str());
    }
}

// Training stopped on a number that is no longer finite, or collapsed with every number finite: say
// what, where, and offer the way back (and, after a collapse, the way on).
void draw_stop_banner(PlaygroundState& p) {
    if (!p.shown) return;
    const bool diverged = p.shown->divergence.happened, collapsed = p.shown->collapse.happened();
    if (!diverged && !collapsed) return;
    const std::string message = diverged ? p.shown->divergence.message() : p.shown->collapse.message();
    const float fs = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(253, 226, 222, 255));
    const ImGuiStyle& style = ImGui::GetStyle();
    // as tall as its text wrapped to the banner's width (text_wrapped breaks at the same spaces)
    const float wrap = ImGui::GetContentRegionAvail().x - 2 * style.WindowPadding.x;
    const int lines = static_cast<int>(
        plot::wrap_text(message, wrap, [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; }).size());
    const float text = lines * ImGui::GetTextLineHeight();
    const float height = text + style.ItemSpacing.y + ImGui::GetFrameHeight() + 2 * style.WindowPadding.y + 2;
    ImGui::BeginChild("##stopped", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(160, 20, 20, 255));
    text_wrapped(message.c_str());
    ImGui::PopStyleColor();
    const int best = p.shown->best_epoch;
    const double rate = std::max(core::kMinLearningRate, p.view.config.optimizer.learning_rate / 10);
    const std::string back = "Back to epoch " + plot::format_thousands(best);
    const std::string slower = back + " with learning rate " + plot::format_significant(rate);
    if (ImGui::Button(slower.c_str())) {
        p.view.config.optimizer.learning_rate = rate;  // the model step gives the trainer the rate first
        request_run(p, RunRequest::BackToBest);
    }
    record_item(slower.c_str());
    ImGui::SameLine();
    if (ImGui::Button(back.c_str())) request_run(p, RunRequest::BackToBest);
    record_item(back.c_str());
    if (collapsed) {
        ImGui::SameLine();
        if (ImGui::Button("Carry on anyway (Space)")) request_run(p, RunRequest::Play);
    }
    ImGui::SameLine();
    if (ImGui::Button("Start again (R)")) request_run(p, RunRequest::Reset);
    ImGui::SameLine(0, fs);
    ImGui::TextDisabled("epoch %s had the lowest training loss of the run", plot::format_thousands(best).c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace actlab::app
