// Session files (.actlab): a lesson as it stands, to open again or to hand to a student. JSON, with a
// format version: every lab's set-up as the same keys settings.json writes (each view's key table), the
// lab in front (and the playground's view beside the network, its `view=` key), the playground's points
// when they were loaded from a CSV (the points themselves, so the file travels alone), and optionally
// the trained weights with their epoch.
//
//   {"format": "actlab session", "version": 1, "lab": "playground",
//    "activations": {"functions": "relu,gelu", ...}, "softmax": {...}, "gradients": {...}, "gated": {...},
//    "playground": {"dataset": "xor", "layers": "4,2", "lr": "0.03", "view": "network", ...},
//    "data": {"points": [[0.25, -1.5, 1], ...]},        (only with data=FILE.csv in "playground")
//    "network": {"epoch": 200, "params": [0.123, ...]}} (optional)
//
// Numbers are written as nlohmann writes doubles (the shortest text that reads back to the same double),
// so points and weights come back bit for bit. The optimiser's moments and the batch order are not
// kept: an opened network is the same network (its boundary identical), and training carries on from
// it with a fresh optimiser, as after "back to the best epoch".
//
// Reading is all or nothing: a file with any problem (bad JSON, a wrong type, an unknown key, a value a
// lab refuses, too many points, a weight that is not finite or weights of the wrong count, another
// version) is refused with what and where (a JSON pointer: "/network/params/3"), and nothing changes.
#pragma once

#include "app/app_state.h"
#include "app/figures/keys.h"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace actlab::app {

constexpr int kSessionVersion = 1;
constexpr const char* kSessionExtension = ".actlab";
// The largest session file read: 100,000 points and the largest network's weights fit in far less.
constexpr std::size_t kMaxSessionBytes = std::size_t{64} << 20;
constexpr int kMaxRecentSessions = 8;

struct SessionNetwork {
    int epoch = 0;
    Eigen::VectorXd params;           // Mlp::params of the network the playground's keys build
};

struct Session {
    Lab lab = Lab::Activations;
    ActivationView activations;
    SoftmaxView softmax;
    GradientView gradients;
    GatedView gated;
    PlaygroundView playground;         // its training set-up, display keys and data_file (the CSV's name)
    std::optional<core::Dataset> points;  // the loaded points (when playground.data_file is set) or the drawn ones
    bool drawn = false;                // the points were drawn by hand on the playground's plane (no file)
    std::optional<SessionNetwork> network;
};

// The state's session: every lab's view and the lab in front; the points when loaded from a file; with
// `weights`, the network shown in the playground and its epoch (none when the playground has not run).
Session session_from_state(const AppState& state, bool weights);
// The file's text.
std::string session_json(const Session& session);
// Reads a session's text. False with *error ("at /playground/lr: 'lr=x': must be ...") and *out untouched.
bool parse_session(const std::string& text, Session* out, std::string* error);
// Reads a file (at most kMaxSessionBytes, a regular file). False with *error naming the file.
bool read_session_file(const std::string& path, Session* out, std::string* error);

// Puts the session into the state: every lab's view, the lab in front, the points, and the weights as
// a request the playground's next step carries out (after it has started the run again).
void apply_session(AppState& state, const Session& session);

// `path` first in the list of recent sessions (at most kMaxRecentSessions, no repeats).
void remember_session(std::vector<std::string>* recent, const std::string& path);

// A session made from KEY=VALUE pairs (actlab export session): on top of `base`, "lab=", "weights=yes|no",
// "epochs=N", "<lab>.<key>=" for a lab's key (activations.functions=relu), and any other key the
// playground's (training or display: layers=4,2, view=network). data=FILE.csv reads the points. With
// weights, the network is trained headless for `epochs` (500 unless given). False with *error.
bool session_from_keys(const Session& base, const std::vector<KeyValue>& sets, Session* out, std::string* error);

// The --set pairs that give the plot `plot` (a name from export_plots()) the session's set-up: the
// lab's keys the plot reads, and for the training plots epochs= the session's network epoch.
std::vector<KeyValue> session_plot_sets(const Session& session, const std::string& plot);

}  // namespace actlab::app
