#include "app/figures/playground_link.h"

#include "app/figures/playground_keys.h"
#include "app/figures/training_keys.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace actlab::app {

namespace {

constexpr const char* kExample = "https://playground.tensorflow.org/#activation=tanh&dataset=circle&…";
constexpr const char* kHost = "playground.tensorflow.org";

// Playground's points (NUM_SAMPLES_CLASSIFY and NUM_SAMPLES_REGRESS in its playground.ts).
constexpr int kClassifyPoints = 500;
constexpr int kRegressPoints = 1200;

struct Name {
    const char* playground;
    const char* actlab;
};
constexpr Name kDatasets[] = {{"circle", "circle"}, {"xor", "xor"}, {"gauss", "gauss"}, {"spiral", "spiral"}};
constexpr Name kRegDatasets[] = {{"reg-plane", "plane"}, {"reg-gauss", "multigauss"}};
constexpr Name kActivations[] = {{"relu", "relu"}, {"tanh", "tanh"}, {"sigmoid", "sigmoid"}, {"linear", "identity"}};
constexpr Name kRegularizations[] = {{"none", "none"}, {"L1", "l1"}, {"L2", "l2"}};
// The input features, in actlab's order, with Playground's default.
struct FeatureName {
    const char* playground;
    const char* actlab;
    bool on;  // Playground's default
};
constexpr FeatureName kFeatures[] = {{"x", "x1", true},          {"y", "x2", true},      {"xSquared", "x1sq", false},
                                     {"ySquared", "x2sq", false}, {"xTimesY", "x1x2", false}, {"sinX", "sinx1", false},
                                     {"sinY", "sinx2", false}};
// Fields that only change Playground's page.
constexpr const char* kPageFields[] = {"hideText", "collectStats", "tutorial"};

template <size_t N>
std::string names_of(const Name (&names)[N]) {
    std::vector<std::string> out;
    for (const Name& n : names) out.push_back(n.playground);
    return joined_names(out);
}

template <size_t N>
const char* find_name(const Name (&names)[N], const std::string& value) {
    for (const Name& n : names)
        if (value == n.playground) return n.actlab;
    return nullptr;
}

bool fail(std::string* error, const std::string& why) {
    *error = why;
    return false;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// %2C → ','; false on a '%' without two hex digits after it.
bool percent_decoded(const std::string& text, std::string* out) {
    out->clear();
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            *out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return false;
        const int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
        if (hi < 0 || lo < 0) return false;
        *out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The fragment of a Playground link (after '#'), or false with *error.
bool link_fragment(const std::string& text, std::string* fragment, std::string* error) {
    // a copied address may end in a line break
    const size_t first = text.find_first_not_of(" \t\r\n"), last = text.find_last_not_of(" \t\r\n");
    const std::string link = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    if (link.empty()) return fail(error, std::string("There is no link: paste one such as ") + kExample + ".");
    for (unsigned char c : link)
        if (c <= ' ' || c == 0x7f)
            return fail(error, "'" + quoted(link) + "' is not a link: a link is one line with no spaces.");
    const size_t hash = link.find('#');
    std::string before = link.substr(0, hash == std::string::npos ? link.size() : hash);
    if (!before.empty()) {
        const std::string scheme_less = lower(before);
        size_t at = 0;
        if (scheme_less.rfind("https://", 0) == 0) at = 8;
        else if (scheme_less.rfind("http://", 0) == 0) at = 7;
        else if (scheme_less.find("://") != std::string::npos)
            return fail(error, "'" + quoted(link) + "' is not a TensorFlow Playground link (" + kExample + ").");
        const size_t end = scheme_less.find_first_of("/?", at);
        const std::string host = scheme_less.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (host != kHost)
            return fail(error, "'" + quoted(link) + "' is not a TensorFlow Playground link: its site is '" + quoted(host) +
                                   "', not " + kHost + " (" + kExample + ").");
    }
    if (hash == std::string::npos || hash + 1 == link.size())
        return fail(error, "The link has no settings: Playground puts them after '#' (" + std::string(kExample) +
                               "). Copy the address from Playground's page once it shows the set-up.");
    *fragment = link.substr(hash + 1);
    return true;
}

bool known_field(const std::string& name) {
    static const char* const fields[] = {"activation", "regularization", "batchSize", "dataset", "regDataset",
                                         "learningRate", "regularizationRate", "noise", "networkShape", "seed",
                                         "showTestData", "discretize", "percTrainData", "x", "y", "xTimesY",
                                         "xSquared", "ySquared", "cosX", "sinX", "cosY", "sinY", "collectStats",
                                         "tutorial", "problem", "initZero", "hideText"};
    for (const char* f : fields)
        if (name == f) return true;
    return false;
}

// How playground_link_seed reads a seed: as a whole number, as Playground's "0.DDDDD", or hashed.
enum class SeedForm { Whole, Fraction, Hash };
SeedForm seed_form(const std::string& seed) {
    const bool digits = !seed.empty() && seed.find_first_not_of("0123456789") == std::string::npos;
    if (digits && seed.size() <= 10 && std::stoull(seed) <= 4294967295ull) return SeedForm::Whole;
    // up to 9 digits after the point, so that they fit in 32 bits
    if (seed.size() > 2 && seed.size() <= 11 && seed.compare(0, 2, "0.") == 0 &&
        seed.find_first_not_of("0123456789", 2) == std::string::npos)
        return SeedForm::Fraction;
    return SeedForm::Hash;
}

}  // namespace

std::uint64_t playground_link_seed(const std::string& seed) {
    const SeedForm form = seed_form(seed);
    if (form == SeedForm::Whole) return std::stoull(seed);
    if (form == SeedForm::Fraction) return std::stoull(seed.substr(2));
    std::uint32_t h = 2166136261u;  // FNV-1a, 32 bits
    for (unsigned char c : seed) h = (h ^ c) * 16777619u;
    return h;
}

bool parse_playground_link(const std::string& text, PlaygroundLink* out, std::string* error) {
    std::string fragment;
    if (!link_fragment(text, &fragment, error)) return false;
    // field → value, the last of a name winning as in Playground's own reading
    std::map<std::string, std::string> map;
    std::vector<std::string> unknown, page, bare;
    size_t start = 0;
    while (start <= fragment.size()) {
        const size_t amp = std::min(fragment.find('&', start), fragment.size());
        const std::string part = fragment.substr(start, amp - start);
        start = amp + 1;
        if (part.empty()) continue;
        const size_t eq = part.find('=');
        std::string name, value;
        if (!percent_decoded(part.substr(0, eq), &name) ||
            (eq != std::string::npos && !percent_decoded(part.substr(eq + 1), &value)))
            return fail(error, "The link's '" + quoted(part) + "' has a '%' that is not followed by two hex digits.");
        if (eq == std::string::npos) {
            bare.push_back(quoted(name));  // as said in a note: one line, not too long
            continue;
        }
        if (ends_with(name, "_hide") || std::find(std::begin(kPageFields), std::end(kPageFields), name) != std::end(kPageFields)) {
            if (std::find(page.begin(), page.end(), quoted(name)) == page.end()) page.push_back(quoted(name));
            continue;
        }
        if (!known_field(name)) {
            if (std::find(unknown.begin(), unknown.end(), quoted(name)) == unknown.end()) unknown.push_back(quoted(name));
            continue;
        }
        map[name] = value;
    }
    if (map.empty())
        return fail(error, "The link holds none of TensorFlow Playground's settings (activation, dataset, networkShape, …): "
                           "it is not a Playground link, or it was cut short.");

    PlaygroundLink link;
    const auto set = [&](const char* key, const std::string& value, const std::string& field) {
        link.keys.emplace_back(key, value);
        link.fields.push_back(field);
    };
    // A value given (Playground's own rule: an empty or blank value is the default).
    const auto given = [&](const std::string& name) {
        const auto it = map.find(name);
        return it != map.end() && !trimmed(it->second).empty();
    };
    const auto value_of = [&](const std::string& name) { return trimmed(map.at(name)); };
    const auto flag = [&](const std::string& name, bool fallback, bool* on) {
        if (!given(name)) {
            *on = fallback;
            return true;
        }
        const std::string v = value_of(name);
        if (v != "true" && v != "false") return fail(error, "The link's " + name + "=" + quoted(v) + " must be true or false.");
        *on = v == "true";
        return true;
    };

    bool regression = false;
    if (given("problem")) {
        const std::string v = value_of("problem");
        if (v != "classification" && v != "regression")
            return fail(error, "The link's problem=" + quoted(v) + " is not one of Playground's problems (classification or regression).");
        regression = v == "regression";
    }
    // the dataset the problem reads; the other one is unused, as on Playground
    const std::string data_field = regression ? "regDataset" : "dataset";
    const char* dataset = regression ? "plane" : "circle";  // Playground's defaults
    if (given(data_field)) {
        const std::string v = value_of(data_field);
        dataset = regression ? find_name(kRegDatasets, v) : find_name(kDatasets, v);
        if (!dataset)
            return fail(error, "The link's " + data_field + "=" + quoted(v) + " is not one of Playground's " +
                                   (regression ? "regression datasets (" + names_of(kRegDatasets) + ")"
                                               : "classification datasets (" + names_of(kDatasets) + ")") +
                                   ".");
    }
    set("dataset", dataset, data_field);
    set("points", std::to_string(regression ? kRegressPoints : kClassifyPoints), "problem");
    set("noise", given("noise") ? value_of("noise") : "0", "noise");
    set("split", given("percTrainData") ? value_of("percTrainData") : "50", "percTrainData");

    if (given("seed")) {
        const std::string v = value_of("seed");
        const std::uint64_t seed = playground_link_seed(v);
        set("seed", std::to_string(seed), "seed");
        const SeedForm form = seed_form(v);
        link.notes.push_back("actlab's seed is a whole number: seed=" + std::to_string(seed) +
                             (form == SeedForm::Whole      ? " is Playground's seed as it is"
                              : form == SeedForm::Fraction ? " is the digits after the point of Playground's seed " + v
                                                           : " is a hash of Playground's seed '" + quoted(v) + "'") +
                             ", so the link gives the same run every time; the points are actlab's own draw of the dataset, "
                             "not Playground's.");
    } else {
        link.notes.push_back("The link has no seed (Playground would draw one at random): seed=1.");
    }

    std::string features;
    for (const FeatureName& f : kFeatures) {
        bool on = false;
        if (!flag(f.playground, f.on, &on)) return false;
        if (on) features += (features.empty() ? "" : ",") + std::string(f.actlab);
    }
    std::vector<std::string> cosines;
    for (const char* f : {"cosX", "cosY"}) {
        bool on = false;
        if (!flag(f, false, &on)) return false;
        if (on) cosines.push_back(f);
    }
    if (!cosines.empty())
        link.notes.push_back("No counterpart in actlab: the input " + joined_names(cosines) +
                             " (actlab's inputs are x1, x2, x1², x2², x1x2, sin x1 and sin x2); the network gets the others.");
    if (features.empty())
        return fail(error, "The link gives the network no input actlab has" +
                               std::string(cosines.empty() ? "" : " (" + joined_names(cosines) + " has no counterpart)") +
                               ": turn on x, y, xSquared, ySquared, xTimesY, sinX or sinY.");
    set("features", features, "x, y, …");

    // networkShape: present and empty is no hidden layer (Playground's "parseArray")
    std::string layers = "4,2";
    if (map.count("networkShape")) layers = trimmed(map.at("networkShape")).empty() ? "none" : value_of("networkShape");
    set("layers", layers, "networkShape");
    const char* activation = "tanh";
    if (given("activation")) {
        const std::string v = value_of("activation");
        activation = find_name(kActivations, v);
        if (!activation)
            return fail(error, "The link's activation=" + quoted(v) + " is not one of Playground's activations (" +
                                   names_of(kActivations) + ").");
    }
    set("activation", activation, "activation");
    set("output", regression ? "identity" : "tanh", "problem");
    set("loss", "mse", "problem");
    set("optimizer", "sgd", "learningRate");
    set("lr", given("learningRate") ? value_of("learningRate") : "0.03", "learningRate");
    set("batch", given("batchSize") ? value_of("batchSize") : "10", "batchSize");
    const char* reg = "none";
    if (given("regularization")) {
        const std::string v = value_of("regularization");
        reg = find_name(kRegularizations, v);
        if (!reg)
            return fail(error, "The link's regularization=" + quoted(v) + " is not one of Playground's (" +
                                   names_of(kRegularizations) + ").");
    }
    set("reg", reg, "regularization");
    set("reg_rate", given("regularizationRate") ? value_of("regularizationRate") : "0", "regularizationRate");
    bool zero = false;
    if (!flag("initZero", false, &zero)) return false;
    set("init", "playground", "initZero");
    if (zero)
        link.notes.push_back("No counterpart in actlab: initZero=true (every weight 0); actlab starts from Playground's "
                             "random weights (init=playground).");

    bool show_test = false, discrete = false;
    if (!flag("showTestData", false, &show_test) || !flag("discretize", false, &discrete)) return false;
    set("show_test", show_test ? "true" : "false", "showTestData");
    set("discrete", discrete ? "true" : "false", "discretize");

    if (!page.empty()) link.notes.push_back("Ignored, as they change only Playground's page: " + joined_names(page) + ".");
    for (const std::string& b : bare)
        if (std::find(unknown.begin(), unknown.end(), b) == unknown.end()) unknown.push_back(b);
    if (!unknown.empty())
        link.notes.push_back("Ignored, as not a Playground setting actlab knows: " + joined_names(unknown) + ".");
    *out = std::move(link);
    return true;
}

bool apply_playground_link(const PlaygroundLink& link, PlaygroundView* view, core::Dataset* data, std::string* error) {
    TrainingRequest request;
    PlaygroundView trial = *view;
    for (size_t i = 0; i < link.keys.size(); ++i) {
        const auto& [key, value] = link.keys[i];
        std::string why;
        const bool ok = is_playground_key(key) ? apply_playground_key(&trial, key, value, &why)
                                               : apply_training_key(&request, key, value, &why);
        if (!ok) {
            const std::string field = i < link.fields.size() ? link.fields[i] : key;
            *error = "The link's " + field + " gives " + why + ".";
            return false;
        }
    }
    core::Dataset made;
    std::string why;
    if (!finish_training_request(&request, &made, &why)) {
        // "--set: ..." is the command line's wording; here the link said it
        if (why.rfind("--set: ", 0) == 0) why.erase(0, 7);
        else if (why.rfind("--set ", 0) == 0) why.erase(0, 6);
        *error = "The link's set-up cannot be trained: " + why + ".";
        return false;
    }
    trial.config = request.config;
    trial.data_file.clear();
    *view = std::move(trial);
    *data = std::move(made);
    return true;
}

std::string playground_link_summary(const PlaygroundLink& link) {
    std::string keys;
    for (const auto& [key, value] : link.keys) keys += (keys.empty() ? "" : ", ") + key + "=" + value;
    // what has no counterpart first: the status line shows its start, the rest on hover
    std::string text = "Opened the TensorFlow Playground link.";
    for (const std::string& note : link.notes)
        if (note.rfind("No counterpart", 0) == 0) text += " " + note;
    text += " Set: " + keys + ".";
    for (const std::string& note : link.notes)
        if (note.rfind("No counterpart", 0) != 0) text += " " + note;
    return text;
}

}  // namespace actlab::app
