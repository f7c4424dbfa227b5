// The gated-units lab's KEY=VALUE settings: one table, read for the command line and settings.json.
#include "app/figures/gated_keys.h"

#include "app/plot/text_format.h"

#include <optional>

namespace actlab::app {

namespace {

using View = GatedView;
using Text = std::optional<std::string>;

constexpr unsigned bit(GatedPlot plot) { return 1u << static_cast<int>(plot); }
constexpr unsigned kMaps = bit(GatedPlot::Surface) | bit(GatedPlot::Gradient) | bit(GatedPlot::Slice);
constexpr unsigned kFfn = bit(GatedPlot::Ffn);

std::string joined(const std::vector<double>& values) {
    std::string s;
    for (double x : values) s += (s.empty() ? "" : ",") + number_text(x);
    return s;
}

std::string known_gates() {
    std::string variants;
    for (int i = 0; i < core::gated_variant_count(); ++i)
        variants += (i ? ", " : "") + std::string(core::gated_variant(i).id);
    return known_activation_ids() + "; or a variant: " + variants;
}

bool parse_input(const std::string& value, double* out, std::string* why) {
    return number_in_range(value, -kMaxGatedInput, kMaxGatedInput, out, why);
}

// a= and b=: 1 to kMaxGatedPoints values within ±kMaxGatedInput.
bool parse_points(const std::string& value, std::vector<double>* out, std::string* why) {
    std::vector<double> points;
    std::string bad;
    if (trimmed(value).empty()) return refuse(why, "give one or more numbers separated by commas, such as -1,0,1");
    if (!parse_finite_list(value, &points, &bad)) return refuse(why, "'" + quoted(bad) + "' is not a finite number");
    if (points.size() > static_cast<size_t>(kMaxGatedPoints))
        return refuse(why, "at most " + std::to_string(kMaxGatedPoints) + " values");
    for (double p : points)
        if (p < -kMaxGatedInput || p > kMaxGatedInput)
            return refuse(why, "values must be from " + range_text(-kMaxGatedInput) + " to " + range_text(kMaxGatedInput) +
                                   " (" + number_text(p) + " is not)");
    *out = points;
    return true;
}

bool parse_width(const std::string& value, std::int64_t* out, std::string* why) {
    long whole = 0;
    if (!whole_in_range(value, kMinFeedForwardWidth, kMaxFeedForwardWidth, &whole, why)) return false;
    *out = whole;
    return true;
}

bool parse_bool(const std::string& value, bool* out, std::string* why) {
    if (value != "true" && value != "false") return refuse(why, "must be true or false");
    *out = value == "true";
    return true;
}

const char* slice_name(GatedSlice s) {
    switch (s) {
        case GatedSlice::Diagonal: return "diagonal";
        case GatedSlice::FixedB: return "b";
        case GatedSlice::FixedA: return "a";
    }
    return "diagonal";
}

const KeyTable<View>& table() {
    static const std::string input_range = "from " + range_text(-kMaxGatedInput) + " to " + range_text(kMaxGatedInput);
    static const KeyTable<View> keys = {
        {
            {"gate", "silu",
             "act of g = act(a)·b: a catalogue id (swish, gelu_tanh, ...) or a variant\n"
             "(glu, swiglu, geglu, geglu_tanh, reglu, bilinear)",
             [](View& v, const std::string& value, std::string* why) {
                 const int index = gate_from_name(trimmed(value));
                 if (index < 0) return refuse(why, "unknown gate (known: " + known_gates() + ")");
                 v.gate = index;
                 return true;
             },
             [](const View& v) -> Text { return std::string(core::activation(v.gate).id); }, kMaps},
            {"amin", "-4", "the gate input a's range, " + input_range,
             [](View& v, const std::string& value, std::string* why) { return parse_input(value, &v.a_min, why); },
             [](const View& v) -> Text { return number_text(v.a_min); }, kMaps},
            {"amax", "4", "its end",
             [](View& v, const std::string& value, std::string* why) { return parse_input(value, &v.a_max, why); },
             [](const View& v) -> Text { return number_text(v.a_max); }, kMaps},
            {"bmin", "-4", "the value input b's range",
             [](View& v, const std::string& value, std::string* why) { return parse_input(value, &v.b_min, why); },
             [](const View& v) -> Text { return number_text(v.b_min); }, kMaps},
            {"bmax", "4", "its end",
             [](View& v, const std::string& value, std::string* why) { return parse_input(value, &v.b_max, why); },
             [](const View& v) -> Text { return number_text(v.b_max); }, kMaps},
            {"samples", "161",
             "points per side of the grid, and along a slice (" + std::to_string(kMinGatedSamples) + " to " +
                 std::to_string(kMaxGatedSamples) + ")",
             [](View& v, const std::string& value, std::string* why) {
                 return int_in_range(value, kMinGatedSamples, kMaxGatedSamples, &v.samples, why);
             },
             [](const View& v) -> Text { return std::to_string(v.samples); }, kMaps},
            {"a", "-1,0,1", "exact values of a for the CSV instead of the sweep (up to " + std::to_string(kMaxGatedPoints) + ")",
             [](View& v, const std::string& value, std::string* why) { return parse_points(value, &v.a_points, why); },
             [](const View& v) -> Text { return v.a_points.empty() ? Text() : Text(joined(v.a_points)); }, kMaps},
            {"b", "0.5,2", "exact values of b, likewise",
             [](View& v, const std::string& value, std::string* why) { return parse_points(value, &v.b_points, why); },
             [](const View& v) -> Text { return v.b_points.empty() ? Text() : Text(joined(v.b_points)); }, kMaps},
            {"ungated", "false", "glu-surface: the plain act(a) and act'(a) beside the map (true or false)",
             [](View& v, const std::string& value, std::string* why) { return parse_bool(value, &v.show_ungated, why); },
             [](const View& v) -> Text { return std::string(v.show_ungated ? "true" : "false"); }, bit(GatedPlot::Surface)},
            {"slice", "diagonal", "the slice: diagonal (b = a), b (b held at slice_b), a (a held at slice_a)",
             [](View& v, const std::string& value, std::string* why) {
                 if (value == "diagonal") v.slice = GatedSlice::Diagonal;
                 else if (value == "b") v.slice = GatedSlice::FixedB;
                 else if (value == "a") v.slice = GatedSlice::FixedA;
                 else return refuse(why, "must be diagonal, b or a");
                 return true;
             },
             [](const View& v) -> Text { return std::string(slice_name(v.slice)); }, bit(GatedPlot::Slice)},
            {"slice_b", "1", "slice=b: the value of b held, " + input_range,
             [](View& v, const std::string& value, std::string* why) { return parse_input(value, &v.slice_b, why); },
             [](const View& v) -> Text { return number_text(v.slice_b); }, bit(GatedPlot::Slice)},
            {"slice_a", "1", "slice=a: the value of a held",
             [](View& v, const std::string& value, std::string* why) { return parse_input(value, &v.slice_a, why); },
             [](const View& v) -> Text { return number_text(v.slice_a); }, bit(GatedPlot::Slice)},
            {"probe", "1|off", "the marked point along the slice, with its values",
             [](View& v, const std::string& value, std::string* why) {
                 if (value == "off") {
                     v.show_probe = false;
                     return true;
                 }
                 if (!parse_input(value, &v.probe, why)) return refuse(why, "must be a number " + input_range + ", or off");
                 v.show_probe = true;
                 return true;
             },
             [](const View& v) -> Text { return v.show_probe ? number_text(v.probe) : "off"; }, bit(GatedPlot::Slice)},
            {"d_model", "4096", "the model width d (1 to 2^24 = 16777216)",
             [](View& v, const std::string& value, std::string* why) { return parse_width(value, &v.d_model, why); },
             [](const View& v) -> Text { return std::to_string(v.d_model); }, kFfn},
            {"d_ff", "11008", "the standard block's hidden width (1 to 2^24); the gated block is also shown at it",
             [](View& v, const std::string& value, std::string* why) { return parse_width(value, &v.d_ff, why); },
             [](const View& v) -> Text { return std::to_string(v.d_ff); }, kFfn},
            {"multiple", "256", "the 2/3 rule's width 8·d/3 is rounded up to a multiple of this (1 to 2^24)",
             [](View& v, const std::string& value, std::string* why) { return parse_width(value, &v.multiple, why); },
             [](const View& v) -> Text { return std::to_string(v.multiple); }, kFfn},
        },
        activation_param_pattern<View>()};
    return keys;
}

}  // namespace

int gate_from_name(const std::string& name) {
    const int index = core::activation_index(name);
    if (index >= 0) return index;
    if (const core::GatedVariant* v = core::find_gated_variant(name)) return core::activation_index(v->gate);
    return -1;
}

bool two_thirds_width(const GatedView& view, std::int64_t* width, std::string* why) {
    // ⌈8d / (3m)⌉ · m, checked against the limit before gated_hidden_width (which asserts it)
    const std::int64_t den = 3 * view.multiple;
    const std::int64_t w = (8 * view.d_model + den - 1) / den * view.multiple;
    if (w > kMaxFeedForwardWidth) {
        if (why)
            *why = "the 2/3 rule's width for d_model = " + std::to_string(view.d_model) + " and multiple = " +
                   std::to_string(view.multiple) + " would be " + std::to_string(w) + ", past 2^24 = 16777216";
        return false;
    }
    *width = core::gated_hidden_width(view.d_model, 8, 3, view.multiple);
    return true;
}

const KeyTable<GatedView>& gated_key_table() { return table(); }

bool apply_gated_key(GatedView* view, const std::string& key, const std::string& value, std::string* error) {
    return apply_key(table(), view, key, value, error);
}

bool check_gated_view(const GatedView& view, std::string* error) {
    if (!(view.a_min < view.a_max)) {
        *error = "amin (" + number_text(view.a_min) + ") must be less than amax (" + number_text(view.a_max) + ")";
        return false;
    }
    if (!(view.b_min < view.b_max)) {
        *error = "bmin (" + number_text(view.b_min) + ") must be less than bmax (" + number_text(view.b_max) + ")";
        return false;
    }
    std::int64_t width = 0;
    return two_thirds_width(view, &width, error);
}

std::vector<KeyValue> gated_keys(const GatedView& view) { return write_keys(table(), view); }

bool gated_plot_takes(GatedPlot plot, const std::string& key) {
    if (const Key<GatedView>* k = find_key(table(), key)) return k->figures & bit(plot);
    // <function>.<param>: the maps' and the slice's, not the block's (it has no activation)
    return plot != GatedPlot::Ffn && key.find('.') != std::string::npos;
}

const char* gated_plot_keys(GatedPlot plot) {
    static const std::string names[] = {
        key_names(table(), bit(GatedPlot::Surface)), key_names(table(), bit(GatedPlot::Gradient)),
        key_names(table(), bit(GatedPlot::Slice)),
        [] {
            std::vector<std::string> n;
            for (const Key<GatedView>& k : table().keys)
                if (k.figures & kFfn) n.push_back(k.name);
            return joined_names(n);
        }()};
    return names[static_cast<int>(plot)].c_str();
}

const char* gated_plot_help(GatedPlot plot) {
    // the keys read by exactly `figures` (by some of them when `some`)
    auto rows_of = [](unsigned figures, bool pattern, bool some = true) {
        std::vector<std::pair<std::string, std::string>> rows;
        for (const Key<GatedView>& k : table().keys)
            if (some ? (k.figures & figures) != 0 : k.figures == figures) rows.emplace_back(std::string(k.name) + "=" + k.example, k.help);
        if (pattern)
            rows.emplace_back("<function>.<param>=value",
                              "a gate's parameter, named as in the activation explorer (swish.beta=2;\nthe catalogue's names and ranges)");
        return format_key_help(rows);
    };
    static const std::string surface =
        rows_of(bit(GatedPlot::Surface), true) +
        "  CSV columns: a,b,g,dg_da,dg_db (one row per grid point, a fastest)\n";
    static const std::string gradient =
        "  the keys of glu-surface but ungated=; the flat zones use |∂g/∂a|, |∂g/∂b| < 0.05\n"
        "  CSV columns: a,b,g,dg_da,dg_db (one row per grid point, a fastest)\n";
    static const std::string slice =
        "  the keys of glu-surface but ungated=, and:\n" +
        rows_of(bit(GatedPlot::Slice), false, false) +
        "  CSV columns: slice=diagonal x,g,dg_dx (a = b = x); slice=b a,b,g,dg_da; slice=a a,b,g,dg_db\n"
        "  (a= gives the points along a, b= along b)\n";
    static const std::string ffn =
        rows_of(kFfn, false) +
        "  CSV columns: block,matrices,d_ff,parameters,flops_per_token (standard, gated at d_ff,\n"
        "  gated at the 2/3 rule's width; weights only, no biases)\n";
    switch (plot) {
        case GatedPlot::Surface: return surface.c_str();
        case GatedPlot::Gradient: return gradient.c_str();
        case GatedPlot::Slice: return slice.c_str();
        case GatedPlot::Ffn: return ffn.c_str();
    }
    return "";
}

}  // namespace actlab::app
