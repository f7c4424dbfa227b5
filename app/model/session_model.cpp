#include "app/model/session_model.h"

#include "app/files.h"
#include "app/gui.h"
#include "app/panels/file_browser.h"
#include "app/session.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace actlab::app {

namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& text, const std::string& end) {
    if (text.size() < end.size()) return false;
    return std::equal(end.begin(), end.end(), text.end() - static_cast<std::ptrdiff_t>(end.size()),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
}

void remember_folder(SessionState& s, const std::string& path) {
    std::error_code ec;
    const std::string folder = parent_folder(fs::absolute(path, ec).string());
    if (!ec && fs::is_directory(folder, ec)) s.folder = folder;
}

void open_now(AppState& state, const std::string& path) {
    Session session;
    std::string error;
    if (!read_session_file(path, &session, &error)) {
        state.status = {"Session not opened: " + error + ". Nothing was changed.", true};
        return;
    }
    apply_session(state, session);
    remember_session(&state.session.recent, path);
    remember_folder(state.session, path);
    state.status = {"Opened " + path + (session.network ? " (the network at epoch " + std::to_string(session.network->epoch) + ")" : ""),
                    false};
}

void save_now(AppState& state, const std::string& path) {
    const Session session = session_from_state(state, state.session.save_weights);
    std::string error;
    if (!write_file_atomic(path, session_json(session), &error)) {
        state.status = {"Session not saved: " + error, true};
        return;
    }
    remember_session(&state.session.recent, path);
    remember_folder(state.session, path);
    std::string note;
    if (session.network) note = " with the network at epoch " + std::to_string(session.network->epoch);
    else if (state.session.save_weights) note = " without weights: the playground has not run yet";
    state.status = {"Saved " + path + note, false};
}

// A file dropped on the window: a session opens, a CSV becomes the playground's points.
void dropped(AppState& state, const std::string& path) {
    if (ends_with(path, kSessionExtension)) {
        open_now(state, path);
    } else if (ends_with(path, ".csv")) {
        state.playground.load_csv = path;  // the playground's step loads it (and says so when it cannot)
        select_lab(state, Lab::Playground);
        state.status = {"Loading the points of " + path + " into the playground", false};
    } else {
        state.status = {"Not opened: " + path + " is neither a session (.actlab) nor a CSV of points (.csv)", true};
    }
}

}  // namespace

void session_step(AppState& state) {
    SessionState& s = state.session;
    const std::vector<std::string> drops = std::move(s.dropped);
    s.dropped.clear();
    for (const std::string& path : drops) dropped(state, path);
    if (!s.open.empty()) open_now(state, s.open);
    s.open.clear();
    if (!s.save.empty()) save_now(state, s.save);
    s.save.clear();
}

void open_session_browser(AppState& state) {
    state.session.save_browser.open = false;
    state.session.open_browser.saving = false;
    open_file_browser(state.session.open_browser, state.session.folder, kSessionExtension);
}

void save_session_browser(AppState& state) {
    FileBrowser& b = state.session.save_browser;
    state.session.open_browser.open = false;
    b.saving = true;
    b.option_label = "with the trained weights";
    if (b.name.empty()) b.name = std::string("session") + kSessionExtension;
    open_file_browser(b, state.session.folder, kSessionExtension);
}

}  // namespace actlab::app
