#include "app/panels/playground_panel.h"

#include "app/figures/loss_figure.h"
#include "app/panels/export_controls.h"
#include "app/panels/panel_widgets.h"
#include "app/plot/plot.h"
#include "core/csv.h"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

using Clock = std::chrono::steady_clock;

// Grid points per side of the boundary and the neuron maps on screen: the GPU interpolates between
// them, so the contour stays smooth (the export uses 256).
constexpr int kScreenGridPoints = 128;

// Playground's learning rates, and the rates of its regularisation.
constexpr double kLearningRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
constexpr double kRegRates[] = {0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};

struct OutputPair {
    core::Output output;
    core::LossKind loss;
    const char* label;
};
constexpr OutputPair kOutputPairs[] = {
    {core::Output::Tanh, core::LossKind::Mse, "tanh, squared error (Playground)"},
    {core::Output::Sigmoid, core::LossKind::Bce, "sigmoid, binary cross-entropy"},
    {core::Output::Softmax, core::LossKind::Ce, "softmax, cross-entropy"},
    {core::Output::Identity, core::LossKind::Mse, "identity, squared error (regression)"},
};

std::string data_name(const PlaygroundState& p) {
    if (p.view.data_file.empty()) return core::dataset_info(p.view.config.data.kind).id;
    const size_t slash = p.view.data_file.find_last_of('/');
    return slash == std::string::npos ? p.view.data_file : p.view.data_file.substr(slash + 1);
}

// The output/loss pair that suits the data best, when the current one does not suit it at all.
[[maybe_unused]] void suit_output_to_data(core::TrainConfig& c, const core::Dataset& data) {
    std::string why;
    if (core::check_train_config(c, data, &why)) return;
    if (data.classes == 0) {
        c.output = core::Output::Identity;
    } else if (data.classes > 2) {
        c.output = core::Output::Softmax;
    } else {
        c.output = core::Output::Tanh;
    }
    c.loss = core::matching_loss(c.output);
}

// Starts the run again from the view, when the data or the network changed. A view the data cannot
// train (say softmax on a regression) is refused with a message and the run before it carries on.
void sync_run(PlaygroundState& p) {
    if (!p.trainer) p.trainer = std::make_unique<core::Trainer>();
    if (p.data_dirty) {
        if (p.view.data_file.empty()) p.data = core::make_dataset(p.view.config.data);
        p.data_name = data_name(p);
        p.data_dirty = false;
        p.needs_reset = true;
    }
    if (!p.needs_reset) return;
    p.needs_reset = false;
    std::string why;
    if (!core::check_train_config(p.view.config, p.data, &why)) {
        p.message = why;
        return;
    }
    const bool was_running = p.shown && p.shown->running;
    p.trainer->reset(p.view.config, p.data);
    p.trainer->set_speed(p.view.speed);
    if (was_running) p.trainer->play();
    p.shown_serial = -1;
}

// Rebuilds the pictures from the newest snapshot: the grid (output and every unit), the fields, and
// their textures. Only when there is a new snapshot or a display option changed.
void update_pictures(PlaygroundState& p) {
    const std::shared_ptr<const core::Snapshot> snap = p.trainer->snapshot();
    if (snap->serial == p.shown_serial && !p.pictures_dirty) return;
    if (snap->network.layer_count() == 0) return;  // the first reset is on its way
    p.shown = snap;
    p.shown_serial = snap->serial;
    p.pictures_dirty = false;
    const core::TrainConfig& c = p.view.config;
    BoundaryPicture& b = p.boundary;
    const core::EpochRecord* last = snap->history.empty() ? nullptr : &snap->history.back();
    make_boundary_picture(c, p.data, p.data_name, snap->network, last, kScreenGridPoints, &b, &p.grid);
    b.show_test = p.view.show_test;
    b.discrete = p.view.discrete;
    // make_boundary_picture computes the output only; the network diagram needs every unit too
    core::decision_grid(snap->network, c.output, c.features, b.spec, true, &p.grid);
    core::neurons_field(p.grid, &p.neurons);
    core::features_field(c.features, b.spec, &p.inputs);
    if (!p.boundary_texture) p.boundary_texture = std::make_unique<HeatmapTexture>();
    if (!p.neuron_texture) p.neuron_texture = std::make_unique<HeatmapTexture>();
    if (!p.input_texture) p.input_texture = std::make_unique<HeatmapTexture>();
    p.boundary_texture->upload(b.field);
    if (p.neurons.layers > 0) p.neuron_texture->upload(p.neurons);
    p.input_texture->upload(p.inputs);
    p.curves.history = snap->history;
    p.curves.divergence = snap->divergence;
    p.curves.classification = p.data.classes > 0;
    p.curves.subtitle = describe_training(c, p.data, p.data_name);
    p.presented_pending = true;
}

std::string thousands(long v) {
    std::string s = std::to_string(v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
}

// ▶ / ❚❚, step, reset, speed, and the run's numbers.
void draw_run_bar(PlaygroundState& p) {
    const float fs = ImGui::GetFontSize();
    const bool running = p.shown && p.shown->running;
    if (ImGui::Button(running ? "Pause (Space)" : "Play (Space)", ImVec2(8.5f * fs, 0)))
        running ? p.trainer->pause() : p.trainer->play();
    ImGui::SameLine();
    if (ImGui::Button("Step (S)")) p.trainer->step();
    ImGui::SameLine();
    if (ImGui::Button("Reset (R)")) p.needs_reset = true;
    ImGui::SameLine();
    bool flat_out = p.view.speed == 0.0;
    if (ImGui::Checkbox("as fast as possible", &flat_out)) {
        p.view.speed = flat_out ? 0.0 : 30.0;
        p.trainer->set_speed(p.view.speed);
    }
    if (!flat_out) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(10 * fs);
        double speed = p.view.speed;
        if (value_slider("##speed", &speed, 1.0, 1000.0, "%.0f epochs/s", ImGuiSliderFlags_Logarithmic)) {
            p.view.speed = std::clamp(speed, 1.0, 1000.0);
            p.trainer->set_speed(p.view.speed);
        }
    }
    ImGui::SameLine(0, 2 * fs);
    const core::Snapshot* s = p.shown.get();
    const int epoch = s ? s->epoch : 0;
    ImGui::Text("Epoch %s", thousands(epoch).c_str());
    if (s && !s->history.empty()) {
        const core::EpochRecord& r = s->history.back();
        ImGui::SameLine(0, 1.5f * fs);
        if (p.data.classes > 0)
            ImGui::Text("loss: train %.4f, test %.4f   accuracy: train %.1f %%, test %.1f %%", r.train_loss, r.test_loss,
                        100 * r.train_accuracy, 100 * r.test_accuracy);
        else
            ImGui::Text("loss: train %.4f, test %.4f", r.train_loss, r.test_loss);
    }
    if (running) {
        ImGui::SameLine(0, 1.5f * fs);
        ImGui::TextDisabled("%s epochs/s · %.0f frames/s · boundary %.1f ms behind", thousands(std::lround(s->epochs_per_second)).c_str(),
                            p.frames_per_second, p.boundary_delay_ms);
    }
}

// Training stopped on a number that is no longer finite: say what, where, and offer the way back.
void draw_divergence_banner(PlaygroundState& p) {
    if (!p.shown || !p.shown->divergence.happened) return;
    const float fs = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(253, 226, 222, 255));
    ImGui::BeginChild("##diverged", ImVec2(0, 2.6f * ImGui::GetFrameHeightWithSpacing()), true);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(160, 20, 20, 255));
    ImGui::TextWrapped("Training blew up. %s", p.shown->divergence.message().c_str());
    ImGui::PopStyleColor();
    char lower[80];
    std::snprintf(lower, sizeof lower, "Back to the last good weights, learning rate %g", p.view.config.optimizer.learning_rate / 10);
    if (ImGui::Button("Back to the last good weights")) p.trainer->clear_divergence();
    ImGui::SameLine();
    if (ImGui::Button(lower)) {
        p.view.config.optimizer.learning_rate = std::max(core::kMinLearningRate, p.view.config.optimizer.learning_rate / 10);
        p.trainer->set_optimizer(p.view.config.optimizer);
        p.trainer->clear_divergence();
    }
    ImGui::SameLine(0, fs);
    ImGui::TextDisabled("(the weights from before the step that overflowed)");
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

void draw_playground_panel(AppState& state) {
    PlaygroundState& p = state.playground;
    p.painter.begin();
    sync_run(p);
    update_pictures(p);
    draw_run_bar(p);
    draw_divergence_banner(p);
    if (!p.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        ImGui::TextWrapped("%s", p.message.c_str());
        ImGui::PopStyleColor();
    }
    if (!p.boundary_texture) return;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float side = std::min(avail.x * 0.5f, avail.y);
    ImGui::BeginChild("##boundary", ImVec2(side, avail.y));
    draw_export_controls(state, "boundary", [&state] { return playground_figure(state); });
    draw_boundary_plot(p.boundary, *p.boundary_texture, &p.painter, ImGui::GetContentRegionAvail(), 0);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##loss", ImVec2(0, avail.y));
    draw_loss_figure(p.curves, ImGui::GetContentRegionAvail(), p.view.log_loss, 0);
    ImGui::EndChild();
}

Figure playground_figure(const AppState& state) {
    const PlaygroundState& p = state.playground;
    auto picture = std::make_shared<const BoundaryPicture>(p.boundary);
    auto grid = std::make_shared<const core::DecisionGrid>(p.grid);
    const int epoch = p.shown ? p.shown->epoch : 0;
    return boundary_export_figure(picture, grid, "boundary_" + p.data_name + "_epoch" + std::to_string(epoch) +
                                                     "_seed" + std::to_string(p.view.config.seed));
}

bool playground_animating(const AppState& state) {
    const PlaygroundState& p = state.playground;
    return p.trainer && (p.trainer->snapshot()->running || p.trainer->snapshot()->serial != p.shown_serial);
}

void playground_key(AppState& state, int key) {
    PlaygroundState& p = state.playground;
    if (!p.trainer) return;
    const bool running = p.trainer->snapshot()->running;
    if (key == GLFW_KEY_SPACE) running ? p.trainer->pause() : p.trainer->play();
    if (key == GLFW_KEY_S) p.trainer->step();
    if (key == GLFW_KEY_R) p.needs_reset = true;
}

void playground_frame_presented(AppState& state) {
    PlaygroundState& p = state.playground;
    const Clock::time_point now = Clock::now();
    if (p.last_present != Clock::time_point{}) {
        const double dt = std::chrono::duration<double>(now - p.last_present).count();
        if (dt > 0) p.frames_per_second = p.frames_per_second > 0 ? 0.9 * p.frames_per_second + 0.1 / dt : 1.0 / dt;
    }
    p.last_present = now;
    if (p.presented_pending && p.shown) {
        const double ms = std::chrono::duration<double, std::milli>(now - p.shown->published).count();
        p.boundary_delay_ms = p.boundary_delay_ms > 0 ? 0.9 * p.boundary_delay_ms + 0.1 * ms : ms;
        p.presented_pending = false;
    }
}

void release_playground_gl(AppState& state) {
    PlaygroundState& p = state.playground;
    p.boundary_texture.reset();
    p.neuron_texture.reset();
    p.input_texture.reset();
}

}  // namespace actlab::app
