// The gradient figures' KEY=VALUE settings: one table, read for the command line and settings.json.
#include "app/figures/gradient_keys.h"

#include <cmath>
#include <optional>

namespace actlab::app {

namespace {

constexpr const char* kInitNames = "xavier, he, lecun, normal or uniform";

// One of the inits the gradient lab offers.
bool find_gradient_init(const std::string& name, core::InitKind* kind) {
    core::InitKind k;
    if (!core::find_init(name, &k)) return false;
    for (core::InitKind offered : kGradientInits)
        if (k == offered) {
            *kind = k;
            return true;
        }
    return false;
}

using View = GradientView;
using Text = std::optional<std::string>;

// The plots, one bit each, for Key::figures.
constexpr unsigned bit(GradientPlot plot) { return 1u << static_cast<int>(plot); }
constexpr unsigned kChain = bit(GradientPlot::Chain), kFlow = bit(GradientPlot::Flow),
                   kCompare = bit(GradientPlot::Compare);

// A whole-number key of the view, from lo to hi; `what` says what it counts.
template <int GradientView::*member>
bool parse_count(View& v, const std::string& value, long lo, long hi, const char* what, std::string* why) {
    long whole = 0;
    if (!parse_whole(value, lo, hi, &whole)) return refuse(why, whole_range_message(lo, hi) + " (" + what + ")");
    v.*member = static_cast<int>(whole);
    return true;
}

const KeyTable<View>& table() {
    static const KeyTable<View> keys = {
        {
            {"activation", "relu", "the function (ids as in torch.nn.functional)",
             [](View& v, const std::string& value, std::string* why) {
                 const int index = core::activation_index(trimmed(value));
                 if (index < 0) return refuse(why, "unknown activation (known: " + known_activation_ids() + ")");
                 v.activation = index;
                 return true;
             },
             [](const View& v) -> Text { return std::string(core::activation(v.activation).id); }, kChain | kFlow},
            {"z", "1",
             "the pre-activation every layer of the chain sees (within ±" + range_text(kMaxChainZ) +
                 "; default 1;\nz=0 gives sigmoid's best case, 0.25^k)",
             [](View& v, const std::string& value, std::string* why) {
                 return number_in_range(value, -kMaxChainZ, kMaxChainZ, &v.z, why);
             },
             [](const View& v) -> Text { return number_text(v.z); }, kChain | kFlow},
            {"depth", "30", "hidden layers (chain: layers)",
             [](View& v, const std::string& value, std::string* why) {
                 return parse_count<&View::depth>(v, value, core::kMinFlowDepth, core::kMaxFlowDepth, "hidden layers", why);
             },
             [](const View& v) -> Text { return std::to_string(v.depth); }},
            {"width", "256", "units per layer",
             [](View& v, const std::string& value, std::string* why) {
                 return parse_count<&View::width>(v, value, core::kMinFlowWidth, core::kMaxFlowWidth, "units per layer", why);
             },
             [](const View& v) -> Text { return std::to_string(v.width); }, kFlow | kCompare},
            {"batch", "256", "inputs sent through at once",
             [](View& v, const std::string& value, std::string* why) {
                 return parse_count<&View::batch>(v, value, core::kMinFlowBatch, core::kMaxFlowBatch,
                                                  "inputs sent through at once", why);
             },
             [](const View& v) -> Text { return std::to_string(v.batch); }, kFlow | kCompare},
            {"seed", "1", "the random seed of the weights and inputs",
             [](View& v, const std::string& value, std::string* why) {
                 long whole = 0;
                 if (!whole_in_range(value, 0, static_cast<long>(kMaxSeed), &whole, why)) return false;
                 v.seed = static_cast<std::uint64_t>(whole);
                 return true;
             },
             [](const View& v) -> Text { return std::to_string(v.seed); }, kFlow | kCompare},
            {"init", "he", std::string("the weights' initialisation: ") + kInitNames,
             [](View& v, const std::string& value, std::string* why) {
                 if (!find_gradient_init(trimmed(value), &v.init.kind)) return refuse(why, std::string("init is ") + kInitNames);
                 return true;
             },
             [](const View& v) -> Text { return std::string(core::init_name(v.init.kind)); }, kFlow},
            {"sigma", "1", "normal's σ",
             [](View& v, const std::string& value, std::string* why) {
                 return number_in_range(value, kMinSpread, kMaxSpread, &v.init.sigma, why);
             },
             [](const View& v) -> Text { return number_text(v.init.sigma); }, kFlow | kCompare},
            {"a", "1", "uniform's half-width",
             [](View& v, const std::string& value, std::string* why) {
                 return number_in_range(value, kMinSpread, kMaxSpread, &v.init.a, why);
             },
             [](const View& v) -> Text { return number_text(v.init.a); }, kFlow | kCompare},
            {"bias", "0", "every bias's value",
             [](View& v, const std::string& value, std::string* why) {
                 return number_in_range(value, -kMaxAbsBias, kMaxAbsBias, &v.init.bias, why);
             },
             [](const View& v) -> Text { return number_text(v.init.bias); }, kFlow | kCompare},
            {"compare", "relu+he,relu+lecun",
             std::to_string(kMinPairs) + " to " + std::to_string(kMaxPairs) + " pairs ACTIVATION+INIT, each its own line",
             [](View& v, const std::string& value, std::string* why) {
                 std::vector<GradientPair> pairs;
                 for (const std::string& item : split_list(value)) {
                     const auto plus = item.find('+');
                     if (plus == std::string::npos)
                         return refuse(why, "'" + quoted(item) + "' must be ACTIVATION+INIT, such as relu+he");
                     const std::string id = trimmed(item.substr(0, plus)), init = trimmed(item.substr(plus + 1));
                     GradientPair pair{core::activation_index(id), core::InitKind::He};
                     if (pair.activation < 0)
                         return refuse(why, "unknown activation '" + quoted(id) + "' (known: " + known_activation_ids() + ")");
                     if (!find_gradient_init(init, &pair.init))
                         return refuse(why, "unknown init '" + quoted(init) + "' (" + kInitNames + ")");
                     pairs.push_back(pair);
                 }
                 if (pairs.size() < static_cast<size_t>(kMinPairs) || pairs.size() > static_cast<size_t>(kMaxPairs))
                     return refuse(why, "give " + std::to_string(kMinPairs) + " to " + std::to_string(kMaxPairs) +
                                            " pairs separated by commas, such as relu+he,relu+lecun");
                 v.compare = pairs;
                 return true;
             },
             [](const View& v) -> Text {
                 std::string pairs;
                 for (const GradientPair& p : v.compare)
                     pairs += (pairs.empty() ? "" : ",") + std::string(core::activation(p.activation).id) + "+" +
                              core::init_name(p.init);
                 return pairs;
             },
             kCompare},
        },
        activation_param_pattern<View>()};
    return keys;
}

}  // namespace

const KeyTable<GradientView>& gradient_key_table() { return table(); }

bool apply_gradient_key(GradientView* view, const std::string& key, const std::string& value, std::string* error) {
    return apply_key(table(), view, key, value, error);
}

std::vector<KeyValue> gradient_keys(const GradientView& view) { return write_keys(table(), view); }

bool gradient_plot_takes(GradientPlot plot, const std::string& key) {
    if (const Key<GradientView>* k = find_key(table(), key)) return k->figures & bit(plot);
    return key.find('.') != std::string::npos;  // <activation>.<param>: every plot
}

const char* gradient_plot_keys(GradientPlot plot) {
    static const std::string names[] = {key_names(table(), kChain), key_names(table(), kFlow),
                                        key_names(table(), kCompare)};
    return names[static_cast<int>(plot)].c_str();
}

const char* gradient_keys_help(GradientPlot plot) {
    static const std::string help[] = {
        key_help(table(), kChain) + "                            CSV columns layers,product\n",
        key_help(table(), kFlow) + "                            CSV columns layer,grad_rms,act_mean,act_std,dead_fraction\n",
        key_help(table(), kCompare) +
            "                            CSV columns pair,layer,grad_rms,act_mean,act_std,dead_fraction\n"};
    return help[static_cast<int>(plot)].c_str();
}

}  // namespace actlab::app
