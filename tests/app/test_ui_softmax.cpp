// The softmax lab driven as a user drives it, without a window: Ctrl+2 brings it forward, a temperature
// is typed into "type T" and confirmed with Enter, the Up key steps it along the ladder, and Ctrl+E /
// Ctrl+Shift+E export the probabilities at that temperature; the settings keep it.
#include "core/softmax.h"
#include "png_check.h"
#include "ui_harness.h"

#include "app/settings.h"

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdio>
#include <sstream>

TEST(UiSoftmax, TypeAndStepTheTemperatureThenExportPngAndCsv) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("type T") > 0; }, 5)) << "no \"type T\" field drawn";
    ASSERT_TRUE(h.click("type T"));
    h.type("0.5");
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 1.0) << "T changed before the value was confirmed";
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 0.5);
    h.click_at(1400, 900);  // empty plot space: the field lets go of the keys
    h.key(GLFW_KEY_UP);     // 0.5 → 0.63 on the 1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.3, 8 ladder
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 0.63);

    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL);
    const Png png = read_png(h.export_folder() + "/softmax_A-B-C_T0.63.png");
    ASSERT_TRUE(png.ok) << h.state.status.text;
    EXPECT_EQ(png.width, 3200);
    EXPECT_EQ(png.height, 2000);
    EXPECT_GT(count_color(png, 0, 114, 178, 12), 100000);  // class A's bar, blue
    EXPECT_GT(count_color(png, 213, 94, 0, 12), 10000);    // class B's, vermillion
    EXPECT_GT(count_color(png, 0, 158, 115, 12), 1000);    // class C's, bluish green

    h.key(GLFW_KEY_E, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT);
    std::stringstream in(read_text(h.export_folder() + "/softmax_A-B-C_T0.63.csv"));
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "temperature,class,logit,prob,entropy");
    Eigen::ArrayXd z(3);
    z << 2, 1, 0.1;
    const actlab::core::Softmax s = actlab::core::softmax(z, 0.63);
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(std::getline(in, line));
        double t = 0, logit = 0, p = 0, entropy = 0;
        int cls = -1;
        ASSERT_EQ(std::sscanf(line.c_str(), "%lf,%d,%lf,%lf,%lf", &t, &cls, &logit, &p, &entropy), 5) << line;
        EXPECT_EQ(t, 0.63);
        EXPECT_EQ(cls, i);
        EXPECT_EQ(p, s.prob[i]);
        EXPECT_EQ(entropy, s.entropy);
    }

    std::string error;
    ASSERT_TRUE(actlab::app::save_settings(h.state.settings_path, h.state, &error)) << error;
    const std::string settings = read_text(h.state.settings_path);
    EXPECT_NE(settings.find("\"temperature\": \"0.63\""), std::string::npos) << settings;
}

TEST(UiSoftmax, ALogitAppliesWhenConfirmedAndARefusedOneKeepsTheOld) {
    UiHarness h;
    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("z") > 0; }, 5));
    // the last logit row drawn (class C, 0.1): typing 1e999 over it changes nothing on the way
    ASSERT_TRUE(h.click("z"));
    EXPECT_EQ(h.active_field_text(), "0.1");
    h.type("1");
    EXPECT_EQ(h.state.softmax.view.logits[2], 0.1) << "a keystroke applied the logit";
    h.type("e999");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.softmax.view.logits[2], 0.1);
    EXPECT_NE(h.state.softmax.message.find("'1e999' is not a finite number; it stays 0.1."), std::string::npos)
        << h.state.softmax.message;
    ASSERT_TRUE(h.click("z"));
    EXPECT_EQ(h.active_field_text(), "0.1") << "the field shows the value in force again";
    h.type("20000");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.softmax.view.logits[2], 0.1);
    EXPECT_EQ(h.state.softmax.message, "A logit must be within ±10000; class C keeps 0.1.");
    ASSERT_TRUE(h.click("z"));
    h.type("-3");
    h.click_at(1400, 900);  // leaving the field confirms it too
    EXPECT_EQ(h.state.softmax.view.logits[2], -3.0);
    EXPECT_EQ(h.state.softmax.message, "");
    // Esc gives up
    ASSERT_TRUE(h.click("z"));
    h.type("7");
    h.key(GLFW_KEY_ESCAPE);
    EXPECT_EQ(h.state.softmax.view.logits[2], -3.0);
}

TEST(UiSoftmax, ARefusedTemperatureIsReportedAndTheFieldShowsTheValueInForce) {
    UiHarness h;
    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("type T") > 0; }, 5));
    ASSERT_TRUE(h.click("type T"));
    h.type("5000");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 1.0);
    EXPECT_NE(h.state.softmax.message.find("outside 0.001 to 1000"), std::string::npos) << h.state.softmax.message;
    // the field shows the value in force again
    ASSERT_TRUE(h.click("type T"));
    EXPECT_EQ(h.active_field_text(), "1");
    h.type("2");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 2.0);
    EXPECT_EQ(h.state.softmax.message, "") << "a good value clears the refusal";
}

// Dragging the temperature slider lands on the ladder's values (1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.3, 8
// × 10^k), wherever the pointer stops; with Shift held, on three significant digits.
TEST(UiSoftmax, TheTemperatureSliderLandsOnRoundValues) {
    UiHarness h;
    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("##T") > 0; }, 5));
    const ImVec4 r = h.items.rects.at("##T");
    const double ladder[] = {1.0, 1.25, 1.6, 2.0, 2.5, 3.2, 4.0, 5.0, 6.3, 8.0};
    auto on_ladder = [&](double t) {
        const double m = t / std::pow(10.0, std::floor(std::log10(t) + 1e-12));
        for (double rung : ladder)
            if (std::fabs(m - rung) < 1e-9) return true;
        return std::fabs(m - 10.0) < 1e-9;
    };
    for (int i = 1; i <= 9; ++i) {  // the pointer let go at odd places along the slider
        const float x = r.x + (r.z - r.x) * (0.037f + 0.1033f * i);
        h.drag(r.x + 4, 0.5f * (r.y + r.w), x, 0.5f * (r.y + r.w), 4);
        const double t = h.state.softmax.view.temperatures.front();
        EXPECT_TRUE(on_ladder(t)) << "T = " << t << " at " << x;
    }
}

// Typed into with Ctrl+click, a slider follows the rule of every typed field: nothing changes until
// Enter, and a value outside its range is refused (not clamped), with a sentence in the status line.
TEST(UiSoftmax, ATemperatureTypedIntoTheSliderAppliesOnEnterAndOutOfRangeIsRefused) {
    UiHarness h;
    h.key(GLFW_KEY_2, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("##T") > 0; }, 5));
    ASSERT_TRUE(h.click("##T", GLFW_MOD_CONTROL));
    h.type("500");
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 1.0) << "a keystroke applied the value";
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 1.0) << "500 is outside the slider's 0.01 to 100";
    EXPECT_TRUE(h.state.status.error);
    EXPECT_EQ(h.state.status.text, "'500' is outside 0.01 to 100; T stays 1.");
    ASSERT_TRUE(h.click("##T", GLFW_MOD_CONTROL));
    h.type("0.37");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.softmax.view.temperatures.front(), 0.37);
}
