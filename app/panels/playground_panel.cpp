#include "app/panels/playground_panel.h"

#include "app/figures/loss_figure.h"
#include "app/panels/export_controls.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/playground_controls.h"
#include "app/panels/race_panel.h"
#include "app/plot/plot.h"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>

namespace actlab::app {

namespace {

using Clock = std::chrono::steady_clock;

// Grid points per side of the boundary and the neuron maps on screen: the GPU interpolates between
// them, so the contour stays smooth (the export uses 256).
constexpr int kScreenGridPoints = 128;
constexpr int kExportGridPoints = 256;

// "mine.csv" → "mine": a data name as part of a file name.
std::string file_stem(const std::string& name) {
    const size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// Starts the run again from the view, when the data or the network changed. A view the data cannot
// train (say softmax on a regression) is refused with a message and the run before it carries on.
void sync_run(PlaygroundState& p) {
    if (!p.trainer) p.trainer = std::make_unique<core::Trainer>();
    if (p.data_dirty) {
        if (p.view.data_file.empty()) p.data = core::make_dataset(p.view.config.data);
        p.data_name = playground_data_name(p);
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

std::string thousands(long v) {
    std::string s = std::to_string(v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
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
    make_boundary_picture(c, p.data, p.data_name, snap->network, last, kScreenGridPoints, &b, &p.grid, true);
    b.show_test = p.view.show_test;
    b.discrete = p.view.discrete;
    // the run bar says what is trained: the plot's title can be short
    b.title = (p.data.classes > 0 ? "Decision boundary at epoch " : "Network output at epoch ") + thousands(snap->epoch);
    NetworkPicture& net = p.network;
    // the inputs' maps depend only on the features and the frame, not on the weights
    const bool inputs_changed = net.inputs.layers == 0 || net.config.features != c.features || net.spec.n != b.spec.n ||
                                net.spec.x_min != b.spec.x_min || net.spec.x_max != b.spec.x_max ||
                                net.spec.y_min != b.spec.y_min || net.spec.y_max != b.spec.y_max;
    net.network = snap->network;
    net.config = c;
    net.dead_mask = snap->dead_mask;
    net.spec = b.spec;
    core::neurons_field(p.grid, &net.neurons);
    if (inputs_changed) core::features_field(c.features, b.spec, &net.inputs);
    net.output = b.field;
    net.classes = p.data.classes;
    net.title = "Network at epoch " + thousands(snap->epoch);
    if (!p.boundary_texture) p.boundary_texture = std::make_unique<HeatmapTexture>();
    if (!p.neuron_texture) p.neuron_texture = std::make_unique<HeatmapTexture>();
    if (!p.input_texture) p.input_texture = std::make_unique<HeatmapTexture>();
    p.boundary_texture->upload(b.field);
    if (net.neurons.layers > 0) p.neuron_texture->upload(net.neurons);
    if (inputs_changed || p.input_texture->empty()) p.input_texture->upload(net.inputs);
    p.curves.history = snap->history;
    p.curves.divergence = snap->divergence;
    p.curves.classification = p.data.classes > 0;
    p.curves.subtitle.clear();
    p.presented_pending = true;
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
        ImGui::SetNextItemWidth(8 * fs);
        double speed = p.view.speed;
        const double lo = 1.0, hi = 1000.0;
        // the value beside the slider, where the handle never covers it
        if (ImGui::SliderScalar("##speed", ImGuiDataType_Double, &speed, &lo, &hi, "", ImGuiSliderFlags_Logarithmic)) {
            p.view.speed = std::clamp(std::round(speed), lo, hi);
            p.trainer->set_speed(p.view.speed);
        }
        item_tip("Epochs per second, from 1 to 1000 (Ctrl+click to type)");
        ImGui::SameLine();
        ImGui::Text(p.view.speed == 1.0 ? "%.0f epoch/s" : "%.0f epochs/s", p.view.speed);
    }
    const core::Snapshot* s = p.shown.get();
    if (running) {  // how fast, as measured: the worker's epochs, the window's frames, the delay between
        ImGui::SameLine(0, 1.5f * fs);
        ImGui::TextDisabled("%s epochs/s · %.0f frames/s · %.0f ms to screen",
                            thousands(std::lround(s->epochs_per_second)).c_str(), p.frames_per_second,
                            p.boundary_delay_ms);
    }
    const int epoch = s ? s->epoch : 0;
    ImFont* bold = plot::GetStyle().title_font;
    if (bold) ImGui::PushFont(bold);
    ImGui::Text("Epoch %s", thousands(epoch).c_str());
    if (bold) ImGui::PopFont();
    if (s && !s->history.empty()) {
        const core::EpochRecord& r = s->history.back();
        ImGui::SameLine(0, 1.5f * fs);
        if (p.data.classes > 0)
            ImGui::Text("Loss: train %.4g, test %.4g    Accuracy: train %.1f %%, test %.1f %%", r.train_loss, r.test_loss,
                        100 * r.train_accuracy, 100 * r.test_accuracy);
        else
            ImGui::Text("Loss: train %.4g, test %.4g", r.train_loss, r.test_loss);
    }
}

// Training stopped on a number that is no longer finite: say what, where, and offer the way back.
void draw_divergence_banner(PlaygroundState& p) {
    if (!p.shown || !p.shown->divergence.happened) return;
    const float fs = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(253, 226, 222, 255));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = ImGui::GetContentRegionAvail().x - 2 * style.WindowPadding.x;
    const float text = ImGui::CalcTextSize(p.shown->divergence.message().c_str(), nullptr, false, wrap).y;
    const float height = text + style.ItemSpacing.y + ImGui::GetFrameHeight() + 2 * style.WindowPadding.y + 2;
    ImGui::BeginChild("##diverged", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(160, 20, 20, 255));
    ImGui::TextWrapped("%s", p.shown->divergence.message().c_str());
    ImGui::PopStyleColor();
    const int best = p.shown->best_epoch;
    const double rate = std::max(core::kMinLearningRate, p.view.config.optimizer.learning_rate / 10);
    char back[80], slower[120];
    std::snprintf(back, sizeof back, "Back to epoch %d", best);
    std::snprintf(slower, sizeof slower, "Back to epoch %d with learning rate %g", best, rate);
    if (ImGui::Button(slower)) {
        p.view.config.optimizer.learning_rate = rate;
        p.trainer->set_optimizer(p.view.config.optimizer);
        p.trainer->clear_divergence();
    }
    ImGui::SameLine();
    if (ImGui::Button(back)) p.trainer->clear_divergence();
    ImGui::SameLine();
    if (ImGui::Button("Start again (R)")) p.needs_reset = true;
    ImGui::SameLine(0, fs);
    ImGui::TextDisabled("epoch %d had the lowest training loss of the run", best);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// "Boundary: PNG CSV": a plot's exports on one short line (the size and scale are under Settings…
// of any other lab, and apply to all).
void export_buttons(AppState& state, const char* what, const std::function<Figure()>& figure) {
    ImGui::PushID(what);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s:", what);
    ImGui::SameLine();
    if (ImGui::SmallButton("PNG")) request_export(state, ExportFormat::Png, figure());
    item_tip("Export the plot as PNG, drawn again at the export size");
    ImGui::SameLine();
    if (ImGui::SmallButton("CSV")) request_export(state, ExportFormat::Csv, figure());
    item_tip("Export the plotted values as CSV");
    ImGui::PopID();
}

// A bullet whose text wraps at the panel's edge (ImGui's BulletText does not wrap).
void bullet_text(const char* text) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", text);
}

void draw_explanation() {
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextWrapped(
        "The network sees each point only through the input features you tick. It sends them through the hidden "
        "layers, each unit a weighted sum of the layer before it passed through the layer's activation, and "
        "ends in one output (or one per class). Training nudges every weight a little after each batch, in the "
        "direction that lowers the loss on that batch.");
    ImGui::Spacing();
    ImGui::TextWrapped(
        "Reading the picture: the background is the network's answer at every point of the plane. Orange means "
        "class −1, blue class +1 (with three or more classes, the colour of the winning class); the stronger the "
        "colour, the surer the network. The dark line is the decision boundary, where the answer changes side. "
        "Points ringed in black are test points: the network never trains on them, so they show whether it has "
        "learnt the pattern or only the training points. In the network, each unit shows its own output over "
        "the same plane: the boundary is built from these pieces. Blue links add, orange links subtract; thicker "
        "means a larger weight.");
    ImGui::Spacing();
    ImGui::TextWrapped("Things to try:");
    bullet_text("Circle with only x₁ and x₂ and no hidden layer: one straight line cannot enclose a disc. Tick "
                      "x₁² and x₂², or add a hidden layer, and it can.");
    bullet_text("Spiral: it needs several layers of several units, or the sin features. Compare how long each "
                      "takes.");
    bullet_text("Plane, with the identity output, ReLU and a learning rate of 10: training blows up within a few "
                "epochs, and the banner says what overflowed and where. Go back to the best epoch with a smaller "
                "rate. (With tanh or sigmoid outputs a large rate rarely overflows; it stalls instead, often with "
                "dead ReLU units.)");
    bullet_text("ReLU with a large learning rate: some units die (their map turns flat and they are marked); "
                      "Leaky ReLU or ELU keep them alive.");
    bullet_text("Activation race: the same network from the same starting weights, only the activation "
                      "differs. Sigmoid is usually far behind: its slope is at most 1/4, so the gradient shrinks "
                      "at every layer.");
    bullet_text("Noise at 30 % with a big network and few training points: the training loss keeps falling "
                      "while the test loss turns up. L2 regularisation holds the weights back.");
    ImGui::PopTextWrapPos();
}

}  // namespace

namespace {
void draw_train_tab(AppState& state);
}  // namespace

void playground_step(AppState& state) {
    sync_run(state.playground);
    update_pictures(state.playground);
}

void draw_playground_panel(AppState& state) {
    PlaygroundState& p = state.playground;
    const float fs = ImGui::GetFontSize();
    p.painter.begin();
    playground_step(state);  // again, for changes made by keys this frame (a no-op otherwise)

    const bool plot_only = state.ui.plot_only;
    if (!plot_only) {
        ImGui::BeginChild("##playground-controls", ImVec2(fs * 17, 0), false);
        draw_playground_controls(p);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginChild("##playground-main", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
    draw_run_bar(p);
    draw_divergence_banner(p);
    if (!p.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        ImGui::TextWrapped("%s", p.message.c_str());
        ImGui::PopStyleColor();
    }
    if (!p.boundary_texture) {
        ImGui::EndChild();
        return;
    }
    if (ImGui::BeginTabBar("##playground-tabs")) {
        if (tab_item("Train")) {
            p.race_shown = false;
            draw_train_tab(state);
            ImGui::EndTabItem();
        }
        if (tab_item("Activation race")) {
            p.race_shown = true;
            draw_race_panel(state);
            ImGui::EndTabItem();
        }
        if (tab_item("What this shows")) {
            ImGui::BeginChild("##explanation");
            draw_explanation();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
}

namespace {

void draw_train_tab(AppState& state) {
    PlaygroundState& p = state.playground;
    const float fs = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // the boundary square on the right, the loss curves under it; the rest for the network
    const float column = std::min(avail.x * 0.5f, avail.y * 0.62f + 4.0f * fs);
    const float left = avail.x - column - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginChild("##network-column", ImVec2(left, avail.y), false, ImGuiWindowFlags_NoScrollWithMouse);
    export_buttons(state, "Network", [&p] {
        const int epoch = p.shown ? p.shown->epoch : 0;
        return network_export_figure(std::make_shared<const NetworkPicture>(p.network),
                                     "network_" + file_stem(p.data_name) + "_epoch" + std::to_string(epoch) + "_seed" +
                                         std::to_string(p.view.config.seed));
    });
    draw_network_diagram(p.network, *p.input_texture, *p.neuron_texture, *p.boundary_texture, &p.painter,
                         ImGui::GetContentRegionAvail(), true);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##boundary-column", ImVec2(column, avail.y), false, ImGuiWindowFlags_NoScrollWithMouse);
    const float boundary_height = std::min(column + 2.0f * fs, avail.y * 0.64f);
    draw_boundary_plot(p.boundary, *p.boundary_texture, &p.painter, ImVec2(column, boundary_height), 0);
    export_buttons(state, "Boundary", [&state] { return playground_figure(state); });
    ImGui::SameLine(0, 1.5f * fs);
    export_buttons(state, "Loss", [&p] {
        const int epoch = p.shown ? p.shown->epoch : 0;
        return loss_export_figure(p.curves, "loss_" + file_stem(p.data_name) + "_epoch" + std::to_string(epoch) + "_seed" +
                                                std::to_string(p.view.config.seed));
    });
    draw_loss_figure(p.curves, ImGui::GetContentRegionAvail(), p.view.log_loss, 0, true, false);
    ImGui::EndChild();
}

}  // namespace

Figure playground_figure(const AppState& state) {
    const PlaygroundState& p = state.playground;
    if (p.race_shown && !p.race.runners.empty()) return race_panel_figure(p.race);
    // drawn again from the snapshot on the export's finer grid, with the full title
    auto picture = std::make_shared<BoundaryPicture>(p.boundary);
    auto grid = std::make_shared<core::DecisionGrid>();
    const bool snapshot = p.shown && p.shown->network.layer_count() > 0;
    // No snapshot yet: the lab came forward in this very frame (Ctrl+4 then Ctrl+E before the trainer's
    // first reset is back). The run starts from the network its seed makes: that is what is exported.
    std::string why;
    std::unique_ptr<core::Training> start;
    if (!snapshot && p.trainer && core::check_train_config(p.view.config, p.data, &why))
        start = std::make_unique<core::Training>(p.view.config, p.data);
    if (snapshot || start) {
        const core::EpochRecord* last = snapshot && !p.shown->history.empty() ? &p.shown->history.back() : nullptr;
        make_boundary_picture(p.view.config, p.data, p.data_name, snapshot ? p.shown->network : start->network(), last,
                              kExportGridPoints, picture.get(), grid.get());
        picture->show_test = p.view.show_test;
        picture->discrete = p.view.discrete;
    } else {
        *grid = p.grid;
    }
    const int epoch = p.shown ? p.shown->epoch : 0;
    return boundary_export_figure(picture, grid, "boundary_" + file_stem(p.data_name) + "_epoch" + std::to_string(epoch) +
                                                     "_seed" + std::to_string(p.view.config.seed));
}

bool playground_animating(const AppState& state) {
    const PlaygroundState& p = state.playground;
    return (p.trainer && (p.trainer->snapshot()->running || p.trainer->snapshot()->serial != p.shown_serial)) ||
           race_animating(p.race);
}

void playground_key(AppState& state, int key) {
    PlaygroundState& p = state.playground;
    if (!p.trainer) return;  // playground_step makes it before any key reaches the playground
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
    release_race_gl(p.race);
}

}  // namespace actlab::app
