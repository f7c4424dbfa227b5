#include "app/model/playground_model.h"

#include "app/figures/loss_figure.h"
#include "app/figures/playground_link.h"
#include "app/files.h"
#include "app/panels/file_browser.h"
#include "core/csv.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <filesystem>

namespace actlab::app {

namespace {

using Clock = std::chrono::steady_clock;

// Grid points per side of the boundary and the neuron maps on screen: the GPU interpolates between
// them, so the contour stays smooth (the export draws its own, finer).
constexpr int kScreenGridPoints = 128;

// A CSV picked in the browser or typed: loaded, and its folder is where the browser opens next time
// (even when the file was refused: the user is working there). Only a file of a size a CSV of points
// can have is read: a device (/dev/zero), a pipe or a huge file would hold the window forever.
void load_chosen_csv(PlaygroundState& p, const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string folder = parent_folder(fs::absolute(path, ec).string());
    if (!ec && fs::is_directory(folder, ec)) p.csv_folder = folder;
    // 100,000 rows of three 17-digit numbers are under 8 MB; 64 MB leaves room for spaces and comments
    constexpr std::uintmax_t kMaxCsvBytes = 64u << 20;
    const fs::file_status st = fs::status(path, ec);
    if (!ec && fs::exists(st) && !fs::is_regular_file(st)) {
        p.message = "Not loaded: '" + path + "' is " + (fs::is_directory(st) ? "a folder" : "not a regular file") +
                    ". The points shown are kept.";
        return;
    }
    const std::uintmax_t bytes = fs::file_size(path, ec);
    if (!ec && bytes > kMaxCsvBytes) {
        p.message = "Not loaded: '" + path + "' is " + size_text(bytes) +
                    ", far more than a CSV of at most 100,000 points. The points shown are kept.";
        return;
    }
    load_playground_csv(p, path);
}

// The points are no longer the user's drawing: a dataset or a file was picked instead.
void leave_drawing(PlaygroundState& p) {
    p.drawn = false;
    p.draw.undo.clear();
    p.draw.stroke_open = false;
    p.draw.problem.clear();
    p.draw.resume = false;
}

// One of the generated datasets, picked by its picture: the output and loss follow the new data.
void choose_dataset(PlaygroundState& p, int k) {
    const core::DatasetKind kind = static_cast<core::DatasetKind>(k);
    core::TrainConfig trial = p.view.config;
    trial.data.kind = kind;
    core::Dataset data = core::make_dataset(trial.data);
    suit_output_to_data(trial, data, p.data.size() > 0 ? p.data.classes : -1);
    p.view.data_file.clear();
    leave_drawing(p);
    p.data = data;
    p.data_name = core::dataset_info(kind).id;
    p.view.config = trial;
    p.message.clear();
    p.needs_reset = true;
}

// The data the panel asked for: a generated kind or the user's file; and the previews, made once.
void carry_out_data_requests(PlaygroundState& p) {
    if (p.previews.empty())
        for (int k = 0; k < core::kDatasetKindCount; ++k)
            p.previews.push_back(core::make_dataset({static_cast<core::DatasetKind>(k), 200, 0.0, 1}));
    if (p.choose_dataset >= 0 && p.choose_dataset < core::kDatasetKindCount) choose_dataset(p, p.choose_dataset);
    p.choose_dataset = -1;
    if (!p.load_csv.empty()) load_chosen_csv(p, p.load_csv);
    p.load_csv.clear();
}

// A TensorFlow Playground link pasted or typed: a whole new run (and its show_test and discrete) when
// every field of it can be used, said in the status line with what has no counterpart; otherwise the
// reason, and nothing changes.
void open_playground_link(AppState& state) {
    PlaygroundState& p = state.playground;
    if (!p.open_link) return;
    const std::string text = *p.open_link;
    p.open_link.reset();
    PlaygroundLink link;
    PlaygroundView view = p.view;
    core::Dataset data;
    std::string error;
    if (!parse_playground_link(text, &link, &error) || !apply_playground_link(link, &view, &data, &error)) {
        p.message = error + " Nothing was changed.";
        state.status = {"Not opened: " + p.message, true};
        return;
    }
    p.view = view;
    p.data = std::move(data);
    p.data_name = playground_data_name(p);
    p.data_dirty = false;
    p.needs_reset = true;
    p.pictures_dirty = true;
    p.message.clear();
    state.status = {playground_link_summary(link), false};
}

// Starts the run again from the view, when the data or the network changed. A view the data cannot
// train (say softmax on a regression) is refused with a message and the run before it carries on.
void sync_run(PlaygroundState& p) {
    if (!p.trainer) p.trainer = std::make_unique<core::Trainer>();
    if (p.data_dirty) {
        if (p.view.data_file.empty() && !p.drawn) p.data = core::make_dataset(p.view.config.data);
        p.data_name = playground_data_name(p);
        p.data_dirty = false;
        p.needs_reset = true;
    }
    if (!p.needs_reset) return;
    if (drawing_blocked(p)) return;  // drawn points too few to train on: the run starts again once they suffice
    p.needs_reset = false;
    std::string why;
    if (!core::check_train_config(p.view.config, p.data, &why)) {
        p.message = plot::sentence(why);
        return;
    }
    const bool was_running = p.shown && p.shown->running;
    p.trainer->reset(p.view.config, p.data);
    p.applied_optimizer = p.view.config.optimizer;
    p.applied_batch = p.view.config.batch;
    if (p.restore) {
        // a session's weights, checked against this network when the file was read: paused at their epoch
        p.trainer->restore(p.restore->params, p.restore->epoch);
        p.restore.reset();
    } else if (was_running) {
        p.trainer->play();
    }
    p.shown_serial = -1;
}

// The view's settings that take effect between epochs, given to the trainer when they changed.
void apply_settings(PlaygroundState& p) {
    const core::TrainConfig& c = p.view.config;
    if (c.optimizer != p.applied_optimizer) {
        p.trainer->set_optimizer(c.optimizer);  // from the next epoch, without starting again
        p.applied_optimizer = c.optimizer;
    }
    if (c.batch != p.applied_batch) {
        p.trainer->set_batch(c.batch);
        p.applied_batch = c.batch;
    }
    if (p.view.speed != p.applied_speed) {
        p.trainer->set_speed(p.view.speed);
        p.applied_speed = p.view.speed;
    }
    // a target the run reached is cleared by the trainer (it pauses there once): the field empties too
    const core::Snapshot& shown = *p.trainer->snapshot();
    if (p.applied_stop_target.test_loss > 0.0 && shown.stop_target.test_loss == 0.0 && !shown.stopped_at.empty() &&
        p.view.stop_loss == p.applied_stop_target.test_loss)
        p.view.stop_loss = p.applied_stop_target.test_loss = 0.0;
    if (p.applied_stop_target.test_accuracy > 0.0 && shown.stop_target.test_accuracy == 0.0 && !shown.stopped_at.empty() &&
        p.view.stop_accuracy == 100.0 * p.applied_stop_target.test_accuracy)
        p.view.stop_accuracy = p.applied_stop_target.test_accuracy = 0.0;
    if (p.view.stop_epoch != p.applied_stop_epoch) {
        p.trainer->set_stop_epoch(p.view.stop_epoch);
        p.applied_stop_epoch = p.view.stop_epoch;
    }
    const core::StopTarget target{p.view.stop_loss, p.view.stop_accuracy / 100.0};
    if (target != p.applied_stop_target) {
        p.trainer->set_stop_target(target);
        p.applied_stop_target = target;
    }
}

void carry_out_requests(PlaygroundState& p) {
    const std::vector<RunRequest> requests = std::move(p.requests);
    p.requests.clear();
    if (drawing_blocked(p)) {  // nothing to train: the tool row says what to draw
        p.weight_edits.clear();
        return;
    }
    // each request sees the ones before it: Space twice in a frame plays and pauses. Play and pause
    // are sent as their net effect, just before a request that needs them in order and at the end:
    // sent one after the other, the worker could take the first alone and train an epoch before the
    // second arrived.
    bool running = p.trainer->snapshot()->running;
    bool wanted = running;
    const auto send_play_or_pause = [&] {
        if (wanted != running) wanted ? p.trainer->play() : p.trainer->pause();
        running = wanted;
    };
    for (RunRequest r : requests) {
        switch (r) {
            case RunRequest::PlayOrPause:
                wanted = !wanted;
                break;
            case RunRequest::Play:
                wanted = true;
                break;
            case RunRequest::Step:
                send_play_or_pause();
                p.trainer->step();
                running = wanted = false;
                break;
            case RunRequest::Reset:
                send_play_or_pause();
                p.needs_reset = true;
                sync_run(p);
                break;
            case RunRequest::BackToBest:
                send_play_or_pause();
                p.trainer->back_to_best();
                running = wanted = false;
                break;
        }
    }
    send_play_or_pause();
    if (!p.weight_edits.empty()) {
        // only on the shown network, and only while paused: a running epoch would overwrite them
        if (p.shown && !p.shown->running && network_fits(p.shown->network, p.view.config, p.data)) {
            Eigen::VectorXd params = p.shown->network.params();
            for (const WeightEdit& e : p.weight_edits)
                if (e.index >= 0 && e.index < params.size() && std::isfinite(e.value)) params[e.index] = e.value;
            p.trainer->set_params(params);
        }
        p.weight_edits.clear();
    }
}

// Slow motion eases the maps from one epoch to the next at up to this many epochs a second; faster,
// each epoch's map is shown as it comes.
constexpr double kEaseMaxSpeed = 60.0;

// Starts easing from what the texture shows now to `next`, over one epoch's time at the run's pace;
// or, when the run is not in slow motion or the fields differ in shape, shows `next` at once.
// True when the texture must be sent `next` as it is.
bool start_ease(FieldEase* ease, const core::BoundaryField& shown_now, const core::BoundaryField& next, bool slow,
                double speed) {
    const bool same_shape = shown_now.n == next.n && shown_now.layers == next.layers &&
                            shown_now.values.size() == next.values.size() && !next.values.empty();
    if (!slow || !same_shape) {
        ease->active = false;
        return true;
    }
    ease->from = ease->active ? ease->shown : shown_now;
    ease->to = next;
    ease->shown = ease->from;
    ease->start = Clock::now();
    ease->seconds = 1.0 / speed;
    ease->active = true;
    return false;
}

// One frame of an ease: the blend for now into the texture; the ease ends on `to` itself.
void step_ease(FieldEase* ease, HeatmapTexture* texture) {
    if (!ease->active) return;
    const double t = std::chrono::duration<double>(Clock::now() - ease->start).count() / ease->seconds;
    if (t >= 1.0) {
        ease->active = false;
        texture->upload(ease->to);
        return;
    }
    const float u = static_cast<float>(t * t * (3.0 - 2.0 * t));  // smoothstep: starts and ends at rest
    std::vector<float>& v = ease->shown.values;
    const std::vector<float>&a = ease->from.values, &b = ease->to.values;
    for (size_t i = 0; i < v.size(); ++i) v[i] = a[i] + (b[i] - a[i]) * u;
    texture->upload(ease->shown);
}

// The drawn points alone, while they are too few to train on: a white plane (no network has an answer
// for them yet), the points, and in the caption what to draw.
void drawing_picture(PlaygroundState& p) {
    BoundaryPicture& b = p.boundary;
    b.spec = core::GridSpec{};
    b.spec.n = kScreenGridPoints;
    b.no_field = true;
    b.whole_plane = true;
    b.train = p.data;
    b.test = core::Dataset{};
    b.test.classes = p.data.classes;
    b.target_scale = p.data.classes == 0 && p.data.size() > 0 ? std::max(p.data.target.cwiseAbs().maxCoeff(), 1e-12) : 1.0;
    b.show_test = p.view.show_test;
    b.discrete = p.view.discrete;
    b.entropy = false;
    b.temperature = 1.0;
    b.output = p.view.config.output;
    const int n = p.data.size();
    b.title = "Drawn points: " + (n == 0 ? std::string("none yet") : plot::format_thousands(n));
    b.status.clear();
    if (!p.boundary_texture) p.boundary_texture = std::make_unique<HeatmapTexture>();
    if (!p.neuron_texture) p.neuron_texture = std::make_unique<HeatmapTexture>();
    if (!p.input_texture) p.input_texture = std::make_unique<HeatmapTexture>();
}

// Rebuilds the pictures from the newest snapshot: the grid (output and every unit), the fields, and
// their textures. Only when there is a new snapshot or a display option changed.
void update_pictures(PlaygroundState& p) {
    if (drawing_blocked(p)) {
        if (p.pictures_dirty) drawing_picture(p);
        p.pictures_dirty = false;
        // the paused run's last snapshot: the run bar shows it paused, and nothing is left to animate
        const std::shared_ptr<const core::Snapshot> snap = p.trainer->snapshot();
        if (network_fits(snap->network, p.view.config, p.data)) p.shown = snap;
        p.shown_serial = snap->serial;
        p.boundary_ease.active = p.neuron_ease.active = false;
        return;
    }
    step_ease(&p.boundary_ease, p.boundary_texture.get());
    step_ease(&p.neuron_ease, p.neuron_texture.get());
    const std::shared_ptr<const core::Snapshot> snap = p.trainer->snapshot();
    if (snap->serial == p.shown_serial && !p.pictures_dirty) return;
    // the first reset, or the one just sent, is on its way
    if (!network_fits(snap->network, p.view.config, p.data)) return;
    p.shown = snap;
    p.shown_serial = snap->serial;
    p.pictures_dirty = false;
    const core::TrainConfig& c = p.view.config;
    BoundaryPicture& b = p.boundary;
    const core::EpochRecord* last = snap->history.empty() ? nullptr : &snap->history.back();
    b.temperature = p.view.temperature;
    b.entropy = p.view.entropy;
    b.whole_plane = p.drawn;  // drawn on Playground's plane: it stays, however close together the points
    // in slow motion (a new epoch of a run at up to kEaseMaxSpeed epochs a second) the maps glide from
    // what the textures show now: only then are the old fields kept
    const bool slow = snap->running && p.view.speed > 0.0 && p.view.speed <= kEaseMaxSpeed && !b.entropy &&
                      snap->epoch > 0 && p.boundary_texture && !p.boundary_texture->empty();
    core::BoundaryField before, neurons_before;
    if (slow) {
        before = std::move(b.field);
        neurons_before = std::move(p.network.neurons);
    }
    make_boundary_picture(c, p.data, p.data_name, snap->network, last, kScreenGridPoints, &b, &p.grid, true);
    b.show_test = p.view.show_test;
    b.discrete = p.view.discrete;
    // the run bar says what is trained: the plot's title can be short
    b.title = (p.data.classes > 0 ? "Decision boundary at epoch " : "Network output at epoch ") + plot::format_thousands(snap->epoch);
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
    net.title = "Network at epoch " + plot::format_thousands(snap->epoch);
    if (!p.boundary_texture) p.boundary_texture = std::make_unique<HeatmapTexture>();
    if (!p.neuron_texture) p.neuron_texture = std::make_unique<HeatmapTexture>();
    if (!p.input_texture) p.input_texture = std::make_unique<HeatmapTexture>();
    // in slow motion (a new epoch of a run at up to kEaseMaxSpeed epochs a second) the maps glide
    if (start_ease(&p.boundary_ease, before, b.field, slow, p.view.speed)) upload_boundary(b, p.boundary_texture.get());
    if (net.neurons.layers > 0 && start_ease(&p.neuron_ease, neurons_before, net.neurons, slow && !p.neuron_texture->empty(),
                                             p.view.speed))
        p.neuron_texture->upload(net.neurons);
    if (inputs_changed || p.input_texture->empty()) p.input_texture->upload(net.inputs);
    p.curves.history = snap->history;  // ends with the snapshot's epoch, recorded or not: where the run bar is
    p.curves.divergence = snap->divergence;
    p.curves.collapse = snap->collapse;
    p.curves.classification = p.data.classes > 0;
    p.curves.subtitle.clear();
    // on screen their tabs name them: no titles (the exports add them)
    p.units = make_units_picture(snap->units, snap->epoch, snap->saturation, "");
    p.units.title.clear();
    p.live_gradient = make_live_gradient_picture(snap->gradients, snap->epoch, "");
    p.live_gradient.title.clear();
    p.presented_pending = true;
}

// ---- the layers view ------------------------------------------------------------------------

// Steps of the scrub a second while it plays: each stage's move takes a little under a second.
constexpr double kWarpStepsPerSecond = 1.2;

// The layers view is on screen: its tab is the one open beside the network, or it is shown alone.
bool layers_view_shown(const AppState& state) {
    const PlaygroundState& p = state.playground;
    if (state.lab != Lab::Playground || p.race_shown) return false;
    return state.ui.plot_only ? p.view.alone == PlaygroundAlone::Layers : p.view.pane == PlaygroundPane::Layers;
}

// While the view is on screen: sends the shown network to the worker when it or the view changed,
// takes the newest picture, and moves the scrub (playing, or following the view's layer and stage).
void layers_step(AppState& state) {
    PlaygroundState& p = state.playground;
    WarpState& w = p.warp;
    const auto now = Clock::now();
    const double dt = w.last_tick == Clock::time_point{} ? 0.0 : std::chrono::duration<double>(now - w.last_tick).count();
    w.last_tick = now;
    if (!layers_view_shown(state)) {
        w.playing = false;
        w.posted_show = false;
        if (w.job) w.job->take(&w.picture);  // a picture that was under way: taken, so the job is idle
        return;
    }
    if (!w.job) w.job = std::make_unique<WarpJob>();
    if (p.shown && !drawing_blocked(p) && network_fits(p.shown->network, p.view.config, p.data) &&
        (!w.posted_show || p.shown != w.posted || p.view.warp != w.posted_view)) {
        WarpRequest request;
        request.net = p.shown->network;
        request.features = p.view.config.features;
        request.frame = p.boundary.spec;
        request.train = p.boundary.train;
        request.test = p.boundary.test;
        request.output = p.view.config.output;
        request.view = p.view.warp;
        request.epoch = p.shown->epoch;
        request.previous = w.picture;
        w.job->post(std::move(request));
        w.posted = p.shown;
        w.posted_view = p.view.warp;
        w.posted_show = true;
    }
    w.job->take(&w.picture);
    const int hidden = static_cast<int>(p.view.config.hidden.size());
    const double last = 3.0 * hidden;
    if (w.playing) {
        if (w.position >= last) w.position = 0.0;  // played to the end before: from the start again
        w.position = std::min(last, w.position + kWarpStepsPerSecond * std::min(dt, 0.1));
        if (w.position >= last) {
            w.playing = false;
            set_warp_step(&p.view.warp, static_cast<int>(last));
        }
    } else if (!w.scrubbing) {
        w.position = warp_view_step(p.view.warp, hidden);
    }
    w.position = std::clamp(w.position, 0.0, last);
}

}  // namespace

core::Dataset playground_data(const PlaygroundState& p) {
    if (p.data_dirty && p.view.data_file.empty() && !p.drawn) return core::make_dataset(p.view.config.data);
    return p.data;
}

namespace {

// ---- points drawn by hand ------------------------------------------------------------------

// The drawn points become the playground's: the run starts again on them from epoch 0 (the network's
// settings kept, the split as for a loaded CSV) and plays on if it was playing. Too few to train on,
// the run pauses, and plays again once they suffice if it was playing then.
void set_drawn_points(PlaygroundState& p, core::Dataset points, int previous_classes) {
    DrawState& d = p.draw;
    const bool was_blocked = drawing_blocked(p);
    const bool was_running = playground_running(p);
    p.data = std::move(points);
    p.drawn = true;
    p.view.data_file.clear();
    p.data_name = playground_data_name(p);
    p.data_dirty = false;
    p.needs_reset = true;
    p.pictures_dirty = true;
    d.problem = drawing_problem(p.data);
    if (d.problem.empty()) {
        core::TrainConfig trial = p.view.config;
        suit_output_to_data(trial, p.data, previous_classes);
        p.view.config = trial;
        if (was_blocked && d.resume) request_run(p, RunRequest::Play);
        d.resume = false;
    } else {
        if (!was_blocked) d.resume = was_running;
        if (p.trainer) p.trainer->pause();
    }
}

// Writes the points as CSV (x1,x2,label, as core/csv.h reads them). A file that is there already is
// overwritten only when it is the one this window saved last.
void save_points(AppState& state, const std::string& typed) {
    namespace fs = std::filesystem;
    PlaygroundState& p = state.playground;
    DrawState& d = p.draw;
    const std::string path = expand_home(typed);
    const auto fail = [&](const std::string& why) {
        d.save_message = "Not saved: " + why;
        d.save_failed = true;
        state.status = {d.save_message, true};
    };
    if (p.data.size() == 0) return fail("there are no points yet; draw some first.");
    std::error_code ec;
    if (fs::is_directory(path, ec)) return fail("'" + path + "' is a folder; add a file name such as points.csv.");
    if (fs::exists(path, ec) && (d.saved_path.empty() || fs::absolute(path, ec) != fs::absolute(d.saved_path, ec)))
        return fail("'" + path + "' is there already; type another name (a file is overwritten only when it was saved from here).");
    const std::string text = core::dataset_csv(p.data);
    std::string error;
    if (!write_file_atomic(path, text, &error)) return fail(error + ".");
    d.saved_path = path;
    d.save_failed = false;
    d.save_message = "Saved " + plot::format_thousands(p.data.size()) + " points to " + path;
    // the CSV's rules read labels, not the kind the points had: say so when they read back otherwise
    core::Dataset back;
    std::string why;
    if (core::parse_dataset_csv(text, &back, &why) && back.classes != p.data.classes)
        d.save_message += back.classes == 0 ? " (they read back as a regression)"
                                            : " (they read back as " + std::to_string(back.classes) + " classes)";
    state.status = {d.save_message, false};
    const std::string folder = parent_folder(fs::absolute(path, ec).string());
    if (!ec && fs::is_directory(folder, ec)) p.csv_folder = folder;
}

void carry_out_draw_requests(AppState& state) {
    PlaygroundState& p = state.playground;
    DrawState& d = p.draw;
    if (!d.save.empty()) save_points(state, d.save);
    d.save.clear();
    if (d.edits.empty()) return;
    const std::vector<DrawEdit> edits = std::move(d.edits);
    d.edits.clear();
    // over a dataset (generated or loaded), its points become the drawn set at the first edit
    core::Dataset points = p.drawn ? p.data : playground_data(p);
    const int previous_classes = points.size() > 0 || p.drawn ? points.classes : -1;
    if (!apply_draw_edits(d, &points, edits)) return;
    set_drawn_points(p, std::move(points), previous_classes);
}

}  // namespace

std::string playground_data_name(const PlaygroundState& p) {
    if (p.drawn) return "drawn";
    if (p.view.data_file.empty()) return core::dataset_info(p.view.config.data.kind).id;
    const size_t slash = p.view.data_file.find_last_of('/');
    return slash == std::string::npos ? p.view.data_file : p.view.data_file.substr(slash + 1);
}

void suit_output_to_data(core::TrainConfig& c, const core::Dataset& data, int previous_classes) {
    const auto kind = [](int classes) { return classes == 0 ? 0 : classes == 2 ? 2 : 3; };
    std::string why;
    if (core::check_train_config(c, data, &why) && (previous_classes < 0 || kind(previous_classes) == kind(data.classes)))
        return;
    if (data.classes == 0) {
        c.output = core::Output::Identity;
    } else if (data.classes > 2) {
        c.output = core::Output::Softmax;
    } else {
        c.output = core::Output::Tanh;
    }
    c.loss = core::matching_loss(c.output);
}

bool load_playground_csv(PlaygroundState& p, const std::string& file) {
    core::Dataset data;
    std::string error;
    if (!core::load_dataset_csv(file, &data, &error)) {
        p.message = "Not loaded: " + error + ". The points shown are kept.";
        return false;
    }
    core::TrainConfig trial = p.view.config;
    suit_output_to_data(trial, data, p.data.size() > 0 ? p.data.classes : -1);
    leave_drawing(p);
    p.data = data;
    p.view.data_file = file;
    p.data_name = playground_data_name(p);
    p.view.config = trial;
    p.message.clear();
    p.needs_reset = true;
    return true;
}

bool network_fits(const core::Mlp& net, const core::TrainConfig& c, const core::Dataset& data) {
    const core::NetworkSpec& spec = net.spec();
    if (net.layer_count() == 0 || spec.inputs != core::feature_count(c.features) ||
        spec.outputs != (c.output == core::Output::Softmax ? std::max(2, data.classes) : 1) ||
        spec.hidden.size() != c.hidden.size())
        return false;
    for (size_t l = 0; l < c.hidden.size(); ++l)
        if (spec.hidden[l].units != c.hidden[l].units || spec.hidden[l].activation != c.hidden[l].activation) return false;
    return true;
}

void request_run(PlaygroundState& p, RunRequest request) { p.requests.push_back(request); }

void request_weight(PlaygroundState& p, int index, double value) { p.weight_edits.push_back({index, value}); }

void request_draw(PlaygroundState& p, const DrawEdit& edit) { p.draw.edits.push_back(edit); }

bool drawing_blocked(const PlaygroundState& p) { return p.drawn && !p.draw.problem.empty(); }

void playground_step(AppState& state) {
    PlaygroundState& p = state.playground;
    open_playground_link(state);
    carry_out_data_requests(p);
    carry_out_draw_requests(state);
    sync_run(p);
    apply_settings(p);
    carry_out_requests(p);
    update_pictures(p);
    layers_step(state);
    race_step(p.race, p);
}

bool playground_running(const PlaygroundState& p) { return p.shown && p.shown->running; }

bool playground_animating(const AppState& state) {
    const PlaygroundState& p = state.playground;
    return (p.trainer && (p.trainer->snapshot()->running || p.trainer->snapshot()->serial != p.shown_serial)) ||
           p.boundary_ease.active || p.neuron_ease.active ||
           race_animating(p.race) || p.warp.playing || (p.warp.job && p.warp.job->pending());
}


void playground_frame_presented(AppState& state) {
    PlaygroundState& p = state.playground;
    const Clock::time_point now = Clock::now();
    if (p.last_present != Clock::time_point{}) {
        // a frame after the window waited for input says nothing of the rate while training
        const double dt = std::chrono::duration<double>(now - p.last_present).count();
        if (dt > 0 && dt < 1.0) p.frames_per_second = p.frames_per_second > 0 ? 0.9 * p.frames_per_second + 0.1 / dt : 1.0 / dt;
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
    for (RaceRunner& runner : p.race.runners) runner.texture.reset();
}

}  // namespace actlab::app
