#include "app/session.h"

#include "app/figures/activation_keys.h"
#include "app/figures/boundary_figure.h"
#include "app/figures/gated_keys.h"
#include "app/figures/gradient_keys.h"
#include "app/figures/playground_keys.h"
#include "app/figures/softmax_keys.h"
#include "app/figures/training_keys.h"
#include "app/model/playground_model.h"
#include "app/gui.h"
#include "app/settings.h"
#include "core/csv.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace actlab::app {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kFormat = "actlab session";

// A key as a JSON pointer's part: '~' and '/' escaped (RFC 6901), control characters as named() writes them.
std::string pointer_part(const std::string& key) {
    std::string out;
    for (char c : one_line(key)) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

// A path or name in a message: in quotes, on one line.
std::string named(const std::string& text) { return "'" + one_line(text) + "'"; }

// Where a problem is, and what it is: "at /playground/lr: ...".
bool fail(std::string* error, const std::string& pointer, const std::string& why) {
    *error = "at " + (pointer.empty() ? std::string("/") : pointer) + ": " + why;
    return false;
}

// A key table's error, without the command line's "--set " in front (finish_training_request's).
std::string without_set(std::string why) {
    for (const char* prefix : {"--set: ", "--set "})
        if (why.rfind(prefix, 0) == 0) return why.substr(std::string(prefix).size());
    return why;
}

// A key's value as the key tables read it: a string as it is, a number or true/false as text.
bool value_text(const json& v, std::string* out) {
    if (v.is_string()) *out = v.get<std::string>();
    else if (v.is_boolean()) *out = v.get<bool>() ? "true" : "false";
    else if (v.is_number_unsigned()) *out = std::to_string(v.get<unsigned long long>());
    else if (v.is_number_integer()) *out = std::to_string(v.get<long long>());
    else if (v.is_number_float()) *out = number_text(v.get<double>());
    else return false;
    return true;
}

const char* type_name(const json& v) { return v.type_name(); }

// One lab's object: every key through `apply` (the lab's table), each refusal said with its pointer.
template <class Apply>
bool read_keys(const json& doc, const char* section, Apply apply, std::string* error) {
    if (!doc.contains(section)) return true;
    const json& o = doc[section];
    const std::string at = std::string("/") + section;
    if (!o.is_object()) return fail(error, at, std::string("must be an object of keys, not ") + type_name(o));
    for (const auto& item : o.items()) {
        const std::string where = at + "/" + pointer_part(item.key());
        std::string value, why;
        if (!value_text(item.value(), &value))
            return fail(error, where, std::string("a key's value must be a string, number or true/false, not ") +
                                          type_name(item.value()));
        if (!apply(item.key(), value, &why)) return fail(error, where, without_set(why));
    }
    return true;
}

json keys_object(const std::vector<KeyValue>& keys) {
    json o = json::object();
    for (const auto& [key, value] : keys) o[key] = value;
    return o;
}

// The points as parse_dataset_csv reads them: it decides classes or regression as loading the file did.
bool read_points(const json& data, core::Dataset* out, bool* drawn, std::string* error) {
    if (!data.is_object()) return fail(error, "/data", std::string("must be an object, not ") + type_name(data));
    for (const auto& item : data.items())
        if (item.key() != "points" && item.key() != "drawn")
            return fail(error, "/data/" + pointer_part(item.key()), "unknown key (data holds points, and drawn)");
    *drawn = false;
    if (data.contains("drawn")) {
        if (!data["drawn"].is_boolean()) return fail(error, "/data/drawn", std::string("must be true or false, not ") + type_name(data["drawn"]));
        *drawn = data["drawn"].get<bool>();
    }
    if (!data.contains("points")) return fail(error, "/data", "has no points");
    const json& points = data["points"];
    if (!points.is_array()) return fail(error, "/data/points", std::string("must be an array, not ") + type_name(points));
    if (points.size() > static_cast<size_t>(core::kMaxCsvRows))
        return fail(error, "/data/points", "holds " + std::to_string(points.size()) + " points; at most " +
                                               std::to_string(core::kMaxCsvRows) + " are read");
    std::string csv = "x1,x2,label\n";
    csv.reserve(points.size() * 60);
    for (size_t i = 0; i < points.size(); ++i) {
        const json& p = points[i];
        const std::string at = "/data/points/" + std::to_string(i);
        if (!p.is_array() || p.size() != 3) return fail(error, at, "a point must be [x1, x2, label]");
        for (size_t j = 0; j < 3; ++j) {
            if (!p[j].is_number() || !std::isfinite(p[j].get<double>()))
                return fail(error, at + "/" + std::to_string(j), "must be a finite number");
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", p[j].get<double>());
            csv += buf;
            csv += j < 2 ? ',' : '\n';
        }
    }
    if (!core::parse_dataset_csv(csv, out, error)) return fail(error, "/data/points", *error);
    return true;
}

bool read_network(const json& n, const core::TrainConfig& config, int classes, SessionNetwork* out, std::string* error) {
    if (!n.is_object()) return fail(error, "/network", std::string("must be an object, not ") + type_name(n));
    for (const auto& item : n.items())
        if (item.key() != "epoch" && item.key() != "params")
            return fail(error, "/network/" + pointer_part(item.key()), "unknown key (network holds epoch and params)");
    if (!n.contains("epoch") || !n.contains("params")) return fail(error, "/network", "needs both epoch and params");
    const json& e = n["epoch"];
    if (!e.is_number_integer() || e.get<double>() < 0 || e.get<double>() > kMaxEpochs)
        return fail(error, "/network/epoch", "must be a whole number from 0 to " + std::to_string(kMaxEpochs));
    const json& p = n["params"];
    if (!p.is_array()) return fail(error, "/network/params", std::string("must be an array, not ") + type_name(p));
    const size_t expected = static_cast<size_t>(core::parameter_count(core::network_spec(config, classes)));
    if (p.size() != expected)
        return fail(error, "/network/params",
                    "holds " + std::to_string(p.size()) + " numbers, but the playground's network has " +
                        std::to_string(expected) + " weights and biases");
    Eigen::VectorXd params(static_cast<Eigen::Index>(expected));
    for (size_t i = 0; i < expected; ++i) {
        if (!p[i].is_number() || !std::isfinite(p[i].get<double>()))
            return fail(error, "/network/params/" + std::to_string(i), "must be a finite number");
        params[static_cast<Eigen::Index>(i)] = p[i].get<double>();
    }
    out->epoch = e.get<int>();
    out->params = std::move(params);
    return true;
}

bool parse_document(const json& doc, Session* out, std::string* error) {
    if (!doc.is_object()) return fail(error, "", std::string("a session is a JSON object, not ") + type_name(doc));
    static const char* const known[] = {"format", "version", "lab", "activations", "softmax", "gradients",
                                        "gated", "playground", "data", "network"};
    for (const auto& item : doc.items())
        if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return item.key() == k; }) == std::end(known))
            return fail(error, "/" + pointer_part(item.key()),
                        "unknown key (a session holds format, version, lab, activations, softmax, gradients, gated, "
                        "playground, data and network)");
    if (!doc.contains("format") || doc["format"] != kFormat)
        return fail(error, "/format", std::string("must be \"") + kFormat + "\": this is not an actlab session");
    if (!doc.contains("version") || !doc["version"].is_number_integer())
        return fail(error, "/version", "must be a whole number (this actlab writes version " +
                                           std::to_string(kSessionVersion) + ")");
    if (doc["version"].get<double>() != kSessionVersion)
        return fail(error, "/version", "is " + doc["version"].dump() + ", but this actlab reads version " +
                                           std::to_string(kSessionVersion) +
                                           (doc["version"].get<double>() > kSessionVersion ? ": it was written by a newer actlab" : ""));
    Session s;
    if (doc.contains("lab")) {
        if (!doc["lab"].is_string() || !lab_from_name(doc["lab"].get<std::string>(), &s.lab))
            return fail(error, "/lab", "must be activations, softmax, gradients, playground or gated");
    }
    if (!read_keys(doc, "activations",
                   [&](const std::string& k, const std::string& v, std::string* why) {
                       return apply_activation_key(&s.activations, k, v, why);
                   },
                   error))
        return false;
    std::string why;
    if (!check_activation_range(s.activations, &why)) return fail(error, "/activations", why);
    if (!read_keys(doc, "softmax",
                   [&](const std::string& k, const std::string& v, std::string* w) { return apply_softmax_key(&s.softmax, k, v, w); },
                   error))
        return false;
    if (!check_softmax_view(s.softmax, &why)) return fail(error, "/softmax", why);
    if (!read_keys(doc, "gradients",
                   [&](const std::string& k, const std::string& v, std::string* w) { return apply_gradient_key(&s.gradients, k, v, w); },
                   error))
        return false;
    if (!read_keys(doc, "gated",
                   [&](const std::string& k, const std::string& v, std::string* w) { return apply_gated_key(&s.gated, k, v, w); },
                   error))
        return false;
    if (!check_gated_view(s.gated, &why)) return fail(error, "/gated", why);

    TrainingRequest request;
    if (!read_keys(doc, "playground",
                   [&](const std::string& k, const std::string& v, std::string* w) {
                       if (is_playground_key(k)) return apply_playground_key(&s.playground, k, v, w);
                       if (k == "epochs") return refuse(w, "a session keeps the epoch with the weights (/network/epoch)");
                       return apply_training_key(&request, k, v, w);
                   },
                   error))
        return false;
    if (doc.contains("data")) {
        core::Dataset points;
        bool drawn = false;
        if (!read_points(doc["data"], &points, &drawn, error)) return false;
        if (drawn && !request.data_file.empty())
            return fail(error, "/data/drawn", "drawn points, but the playground names a data= file too");
        if (!drawn && request.data_file.empty())
            return fail(error, "/data", "points are given, but the playground names no data= file (nor are they drawn)");
        request.given_data = std::move(points);
        s.drawn = drawn;
    } else if (!request.data_file.empty()) {
        return fail(error, "/playground/data", "names " + named(request.data_file) + ", but the session holds no points (/data)");
    }
    core::Dataset data;
    if (!finish_training_request(&request, &data, &why)) return fail(error, "/playground", without_set(why));
    s.playground.config = request.config;
    s.playground.data_file = request.data_file;
    if (!request.data_file.empty() || s.drawn) s.points = std::move(data);
    if (doc.contains("network")) {
        SessionNetwork net;
        const int classes = s.points ? s.points->classes : core::dataset_info(request.config.data.kind).classes;
        if (!read_network(doc["network"], request.config, classes, &net, error)) return false;
        s.network = std::move(net);
    }
    *out = std::move(s);
    return true;
}

}  // namespace

Session session_from_state(const AppState& state, bool weights) {
    Session s;
    s.lab = state.lab;
    s.activations = state.explorer.view;
    s.softmax = state.softmax.view;
    s.gradients = state.gradients.view;
    s.gated = state.gated.view;
    const PlaygroundState& p = state.playground;
    s.playground = p.view;
    if (!p.view.data_file.empty() || p.drawn) s.points = p.data;
    s.drawn = p.drawn && p.view.data_file.empty();
    if (weights && p.shown && !p.data_dirty && !p.needs_reset && network_fits(p.shown->network, p.view.config, p.data))
        s.network = SessionNetwork{p.shown->epoch, p.shown->network.params()};
    return s;
}

std::string session_json(const Session& s) {
    json doc;
    doc["format"] = kFormat;
    doc["version"] = kSessionVersion;
    doc["lab"] = lab_name(s.lab);
    doc["activations"] = keys_object(activation_keys(s.activations));
    doc["softmax"] = keys_object(softmax_keys(s.softmax));
    doc["gradients"] = keys_object(gradient_keys(s.gradients));
    doc["gated"] = keys_object(gated_keys(s.gated));
    json pg = keys_object(training_keys(s.playground.config, s.playground.data_file));
    for (const auto& [key, value] : playground_keys(s.playground)) pg[key] = value;
    doc["playground"] = pg;
    if (s.points && (!s.playground.data_file.empty() || s.drawn)) {
        json points = json::array();
        const core::Dataset& d = *s.points;
        for (int i = 0; i < d.size(); ++i) points.push_back({d.x(i, 0), d.x(i, 1), d.target[i]});
        doc["data"] = {{"points", std::move(points)}};
        if (s.drawn) doc["data"]["drawn"] = true;
    }
    if (s.network) {
        json params = json::array();
        for (Eigen::Index i = 0; i < s.network->params.size(); ++i) params.push_back(s.network->params[i]);
        doc["network"] = {{"epoch", s.network->epoch}, {"params", std::move(params)}};
    }
    return doc.dump(1) + "\n";
}

bool parse_session(const std::string& text, Session* out, std::string* error) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {
        std::string what = e.what();  // "[json.exception.parse_error.101] parse error at line 1, column 3: ..."
        const auto at = what.find("] ");
        if (at != std::string::npos) what = what.substr(at + 2);
        *error = "not valid JSON: " + one_line(what);
        return false;
    }
    return parse_document(doc, out, error);
}

bool read_session_file(const std::string& path, Session* out, std::string* error) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        *error = "there is no file " + named(path);
        return false;
    }
    if (!fs::is_regular_file(st)) {
        *error = named(path) + " is " + (fs::is_directory(st) ? "a folder" : "not a regular file");
        return false;
    }
    const std::uintmax_t bytes = fs::file_size(path, ec);
    if (ec || bytes > kMaxSessionBytes) {
        *error = named(path) + " is larger than any session (" + std::to_string(kMaxSessionBytes >> 20) + " MB at most)";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
        *error = "cannot read " + named(path);
        return false;
    }
    std::string why;
    if (!parse_session(text.str(), out, &why)) {
        *error = named(path) + " " + why;
        return false;
    }
    return true;
}

void apply_session(AppState& state, const Session& s) {
    state.explorer.view = s.activations;
    state.explorer.reset_view = true;
    state.explorer.range_error.clear();
    state.explorer.probe_error.clear();
    state.softmax.view = s.softmax;
    state.softmax.refit_logits = true;
    state.softmax.message.clear();
    state.gradients.view = s.gradients;
    state.gradients.message.clear();
    state.gated.view = s.gated;
    state.gated.message.clear();
    PlaygroundState& p = state.playground;
    p.view = s.playground;
    p.csv_path = p.view.data_file;
    if (s.points) p.data = *s.points;
    p.drawn = s.drawn;
    p.draw = DrawState{};  // another session's undo steps do not apply here
    p.data_dirty = true;  // generated again from the keys, or (a file's points) named again
    p.needs_reset = true;
    p.pictures_dirty = true;
    p.select_pane = true;
    p.message.clear();
    p.editor = WeightEditor{};
    p.requests.clear();
    p.weight_edits.clear();
    p.restore.reset();
    if (s.network) p.restore = NetworkRestore{s.network->params, s.network->epoch};
    select_lab(state, s.lab);
}

void remember_session(std::vector<std::string>* recent, const std::string& path) {
    recent->erase(std::remove(recent->begin(), recent->end(), path), recent->end());
    recent->insert(recent->begin(), path);
    if (recent->size() > static_cast<size_t>(kMaxRecentSessions)) recent->resize(kMaxRecentSessions);
}

bool session_from_keys(const Session& base, const std::vector<KeyValue>& sets, Session* out, std::string* error) {
    json doc = json::parse(session_json(base));
    doc.erase("network");
    bool weights = false;
    long epochs = 500;
    for (const auto& [key, value] : sets) {
        if (key == "lab") {
            doc["lab"] = value;
        } else if (key == "weights") {
            if (value != "yes" && value != "no") return refuse(error, key_error(key, value, "must be yes or no"));
            weights = value == "yes";
        } else if (key == "epochs") {
            std::string why;
            if (!whole_in_range(value, 0, kMaxEpochs, &epochs, &why)) return refuse(error, key_error(key, value, why));
        } else {
            std::string section = "playground", name = key;
            const size_t dot = key.find('.');
            if (dot != std::string::npos) {
                const std::string prefix = key.substr(0, dot);
                for (const char* lab : {"activations", "softmax", "gradients", "gated", "playground"})
                    if (prefix == lab) {
                        section = lab;
                        name = key.substr(dot + 1);
                    }
            }
            doc[section][name] = value;
            if (section == "playground" && name == "data") {
                core::Dataset points;
                std::string why;
                if (!core::load_dataset_csv(value, &points, &why)) return refuse(error, key_error(key, value, one_line(why)));
                json list = json::array();
                for (int i = 0; i < points.size(); ++i) list.push_back({points.x(i, 0), points.x(i, 1), points.target[i]});
                doc["data"] = {{"points", std::move(list)}};
            }
        }
    }
    // layers= on top of a base whose layers each name their activation (activation=tanh,tanh): one the
    // same for every layer becomes one for all, so the new layers take it too
    const auto given = [&](const char* name) {
        return std::any_of(sets.begin(), sets.end(), [&](const KeyValue& kv) {
            return kv.first == name || kv.first == std::string("playground.") + name;
        });
    };
    if (given("layers") && doc["playground"].is_object())
        for (const char* name : {"activation", "gated"}) {
            json& pg = doc["playground"];
            if (given(name) || !pg.contains(name) || !pg[name].is_string()) continue;
            const std::vector<std::string> items = split_list(pg[name].get<std::string>());
            if (!items.empty() && std::all_of(items.begin(), items.end(), [&](const std::string& i) { return i == items[0]; }))
                pg[name] = items[0];
        }
    Session s;
    if (!parse_document(doc, &s, error)) return false;
    if (weights) {
        const core::Dataset data = s.points ? *s.points : core::make_dataset(s.playground.config.data);
        core::Training run(s.playground.config, data);
        run.evaluate();  // as `actlab export boundary` trains: every epoch evaluated
        for (long e = 0; e < epochs; ++e) {
            if (!run.run_epoch()) break;
            run.evaluate();
        }
        s.network = SessionNetwork{run.epoch(), run.network().params()};
    }
    *out = std::move(s);
    return true;
}

std::vector<KeyValue> session_plot_sets(const Session& s, const std::string& plot) {
    std::vector<KeyValue> sets;
    auto keep = [&](const std::vector<KeyValue>& keys, auto takes) {
        for (const KeyValue& kv : keys)
            if (takes(kv.first)) sets.push_back(kv);
    };
    if (plot == "activations") return activation_keys(s.activations);
    const std::pair<const char*, SoftmaxPlot> softmax_plots[] = {{"softmax", SoftmaxPlot::Probabilities},
                                                                 {"softmax-logits", SoftmaxPlot::Logits},
                                                                 {"softmax-sweep", SoftmaxPlot::SweepAndEntropy},
                                                                 {"softmax-filter", SoftmaxPlot::Filtered},
                                                                 {"softmax-samples", SoftmaxPlot::Samples}};
    for (const auto& [name, kind] : softmax_plots)
        if (plot == name) {
            keep(softmax_keys(s.softmax), [kind = kind](const std::string& k) { return softmax_plot_takes(kind, k); });
            return sets;
        }
    const std::pair<const char*, GatedPlot> gated_plots[] = {{"glu-surface", GatedPlot::Surface},
                                                             {"glu-gradient", GatedPlot::Gradient},
                                                             {"glu-slice", GatedPlot::Slice},
                                                             {"glu-ffn", GatedPlot::Ffn}};
    for (const auto& [name, kind] : gated_plots)
        if (plot == name) {
            keep(gated_keys(s.gated), [kind = kind](const std::string& k) { return gated_plot_takes(kind, k); });
            return sets;
        }
    const std::pair<const char*, GradientPlot> gradient_plots[] = {{"gradient-chain", GradientPlot::Chain},
                                                                   {"gradient-flow", GradientPlot::Flow},
                                                                   {"gradient-compare", GradientPlot::Compare}};
    for (const auto& [name, kind] : gradient_plots)
        if (plot == name) {
            // σ and a only with the init that reads them: the plot refuses them otherwise
            const GradientView& g = s.gradients;
            auto uses = [&, kind = kind](core::InitKind init) {
                if (kind != GradientPlot::Compare) return g.init.kind == init;
                return std::any_of(g.compare.begin(), g.compare.end(), [&](const GradientPair& p) { return p.init == init; });
            };
            keep(gradient_keys(g), [&, kind = kind](const std::string& k) {
                if (k == "sigma" && !uses(core::InitKind::Normal)) return false;
                if (k == "a" && !uses(core::InitKind::Uniform)) return false;
                return gradient_plot_takes(kind, k);
            });
            return sets;
        }
    // the training plots: what the playground trains, for as many epochs as the session's weights had
    for (const KeyValue& kv : training_keys(s.playground.config, s.playground.data_file))
        if (plot != "race" || (kv.first != "activation" && kv.first != "gated")) sets.push_back(kv);
    if (s.network) sets.emplace_back("epochs", std::to_string(s.network->epoch));
    if (plot == "boundary" && output_has_temperature(s.playground.config.output)) {
        sets.emplace_back("temperature", number_text(s.playground.temperature));
        sets.emplace_back("entropy", s.playground.entropy ? "on" : "off");
    }
    if (plot == "warp")
        keep(playground_keys(s.playground),
             [](const std::string& k) { return k == "layer" || k == "stage" || k == "projection"; });
    return sets;
}

}  // namespace actlab::app
