// Session files: saved and opened again, every lab comes back as it was and the playground's network is
// the same bit for bit (its boundary identical); a malformed or hostile file is refused with what and
// where, and nothing changes.
#include "app/session.h"

#include "app/figures/activation_keys.h"
#include "app/figures/playground_keys.h"
#include "app/figures/softmax_keys.h"
#include "app/figures/training_keys.h"
#include "app/model/session_model.h"
#include "app/settings.h"
#include "core/decision_grid.h"
#include "core/trainer.h"
#include "core/training.h"

#include "process.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>

using namespace actlab;
using namespace actlab::app;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

bool same_bits(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<size_t>(a.size())) == 0;
}

bool same_bits(const core::Dataset& a, const core::Dataset& b) {
    return a.classes == b.classes && a.size() == b.size() &&
           std::memcmp(a.x.data(), b.x.data(), sizeof(double) * static_cast<size_t>(a.x.size())) == 0 &&
           same_bits(a.target, b.target);
}

// A lesson set up in every lab: a playground of xor on 3 ReLU units, the network view in front.
void prepare(AppState& s) {
    std::string e;
    EXPECT_TRUE(apply_activation_key(&s.explorer.view, "functions", "relu,gelu,silu", &e)) << e;
    EXPECT_TRUE(apply_activation_key(&s.explorer.view, "leaky_relu.alpha", "0.2", &e)) << e;
    EXPECT_TRUE(apply_softmax_key(&s.softmax.view, "logits", "2,1,0.1", &e)) << e;
    EXPECT_TRUE(apply_playground_key(&s.playground.view, "view", "network", &e)) << e;
    EXPECT_TRUE(apply_playground_key(&s.playground.view, "speed", "120", &e)) << e;
    TrainingRequest r;
    for (const auto& [k, v] : std::vector<KeyValue>{{"dataset", "xor"}, {"layers", "3"}, {"activation", "relu"},
                                                      {"lr", "0.1"}, {"points", "200"}, {"seed", "7"}})
        EXPECT_TRUE(apply_training_key(&r, k, v, &e)) << e;
    core::Dataset data;
    EXPECT_TRUE(finish_training_request(&r, &data, &e)) << e;
    s.playground.view.config = r.config;
    s.lab = Lab::Playground;
}

// The network the playground's keys build, trained headless for `epochs`.
Eigen::VectorXd trained(const core::TrainConfig& config, const core::Dataset& data, int epochs) {
    core::Training run(config, data);
    for (int e = 0; e < epochs; ++e) run.run_epoch();
    return run.network().params();
}

std::vector<float> boundary(const core::TrainConfig& config, const core::Dataset& data, const core::Mlp& net) {
    core::DecisionGrid grid;
    core::decision_grid(net, config.output, config.features, core::grid_over(data, 64), false, &grid);
    core::BoundaryField field;
    core::boundary_field(grid, config.output, 1.0, &field);
    return field.values;
}

}  // namespace

TEST(Session, EveryLabComesBackAsItWasSaved) {
    AppState state;
    prepare(state);
    Session saved = session_from_state(state, true);
    EXPECT_FALSE(saved.network) << "the playground has not run: no weights to keep";
    const std::string text = session_json(saved);

    Session opened;
    std::string error;
    ASSERT_TRUE(parse_session(text, &opened, &error)) << error;
    EXPECT_EQ(session_json(opened), text);

    AppState back;
    apply_session(back, opened);
    EXPECT_TRUE(back.explorer.view == state.explorer.view);
    EXPECT_EQ(back.lab, Lab::Playground);
    EXPECT_EQ(back.ui.select_lab, static_cast<int>(Lab::Playground));
    EXPECT_EQ(back.playground.view.pane, PlaygroundPane::Network);
    EXPECT_TRUE(back.playground.select_pane);
    EXPECT_EQ(session_json(session_from_state(back, false)), text);
    EXPECT_EQ(settings_json(back).find("\"lab\": \"playground\"") != std::string::npos, true);
}

TEST(Session, TheWeightsAndTheBoundaryComeBackBitForBit) {
    AppState state;
    prepare(state);
    const core::TrainConfig config = state.playground.view.config;
    const core::Dataset data = core::make_dataset(config.data);
    Session saved = session_from_state(state, true);
    saved.network = SessionNetwork{60, trained(config, data, 60)};
    const std::string text = session_json(saved);

    Session opened;
    std::string error;
    ASSERT_TRUE(parse_session(text, &opened, &error)) << error;
    ASSERT_TRUE(opened.network);
    EXPECT_EQ(opened.network->epoch, 60);
    EXPECT_TRUE(same_bits(opened.network->params, saved.network->params));

    // into the playground's run as the model step puts them: the trainer's network is the saved one
    AppState back;
    apply_session(back, opened);
    ASSERT_TRUE(back.playground.restore);
    core::Trainer trainer;
    trainer.reset(back.playground.view.config, data);
    trainer.restore(back.playground.restore->params, back.playground.restore->epoch);
    trainer.wait_idle();
    const auto snap = trainer.snapshot();
    EXPECT_EQ(snap->epoch, 60);
    EXPECT_FALSE(snap->running);
    EXPECT_TRUE(same_bits(snap->network.params(), saved.network->params));

    core::Training original(config, data);
    original.set_params(saved.network->params);
    EXPECT_EQ(boundary(config, data, snap->network), boundary(config, data, original.network()));
}

TEST(Session, LoadedPointsAreKeptExactly) {
    AppState state;
    prepare(state);
    core::Dataset points;
    points.classes = 0;  // a regression, with numbers that print long
    points.x.resize(12, 2);
    points.target.resize(12);
    for (int i = 0; i < 12; ++i) {
        points.x(i, 0) = 1.0 / (i + 3.0) - 0.5;
        points.x(i, 1) = (i % 2 ? -1 : 1) * std::ldexp(1.0 + i / 7.0, -i * 70);
        points.target[i] = std::sqrt(i + 0.1);
    }
    state.playground.view.data_file = "/home/teacher/wiggle.csv";
    state.playground.view.config.output = core::Output::Identity;
    state.playground.view.config.loss = core::LossKind::Mse;
    state.playground.data = points;
    state.playground.data_dirty = false;
    const std::string text = session_json(session_from_state(state, true));
    Session opened;
    std::string error;
    ASSERT_TRUE(parse_session(text, &opened, &error)) << error;
    ASSERT_TRUE(opened.points);
    EXPECT_TRUE(same_bits(*opened.points, points));
    EXPECT_EQ(opened.playground.data_file, "/home/teacher/wiggle.csv");
    AppState back;
    apply_session(back, opened);
    EXPECT_TRUE(same_bits(back.playground.data, points));
    EXPECT_EQ(back.playground.view.data_file, "/home/teacher/wiggle.csv");
}

// Points drawn by hand are kept in the session as they were drawn, with no file behind them, and open
// as drawn points again.
TEST(Session, DrawnPointsAreKeptExactlyAndOpenAsDrawnPoints) {
    AppState state;
    prepare(state);
    core::Dataset points;
    points.classes = 2;
    points.x.resize(6, 2);
    points.target.resize(6);
    for (int i = 0; i < 6; ++i) {
        points.x(i, 0) = -4.0 + 1.37 * i + 1.0 / 3.0;
        points.x(i, 1) = std::sin(1.0 + i);
        points.target[i] = i % 2;  // class ids 0 and 1
    }
    state.playground.view.data_file.clear();
    state.playground.data = points;
    state.playground.drawn = true;
    state.playground.data_dirty = false;
    const std::string text = session_json(session_from_state(state, false));
    EXPECT_NE(text.find("\"drawn\": true"), std::string::npos) << text;
    Session opened;
    std::string error;
    ASSERT_TRUE(parse_session(text, &opened, &error)) << error;
    ASSERT_TRUE(opened.points);
    EXPECT_TRUE(opened.drawn);
    EXPECT_TRUE(same_bits(*opened.points, points));
    AppState back;
    apply_session(back, opened);
    EXPECT_TRUE(back.playground.drawn);
    EXPECT_TRUE(same_bits(back.playground.data, points));
    EXPECT_TRUE(back.playground.view.data_file.empty());
    // drawn points beside a data= file contradict each other
    std::string both = text;
    const size_t at = both.find("\"playground\": {");
    ASSERT_NE(at, std::string::npos) << text;
    both.insert(at + std::string("\"playground\": {").size(), "\"data\": \"/tmp/x.csv\",");
    Session refused;
    EXPECT_FALSE(parse_session(both, &refused, &error));
    EXPECT_NE(error.find("/data/drawn"), std::string::npos) << error;
}

// Each hostile file is refused, naming where, and the state it was opened into is as it was.
TEST(Session, AMalformedFileIsRefusedAndChangesNothing) {
    AppState base;
    prepare(base);
    const core::TrainConfig config = base.playground.view.config;
    Session good = session_from_state(base, false);
    good.network = SessionNetwork{5, trained(config, core::make_dataset(config.data), 5)};
    const nlohmann::json doc = nlohmann::json::parse(session_json(good));
    auto with = [&](const std::function<void(nlohmann::json&)>& change) {
        nlohmann::json d = doc;
        change(d);
        return d.dump();
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{\"format\": \"actlab session\", \"version\": 1,", "not valid JSON"},
        {"[1, 2, 3]", "at /: a session is a JSON object"},
        {"", "not valid JSON"},
        {with([](auto& d) { d.erase("format"); }), "at /format"},
        {with([](auto& d) { d["version"] = 99; }), "at /version: is 99, but this actlab reads version 1"},
        {with([](auto& d) { d["version"] = 1e300; }), "at /version"},
        {with([](auto& d) { d["version"] = "1"; }), "at /version"},
        {with([](auto& d) { d["colour"] = "red"; }), "at /colour: unknown key"},
        {with([](auto& d) { d["playground"]["colour"] = "red"; }), "at /playground/colour: unknown key"},
        {with([](auto& d) { d["playground"]["lr"] = "fast"; }), "at /playground/lr: 'lr=fast'"},
        {with([](auto& d) { d["playground"]["layers"] = nlohmann::json::array({4, 2}); }), "at /playground/layers: a key's value"},
        {with([](auto& d) { d["activations"] = 3; }), "at /activations: must be an object"},
        {with([](auto& d) { d["softmax"]["logits"] = "1,nan"; }), "at /softmax/logits"},
        {with([](auto& d) { d["lab"] = "kitchen"; }), "at /lab"},
        {with([](auto& d) { d["network"]["params"][3] = "NaN"; }), "at /network/params/3: must be a finite number"},
        {with([](auto& d) { d["network"]["params"].erase(0); }), "at /network/params: holds"},
        {with([](auto& d) { d["network"]["params"] = nlohmann::json::array(); }), "at /network/params: holds 0 numbers"},
        {with([](auto& d) {
             auto& p = d["network"]["params"];
             for (int i = 0; i < 100000; ++i) p.push_back(0.5);
         }),
         "at /network/params: holds"},
        {with([](auto& d) { d["network"]["epoch"] = -1; }), "at /network/epoch"},
        {with([](auto& d) { d["network"]["weights"] = 1; }), "at /network/weights: unknown key"},
        {with([](auto& d) { d["data"] = {{"points", {{0, 0, 1}, {1, 1, -1}}}}; }), "at /data: points are given"},
        {with([](auto& d) { d["playground"]["data"] = "points.csv"; }), "at /playground/data"},
        {with([](auto& d) {
             d["playground"]["data"] = "points.csv";
             d["data"]["points"] = {{0, 0, 1}, {1, "x", 0}};
         }),
         "at /data/points/1/1: must be a finite number"},
        {with([](auto& d) {
             d["playground"]["data"] = "points.csv";
             nlohmann::json points = nlohmann::json::array();
             for (int i = 0; i < 100001; ++i) points.push_back({0, 0, 1});
             d["data"]["points"] = points;
         }),
         "at /data/points: holds 100001 points"},
        {with([](auto& d) { d["playground"]["epochs"] = "50"; }), "at /playground/epochs"},
        {with([](auto& d) { d["playground"]["output"] = "softmax"; d["playground"]["dataset"] = "plane"; }), "at /playground:"},
    };
    TempDir tmp;
    for (const auto& [text, says] : cases) {
        Session out = good;
        std::string error;
        EXPECT_FALSE(parse_session(text, &out, &error)) << says;
        EXPECT_NE(error.find(says), std::string::npos) << "expected '" << says << "' in: " << error;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
        EXPECT_EQ(session_json(out), session_json(good)) << "a refused file changed the session: " << says;

        // opened in the window: said in the status line, and every lab as it was
        AppState state;
    prepare(state);
        const std::string before = settings_json(state);
        write(tmp / "bad.actlab", text);
        state.session.open = tmp / "bad.actlab";
        session_step(state);
        EXPECT_TRUE(state.status.error);
        EXPECT_NE(state.status.text.find("Session not opened"), std::string::npos) << state.status.text;
        EXPECT_NE(state.status.text.find(says), std::string::npos) << state.status.text;
        EXPECT_EQ(settings_json(state), before) << says;
        EXPECT_FALSE(state.playground.restore);
        EXPECT_TRUE(state.session.recent.empty());
    }
}

TEST(Session, AFileThatIsNoSessionFileIsRefusedByName) {
    TempDir tmp;
    AppState state;
    const std::string before = settings_json(state);
    for (const std::string& path : {tmp / "missing.actlab", tmp.path, std::string("/dev/zero")}) {
        state.session.open = path;
        session_step(state);
        EXPECT_TRUE(state.status.error) << path;
        EXPECT_NE(state.status.text.find(path), std::string::npos) << state.status.text;
        EXPECT_EQ(settings_json(state), before);
    }
}

TEST(Session, SavedAndOpenedThroughTheStepAndRemembered) {
    TempDir tmp;
    AppState state;
    prepare(state);
    state.session.save = tmp / "lesson.actlab";
    session_step(state);
    EXPECT_FALSE(state.status.error) << state.status.text;
    ASSERT_EQ(state.session.recent.size(), 1u);
    EXPECT_EQ(state.session.recent[0], tmp / "lesson.actlab");

    AppState back;
    back.session.open = tmp / "lesson.actlab";
    session_step(back);
    EXPECT_FALSE(back.status.error) << back.status.text;
    EXPECT_EQ(session_json(session_from_state(back, false)), session_json(session_from_state(state, false)));

    // the recent list: newest first, no repeats, at most 8, kept in settings.json
    std::vector<std::string> recent;
    for (int i = 0; i < 12; ++i) remember_session(&recent, "/s/" + std::to_string(i % 10) + ".actlab");
    ASSERT_EQ(recent.size(), 8u);
    EXPECT_EQ(recent[0], "/s/1.actlab");
    EXPECT_EQ(recent[1], "/s/0.actlab");
    back.session.recent = recent;
    back.exports.folder = "/somewhere/exports";
    AppState again;
    std::vector<std::string> problems;
    load_settings_text(settings_json(back), "settings.json", &again, &problems);
    EXPECT_TRUE(problems.empty()) << problems.front();
    EXPECT_EQ(again.session.recent, recent);
}

TEST(Session, DroppedFilesAreOpenedByTheStep) {
    TempDir tmp;
    AppState state;
    prepare(state);
    write(tmp / "lesson.actlab", session_json(session_from_state(state, false)));
    AppState other;
    other.session.dropped = {tmp / "lesson.actlab"};
    session_step(other);
    EXPECT_FALSE(other.status.error) << other.status.text;
    EXPECT_EQ(other.lab, Lab::Playground);
    EXPECT_TRUE(other.explorer.view == state.explorer.view);

    other.session.dropped = {tmp / "points.CSV"};
    session_step(other);
    EXPECT_EQ(other.playground.load_csv, tmp / "points.CSV");  // the playground's step loads it

    const std::string before = settings_json(other);
    other.session.dropped = {tmp / "notes.txt"};
    session_step(other);
    EXPECT_TRUE(other.status.error);
    EXPECT_NE(other.status.text.find("notes.txt"), std::string::npos);
    EXPECT_EQ(settings_json(other), before);
}

TEST(Session, MadeFromKeys) {
    Session s;
    std::string error;
    ASSERT_TRUE(session_from_keys(Session{}, {{"lab", "softmax"}, {"softmax.logits", "3,1"}, {"layers", "2"},
                                              {"activations.functions", "tanh"}, {"view", "gradient"},
                                              {"weights", "yes"}, {"epochs", "12"}},
                                  &s, &error))
        << error;
    EXPECT_EQ(s.lab, Lab::Softmax);
    EXPECT_EQ(s.softmax.logits, (std::vector<double>{3, 1}));
    EXPECT_EQ(s.playground.pane, PlaygroundPane::Gradient);
    ASSERT_TRUE(s.network);
    EXPECT_EQ(s.network->epoch, 12);
    const core::Dataset data = core::make_dataset(s.playground.config.data);
    EXPECT_TRUE(same_bits(s.network->params, trained(s.playground.config, data, 12)));

    EXPECT_FALSE(session_from_keys(Session{}, {{"weights", "maybe"}}, &s, &error));
    EXPECT_NE(error.find("weights=maybe"), std::string::npos) << error;
    EXPECT_FALSE(session_from_keys(Session{}, {{"softmax.colour", "red"}}, &s, &error));
    EXPECT_NE(error.find("/softmax/colour"), std::string::npos) << error;
}
