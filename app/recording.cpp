#include "app/recording.h"

#include "app/cli/export_animations.h"
#include "app/figures/activation_keys.h"
#include "app/figures/race_figure.h"
#include "app/figures/softmax_keys.h"
#include "app/figures/training_keys.h"
#include "app/files.h"
#include "app/panels/file_browser.h"  // size_text
#include "app/render/animation_writer.h"
#include "app/ui_items.h"

#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace actlab::app {

struct RecordingJob {
    std::string plot;
    int frames = kDefaultAnimationFrames;
    AnimationSize size;
    // the worker's: read by the UI thread once `made` is set (release)
    std::shared_ptr<Animation> animation = std::make_shared<Animation>();
    bool made_ok = false;
    std::string error;
    std::atomic<bool> made{false};
    std::atomic<bool> stop{false};
    std::atomic<long> epochs_done{0};
    long epochs_total = 0;         // what the training will take, for the progress bar (0: no training)
    std::thread worker;
    // the UI thread's
    bool cancelled = false;
    AnimationWriter writer;

    ~RecordingJob() {
        stop = true;
        if (worker.joinable()) worker.join();
    }
};

namespace {

// Frames are drawn for this long after each rendered frame, so the window answers while it records.
constexpr double kDrawBudgetMs = 30.0;

long epochs_in(const std::string& plot, const std::vector<KeyValue>& sets) {
    if (plot == "softmax" || plot == "activations") return 0;
    long epochs = 500;  // training_keys.h's default
    long runners = 1;
    for (const auto& [key, value] : sets) {
        if (key == "epochs") epochs = std::atol(value.c_str());
        if (key == "race") runners = static_cast<long>(split_list(value).size());
    }
    if (plot == "race" && runners == 1) runners = 4;
    return epochs * runners;
}

}  // namespace

bool start_recording(AppState& state, const std::string& plot, std::vector<KeyValue> sets, int frames, int fps) {
    if (state.recording) {
        state.status = {"A recording is under way: wait for it, or cancel it, before starting another", true};
        return false;
    }
    const AnimatedPlot* animated = find_animated_plot(plot);
    if (!animated) return false;
    auto job = std::make_shared<RecordingJob>();
    job->plot = plot;
    job->frames = frames;
    job->size.width = kRecordWidth;
    job->size.height = kRecordHeight;
    job->size.scale = 1.0f;
    job->size.fps = fps;
    job->epochs_total = epochs_in(plot, sets);
    RecordingJob* raw = job.get();  // kept alive by state.recording until the worker is joined
    job->worker = std::thread([raw, animated, sets = std::move(sets)] {
        AnimationControl control{&raw->stop, &raw->epochs_done};
        raw->made_ok = animated->make(sets, raw->frames, &control, raw->animation.get(), &raw->error);
        raw->made.store(true, std::memory_order_release);
    });
    state.recording = std::move(job);
    state.status = {"Recording " + plot + "…", false};
    return true;
}

void cancel_recording(AppState& state) {
    if (!state.recording) return;
    state.recording->stop = true;
    state.recording->cancelled = true;
    state.recording->writer.cancel();
}

bool recording_busy(const AppState& state) { return state.recording != nullptr; }

bool recording_drawing(const AppState& state) {
    return state.recording && (state.recording->cancelled || state.recording->made.load(std::memory_order_acquire));
}

void record_training(AppState& state) {
    const PlaygroundState& p = state.playground;
    std::vector<KeyValue> sets = training_keys(p.view.config, p.view.data_file);
    const int shown = p.shown ? p.shown->epoch : 0;
    sets.push_back({"epochs", std::to_string(shown >= 10 ? shown : 300)});
    start_recording(state, "boundary", std::move(sets));
}

void record_warp(AppState& state) {
    const PlaygroundState& p = state.playground;
    std::vector<KeyValue> sets = training_keys(p.view.config, p.view.data_file);
    const int shown = p.shown ? p.shown->epoch : 0;
    sets.push_back({"epochs", std::to_string(shown >= 1 ? shown : 300)});
    start_recording(state, "warp", std::move(sets));
}

void record_softmax(AppState& state) {
    const SoftmaxView& view = state.softmax.view;
    std::vector<KeyValue> sets;
    for (const KeyValue& kv : softmax_keys(view))
        if (kv.first != "temperature" && softmax_plot_takes(SoftmaxPlot::Probabilities, kv.first)) sets.push_back(kv);
    sets.push_back({"tmin", number_text(view.t_min)});
    sets.push_back({"tmax", number_text(view.t_max)});
    start_recording(state, "softmax", std::move(sets));
}

std::string activation_sweep(const ActivationView& view) {
    std::vector<int> order;
    if (view.focus_index() >= 0) order.push_back(view.focus_index());
    order.insert(order.end(), view.functions.begin(), view.functions.end());
    for (int index : order) {
        const core::Activation& act = core::activation(index);
        if (act.param_count == 0) continue;
        const core::Param& param = act.params[0];
        return std::string(act.id) + "." + param.name + ":" + number_text(param.min) + ":" + number_text(param.max);
    }
    return "";
}

bool record_activations(AppState& state) {
    const ActivationView& view = state.explorer.view;
    const std::string sweep = activation_sweep(view);
    if (sweep.empty()) return false;
    std::vector<KeyValue> sets = activation_keys(view);
    sets.push_back({"sweep", sweep});
    return start_recording(state, "activations", std::move(sets));
}

void record_race(AppState& state) {
    const PlaygroundState& p = state.playground;
    std::vector<KeyValue> sets;
    for (const KeyValue& kv : training_keys(p.view.config, p.view.data_file))
        if (kv.first != "activation" && kv.first != "gated") sets.push_back(kv);
    std::string runners;
    for (const RunnerKind& kind : p.race.kinds) runners += (runners.empty() ? "" : ",") + runner_id(kind);
    sets.push_back({"race", runners});
    sets.push_back({"race_loss", number_text(p.race.target_loss)});
    sets.push_back({"epochs", std::to_string(p.race.epochs)});
    start_recording(state, "race", std::move(sets));
}

std::string recording_plot(const AppState& state) { return state.recording ? state.recording->plot : ""; }

float recording_state_width(const char* label) {
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = ImGui::CalcTextSize(label).x + 2 * style.FramePadding.x;
    const float progress = 14 * fs + style.ItemSpacing.x + ImGui::CalcTextSize("Cancel").x + 2 * style.FramePadding.x;
    return std::max(button, progress);
}

bool draw_recording_progress(AppState& state, const char* plot) {
    if (!state.recording || state.recording->plot != plot) return false;
    RecordingJob& job = *state.recording;
    const float fs = ImGui::GetFontSize();
    char text[96];
    float fraction = 0.0f;
    if (job.cancelled) {
        std::snprintf(text, sizeof text, "Cancelling…");
    } else if (!job.made.load(std::memory_order_acquire)) {
        const long done = job.epochs_done.load(std::memory_order_relaxed);
        fraction = job.epochs_total > 0 ? static_cast<float>(done) / static_cast<float>(job.epochs_total) : 0.0f;
        std::snprintf(text, sizeof text, "Training: %ld of %ld epochs", done, job.epochs_total);
    } else {
        fraction = static_cast<float>(job.writer.progress());
        std::snprintf(text, sizeof text, "Drawing frame %d of %d", std::min(job.writer.frames_done() + 1, job.frames),
                      job.frames);
    }
    ImGui::ProgressBar(std::min(1.0f, fraction), ImVec2(14 * fs, 0), text);
    record_item("Recording progress");
    ImGui::SameLine();
    ImGui::BeginDisabled(job.cancelled);
    if (ImGui::SmallButton("Cancel##recording")) cancel_recording(state);
    ImGui::EndDisabled();
    record_item("Cancel recording");
    return true;
}

void service_recording(AppState& state) {
    if (!state.recording) return;
    RecordingJob& job = *state.recording;
    if (!job.made.load(std::memory_order_acquire)) return;
    if (job.worker.joinable()) job.worker.join();
    if (job.cancelled) {
        state.recording.reset();
        state.status = {"Recording cancelled; nothing was written", false};
        return;
    }
    if (!job.made_ok) {
        state.status = {"Recording failed: " + job.error, true};
        state.recording.reset();
        return;
    }
    std::string error;
    if (!job.writer.active()) {
        const std::string folder = expand_home(state.exports.folder);
        if (!make_folders(folder, &error)) {
            state.status = {"Recording failed: " + error, true};
            state.recording.reset();
            return;
        }
        const std::string path = unused_path(folder, job.animation->stem, "gif");
        if (path.empty() || !job.writer.start(job.animation, job.size, path, &error)) {
            state.status = {"Recording failed: " + (error.empty() ? folder + " holds too many exports of this view" : error), true};
            state.recording.reset();
            return;
        }
    }
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    do {
        if (!job.writer.step(&error)) {
            state.status = {"Recording failed: " + error, true};
            state.recording.reset();
            return;
        }
    } while (!job.writer.drawn_all() &&
             std::chrono::duration<double, std::milli>(Clock::now() - start).count() < kDrawBudgetMs);
    if (!job.writer.drawn_all()) return;
    const std::string path = job.writer.path();
    if (!job.writer.finish(&error)) {
        state.status = {"Recording failed: " + error, true};
    } else {
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(path, ec);
        state.status = {"Wrote " + path + " (" + std::to_string(job.frames) + " frames, " + size_text(ec ? 0 : bytes) +
                            (job.animation->note.empty() ? ")" : "). " + job.animation->note),
                        false};
    }
    state.recording.reset();
}

}  // namespace actlab::app
