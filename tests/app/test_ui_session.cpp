// Sessions in the interface, driven as a user drives them without a window: the playground trained a
// little, Ctrl+S saves it through the browser's name field, the labs are changed, Ctrl+O opens the file
// again and the network is the saved one bit for bit; a file dropped on the window opens the same way,
// and a bad one is said in the status line and changes nothing.
#include "ui_harness.h"
#include "process.h"

#include "app/model/playground_model.h"
#include "app/session.h"
#include "app/settings.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstring>
#include <fstream>

using namespace actlab::app;

namespace {

bool same_bits(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<size_t>(a.size())) == 0;
}

// The playground in front, trained a few epochs and paused.
void train_a_little(UiHarness& h) {
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown != nullptr; }, 20)) << "the playground did not start";
    h.key(GLFW_KEY_S);  // one epoch a press
    h.key(GLFW_KEY_S);
    h.key(GLFW_KEY_S);
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown && h.state.playground.shown->epoch == 3; }, 20));
}

}  // namespace

TEST(UiSession, CtrlSSavesCtrlOOpensAndTheNetworkIsTheSameBitForBit) {
    UiHarness h;
    h.state.session.folder = h.tmp.path;
    train_a_little(h);
    const Eigen::VectorXd saved = h.state.playground.shown->network.params();

    h.key(GLFW_KEY_S, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("File name") > 0; }, 5)) << "no save browser";
    ASSERT_TRUE(h.click("File name"));
    h.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    h.type("lesson");
    h.frame();
    ASSERT_TRUE(h.click("Save"));
    const std::string path = h.tmp / "lesson.actlab";
    ASSERT_TRUE(h.run_until([&] { return h.state.status.text.rfind("Saved " + path, 0) == 0; }, 5))
        << h.state.status.text << " / the name field: " << h.state.session.save_browser.name;
    ASSERT_EQ(h.state.session.recent.size(), 1u);

    // saved again under the same name: the first Save only asks, the second replaces
    const std::string first = read_text(path);
    h.key(GLFW_KEY_S);  // one more epoch: other weights
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown && h.state.playground.shown->epoch == 4; }, 20));
    h.key(GLFW_KEY_S, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("File name") > 0; }, 5));
    ASSERT_TRUE(h.click("Save"));
    EXPECT_NE(h.state.session.save_browser.message.find("Save again to replace it"), std::string::npos);
    EXPECT_EQ(read_text(path), first);
    ASSERT_TRUE(h.click("Save"));
    ASSERT_TRUE(h.run_until([&] { return read_text(path) != first; }, 5)) << h.state.status.text;
    std::ofstream(path) << first;  // epoch 3's file again, for what follows

    // change the labs: another dataset and a fresh run, the activations lab in front
    h.state.playground.choose_dataset = static_cast<int>(actlab::core::DatasetKind::Xor);
    h.key(GLFW_KEY_R);
    h.key(GLFW_KEY_1, GLFW_MOD_CONTROL);
    EXPECT_EQ(h.state.lab, Lab::Activations);

    h.key(GLFW_KEY_O, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("file:lesson.actlab") > 0; }, 5)) << "no open browser";
    const auto row = h.items.rects.at("file:lesson.actlab");
    h.click_at(row.x + 5, row.y + 5);
    ASSERT_TRUE(h.click("Open"));
    ASSERT_TRUE(h.run_until([&] {
        const auto& p = h.state.playground;
        return p.shown && p.shown->epoch == 3 && !p.restore && p.view.config.data.kind == actlab::core::DatasetKind::Circle;
    }, 20)) << h.state.status.text;
    EXPECT_EQ(h.state.lab, Lab::Playground);
    EXPECT_TRUE(same_bits(h.state.playground.shown->network.params(), saved));
    EXPECT_FALSE(h.state.status.error) << h.state.status.text;
}

TEST(UiSession, AFileDroppedOnTheWindowOpensAndABadOneChangesNothing) {
    UiHarness h;
    train_a_little(h);
    const Eigen::VectorXd saved = h.state.playground.shown->network.params();
    const std::string good = h.tmp / "good.actlab";
    std::ofstream(good) << session_json(session_from_state(h.state, true));
    std::ofstream(h.tmp / "bad.actlab") << "{\"format\": \"actlab session\", \"version\": 1, \"network\": {\"epoch\": 1, \"params\": [1, 2]}}";

    h.key(GLFW_KEY_R);  // a fresh run: other weights
    ASSERT_TRUE(h.run_until([&] { return h.state.playground.shown && h.state.playground.shown->epoch == 0; }, 20));
    const std::string before = settings_json(h.state);
    h.state.session.dropped = {h.tmp / "bad.actlab"};
    h.frame();
    EXPECT_TRUE(h.state.status.error);
    EXPECT_NE(h.state.status.text.find("at /network/params"), std::string::npos) << h.state.status.text;
    EXPECT_EQ(settings_json(h.state), before);

    h.state.session.dropped = {good};
    ASSERT_TRUE(h.run_until([&] {
        const auto& p = h.state.playground;
        return p.shown && p.shown->epoch == 3 && !p.restore;
    }, 20)) << h.state.status.text;
    EXPECT_TRUE(same_bits(h.state.playground.shown->network.params(), saved));
}

