// The playground's file browser driven as a user drives it, without a window: it opens where the last
// CSV came from, shows folders then CSVs, goes into a folder on a double-click, chooses a file with
// Enter and loads it, goes up with Backspace, closes on Esc (full screen stays), reports a folder it
// cannot open without closing, and opens at home when the remembered folder has gone.
#include "ui_harness.h"

#include "app/panels/file_browser.h"
#include "app/settings.h"

#include <gtest/gtest.h>
#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// Two classes of points either side of x1 = 0.
void write_points(const std::string& path) {
    std::ofstream out(path);
    out << "x1,x2,label\n";
    for (int i = 0; i < 40; ++i) out << (i % 2 ? 1.0 : -1.0) * (0.5 + i * 0.05) << "," << (i - 20) * 0.1 << "," << (i % 2 ? 1 : -1) << "\n";
}

// A folder of points: sub/inner.csv to choose, b2.csv and b10.csv beside it, a note and a hidden file.
std::string make_data(const UiHarness& h) {
    const std::string data = h.tmp / "data";
    fs::create_directories(data + "/sub");
    write_points(data + "/sub/inner.csv");
    write_points(data + "/b2.csv");
    write_points(data + "/b10.csv");
    std::ofstream(data + "/notes.txt") << "not points\n";
    std::ofstream(data + "/.hidden.csv") << "x1,x2,label\n";
    return data;
}

bool shown(const UiHarness& h, const std::string& name) { return h.items.rects.count("file:" + name) > 0; }
float row_y(const UiHarness& h, const std::string& name) { return h.items.rects.at("file:" + name).y; }

// The playground in front and its browser opened with "Choose a file…".
void open_browser(UiHarness& h) {
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Choose a file…") > 0; }, 10)) << "no Choose a file… button";
    ASSERT_TRUE(h.click("Choose a file…"));
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Open") > 0; }, 5)) << "the browser did not open";
}

struct ScopedHome {
    std::string old;
    explicit ScopedHome(const std::string& home) {
        old = std::getenv("HOME") ? std::getenv("HOME") : "";
        setenv("HOME", home.c_str(), 1);
    }
    ~ScopedHome() { setenv("HOME", old.c_str(), 1); }
};

}  // namespace

TEST(UiFileBrowser, ACsvIsChosenWithTheMouseAndTheKeysAndItsFolderRemembered) {
    UiHarness h;
    ASSERT_TRUE(h.gl_error.empty()) << h.gl_error;
    const std::string data = make_data(h);
    h.state.playground.csv_folder = data;
    open_browser(h);
    EXPECT_EQ(h.state.playground.csv_browser.folder, data) << "it did not open where the last CSV came from";
    ASSERT_TRUE(shown(h, "sub/") && shown(h, "b2.csv") && shown(h, "b10.csv"));
    EXPECT_FALSE(shown(h, "notes.txt")) << "a file of another kind is shown";
    EXPECT_FALSE(shown(h, ".hidden.csv")) << "a hidden file is shown";
    EXPECT_LT(row_y(h, "sub/"), row_y(h, "b2.csv")) << "folders come first";
    EXPECT_LT(row_y(h, "b2.csv"), row_y(h, "b10.csv")) << "b2 comes before b10";
    // every kind of file, and back
    ASSERT_TRUE(h.click("all files"));
    h.frame();
    EXPECT_TRUE(shown(h, "notes.txt"));
    ASSERT_TRUE(h.click("all files"));
    h.frame();
    EXPECT_FALSE(shown(h, "notes.txt"));

    // a double-click goes into the folder; Enter chooses its first file
    float x = 0, y = 0;
    ASSERT_TRUE(h.find("file:sub/", &x, &y));
    h.click_at(x, y);
    h.click_at(x, y);
    ASSERT_TRUE(h.run_until([&] { return shown(h, "inner.csv"); }, 5)) << "the double-click did not open sub/";
    EXPECT_EQ(h.state.playground.csv_browser.folder, data + "/sub");
    h.key(GLFW_KEY_ENTER);
    h.frames(2);
    EXPECT_FALSE(h.state.playground.csv_browser.open) << "choosing a file left the browser open";
    EXPECT_EQ(h.state.playground.message, "");
    EXPECT_EQ(h.state.playground.data_name, "inner.csv");
    EXPECT_EQ(h.state.playground.view.data_file, data + "/sub/inner.csv");
    EXPECT_EQ(h.state.playground.csv_path, data + "/sub/inner.csv") << "the path field does not show the file";
    EXPECT_EQ(h.state.playground.csv_folder, data + "/sub");
    // the folder is in the settings, for next time
    EXPECT_NE(actlab::app::settings_json(h.state).find("\"csv_folder\": \"" + data + "/sub\""), std::string::npos);
    // and the browser opens there again
    ASSERT_TRUE(h.click("Choose a file…"));
    ASSERT_TRUE(h.run_until([&] { return shown(h, "inner.csv"); }, 5));
    EXPECT_EQ(h.state.playground.csv_browser.folder, data + "/sub");
}

TEST(UiFileBrowser, BackspaceGoesUpTheArrowsMoveAndEscClosesItButNotFullScreen) {
    UiHarness h;
    const std::string data = make_data(h);
    h.state.playground.csv_folder = data + "/sub";
    h.state.ui.fullscreen = true;
    open_browser(h);
    ASSERT_TRUE(shown(h, "inner.csv"));
    h.key(GLFW_KEY_BACKSPACE);
    EXPECT_EQ(h.state.playground.csv_browser.folder, data);
    // the folder it came from is selected, so Enter goes back into it
    const auto& b = h.state.playground.csv_browser;
    ASSERT_GE(b.selected, 0);
    EXPECT_EQ(b.listing.entries[static_cast<size_t>(b.selected)].name, "sub");
    h.key(GLFW_KEY_DOWN);
    EXPECT_EQ(b.listing.entries[static_cast<size_t>(b.selected)].name, "b2.csv");
    h.key(GLFW_KEY_UP);
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.playground.csv_browser.folder, data + "/sub");
    h.key(GLFW_KEY_ESCAPE);
    h.frames(2);
    EXPECT_FALSE(h.state.playground.csv_browser.open) << "Esc left the browser open";
    EXPECT_TRUE(h.state.ui.fullscreen) << "the Esc that closed the browser also left full screen";
    EXPECT_EQ(h.state.playground.view.data_file, "") << "closing the browser loaded a file";
}

TEST(UiFileBrowser, AFolderItCannotOpenIsReportedAndAGoneOneMeansHome) {
    UiHarness h;
    const std::string home = h.tmp / "home";
    fs::create_directories(home);
    write_points(home + "/mine.csv");
    ScopedHome scoped(home);
    h.state.playground.csv_folder = h.tmp / "since removed";
    open_browser(h);
    EXPECT_EQ(h.state.playground.csv_browser.folder, home);
    EXPECT_EQ(h.state.playground.csv_browser.message, "") << "a remembered folder that has gone is no news";
    EXPECT_TRUE(shown(h, "mine.csv"));
    // a folder typed that does not exist: said on its own line, the browser stays open where it was
    ASSERT_TRUE(h.click("Folder path"));
    h.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    h.type("/no/such/folder");
    h.key(GLFW_KEY_ENTER);
    h.frames(2);
    EXPECT_TRUE(h.state.playground.csv_browser.open);
    EXPECT_EQ(h.state.playground.csv_browser.message, "Cannot open /no/such/folder: No such file or directory");
    EXPECT_EQ(h.state.playground.csv_browser.folder, home);
    EXPECT_TRUE(shown(h, "mine.csv"));
    // "Parent folder" goes up; the message goes with the move
    ASSERT_TRUE(h.click("Parent folder"));
    EXPECT_EQ(h.state.playground.csv_browser.folder, h.tmp.path);
    EXPECT_EQ(h.state.playground.csv_browser.message, "");
    ASSERT_TRUE(h.click("Cancel"));
    h.frame();
    EXPECT_FALSE(h.state.playground.csv_browser.open);
}

TEST(UiFileBrowser, ADeviceOrAHugeFileIsRefusedWithoutReadingIt) {
    UiHarness h;
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("CSV path") > 0; }, 10));
    // /dev/zero never ends: read, it would hold the window for ever
    ASSERT_TRUE(h.click("CSV path"));
    h.type("/dev/zero");
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.playground.message, "Not loaded: '/dev/zero' is not a regular file. The points shown are kept.");
    EXPECT_EQ(h.state.playground.view.data_file, "");
    // a sparse file of 100 GB: refused by its size, not read
    const std::string big = h.tmp / "huge.csv";
    {
        std::ofstream out(big);
        out << "x1,x2,label\n";
    }
    ASSERT_EQ(truncate(big.c_str(), 100'000'000'000LL), 0);
    ASSERT_TRUE(h.click("CSV path"));
    h.key(GLFW_KEY_A, GLFW_MOD_CONTROL);
    h.type(big);
    h.key(GLFW_KEY_ENTER);
    EXPECT_EQ(h.state.playground.message, "Not loaded: '" + big + "' is 100 GB, far more than a CSV of at most 100,000 "
                                          "points. The points shown are kept.");
    EXPECT_EQ(h.state.playground.view.data_file, "");
}

TEST(UiFileBrowser, AnotherLabBroughtForwardClosesIt) {
    UiHarness h;
    const std::string data = make_data(h);
    h.state.playground.csv_folder = data;
    open_browser(h);
    ASSERT_TRUE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    h.key(GLFW_KEY_1, GLFW_MOD_CONTROL);
    h.frames(2);
    EXPECT_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
        << "the browser, no longer drawn, is still open and would take every click";
    EXPECT_EQ(h.state.lab, actlab::app::Lab::Activations);
    // the explorer takes clicks: its Clear button empties the plot
    ASSERT_TRUE(h.run_until([&] { return h.items.rects.count("Clear") > 0; }, 5));
    ASSERT_TRUE(h.click("Clear"));
    EXPECT_TRUE(h.state.explorer.view.functions.empty()) << "a click in the explorer did not reach it";
    h.key(GLFW_KEY_4, GLFW_MOD_CONTROL);
    h.frames(3);
    EXPECT_FALSE(h.state.playground.csv_browser.open);
}
