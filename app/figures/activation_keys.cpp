// The activation figure's KEY=VALUE settings: parsed for the command line and settings.json.
#include "app/figures/activation_keys.h"

#include "app/figures/keys.h"

#include <algorithm>
#include <cmath>

namespace actlab::app {

namespace {


}  // namespace

bool apply_activation_key(ActivationView* view, const std::string& key, const std::string& value, std::string* error) {
    auto fail = [&](const std::string& why) {
        *error = key_error(key, value, why);
        return false;
    };
    double number = 0.0;
    if (key == "functions") {
        std::vector<int> functions;
        for (const std::string& id : split_list(value)) {
            const int index = core::activation_index(id);
            if (index < 0) return fail("unknown function '" + quoted(id) + "' (known: " + known_activation_ids() + ")");
            if (std::find(functions.begin(), functions.end(), index) != functions.end())
                return fail("'" + quoted(id) + "' is listed twice");
            functions.push_back(index);
        }
        view->functions = functions;  // may be empty: the window can show none (export needs one)
        return true;
    }
    if (key == "curves") {
        bool f = false, df = false;
        for (const std::string& item : split_list(value)) {
            if (item == "f") f = true;
            else if (item == "df") df = true;
            else return fail("curves are 'f', 'df' or 'f,df'");
        }
        if (!f && !df) return fail("curves are 'f', 'df' or 'f,df'");
        view->show_f = f;
        view->show_df = df;
        return true;
    }
    if (key == "xmin" || key == "xmax") {
        if (!parse_finite(value, &number)) return fail("not a finite number");
        if (std::fabs(number) > kMaxAbsX) return fail("must be within ±1e6");
        (key == "xmin" ? view->x_min : view->x_max) = number;
        return true;
    }
    if (key == "samples") {
        if (!parse_finite(value, &number) || number != std::floor(number) || number < 2 || number > kMaxSamples)
            return fail("must be a whole number from 2 to " + std::to_string(kMaxSamples));
        view->samples = static_cast<int>(number);
        return true;
    }
    if (key == "x") {
        std::vector<double> xs;
        for (const std::string& item : split_list(value)) {
            double v = 0.0;
            if (!parse_finite(item, &v)) return fail("'" + quoted(item) + "' is not a finite number");
            xs.push_back(v);
        }
        if (xs.empty() || static_cast<int>(xs.size()) > kMaxSamples)
            return fail("give 1 to " + std::to_string(kMaxSamples) + " numbers separated by commas");
        view->x_points = xs;
        return true;
    }
    if (key == "probe") {
        if (value == "off") {
            view->show_probe = false;
            return true;
        }
        if (!parse_finite(value, &number)) return fail("a finite number, or 'off'");
        view->probe_x = number;
        view->show_probe = true;
        return true;
    }
    if (key == "focus") {
        const int index = core::activation_index(value);
        if (index < 0) return fail("unknown function (known: " + known_activation_ids() + ")");
        view->focus = index;
        return true;
    }
    if (key == "shade") {
        bool sat = false, dead = false;
        if (value != "none") {
            for (const std::string& item : split_list(value)) {
                if (item == "saturation") sat = true;
                else if (item == "dead") dead = true;
                else return fail("shade is 'saturation', 'dead', 'saturation,dead' or 'none'");
            }
        }
        view->shade_saturation = sat;
        view->shade_dead = dead;
        return true;
    }
    if (key == "yscale") {
        if (value != "linear" && value != "log") return fail("yscale is 'linear' or 'log' (log shows |f| and |f'|)");
        view->log_y = value == "log";
        return true;
    }
    if (key == "threshold") {
        if (!parse_finite(value, &number) || number < kMinThreshold || number > kMaxThreshold)
            return fail("must be from 0.001 to 1");
        view->saturation_threshold = number;
        return true;
    }
    // <id>.<param>: the catalogue's own names and ranges
    int index = 0, slot = 0;
    error->clear();
    if (parse_activation_param(key, value, &index, &slot, &number, error)) {
        view->params[index].v[slot] = number;
        return true;
    }
    if (!error->empty()) return false;
    *error = "unknown key '" + quoted(key) + "' (keys: functions, curves, xmin, xmax, samples, x, probe, focus, shade, "
             "threshold, yscale, and <function>.<parameter> such as leaky_relu.alpha)";
    return false;
}

bool check_activation_range(const ActivationView& view, std::string* error) {
    if (!(view.x_min < view.x_max)) {
        *error = "xmin (" + number_text(view.x_min) + ") must be less than xmax (" + number_text(view.x_max) + ")";
        return false;
    }
    return true;
}

std::vector<std::pair<std::string, std::string>> activation_keys(const ActivationView& view) {
    std::vector<std::pair<std::string, std::string>> keys;
    std::string functions;
    for (int index : view.functions) functions += (functions.empty() ? "" : ",") + std::string(core::activation(index).id);
    keys.emplace_back("functions", functions);
    keys.emplace_back("curves", view.show_f && view.show_df ? "f,df" : view.show_f ? "f" : "df");
    keys.emplace_back("xmin", number_text(view.x_min));
    keys.emplace_back("xmax", number_text(view.x_max));
    keys.emplace_back("samples", std::to_string(view.samples));
    if (!view.x_points.empty()) {
        std::string xs;
        for (double x : view.x_points) xs += (xs.empty() ? "" : ",") + number_text(x);
        keys.emplace_back("x", xs);
    }
    keys.emplace_back("probe", view.show_probe ? number_text(view.probe_x) : "off");
    if (view.focus >= 0) keys.emplace_back("focus", core::activation(view.focus).id);
    std::string shade = view.shade_saturation && view.shade_dead ? "saturation,dead"
                        : view.shade_saturation                  ? "saturation"
                        : view.shade_dead                        ? "dead"
                                                                 : "none";
    keys.emplace_back("shade", shade);
    keys.emplace_back("threshold", number_text(view.saturation_threshold));
    keys.emplace_back("yscale", view.log_y ? "log" : "linear");
    for (int i = 0; i < core::activation_count(); ++i) {
        const core::Activation& act = core::activation(i);
        for (int k = 0; k < act.param_count; ++k)
            keys.emplace_back(std::string(act.id) + "." + act.params[k].name, number_text(view.params[i].v[k]));
    }
    return keys;
}

const char* activation_keys_help() {
    return "  functions=relu,gelu,...   which functions (ids as in torch.nn.functional)\n"
           "  curves=f,df               draw f, f' (dashed) or both\n"
           "  xmin=-5 xmax=5            the x range\n"
           "  samples=801               points per curve (CSV rows per function)\n"
           "  x=-2,-1,0,1,2             exact x values for the CSV (instead of a sweep)\n"
           "  <function>.<param>=value  e.g. leaky_relu.alpha=0.1, swish.beta=2, elu.alpha=0.5\n"
           "  probe=1.5|off             the marked x with a dot on each curve\n"
           "  focus=relu                the function whose zones are shaded\n"
           "  shade=saturation,dead|none   threshold=0.05   shade where |f'| < threshold / f' = 0\n"
           "  yscale=linear|log         log shows |f| and |f'| on a log axis: how fast the tails vanish\n";
}

}  // namespace actlab::app
