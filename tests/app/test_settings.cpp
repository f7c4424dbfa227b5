// settings.json: a prepared lesson comes back, and a damaged file loses nothing that can be kept.
#include "app/settings.h"

#include "app/figures/activation_keys.h"
#include "app/figures/softmax_keys.h"
#include "app/figures/gated_keys.h"
#include "app/files.h"
#include "app/gui.h"

#include "process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace actlab::app;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST(Settings, ALessonComesBackAsItWasLeft) {
    TempDir tmp;
    AppState state;
    std::string error;
    state.exports = {"/somewhere/exports", 1200, 800, 4};
    state.exports.clamp();
    state.ui.text_scale = 1.5f;
    ASSERT_TRUE(apply_activation_key(&state.explorer.view, "functions", "swish,leaky_relu", &error)) << error;
    ASSERT_TRUE(apply_activation_key(&state.explorer.view, "swish.beta", "3.25", &error)) << error;
    ASSERT_TRUE(apply_activation_key(&state.explorer.view, "yscale", "log", &error)) << error;
    ASSERT_TRUE(save_settings(tmp / "actlab/settings.json", state, &error)) << error;  // creates the folder

    AppState back;
    std::vector<std::string> problems;
    load_settings(tmp / "actlab/settings.json", &back, &problems);
    EXPECT_TRUE(problems.empty()) << problems.front();
    EXPECT_TRUE(back.explorer.view == state.explorer.view);
    EXPECT_EQ(back.exports.folder, "/somewhere/exports");
    EXPECT_EQ(back.exports.scale, 4);
    EXPECT_EQ(back.exports.width, 1200);
    EXPECT_EQ(back.ui.text_scale, 1.5f);
}

// The gated-units lab's view is saved as its keys and read back whole; a bad key is reported and the
// rest kept, and a range the wrong way round falls back to the default view.
TEST(Settings, TheGatedLabComesBackAsItWasLeft) {
    TempDir tmp;
    AppState state;
    std::string error;
    for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
             {"gate", "geglu"}, {"amin", "-2"}, {"bmax", "6"}, {"slice", "b"}, {"slice_b", "-1.5"}, {"d_model", "4096"},
             {"d_ff", "14336"}, {"ungated", "true"}})
        ASSERT_TRUE(apply_gated_key(&state.gated.view, k, v, &error)) << k << ": " << error;
    select_lab(state, Lab::Gated);
    state.exports.folder = "/somewhere/exports";
    ASSERT_TRUE(save_settings(tmp / "settings.json", state, &error)) << error;
    AppState back;
    std::vector<std::string> problems;
    load_settings(tmp / "settings.json", &back, &problems);
    EXPECT_TRUE(problems.empty()) << problems.front();
    EXPECT_TRUE(back.gated.view == state.gated.view);
    EXPECT_EQ(back.lab, Lab::Gated);

    AppState bad;
    problems.clear();
    load_settings_text(R"({"gated": {"gate": "sofmax", "d_ff": "8192"}})", "s.json", &bad, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("s.json: gated 'gate=sofmax': unknown gate"), std::string::npos) << problems[0];
    EXPECT_EQ(bad.gated.view.d_ff, 8192) << "a bad key cost a good one";
    problems.clear();
    AppState reversed;
    load_settings_text(R"({"gated": {"amin": "3", "amax": "-3", "d_ff": "8192"}})", "s.json", &reversed, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("amin (3) must be less than amax (-3); using the default lab"), std::string::npos) << problems[0];
    EXPECT_TRUE(reversed.gated.view == GatedView());
}

TEST(Settings, NoFileIsAFirstRun) {
    TempDir tmp;
    AppState state;
    std::vector<std::string> problems;
    load_settings(tmp / "missing.json", &state, &problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_TRUE(state.explorer.view == ActivationView());
}

TEST(Settings, MalformedJsonIsKeptAsideAndDefaultsUsed) {
    TempDir tmp;
    const std::string path = tmp / "settings.json";
    write(path, "{ \"text_scale\": 1.2, \"export\": { \"width\": 900, ");
    AppState state;
    std::vector<std::string> problems;
    load_settings(path, &state, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("is not valid JSON"), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find(path + ".bad"), std::string::npos) << problems[0];
    EXPECT_EQ(read_text(path + ".bad"), read_text(path));
    EXPECT_EQ(state.ui.text_scale, 1.0f);
}

TEST(Settings, BadValuesAreReportedAndTheGoodOnesKept) {
    TempDir tmp;
    const std::string path = tmp / "settings.json";
    write(path, R"({
      "text_scale": 9,
      "export": { "width": 2000, "height": "tall", "scale": 3, "folder": "/x" },
      "activations": { "functions": "relu,nonsense", "xmin": "-3", "xmax": "4", "leaky_relu.alpha": "0.5",
                       "colour": "red" }
    })");
    AppState state;
    std::vector<std::string> problems;
    load_settings(path, &state, &problems);
    std::string all;
    for (const std::string& p : problems) all += p + "\n";
    EXPECT_EQ(problems.size(), 5u) << all;
    for (const char* key : {"'text_scale'", "'export.height'", "'export.scale'", "nonsense", "unknown key 'colour'"})
        EXPECT_NE(all.find(key), std::string::npos) << key << " not reported in:\n" << all;
    for (const std::string& p : problems) EXPECT_NE(p.find(path), std::string::npos) << "the file is not named: " << p;
    EXPECT_EQ(read_text(path + ".bad"), read_text(path));  // the user's file is kept as it was
    // the good values were used
    EXPECT_EQ(state.exports.width, 2000);
    EXPECT_EQ(state.exports.folder, "/x");
    EXPECT_EQ(state.explorer.view.x_min, -3.0);
    EXPECT_EQ(state.explorer.view.x_max, 4.0);
    const int leaky = actlab::core::activation_index("leaky_relu");
    EXPECT_EQ(state.explorer.view.params[leaky].v[0], 0.5);
    // the bad ones kept their defaults
    EXPECT_EQ(state.ui.text_scale, 1.0f);
    EXPECT_EQ(state.exports.scale, 2);
    EXPECT_EQ(state.explorer.view.functions, ActivationView().functions);
}

TEST(Settings, AnExportSizeBeyondTheLargestImageIsHeldToIt) {
    ExportSettings e{"", 4096, 3000, 4};
    e.clamp();
    EXPECT_EQ(e.width * e.scale, 8192);
    EXPECT_EQ(e.height * e.scale, 8192);
    e = {"", 50, 50, 3};
    e.clamp();
    EXPECT_EQ(e.scale, 2);
    EXPECT_EQ(e.width, ExportSettings::kMinSide);
}

TEST(Settings, TheSoftmaxLabComesBackAndItsBadValuesAreReported) {
    TempDir tmp;
    AppState state;
    state.exports.folder = "/somewhere";
    std::string error;
    for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
             {"logits", "3,1,-2,0.5"}, {"labels", "cat,dog,,bird"}, {"temperature", "0.25,2"}, {"topk", "2"},
             {"topp", "0.9"}, {"draws", "500"}, {"seed", "77"}, {"tmin", "0.1"}, {"tmax", "50"}})
        ASSERT_TRUE(apply_softmax_key(&state.softmax.view, k, v, &error)) << error;
    ASSERT_TRUE(save_settings(tmp / "settings.json", state, &error)) << error;
    AppState back;
    std::vector<std::string> problems;
    load_settings(tmp / "settings.json", &back, &problems);
    EXPECT_TRUE(problems.empty()) << problems.front();
    EXPECT_TRUE(back.softmax.view == state.softmax.view);

    write(tmp / "bad.json", R"({ "softmax": { "logits": "1,2,3,4", "temperature": "0", "topp": "0.8", "colour": "red" } })");
    AppState partly;
    problems.clear();
    load_settings(tmp / "bad.json", &partly, &problems);
    std::string all;
    for (const std::string& p : problems) all += p + "\n";
    EXPECT_EQ(problems.size(), 2u) << all;
    EXPECT_NE(all.find("'temperature=0'"), std::string::npos) << all;
    EXPECT_NE(all.find("unknown key 'colour'"), std::string::npos) << all;
    EXPECT_EQ(partly.softmax.view.logits, (std::vector<double>{1, 2, 3, 4}));  // the good ones are used
    EXPECT_EQ(partly.softmax.view.top_p, 0.8);
    EXPECT_EQ(partly.softmax.view.temperatures, std::vector<double>{1.0});     // the bad one keeps its default
}

TEST(Settings, ThePlaygroundComesBackAndItsBadValuesAreReported) {
    TempDir tmp;
    AppState state;
    state.exports.folder = "/somewhere";
    PlaygroundView& v = state.playground.view;
    v.config.data = {actlab::core::DatasetKind::Spiral, 300, 0.15, 9};  // Regenerate: the data's own seed
    v.config.seed = 4;
    v.config.train_percent = 70;
    v.config.features = actlab::core::Feature_X1 | actlab::core::Feature_SinX2;
    v.config.hidden = {actlab::core::hidden_layer(8, actlab::core::activation_index("relu")),
                       actlab::core::hidden_layer(3, actlab::core::activation_index("gelu"))};
    v.config.output = actlab::core::Output::Sigmoid;
    v.config.loss = actlab::core::LossKind::Bce;
    v.config.optimizer = {actlab::core::OptimizerKind::Adam, 0.003, actlab::core::Regularization::L2, 0.01};
    v.config.batch = 25;
    v.config.init = {actlab::core::InitKind::Normal, 0.5, 1.0, -0.25};
    v.speed = 30;
    v.discrete = true;
    v.show_test = false;
    v.temperature = 0.3;
    v.entropy = true;
    std::string error;
    ASSERT_TRUE(save_settings(tmp / "settings.json", state, &error)) << error;
    AppState back;
    std::vector<std::string> problems;
    load_settings(tmp / "settings.json", &back, &problems);
    EXPECT_TRUE(problems.empty()) << problems.front();
    const actlab::core::TrainConfig& c = back.playground.view.config;
    EXPECT_EQ(c.data.kind, actlab::core::DatasetKind::Spiral);
    EXPECT_EQ(c.data.points, 300);
    EXPECT_EQ(c.data.noise, 0.15);
    EXPECT_EQ(c.data.seed, 9u);
    EXPECT_EQ(c.seed, 4u);
    EXPECT_EQ(c.train_percent, 70);
    EXPECT_EQ(c.features, v.config.features);
    ASSERT_EQ(c.hidden.size(), 2u);
    EXPECT_EQ(c.hidden[0].units, 8);
    EXPECT_EQ(c.hidden[1].activation, actlab::core::activation_index("gelu"));
    EXPECT_EQ(c.output, actlab::core::Output::Sigmoid);
    EXPECT_EQ(c.loss, actlab::core::LossKind::Bce);
    EXPECT_EQ(c.optimizer.kind, actlab::core::OptimizerKind::Adam);
    EXPECT_EQ(c.optimizer.learning_rate, 0.003);
    EXPECT_EQ(c.optimizer.regularization_rate, 0.01);
    EXPECT_EQ(c.batch, 25);
    EXPECT_EQ(c.init.kind, actlab::core::InitKind::Normal);
    EXPECT_EQ(c.init.sigma, 0.5);
    EXPECT_EQ(c.init.bias, -0.25);
    EXPECT_EQ(back.playground.view.speed, 30);
    EXPECT_TRUE(back.playground.view.discrete);
    EXPECT_FALSE(back.playground.view.show_test);
    EXPECT_EQ(back.playground.view.temperature, 0.3);
    EXPECT_TRUE(back.playground.view.entropy);

    // a bad value is reported and its default kept; a set-up the data cannot train falls back whole
    write(tmp / "bad.json",
          R"({ "playground": { "dataset": "xor", "lr": "50", "speed": "-3", "temperature": 0, "entropy": "on" } })");
    AppState partly;
    problems.clear();
    load_settings(tmp / "bad.json", &partly, &problems);
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(std::count_if(problems.begin(), problems.end(),
                            [](const std::string& p) { return p.find("'temperature=0': must be a number from 0.05 to 20") != std::string::npos; }),
              1);
    EXPECT_EQ(partly.playground.view.temperature, 1.0);
    EXPECT_FALSE(partly.playground.view.entropy);
    EXPECT_EQ(partly.playground.view.config.data.kind, actlab::core::DatasetKind::Xor);
    EXPECT_EQ(partly.playground.view.config.optimizer.learning_rate, 0.03);
    write(tmp / "unfit.json", R"({ "playground": { "dataset": "plane", "output": "softmax" } })");
    AppState unfit;
    problems.clear();
    load_settings(tmp / "unfit.json", &unfit, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("using the default playground"), std::string::npos) << problems[0];
    EXPECT_EQ(unfit.playground.view.config.data.kind, actlab::core::DatasetKind::Circle);
}

// A kill -9 at any moment of saving leaves settings.json as it was or as it was to become, never torn:
// a child process saves two different set-ups in turn, as fast as it can, and is killed at random times.
TEST(Settings, AKillWhileSavingLeavesTheOldFileOrTheNewOneNeverATornOne) {
    TempDir tmp;
    const std::string path = tmp / "settings.json";
    AppState a, b;
    a.exports.folder = "/exports";  // as the window has it: an empty folder is a bad value when read back
    std::string error;
    ASSERT_TRUE(apply_activation_key(&b.explorer.view, "functions", "swish,leaky_relu,gelu,mish,softsign", &error));
    b.exports.folder = std::string(3000, 'x');  // a longer file: more of the write to be caught in
    const std::string text_a = settings_json(a), text_b = settings_json(b);
    ASSERT_TRUE(save_settings(path, a, &error)) << error;
    std::srand(7);
    int kills = 0, torn = 0, old_or_new = 0;
    for (int round = 0; round < 200; ++round) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            for (long i = 0;; ++i) {
                std::string e;
                save_settings(path, i % 2 ? a : b, &e);
            }
        }
        // up to 20 ms in: sometimes before the first write, mostly in the middle of one
        usleep(static_cast<useconds_t>(std::rand() % 20000));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        ++kills;
        const std::string text = read_text(path);
        if (text == text_a || text == text_b) ++old_or_new;
        else ++torn;
    }
    EXPECT_EQ(torn, 0) << "of " << kills << " kills";
    EXPECT_EQ(old_or_new, kills);
    AppState back;
    std::vector<std::string> problems;
    load_settings(path, &back, &problems);
    EXPECT_TRUE(problems.empty()) << problems.front();
}

// Hostile settings files (tests/fuzz/fuzz_settings.cpp tries their like): each of these crashed, hung,
// was misread or was reported badly.

TEST(Settings, ANumberTooLargeForADoubleIsReportedNotACrash) {
    TempDir tmp;
    const std::string path = tmp / "settings.json";
    write(path, "{\"text_scale\": 1.5, \"activations\": {\"xmin\": 1e999}}");
    AppState state;
    std::vector<std::string> problems;
    load_settings(path, &state, &problems);  // threw out of the reader and ended actlab
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind(path + " is not valid JSON: number overflow parsing '1e999'; using defaults", 0), 0u)
        << problems[0];
    EXPECT_EQ(read_text(path + ".bad"), read_text(path));
    EXPECT_EQ(state.ui.text_scale, 1.0f);
}

TEST(Settings, AWholeNumberPast2To63IsQuotedAsWritten) {
    AppState state;
    std::vector<std::string> problems;
    load_settings_text("{\"playground\": {\"seed\": 18446744073709551615}}", "s.json", &state, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("'seed=18446744073709551615'"), std::string::npos) << problems[0];  // was -1
}

TEST(Settings, ANulByteInsideANumberIsRefused) {
    AppState state;
    std::vector<std::string> problems;
    load_settings_text("{\"activations\": {\"xmin\": \"-2\\u0000x\"}}", "s.json", &state, &problems);
    ASSERT_EQ(problems.size(), 1u);  // was read as -2
    EXPECT_NE(problems[0].find("not a finite number"), std::string::npos) << problems[0];
    EXPECT_EQ(state.explorer.view.x_min, ActivationView().x_min);
}

TEST(Settings, ADeviceOrAFolderAsThePlaygroundsDataIsRefused) {
    for (const std::string file : {"/dev/zero", "/"}) {
        AppState state;
        std::vector<std::string> problems;
        // /dev/zero was read until the memory ran out
        load_settings_text("{\"playground\": {\"data\": \"" + file + "\"}}", "s.json", &state, &problems);
        ASSERT_EQ(problems.size(), 1u) << file;
        EXPECT_NE(problems[0].find(file == "/" ? "'/' is a folder, not a CSV file" : "'/dev/zero' is not a plain file"),
                  std::string::npos)
            << problems[0];
        EXPECT_TRUE(state.playground.view.data_file.empty());
    }
}

TEST(Settings, WhatIsWrittenReadsBackToTheSameText) {
    AppState state;
    std::vector<std::string> problems;
    load_settings_text("{\"playground\": {\"noise\": 7, \"points\": 50}, \"softmax\": {\"labels\": \",b,\", "
                       "\"logits\": \"1,2,3\"}, \"activations\": {\"x\": \"1e-300,2\"}}",
                       "s.json", &state, &problems);
    ASSERT_TRUE(problems.empty()) << problems[0];
    state.exports.folder = "/tmp/exports";  // as the window sets it when the file names none
    const std::string saved = settings_json(state);
    AppState back;
    load_settings_text(saved, "s.json", &back, &problems);
    ASSERT_TRUE(problems.empty()) << problems[0];
    EXPECT_EQ(settings_json(back), saved);
}

TEST(Settings, AKeyOrValueWithALineBreakIsReportedOnOneLine) {
    AppState state;
    std::vector<std::string> problems;
    load_settings_text("{\"gradients\": {\"\\n\": null}, \"activations\": {\"xmin\": \"1\\n2\\u0001\"}}", "s.json", &state,
                       &problems);
    ASSERT_EQ(problems.size(), 2u);
    for (const std::string& p : problems) EXPECT_EQ(p.find('\n'), std::string::npos) << p;
    EXPECT_NE(problems[0].find("'xmin=1\\n2\\x01': not a finite number"), std::string::npos) << problems[0];
    EXPECT_NE(problems[1].find("unknown key '\\n'"), std::string::npos) << problems[1];
    problems.clear();
    load_settings_text("{\"playground\": {\"data\": \"no\\nfile.csv\"}}", "s.json", &state, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("cannot read 'no\\nfile.csv'"), std::string::npos) << problems[0];
}

namespace {

// An environment variable set (or unset, with nullptr) for the length of a test, then put back.
struct ScopedEnv {
    std::string name, old;
    bool had;
    ScopedEnv(const char* n, const char* value) : name(n) {
        const char* v = std::getenv(n);
        had = v != nullptr;
        if (had) old = v;
        if (value) setenv(n, value, 1);
        else unsetenv(n);
    }
    ~ScopedEnv() {
        if (had) setenv(name.c_str(), old.c_str(), 1);
        else unsetenv(name.c_str());
    }
};

}  // namespace

TEST(Settings, TheLabInFrontComesBack) {
    TempDir tmp;
    for (Lab lab : {Lab::Playground, Lab::Softmax, Lab::Gradients, Lab::Activations}) {
        AppState state;
        state.exports.folder = "/exports";
        select_lab(state, lab);
        std::string error;
        ASSERT_TRUE(save_settings(tmp / "settings.json", state, &error)) << error;
        EXPECT_NE(read_text(tmp / "settings.json").find(std::string("\"lab\": \"") + lab_name(lab) + "\""), std::string::npos);
        AppState back;
        std::vector<std::string> problems;
        load_settings(tmp / "settings.json", &back, &problems);
        EXPECT_TRUE(problems.empty()) << problems.front();
        EXPECT_EQ(back.lab, lab);
        EXPECT_EQ(back.ui.select_lab, static_cast<int>(lab)) << "the tab bar is not asked to bring it forward";
    }
}

TEST(Settings, ABadLabIsReportedAndTheFirstOneShown) {
    TempDir tmp;
    for (const char* bad : {R"("kitchen")", "3", R"("Playground")"}) {
        write(tmp / "settings.json", std::string(R"({ "lab": )") + bad + R"(, "text_scale": 1.5 })");
        AppState state;
        std::vector<std::string> problems;
        load_settings(tmp / "settings.json", &state, &problems);
        ASSERT_EQ(problems.size(), 1u) << bad;
        EXPECT_NE(problems[0].find("'lab' must be activations, softmax, gradients, playground or gated"), std::string::npos)
            << problems[0];
        EXPECT_EQ(state.lab, Lab::Activations);
        EXPECT_EQ(state.ui.select_lab, -1);
        EXPECT_EQ(state.ui.text_scale, 1.5f) << "a bad lab cost a good value";
    }
}

TEST(Settings, TheFolderCsvsWerePickedFromComesBack) {
    TempDir tmp;
    AppState state;
    state.exports.folder = "/exports";
    state.playground.csv_folder = "/data/lessons/week 3";
    std::string error;
    ASSERT_TRUE(save_settings(tmp / "settings.json", state, &error)) << error;
    AppState back;
    std::vector<std::string> problems;
    load_settings(tmp / "settings.json", &back, &problems);
    EXPECT_TRUE(problems.empty()) << problems.front();
    EXPECT_EQ(back.playground.csv_folder, "/data/lessons/week 3");
    // a folder that is not a name is reported; one that has gone since is not (the browser opens at home)
    write(tmp / "settings.json", R"({ "files": { "csv_folder": 12 } })");
    AppState bad;
    problems.clear();
    load_settings(tmp / "settings.json", &bad, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("'files.csv_folder' must be a folder name"), std::string::npos) << problems[0];
    EXPECT_EQ(bad.playground.csv_folder, "");
}

TEST(ExportFolder, IsActlabInTheXdgPicturesFolder) {
    TempDir tmp;
    const std::string home = tmp / "home", config = tmp / "config";
    std::string error;
    ASSERT_TRUE(actlab::app::make_folders(config, &error)) << error;
    ScopedEnv h("HOME", home.c_str());
    ScopedEnv c("XDG_CONFIG_HOME", config.c_str());
    // no user-dirs.dirs: ~/Pictures, whether it exists yet or not
    EXPECT_EQ(default_export_folder(), home + "/Pictures/actlab");
    // as xdg-user-dirs-update writes it, in another language
    write(config + "/user-dirs.dirs",
          "# This file is written by xdg-user-dirs-update\n"
          "# If you want to change or add directories, just edit the line you're interested in.\n"
          "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\n"
          "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n"
          "XDG_VIDEOS_DIR=\"$HOME/Videos\"\n");
    EXPECT_EQ(pictures_dir(), home + "/Bilder");
    EXPECT_EQ(default_export_folder(), home + "/Bilder/actlab");
    // an absolute path, shell escapes, the last line winning, spaces around
    write(config + "/user-dirs.dirs",
          "XDG_PICTURES_DIR=\"$HOME/old\"\n"
          "  XDG_PICTURES_DIR=\"/srv/class \\\"pictures\\\"/\"  # the school's share\n");
    EXPECT_EQ(default_export_folder(), "/srv/class \"pictures\"/actlab");
    // $HOME alone: the pictures folder is switched off, so the home folder it is
    write(config + "/user-dirs.dirs", "XDG_PICTURES_DIR=\"$HOME\"\n");
    EXPECT_EQ(default_export_folder(), home + "/actlab");
    // a relative path is not allowed by the format: ignored, ~/Pictures it is
    write(config + "/user-dirs.dirs", "XDG_PICTURES_DIR=\"Pictures here\"\n#XDG_PICTURES_DIR=\"/commented\"\n");
    EXPECT_EQ(default_export_folder(), home + "/Pictures/actlab");
}

TEST(ExportFolder, WithoutXdgConfigHomeTheFileIsReadFromDotConfig) {
    TempDir tmp;
    const std::string home = tmp / "home";
    std::string error;
    ASSERT_TRUE(actlab::app::make_folders(home + "/.config", &error)) << error;
    ScopedEnv h("HOME", home.c_str());
    ScopedEnv c("XDG_CONFIG_HOME", nullptr);
    write(home + "/.config/user-dirs.dirs", "XDG_PICTURES_DIR=\"${HOME}/Images\"\n");
    EXPECT_EQ(default_export_folder(), home + "/Images/actlab");
    ScopedEnv relative("XDG_CONFIG_HOME", "not/absolute");  // ignored, as the XDG spec says
    EXPECT_EQ(default_export_folder(), home + "/Images/actlab");
}
