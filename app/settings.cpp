#include "app/settings.h"

#include "app/figures/activation_keys.h"
#include "app/figures/boundary_figure.h"
#include "app/figures/softmax_keys.h"
#include "app/figures/gated_keys.h"
#include "app/figures/gradient_keys.h"
#include "app/figures/playground_keys.h"
#include "app/figures/training_keys.h"
#include "app/files.h"
#include "app/gui.h"
#include "app/session.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace actlab::app {

namespace fs = std::filesystem;
using nlohmann::json;

std::string config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/actlab";
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.config/actlab";
}

namespace {

std::string home_dir() {
    const char* home = std::getenv("HOME");
    return home && *home ? home : ".";
}

// The value of one line of user-dirs.dirs as the shell that sources it would read it: quotes removed,
// backslash escapes undone, a leading $HOME (or ${HOME}) replaced. The file's format allows only
// "$HOME/..." and absolute paths; anything else gives "".
std::string user_dir_value(const std::string& raw) {
    std::string v;
    bool quoted = false;
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '\\' && i + 1 < raw.size()) {
            v += raw[++i];
        } else if (!quoted && (c == ' ' || c == '\t' || c == '#')) {
            break;  // the end of the word
        } else {
            v += c;
        }
    }
    for (const char* var : {"${HOME}", "$HOME"}) {
        const std::string h(var);
        if (v.compare(0, h.size(), h) == 0 && (v.size() == h.size() || v[h.size()] == '/'))
            return home_dir() + v.substr(h.size());
    }
    return !v.empty() && v[0] == '/' ? v : "";
}

}  // namespace

std::string pictures_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string config = xdg && *xdg == '/' ? std::string(xdg) : home_dir() + "/.config";
    std::ifstream in(config + "/user-dirs.dirs");
    std::string line, found;
    while (std::getline(in, line)) {
        size_t start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        const std::string key = "XDG_PICTURES_DIR=";
        if (line.compare(start, key.size(), key) != 0) continue;
        const std::string value = user_dir_value(line.substr(start + key.size()));
        if (!value.empty()) found = value;  // the last one wins, as in the shell
    }
    if (found.empty()) found = home_dir() + "/Pictures";
    while (found.size() > 1 && found.back() == '/') found.pop_back();
    return found;
}

std::string default_export_folder() { return pictures_dir() + "/actlab"; }

namespace {
const char* const kLabNames[] = {"activations", "softmax", "gradients", "playground", "gated"};
}  // namespace

const char* lab_name(Lab lab) { return kLabNames[static_cast<int>(lab)]; }

bool lab_from_name(const std::string& name, Lab* lab) {
    for (int i = 0; i < 5; ++i)
        if (name == kLabNames[i]) {
            *lab = static_cast<Lab>(i);
            return true;
        }
    return false;
}

namespace {

std::string json_value_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());  // past 2^63 too
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", v.get<double>());
        return buf;
    }
    return v.dump();
}

// The softmax lab's object: each good key is used, each bad one reported; a view that does not hold
// together (tmin ≥ tmax, labels that do not match the logits) falls back to the default view.
void read_softmax(const json& o, const std::string& path, AppState* state, std::vector<std::string>* problems) {
    if (!o.is_object()) {
        problems->push_back(path + ": 'softmax' must be an object; keeping the default");
        return;
    }
    SoftmaxView view = state->softmax.view;
    for (const auto& item : o.items()) {
        std::string error;
        SoftmaxView trial = view;
        if (apply_softmax_key(&trial, item.key(), json_value_text(item.value()), &error)) view = trial;
        else problems->push_back(path + ": softmax " + error + "; keeping the default");
    }
    std::string error;
    if (check_softmax_view(view, &error)) state->softmax.view = view;
    else problems->push_back(path + ": softmax: " + error + "; using the default lab");
}

// The gated-units lab's object: each good key is used, each bad one reported; a view that does not hold
// together (amin ≥ amax) falls back to the default view.
void read_gated(const json& o, const std::string& path, AppState* state, std::vector<std::string>* problems) {
    if (!o.is_object()) {
        problems->push_back(path + ": 'gated' must be an object; keeping the default");
        return;
    }
    GatedView view = state->gated.view;
    for (const auto& item : o.items()) {
        std::string error;
        GatedView trial = view;
        if (apply_gated_key(&trial, item.key(), json_value_text(item.value()), &error)) view = trial;
        else problems->push_back(path + ": gated " + error + "; keeping the default");
    }
    std::string error;
    if (check_gated_view(view, &error)) state->gated.view = view;
    else problems->push_back(path + ": gated: " + error + "; using the default lab");
}

// The playground's object: the training keys of `actlab export loss` and the panel's own. Each good key
// is used and each bad one reported; a run the data cannot train falls back to the default as a whole.
void read_playground(const json& object, const std::string& path, AppState* state, std::vector<std::string>* problems) {
    if (!object.is_object()) {
        problems->push_back(path + ": playground must be an object; using the default playground");
        return;
    }
    PlaygroundView& view = state->playground.view;
    TrainingRequest request;
    for (const auto& item : object.items()) {
        const std::string key = item.key(), value = json_value_text(item.value());
        std::string error;
        if (is_playground_key(key)) {
            if (!apply_playground_key(&view, key, value, &error)) problems->push_back(path + ": playground " + error + "; keeping the default");
        } else if (key == "epochs") {
            problems->push_back(path + ": playground has no key 'epochs'; ignoring it");
        } else {
            TrainingRequest trial = request;
            if (apply_training_key(&trial, key, value, &error)) request = trial;
            else problems->push_back(path + ": playground " + error + "; keeping the default");
        }
    }
    core::Dataset data;
    std::string error;
    if (!finish_training_request(&request, &data, &error)) {
        problems->push_back(path + ": playground: " + error + "; using the default playground");
        return;
    }
    view.config = request.config;
    view.data_file = request.data_file;
    state->playground.csv_path = view.data_file;  // the path field shows the file loaded
    if (!view.data_file.empty()) {
        state->playground.data = data;
        state->playground.data_dirty = true;  // names it; a loaded file is not generated again
    }
}

}  // namespace

void load_settings_text(const std::string& text, const std::string& path, AppState* state,
                        std::vector<std::string>* problems) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {
        // a syntax error (parse_error) or a number too large for a double (out_of_range 406: "1e999");
        // nlohmann's message starts with "[json.exception.parse_error.101] "; the rest says where
        std::string what = e.what();
        const auto at = what.find("] ");
        if (at != std::string::npos) what = what.substr(at + 2);
        problems->push_back(path + " is not valid JSON: " + what + "; using defaults");
        return;
    }
    if (!doc.is_object()) {
        problems->push_back(path + ": expected a JSON object; using defaults");
        return;
    }
    auto problem = [&](const std::string& key, const std::string& why) {
        problems->push_back(path + ": '" + key + "' " + why + "; keeping the default");
    };
    if (doc.contains("text_scale")) {
        const json& v = doc["text_scale"];
        if (v.is_number() && v.get<double>() >= UiSettings::kMinTextScale && v.get<double>() <= UiSettings::kMaxTextScale)
            state->ui.text_scale = v.get<float>();
        else problem("text_scale", "must be a number from 0.75 to 2.5");
    }
    if (doc.contains("export")) {
        const json& e = doc["export"];
        if (!e.is_object()) {
            problem("export", "must be an object");
        } else {
            if (e.contains("folder")) {
                if (e["folder"].is_string() && !e["folder"].get<std::string>().empty())
                    state->exports.folder = e["folder"].get<std::string>();
                else problem("export.folder", "must be a folder name");
            }
            for (const char* key : {"width", "height"}) {
                if (!e.contains(key)) continue;
                const json& v = e[key];
                // compared as doubles: a huge integer must not wrap around into range
                if (v.is_number_integer() && v.get<double>() >= ExportSettings::kMinSide && v.get<double>() <= kMaxImageSide)
                    (std::string(key) == "width" ? state->exports.width : state->exports.height) = v.get<int>();
                else problem(std::string("export.") + key, "must be a whole number from " +
                                 std::to_string(ExportSettings::kMinSide) + " to " + std::to_string(kMaxImageSide));
            }
            if (e.contains("scale")) {
                const json& v = e["scale"];
                if (v.is_number_integer() && (v.get<double>() == 1 || v.get<double>() == 2 || v.get<double>() == 4))
                    state->exports.scale = v.get<int>();
                else problem("export.scale", "must be 1, 2 or 4");
            }
            state->exports.clamp();  // width × scale may not pass the largest image side
        }
    }
    if (doc.contains("lab")) {
        Lab lab = Lab::Activations;
        if (doc["lab"].is_string() && lab_from_name(doc["lab"].get<std::string>(), &lab)) select_lab(*state, lab);
        else problem("lab", "must be activations, softmax, gradients, playground or gated");
    }
    if (doc.contains("files")) {
        const json& f = doc["files"];
        if (!f.is_object()) {
            problem("files", "must be an object");
        } else {
            if (f.contains("csv_folder")) {
                // a folder that has gone since is not a problem: the browser opens at home instead
                if (f["csv_folder"].is_string()) state->playground.csv_folder = f["csv_folder"].get<std::string>();
                else problem("files.csv_folder", "must be a folder name");
            }
            if (f.contains("session_folder")) {
                if (f["session_folder"].is_string()) state->session.folder = f["session_folder"].get<std::string>();
                else problem("files.session_folder", "must be a folder name");
            }
            if (f.contains("recent_sessions")) {
                // a file that has gone since stays listed: opening it says so
                const json& r = f["recent_sessions"];
                std::vector<std::string> recent;
                bool good = r.is_array();
                if (good)
                    for (const json& item : r) {
                        if (!item.is_string() || item.get<std::string>().empty()) good = false;
                        else if (recent.size() < static_cast<size_t>(kMaxRecentSessions) &&
                                 std::find(recent.begin(), recent.end(), item.get<std::string>()) == recent.end())
                            recent.push_back(item.get<std::string>());
                    }
                if (good) state->session.recent = recent;
                else problem("files.recent_sessions", "must be a list of file names");
            }
        }
    }
    if (doc.contains("softmax")) read_softmax(doc["softmax"], path, state, problems);
    if (doc.contains("gated")) read_gated(doc["gated"], path, state, problems);
    if (doc.contains("activations")) {
        const json& a = doc["activations"];
        if (!a.is_object()) {
            problem("activations", "must be an object");
        } else {
            ActivationView view = state->explorer.view;
            for (const auto& item : a.items()) {
                std::string error;
                ActivationView trial = view;
                if (apply_activation_key(&trial, item.key(), json_value_text(item.value()), &error)) view = trial;
                else problems->push_back(path + ": activations " + error + "; keeping the default");
            }
            std::string error;
            if (check_activation_range(view, &error)) state->explorer.view = view;
            else problems->push_back(path + ": activations: " + error + "; using the default view");
        }
    }
    if (doc.contains("playground")) read_playground(doc["playground"], path, state, problems);
    if (doc.contains("gradients")) {
        const json& g = doc["gradients"];
        if (!g.is_object()) {
            problem("gradients", "must be an object");
        } else {
            for (const auto& item : g.items()) {
                std::string error;
                if (!apply_gradient_key(&state->gradients.view, item.key(), json_value_text(item.value()), &error))
                    problems->push_back(path + ": gradients " + error + "; keeping the default");
            }
        }
    }
}

void load_settings(const std::string& path, AppState* state, std::vector<std::string>* problems) {
    std::ifstream in(path);
    if (!in) return;  // first run
    std::stringstream text;
    text << in.rdbuf();
    const size_t problems_before = problems->size();
    load_settings_text(text.str(), path, state, problems);
    if (problems->size() > problems_before) {
        // The file will be written again on the way out; keep the user's version of it.
        std::error_code ec;
        fs::copy_file(path, path + ".bad", fs::copy_options::overwrite_existing, ec);
        if (!ec) (*problems)[problems_before] += " (the file as it was is kept as " + path + ".bad)";
    }
}


std::string settings_json(const AppState& state) {
    json doc;
    // the float as the user would write it (1.15, not 1.149999976158142)
    char scale[16];
    std::snprintf(scale, sizeof scale, "%.4g", state.ui.text_scale);
    doc["text_scale"] = std::strtod(scale, nullptr);
    doc["export"] = {{"folder", state.exports.folder},
                     {"width", state.exports.width},
                     {"height", state.exports.height},
                     {"scale", state.exports.scale}};
    json a = json::object();
    for (const auto& [key, value] : activation_keys(state.explorer.view)) a[key] = value;
    doc["activations"] = a;
    json sm = json::object();
    for (const auto& [key, value] : softmax_keys(state.softmax.view)) sm[key] = value;
    doc["softmax"] = sm;
    json gu = json::object();
    for (const auto& [key, value] : gated_keys(state.gated.view)) gu[key] = value;
    doc["gated"] = gu;
    json g = json::object();
    for (const auto& [key, value] : gradient_keys(state.gradients.view)) g[key] = value;
    doc["gradients"] = g;
    const PlaygroundView& pv = state.playground.view;
    json pg = json::object();
    for (const auto& [key, value] : training_keys(pv.config, pv.data_file)) pg[key] = value;
    for (const auto& [key, value] : playground_keys(pv)) pg[key] = value;
    doc["playground"] = pg;
    doc["lab"] = lab_name(state.lab);
    doc["files"] = {{"csv_folder", state.playground.csv_folder},
                    {"session_folder", state.session.folder},
                    {"recent_sessions", state.session.recent}};
    return doc.dump(2) + "\n";
}

bool save_settings(const std::string& path, const AppState& state, std::string* error) {
    const fs::path folder = fs::path(path).parent_path();
    if (!folder.empty() && !make_folders(folder.string(), error)) return false;
    return write_file_atomic(path, settings_json(state), error);
}

}  // namespace actlab::app
