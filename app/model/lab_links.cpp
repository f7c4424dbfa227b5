#include "app/model/lab_links.h"

#include "app/gui.h"
#include "app/model/playground_model.h"
#include "app/plot/text_format.h"
#include "core/decision_grid.h"

#include <algorithm>

namespace actlab::app {

void explore_layer(AppState& state, int layer) {
    const PlaygroundState& p = state.playground;
    if (!p.shown || layer < 0 || layer >= static_cast<int>(p.shown->units.size())) return;
    const core::LayerHistogram& h = p.shown->units[static_cast<size_t>(layer)];
    ActivationView& v = state.explorer.view;
    // the layer's function first and in focus; the others shown stay, to compare with
    v.functions.erase(std::remove(v.functions.begin(), v.functions.end(), h.activation), v.functions.end());
    v.functions.insert(v.functions.begin(), h.activation);
    v.params[static_cast<size_t>(h.activation)] = h.params;
    v.focus = h.activation;
    v.shade_saturation = v.shade_dead = true;
    v.saturation_threshold = p.shown->saturation;
    // the x range the layer's units cover
    v.x_min = h.low;
    v.x_max = h.high;
    state.explorer.reset_view = true;
    const core::Activation& act = core::activation(h.activation);
    state.status = {"The explorer shows " + activation_label(act, h.params) + " as hidden layer " + std::to_string(layer + 1) +
                        " has it now, over the z its units reach.",
                    false};
    select_lab(state, Lab::Activations);
}

void gradients_from_playground(AppState& state) {
    const core::TrainConfig& c = state.playground.view.config;
    if (c.hidden.empty()) {
        state.status = {"The playground's network has no hidden layer: add one to see its gradient across layers.", true};
        return;
    }
    GradientView& g = state.gradients.view;
    const core::HiddenLayer& first = c.hidden.front();
    int width = 0;
    bool mixed = false;
    for (const core::HiddenLayer& h : c.hidden) {
        width = std::max(width, h.units);
        mixed |= h.activation != first.activation || h.units != first.units;
    }
    g.activation = first.activation;
    g.params[static_cast<size_t>(first.activation)] = first.params;
    g.depth = std::clamp(static_cast<int>(c.hidden.size()), core::kMinFlowDepth, core::kMaxFlowDepth);
    g.width = std::clamp(width, core::kMinFlowWidth, core::kMaxFlowWidth);
    g.init = c.init;
    if (c.init.kind == core::InitKind::Playground) {
        // Playground's weights: uniform in ±0.5, biases 0.1
        g.init.kind = core::InitKind::Uniform;
        g.init.a = 0.5;
        g.init.bias = 0.1;
    }
    std::string said = "The gradient lab shows a random network of " + std::to_string(g.depth) + " hidden " +
                       (g.depth == 1 ? "layer" : "layers") + " of " + std::to_string(g.width) + " " +
                       core::activation(g.activation).label + " units, initialised " + init_label(g.init) + ".";
    if (mixed) said += " The playground's layers differ: this uses the widest layer and the first layer's activation.";
    bool gated = false;
    for (const core::HiddenLayer& h : c.hidden) gated |= h.gated;
    if (gated)
        said += std::string(" The gradient lab has no gated units: its layers are plain ") + core::activation(g.activation).label +
                ", the playground's gate.";
    state.status = {said, false};
    select_lab(state, Lab::Gradients);
}

void playground_from_gradients(AppState& state) {
    const GradientView& g = state.gradients.view;
    PlaygroundState& p = state.playground;
    core::TrainConfig trial = p.view.config;
    const int depth = std::min(g.depth, core::kMaxHiddenLayers), width = std::min(g.width, core::kMaxUnits);
    core::HiddenLayer layer = core::hidden_layer(width, g.activation);
    layer.params = g.params[static_cast<size_t>(g.activation)];
    trial.hidden.assign(static_cast<size_t>(depth), layer);
    trial.init = g.init;
    std::string why;
    if (p.data.size() > 0 && !core::check_train_config(trial, p.data, &why)) {
        state.status = {"Not trained in the playground: " + why + ".", true};
        return;
    }
    p.view.config = trial;
    p.needs_reset = true;
    std::string said = "The playground trains " + std::to_string(depth) + " hidden " + (depth == 1 ? "layer" : "layers") +
                       " of " + std::to_string(width) + " " + core::activation(g.activation).label + " units, initialised " +
                       init_label(g.init) + ".";
    if (depth < g.depth || width < g.width)
        said += " The playground's network is at most " + std::to_string(core::kMaxHiddenLayers) + " layers of " +
                std::to_string(core::kMaxUnits) + " units, so the gradient lab's " + std::to_string(g.depth) + " × " +
                std::to_string(g.width) + " became " + std::to_string(depth) + " × " + std::to_string(width) + ".";
    state.status = {said, false};
    select_lab(state, Lab::Playground);
}

void softmax_from_point(AppState& state, double x1, double x2) {
    const PlaygroundState& p = state.playground;
    if (!p.shown || !network_fits(p.shown->network, p.view.config, p.data)) return;
    const core::Output output = p.view.config.output;
    if (output == core::Output::Identity) {
        state.status = {"A regression has no classes to share out: the softmax lab needs a classifying output.", true};
        return;
    }
    const Eigen::VectorXd z = core::logits_at(p.shown->network, p.view.config.features, x1, x2);
    SoftmaxView& v = state.softmax.view;
    std::vector<double> logits;
    std::vector<std::string> labels;
    if (output == core::Output::Softmax) {
        for (Eigen::Index k = 0; k < z.size(); ++k) {
            logits.push_back(z[k]);
            labels.push_back("class " + std::to_string(k));
        }
    } else {
        const double z0 = z[0];
        logits = output == core::Output::Sigmoid ? std::vector<double>{0.0, z0} : std::vector<double>{-z0, z0};
        labels = output == core::Output::Sigmoid ? std::vector<std::string>{"class 0", "class 1"}
                                                 : std::vector<std::string>{"class −1", "class +1"};
    }
    // two classes the other way round: the softmax lab's first colour (blue) is the plane's second class's
    if (logits.size() == 2) {
        std::swap(logits[0], logits[1]);
        std::swap(labels[0], labels[1]);
    }
    for (double& l : logits) l = std::clamp(l, -kMaxAbsLogit, kMaxAbsLogit);
    v.logits = logits;
    v.labels = labels;
    v.temperatures = {std::clamp(p.view.temperature, 1e-3, 1e3)};
    state.softmax.refit_logits = true;
    state.status = {"The softmax lab shows the network's logits at x₁ = " + plot::format_significant(x1, 3) + ", x₂ = " +
                        plot::format_significant(x2, 3) + (output == core::Output::Softmax ? "" : output == core::Output::Sigmoid
                                                                                                    ? " (one output z as the logits 0 and z)"
                                                                                                    : " (tanh's z as the logits −z and z)") +
                        ", at temperature " + plot::format_significant(v.temperatures.front(), 3) + ".",
                    false};
    select_lab(state, Lab::Softmax);
}

void race_gated_in_playground(AppState& state) {
    RaceState& race = state.playground.race;
    race.kinds = {RunnerKind{core::activation_index("relu"), false, 8}, RunnerKind{core::activation_index("silu"), true, 6}};
    race.message.clear();
    state.status = {"The playground's race is set: ReLU with 8 units against SwiGLU with 6 gated units in every hidden "
                    "layer. Open its Activation race tab and press Start race; the table counts each runner's parameters.",
                    false};
    select_lab(state, Lab::Playground);
}

void follow_lab_links(AppState& state) {
    const std::vector<LabLink> links = std::move(state.links);
    state.links.clear();
    for (const LabLink& l : links) {
        switch (l.kind) {
            case LabLink::Kind::ExploreLayer: explore_layer(state, l.layer); break;
            case LabLink::Kind::GradientsFromPlayground: gradients_from_playground(state); break;
            case LabLink::Kind::PlaygroundFromGradients: playground_from_gradients(state); break;
            case LabLink::Kind::SoftmaxFromPoint: softmax_from_point(state, l.x1, l.x2); break;
            case LabLink::Kind::RaceGatedInPlayground: race_gated_in_playground(state); break;
        }
    }
}

}  // namespace actlab::app
