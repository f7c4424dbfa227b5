#include "app/cli/export_plots.h"

#include "app/figures/activation_figure.h"
#include "app/figures/boundary_figure.h"
#include "app/figures/gated_figure.h"
#include "app/figures/gradient_figure.h"
#include "app/figures/live_gradient_figure.h"
#include "app/figures/loss_figure.h"
#include "app/figures/network_figure.h"
#include "app/figures/race_figure.h"
#include "app/figures/softmax_figure.h"
#include "app/figures/units_figure.h"
#include "app/figures/warp_figure.h"
#include "app/figures/playground_keys.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace actlab::app {

namespace {

bool check_activations(const std::vector<KeyValue>& sets, bool csv, ExportKeys* keys, std::string* error) {
    ActivationView& view = keys->activations;
    bool range_given = false;
    for (const auto& [key, value] : sets) {
        if (!apply_activation_key(&view, key, value, error)) {
            *error = "--set " + *error;
            return false;
        }
        if (key == "xmin" || key == "xmax") range_given = true;
    }
    if (view.functions.empty()) {
        *error = "--set functions= names no function to show";
        return false;
    }
    if (!view.x_points.empty() && !range_given) {
        // Exact points and no range: a PNG shows the points' range, held to ±1e6 and widened when the
        // points all coincide. (A CSV of exact points needs no range: any finite x is written.)
        const auto [lo, hi] = std::minmax_element(view.x_points.begin(), view.x_points.end());
        view.x_min = std::clamp(*lo, -kMaxAbsX, kMaxAbsX);
        view.x_max = std::clamp(*hi, -kMaxAbsX, kMaxAbsX);
        if (!(view.x_min < view.x_max)) {
            // widened inward at ±1e6, so the range stays one that xmin= and xmax= accept
            const double pad = std::max(1.0, std::fabs(view.x_min) * 1e-6);
            view.x_min = std::max(view.x_min - pad, -kMaxAbsX);
            view.x_max = std::min(view.x_max + pad, kMaxAbsX);
        }
    }
    // The range matters to every PNG, and to a CSV unless exact points replace the sweep; a range that
    // was given is checked either way.
    if ((range_given || !(csv && !view.x_points.empty())) && !check_activation_range(view, error)) return false;
    return true;
}

Figure compute_activations(const ExportKeys& keys, bool) {
    return activation_export_figure(keys.activations, fit_limits(keys.activations));
}

// The softmax plots: every key checked (and known to the plot) before anything is computed.
bool prepare_softmax_view(SoftmaxPlot plot, const char* name, const std::vector<KeyValue>& sets, SoftmaxView* view,
                          std::string* error) {
    long labels_given = -1;  // how many labels= named, when given
    for (const auto& [key, value] : sets) {
        if (!softmax_plot_takes(plot, key)) {
            *error = "--set unknown key '" + quoted(key) + "' for " + name + " (keys: " + softmax_plot_keys(plot) + ")";
            return false;
        }
        if (!apply_softmax_key(view, key, value, error)) {
            *error = "--set " + *error;
            return false;
        }
        if (key == "labels") labels_given = static_cast<long>(view->labels.size());
    }
    // logits= after labels= keeps the labels there are and names the rest A, B, ...: fine in
    // settings.json, but on the command line a list of labels that does not match is a mistake
    if (labels_given >= 0 && labels_given != view->classes()) {
        *error = "--set labels= names " + std::to_string(labels_given) + (labels_given == 1 ? " class" : " classes") +
                 ", but logits= gives " + std::to_string(view->classes()) + ": give one label per logit";
        return false;
    }
    if (plot != SoftmaxPlot::Probabilities && view->temperatures.size() > 1) {
        *error = std::string("--set temperature= gives ") + std::to_string(view->temperatures.size()) +
                 " temperatures, but " + name + " shows one (softmax compares several)";
        return false;
    }
    return check_softmax_view(*view, error);
}

// The gradient plots: every key checked (and known to the plot) before anything is computed.
bool read_gradient_keys(GradientPlot plot, const char* name, const std::vector<KeyValue>& sets, GradientView* view,
                        std::string* error) {
    for (const auto& [key, value] : sets) {
        if (!gradient_plot_takes(plot, key)) {
            *error = "--set unknown key '" + quoted(key) + "' for " + name + " (keys: " + gradient_plot_keys(plot) + ")";
            return false;
        }
        if (!apply_gradient_key(view, key, value, error)) {
            *error = "--set " + *error;
            return false;
        }
    }
    // σ and a shape only the normal and uniform inits: given with another init they would be ignored
    auto uses = [&](core::InitKind kind) {
        if (plot != GradientPlot::Compare) return view->init.kind == kind;
        for (const GradientPair& pair : view->compare)
            if (pair.init == kind) return true;
        return false;
    };
    for (const auto& [key, value] : sets) {
        if (key == "sigma" && !uses(core::InitKind::Normal)) {
            *error = plot == GradientPlot::Compare ? "--set sigma is used only by pairs with init normal (none here)"
                                                   : "--set sigma is used only with init=normal";
            return false;
        }
        if (key == "a" && !uses(core::InitKind::Uniform)) {
            *error = plot == GradientPlot::Compare ? "--set a is used only by pairs with init uniform (none here)"
                                                   : "--set a is used only with init=uniform";
            return false;
        }
    }
    return true;
}

// The PLOT argument that names a gated-units plot.
const char* gated_command_name(GatedPlot plot) {
    switch (plot) {
        case GatedPlot::Surface: return "glu-surface";
        case GatedPlot::Gradient: return "glu-gradient";
        case GatedPlot::Slice: return "glu-slice";
        case GatedPlot::Ffn: return "glu-ffn";
    }
    return "glu-surface";
}

// The gated-units plots: every key checked (and known to the plot) before anything is computed.
template <GatedPlot plot>
bool check_gated(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    GatedView& view = keys->gated;
    const char* name = gated_command_name(plot);
    for (const auto& [key, value] : sets) {
        if (!gated_plot_takes(plot, key)) {
            *error = "--set unknown key '" + quoted(key) + "' for " + name + " (keys: " + gated_plot_keys(plot) + ")";
            return false;
        }
        if (!apply_gated_key(&view, key, value, error)) {
            *error = "--set " + *error;
            return false;
        }
    }
    if (plot == GatedPlot::Ffn) {
        std::int64_t width = 0;
        if (!two_thirds_width(view, &width, error)) {
            *error = "--set d_model= and multiple=: " + *error;
            return false;
        }
        return true;
    }
    if (!check_gated_view(view, error)) {
        *error = "--set " + *error;
        return false;
    }
    return true;
}

template <GatedPlot plot>
Figure compute_gated(const ExportKeys& keys, bool) {
    return gated_export_figure(keys.gated, plot);
}

// The PLOT argument that names a softmax plot.
const char* softmax_command_name(SoftmaxPlot plot) {
    switch (plot) {
        case SoftmaxPlot::Probabilities: return "softmax";
        case SoftmaxPlot::Logits: return "softmax-logits";
        case SoftmaxPlot::Filtered: return "softmax-filter";
        case SoftmaxPlot::Samples: return "softmax-samples";
        case SoftmaxPlot::Sweep:
        case SoftmaxPlot::Entropy:
        case SoftmaxPlot::SweepAndEntropy: break;
    }
    return "softmax-sweep";
}

template <SoftmaxPlot plot>
bool check_softmax(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    return prepare_softmax_view(plot, softmax_command_name(plot), sets, &keys->softmax, error);
}

template <SoftmaxPlot plot>
Figure compute_softmax(const ExportKeys& keys, bool) {
    return softmax_export_figure(keys.softmax, plot);
}

bool check_gradient_chain(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    keys->gradients.activation = core::activation_index("sigmoid");  // the classic example (z = 0 gives 0.25^k)
    // z stays at the view's 1, as in gradient-flow and the window: at 0, ReLU's f'(0) = 0 would end the chain
    return read_gradient_keys(GradientPlot::Chain, "gradient-chain", sets, &keys->gradients, error);
}

Figure compute_gradient_chain(const ExportKeys& keys, bool) { return gradient_chain_figure(keys.gradients); }

bool check_gradient_flow(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    return read_gradient_keys(GradientPlot::Flow, "gradient-flow", sets, &keys->gradients, error);
}

Figure compute_gradient_flow(const ExportKeys& keys, bool) {
    std::vector<core::LayerStats> layers;
    core::gradient_flow(keys.gradients.network(), &layers);
    return gradient_flow_figure(keys.gradients, layers);
}

bool check_gradient_compare(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    return read_gradient_keys(GradientPlot::Compare, "gradient-compare", sets, &keys->gradients, error);
}

Figure compute_gradient_compare(const ExportKeys& keys, bool) {
    const GradientView& view = keys.gradients;
    std::vector<std::vector<core::LayerStats>> results(view.compare.size());
    for (size_t i = 0; i < view.compare.size(); ++i) core::gradient_flow(view.pair_network(i), &results[i]);
    return gradient_compare_figure(view, results);
}

// The training keys, then the data (generated, or read from data=) and the checks that need them.
bool check_training(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    for (const auto& [key, value] : sets)
        if (!apply_training_key(&keys->training, key, value, error)) {
            *error = "--set " + *error;
            return false;
        }
    return finish_training_request(&keys->training, &keys->data, error);
}

// "circle", or "data" for points read from a file: for the figure's file name.
std::string data_name(const TrainingRequest& request) {
    return request.data_file.empty() ? core::dataset_info(request.config.data.kind).id : "data";
}

// "<name>_500epochs_seed1": the end of a trained figure's file name.
std::string run_name(const TrainingRequest& request) {
    return data_name(request) + "_" + std::to_string(request.epochs) + "epochs_seed" +
           std::to_string(request.config.seed);
}

// The data as the figures name them: the file given, or the generated dataset's id.
std::string data_label(const TrainingRequest& request) {
    return request.data_file.empty() ? data_name(request) : request.data_file;
}

// Training is done here, headless: the figure then only formats the recorded epochs.
Figure compute_loss(const ExportKeys& keys, bool) {
    const LossCurves curves = train_loss_curves(keys.training, keys.data);
    return loss_export_figure(curves, "loss_" + run_name(keys.training));
}

// Grid points per side of an exported boundary: finer than the window's, for print.
constexpr int kExportGridPoints = 256;

// Trains headless for the epochs asked (stopping early on a divergence), evaluating every epoch so a
// collapse is seen as it would be in the playground. With `gradients`, each evaluated epoch's
// per-layer gradient and update ratio, the untrained network's (epoch 0) first.
std::unique_ptr<core::Training> train(const ExportKeys& keys, core::GradientHistory* gradients = nullptr) {
    auto run = std::make_unique<core::Training>(keys.training.config, keys.data);
    if (gradients) gradients->clear(run->network().layer_count());
    auto evaluate = [&] {
        run->evaluate();
        if (gradients) gradients->add(run->epoch(), run->layer_gradient_rms(), run->update_ratio());
    };
    evaluate();  // the untrained network
    for (int e = 0; e < keys.training.epochs; ++e) {
        if (!run->run_epoch()) break;
        evaluate();
    }
    return run;
}

// What went wrong in the run, if anything: a blow-up, or a collapse.
std::string training_note(const core::Training& run) {
    if (run.divergence().happened)
        return run.divergence().message() + " The figure shows the weights from before that step (epoch " +
               std::to_string(run.epoch()) + ").";
    if (run.collapse().happened())
        return run.collapse().message() + " Training went on; the figure shows epoch " + std::to_string(run.epoch()) + ".";
    return "";
}

// The training keys, and the boundary's own: temperature= and entropy=on|off, which only a prediction
// (not a regression) has.
bool check_boundary(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    const KeyValue* display = nullptr;  // the last temperature= or entropy= that changes the picture
    for (const KeyValue& set : sets) {
        const auto& [key, value] = set;
        if (key == "temperature") {
            double number = 0.0;
            if (!parse_finite(value, &number) || number < kMinOutputTemperature || number > kMaxOutputTemperature) {
                *error = "--set " + key_error(key, value, "must be from " + number_text(kMinOutputTemperature) + " to " +
                                                              number_text(kMaxOutputTemperature));
                return false;
            }
            keys->temperature = number;
            if (number != 1.0) display = &set;
            continue;
        }
        if (key == "entropy") {
            if (value != "on" && value != "off") {
                *error = "--set " + key_error(key, value, "must be on or off");
                return false;
            }
            keys->entropy = value == "on";
            if (keys->entropy) display = &set;
            continue;
        }
        if (!apply_training_key(&keys->training, key, value, error)) {
            if (error->rfind("unknown key", 0) == 0) error->insert(error->size() - 1, ", temperature, entropy");
            *error = "--set " + *error;
            return false;
        }
    }
    if (!finish_training_request(&keys->training, &keys->data, error)) return false;
    if (display && !output_has_temperature(keys->training.config.output)) {
        *error = "--set " + key_error(display->first, display->second,
                                      "output=identity is a regression, not a prediction: it has no temperature or "
                                      "entropy (they apply to tanh, sigmoid and softmax)");
        return false;
    }
    return true;
}

Figure compute_boundary(const ExportKeys& keys, bool) {
    const std::unique_ptr<core::Training> run = train(keys);
    const core::EpochRecord last = run->evaluate();
    auto picture = std::make_shared<BoundaryPicture>();
    auto grid = std::make_shared<core::DecisionGrid>();
    picture->temperature = keys.temperature;
    picture->entropy = keys.entropy;
    make_boundary_picture(keys.training.config, keys.data, data_label(keys.training), run->network(), &last,
                          kExportGridPoints, picture.get(), grid.get());
    Figure out = boundary_export_figure(picture, grid, "boundary_" + run_name(keys.training));
    out.note = training_note(*run);
    return out;
}

// The network after training: each unit's map on a grid coarser than the boundary's (the thumbnails
// are small; the GPU interpolates), and the weights as they are.
constexpr int kNetworkGridPoints = 128;

Figure compute_network(const ExportKeys& keys, bool) {
    const std::unique_ptr<core::Training> run = train(keys);
    run->evaluate();  // counts the dead units with the final weights
    auto picture = std::make_shared<NetworkPicture>();
    make_network_picture(keys.training.config, keys.data, data_label(keys.training), run->network(),
                         run->dead_mask(), run->epoch(), kNetworkGridPoints, picture.get());
    Figure out = network_export_figure(picture, "network_" + run_name(keys.training));
    out.note = training_note(*run);
    return out;
}

// A training key for a plot that has keys of its own (`own`, listed first in an "unknown key" message
// for `plot`). False with *error ("--set ...") when it is not one or its value is wrong.
bool apply_plot_training_key(ExportKeys* keys, const std::string& key, const std::string& value, const char* plot,
                             const char* own, std::string* error) {
    if (apply_training_key(&keys->training, key, value, error)) return true;
    const std::string keys_list = "' (keys: ";  // the training keys' list, with this plot's own
    const size_t at = error->find(keys_list);
    if (error->rfind("unknown key", 0) == 0 && at != std::string::npos)
        error->replace(at, keys_list.size(), "' for " + std::string(plot) + " (keys: " + own + ", ");
    *error = "--set " + *error;
    return false;
}

// The training keys and threshold=, the saturation threshold of the zones.
bool check_units(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    for (const auto& [key, value] : sets) {
        if (key == "threshold") {
            double number = 0.0;
            if (!parse_finite(value, &number) || number < kMinUnitsThreshold || number > kMaxUnitsThreshold) {
                *error = "--set " + key_error(key, value, "the saturation threshold must be from " +
                                                              number_text(kMinUnitsThreshold) + " to " +
                                                              number_text(kMaxUnitsThreshold));
                return false;
            }
            keys->units_threshold = number;
        } else if (!apply_plot_training_key(keys, key, value, "units", "threshold", error)) {
            return false;
        }
    }
    return finish_training_request(&keys->training, &keys->data, error);
}

// The histograms of the last evaluated epoch (before a blow-up, the one before it).
Figure compute_units(const ExportKeys& keys, bool) {
    core::GradientHistory evaluated;
    const std::unique_ptr<core::Training> run = train(keys, &evaluated);
    std::vector<core::LayerHistogram> layers;
    for (const core::LayerActivity& layer : run->activity()) layers.push_back(core::layer_histogram(layer, keys.units_threshold));
    const std::string subtitle = describe_training(keys.training.config, keys.data, data_label(keys.training));
    auto picture = std::make_shared<const UnitsPicture>(
        make_units_picture(std::move(layers), evaluated.epochs.back(), keys.units_threshold, subtitle));
    Figure out = units_export_figure(picture, "units_" + run_name(keys.training));
    out.note = training_note(*run);
    return out;
}

// The training keys, the layers view's layer=, stage= and projection= (playground_keys.h), and
// stages=all; the layer and the units of a plane are checked against the network the keys build.
bool check_warp(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    const KeyValue* layer_set = nullptr;
    const KeyValue* projection_set = nullptr;
    for (const KeyValue& set : sets) {
        const auto& [key, value] = set;
        if (key == "layer" || key == "stage" || key == "projection") {
            PlaygroundView view;
            view.warp = keys->warp;
            if (!apply_playground_key(&view, key, value, error)) {
                *error = "--set " + *error;
                return false;
            }
            keys->warp = view.warp;
            if (key == "layer") layer_set = &set;
            if (key == "projection") projection_set = &set;
        } else if (key == "stages") {
            if (value != "all" && value != "one") {
                *error = "--set " + key_error(key, value, "must be all (every stage of every layer) or one (the layer and stage given)");
                return false;
            }
            keys->warp_stages = value == "all";
        } else if (!apply_plot_training_key(keys, key, value, "warp", "layer, stage, projection, stages", error)) {
            return false;
        }
    }
    if (!finish_training_request(&keys->training, &keys->data, error)) return false;
    const std::vector<core::HiddenLayer>& hidden = keys->training.config.hidden;
    const int layers = static_cast<int>(hidden.size());
    if (layer_set && keys->warp.layer > layers) {
        *error = "--set " + key_error(layer_set->first, layer_set->second,
                                      layers == 0 ? "the network has no hidden layer (layers=none): only layer=0, the input plane"
                                                  : "the network has " + std::to_string(layers) + " hidden layer" +
                                                        (layers == 1 ? "" : "s") + ": give 0 (the input plane) to " +
                                                        std::to_string(layers));
        return false;
    }
    const core::WarpProjection& projection = keys->warp.projection;
    if (projection_set && !keys->warp.automatic && projection.kind == core::WarpProjection::Kind::Output) {
        const int step = warp_view_step(keys->warp, layers);
        if (step == 0 || core::warp_step_layer(step) + 1 != layers) {
            *error = "--set " + key_error(projection_set->first, projection_set->second,
                                          "the plane the output reads is the last hidden layer's (layer " +
                                              std::to_string(layers) + "): give layer=last or pca for another");
            return false;
        }
    }
    if (projection_set && !keys->warp.automatic && projection.kind == core::WarpProjection::Kind::Units) {
        const int step = warp_view_step(keys->warp, layers);
        const int layer = step > 0 ? core::warp_step_layer(step) : -1;
        const int units = layer >= 0 ? hidden[static_cast<size_t>(layer)].units : 2;
        if (layer < 0 || units < 3) {
            *error = "--set " + key_error(projection_set->first, projection_set->second,
                                          layer < 0 ? "the input plane is drawn as it is (x1, x2): projection= is for a "
                                                      "hidden layer of 3 or more units"
                                                    : "layer " + std::to_string(layer + 1) + " has " + std::to_string(units) +
                                                          (units == 1 ? " unit" : " units") + ", drawn as it is: projection= is "
                                                          "for a layer of 3 or more");
            return false;
        }
        if (std::max(projection.i, projection.j) >= units) {
            *error = "--set " + key_error(projection_set->first, projection_set->second,
                                          "layer " + std::to_string(layer + 1) + " has " + std::to_string(units) +
                                              " units: name two from 1 to " + std::to_string(units));
            return false;
        }
    }
    return true;
}

// The network after training, every stage of it, over the boundary's frame.
Figure compute_warp(const ExportKeys& keys, bool) {
    const std::unique_ptr<core::Training> run = train(keys);
    const core::TrainConfig& config = keys.training.config;
    const std::string subtitle = describe_training(config, keys.data, data_label(keys.training));
    auto picture = std::make_shared<const WarpPicture>(make_warp_picture(
        run->network(), config.features, core::grid_over(keys.data, 2), run->train_set(), run->test_set(), config.output,
        keys.warp, run->epoch(), subtitle));
    const std::string stage = keys.warp_stages ? "all" : warp_step_name(picture->shown_step);
    Figure out = warp_export_figure(picture, keys.warp_stages, "warp_" + stage + "_" + run_name(keys.training));
    out.note = training_note(*run);
    return out;
}

// Every evaluated epoch's row, epoch 0 included.
Figure compute_gradient_live(const ExportKeys& keys, bool) {
    core::GradientHistory history;
    const std::unique_ptr<core::Training> run = train(keys, &history);
    const std::string subtitle = describe_training(keys.training.config, keys.data, data_label(keys.training));
    auto picture = std::make_shared<const LiveGradientPicture>(make_live_gradient_picture(history, history.epochs.back(), subtitle));
    Figure out = live_gradient_export_figure(picture, "gradient-live_" + run_name(keys.training));
    out.note = training_note(*run);
    return out;
}

// race=: the runners, 2 to 4 of them (parse_runner: relu, swiglu, gated_tanh, relu:8), each once.
bool parse_race_runners(const std::string& value, std::vector<RunnerKind>* out, std::string* error) {
    std::vector<RunnerKind> ids;
    for (const std::string& item : split_list(value)) {
        RunnerKind runner;
        std::string why;
        if (!parse_runner(item, &runner, &why)) {
            *error = key_error("race", value, quoted(why));
            return false;
        }
        if (std::find(ids.begin(), ids.end(), runner) != ids.end()) {
            *error = key_error("race", value,
                               "names " + quoted(item) + " twice: each runner has its own activation, gating or width");
            return false;
        }
        ids.push_back(runner);
    }
    if (static_cast<int>(ids.size()) < kMinRaceRunners || static_cast<int>(ids.size()) > kMaxRaceRunners) {
        *error = key_error("race", value,
                           "name " + std::to_string(kMinRaceRunners) + " to " + std::to_string(kMaxRaceRunners) +
                               " activations, one per runner (it names " + std::to_string(ids.size()) + ")");
        return false;
    }
    *out = ids;
    return true;
}

// The training keys race takes: all but activation= and gated= (race= names what the runners train).
std::string race_training_keys() {
    std::string names;
    for (const Key<TrainingRequest>& k : training_key_table().keys)
        if (std::string(k.name) != "activation" && std::string(k.name) != "gated")
            names += (names.empty() ? "" : ", ") + std::string(k.name);
    return names;
}

// The training keys, with the runners' activations from race= instead of activation=, and race_loss=
// the target.
bool check_race(const std::vector<KeyValue>& sets, bool, ExportKeys* keys, std::string* error) {
    keys->race = {{core::activation_index("sigmoid")}, {core::activation_index("tanh")}, {core::activation_index("relu")},
                  {core::activation_index("gelu")}};
    for (const auto& [key, value] : sets) {
        if (key == "race") {
            if (!parse_race_runners(value, &keys->race, error)) {
                *error = "--set " + *error;
                return false;
            }
            continue;
        }
        if (key == "race_loss") {
            double number = 0.0;
            if (!parse_finite(value, &number) || number <= 0 || number > 1e6) {
                *error = "--set " + key_error(key, value, "the target test loss must be above 0 (and at most 1e6)");
                return false;
            }
            keys->race_loss = number;
            continue;
        }
        if (key == "activation" || key == "gated") {
            *error = "--set " + key + "= is not used by race: name the runners with race=sigmoid,tanh,... (swiglu, "
                     "gated_tanh or relu:8 for gated runners and runners of their own width)";
            return false;
        }
        if (!apply_training_key(&keys->training, key, value, error)) {
            if (error->rfind("unknown key", 0) == 0)
                *error = "unknown key '" + quoted(key) + "' for race (keys: race, race_loss, " + race_training_keys() + ")";
            *error = "--set " + *error;
            return false;
        }
    }
    if (!finish_training_request(&keys->training, &keys->data, error)) return false;
    if (keys->training.config.hidden.empty()) {
        *error = "--set layers=none leaves no hidden layer, so the runners would not differ: race needs at least one";
        return false;
    }
    return true;
}

// Every runner trains headless here.
Figure compute_race(const ExportKeys& keys, bool) {
    const TrainingRequest& request = keys.training;
    auto race = std::make_shared<const RaceResult>(train_race(request.config, keys.data, data_label(request), keys.race,
                                                              request.epochs, keys.race_loss, kExportGridPoints));
    return race_export_figure(race, "race_" + run_name(request));
}

}  // namespace

const std::vector<ExportPlot>& export_plots() {
    static const std::vector<ExportPlot> plots = {
        {"activations", "activation functions and their derivatives", activation_keys_help(), check_activations, compute_activations},
        {"softmax", "softmax(z / T) as bars, at one or more temperatures", softmax_keys_help(),
         check_softmax<SoftmaxPlot::Probabilities>,
         compute_softmax<SoftmaxPlot::Probabilities>},
        {"softmax-logits", "the logits z as bars, one per class", softmax_plot_help(SoftmaxPlot::Logits),
         check_softmax<SoftmaxPlot::Logits>,
         compute_softmax<SoftmaxPlot::Logits>},
        {"softmax-sweep", "p_i(T) and the entropy H(T) over a range of temperatures",
         softmax_plot_help(SoftmaxPlot::SweepAndEntropy), check_softmax<SoftmaxPlot::SweepAndEntropy>,
         compute_softmax<SoftmaxPlot::SweepAndEntropy>},
        {"softmax-filter", "softmax at T before and after top-k / top-p", softmax_plot_help(SoftmaxPlot::Filtered),
         check_softmax<SoftmaxPlot::Filtered>,
         compute_softmax<SoftmaxPlot::Filtered>},
        {"softmax-samples", "a histogram of draws from softmax at T (after top-k / top-p) against the probabilities",
         softmax_plot_help(SoftmaxPlot::Samples), check_softmax<SoftmaxPlot::Samples>,
         compute_softmax<SoftmaxPlot::Samples>},
        {"glu-surface", "a gated unit g(a, b) = act(a)·b as a map with contour lines", gated_plot_help(GatedPlot::Surface),
         check_gated<GatedPlot::Surface>, compute_gated<GatedPlot::Surface>},
        {"glu-gradient", "its partials ∂g/∂a and ∂g/∂b as maps, where both vanish hatched",
         gated_plot_help(GatedPlot::Gradient), check_gated<GatedPlot::Gradient>, compute_gated<GatedPlot::Gradient>},
        {"glu-slice", "g and its derivative along b = a, along a (b held) or along b (a held)",
         gated_plot_help(GatedPlot::Slice), check_gated<GatedPlot::Slice>, compute_gated<GatedPlot::Slice>},
        {"glu-ffn", "a transformer feed-forward block's parameters and FLOPs: standard, gated, gated at the 2/3 rule",
         gated_plot_help(GatedPlot::Ffn), check_gated<GatedPlot::Ffn>, compute_gated<GatedPlot::Ffn>},
        {"gradient-chain", "f'(z)^k: the gradient left after k layers at one pre-activation z",
         gradient_keys_help(GradientPlot::Chain), check_gradient_chain, compute_gradient_chain},
        {"gradient-flow", "gradient, activations and dead units per layer of a random deep network",
         gradient_keys_help(GradientPlot::Flow), check_gradient_flow, compute_gradient_flow},
        {"gradient-compare", "gradient per layer for 2 to 4 (activation, init) pairs",
         gradient_keys_help(GradientPlot::Compare), check_gradient_compare, compute_gradient_compare},
        {"loss", "trains a small network headless: loss and accuracy per epoch", training_keys_help(), check_training, compute_loss},
        {"boundary", "trains a small network headless: its decision boundary under the data",
         boundary_keys_help(), check_boundary, compute_boundary},
        {"network", "trains a small network headless: the network, with each neuron's map and the weights",
         training_keys_help(), check_training, compute_network},
        {"race", "trains one network 2 to 4 times, each with another hidden activation, from the same weights",
         race_keys_help(), check_race, compute_race},
        {"units", "trains a small network headless: where each hidden layer's units sit on its activation curve",
         units_keys_help(), check_units, compute_units},
        {"gradient-live", "trains a small network headless: the gradient and the weights' update per layer, epoch by epoch",
         training_keys_help(), check_training, compute_gradient_live},
        {"warp", "trains a small network headless: the input plane and the data carried through it, layer by layer",
         warp_keys_help(), check_warp, compute_warp},
    };
    return plots;
}

std::string training_run_name(const TrainingRequest& request) { return run_name(request); }
std::string training_data_label(const TrainingRequest& request) { return data_label(request); }

bool ExportPlot::prepare(const std::vector<KeyValue>& sets, bool csv, Figure* out, std::string* error,
                         ExportKeys start) const {
    ExportKeys keys = std::move(start);
    if (!check(sets, csv, &keys, error)) return false;
    *out = compute(keys, csv);
    return true;
}

const ExportPlot* find_export_plot(const std::string& name) {
    for (const ExportPlot& plot : export_plots())
        if (name == plot.name) return &plot;
    return nullptr;
}

namespace {
constexpr const char* kTrainingPlots[] = {"loss", "boundary", "network", "race", "units", "gradient-live", "warp"};
}  // namespace

bool export_plot_trains(const std::string& name) {
    for (const char* plot : kTrainingPlots)
        if (name == plot) return true;
    return false;
}

std::string training_plot_names() {
    return joined_names(std::vector<std::string>(std::begin(kTrainingPlots), std::end(kTrainingPlots)));
}

}  // namespace actlab::app
