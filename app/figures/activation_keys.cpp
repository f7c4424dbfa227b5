// The activation figure's KEY=VALUE settings: one table, read for the command line and settings.json.
#include "app/figures/activation_keys.h"

#include "app/figures/keys.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace actlab::app {

namespace {

using View = ActivationView;
using Text = std::optional<std::string>;

constexpr int kMinSamples = 2;
constexpr const char* kCurves = "curves are 'f', 'df' or 'f,df'";
constexpr const char* kShades = "shade is 'saturation', 'dead', 'saturation,dead' or 'none'";

// xmin= and xmax=: a finite number within ±kMaxAbsX.
bool parse_x_end(const std::string& value, double* out, std::string* why) {
    double number = 0.0;
    if (!parse_finite(value, &number)) {
        *why = "not a finite number";
        return false;
    }
    if (std::fabs(number) > kMaxAbsX) {
        *why = "must be within ±" + range_text(kMaxAbsX);
        return false;
    }
    *out = number;
    return true;
}

const KeyTable<View>& table() {
    static const KeyTable<View> keys = {
        {
            {"functions", "relu,gelu,...", "which functions (ids as in torch.nn.functional)",
             [](View& v, const std::string& value, std::string* why) {
                 std::vector<int> functions;
                 for (const std::string& id : split_list(value)) {
                     const int index = core::activation_index(id);
                     if (index < 0) {
                         *why = "unknown function '" + quoted(id) + "' (known: " + known_activation_ids() + ")";
                         return false;
                     }
                     if (std::find(functions.begin(), functions.end(), index) != functions.end()) {
                         *why = "'" + quoted(id) + "' is listed twice";
                         return false;
                     }
                     functions.push_back(index);
                 }
                 v.functions = functions;  // may be empty: the window can show none (export needs one)
                 return true;
             },
             [](const View& v) -> Text {
                 std::string s;
                 for (int index : v.functions) s += (s.empty() ? "" : ",") + std::string(core::activation(index).id);
                 return s;
             }},
            {"curves", "f,df", "draw f, f' (dashed) or both",
             [](View& v, const std::string& value, std::string* why) {
                 bool f = false, df = false;
                 for (const std::string& item : split_list(value)) {
                     if (item == "f") f = true;
                     else if (item == "df") df = true;
                     else return refuse(why, kCurves);
                 }
                 if (!f && !df) return refuse(why, kCurves);
                 v.show_f = f;
                 v.show_df = df;
                 return true;
             },
             [](const View& v) -> Text { return v.show_f && v.show_df ? "f,df" : v.show_f ? "f" : "df"; }},
            {"xmin", "-5", "the x range's left end, within ±" + range_text(kMaxAbsX),
             [](View& v, const std::string& value, std::string* why) { return parse_x_end(value, &v.x_min, why); },
             [](const View& v) -> Text { return number_text(v.x_min); }},
            {"xmax", "5", "its right end, within ±" + range_text(kMaxAbsX),
             [](View& v, const std::string& value, std::string* why) { return parse_x_end(value, &v.x_max, why); },
             [](const View& v) -> Text { return number_text(v.x_max); }},
            {"samples", "801", "points per curve (CSV rows per function)",
             [](View& v, const std::string& value, std::string* why) {
                 return int_in_range(value, kMinSamples, kMaxSamples, &v.samples, why);
             },
             [](const View& v) -> Text { return std::to_string(v.samples); }},
            {"x", "-2,-1,0,1,2", "exact x values for the CSV (instead of a sweep)",
             [](View& v, const std::string& value, std::string* why) {
                 std::vector<double> xs;
                 std::string bad;
                 if (!parse_finite_list(value, &xs, &bad)) return refuse(why, "'" + quoted(bad) + "' is not a finite number");
                 if (xs.empty() || static_cast<int>(xs.size()) > kMaxSamples)
                     return refuse(why, "give 1 to " + std::to_string(kMaxSamples) + " numbers separated by commas");
                 v.x_points = xs;
                 return true;
             },
             [](const View& v) -> Text {
                 if (v.x_points.empty()) return std::nullopt;
                 std::string xs;
                 for (double x : v.x_points) xs += (xs.empty() ? "" : ",") + number_text(x);
                 return xs;
             }},
            {"probe", "1.5|off", "the marked x with a dot on each curve",
             [](View& v, const std::string& value, std::string* why) {
                 if (value == "off") {
                     v.show_probe = false;
                     return true;
                 }
                 if (!parse_finite(value, &v.probe_x)) return refuse(why, "a finite number, or 'off'");
                 v.show_probe = true;
                 return true;
             },
             [](const View& v) -> Text { return v.show_probe ? number_text(v.probe_x) : "off"; }},
            {"focus", "relu", "the function whose zones are shaded",
             [](View& v, const std::string& value, std::string* why) {
                 const int index = core::activation_index(value);
                 if (index < 0) return refuse(why, "unknown function (known: " + known_activation_ids() + ")");
                 v.focus = index;
                 return true;
             },
             [](const View& v) -> Text {
                 if (v.focus < 0) return std::nullopt;
                 return std::string(core::activation(v.focus).id);
             }},
            {"shade", "saturation,dead|none", "shade where |f'| < threshold (saturation) and f' = 0 (dead)",
             [](View& v, const std::string& value, std::string* why) {
                 bool sat = false, dead = false;
                 if (value != "none") {
                     for (const std::string& item : split_list(value)) {
                         if (item == "saturation") sat = true;
                         else if (item == "dead") dead = true;
                         else return refuse(why, kShades);
                     }
                 }
                 v.shade_saturation = sat;
                 v.shade_dead = dead;
                 return true;
             },
             [](const View& v) -> Text {
                 return v.shade_saturation && v.shade_dead ? "saturation,dead"
                        : v.shade_saturation              ? "saturation"
                        : v.shade_dead                    ? "dead"
                                                          : "none";
             }},
            {"threshold", "0.05", "the saturation threshold",
             [](View& v, const std::string& value, std::string* why) {
                 return number_in_range(value, kMinThreshold, kMaxThreshold, &v.saturation_threshold, why);
             },
             [](const View& v) -> Text { return number_text(v.saturation_threshold); }},
            {"yscale", "linear|log", "log shows |f| and |f'| on a log axis: how fast the tails vanish",
             [](View& v, const std::string& value, std::string* why) {
                 if (value != "linear" && value != "log")
                     return refuse(why, "yscale is 'linear' or 'log' (log shows |f| and |f'|)");
                 v.log_y = value == "log";
                 return true;
             },
             [](const View& v) -> Text { return v.log_y ? "log" : "linear"; }},
        },
        activation_param_pattern<View>()};
    return keys;
}

}  // namespace

const KeyTable<ActivationView>& activation_key_table() { return table(); }

bool apply_activation_key(ActivationView* view, const std::string& key, const std::string& value, std::string* error) {
    return apply_key(table(), view, key, value, error);
}

bool check_activation_range(const ActivationView& view, std::string* error) {
    if (!(view.x_min < view.x_max)) {
        *error = "xmin (" + number_text(view.x_min) + ") must be less than xmax (" + number_text(view.x_max) + ")";
        return false;
    }
    return true;
}

std::vector<KeyValue> activation_keys(const ActivationView& view) { return write_keys(table(), view); }

const char* activation_keys_help() {
    static const std::string help = key_help(table());
    return help.c_str();
}

}  // namespace actlab::app
