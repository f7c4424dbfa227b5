#include "app/figures/training_keys.h"

#include "core/csv.h"
#include "core/gated.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace actlab::app {

using View = TrainingRequest;

const core::GatedVariant* gated_variant_of(const core::HiddenLayer& h) {
    if (!h.gated) return nullptr;
    const core::Activation& act = core::activation(h.activation);
    const core::ParamValues defaults = core::default_params(act);
    if (h.params.v[0] != defaults.v[0] || h.params.v[1] != defaults.v[1]) return nullptr;
    for (int v = 0; v < core::gated_variant_count(); ++v)
        if (std::string(core::gated_variant(v).gate) == act.id) return &core::gated_variant(v);
    return nullptr;
}

std::string hidden_layer_id(const core::HiddenLayer& h) {
    if (const core::GatedVariant* v = gated_variant_of(h)) return v->id;
    return (h.gated ? "gated_" : "") + std::string(core::activation(h.activation).id);
}

std::string hidden_layer_label(const core::HiddenLayer& h) {
    if (const core::GatedVariant* v = gated_variant_of(h)) return v->label;
    return (h.gated ? "gated " : "") + std::string(core::activation(h.activation).label);
}

namespace {

const core::GatedVariant* variant_of(const core::HiddenLayer& h) { return gated_variant_of(h); }

// A layer's word in activation=: its variant's id when it has one, else its activation's.
std::string activation_word(const core::HiddenLayer& h) {
    const core::GatedVariant* v = variant_of(h);
    return v ? v->id : core::activation(h.activation).id;
}

std::string known_variant_ids() {
    std::string ids;
    for (int v = 0; v < core::gated_variant_count(); ++v) ids += (ids.empty() ? "" : ", ") + std::string(core::gated_variant(v).id);
    return ids;
}
using Text = std::optional<std::string>;

constexpr double kMaxNoisePercent = 50.0;
constexpr long kMaxTrainingSeed = 4294967295L;
constexpr double kMaxInitSpread = 10.0;   // sigma= and a=: above 0, at most this
constexpr double kMaxInitBias = 10.0;
constexpr double kMaxRegRate = 10.0;

std::string known_datasets() {
    std::string s;
    for (int i = 0; i < core::kDatasetKindCount; ++i)
        s += (i ? ", " : "") + std::string(core::dataset_info(static_cast<core::DatasetKind>(i)).id);
    return s;
}

std::string known_features() {
    std::string s;
    for (int i = 0; i < core::kFeatureCount; ++i) s += (i ? ", " : "") + std::string(core::feature_id(i));
    return s;
}


bool parse_seed(const std::string& value, std::uint64_t* out, std::string* why) {
    long whole = 0;
    if (!whole_in_range(value, 0, kMaxTrainingSeed, &whole, why)) return false;
    *out = static_cast<std::uint64_t>(whole);
    return true;
}

// sigma= and a=: above 0 and at most kMaxInitSpread.
bool parse_spread(const std::string& value, std::optional<double>* out, std::string* why) {
    double number = 0.0;
    if (!parse_finite(value, &number) || number <= 0 || number > kMaxInitSpread)
        return refuse(why, "must be above 0 and at most " + range_text(kMaxInitSpread));
    *out = number;
    return true;
}

const KeyTable<View>& table() {
    static const KeyTable<View> keys = {{
        {"dataset", "circle", known_datasets(),
         [](View& r, const std::string& value, std::string* why) {
             if (!core::find_dataset(value, &r.config.data.kind))
                 return refuse(why, "unknown dataset (known: " + known_datasets() + ")");
             return true;
         },
         [](const View& r) -> Text {
             if (!r.data_file.empty()) return std::nullopt;
             return std::string(core::dataset_info(r.config.data.kind).id);
         }},
        {"points", "500",
         "points generated (" + std::to_string(core::kMinPoints) + " to " + std::to_string(core::kMaxPoints) + ")",
         [](View& r, const std::string& value, std::string* why) {
             return int_in_range(value, core::kMinPoints, core::kMaxPoints, &r.config.data.points, why);
         },
         [](const View& r) -> Text {
             if (!r.data_file.empty()) return std::nullopt;
             return std::to_string(r.config.data.points);
         }},
        {"noise", "0", "noise in percent (0 to " + range_text(kMaxNoisePercent) + ")",
         [](View& r, const std::string& value, std::string* why) {
             double number = 0.0;
             if (!parse_finite(value, &number) || number < 0 || number > kMaxNoisePercent)
                 return refuse(why, "must be a percentage from 0 to " + range_text(kMaxNoisePercent));
             r.config.data.noise = number / 100.0;
             return true;
         },
         [](const View& r) -> Text {
             if (!r.data_file.empty()) return std::nullopt;
             return number_text(r.config.data.noise * 100.0);
         }},
        {"data", "FILE.csv", "train on your own points instead (header x1,x2,label)",
         [](View& r, const std::string& value, std::string* why) {
             if (value.empty()) return refuse(why, "give the path of a CSV file with the header x1,x2,label");
             r.data_file = value;
             return true;
         },
         [](const View& r) -> Text {
             if (r.data_file.empty()) return std::nullopt;
             return r.data_file;
         }},
        {"split", "50",
         "percent of the points trained on (" + std::to_string(core::kMinTrainPercent) + " to " +
             std::to_string(core::kMaxTrainPercent) + ")",
         [](View& r, const std::string& value, std::string* why) {
             long whole = 0;
             if (!parse_whole(value, core::kMinTrainPercent, core::kMaxTrainPercent, &whole))
                 return refuse(why, "the percentage of points to train on, a whole number from " +
                                        std::to_string(core::kMinTrainPercent) + " to " +
                                        std::to_string(core::kMaxTrainPercent));
             r.config.train_percent = static_cast<int>(whole);
             return true;
         },
         [](const View& r) -> Text { return std::to_string(r.config.train_percent); }},
        {"seed", "1", "the data, the initial weights and the order of batches",
         [](View& r, const std::string& value, std::string* why) {
             std::uint64_t seed = 0;
             if (!parse_seed(value, &seed, why)) return false;
             r.config.seed = r.config.data.seed = seed;
             return true;
         },
         [](const View& r) -> Text { return std::to_string(r.config.seed); }},
        {"data_seed", "", "the data alone (otherwise seed= sets it; the playground's Regenerate)",
         [](View& r, const std::string& value, std::string* why) {
             std::uint64_t seed = 0;
             if (!parse_seed(value, &seed, why)) return false;
             r.data_seed = seed;
             return true;
         },
         [](const View& r) -> Text {
             if (r.config.data.seed == r.config.seed) return std::nullopt;
             return std::to_string(r.config.data.seed);
         }},
        {"epochs", "500", "passes over the training points (the playground trains on until stopped)",
         [](View& r, const std::string& value, std::string* why) {
             return int_in_range(value, 1, kMaxEpochs, &r.epochs, why);
         },
         // not part of a run's set-up: settings.json's playground has no end
         [](const View&) -> Text { return std::nullopt; }},
        {"features", "x1,x2", "the inputs: " + known_features(),
         [](View& r, const std::string& value, std::string* why) {
             core::FeatureSet set = 0;
             for (const std::string& item : split_list(value)) {
                 int index = 0;
                 if (!core::find_feature(item, &index))
                     return refuse(why, "unknown feature '" + quoted(item) + "' (known: " + known_features() + ")");
                 set |= 1u << index;
             }
             if (set == 0) return refuse(why, "choose at least one feature (" + known_features() + ")");
             r.config.features = set;
             return true;
         },
         [](const View& r) -> Text {
             std::string features;
             for (int i = 0; i < core::kFeatureCount; ++i)
                 if (r.config.features & (1u << i)) features += (features.empty() ? "" : ",") + std::string(core::feature_id(i));
             return features;
         }},
        {"layers", "4,2",
         "hidden layers and their units (1 to " + std::to_string(core::kMaxUnits) + " each, at most " +
             std::to_string(core::kMaxHiddenLayers) + "; 'none')",
         [](View& r, const std::string& value, std::string* why) {
             std::vector<core::HiddenLayer> hidden;
             if (value != "none" && !value.empty()) {
                 for (const std::string& item : split_list(value)) {
                     long whole = 0;
                     if (!parse_whole(item, 1, core::kMaxUnits, &whole))
                         return refuse(why, "'" + quoted(item) + "': each layer has 1 to " + std::to_string(core::kMaxUnits) +
                                                " units");
                     hidden.push_back(core::hidden_layer(static_cast<int>(whole), core::activation_index("tanh")));
                 }
             }
             if (static_cast<int>(hidden.size()) > core::kMaxHiddenLayers)
                 return refuse(why, "at most " + std::to_string(core::kMaxHiddenLayers) + " hidden layers (or 'none')");
             r.config.hidden = hidden;
             return true;
         },
         [](const View& r) -> Text {
             std::string layers;
             for (const core::HiddenLayer& h : r.config.hidden) layers += (layers.empty() ? "" : ",") + std::to_string(h.units);
             return layers.empty() ? "none" : layers;
         }},
        {"activation", "tanh",
         "one for all hidden layers, or one per layer (relu,tanh); a gated variant (" + known_variant_ids() +
             ") makes the layer gated with that gate",
         [](View& r, const std::string& value, std::string* why) {
             std::vector<int> ids;
             std::vector<char> variant;
             for (const std::string& item : split_list(value)) {
                 const core::GatedVariant* v = core::find_gated_variant(item);
                 const int index = core::activation_index(v ? v->gate : item);
                 if (index < 0)
                     return refuse(why, "unknown activation '" + quoted(item) + "' (known: " + known_activation_ids() +
                                            "; gated: " + known_variant_ids() + ")");
                 ids.push_back(index);
                 variant.push_back(v ? 1 : 0);
             }
             if (ids.empty()) return refuse(why, "name an activation (known: " + known_activation_ids() + ")");
             r.activations = ids;
             r.variant = variant;
             return true;
         },
         [](const View& r) -> Text {
             if (r.config.hidden.empty()) return std::nullopt;
             std::string activations;
             for (const core::HiddenLayer& h : r.config.hidden)
                 activations += (activations.empty() ? "" : ",") + activation_word(h);
             return activations;
         }},
        {"gated", "true",
         "whether each hidden unit is f(gate) · value of two pre-activations (twice the weights): true or false, "
         "for all layers or one per layer (true,false); f is the layer's activation",
         [](View& r, const std::string& value, std::string* why) {
             std::vector<char> gated;
             for (const std::string& item : split_list(value)) {
                 if (item != "true" && item != "false") return refuse(why, "each is true or false ('" + quoted(item) + "')");
                 gated.push_back(item == "true" ? 1 : 0);
             }
             if (gated.empty()) return refuse(why, "give true or false");
             r.gated = gated;
             return true;
         },
         [](const View& r) -> Text {
             // said only for a gated layer whose gate no variant names (the others say it in activation=)
             bool needed = false;
             std::string gated;
             for (const core::HiddenLayer& h : r.config.hidden) {
                 needed = needed || (h.gated && !variant_of(h));
                 gated += (gated.empty() ? "" : ",") + std::string(h.gated ? "true" : "false");
             }
             if (!needed) return std::nullopt;
             return gated;
         }},
        {"output", "tanh", "tanh, sigmoid, softmax or identity (with loss= as its pair if not given)",
         [](View& r, const std::string& value, std::string* why) {
             if (!core::find_output(value, &r.config.output)) return refuse(why, "output is tanh, sigmoid, softmax or identity");
             r.output_given = true;
             return true;
         },
         [](const View& r) -> Text { return std::string(core::output_name(r.config.output)); }},
        {"loss", "mse", "mse, bce or ce: tanh+mse, sigmoid+bce, softmax+ce, identity+mse",
         [](View& r, const std::string& value, std::string* why) {
             if (!core::find_loss(value, &r.config.loss)) return refuse(why, "loss is mse, bce or ce");
             r.loss_given = true;
             return true;
         },
         [](const View& r) -> Text { return std::string(core::loss_name(r.config.loss)); }},
        {"optimizer", "sgd", "sgd, momentum or adam",
         [](View& r, const std::string& value, std::string* why) {
             if (!core::find_optimizer(value, &r.config.optimizer.kind)) return refuse(why, "optimizer is sgd, momentum or adam");
             return true;
         },
         [](const View& r) -> Text { return std::string(core::optimizer_name(r.config.optimizer.kind)); }},
        {"lr", "0.03",
         "the learning rate, " + range_text(core::kMinLearningRate) + " to " + range_text(core::kMaxLearningRate),
         [](View& r, const std::string& value, std::string* why) {
             double number = 0.0;
             if (!parse_finite(value, &number) || number < core::kMinLearningRate || number > core::kMaxLearningRate)
                 return refuse(why, "the learning rate must be from " + range_text(core::kMinLearningRate) + " to " +
                                        range_text(core::kMaxLearningRate));
             r.config.optimizer.learning_rate = number;
             return true;
         },
         [](const View& r) -> Text { return number_text(r.config.optimizer.learning_rate); }},
        {"batch", "10", "samples per step",
         [](View& r, const std::string& value, std::string* why) {
             long whole = 0;
             if (!parse_whole(value, 1, core::kMaxBatch, &whole))
                 return refuse(why, whole_range_message(1, core::kMaxBatch) +
                                        " (more than the training points means the full set)");
             r.config.batch = static_cast<int>(whole);
             return true;
         },
         [](const View& r) -> Text { return std::to_string(r.config.batch); }},
        {"init", "playground", "xavier, he, lecun, normal, uniform, playground",
         [](View& r, const std::string& value, std::string* why) {
             if (!core::find_init(value, &r.config.init.kind))
                 return refuse(why, "init is xavier, he, lecun, normal, uniform or playground");
             return true;
         },
         [](const View& r) -> Text { return std::string(core::init_name(r.config.init.kind)); }},
        {"sigma", "1", "normal's spread (above 0, at most " + range_text(kMaxInitSpread) + ")",
         [](View& r, const std::string& value, std::string* why) { return parse_spread(value, &r.sigma, why); },
         [](const View& r) -> Text {
             if (r.config.init.kind != core::InitKind::Normal) return std::nullopt;
             return number_text(r.config.init.sigma);
         }},
        {"a", "1", "uniform's half-width (above 0, at most " + range_text(kMaxInitSpread) + ")",
         [](View& r, const std::string& value, std::string* why) { return parse_spread(value, &r.half_width, why); },
         [](const View& r) -> Text {
             if (r.config.init.kind != core::InitKind::Uniform) return std::nullopt;
             return number_text(r.config.init.a);
         }},
        {"bias", "0", "the biases (within ±" + range_text(kMaxInitBias) + "; not with playground)",
         [](View& r, const std::string& value, std::string* why) {
             double number = 0.0;
             if (!parse_finite(value, &number) || std::fabs(number) > kMaxInitBias)
                 return refuse(why, "must be from " + range_text(-kMaxInitBias) + " to " + range_text(kMaxInitBias));
             r.bias = number;
             return true;
         },
         [](const View& r) -> Text {
             if (r.config.init.kind == core::InitKind::Playground) return std::nullopt;
             return number_text(r.config.init.bias);
         }},
        {"reg", "none", "none, l1 or l2 on the weights",
         [](View& r, const std::string& value, std::string* why) {
             if (!core::find_regularization(value, &r.config.optimizer.regularization)) return refuse(why, "reg is none, l1 or l2");
             return true;
         },
         [](const View& r) -> Text { return std::string(core::regularization_name(r.config.optimizer.regularization)); }},
        {"reg_rate", "0", "the regularisation rate (0 to " + range_text(kMaxRegRate) + ")",
         [](View& r, const std::string& value, std::string* why) {
             double number = 0.0;
             if (!parse_finite(value, &number) || number < 0 || number > kMaxRegRate)
                 return refuse(why, "must be from 0 to " + range_text(kMaxRegRate));
             r.config.optimizer.regularization_rate = number;
             return true;
         },
         [](const View& r) -> Text { return number_text(r.config.optimizer.regularization_rate); }},
    }};
    return keys;
}

}  // namespace

const KeyTable<TrainingRequest>& training_key_table() { return table(); }

bool apply_training_key(TrainingRequest* r, const std::string& key, const std::string& value, std::string* error) {
    return apply_key(table(), r, key, value, error);
}

namespace {
bool fail_all(std::string* error, const std::string& why) {
    *error = why;
    return false;
}
}  // namespace

bool finish_training_request(TrainingRequest* r, core::Dataset* data, std::string* error) {
    core::TrainConfig& c = r->config;
    const int layers = static_cast<int>(c.hidden.size());
    if (!r->activations.empty()) {
        if (r->activations.size() != 1 && static_cast<int>(r->activations.size()) != layers) {
            *error = "--set activation= names " + std::to_string(r->activations.size()) + " activations for " +
                     std::to_string(layers) + " hidden layers: give one for all, or one per layer";
            return false;
        }
        for (int l = 0; l < layers; ++l) {
            const size_t i = r->activations.size() == 1 ? 0 : static_cast<size_t>(l);
            c.hidden[l] = core::hidden_layer(c.hidden[l].units, r->activations[i], i < r->variant.size() && r->variant[i]);
        }
    }
    if (!r->gated.empty()) {
        if (r->gated.size() != 1 && static_cast<int>(r->gated.size()) != layers) {
            *error = "--set gated= gives " + std::to_string(r->gated.size()) + " values for " + std::to_string(layers) +
                     " hidden layers: give one for all, or one per layer";
            return false;
        }
        for (int l = 0; l < layers; ++l) {
            const bool gated = r->gated[r->gated.size() == 1 ? 0 : static_cast<size_t>(l)];
            if (!gated && c.hidden[l].gated) {
                *error = "--set gated=false contradicts activation=" + std::string(variant_of(c.hidden[l])->id) +
                         " for hidden layer " + std::to_string(l + 1) + ": a gated variant is gated";
                return false;
            }
            c.hidden[l].gated = gated;
        }
    }
    // the init's own settings, each only with the init that reads it
    if (r->sigma) {
        if (c.init.kind != core::InitKind::Normal) return fail_all(error, "--set sigma= is used only with init=normal");
        c.init.sigma = *r->sigma;
    }
    if (r->half_width) {
        if (c.init.kind != core::InitKind::Uniform) return fail_all(error, "--set a= is used only with init=uniform");
        c.init.a = *r->half_width;
    }
    if (r->bias) {
        if (c.init.kind == core::InitKind::Playground)
            return fail_all(error, "--set bias= is not used with init=playground (its biases are 0.1)");
        c.init.bias = *r->bias;
    }
    if (r->data_seed) c.data.seed = *r->data_seed;
    if (r->output_given && !r->loss_given) c.loss = core::matching_loss(c.output);
    if (r->loss_given && !r->output_given) c.output = core::matching_output(c.loss);
    if (r->given_data) {  // a session's points: a file's, or points drawn by hand
        *data = *r->given_data;
    } else if (!r->data_file.empty()) {
        if (!core::load_dataset_csv(r->data_file, data, error)) {
            *error = "--set data=: " + one_line(*error);  // the path as given may hold a line break
            return false;
        }
    } else {
        *data = core::make_dataset(c.data);
    }
    if (!core::check_train_config(c, *data, error)) {
        *error = "--set: " + *error;
        return false;
    }
    return true;
}

const char* training_keys_help() {
    static const std::string help = key_help(table());
    return help.c_str();
}

std::vector<KeyValue> training_keys(const core::TrainConfig& c, const std::string& data_file) {
    TrainingRequest request;
    request.config = c;
    request.data_file = data_file;
    return write_keys(table(), request);
}

}  // namespace actlab::app
