#include "app/model/race_model.h"

#include "app/figures/loss_figure.h"
#include "app/model/playground_model.h"
#include "app/plot/text_format.h"

#include <memory>

namespace actlab::app {

namespace {

// Grid points per side of each of the race's small boundaries.
constexpr int kRaceGridPoints = 96;

void start_race(RaceState& r, const PlaygroundState& p) {
    const core::Dataset data = playground_data(p);
    r.message = race_problem(r, p.view.config, data);
    if (r.message.empty() && drawing_blocked(p)) r.message = p.draw.problem;
    if (!r.message.empty()) return;
    r.config = p.view.config;
    r.data = data;
    r.data_name = playground_data_name(p);
    r.runners.clear();  // joins the old trainers
    r.result = RaceResult{};
    r.result.target_loss = r.target_loss;
    r.result.epochs = r.epochs;
    r.result.classification = data.classes > 0;
    r.result.subtitle = describe_training(r.config, r.data, r.data_name, false);
    r.applied_slow = r.slow;
    r.applied_slow_speed = r.slow_speed;
    for (const RunnerKind& kind : r.kinds) {
        RaceRunner runner;
        runner.kind = kind;
        runner.trainer = std::make_unique<core::Trainer>();
        runner.trainer->reset(race_config(r.config, kind), r.data);
        runner.trainer->set_pause_on_collapse(false);  // a race runs to its end, as `actlab export race` does
        runner.trainer->set_stop_epoch(r.epochs);
        runner.trainer->set_speed(r.slow ? r.slow_speed : 0.0);
        runner.trainer->play();
        r.runners.push_back(std::move(runner));
        RaceEntry entry;
        entry.runner = kind;
        entry.parameters = core::parameter_count(core::network_spec(race_config(r.config, kind), r.data.classes));
        r.result.entries.push_back(std::move(entry));
    }
}

// Each runner's newest snapshot into its entry and texture, when it has a new one.
void update_runners(RaceState& r) {
    r.result.target_loss = r.target_loss;
    for (size_t i = 0; i < r.runners.size(); ++i) {
        RaceRunner& runner = r.runners[i];
        const std::shared_ptr<const core::Snapshot> snap = runner.trainer->snapshot();
        if (snap->serial == runner.shown_serial || snap->network.layer_count() == 0) continue;
        runner.shown_serial = snap->serial;
        r.refit = true;
        RaceEntry& e = r.result.entries[i];
        // epoch 0 (the shared start) is left out, as in `actlab export race`
        e.history.clear();
        for (const core::EpochRecord& rec : snap->history)
            if (rec.epoch > 0) e.history.push_back(rec);
        e.divergence = snap->divergence;
        e.picture.whole_plane = r.data_name == "drawn";  // drawn on the plane: shown on all of it, as in the playground
        make_boundary_picture(race_config(r.config, runner.kind), r.data, r.data_name, snap->network,
                              e.history.empty() ? nullptr : &e.history.back(), kRaceGridPoints, &e.picture, &r.grid);
        if (!runner.texture) runner.texture = std::make_unique<HeatmapTexture>();
        runner.texture->upload(e.picture.field);
    }
}

}  // namespace

std::string race_problem(const RaceState& r, const core::TrainConfig& config, const core::Dataset& data) {
    std::string why;
    if (!core::check_train_config(config, data, &why)) return plot::sentence(why);
    if (config.hidden.empty())
        return "The playground's network has no hidden layer, so the activation changes nothing: add a layer first.";
    for (size_t i = 0; i < r.kinds.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (r.kinds[i] == r.kinds[j])
                return runner_label(r.kinds[i]) + " runs twice: give each runner its own activation, gating or width.";
    return "";
}

void race_step(RaceState& r, const PlaygroundState& p) {
    if (r.start_requested) start_race(r, p);
    r.start_requested = false;
    if (r.slow != r.applied_slow || r.slow_speed != r.applied_slow_speed) {
        for (RaceRunner& runner : r.runners) runner.trainer->set_speed(r.slow ? r.slow_speed : 0.0);
        r.applied_slow = r.slow;
        r.applied_slow_speed = r.slow_speed;
    }
    if (r.pause_requested)
        for (RaceRunner& runner : r.runners) runner.trainer->pause();
    if (r.resume_requested)
        for (RaceRunner& runner : r.runners) runner.trainer->play();
    r.pause_requested = r.resume_requested = false;
    update_runners(r);
    r.running = r.unfinished = false;
    for (const RaceRunner& runner : r.runners) {
        const auto snap = runner.trainer->snapshot();
        r.running |= snap->running;
        r.unfinished |= snap->epoch < r.result.epochs && !snap->divergence.happened;
    }
    // the playground's settings must suit a race: its tab says why not before anyone presses Start
    // (checked only while the tab is in front: it builds every point's features)
    if (p.race_shown) r.problem = drawing_blocked(p) ? p.draw.problem
                                  : p.data.size() > 0 ? race_problem(r, p.view.config, p.data) : r.message;
}

bool race_animating(const RaceState& r) {
    for (const RaceRunner& runner : r.runners) {
        const auto snap = runner.trainer->snapshot();
        if (snap->running || snap->serial != runner.shown_serial) return true;
    }
    return false;
}

}  // namespace actlab::app
