// The softmax lab's KEY=VALUE settings: one table, read for the command line and settings.json.
#include "app/figures/softmax_keys.h"

#include "core/softmax.h"

#include <cmath>
#include <optional>

namespace actlab::app {

namespace {

using View = SoftmaxView;
using Text = std::optional<std::string>;

constexpr size_t kMaxLabelLength = 24;
constexpr int kMinSweepSamples = 2;
constexpr int kMinDraws = 1;
constexpr int kSeedBits = 53;  // seeds up to 2^53, so every seed reads back exactly through a double
constexpr long kMaxDrawSeed = 1L << kSeedBits;

// The figures, one bit each, for Key::figures.
constexpr unsigned bit(SoftmaxPlot plot) { return 1u << static_cast<int>(plot); }
constexpr unsigned kSweeps = bit(SoftmaxPlot::Sweep) | bit(SoftmaxPlot::Entropy) | bit(SoftmaxPlot::SweepAndEntropy);
constexpr unsigned kFilters = bit(SoftmaxPlot::Filtered) | bit(SoftmaxPlot::Samples);

std::string temperature_range() {
    return "from " + range_text(core::kMinTemperature) + " to " + range_text(core::kMaxTemperature);
}
bool in_temperature_range(double t) { return t >= core::kMinTemperature && t <= core::kMaxTemperature; }

std::string joined(const std::vector<double>& values) {
    std::string s;
    for (double x : values) s += (s.empty() ? "" : ",") + number_text(x);
    return s;
}

// tmin= and tmax=
bool parse_sweep_end(const std::string& value, double* out, std::string* why) {
    double number = 0.0;
    if (!parse_finite(value, &number)) return refuse(why, "not a finite number");
    if (!(number > 0.0)) return refuse(why, "must be > 0 (the sweep's temperature axis is logarithmic)");
    if (!in_temperature_range(number)) return refuse(why, "must be " + temperature_range());
    *out = number;
    return true;
}

const KeyTable<View>& table() {
    static const KeyTable<View> keys = {{
        {"logits", "2,1,0.1",
         std::to_string(kMinClasses) + " to " + std::to_string(kMaxClasses) + " logits, each within ±" +
             range_text(kMaxAbsLogit),
         [](View& v, const std::string& value, std::string* why) {
             const std::string count = std::to_string(kMinClasses) + " to " + std::to_string(kMaxClasses);
             std::vector<double> logits;
             std::string bad;
             if (trimmed(value).empty())
                 return refuse(why, "give " + count + " logits separated by commas, such as logits=2,1,0.1");
             if (!parse_finite_list(value, &logits, &bad)) return refuse(why, "'" + quoted(bad) + "' is not a finite number");
             if (logits.size() < static_cast<size_t>(kMinClasses) || logits.size() > static_cast<size_t>(kMaxClasses))
                 return refuse(why, std::to_string(logits.size()) + (logits.size() == 1 ? " logit" : " logits") +
                                        ": softmax here takes " + count + " classes");
             for (double z : logits)
                 if (std::fabs(z) > kMaxAbsLogit)
                     return refuse(why, "logits must be within ±" + range_text(kMaxAbsLogit) + " (" + number_text(z) +
                                            " is not)");
             v.logits = logits;
             // labels follow the class count: the ones there are stay, new classes get default names
             v.labels.resize(logits.size());
             return true;
         },
         [](const View& v) -> Text { return joined(v.logits); }},
        {"labels", "cat,dog,bird", "a name per class (default A, B, C, ...)",
         [](View& v, const std::string& value, std::string* why) {
             std::vector<std::string> labels = split_list(value);
             for (const std::string& l : labels)
                 if (l.size() > kMaxLabelLength)
                     return refuse(why, "a label has at most " + std::to_string(kMaxLabelLength) + " characters ('" +
                                            quoted(l) + "' has more)");
             if (labels.size() > static_cast<size_t>(kMaxClasses))
                 return refuse(why, "at most " + std::to_string(kMaxClasses) + " labels, one per class");
             v.labels = labels;
             return true;
         },
         [](const View& v) -> Text {
             std::string labels;
             for (size_t i = 0; i < v.labels.size(); ++i) labels += (i ? "," : "") + v.labels[i];
             return labels;
         }},
        {"temperature", "0.5,1,2",
         "temperatures " + temperature_range() + ": softmax compares up to " + std::to_string(kMaxTemperatures) +
             " (one set of bars each);\nthe other plots take one (softmax-sweep marks it)",
         [](View& v, const std::string& value, std::string* why) {
             std::vector<double> ts;
             std::string bad;
             if (trimmed(value).empty())
                 return refuse(why, "give a temperature, or up to " + std::to_string(kMaxTemperatures) +
                                        " separated by commas");
             if (!parse_finite_list(value, &ts, &bad)) return refuse(why, "'" + quoted(bad) + "' is not a finite number");
             if (ts.size() > static_cast<size_t>(kMaxTemperatures))
                 return refuse(why, "at most " + std::to_string(kMaxTemperatures) + " temperatures at once");
             for (double t : ts) {
                 if (!(t > 0.0))
                     return refuse(why, "a temperature must be > 0 (" + number_text(t) +
                                            " is not; T → 0 is the one-hot limit, which the sweep plot shows)");
                 if (!in_temperature_range(t))
                     return refuse(why, "temperatures must be " + temperature_range() + " (" + number_text(t) + " is not)");
             }
             v.temperatures = ts;
             return true;
         },
         [](const View& v) -> Text { return joined(v.temperatures); }, ~bit(SoftmaxPlot::Logits)},
        {"tmin", "0.01", "the sweep's lowest temperature (the sweep is log-spaced, both ends included)",
         [](View& v, const std::string& value, std::string* why) { return parse_sweep_end(value, &v.t_min, why); },
         [](const View& v) -> Text { return number_text(v.t_min); }, kSweeps},
        {"tmax", "100", "its highest",
         [](View& v, const std::string& value, std::string* why) { return parse_sweep_end(value, &v.t_max, why); },
         [](const View& v) -> Text { return number_text(v.t_max); }, kSweeps},
        {"samples", "200", "temperatures in the sweep (CSV rows per class)",
         [](View& v, const std::string& value, std::string* why) {
             return int_in_range(value, kMinSweepSamples, kMaxSweepSamples, &v.sweep_samples, why);
         },
         [](const View& v) -> Text { return std::to_string(v.sweep_samples); }, kSweeps},
        {"topk", "0", "keep the k most likely classes (0: off)",
         [](View& v, const std::string& value, std::string* why) {
             long whole = 0;
             if (!parse_whole(value, 0, kMaxClasses, &whole))
                 return refuse(why, "must be a whole number from 0 (off) to " + std::to_string(kMaxClasses));
             v.top_k = static_cast<int>(whole);
             return true;
         },
         [](const View& v) -> Text { return std::to_string(v.top_k); }, kFilters},
        {"topp", "1", "keep the most likely classes until they hold p (1: off)",
         [](View& v, const std::string& value, std::string* why) {
             double number = 0.0;
             if (!parse_finite(value, &number) || !(number > 0.0) || number > 1.0)
                 return refuse(why, "must be a number above 0 and at most 1 (1: off)");
             v.top_p = number;
             return true;
         },
         [](const View& v) -> Text { return number_text(v.top_p); }, kFilters},
        {"draws", "1000", "samples in the histogram of draws",
         [](View& v, const std::string& value, std::string* why) {
             return int_in_range(value, kMinDraws, kMaxDraws, &v.draws, why);
         },
         [](const View& v) -> Text { return std::to_string(v.draws); }, bit(SoftmaxPlot::Samples)},
        {"seed", "1", "the draws' random seed",
         [](View& v, const std::string& value, std::string* why) {
             long whole = 0;
             if (!parse_whole(value, 0, kMaxDrawSeed, &whole))
                 return refuse(why, "must be a whole number from 0 to 2^" + std::to_string(kSeedBits));
             v.seed = static_cast<unsigned long long>(whole);
             return true;
         },
         [](const View& v) -> Text { return std::to_string(v.seed); }, bit(SoftmaxPlot::Samples)},
    }};
    return keys;
}

}  // namespace

const KeyTable<SoftmaxView>& softmax_key_table() { return table(); }

bool apply_softmax_key(SoftmaxView* view, const std::string& key, const std::string& value, std::string* error) {
    return apply_key(table(), view, key, value, error);
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

std::vector<KeyValue> softmax_keys(const SoftmaxView& view) { return write_keys(table(), view); }

const char* softmax_keys_help() {
    static const std::string help =
        key_help(table()) +
        "  CSV columns: temperature,class,logit,prob,entropy (one row per temperature and class)\n";
    return help.c_str();
}

bool softmax_plot_takes(SoftmaxPlot plot, const std::string& key) {
    const Key<SoftmaxView>* k = find_key(table(), key);
    return k && (k->figures & bit(plot));
}

const char* softmax_plot_keys(SoftmaxPlot plot) {
    static const std::string names[] = {key_names(table(), bit(SoftmaxPlot::Probabilities)),
                                        key_names(table(), bit(SoftmaxPlot::Logits)),
                                        key_names(table(), bit(SoftmaxPlot::Sweep)),
                                        key_names(table(), bit(SoftmaxPlot::Entropy)),
                                        key_names(table(), bit(SoftmaxPlot::Filtered)),
                                        key_names(table(), bit(SoftmaxPlot::Samples)),
                                        key_names(table(), bit(SoftmaxPlot::SweepAndEntropy))};
    return names[static_cast<int>(plot)].c_str();
}

namespace {

// "  logits=  labels=  tmin=   as for softmax (above)": the plot's keys but temperature, which each
// plot says in its own words.
std::string as_above(SoftmaxPlot plot) {
    std::string line = " ";
    for (const Key<SoftmaxView>& k : table().keys)
        if ((k.figures & bit(plot)) && std::string(k.name) != "temperature") line += " " + std::string(k.name) + "= ";
    return line + "  as for softmax (above)\n";
}

}  // namespace

const char* softmax_plot_help(SoftmaxPlot plot) {
    static const std::string logits = as_above(SoftmaxPlot::Logits) + "  CSV columns: class,label,logit\n";
    static const std::string sweep =
        as_above(SoftmaxPlot::SweepAndEntropy) +
        "  temperature=0.5           one temperature, marked on both plots\n"
        "  CSV columns: temperature,class,logit,prob,entropy (one row per temperature and class)\n";
    static const std::string filtered = as_above(SoftmaxPlot::Filtered) +
                                        "  temperature=1             one temperature: the softmax that is filtered\n"
                                        "  CSV columns: class,label,logit,prob,filtered,kept\n";
    static const std::string samples =
        as_above(SoftmaxPlot::Samples) +
        "  temperature=1             one temperature: the softmax that is drawn from\n"
        "  CSV columns: class,label,prob,count,frequency (prob: after top-k / top-p)\n";
    switch (plot) {
        case SoftmaxPlot::Logits: return logits.c_str();
        case SoftmaxPlot::Sweep:
        case SoftmaxPlot::Entropy:
        case SoftmaxPlot::SweepAndEntropy: return sweep.c_str();
        case SoftmaxPlot::Filtered: return filtered.c_str();
        case SoftmaxPlot::Samples: return samples.c_str();
        case SoftmaxPlot::Probabilities: break;
    }
    return "";
}

}  // namespace actlab::app
