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

constexpr const char* kPaneNames[] = {"network", "units", "gradient"};

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
             for (int i = 0; i < 3; ++i)
                 if (value == kPaneNames[i]) {
                     v.pane = static_cast<PlaygroundPane>(i);
                     return true;
                 }
             return refuse(why, "must be units, gradient or network");
         },
         [](const View& v) -> Text { return std::string(kPaneNames[static_cast<int>(v.pane)]); }},
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
