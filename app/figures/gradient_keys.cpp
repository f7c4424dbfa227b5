// The gradient figures' KEY=VALUE settings: parsed for the command line and settings.json.
#include "app/figures/gradient_keys.h"

#include <cmath>

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

}  // namespace

bool apply_gradient_key(GradientView* view, const std::string& key, const std::string& value, std::string* error) {
    auto fail = [&](const std::string& why) {
        *error = key_error(key, value, why);
        return false;
    };
    double number = 0.0;
    long whole = 0;
    if (key == "activation") {
        const int index = core::activation_index(trimmed(value));
        if (index < 0) return fail("unknown activation (known: " + known_activation_ids() + ")");
        view->activation = index;
        return true;
    }
    if (key == "init") {
        core::InitKind kind;
        if (!find_gradient_init(trimmed(value), &kind)) return fail(std::string("init is ") + kInitNames);
        view->init.kind = kind;
        return true;
    }
    if (key == "depth") {
        if (!parse_whole(value, core::kMinFlowDepth, core::kMaxFlowDepth, &whole))
            return fail("must be a whole number from 1 to 100 (hidden layers)");
        view->depth = static_cast<int>(whole);
        return true;
    }
    if (key == "width") {
        if (!parse_whole(value, core::kMinFlowWidth, core::kMaxFlowWidth, &whole))
            return fail("must be a whole number from 2 to 1024 (units per layer)");
        view->width = static_cast<int>(whole);
        return true;
    }
    if (key == "batch") {
        if (!parse_whole(value, core::kMinFlowBatch, core::kMaxFlowBatch, &whole))
            return fail("must be a whole number from 1 to 512 (inputs sent through at once)");
        view->batch = static_cast<int>(whole);
        return true;
    }
    if (key == "seed") {
        if (!parse_whole(value, 0, static_cast<long>(kMaxSeed), &whole))
            return fail("must be a whole number from 0 to 4294967295");
        view->seed = static_cast<std::uint64_t>(whole);
        return true;
    }
    if (key == "z") {
        if (!parse_finite(value, &number) || std::fabs(number) > kMaxChainZ) return fail("must be a number from -100 to 100");
        view->z = number;
        return true;
    }
    if (key == "sigma" || key == "a") {
        if (!parse_finite(value, &number) || number < kMinSpread || number > kMaxSpread)
            return fail("must be a number from 0.001 to 10");
        (key == "sigma" ? view->init.sigma : view->init.a) = number;
        return true;
    }
    if (key == "bias") {
        if (!parse_finite(value, &number) || std::fabs(number) > kMaxAbsBias) return fail("must be a number from -10 to 10");
        view->init.bias = number;
        return true;
    }
    if (key == "compare") {
        std::vector<GradientPair> pairs;
        for (const std::string& item : split_list(value)) {
            const auto plus = item.find('+');
            if (plus == std::string::npos) return fail("'" + quoted(item) + "' must be ACTIVATION+INIT, such as relu+he");
            const std::string id = trimmed(item.substr(0, plus)), init = trimmed(item.substr(plus + 1));
            GradientPair pair{core::activation_index(id), core::InitKind::He};
            if (pair.activation < 0) return fail("unknown activation '" + quoted(id) + "' (known: " + known_activation_ids() + ")");
            if (!find_gradient_init(init, &pair.init)) return fail("unknown init '" + quoted(init) + "' (" + kInitNames + ")");
            pairs.push_back(pair);
        }
        if (pairs.size() < static_cast<size_t>(kMinPairs) || pairs.size() > static_cast<size_t>(kMaxPairs))
            return fail("give 2 to 4 pairs separated by commas, such as relu+he,relu+lecun");
        view->compare = pairs;
        return true;
    }
    // <id>.<param>: the catalogue's own names and ranges
    int index = 0, slot = 0;
    error->clear();
    if (parse_activation_param(key, value, &index, &slot, &number, error)) {
        view->params[static_cast<size_t>(index)].v[slot] = number;
        return true;
    }
    if (!error->empty()) return false;
    *error = "unknown key '" + quoted(key) + "' (keys: activation, z, depth, width, batch, seed, init, sigma, a, bias, "
             "compare, and <activation>.<parameter> such as leaky_relu.alpha)";
    return false;
}

std::vector<KeyValue> gradient_keys(const GradientView& view) {
    std::vector<KeyValue> keys;
    keys.emplace_back("activation", core::activation(view.activation).id);
    keys.emplace_back("z", number_text(view.z));
    keys.emplace_back("depth", std::to_string(view.depth));
    keys.emplace_back("width", std::to_string(view.width));
    keys.emplace_back("batch", std::to_string(view.batch));
    keys.emplace_back("seed", std::to_string(view.seed));
    keys.emplace_back("init", core::init_name(view.init.kind));
    keys.emplace_back("sigma", number_text(view.init.sigma));
    keys.emplace_back("a", number_text(view.init.a));
    keys.emplace_back("bias", number_text(view.init.bias));
    std::string pairs;
    for (const GradientPair& p : view.compare)
        pairs += (pairs.empty() ? "" : ",") + std::string(core::activation(p.activation).id) + "+" + core::init_name(p.init);
    keys.emplace_back("compare", pairs);
    for (int i = 0; i < core::activation_count(); ++i) {
        const core::Activation& act = core::activation(i);
        for (int k = 0; k < act.param_count; ++k)
            keys.emplace_back(std::string(act.id) + "." + act.params[k].name,
                              number_text(view.params[static_cast<size_t>(i)].v[k]));
    }
    return keys;
}

bool gradient_plot_takes(GradientPlot plot, const std::string& key) {
    if (key.find('.') != std::string::npos || key == "depth") return true;
    if (key == "activation" || key == "z") return plot != GradientPlot::Compare;
    if (key == "compare") return plot == GradientPlot::Compare;
    if (key == "width" || key == "batch" || key == "seed" || key == "init" || key == "sigma" || key == "a" ||
        key == "bias")
        return plot != GradientPlot::Chain && (key != "init" || plot == GradientPlot::Flow);
    return false;
}

const char* gradient_plot_keys(GradientPlot plot) {
    switch (plot) {
        case GradientPlot::Chain: return "activation, z, depth and <activation>.<parameter>";
        case GradientPlot::Flow:
            return "activation, init, depth, width, batch, seed, sigma, a, bias, z and <activation>.<parameter>";
        case GradientPlot::Compare: return "compare, depth, width, batch, seed, sigma, a, bias and <activation>.<parameter>";
    }
    return "";
}

const char* gradient_keys_help(GradientPlot plot) {
    switch (plot) {
        case GradientPlot::Chain:
            return "  activation=sigmoid        the function (ids as in torch.nn.functional)\n"
                   "  <activation>.<param>=v    e.g. leaky_relu.alpha=0.1\n"
                   "  z=1                       the pre-activation every layer sees (-100 to 100; default 1;\n"
                   "                            z=0 gives sigmoid's best case, 0.25^k)\n"
                   "  depth=30                  layers, 1 to 100; CSV columns layers,product\n";
        case GradientPlot::Flow:
            return "  activation=relu           the hidden layers' function; <activation>.<param>=v as above\n"
                   "  init=he                   xavier, he, lecun, normal (sigma=1) or uniform (a=1)\n"
                   "  sigma=1  a=1  bias=0      normal's σ, uniform's half-width (0.001 to 10), the biases (-10 to 10)\n"
                   "  depth=30  width=256       hidden layers (1 to 100), units per layer (2 to 1024)\n"
                   "  batch=256  seed=1         inputs sent through (1 to 512), the random seed\n"
                   "  z=1                       where the chain view beside the network is taken (default 1)\n"
                   "                            CSV columns layer,grad_rms,act_mean,act_std,dead_fraction\n";
        case GradientPlot::Compare:
            return "  compare=relu+he,relu+lecun   2 to 4 pairs ACTIVATION+INIT, each its own line\n"
                   "  depth, width, batch, seed, sigma, a, bias   shared by the pairs, as for gradient-flow\n"
                   "                            CSV columns pair,layer,grad_rms,act_mean,act_std,dead_fraction\n";
    }
    return "";
}

}  // namespace actlab::app
