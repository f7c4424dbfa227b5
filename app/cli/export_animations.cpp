#include "app/cli/export_animations.h"

#include "app/cli/export_plots.h"
#include "app/figures/activation_figure.h"
#include "app/figures/boundary_figure.h"
#include "app/figures/loss_figure.h"
#include "app/figures/race_figure.h"
#include "app/figures/softmax_figure.h"
#include "app/figures/warp_figure.h"
#include "core/training.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace actlab::app {

namespace {

// The boundary's grid in an animation's frames: finer than the window's 100, coarser than a PNG's
// 256 (a frame is seldom printed, and there are many to compute); the race's small multiples, coarser.
constexpr int kAnimationGridPoints = 200;
constexpr int kRaceAnimationGridPoints = 128;
// The boundary frame's two halves: no input, and no scroll bar where a long title or the entropy
// legend makes the content a little taller than the half (it would take width from the caption).
constexpr ImGuiWindowFlags kStill = ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

// A network as it was at one epoch of a run.
struct Capture {
    int epoch = 0;
    core::Mlp network;
    core::EpochRecord record;  // the evaluation at that epoch (epoch 0: the untrained network)
};

// One run trained once, headless, evaluated every epoch as the playground does, with the network kept
// at each frame's epoch. A run that stops early (a blow-up) keeps its last good weights for the rest.
struct RecordedRun {
    std::vector<Capture> captures;
    std::vector<int> frame_capture;            // per frame: its index into captures
    std::vector<core::EpochRecord> history;    // epochs 1, 2, … as far as the run got
    core::Divergence divergence;
    core::Collapse collapse;
    core::Dataset train, test;                 // the split the run used
};

bool stopped(const AnimationControl* control) {
    return control && control->stop && control->stop->load(std::memory_order_relaxed);
}

void count_epoch(const AnimationControl* control) {
    if (control && control->epochs_done) control->epochs_done->fetch_add(1, std::memory_order_relaxed);
}

RecordedRun record_run(const core::TrainConfig& config, const core::Dataset& data, int epochs, int frames,
                       const AnimationControl* control) {
    RecordedRun out;
    core::Training run(config, data);
    out.train = run.train_set();
    out.test = run.test_set();
    int next = 0;  // the next frame to capture
    auto capture = [&](const core::EpochRecord& record, bool rest) {
        if (next >= frames) return;
        if (!rest && animation_epoch(next, frames, epochs) != run.epoch()) return;
        out.captures.push_back({run.epoch(), run.network(), record});
        while (next < frames && (rest || animation_epoch(next, frames, epochs) == run.epoch())) {
            out.frame_capture.push_back(static_cast<int>(out.captures.size()) - 1);
            ++next;
        }
    };
    capture(run.evaluate(), false);
    for (int e = 0; e < epochs && next < frames && !stopped(control); ++e) {
        if (!run.run_epoch()) break;
        count_epoch(control);
        const core::EpochRecord record = run.evaluate();
        out.history.push_back(record);
        if (run.collapse().happened() && !out.collapse.happened()) out.collapse = run.collapse();
        capture(record, false);
    }
    out.divergence = run.divergence();
    if (next < frames) capture(out.history.empty() ? run.evaluate() : out.history.back(), true);
    return out;
}

std::vector<core::EpochRecord> history_to(const std::vector<core::EpochRecord>& history, int epoch) {
    std::vector<core::EpochRecord> out;
    for (const core::EpochRecord& r : history)
        if (r.epoch <= epoch) out.push_back(r);
    return out;
}

std::string training_note(const RecordedRun& run) {
    if (run.divergence.happened)
        return run.divergence.message() + " The frames after it show the weights from before that step.";
    if (run.collapse.happened()) return run.collapse.message() + " Training went on.";
    return "";
}

// A swept value as a slide shows it, to 3 significant digits (T = 1.04, α = 0.254): the figure is
// computed at that value, so what the legend says is what is drawn. Held within lo … hi.
double three_digits(double v, double lo, double hi) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return std::clamp(std::strtod(text, nullptr), std::min(lo, hi), std::max(lo, hi));
}

bool check_plot(const char* name, const std::vector<KeyValue>& sets, ExportKeys* keys, std::string* error) {
    const ExportPlot* plot = find_export_plot(name);
    return plot && plot->check(sets, false, keys, error);
}

// The playground's training: the boundary, and the loss curves beside it growing into a frame that
// holds the whole run.
bool make_boundary(const std::vector<KeyValue>& sets, int frames, const AnimationControl* control, Animation* out,
                   std::string* error) {
    auto keys = std::make_shared<ExportKeys>();
    if (!check_plot("boundary", sets, keys.get(), error)) return false;
    auto run = std::make_shared<const RecordedRun>(record_run(keys->training.config, keys->data, keys->training.epochs, frames, control));
    if (stopped(control)) return false;
    auto curves = std::make_shared<LossCurves>();
    curves->history = run->history;
    curves->classification = keys->data.classes > 0;
    curves->subtitle = describe_training(keys->training.config, keys->data, training_data_label(keys->training));
    const plot::Limits home = loss_home(*curves, true);
    out->stem = "boundary_" + training_run_name(keys->training);
    out->frames = frames;
    out->note = training_note(*run);
    out->frame = [keys, run, curves, home](int k) {
        const Capture& c = run->captures[static_cast<size_t>(run->frame_capture[static_cast<size_t>(k)])];
        auto picture = std::make_shared<BoundaryPicture>();
        core::DecisionGrid grid;
        picture->temperature = keys->temperature;
        picture->entropy = keys->entropy;
        make_boundary_picture(keys->training.config, keys->data, training_data_label(keys->training), c.network,
                              &c.record, kAnimationGridPoints, picture.get(), &grid);
        LossCurves shown;
        shown.history = history_to(curves->history, c.epoch);
        shown.classification = curves->classification;
        shown.subtitle = curves->subtitle;
        if (run->collapse.happened() && run->collapse.epoch <= c.epoch) shown.collapse = run->collapse;
        auto texture = std::make_shared<HeatmapTexture>();
        auto painter = std::make_shared<HeatmapPainter>();
        Figure figure;
        figure.draw = [picture, shown, home, texture, painter](ImVec2 size) {
            if (texture->empty()) upload_boundary(*picture, texture.get());
            painter->begin();
            const float gap = ImGui::GetFontSize();
            const float left = std::floor((size.x - gap) * 0.5f);
            ImGui::BeginChild("##boundary", ImVec2(left, size.y), false, kStill);
            draw_boundary_plot(*picture, *texture, painter.get(), ImVec2(left, size.y), plot::PlotFlags_NoInputs);
            ImGui::EndChild();
            ImGui::SameLine(0, gap);
            ImGui::BeginChild("##loss", ImVec2(size.x - left - gap, size.y * 0.8f), false, kStill);
            draw_loss_figure(shown, ImVec2(size.x - left - gap, size.y * 0.8f), true, plot::PlotFlags_NoInputs, false,
                             true, &home);
            ImGui::EndChild();
        };
        return figure;
    };
    return true;
}

// The race: every runner trained once, the frames at the same epochs for all.
bool make_race(const std::vector<KeyValue>& sets, int frames, const AnimationControl* control, Animation* out,
               std::string* error) {
    auto keys = std::make_shared<ExportKeys>();
    if (!check_plot("race", sets, keys.get(), error)) return false;
    const TrainingRequest& request = keys->training;
    struct Runner {
        core::TrainConfig config;
        int parameters = 0;
        RecordedRun run;
    };
    auto runners = std::make_shared<std::vector<Runner>>();
    for (const RunnerKind& kind : keys->race) {
        Runner r;
        r.config = race_config(request.config, kind);
        r.parameters = core::parameter_count(core::network_spec(r.config, keys->data.classes));
        r.run = record_run(r.config, keys->data, request.epochs, frames, control);
        if (stopped(control)) return false;
        runners->push_back(std::move(r));
    }
    out->stem = "race_" + training_run_name(request);
    out->frames = frames;
    for (size_t i = 0; i < runners->size(); ++i)
        if ((*runners)[i].run.divergence.happened)
            out->note += std::string(out->note.empty() ? "" : " ") + runner_label(keys->race[i]) + ": " +
                         (*runners)[i].run.divergence.message();
    out->frame = [keys, runners, frames](int k) {
        const int epoch = animation_epoch(k, frames, keys->training.epochs);
        auto race = std::make_shared<RaceResult>();
        race->target_loss = keys->race_loss;
        race->epochs = keys->training.epochs;
        race->classification = keys->data.classes > 0;
        race->subtitle = describe_training(keys->training.config, keys->data, training_data_label(keys->training), false);
        core::DecisionGrid grid;
        for (size_t i = 0; i < runners->size(); ++i) {
            const Runner& r = (*runners)[i];
            const Capture& c = r.run.captures[static_cast<size_t>(r.run.frame_capture[static_cast<size_t>(k)])];
            RaceEntry entry;
            entry.runner = keys->race[i];
            entry.parameters = r.parameters;
            entry.history = history_to(r.run.history, epoch);
            if (r.run.divergence.happened && r.run.divergence.epoch <= epoch) entry.divergence = r.run.divergence;
            make_boundary_picture(r.config, keys->data, training_data_label(keys->training), c.network,
                                  entry.history.empty() ? nullptr : &entry.history.back(), kRaceAnimationGridPoints,
                                  &entry.picture, &grid);
            race->entries.push_back(std::move(entry));
        }
        return race_export_figure(race, "");
    };
    return true;
}

// The layers view's scrub: the trained network's steps from the input plane to the last, the points
// gliding between steps (draw_warp_figure eases each move), with a pause on every step.
bool make_warp(const std::vector<KeyValue>& sets, int frames, const AnimationControl* control, Animation* out,
               std::string* error) {
    ExportKeys keys;
    for (const KeyValue& set : sets)
        if (set.first == "stages" || set.first == "layer" || set.first == "stage") {
            *error = "--set " + set.first + "= is not used by the warp animation: it goes through every stage, from the "
                     "input plane to the last layer";
            return false;
        }
    if (!check_plot("warp", sets, &keys, error)) return false;
    core::Training run(keys.training.config, keys.data);
    run.evaluate();
    for (int e = 0; e < keys.training.epochs && !stopped(control); ++e) {
        if (!run.run_epoch()) break;
        count_epoch(control);
    }
    if (stopped(control)) return false;
    const core::TrainConfig& config = keys.training.config;
    auto picture = std::make_shared<const WarpPicture>(make_warp_picture(
        run.network(), config.features, core::grid_over(keys.data, 2), run.train_set(), run.test_set(), config.output,
        keys.warp, run.epoch(), describe_training(config, keys.data, training_data_label(keys.training))));
    out->stem = "warp_" + training_run_name(keys.training);
    out->frames = frames;
    if (run.divergence().happened) out->note = run.divergence().message() + " The frames show the weights from before that step.";
    const int last = static_cast<int>(picture->steps.size()) - 1;
    out->frame = [picture, frames, last](int k) {
        // each step held for a fifth of its share of the frames, then the move to the next
        const double t = static_cast<double>(k) / (frames - 1) * last;
        const double step = std::floor(t), within = t - step;
        const double position = std::min<double>(last, step + std::clamp((within - 0.2) / 0.8, 0.0, 1.0));
        Figure figure;
        figure.draw = [picture, position](ImVec2 size) {
            draw_warp_figure(*picture, position, size, true, plot::PlotFlags_NoInputs);
        };
        return figure;
    };
    return true;
}

// softmax(z / T) with T swept from tmin= to tmax=, log-spaced.
bool make_softmax(const std::vector<KeyValue>& sets, int frames, const AnimationControl*, Animation* out,
                  std::string* error) {
    std::vector<KeyValue> rest;
    SoftmaxView ends;
    for (const KeyValue& set : sets) {
        if (set.first == "temperature") {
            *error = "--set temperature= is what the softmax animation sweeps: give the sweep's ends with tmin= and tmax=";
            return false;
        }
        if (set.first == "tmin" || set.first == "tmax") {
            if (!apply_softmax_key(&ends, set.first, set.second, error)) {
                *error = "--set " + *error;
                return false;
            }
            continue;
        }
        rest.push_back(set);
    }
    ExportKeys keys;
    if (!check_plot("softmax", rest, &keys, error)) return false;
    if (!(ends.t_min < ends.t_max)) {
        *error = "--set tmin= (" + number_text(ends.t_min) + ") must be below tmax= (" + number_text(ends.t_max) + ")";
        return false;
    }
    auto view = std::make_shared<const SoftmaxView>(keys.softmax);
    const double lo = std::log(ends.t_min), hi = std::log(ends.t_max);
    out->stem = "softmax_T" + number_text(ends.t_min) + "to" + number_text(ends.t_max);
    out->frames = frames;
    out->frame = [view, lo, hi, frames](int k) {
        SoftmaxView v = *view;
        const double t = k == 0 ? std::exp(lo) : k == frames - 1 ? std::exp(hi) : std::exp(lo + (hi - lo) * k / (frames - 1));
        v.temperatures = {three_digits(t, std::exp(lo), std::exp(hi))};
        return softmax_export_figure(v, SoftmaxPlot::Probabilities);
    };
    return true;
}

// sweep=FUNCTION.PARAM:FROM:TO, such as leaky_relu.alpha:0:0.5.
bool parse_sweep(const std::string& value, int* activation, int* slot, double* from, double* to, std::string* error) {
    const size_t a = value.find(':');
    const size_t b = a == std::string::npos ? a : value.find(':', a + 1);
    const auto bad = [&](const std::string& why) {
        *error = "--set " + key_error("sweep", value, why);
        return false;
    };
    if (b == std::string::npos || value.find(':', b + 1) != std::string::npos)
        return bad("give FUNCTION.PARAMETER:FROM:TO, such as leaky_relu.alpha:0:0.5");
    const std::string key = value.substr(0, a);
    std::string why;
    double number = 0;
    if (!parse_activation_param(key, value.substr(a + 1, b - a - 1), activation, slot, &number, &why)) {
        if (why.empty()) return bad("'" + quoted(key) + "' is not FUNCTION.PARAMETER (leaky_relu.alpha, elu.alpha, swish.beta, ...)");
        return bad("FROM: " + why);
    }
    *from = number;
    if (!parse_activation_param(key, value.substr(b + 1), activation, slot, &number, &why)) return bad("TO: " + why);
    *to = number;
    if (*from == *to) return bad("FROM and TO are the same: nothing would move");
    return true;
}

bool make_activations(const std::vector<KeyValue>& sets, int frames, const AnimationControl*, Animation* out,
                      std::string* error) {
    std::vector<KeyValue> rest;
    const KeyValue* sweep = nullptr;
    bool functions_given = false;
    for (const KeyValue& set : sets) {
        if (set.first == "sweep") sweep = &set;
        else rest.push_back(set);
        if (set.first == "functions") functions_given = true;
    }
    if (!sweep) {
        *error = "an animation of activations sweeps one parameter: give --set sweep=FUNCTION.PARAMETER:FROM:TO, "
                 "such as sweep=leaky_relu.alpha:0:0.5";
        return false;
    }
    int activation = 0, slot = 0;
    double from = 0, to = 0;
    if (!parse_sweep(sweep->second, &activation, &slot, &from, &to, error)) return false;
    const std::string id = core::activation(activation).id;
    if (!functions_given) rest.insert(rest.begin(), {"functions", id});
    ExportKeys keys;
    if (!check_plot("activations", rest, &keys, error)) return false;
    const std::vector<int>& shown = keys.activations.functions;
    if (std::find(shown.begin(), shown.end(), activation) == shown.end()) {
        *error = "--set sweep= moves a parameter of " + id + ", which functions= does not show: add it to functions=";
        return false;
    }
    // one frame for the whole sweep: the y range that fits both ends and the middle
    auto at = [keys, activation, slot](double p) {
        ActivationView v = keys.activations;
        v.params[static_cast<size_t>(activation)].v[slot] = p;
        return v;
    };
    plot::Limits limits = fit_limits(at(from));
    for (double p : {to, 0.5 * (from + to)}) {
        const plot::Limits l = fit_limits(at(p));
        limits.y_min = std::min(limits.y_min, l.y_min);
        limits.y_max = std::max(limits.y_max, l.y_max);
    }
    const std::string param = core::activation(activation).params[slot].name;
    out->stem = "activations_" + id + "_" + param + number_text(from) + "to" + number_text(to);
    out->frames = frames;
    out->frame = [at, from, to, frames, limits](int k) {
        const double p = k == frames - 1 ? to : from + (to - from) * k / (frames - 1);
        return activation_export_figure(at(three_digits(p, from, to)), limits);
    };
    return true;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

}  // namespace

int animation_epoch(int k, int frames, int epochs) {
    return static_cast<int>(std::llround(static_cast<double>(k) * epochs / (frames - 1)));
}

bool take_animation_keys(std::vector<KeyValue>* sets, int* frames, int* fps, std::string* error) {
    std::vector<KeyValue> rest;
    for (const KeyValue& set : *sets) {
        std::string why;
        if (set.first == "frames") {
            if (!int_in_range(set.second, kMinAnimationFrames, kMaxAnimationFrames, frames, &why)) {
                *error = "--set " + key_error(set.first, set.second, "frames " + why);
                return false;
            }
        } else if (set.first == "fps") {
            if (!int_in_range(set.second, kMinAnimationFps, kMaxAnimationFps, fps, &why)) {
                *error = "--set " + key_error(set.first, set.second, "frames a second " + why);
                return false;
            }
        } else {
            rest.push_back(set);
        }
    }
    *sets = std::move(rest);
    return true;
}

const std::vector<AnimatedPlot>& animated_plots() {
    static const std::vector<AnimatedPlot> plots = {
        {"boundary", "the playground's training: the boundary, with the loss curves beside it",
         "  frame k shows epoch round(k·epochs/(frames−1)); the boundary's keys\n", make_boundary},
        {"race", "the race, epoch by epoch", "  the same epochs as boundary; the race's keys\n", make_race},
        {"warp", "the layers view's scrub: the input plane through every stage of the trained network",
         "  the warp keys but layer=, stage= and stages= (it goes through them all)\n", make_warp},
        {"softmax", "softmax(z / T) as T sweeps from tmin= to tmax= (log-spaced)",
         "  tmin=0.01  tmax=100  and the softmax keys but temperature=\n", make_softmax},
        {"activations", "one function's parameter swept",
         "  sweep=leaky_relu.alpha:0:0.5   FUNCTION.PARAMETER:FROM:TO, in the parameter's range (required);\n"
         "  the function is shown when functions= is not given\n",
         make_activations},
    };
    return plots;
}

const AnimatedPlot* find_animated_plot(const std::string& name) {
    for (const AnimatedPlot& plot : animated_plots())
        if (name == plot.name) return &plot;
    return nullptr;
}

std::string animation_help() {
    std::string text =
        "\nAnimations: --out FILE.gif (or FILE.mp4, FILE.webm when the ffmpeg command is installed), for\n"
        "  boundary, race, warp, softmax and activations, with two more keys:\n"
        "  frames=60   frames in the animation (" + std::to_string(kMinAnimationFrames) + " to " +
        std::to_string(kMaxAnimationFrames) + ")\n"
        "  fps=15      frames a second (" + std::to_string(kMinAnimationFps) + " to " + std::to_string(kMaxAnimationFps) +
        "; a GIF plays at most 50)\n";
    for (const AnimatedPlot& plot : animated_plots()) {
        text += std::string("  ") + plot.name + ": " + plot.summary + "\n";
        for (const std::string& line : split_lines(plot.keys_help)) text += "  " + line + "\n";  // under its plot
    }
    return text;
}

}  // namespace actlab::app
