// libFuzzer harness: the --set key language of every `actlab export` plot (app/cli/export_plots.h),
// through each plot's check: the keys read and checked, and nothing computed (no training, no deep
// network, no sampling).
//
// The input is what a user types: the first line names the plot, with " csv" after it for a CSV
// (a PNG otherwise); every further line is one --set argument, split at its first '=' as the command
// line splits it (split_key_value). Where the check refuses, it says why; where it passes, the keys
// hold what a user relies on: finite numbers, ordered ranges, and the view as its own writer
// (activation_keys, softmax_keys, gated_keys, gradient_keys, training_keys) puts it reads back to the same view.
#include "app/cli/export_plots.h"
#include "app/figures/race_figure.h"
#include "app/figures/units_figure.h"
#include "core/training.h"
#include "tests/fuzz/fuzz_check.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace actlab::app;
namespace core = actlab::core;

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// points= above kMaxFuzzPoints: read once as written, then asked for at kMaxFuzzPoints, so a single
// execution never generates 100,000 points.
void cap_points(KeyValue* kv) {
    if (kv->first != "points") return;
    double v = 0;
    if (!parse_finite(kv->second, &v) || !(v > actlab::fuzz::kMaxFuzzPoints)) return;
    TrainingRequest probe;
    std::string error;
    if (apply_training_key(&probe, kv->first, kv->second, &error)) kv->second = std::to_string(actlab::fuzz::kMaxFuzzPoints);
}

void check_activations(const ActivationView& view) {
    FUZZ_CHECK(!view.functions.empty(), "no function to show");
    FUZZ_CHECK_FINITE(view.x_min, "xmin");
    FUZZ_CHECK_FINITE(view.x_max, "xmax");
    FUZZ_CHECK_FINITE(view.probe_x, "probe");
    FUZZ_CHECK_FINITE(view.saturation_threshold, "threshold");
    FUZZ_CHECK(view.samples >= 2 && view.samples <= kMaxSamples, "samples " + std::to_string(view.samples));
    for (double x : view.x_points) FUZZ_CHECK_FINITE(x, "an x point");
    for (const core::ParamValues& p : view.params)
        for (double v : p.v) FUZZ_CHECK_FINITE(v, "a parameter");
    ActivationView back;
    std::string error;
    for (const auto& [key, value] : activation_keys(view))
        FUZZ_CHECK(apply_activation_key(&back, key, value, &error), "activation_keys wrote a key it refuses: " + error);
    FUZZ_CHECK(back == view, "activation_keys reads back to another view");
}

void check_softmax(const SoftmaxView& view) {
    std::string error;
    FUZZ_CHECK(check_softmax_view(view, &error), "the softmax view passed the plot's check but not its own: " + error);
    for (double z : view.logits) FUZZ_CHECK_FINITE(z, "a logit");
    for (double t : view.temperatures) FUZZ_CHECK(std::isfinite(t) && t > 0, "a temperature");
    FUZZ_CHECK(std::isfinite(view.t_min) && std::isfinite(view.t_max) && view.t_min < view.t_max, "tmin < tmax");
    FUZZ_CHECK(std::isfinite(view.top_p) && view.top_p > 0 && view.top_p <= 1, "topp");
    SoftmaxView back;
    for (const auto& [key, value] : softmax_keys(view))
        FUZZ_CHECK(apply_softmax_key(&back, key, value, &error), "softmax_keys wrote a key it refuses: " + error);
    FUZZ_CHECK(back == view, "softmax_keys reads back to another view");
}

void check_gated(const GatedView& view, bool ffn) {
    std::string error;
    FUZZ_CHECK(ffn || check_gated_view(view, &error), "the gated view passed the plot's check but not its own: " + error);
    for (double x : {view.a_min, view.a_max, view.b_min, view.b_max, view.slice_a, view.slice_b, view.probe})
        FUZZ_CHECK(std::isfinite(x) && std::fabs(x) <= kMaxGatedInput, "a value of a or b within ±1000");
    FUZZ_CHECK(view.samples >= kMinGatedSamples && view.samples <= kMaxGatedSamples, "samples");
    FUZZ_CHECK(view.d_model >= 1 && view.d_model <= kMaxFeedForwardWidth && view.d_ff >= 1 &&
                   view.d_ff <= kMaxFeedForwardWidth && view.multiple >= 1 && view.multiple <= kMaxFeedForwardWidth,
               "the block's widths");
    GatedView back;
    for (const auto& [key, value] : gated_keys(view))
        FUZZ_CHECK(apply_gated_key(&back, key, value, &error), "gated_keys wrote a key it refuses: " + error);
    FUZZ_CHECK(back == view, "gated_keys reads back to another view");
}

void check_gradients(const GradientView& view) {
    FUZZ_CHECK_FINITE(view.z, "z");
    FUZZ_CHECK(std::isfinite(view.init.sigma) && std::isfinite(view.init.a) && std::isfinite(view.init.bias),
               "the init's sigma, a and bias");
    for (const core::ParamValues& p : view.params)
        for (double v : p.v) FUZZ_CHECK_FINITE(v, "a parameter");
    FUZZ_CHECK(view.compare.size() >= static_cast<size_t>(kMinPairs) && view.compare.size() <= static_cast<size_t>(kMaxPairs),
               "compare pairs");
    GradientView back;
    std::string error;
    for (const auto& [key, value] : gradient_keys(view))
        FUZZ_CHECK(apply_gradient_key(&back, key, value, &error), "gradient_keys wrote a key it refuses: " + error);
    FUZZ_CHECK(back == view, "gradient_keys reads back to another view");
}

void check_training(const TrainingRequest& request, const core::Dataset& data) {
    const core::TrainConfig& c = request.config;
    std::string error;
    FUZZ_CHECK(core::check_train_config(c, data, &error), "the run passed the plot's check but not the trainer's: " + error);
    FUZZ_CHECK(data.size() >= 2, "fewer than two points");
    FUZZ_CHECK(data.x.allFinite() && data.target.allFinite(), "a point or label that is not finite");
    FUZZ_CHECK(std::isfinite(c.optimizer.learning_rate) && c.optimizer.learning_rate > 0, "lr");
    FUZZ_CHECK_FINITE(c.optimizer.regularization_rate, "reg_rate");
    FUZZ_CHECK(std::isfinite(c.data.noise) && c.data.noise >= 0 && c.data.noise <= core::kMaxNoise, "noise");
    FUZZ_CHECK(std::isfinite(c.init.sigma) && std::isfinite(c.init.a) && std::isfinite(c.init.bias), "init");
    FUZZ_CHECK(request.epochs >= 1 && request.epochs <= kMaxEpochs, "epochs");
    // training_keys gives back the same run
    const std::vector<KeyValue> keys = training_keys(c, request.data_file);
    TrainingRequest back;
    for (const auto& [key, value] : keys)
        FUZZ_CHECK(apply_training_key(&back, key, value, &error), "training_keys wrote a key it refuses: " + error);
    core::Dataset back_data;
    FUZZ_CHECK(finish_training_request(&back, &back_data, &error), "training_keys wrote a run it refuses: " + error);
    FUZZ_CHECK(training_keys(back.config, back.data_file) == keys, "training_keys reads back to another run");
    FUZZ_CHECK(back_data.x == data.x && back_data.target == data.target, "training_keys reads back to other data");
}

void check_race(const ExportKeys& keys) {
    FUZZ_CHECK(keys.race.size() >= static_cast<size_t>(kMinRaceRunners) &&
                   keys.race.size() <= static_cast<size_t>(kMaxRaceRunners),
               "runners");
    for (size_t i = 0; i < keys.race.size(); ++i) {
        FUZZ_CHECK(keys.race[i].activation >= 0 && keys.race[i].activation < core::activation_count(), "a runner's activation");
        FUZZ_CHECK(keys.race[i].units >= 0 && keys.race[i].units <= core::kMaxUnits, "a runner's width");
        RunnerKind back;
        std::string why;
        FUZZ_CHECK(parse_runner(runner_id(keys.race[i]), &back, &why) && back == keys.race[i], "a runner's id reads back");
        FUZZ_CHECK(std::count(keys.race.begin(), keys.race.end(), keys.race[i]) == 1, "a runner named twice");
    }
    FUZZ_CHECK(std::isfinite(keys.race_loss) && keys.race_loss > 0, "race_loss");
    FUZZ_CHECK(!keys.training.config.hidden.empty(), "a race with no hidden layer");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(bytes), size);
    if (text.find('\0') != std::string::npos) return 0;  // no command-line argument holds a NUL
    std::stringstream in(text);
    std::string line;
    if (!std::getline(in, line)) return 0;
    const auto space = line.find(' ');
    const ExportPlot* plot = find_export_plot(line.substr(0, space));
    if (!plot) return 0;
    const bool csv = space != std::string::npos && line.substr(space + 1) == "csv";

    std::vector<KeyValue> sets;
    std::string error;
    while (std::getline(in, line)) {
        KeyValue kv;
        if (!split_key_value(line, &kv, &error)) {
            FUZZ_CHECK(!error.empty(), "split_key_value refused with no message");
            return 0;
        }
        cap_points(&kv);
        sets.push_back(kv);
    }

    ExportKeys keys;
    error.clear();
    if (!plot->check(sets, csv, &keys, &error)) {
        FUZZ_CHECK(!error.empty(), std::string(plot->name) + " refused its keys with no message");
        return 0;
    }
    const std::string name = plot->name;
    if (name == "activations") check_activations(keys.activations);
    else if (starts_with(name, "softmax")) check_softmax(keys.softmax);
    else if (starts_with(name, "glu")) check_gated(keys.gated, name == "glu-ffn");
    else if (starts_with(name, "gradient") && name != "gradient-live") check_gradients(keys.gradients);
    else {
        check_training(keys.training, keys.data);
        if (name == "race") check_race(keys);
        if (name == "units")
            FUZZ_CHECK(keys.units_threshold >= kMinUnitsThreshold && keys.units_threshold <= kMaxUnitsThreshold,
                       "the saturation threshold");
    }
    return 0;
}
