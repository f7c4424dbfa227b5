// The softmax lab's KEY=VALUE settings: parsed for the command line and settings.json.
#include "app/figures/softmax_keys.h"

#include "app/figures/keys.h"

#include <cmath>

namespace actlab::app {

namespace {

constexpr size_t kMaxLabelLength = 24;

bool in_temperature_range(double t) { return t >= core::kMinTemperature && t <= core::kMaxTemperature; }

}  // namespace

bool apply_softmax_key(SoftmaxView* view, const std::string& key, const std::string& value, std::string* error) {
    auto fail = [&](const std::string& why) {
        *error = key_error(key, value, why);
        return false;
    };
    double number = 0.0;
    long whole = 0;
    if (key == "logits") {
        std::vector<double> logits;
        std::string bad;
        if (trimmed(value).empty()) return fail("give 2 to 12 logits separated by commas, such as logits=2,1,0.1");
        if (!parse_finite_list(value, &logits, &bad)) return fail("'" + quoted(bad) + "' is not a finite number");
        if (logits.size() < static_cast<size_t>(kMinClasses) || logits.size() > static_cast<size_t>(kMaxClasses))
            return fail(std::to_string(logits.size()) + (logits.size() == 1 ? " logit" : " logits") +
                        ": softmax here takes 2 to 12 classes");
        for (double z : logits)
            if (std::fabs(z) > kMaxAbsLogit) return fail("logits must be within ±10000 (" + number_text(z) + " is not)");
        view->logits = logits;
        // labels follow the class count: the ones there are stay, new classes get default names
        view->labels.resize(logits.size());
        return true;
    }
    if (key == "labels") {
        std::vector<std::string> labels = split_list(value);
        for (const std::string& l : labels)
            if (l.size() > kMaxLabelLength) return fail("a label has at most 24 characters ('" + quoted(l) + "' has more)");
        if (labels.size() > static_cast<size_t>(kMaxClasses)) return fail("at most 12 labels, one per class");
        view->labels = labels;
        return true;
    }
    if (key == "temperature") {
        std::vector<double> ts;
        std::string bad;
        if (trimmed(value).empty()) return fail("give a temperature, or up to 10 separated by commas");
        if (!parse_finite_list(value, &ts, &bad)) return fail("'" + quoted(bad) + "' is not a finite number");
        if (ts.size() > static_cast<size_t>(kMaxTemperatures)) return fail("at most 10 temperatures at once");
        for (double t : ts) {
            if (!(t > 0.0))
                return fail("a temperature must be > 0 (" + number_text(t) +
                            " is not; T → 0 is the one-hot limit, which the sweep plot shows)");
            if (!in_temperature_range(t)) return fail("temperatures must be from 0.001 to 1000 (" + number_text(t) + " is not)");
        }
        view->temperatures = ts;
        return true;
    }
    if (key == "tmin" || key == "tmax") {
        if (!parse_finite(value, &number)) return fail("not a finite number");
        if (!(number > 0.0)) return fail("must be > 0 (the sweep's temperature axis is logarithmic)");
        if (!in_temperature_range(number)) return fail("must be from 0.001 to 1000");
        (key == "tmin" ? view->t_min : view->t_max) = number;
        return true;
    }
    if (key == "samples") {
        if (!parse_whole(value, 2, kMaxSweepSamples, &whole)) return fail("must be a whole number from 2 to 10000");
        view->sweep_samples = static_cast<int>(whole);
        return true;
    }
    if (key == "topk") {
        if (!parse_whole(value, 0, kMaxClasses, &whole)) return fail("must be a whole number from 0 (off) to 12");
        view->top_k = static_cast<int>(whole);
        return true;
    }
    if (key == "topp") {
        if (!parse_finite(value, &number) || !(number > 0.0) || number > 1.0)
            return fail("must be a number above 0 and at most 1 (1: off)");
        view->top_p = number;
        return true;
    }
    if (key == "draws") {
        if (!parse_whole(value, 1, kMaxDraws, &whole)) return fail("must be a whole number from 1 to 100000");
        view->draws = static_cast<int>(whole);
        return true;
    }
    if (key == "seed") {
        // up to 2^53, so every seed reads back exactly through a double
        if (!parse_whole(value, 0, 9007199254740992L, &whole)) return fail("must be a whole number from 0 to 2^53");
        view->seed = static_cast<unsigned long long>(whole);
        return true;
    }
    *error = "unknown key '" + quoted(key) + "' (keys: logits, labels, temperature, tmin, tmax, samples, topk, topp, draws, seed)";
    return false;
}

bool check_softmax_view(const SoftmaxView& view, std::string* error) {
    if (!(view.t_min < view.t_max)) {
        *error = "tmin (" + number_text(view.t_min) + ") must be less than tmax (" + number_text(view.t_max) + ")";
        return false;
    }
    if (view.labels.size() != view.logits.size()) {
        *error = "labels= names " + std::to_string(view.labels.size()) + " classes, but logits= gives " +
                 std::to_string(view.logits.size());
        return false;
    }
    if (view.top_k > view.classes()) {
        *error = "topk (" + std::to_string(view.top_k) + ") is more than the " + std::to_string(view.classes()) +
                 " classes (0 turns it off)";
        return false;
    }
    return true;
}

std::vector<std::pair<std::string, std::string>> softmax_keys(const SoftmaxView& view) {
    auto join = [](const std::vector<double>& v) {
        std::string s;
        for (double x : v) s += (s.empty() ? "" : ",") + number_text(x);
        return s;
    };
    std::string labels;
    for (size_t i = 0; i < view.labels.size(); ++i) labels += (i ? "," : "") + view.labels[i];
    return {{"logits", join(view.logits)},
            {"labels", labels},
            {"temperature", join(view.temperatures)},
            {"tmin", number_text(view.t_min)},
            {"tmax", number_text(view.t_max)},
            {"samples", std::to_string(view.sweep_samples)},
            {"topk", std::to_string(view.top_k)},
            {"topp", number_text(view.top_p)},
            {"draws", std::to_string(view.draws)},
            {"seed", std::to_string(view.seed)}};
}

const char* softmax_keys_help() {
    return "  logits=2,1,0.1            2 to 12 logits, each within ±10000\n"
           "  labels=cat,dog,bird       a name per class (default A, B, C, ...)\n"
           "  temperature=0.5,1,2       1 to 10 temperatures from 0.001 to 1000 (softmax: one set of bars each;\n"
           "                            softmax-sweep: the first is marked)\n"
           "  tmin=0.01 tmax=100        the sweep's range, log-spaced, both ends included\n"
           "  samples=200               temperatures in the sweep (CSV rows per class)\n"
           "  topk=0 topp=1             top-k / top-p filters (0 and 1: off): softmax-filter, softmax-samples\n"
           "  draws=1000 seed=1         the histogram of draws: softmax-samples\n"
           "  CSV columns: temperature,class,logit,prob,entropy (one row per temperature and class)\n";
}

bool softmax_plot_takes(SoftmaxPlot plot, const std::string& key) {
    if (key == "logits" || key == "labels") return true;
    if (key == "temperature") return plot != SoftmaxPlot::Logits;
    if (key == "tmin" || key == "tmax" || key == "samples")
        return plot == SoftmaxPlot::Sweep || plot == SoftmaxPlot::Entropy || plot == SoftmaxPlot::SweepAndEntropy;
    if (key == "topk" || key == "topp") return plot == SoftmaxPlot::Filtered || plot == SoftmaxPlot::Samples;
    if (key == "draws" || key == "seed") return plot == SoftmaxPlot::Samples;
    return false;
}

const char* softmax_plot_keys(SoftmaxPlot plot) {
    switch (plot) {
        case SoftmaxPlot::Probabilities: return "logits, labels and temperature";
        case SoftmaxPlot::Logits: return "logits and labels";
        case SoftmaxPlot::Sweep:
        case SoftmaxPlot::Entropy:
        case SoftmaxPlot::SweepAndEntropy: return "logits, labels, temperature, tmin, tmax and samples";
        case SoftmaxPlot::Filtered: return "logits, labels, temperature, topk and topp";
        case SoftmaxPlot::Samples: return "logits, labels, temperature, topk, topp, draws and seed";
    }
    return "";
}

const char* softmax_plot_help(SoftmaxPlot plot) {
    switch (plot) {
        case SoftmaxPlot::Logits:
            return "  logits=  labels=          as for softmax (above)\n"
                   "  CSV columns: class,label,logit\n";
        case SoftmaxPlot::Sweep:
        case SoftmaxPlot::Entropy:
        case SoftmaxPlot::SweepAndEntropy:
            return "  logits=  labels=  tmin=  tmax=  samples=   as for softmax (above)\n"
                   "  temperature=0.5           one temperature, marked on both plots\n"
                   "  CSV columns: temperature,class,logit,prob,entropy (one row per temperature and class)\n";
        case SoftmaxPlot::Filtered:
            return "  logits=  labels=  topk=  topp=   as for softmax (above)\n"
                   "  temperature=1             one temperature: the softmax that is filtered\n"
                   "  CSV columns: class,label,logit,prob,filtered,kept\n";
        case SoftmaxPlot::Samples:
            return "  logits=  labels=  topk=  topp=  draws=  seed=   as for softmax (above)\n"
                   "  temperature=1             one temperature: the softmax that is drawn from\n"
                   "  CSV columns: class,label,prob,count,frequency (prob: after top-k / top-p)\n";
        case SoftmaxPlot::Probabilities: break;
    }
    return "";
}

}  // namespace actlab::app
