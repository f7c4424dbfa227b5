#include "app/panels/playground_panel.h"

#include "app/figures/figure.h"
#include "app/figures/live_gradient_figure.h"
#include "app/figures/loss_figure.h"
#include "app/figures/units_figure.h"
#include "app/figures/warp_figure.h"
#include "app/model/lab_links.h"
#include "app/model/playground_model.h"
#include "app/panels/draw_tools.h"
#include "app/panels/export_controls.h"
#include "app/panels/lab_layout.h"
#include "app/panels/layers_view.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/playground_controls.h"
#include "app/panels/race_panel.h"
#include "app/panels/run_bar.h"
#include "app/panels/weight_editor.h"
#include "app/plot/plot.h"
#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"
#include "app/recording.h"
#include "app/ui_items.h"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>

namespace actlab::app {

namespace {

// Grid points per side of the exported boundary (the screen's is the model step's, coarser: the GPU
// interpolates between its points).
constexpr int kExportGridPoints = 256;

// "mine.csv" → "mine": a data name as part of a file name.
std::string file_stem(const std::string& name) {
    const size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// "Boundary: PNG CSV": a plot's exports on one short line (the size and scale are under Settings…
// of any other lab, and apply to all).
void export_buttons(AppState& state, const char* what, const std::function<Figure()>& figure) {
    ImGui::PushID(what);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s:", what);
    ImGui::SameLine();
    if (ImGui::SmallButton("PNG")) request_export(state, ExportFormat::Png, figure());
    record_item((std::string(what) + ": PNG").c_str());
    item_tip("Export the plot as PNG, drawn again at the export size");
    ImGui::SameLine();
    if (ImGui::SmallButton("CSV")) request_export(state, ExportFormat::Csv, figure());
    record_item((std::string(what) + ": CSV").c_str());
    item_tip("Export the plotted values as CSV");
    ImGui::PopID();
}

// A bullet whose text wraps at the panel's edge (ImGui's BulletText does not wrap).
void bullet_text(const char* text) {
    ImGui::Bullet();
    text_wrapped(text);
}

void draw_explanation() {
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    text_wrapped(
        "The network sees each point only through the input features you tick. It sends them through the hidden "
        "layers, each unit a weighted sum of the layer before it passed through the layer's activation, and "
        "ends in one output (or one per class). Training nudges every weight a little after each batch, in the "
        "direction that lowers the loss on that batch.");
    ImGui::Spacing();
    text_wrapped(
        "Reading the picture: the background is the network's answer at every point of the plane. Orange means "
        "class −1, blue class +1 (with three or more classes, the colour of the winning class); the stronger the "
        "colour, the surer the network. The dark line is the decision boundary, where the answer changes side. "
        "Points ringed in black are test points: the network never trains on them, so they show whether it has "
        "learnt the pattern or only the training points. In the network, each unit shows its own output over "
        "the same plane: the boundary is built from these pieces. Blue links add, orange links subtract; thicker "
        "means a larger weight.");
    ImGui::Spacing();
    text_wrapped("Things to try:");
    bullet_text("Circle with only x₁ and x₂ and no hidden layer: one straight line cannot enclose a disc. Tick "
                      "x₁² and x₂², or add a hidden layer, and it can.");
    bullet_text("Spiral: it needs several layers of several units, or the sin features. Compare how long each "
                      "takes.");
    bullet_text("Plane, with the identity output, ReLU and a learning rate of 10: training blows up within a few "
                "epochs, and the banner says what overflowed and where. Go back to the best epoch with a smaller "
                "rate. (With tanh or sigmoid outputs a large rate rarely overflows; it collapses instead: the "
                "loss jumps above where it started, the boundary goes flat, and a banner says so just as "
                "plainly.)");
    bullet_text("ReLU with a large learning rate: some units die (their map turns flat and they are marked); "
                      "Leaky ReLU or ELU keep them alive.");
    bullet_text("Activation race: the same network from the same starting weights, only the activation "
                      "differs. Sigmoid is usually far behind: its slope is at most 1/4, so the gradient shrinks "
                      "at every layer.");
    bullet_text("Layers (L), then Play: the plane's grid and the points go through each layer, W·a, + b and f, in "
                "turn. With Identity everywhere the grid stays straight, and the circle never comes apart; with "
                "tanh it is bent until, in the last hidden layer, one straight line splits the classes.");
    bullet_text("Noise at 30\u00A0% with a big network and few training points: the training loss keeps falling "
                      "while the test loss turns up. L2 regularisation holds the weights back.");
    bullet_text("A layer of SwiGLU (or GeGLU, ReGLU): each unit multiplies a value by the activation of a gate, two "
                "weight vectors per unit. In the race, ReLU with 8 units against SwiGLU with 6 gated units (race "
                "widths 8 and 6) compares them at about equal parameters; the table counts them. ReGLU's units die "
                "only where the gate is negative at every point: then no gradient reaches either weight vector.");
    ImGui::PopTextWrapPos();
}

}  // namespace

namespace {
void draw_train_tab(AppState& state, ImVec2 room);
void draw_alone(AppState& state, ImVec2 room);
}  // namespace

namespace {

// The run bar, the banner and the tabs, laid out for `room`.
void draw_main(AppState& state, ImVec2 room) {
    PlaygroundState& p = state.playground;
    const float top = ImGui::GetCursorPosY();
    draw_run_bar(p);
    same_line_or_wrap(recording_state_width("Record GIF"), 1.5f * ImGui::GetFontSize());
    if (!draw_recording_progress(state, "boundary")) {
        ImGui::BeginDisabled(recording_busy(state));
        if (ImGui::Button("Record GIF")) record_training(state);
        ImGui::EndDisabled();
        record_item("Record GIF");
        item_tip("Writes this run as an animated GIF into the export folder: the boundary and the loss, from epoch 0\n"
                 "to the epoch shown (300 before it starts), 60 frames at 15 a second. Trained again headless from the\n"
                 "settings, so weights set by hand and changes made during the run are not in it.");
    }
    draw_stop_banner(p);
    if (!p.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
        text_wrapped(p.message.c_str());
        ImGui::PopStyleColor();
    }
    if (!p.boundary_texture) return;
    if (state.ui.plot_only) {
        draw_alone(state, ImVec2(ImGui::GetContentRegionAvail().x,
                                 std::max(std::floor(top + room.y - ImGui::GetCursorPosY()), std::ceil(kPlotMinHeight * ImGui::GetFontSize()))));
        return;
    }
    if (begin_tab_bar("##playground-tabs")) {
        // a tab's content: what is left of the room under the bar, or a readable plot's height
        const auto rest = [&] {
            return ImVec2(ImGui::GetContentRegionAvail().x,
                          std::max(std::floor(top + room.y - ImGui::GetCursorPosY()), std::ceil(kPlotMinHeight * ImGui::GetFontSize())));
        };
        if (tab_item("Train")) {
            p.race_shown = false;
            draw_train_tab(state, rest());
            ImGui::EndTabItem();
        }
        if (tab_item("Activation race")) {
            p.race_shown = true;
            draw_race_panel(state, rest());
            ImGui::EndTabItem();
        }
        if (tab_item("What this shows")) {
            ImGui::BeginChild("##explanation", ImVec2(0, rest().y));
            draw_explanation();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

}  // namespace

void draw_playground_panel(AppState& state) {
    PlaygroundState& p = state.playground;
    p.painter.begin();
    // the sidebar's controls are drawn for 17 font heights
    lab_columns("playground", state.ui.plot_only, 17.0f, 17.0f, [&p] { draw_playground_controls(p); },
                [&state](ImVec2 room) { draw_main(state, room); });
}

namespace {

// The width of export_buttons(what) on one line.
float export_buttons_width(const char* what) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    return text_width((std::string(what) + ":").c_str()) + small_button_width("PNG") + small_button_width("CSV") + 2 * spacing;
}

std::string epoch_stem(const PlaygroundState& p, const char* what) {
    const int epoch = p.shown ? p.shown->epoch : 0;
    return std::string(what) + "_" + file_stem(p.data_name) + "_epoch" + std::to_string(epoch) + "_seed" +
           std::to_string(p.view.config.seed);
}

Figure network_figure_now(const PlaygroundState& p) {
    return network_export_figure(std::make_shared<const NetworkPicture>(p.network), epoch_stem(p, "network"));
}
Figure loss_figure_now(const PlaygroundState& p) { return loss_export_figure(p.curves, epoch_stem(p, "loss")); }
// The views' exports carry the title their tab stands for on screen.
Figure units_figure_now(const PlaygroundState& p) {
    return units_export_figure(std::make_shared<const UnitsPicture>(make_units_picture(
                                   p.units.layers, p.units.epoch, p.units.threshold,
                                   describe_training(p.view.config, p.data, p.data_name))),
                               epoch_stem(p, "units"));
}
Figure gradient_figure_now(const PlaygroundState& p) {
    return live_gradient_export_figure(std::make_shared<const LiveGradientPicture>(make_live_gradient_picture(
                                           p.live_gradient.history, p.live_gradient.epoch,
                                           describe_training(p.view.config, p.data, p.data_name))),
                                       epoch_stem(p, "gradient_live"));
}

// A view's exports and the way to show it alone (Ctrl+H), on one short line.
void view_buttons(AppState& state, const char* what, PlaygroundAlone alone, const std::function<Figure()>& figure) {
    export_buttons(state, what, figure);
    ImGui::SameLine();
    ImGui::PushID(what);
    if (ImGui::SmallButton("Alone")) {
        state.playground.view.alone = alone;
        state.ui.plot_only = true;
    }
    record_item((std::string(what) + ": Alone").c_str());
    item_tip("Show only this, as large as the window allows (Ctrl+H or Esc: everything again)");
    ImGui::PopID();
}

float style_spacing() { return ImGui::GetStyle().ItemSpacing.x; }

float view_buttons_width(const char* what) {
    return export_buttons_width(what) + ImGui::GetStyle().ItemSpacing.x + small_button_width("Alone");
}

// Units on the curve: the figure, and a way to each layer's curve in the explorer.
void draw_units_view(AppState& state, ImVec2 size, bool buttons) {
    PlaygroundState& p = state.playground;
    const float fs = ImGui::GetFontSize();
    const float top = ImGui::GetCursorPosY();
    if (buttons) {
        view_buttons(state, "Units", PlaygroundAlone::Units, [&p] { return units_figure_now(p); });
        // a layer's curve in the explorer: "Explorer: 1 2 3"
        const int layers = static_cast<int>(p.units.layers.size());
        if (layers > 0) {
            same_line_or_wrap(text_width("Explorer:") + layers * (small_button_width("8") + style_spacing()), 1.5f * fs);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted("Explorer:");
            for (int l = 0; l < layers; ++l) {
                ImGui::SameLine();
                const std::string label = std::to_string(l + 1) + "##explore";
                ImGui::PushID(l);
                if (ImGui::SmallButton(label.c_str())) state.links.push_back({LabLink::Kind::ExploreLayer, l});
                ImGui::PopID();
                item_tip("The activation explorer on hidden layer %d's function, its parameters as trained", l + 1);
            }
        }
        size.y -= ImGui::GetCursorPosY() - top;
    }
    if (p.units.layers.empty()) {
        hint("The network has no hidden layer: its inputs go straight to the output, with no activation to sit on.");
        return;
    }
    const ImVec2 avail(ImGui::GetContentRegionAvail().x, std::max(size.y, kPlotMinHeight * fs));
    draw_units_figure(p.units, avail, p.hover_layer, p.hover_unit);
}

// Gradient across layers: the figure, and the gradient lab on a network like this one.
void draw_gradient_view(AppState& state, ImVec2 size, bool buttons) {
    PlaygroundState& p = state.playground;
    const float fs = ImGui::GetFontSize();
    const float top = ImGui::GetCursorPosY();
    if (buttons) {
        view_buttons(state, "Gradient", PlaygroundAlone::Gradient, [&p] { return gradient_figure_now(p); });
        const char* label = "This shape in the gradient lab";
        same_line_or_wrap(small_button_width(label), 1.5f * fs);
        if (ImGui::SmallButton(label)) state.links.push_back({LabLink::Kind::GradientsFromPlayground});
        item_tip("The gradient lab on a random network of this depth, width, activation and initialisation");
        size.y -= ImGui::GetCursorPosY() - top;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    draw_live_gradient_figure(p.live_gradient, ImVec2(width, std::max(size.y, live_gradient_figure_min_height(width))));
}

// The layers view's exports: the step on screen (the nearest stage while it moves), with the title.
Figure layers_figure_now(const PlaygroundState& p) {
    if (!p.warp.picture) return Figure{};
    auto picture = std::make_shared<WarpPicture>(*p.warp.picture);
    picture->shown_step = std::clamp(static_cast<int>(std::lround(p.warp.position)), 0,
                                     static_cast<int>(picture->steps.size()) - 1);
    picture->subtitle = describe_training(p.view.config, p.data, p.data_name);
    return warp_export_figure(picture, false, epoch_stem(p, ("warp_" + warp_step_name(picture->shown_step)).c_str()));
}

// How each layer bends the plane: its exports, the scrub and the figure.
void draw_layers_view(AppState& state, ImVec2 size, bool buttons) {
    PlaygroundState& p = state.playground;
    const float top = ImGui::GetCursorPosY();
    if (buttons && p.warp.picture) {
        view_buttons(state, "Layers", PlaygroundAlone::Layers, [&p] { return layers_figure_now(p); });
        ImGui::SameLine();
        if (!draw_recording_progress(state, "warp")) {
            ImGui::BeginDisabled(recording_busy(state));
            if (ImGui::SmallButton("Record GIF##warp")) record_warp(state);
            ImGui::EndDisabled();
            record_item("Layers: Record GIF");
            item_tip("Writes an animated GIF into the export folder: the plane from the input through every stage of\n"
                     "the network at the epoch shown (trained again headless from the settings), 60 frames at 15 a second");
        }
    }
    draw_layers_view(p, ImVec2(size.x, size.y - (ImGui::GetCursorPosY() - top)));
}

void draw_network_view(AppState& state, ImVec2 size, bool buttons) {
    PlaygroundState& p = state.playground;
    const float top = ImGui::GetCursorPosY();
    if (buttons) view_buttons(state, "Network", PlaygroundAlone::Network, [&p] { return network_figure_now(p); });
    draw_weight_editor(p);
    DiagramHit hit;
    const bool paused = !playground_running(p);
    const float used = ImGui::GetCursorPosY() - top;
    draw_network_diagram(p.network, *p.input_texture, *p.neuron_texture, *p.boundary_texture, &p.painter,
                         ImVec2(ImGui::GetContentRegionAvail().x, std::max(size.y - used, 8.0f * ImGui::GetFontSize())), true,
                         &hit, p.editor.param,
                         paused ? "click to set it by hand; drag sideways to change it" : "pause to set it by hand");
    follow_diagram(p, hit);
}

constexpr float kTemperatureSlider = 8.0f;  // font heights

// The width of the temperature row's pieces, one after another on a line.
float temperature_row_width(const PlaygroundState& p) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x, fs = ImGui::GetFontSize();
    return text_width("Temperature") + kTemperatureSlider * fs + text_width("T = 0.055") + checkbox_width("entropy") +
           small_button_width(p.picking_point ? "Click the plane…" : "Softmax lab at a point") + 3 * spacing + 2 * fs;
}

// The output's temperature, the entropy map, and a point of the plane for the softmax lab.
void draw_temperature_row(AppState& state) {
    PlaygroundState& p = state.playground;
    const float fs = ImGui::GetFontSize();
    std::string why;
    if (!output_has_temperature(p.view.config.output, &why)) return;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Temperature");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(kTemperatureSlider * fs);
    double t = p.view.temperature;
    const double lo = kMinOutputTemperature, hi = kMaxOutputTemperature;
    // the value beside the slider, where the handle never covers it
    if (ImGui::SliderScalar("##temperature", ImGuiDataType_Double, &t, &lo, &hi, "", ImGuiSliderFlags_Logarithmic)) {
        if (ImGui::IsItemActive()) t = plot::snap_log(t, lo, hi, ImGui::GetIO().KeyShift);
        p.view.temperature = std::clamp(t, lo, hi);
        p.pictures_dirty = true;
    }
    item_tip("The output's logits divided by T when drawn: below 1 sharper, above 1 washed out.\n"
             "The decision line stays: the winning side never changes. Training is not affected.\n"
             "Double-click: back to 1");
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        p.view.temperature = 1.0;
        p.pictures_dirty = true;
    }
    ImGui::SameLine();
    ImGui::Text("T = %s", plot::format_significant(p.view.temperature, 3).c_str());
    same_line_or_wrap(checkbox_width("entropy"), fs);
    if (ImGui::Checkbox("entropy", &p.view.entropy)) p.pictures_dirty = true;
    item_tip("Colour the plane by how unsure the network is (the entropy of its prediction)");
    const char* pick = p.picking_point ? "Click the plane…" : "Softmax lab at a point";
    same_line_or_wrap(small_button_width(pick), fs);
    if (ImGui::SmallButton(pick)) {
        p.picking_point = !p.picking_point;
        if (p.picking_point) p.draw.on = false;  // the next click is the softmax lab's, not a point
    }
    item_tip("Then click a point of the plane: the softmax lab opens on the network's logits there, at this temperature");
}

// The boundary plot, and what a click on it does: draw points while Draw is on, or open the softmax lab
// at the point when asked.
void boundary_with_tools(AppState& state, ImVec2 size) {
    PlaygroundState& p = state.playground;
    PlotClick click;
    draw_boundary_plot(p.boundary, *p.boundary_texture, &p.painter, size, p.draw.on ? plot::PlotFlags_NoPan : 0, &click);
    draw_on_boundary(p, click);
    if (click.clicked && p.picking_point && !p.draw.on) {
        state.links.push_back({LabLink::Kind::SoftmaxFromPoint, 0, click.x, click.y});
        p.picking_point = false;
    }
}

// Network and views on the left, boundary, temperature and loss on the right; where the network has no
// readable room beside the others (a narrow window, large text) it goes above them and the tab is
// taller than the room (the lab scrolls). When the left column is tall the network shares it with one
// view (units or gradient, by its tabs); when it is short the three take turns.
void draw_train_tab(AppState& state, ImVec2 room) {
    PlaygroundState& p = state.playground;
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    // laid out as if the lab's scrollbar were there, so its coming and going cannot change the
    // layout (and with it whether the lab needs to scroll)
    if (ImGui::GetScrollMaxY() <= 0.0f) room.x -= style.ScrollbarSize;
    float export_row = ImGui::GetFrameHeightWithSpacing();
    const float plot_w = kPlotMinWidth * fs, plot_h = std::ceil(kPlotMinHeight * fs);
    const float network_min = 20.0f * fs;  // columns of unit maps still large enough to read
    // the boundary square on the right, as wide as the height allows, and never narrower than a readable plot
    float column = std::floor(std::max(plot_w, std::min(room.x * 0.5f, room.y * 0.62f + 4.0f * fs)));
    const bool side_by_side = room.x - column - style.ItemSpacing.x >= network_min;
    if (!side_by_side) column = room.x;
    // the export buttons of the boundary and the loss, on one line or two
    if (view_buttons_width("Boundary") + 1.5f * fs + view_buttons_width("Loss") > column) export_row *= 2;
    const bool tempered = output_has_temperature(p.view.config.output);
    const float temperature_row =
        tempered ? ImGui::GetFrameHeightWithSpacing() * (temperature_row_width(p) > column ? 2 : 1) : 0.0f;
    const float caption = boundary_caption_height(p.boundary, column);  // its rows under the boundary
    float network_h = room.y, boundary_h = 0, loss_h = 0;
    const float spacing = 2 * style.ItemSpacing.y;  // after the boundary plot and after its caption
    const float tools_row = draw_tool_row_height(p, column);  // above the boundary
    const float under = export_row + temperature_row + tools_row;
    if (side_by_side) {
        const ColumnSplit split = split_column(room.y, fs, style.ItemSpacing.y, 0.64f, kPlotMinHeight + under / fs);
        // as tall as the square needs, but a readable plot above its caption line at least
        boundary_h = std::max(plot_h + caption, std::min(column + fs + caption, split.top));
        loss_h = room.y - boundary_h - spacing - under;
        if (split.scrolls || loss_h < plot_h) loss_h = plot_h;
        network_h = std::max(room.y, boundary_h + spacing + under + loss_h);
    } else {
        // the diagram with its title, headers and legend: a screen, but at least 22 font heights
        network_h = std::max(22.0f * fs, room.y);
        boundary_h = std::max(plot_h + caption, std::min(room.x, room.y));
        loss_h = std::max(plot_h, 0.5f * room.y);
    }
    const float left = side_by_side ? room.x - column - style.ItemSpacing.x : room.x;
    // tall enough for the diagram and a view under it, each readable: both; otherwise one at a time
    const float tab_bar = ImGui::GetFrameHeightWithSpacing();
    const float diagram_min = 18.0f * fs, pane_min = 20.0f * fs;
    // (the room on screen decides, not the column's height when the lab scrolls)
    const bool shared = room.y >= diagram_min + pane_min + tab_bar + spacing;
    const float diagram_h = shared ? std::floor(std::max(diagram_min, 0.45f * (room.y - tab_bar - spacing))) : 0.0f;
    // the units view's cells stay readable: the column grows (the lab scrolls) rather than cramp them
    if (p.view.pane == PlaygroundPane::Units)
        network_h = std::max(network_h, diagram_h + spacing + 2 * tab_bar + units_figure_min_height(p.units, left));
    // likewise the gradient's two plots, and the layers view's controls and square plot
    if (p.view.pane == PlaygroundPane::Gradient)
        network_h = std::max(network_h, diagram_h + spacing + 2 * tab_bar + live_gradient_figure_min_height(left));
    if (p.view.pane == PlaygroundPane::Layers)
        network_h = std::max(network_h, diagram_h + spacing + tab_bar + layers_view_min_height(p, left));
    ImGui::BeginChild("##network-column", ImVec2(left, network_h), false, ImGuiWindowFlags_NoScrollWithMouse);
    if (shared) {
        ImGui::BeginChild("##diagram", ImVec2(0, diagram_h), false, ImGuiWindowFlags_NoScrollWithMouse);
        draw_network_view(state, ImVec2(0, diagram_h), true);
        ImGui::EndChild();
    }
    if (begin_tab_bar("##left-views")) {
        // a pane asked for (a key, a lesson) is selected until its tab is the one open; until then the
        // open tab does not change the view
        const bool network_tab = !shared || p.view.pane != PlaygroundPane::Network;
        if (!network_tab) p.view.pane = PlaygroundPane::Units;  // the network is on screen anyway
        const auto tab = [&](const char* label, PlaygroundPane pane) {
            const bool open = tab_item(label, p.select_pane && p.view.pane == pane ? ImGuiTabItemFlags_SetSelected : 0);
            if (open && p.select_pane && p.view.pane == pane) p.select_pane = false;
            if (open && !p.select_pane) p.view.pane = pane;
            return open;
        };
        // what is left of the column under the tab bar
        const auto rest = [&] { return std::max(plot_h, std::floor(network_h - ImGui::GetCursorPosY())); };
        if (!shared && tab("Network", PlaygroundPane::Network)) {
            draw_network_view(state, ImVec2(0, rest()), true);
            ImGui::EndTabItem();
        }
        if (tab("Units on the curve", PlaygroundPane::Units)) {
            draw_units_view(state, ImVec2(0, rest()), true);
            ImGui::EndTabItem();
        }
        if (tab("Gradient across layers", PlaygroundPane::Gradient)) {
            draw_gradient_view(state, ImVec2(0, rest()), true);
            ImGui::EndTabItem();
        }
        if (tab("Layers", PlaygroundPane::Layers)) {
            draw_layers_view(state, ImVec2(0, rest()), true);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    if (side_by_side) ImGui::SameLine();
    const float column_h = boundary_h + spacing + under + loss_h;
    ImGui::BeginChild("##boundary-column", ImVec2(column, column_h), false, ImGuiWindowFlags_NoScrollWithMouse);
    draw_tool_row(p);
    boundary_with_tools(state, ImVec2(ImGui::GetContentRegionAvail().x, boundary_h));
    if (tempered) draw_temperature_row(state);
    view_buttons(state, "Boundary", PlaygroundAlone::Boundary, [&state] { return playground_figure(state); });
    same_line_or_wrap(view_buttons_width("Loss"), 1.5f * fs);
    view_buttons(state, "Loss", PlaygroundAlone::Loss, [&p] { return loss_figure_now(p); });
    draw_loss_figure(p.curves, ImVec2(0, std::max(plot_h, ImGui::GetContentRegionAvail().y)), p.view.log_loss, 0, true,
                     false);
    ImGui::EndChild();
}

// Ctrl+H: one view fills the room, or the boundary when none was chosen.
void draw_alone(AppState& state, ImVec2 room) {
    PlaygroundState& p = state.playground;
    switch (p.view.alone) {
        case PlaygroundAlone::Network: draw_network_view(state, room, false); break;
        case PlaygroundAlone::Units: draw_units_view(state, room, false); break;
        case PlaygroundAlone::Gradient: draw_gradient_view(state, room, false); break;
        case PlaygroundAlone::Layers: draw_layers_view(state, room, false); break;
        case PlaygroundAlone::Loss: draw_loss_figure(p.curves, room, p.view.log_loss, 0, true, false); break;
        case PlaygroundAlone::Boundary: {
            const float row = output_has_temperature(p.view.config.output) ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
            // a readable plot above its caption at least (the lab scrolls when the room is less)
            const float least = std::ceil(kPlotMinHeight * ImGui::GetFontSize()) + boundary_caption_height(p.boundary, room.x);
            const float tools = draw_tool_row_height(p, room.x);
            draw_tool_row(p);
            boundary_with_tools(state, ImVec2(room.x, std::max(room.y - row - tools, least)));
            if (row > 0) draw_temperature_row(state);
            break;
        }
    }
}

}  // namespace

Figure playground_figure(const AppState& state) {
    const PlaygroundState& p = state.playground;
    if (p.race_shown && !p.race.runners.empty()) return race_panel_figure(p.race);
    // drawn again from the snapshot on the export's finer grid, with the full title
    auto picture = std::make_shared<BoundaryPicture>(p.boundary);
    auto grid = std::make_shared<core::DecisionGrid>();
    std::string why;
    // drawn points too few to train on: the plane as on screen, white under them, and no grid
    const bool blocked = drawing_blocked(p);
    const bool shown_fits = !blocked && p.shown && network_fits(p.shown->network, p.view.config, p.data);
    if (blocked) {
        *grid = core::DecisionGrid{};
    } else if (shown_fits || core::check_train_config(p.view.config, p.data, &why)) {
        // before the run's first snapshot is on screen: its epoch 0, which the trainer starts from
        const core::Mlp start = shown_fits ? core::Mlp() : core::Training(p.view.config, p.data).network();
        const core::EpochRecord* last = shown_fits && !p.shown->history.empty() ? &p.shown->history.back() : nullptr;
        make_boundary_picture(p.view.config, p.data, p.data_name, shown_fits ? p.shown->network : start, last,
                              kExportGridPoints, picture.get(), grid.get());
        picture->show_test = p.view.show_test;
        picture->discrete = p.view.discrete;
    } else {
        *grid = p.grid;
    }
    const int epoch = shown_fits ? p.shown->epoch : 0;
    return boundary_export_figure(picture, grid, "boundary_" + file_stem(p.data_name) + "_epoch" + std::to_string(epoch) +
                                                     "_seed" + std::to_string(p.view.config.seed));
}

void playground_key(AppState& state, int key) {
    PlaygroundState& p = state.playground;
    if (key == GLFW_KEY_SPACE) request_run(p, RunRequest::PlayOrPause);
    if (key == GLFW_KEY_S) request_run(p, RunRequest::Step);
    if (key == GLFW_KEY_R) request_run(p, RunRequest::Reset);
    if (key == GLFW_KEY_D) toggle_drawing(p);
    // the views beside the network: N, U, G, L bring the network, the units, the gradient or the layers to the front
    const auto show = [&p](PlaygroundPane pane) {
        p.view.pane = pane;
        p.select_pane = true;
    };
    if (key == GLFW_KEY_N) show(PlaygroundPane::Network);
    if (key == GLFW_KEY_U) show(PlaygroundPane::Units);
    if (key == GLFW_KEY_G) show(PlaygroundPane::Gradient);
    if (key == GLFW_KEY_L) show(PlaygroundPane::Layers);
}

}  // namespace actlab::app
