// Where actlab keeps its files (XDG), and settings.json: the export folder and size, the text size,
// every lab's set-up, the lab in front and the folder CSVs were last picked from, so a prepared
// lesson is still there next time.
#pragma once

#include "app/app_state.h"

#include <string>
#include <vector>

namespace actlab::app {

// $XDG_CONFIG_HOME/actlab, or ~/.config/actlab.
std::string config_dir();
// The user's pictures folder, as the XDG user dirs say: XDG_PICTURES_DIR in
// ${XDG_CONFIG_HOME:-~/.config}/user-dirs.dirs (the file xdg-user-dirs-update writes, with lines such
// as XDG_PICTURES_DIR="$HOME/Bilder"), otherwise ~/Pictures. It need not exist yet.
std::string pictures_dir();
// <pictures_dir()>/actlab: created by the first export.
std::string default_export_folder();

// The names of the labs in settings.json ("lab": the one in front): activations, softmax, gradients,
// playground, gated.
const char* lab_name(Lab lab);
bool lab_from_name(const std::string& name, Lab* lab);

// Reads settings.json into *state. A missing file is fine. A malformed file or value is reported in
// *problems (one line each, naming the file and the key); every good value is still used, the bad
// ones keep their defaults, and the file as it was is kept as settings.json.bad (actlab writes
// settings.json again when it closes).
void load_settings(const std::string& path, AppState* state, std::vector<std::string>* problems);
// The reader itself, on the text of a settings.json: what load_settings does once the file is read,
// with `path` starting each problem's line. Keeps nothing aside.
void load_settings_text(const std::string& text, const std::string& path, AppState* state,
                        std::vector<std::string>* problems);
bool save_settings(const std::string& path, const AppState& state, std::string* error);
// What save_settings writes: settings.json's text for this state.
std::string settings_json(const AppState& state);

}  // namespace actlab::app
