#include "app/panels/playground_controls.h"

#include "app/files.h"
#include "app/panels/file_browser.h"
#include "app/panels/panel_widgets.h"
#include "app/panels/typed_field.h"
#include "app/plot/text_format.h"
#include "app/ui_items.h"
#include "core/csv.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace actlab::app {

namespace {

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
    {core::Output::Identity, core::LossKind::Mse, "identity, squared error"},
};

}  // namespace

namespace {

// A change to the run's set-up, tried first: the data must be able to train it. Refused with a
// message (the run keeps its set-up) or applied and the run started again.
void try_config(PlaygroundState& p, const core::TrainConfig& trial) {
    std::string why;
    if (!core::check_train_config(trial, p.data, &why)) {
        p.message = plot::sentence(why) + " The change was not made.";
        return;
    }
    p.message.clear();
    p.view.config = trial;
    p.needs_reset = true;
}

// A small picture of each generated dataset, to pick one by its look (as on Playground).
void draw_dataset_previews(PlaygroundState& p) {
    const std::vector<core::Dataset>& previews = p.previews;  // made by the model step
    const float fs = ImGui::GetFontSize();
    const float box = 3.4f * fs;
    for (int k = 0; k < core::kDatasetKindCount; ++k) {
        const core::DatasetKind kind = static_cast<core::DatasetKind>(k);
        const core::DatasetInfo& info = core::dataset_info(kind);
        if (k % 3 != 0) ImGui::SameLine();
        ImGui::PushID(k);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const bool chosen = p.view.data_file.empty() && !p.drawn && p.view.config.data.kind == kind;
        if (ImGui::InvisibleButton("##dataset", ImVec2(box, box))) p.choose_dataset = k;
        item_tip("%s", info.classes == 0 ? info.label
                                          : (std::string(info.label) + ": " + std::to_string(info.classes) +
                                             " classes").c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(at, ImVec2(at.x + box, at.y + box), IM_COL32(255, 255, 255, 255));
        if (static_cast<size_t>(k) >= previews.size()) {
            ImGui::PopID();
            continue;
        }
        const core::Dataset& d = previews[static_cast<size_t>(k)];
        double scale = core::kDataExtent;
        for (int i = 0; i < d.size(); ++i) scale = std::max({scale, std::fabs(d.x(i, 0)), std::fabs(d.x(i, 1))});
        double target_scale = 1e-12;
        if (info.classes == 0) target_scale = std::max(target_scale, d.target.cwiseAbs().maxCoeff());
        for (int i = 0; i < d.size(); ++i) {
            const ImVec2 c(at.x + box * (0.5f + 0.46f * static_cast<float>(d.x(i, 0) / scale)),
                           at.y + box * (0.5f - 0.46f * static_cast<float>(d.x(i, 1) / scale)));
            const ImU32 color = info.classes > 0 ? data_class_color(static_cast<int>(d.target[i]))
                                                 : target_color(d.target[i], target_scale);
            // a dot of three pixels or so: a square reads as round at that size and costs four vertices
            const float r = 0.09f * fs;
            dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), color);
        }
        dl->AddRect(at, ImVec2(at.x + box, at.y + box), chosen ? IM_COL32(20, 20, 20, 255) : IM_COL32(180, 180, 180, 255),
                    0, 0, chosen ? 0.2f * fs : 0.06f * fs);
        ImGui::PopID();
    }
}

void draw_data_controls(PlaygroundState& p) {
    if (!section("Data")) return;
    const float fs = ImGui::GetFontSize();
    draw_dataset_previews(p);
    core::TrainConfig& c = p.view.config;
    const bool generated = p.view.data_file.empty() && !p.drawn;
    if (p.drawn) {
        ImGui::Text("Drawn: %s point%s", plot::format_thousands(p.data.size()).c_str(), p.data.size() == 1 ? "" : "s");
        item_tip("Points drawn on the boundary plot (Draw, above it). A dataset's picture or a CSV replaces them.");
    } else if (generated) {
        ImGui::TextUnformatted(core::dataset_info(c.data.kind).label);
    } else {
        // a long name loses its middle, not its end: the extension and the last words stay
        const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("File: ").x;
        const std::string name = fit_file_name(p.data_name, room, [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; });
        ImGui::Text("File: %s", name.c_str());
        item_tip("%s", p.view.data_file.c_str());
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (generated) {
        double noise = c.data.noise * 100.0;
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (value_slider("##noise", &noise, 0.0, 50.0, "noise %.0f %%")) {
            c.data.noise = std::round(std::clamp(noise, 0.0, 50.0)) / 100.0;
            p.data_dirty = true;
        }
        int points = c.data.points;
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (value_slider_int("##points", &points, core::kMinPoints, 5000, "%d points", ImGuiSliderFlags_Logarithmic)) {
            c.data.points = std::clamp(points, core::kMinPoints, core::kMaxPoints);
            p.data_dirty = true;
        }
    }
    int split = c.train_percent;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (value_slider_int("##split", &split, core::kMinTrainPercent, core::kMaxTrainPercent, "%d %% to train")) {
        c.train_percent = std::clamp(split, core::kMinTrainPercent, core::kMaxTrainPercent);
        p.needs_reset = true;
    }
    if (generated && ImGui::Button("Regenerate")) {
        ++c.data.seed;
        p.data_dirty = true;
    }
    if (generated) item_tip("new points from the next seed of the data");
    ImGui::Spacing();
    ImGui::TextUnformatted("Your own points (CSV: x1,x2,label)");
    if (ImGui::Button("Choose a file…")) open_file_browser(p.csv_browser, p.csv_folder, ".csv");
    record_item("Choose a file…");
    item_tip("Pick a CSV from a folder (the one last used), or type its path below");
    ImGui::SetNextItemWidth(-4.2f * fs);
    const bool enter = ImGui::InputTextWithHint("##csv", "/path/to/points.csv", &p.csv_path,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    record_item("CSV path");
    ImGui::SameLine();
    if (ImGui::Button("Load") || enter) p.load_csv = expand_home(p.csv_path);
    std::string chosen;
    if (draw_file_browser(p.csv_browser, "Open a CSV of points", ".csv", &chosen)) {
        p.csv_path = chosen;
        p.load_csv = chosen;
    }
    hint("Labels ±1 or 0–9 are classes; any other numbers are a regression target.");
    ImGui::Spacing();
    ImGui::TextUnformatted("A TensorFlow Playground link");
    if (ImGui::Button("Paste a TensorFlow Playground link")) {
        const char* clipboard = ImGui::GetClipboardText();
        p.link_text = clipboard ? clipboard : "";
        p.open_link = p.link_text;
    }
    record_item("Paste a TensorFlow Playground link");
    item_tip("Sets up the run a playground.tensorflow.org address describes (copied from the browser): data, "
             "network, training. The status line says what was set and what actlab has no counterpart for.");
    ImGui::SetNextItemWidth(-4.2f * fs);
    const bool open = ImGui::InputTextWithHint("##link", "https://playground.tensorflow.org/#…", &p.link_text,
                                               ImGuiInputTextFlags_EnterReturnsTrue);
    record_item("Playground link");
    ImGui::SameLine();
    if (ImGui::Button("Open##link") || open) p.open_link = p.link_text;
    record_item("Open link");
}

void draw_feature_controls(PlaygroundState& p) {
    if (!section("Features")) return;
    core::TrainConfig trial = p.view.config;
    for (int i = 0; i < core::kFeatureCount; ++i) {
        bool on = trial.features & (1u << i);
        if (i % 2) ImGui::SameLine(ImGui::GetFontSize() * 6);
        if (ImGui::Checkbox(core::feature_label(i), &on)) {
            const core::FeatureSet set = on ? trial.features | (1u << i) : trial.features & ~(1u << i);
            if (set == 0) {
                p.message = "The network needs at least one input feature.";
            } else {
                trial.features = set;
                try_config(p, trial);
            }
        }
    }
}

void draw_network_controls(PlaygroundState& p) {
    if (!section("Network")) return;
    const float fs = ImGui::GetFontSize();
    core::TrainConfig trial = p.view.config;
    std::vector<core::HiddenLayer>& hidden = trial.hidden;
    const int layers = static_cast<int>(hidden.size());
    bool changed = false;
    ImGui::Text("%d hidden layer%s", layers, layers == 1 ? "" : "s");
    ImGui::SameLine(8.5f * fs);
    ImGui::BeginDisabled(layers == 0);
    if (ImGui::Button("−##layers", ImVec2(2 * fs, 0))) hidden.pop_back(), changed = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(layers >= core::kMaxHiddenLayers);
    if (ImGui::Button("+##layers", ImVec2(2 * fs, 0))) {
        hidden.push_back(layers > 0 ? hidden.back() : core::hidden_layer(4, core::activation_index("tanh")));
        changed = true;
    }
    ImGui::EndDisabled();
    if (layers > 0) {
        core::HiddenLayer all = hidden[0];
        if (hidden_layer_combo("##all", &all, -FLT_MIN)) {
            for (core::HiddenLayer& h : hidden) {
                const int units = h.units;
                h = all;
                h.units = units;
            }
            changed = true;
        }
        item_tip("one activation for every hidden layer");
    }
    for (int l = 0; l < static_cast<int>(hidden.size()); ++l) {
        ImGui::PushID(l);
        ImGui::Text("%d:", l + 1);
        ImGui::SameLine(1.6f * fs);
        if (ImGui::Button("−", ImVec2(1.6f * fs, 0)) && hidden[l].units > 1) --hidden[l].units, changed = true;
        ImGui::SameLine(0, 2);
        ImGui::Text("%2d", hidden[l].units);
        ImGui::SameLine(0, 2);
        if (ImGui::Button("+", ImVec2(1.6f * fs, 0)) && hidden[l].units < core::kMaxUnits) ++hidden[l].units, changed = true;
        ImGui::SameLine();
        const std::string kind_id = "##layer " + std::to_string(l + 1) + " kind";  // the tests' name for it
        if (hidden_layer_combo(kind_id.c_str(), &hidden[l], -FLT_MIN)) changed = true;
        ImGui::PopID();
    }
    const int params = core::parameter_count(core::network_spec(p.view.config, p.data.classes));
    hint((std::to_string(params) + " parameters").c_str());
    item_tip("Weights, biases and PReLU's α. A gated layer has a gate and a value for each unit, so twice the weights "
             "of a plain layer as wide.");
    int pair = 0;
    for (int i = 0; i < 4; ++i)
        if (kOutputPairs[i].output == trial.output && kOutputPairs[i].loss == trial.loss) pair = i;
    ImGui::TextUnformatted("Output and loss");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##output", kOutputPairs[pair].label)) {
        for (int i = 0; i < 4; ++i)
            if (ImGui::Selectable(kOutputPairs[i].label, i == pair)) {
                trial.output = kOutputPairs[i].output;
                trial.loss = kOutputPairs[i].loss;
                changed = true;
            }
        ImGui::EndCombo();
    }
    if (changed) try_config(p, trial);
}

// A combo of Playground's values for a rate; the list opens at the current one. True when it changed.
template <size_t N>
bool rate_combo(const char* id, double* value, const double (&rates)[N]) {
    bool changed = false;
    if (ImGui::BeginCombo(id, plot::format_significant(*value).c_str())) {
        for (double r : rates) {
            if (ImGui::Selectable(plot::format_significant(r).c_str(), r == *value)) *value = r, changed = true;
            if (r == *value) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return changed;
}

void draw_training_controls(PlaygroundState& p) {
    if (!section("Training")) return;
    const float fs = ImGui::GetFontSize();
    core::TrainConfig& c = p.view.config;
    core::OptimizerSpec opt = c.optimizer;
    bool opt_changed = false;
    const float label_x = 7.5f * fs;
    const auto row = [&](const char* label) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_x);
        ImGui::SetNextItemWidth(-FLT_MIN);
    };
    row("Optimiser");
    if (ImGui::BeginCombo("##optimizer", core::optimizer_name(opt.kind))) {
        for (core::OptimizerKind k : {core::OptimizerKind::Sgd, core::OptimizerKind::Momentum, core::OptimizerKind::Adam})
            if (ImGui::Selectable(core::optimizer_name(k), k == opt.kind)) opt.kind = k, opt_changed = true;
        ImGui::EndCombo();
    }
    row("Learning rate");
    opt_changed |= rate_combo("##lr", &opt.learning_rate, kLearningRates);
    row("Regularisation");
    if (ImGui::BeginCombo("##reg", core::regularization_name(opt.regularization))) {
        for (core::Regularization r : {core::Regularization::None, core::Regularization::L1, core::Regularization::L2})
            if (ImGui::Selectable(core::regularization_name(r), r == opt.regularization)) opt.regularization = r, opt_changed = true;
        ImGui::EndCombo();
    }
    if (opt.regularization != core::Regularization::None) {
        row("Reg. rate");
        opt_changed |= rate_combo("##regrate", &opt.regularization_rate, kRegRates);
    }
    if (opt_changed) c.optimizer = opt;  // the model step gives it to the trainer: from the next epoch
    row("Batch size");
    const int train_points = std::max(1, static_cast<int>(std::lround(p.data.size() * c.train_percent / 100.0)));
    int batch = std::min(c.batch, train_points);
    if (value_slider_int("##batch", &batch, 1, std::max(2, train_points), "%d")) {
        c.batch = std::clamp(batch, 1, core::kMaxBatch);
    }
    row("Initialisation");
    if (ImGui::BeginCombo("##init", core::init_name(c.init.kind))) {
        for (int k = 0; k < core::kInitKindCount; ++k) {
            const core::InitKind kind = static_cast<core::InitKind>(k);
            if (ImGui::Selectable(core::init_name(kind), kind == c.init.kind)) {
                c.init.kind = kind;
                p.needs_reset = true;
            }
        }
        ImGui::EndCombo();
    }
    row("Seed");
    std::uint64_t seed = c.seed;
    const float seed_width = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() * 2.5f;
    ImGui::SetNextItemWidth(seed_width);
    bool new_seed = typed_u64("##seed", &seed, &p.message);
    ImGui::SameLine();
    if (ImGui::SmallButton("new")) ++seed, new_seed = true;
    item_tip("The next seed: new data (unless your own or drawn), new starting weights");
    if (new_seed) {
        c.seed = c.data.seed = seed;
        p.data_dirty = p.view.data_file.empty() && !p.drawn;
        p.needs_reset = true;
    }
    // where the run pauses by itself: an epoch, and once each a test loss or accuracy reached
    row("Pause at epoch");
    ImGui::SetNextItemWidth(-FLT_MIN);
    typed_int("##stop epoch", &p.view.stop_epoch, 0, kMaxEpochs, &p.message);
    item_tip("The run pauses when it reaches this epoch (0: never); Play past it does nothing until it is changed");
    row("or test loss ≤");
    ImGui::SetNextItemWidth(-FLT_MIN);
    typed_double("##stop loss", &p.view.stop_loss, "%g", &p.message, [&p](double v) {
        if (v >= 0.0 && v <= 1e6) return std::string();
        return "A test loss to pause at is 0 (none) or above, up to 1e6; it stays " + plot::format_significant(p.view.stop_loss) + ".";
    });
    item_tip("Pauses once, at the first epoch whose test loss is at or below this (0: none); Play then carries on");
    if (p.data.classes > 0) {
        row("or accuracy ≥ %");
        ImGui::SetNextItemWidth(-FLT_MIN);
        typed_double("##stop accuracy", &p.view.stop_accuracy, "%g", &p.message, [&p](double v) {
            if (v >= 0.0 && v <= 100.0) return std::string();
            return "A test accuracy to pause at is a percentage from 0 (none) to 100; it stays " +
                   plot::format_significant(p.view.stop_accuracy) + ".";
        });
        item_tip("Pauses once, at the first epoch whose test accuracy is at or above this percentage (0: none)");
    }
    ImGui::Spacing();
    ImGui::Checkbox("Show test points", &p.view.show_test);
    ImGui::Checkbox("Discretise the output", &p.view.discrete);
    ImGui::Checkbox("Loss on a log axis", &p.view.log_loss);
    if (p.view.show_test != p.boundary.show_test || p.view.discrete != p.boundary.discrete) p.pictures_dirty = true;
}

}  // namespace

void draw_playground_controls(PlaygroundState& p) {
    draw_data_controls(p);
    draw_feature_controls(p);
    draw_network_controls(p);
    draw_training_controls(p);
}

}  // namespace actlab::app
