// Points drawn by hand, without a window: the edits (add, spray, remove, undo, clear) on a set of
// points, what counts as too few to train on, and the model step making the drawn points the
// playground's training data (split as a loaded CSV is, the run started again with its settings).
#include "app/model/drawing.h"
#include "app/model/playground_model.h"
#include "app/platform.h"
#include "core/csv.h"
#include "core/training.h"

#include "process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

using namespace actlab;
using namespace actlab::app;

namespace {

DrawEdit add(double x1, double x2, double label) { return {DrawEdit::Kind::Add, x1, x2, label, 0.0, true}; }
DrawEdit remove_near(double x1, double x2, double within) { return {DrawEdit::Kind::Remove, x1, x2, 0.0, within}; }
DrawEdit undo() { return {DrawEdit::Kind::Undo}; }

core::Dataset two_classes() {
    core::Dataset d;
    d.classes = 2;
    return d;
}

// The playground's model step, frame after frame, until `done` holds (false after 30 s).
bool step_until(AppState& state, const std::function<bool()>& done) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < end) {
        playground_step(state);
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

}  // namespace

TEST(Drawing, ClicksAddRightClickRemovesTheNearestAndUndoPutsItBack) {
    DrawState s;
    core::Dataset d = two_classes();
    ASSERT_TRUE(apply_draw_edits(s, &d, {add(-2, 1, 0), add(-1, 1, 0), add(0, 1, 0), add(1, -1, 1), add(2, -1, 1), add(3, -1, 1)}));
    ASSERT_EQ(d.size(), 6);
    EXPECT_EQ(s.undo.size(), 6u) << "a click is a step of its own";
    EXPECT_EQ(d.x(3, 0), 1.0);
    EXPECT_EQ(d.target[3], 1.0);
    // nothing within reach: nothing removed, no step
    EXPECT_FALSE(apply_draw_edits(s, &d, {remove_near(5, 5, 0.3)}));
    // the nearest of the points within reach: (0, 1), not (-1, 1)
    ASSERT_TRUE(apply_draw_edits(s, &d, {remove_near(-0.3, 1.05, 0.8)}));
    ASSERT_EQ(d.size(), 5);
    for (int i = 0; i < d.size(); ++i) EXPECT_FALSE(d.x(i, 0) == 0.0 && d.x(i, 1) == 1.0) << "point " << i;
    ASSERT_TRUE(apply_draw_edits(s, &d, {undo()}));
    ASSERT_EQ(d.size(), 6);
    EXPECT_EQ(d.x(2, 0), 0.0) << "back where it was";
    EXPECT_EQ(d.x(2, 1), 1.0);
    EXPECT_EQ(d.target[2], 0.0);
    // several steps back, one a press
    ASSERT_TRUE(apply_draw_edits(s, &d, {undo(), undo()}));
    EXPECT_EQ(d.size(), 4);
    EXPECT_EQ(d.x(3, 0), 1.0);
}

TEST(Drawing, PointsOffThePlaneOrOfNoClassAreNotAdded) {
    DrawState s;
    core::Dataset d = two_classes();
    EXPECT_FALSE(apply_draw_edits(s, &d, {add(6.5, 0, 1), add(0, -7, 0), add(0, 0, 2), add(0, 0, 0.5)}));
    EXPECT_EQ(d.size(), 0);
    EXPECT_TRUE(s.undo.empty());
    EXPECT_TRUE(apply_draw_edits(s, &d, {add(6, -6, 1)})) << "the plane's edge is on it";
}

TEST(Drawing, ADragSpraysTheSamePointsForTheSamePathAndUndoesAsOneStep) {
    const std::vector<DrawEdit> path = {{DrawEdit::Kind::Spray, 1, 1, 1, 0.6, true},
                                        {DrawEdit::Kind::Spray, 1.5, 1.2, 1, 0.6, false},
                                        {DrawEdit::Kind::Spray, 2, 1.4, 1, 0.6, false}};
    DrawState s1, s2;
    core::Dataset a = two_classes(), b = two_classes();
    ASSERT_TRUE(apply_draw_edits(s1, &a, {add(-3, -3, 0)}));
    // the drag arrives a dab a frame
    for (const DrawEdit& e : path) apply_draw_edits(s1, &a, {e});
    apply_draw_edits(s2, &b, {add(-3, -3, 0)});
    apply_draw_edits(s2, &b, path);
    ASSERT_EQ(a.size(), 1 + 3 * DrawState::kSprayPoints);
    EXPECT_TRUE(a.x == b.x) << "the same path, the same points";
    for (int i = 1; i < a.size(); ++i) {
        EXPECT_EQ(a.target[i], 1.0);
        const double near = std::min({std::hypot(a.x(i, 0) - 1, a.x(i, 1) - 1), std::hypot(a.x(i, 0) - 1.5, a.x(i, 1) - 1.2),
                                      std::hypot(a.x(i, 0) - 2, a.x(i, 1) - 1.4)});
        EXPECT_LE(near, 0.6) << "point " << i << " is within the spray's reach of a dab";
    }
    // elsewhere on the path, other points
    DrawState s3;
    core::Dataset c = two_classes();
    apply_draw_edits(s3, &c, {{DrawEdit::Kind::Spray, 1, 1.01, 1, 0.6, true}});
    EXPECT_FALSE(c.x.row(0) == a.x.row(1));
    ASSERT_EQ(s1.undo.size(), 2u) << "the click, and the drag as one step";
    apply_draw_edits(s1, &a, {undo()});
    EXPECT_EQ(a.size(), 1);
}

TEST(Drawing, ClearMakesAnEmptyPlaneAndUndoBringsThePointsBack) {
    DrawState s;
    core::Dataset d = core::make_dataset({core::DatasetKind::Circle, 50, 0.0, 1});
    const core::Dataset before = d;
    DrawEdit clear{DrawEdit::Kind::Clear};
    clear.classes = 3;
    ASSERT_TRUE(apply_draw_edits(s, &d, {clear}));
    EXPECT_EQ(d.size(), 0);
    EXPECT_EQ(d.classes, 3);
    ASSERT_TRUE(apply_draw_edits(s, &d, {add(0, 0, 2)}));
    ASSERT_TRUE(apply_draw_edits(s, &d, {undo(), undo()}));
    EXPECT_EQ(d.classes, 2);
    EXPECT_TRUE(d.x == before.x && d.target == before.target);
}

TEST(Drawing, TooFewPointsToTrainOnAreSaidSo) {
    core::Dataset d = two_classes();
    EXPECT_NE(drawing_problem(d).find("Nothing to train on"), std::string::npos);
    DrawState s;
    apply_draw_edits(s, &d, {add(1, 1, 1)});
    EXPECT_NE(drawing_problem(d).find("1 point"), std::string::npos) << drawing_problem(d);
    apply_draw_edits(s, &d, {add(2, 1, 1), add(3, 1, 1)});
    EXPECT_NE(drawing_problem(d).find("All 3 points are of class +1"), std::string::npos) << drawing_problem(d);
    apply_draw_edits(s, &d, {add(-1, -1, 0)});
    EXPECT_EQ(drawing_problem(d), "");
    core::Dataset r;
    r.classes = 0;
    apply_draw_edits(s, &r, {add(1, 1, 0.25), add(2, 2, 0.25)});
    EXPECT_EQ(drawing_problem(r), "") << "a regression needs two points, of any values";
}

// The model step: edits over the circle make its points the drawn set, the run starts again on them
// (split as for a loaded CSV), and too few points pause it without losing any.
TEST(Drawing, TheModelStepTrainsOnTheDrawnPoints) {
    HeadlessGL gl;
    std::string error;
    ASSERT_TRUE(gl.create(&error)) << error;
    AppState state;
    state.lab = Lab::Playground;
    PlaygroundState& p = state.playground;
    p.view.speed = 0.0;
    ASSERT_TRUE(step_until(state, [&] { return p.shown && network_fits(p.shown->network, p.view.config, p.data); }));
    const core::Dataset circle = p.data;
    const core::TrainConfig settings = p.view.config;
    // a point over the circle: its 500 points and this one are the drawn set
    request_draw(p, add(0.5, 0.5, 1));
    playground_step(state);
    ASSERT_TRUE(p.drawn);
    ASSERT_EQ(p.data.size(), circle.size() + 1);
    EXPECT_TRUE(p.data.x.topRows(circle.size()) == circle.x);
    EXPECT_EQ(p.data_name, "drawn");
    EXPECT_TRUE(p.draw.problem.empty()) << p.draw.problem;
    // an empty plane: too few, the run waits, the points are kept
    DrawEdit clear{DrawEdit::Kind::Clear};
    clear.classes = 2;
    request_draw(p, clear);
    request_draw(p, add(-2, -2, 0));
    playground_step(state);
    EXPECT_EQ(p.data.size(), 1);
    EXPECT_TRUE(drawing_blocked(p));
    EXPECT_NE(p.draw.problem.find("1 point"), std::string::npos) << p.draw.problem;
    EXPECT_TRUE(p.boundary.no_field);
    EXPECT_EQ(p.boundary.train.size(), 1) << "the point is shown";
    request_run(p, RunRequest::Play);
    playground_step(state);
    p.trainer->wait_idle();
    EXPECT_FALSE(p.trainer->snapshot()->running) << "nothing to train on: Play waits";
    // three of each class: trained, from epoch 0, with the same settings
    for (double x : {-2.5, -1.5, -1.0}) request_draw(p, add(x, -2, 0));
    for (double x : {1.0, 1.5, 2.5}) request_draw(p, add(x, 2, 1));
    playground_step(state);
    ASSERT_EQ(p.data.size(), 7);
    EXPECT_FALSE(drawing_blocked(p));
    // (the trainer's epoch 0 is core::Training's on the drawn points: the new run is on screen)
    const core::EpochRecord expected = core::Training(p.view.config, p.data).evaluate();
    ASSERT_TRUE(step_until(state, [&] { return p.shown && p.shown->epoch == 0 && !p.boundary.no_field &&
                                                !p.shown->history.empty() &&
                                                p.shown->history.back().train_loss == expected.train_loss; }))
        << "the run did not start again on the drawn points";
    EXPECT_EQ(p.boundary.train.size() + p.boundary.test.size(), 7);
    EXPECT_EQ(p.view.config.hidden.size(), settings.hidden.size());
    EXPECT_EQ(p.view.config.seed, settings.seed);
    // the split a loaded CSV gets: the same points, shuffled by the data's seed, train_percent to train
    core::Dataset train, test;
    core::split_dataset(p.data, p.view.config.train_percent, p.view.config.data.seed, &train, &test);
    EXPECT_TRUE(p.boundary.train.x == train.x && p.boundary.test.x == test.x);
    EXPECT_EQ(p.boundary.spec.x_min, -core::kDataExtent) << "the whole plane, though the points are close together";
    // picking a dataset's picture leaves the drawing
    p.choose_dataset = static_cast<int>(core::DatasetKind::Xor);
    playground_step(state);
    EXPECT_FALSE(p.drawn);
    EXPECT_TRUE(p.draw.undo.empty());
    release_playground_gl(state);
}

// Save as CSV… writes what core/csv reads back, and never overwrites a file it did not write itself.
TEST(Drawing, SavingOverwritesOnlyTheFileSavedFromHere) {
    HeadlessGL gl;
    std::string error;
    ASSERT_TRUE(gl.create(&error)) << error;
    TempDir tmp;
    AppState state;
    state.lab = Lab::Playground;
    PlaygroundState& p = state.playground;
    DrawEdit clear{DrawEdit::Kind::Clear};
    request_draw(p, clear);
    request_draw(p, add(-1, -1, 0));
    request_draw(p, add(1, 1, 1));
    playground_step(state);
    ASSERT_EQ(p.data.size(), 2);
    const std::string theirs = tmp / "theirs.csv";
    std::ofstream(theirs) << "x1,x2,label\n0,0,1\n0,1,-1\n";
    p.draw.save = theirs;
    playground_step(state);
    EXPECT_TRUE(p.draw.save_failed);
    EXPECT_NE(p.draw.save_message.find("there already"), std::string::npos) << p.draw.save_message;
    EXPECT_EQ(read_text(theirs), "x1,x2,label\n0,0,1\n0,1,-1\n") << "someone else's file is left as it was";
    const std::string mine = tmp / "mine.csv";
    p.draw.save = mine;
    playground_step(state);
    EXPECT_FALSE(p.draw.save_failed) << p.draw.save_message;
    request_draw(p, add(2, 2, 1));
    playground_step(state);
    p.draw.save = mine;
    playground_step(state);
    EXPECT_FALSE(p.draw.save_failed) << "the file saved from here is saved again: " << p.draw.save_message;
    core::Dataset back;
    ASSERT_TRUE(core::load_dataset_csv(mine, &back, &error)) << error;
    EXPECT_TRUE(back.x == p.data.x && back.target == p.data.target && back.classes == 2);
    release_playground_gl(state);
}
