#include "app/figures/playground_keys.h"

#include "core/decision_grid.h"

namespace actlab::app {

namespace {

using View = PlaygroundView;
using Text = std::optional<std::string>;

bool parse_bool(const std::string& value, bool* out, std::string* why) {
    if (value != "true" && value != "false") return refuse(why, "must be true or false");
    *out = value == "true";
    return true;
}

Text bool_text(bool b) { return std::string(b ? "true" : "false"); }

constexpr const char* kPaneNames[] = {"network", "units", "gradient", "layers"};

// projection=auto, pca, output or units:I,J (the units from 1, two different ones)
bool parse_projection(const std::string& value, WarpView* view, std::string* why) {
    if (value == "auto") {
        view->automatic = true;
        return true;
    }
    core::WarpProjection* out = &view->projection;
    if (value == "pca" || value == "output") {
        view->automatic = false;
        out->kind = value == "pca" ? core::WarpProjection::Kind::Pca : core::WarpProjection::Kind::Output;
        return true;
    }
    const std::string pair = value.rfind("units:", 0) == 0 ? value.substr(6) : std::string();
    const std::vector<std::string> items = split_list(pair);
    long i = 0, j = 0;
    if (items.size() != 2 || !parse_whole(items[0], 1, core::kMaxUnits, &i) || !parse_whole(items[1], 1, core::kMaxUnits, &j))
        return refuse(why, "must be auto, pca, output or units:I,J with two units from 1 to " +
                               std::to_string(core::kMaxUnits) + " (units:1,2)");
    if (i == j) return refuse(why, "names unit " + std::to_string(i) + " twice: a plane needs two different units");
    *out = {core::WarpProjection::Kind::Units, static_cast<int>(i - 1), static_cast<int>(j - 1)};
    view->automatic = false;
    return true;
}

const KeyTable<View>& table() {
    static const KeyTable<View> keys = {{
        {"speed", "30",
         "epochs a second to aim for, " + range_text(kMinPlaygroundSpeed) + " to " + range_text(kMaxPlaygroundSpeed) +
             " (0: as fast as possible)",
         [](View& v, const std::string& value, std::string* why) {
             double speed = 0.0;
             if (!parse_finite(value, &speed) || !(speed == 0 || (speed >= kMinPlaygroundSpeed && speed <= kMaxPlaygroundSpeed)))
                 return refuse(why, "must be 0 (as fast as possible) or from " + range_text(kMinPlaygroundSpeed) + " to " +
                                        range_text(kMaxPlaygroundSpeed));
             v.speed = speed;
             return true;
         },
         [](const View& v) -> Text { return number_text(v.speed); }},
        {"discrete", "false", "the boundary in two flat colours",
         [](View& v, const std::string& value, std::string* why) { return parse_bool(value, &v.discrete, why); },
         [](const View& v) { return bool_text(v.discrete); }},
        {"show_test", "true", "draw the test points",
         [](View& v, const std::string& value, std::string* why) { return parse_bool(value, &v.show_test, why); },
         [](const View& v) { return bool_text(v.show_test); }},
        {"log_loss", "true", "the loss curves on a log axis",
         [](View& v, const std::string& value, std::string* why) { return parse_bool(value, &v.log_loss, why); },
         [](const View& v) { return bool_text(v.log_loss); }},
        {"temperature", "1",
         "the output drawn at tanh(z/T), σ(z/T), softmax(z/T), " + range_text(core::kMinOutputTemperature) + " to " +
             range_text(core::kMaxOutputTemperature) + " (training is unchanged)",
         [](View& v, const std::string& value, std::string* why) {
             return number_in_range(value, core::kMinOutputTemperature, core::kMaxOutputTemperature, &v.temperature, why);
         },
         [](const View& v) -> Text { return number_text(v.temperature); }},
        {"entropy", "false", "colour the plane by the entropy of the prediction",
         [](View& v, const std::string& value, std::string* why) { return parse_bool(value, &v.entropy, why); },
         [](const View& v) { return bool_text(v.entropy); }},
        {"view", "units", "beside the network: units (on their curves), gradient (across layers) or network (alone)",
         [](View& v, const std::string& value, std::string* why) {
             for (int i = 0; i < 4; ++i)
                 if (value == kPaneNames[i]) {
                     v.pane = static_cast<PlaygroundPane>(i);
                     return true;
                 }
             return refuse(why, "must be units, gradient, layers or network");
         },
         [](const View& v) -> Text { return std::string(kPaneNames[static_cast<int>(v.pane)]); }},
        {"layer", "last",
         "the layers view's hidden layer, from 1 (0: the input plane; last: the last hidden layer)",
         [](View& v, const std::string& value, std::string* why) {
             if (value == "last") {
                 v.warp.layer = -1;
                 return true;
             }
             long layer = 0;
             if (!parse_whole(value, 0, core::kMaxHiddenLayers, &layer))
                 return refuse(why, "must be last, 0 (the input plane) or a hidden layer from 1 to " +
                                        std::to_string(core::kMaxHiddenLayers));
             v.warp.layer = static_cast<int>(layer);
             return true;
         },
         [](const View& v) -> Text { return v.warp.layer < 0 ? std::string("last") : std::to_string(v.warp.layer); }},
        {"stage", "activation", "the layer's stage in the layers view: linear (W·a), bias (W·a + b) or activation (f)",
         [](View& v, const std::string& value, std::string* why) {
             if (!core::find_warp_stage(value, &v.warp.stage)) return refuse(why, "must be linear, bias or activation");
             return true;
         },
         [](const View& v) -> Text { return std::string(core::warp_stage_id(v.warp.stage)); }},
        {"projection", "auto",
         "the plane of a layer of 3 or more units: pca (its first two principal components), output (the last "
         "hidden layer's: the plane its output reads), units:I,J (two of its units, from 1), or auto (output for "
         "the last hidden layer, pca for the others)",
         [](View& v, const std::string& value, std::string* why) { return parse_projection(value, &v.warp, why); },
         [](const View& v) -> Text {
             const core::WarpProjection& p = v.warp.projection;
             if (v.warp.automatic) return std::string("auto");
             if (p.kind == core::WarpProjection::Kind::Pca) return std::string("pca");
             if (p.kind == core::WarpProjection::Kind::Output) return std::string("output");
             return "units:" + std::to_string(p.i + 1) + "," + std::to_string(p.j + 1);
         }},
    }};
    return keys;
}

}  // namespace

const KeyTable<PlaygroundView>& playground_key_table() { return table(); }

bool apply_playground_key(PlaygroundView* view, const std::string& key, const std::string& value, std::string* error) {
    return apply_key(table(), view, key, value, error);
}

bool is_playground_key(const std::string& key) { return find_key(table(), key) != nullptr; }

std::vector<KeyValue> playground_keys(const PlaygroundView& view) { return write_keys(table(), view); }

}  // namespace actlab::app
