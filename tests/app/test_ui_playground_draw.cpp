// Points drawn by hand on the playground's boundary, driven without a window as a user does it: Draw,
// an empty plane, three clicks of each class, a right-click that removes one, Ctrl+Z that brings it back,
// training on the six points until the boundary moves, and Save as CSV… written and read back.
#include "ui_harness.h"

#include "app/model/playground_model.h"
#include "core/csv.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cmath>
#include <string>
#include <vector>

namespace app = actlab::app;
namespace core = actlab::core;

namespace {

// Where the plane's point (x1, x2) is on screen, as the boundary plot was laid out in the last frame
// (its home view: Playground's ±6 plane).
bool plane_to_pixels(const UiHarness& h, double x1, double x2, float* px, float* py) {
    for (const actlab::plot::PlotReport& r : h.plots)
        if (r.id.find("###boundary") != std::string::npos) {
            const double e = core::kDataExtent;
            *px = r.area_min.x + static_cast<float>((x1 + e) / (2 * e)) * (r.area_max.x - r.area_min.x);
            *py = r.area_max.y - static_cast<float>((x2 + e) / (2 * e)) * (r.area_max.y - r.area_min.y);
            return true;
        }
    return false;
}

void click_plane(UiHarness& h, double x1, double x2, bool right = false) {
    float x = 0, y = 0;
    ASSERT_TRUE(plane_to_pixels(h, x1, x2, &x, &y)) << "no boundary plot on screen";
    right ? h.right_click_at(x, y) : h.click_at(x, y);
}

struct Point {
    double x1, x2, label;
};

// The points are these, in this order, each within `slack` (a click lands on a pixel).
void expect_points(const core::Dataset& d, const std::vector<Point>& want, double slack) {
    ASSERT_EQ(d.size(), static_cast<int>(want.size()));
    for (int i = 0; i < d.size(); ++i) {
        EXPECT_NEAR(d.x(i, 0), want[i].x1, slack) << "point " << i;
        EXPECT_NEAR(d.x(i, 1), want[i].x2, slack) << "point " << i;
        EXPECT_EQ(d.target[i], want[i].label) << "point " << i;
    }
}

}  // namespace

TEST(UiPlaygroundDraw, DrawRemoveUndoTrainAndSave) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    app::PlaygroundState& p = h.state.playground;
    p.view.speed = 0.0;  // as fast as it goes: the test waits for epochs, not seconds
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return p.shown && h.items.rects.count("Draw") > 0; }, 30)) << "no playground";
    ASSERT_TRUE(h.click("Draw"));
    EXPECT_TRUE(p.draw.on);
    ASSERT_TRUE(h.click("Clear: draw your own"));
    ASSERT_TRUE(h.run_until([&] { return p.drawn && p.data.size() == 0; }, 10)) << "no empty plane";
    EXPECT_TRUE(app::drawing_blocked(p));
    EXPECT_GT(h.items.rects.count("Drawing problem"), 0u) << "the plane says there is nothing to train on";

    // three points of each class
    const std::vector<Point> six = {{-3, -2, 0}, {-2, -3, 0}, {-3.5, -3.5, 0}, {3, 2, 1}, {2, 3, 1}, {3.5, 3.5, 1}};
    for (const Point& pt : six) {
        ASSERT_TRUE(h.click(pt.label == 0 ? "Class −1" : "Class +1"));
        const int before = p.data.size();
        click_plane(h, pt.x1, pt.x2);
        ASSERT_TRUE(h.run_until([&] { return p.data.size() == before + 1; }, 10)) << "the click added no point";
    }
    const double slack = 0.1;  // a pixel or two of a plane some 330 pixels across
    expect_points(p.data, six, slack);
    EXPECT_FALSE(app::drawing_blocked(p)) << p.draw.problem;
    EXPECT_EQ(p.view.config.output, core::Output::Tanh);

    // a right-click beside the second point removes it (and only it); Ctrl+Z puts it back
    click_plane(h, -2.05, -2.95, true);
    ASSERT_TRUE(h.run_until([&] { return p.data.size() == 5; }, 10)) << "the right-click removed nothing";
    expect_points(p.data, {six[0], six[2], six[3], six[4], six[5]}, slack);
    click_plane(h, 0, 0, true);  // far from every point: nothing goes
    h.frames(2);
    EXPECT_EQ(p.data.size(), 5);
    h.key(GLFW_KEY_Z, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return p.data.size() == 6; }, 10))
        << "Ctrl+Z did not bring the point back: " << p.data.size() << " points, " << p.draw.undo.size() << " steps";
    expect_points(p.data, six, slack);

    // train: the boundary moves from where the untrained network had it
    ASSERT_TRUE(h.run_until([&] { return p.shown && p.shown->epoch == 0 && !p.boundary.no_field &&
                                         p.boundary.train.size() + p.boundary.test.size() == 6; }, 30));
    h.frames(3);
    const std::vector<float> untrained = p.boundary.field.values;
    h.key(GLFW_KEY_SPACE);
    ASSERT_TRUE(h.run_until([&] { return p.shown && p.shown->epoch >= 300; }, 60)) << "the run did not train";
    h.key(GLFW_KEY_SPACE);
    ASSERT_EQ(p.boundary.field.values.size(), untrained.size());
    double moved = 0;
    for (size_t i = 0; i < untrained.size(); ++i) moved = std::max(moved, double(std::fabs(p.boundary.field.values[i] - untrained[i])));
    EXPECT_GT(moved, 0.2) << "the boundary did not change while training";
    ASSERT_FALSE(p.shown->history.empty());
    EXPECT_LT(p.shown->history.back().train_loss, p.shown->history.front().train_loss);
    EXPECT_EQ(p.shown->history.back().train_accuracy, 1.0) << "three points a side, far apart";

    // Save as CSV…: the path typed, the file read back as the same points
    ASSERT_TRUE(h.click("Save as CSV…"));
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Save path") > 0; }, 10)) << "no save field";
    ASSERT_TRUE(h.click("Save path"));
    h.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    const std::string path = h.tmp / "mine.csv";
    h.type(path);
    ASSERT_TRUE(h.click("Save"));
    ASSERT_TRUE(h.run_until([&] { return !p.draw.save_message.empty(); }, 10));
    EXPECT_FALSE(p.draw.save_failed) << p.draw.save_message;
    core::Dataset back;
    std::string error;
    ASSERT_TRUE(core::load_dataset_csv(path, &back, &error)) << error;
    EXPECT_EQ(back.classes, p.data.classes);
    EXPECT_TRUE(back.x == p.data.x) << "the coordinates, to the last digit";
    EXPECT_TRUE(back.target == p.data.target);
}
