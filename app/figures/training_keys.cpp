#include "app/figures/training_keys.h"

#include "core/csv.h"

#include <algorithm>
#include <cmath>

namespace actlab::app {

namespace {


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

}  // namespace

bool apply_training_key(TrainingRequest* r, const std::string& key, const std::string& value, std::string* error) {
    auto fail = [&](const std::string& why) {
        *error = key_error(key, value, why);
        return false;
    };
    core::TrainConfig& c = r->config;
    long whole = 0;
    double number = 0.0;
    if (key == "dataset") {
        if (!core::find_dataset(value, &c.data.kind)) return fail("unknown dataset (known: " + known_datasets() + ")");
        return true;
    }
    if (key == "data") {
        if (value.empty()) return fail("give the path of a CSV file with the header x1,x2,label");
        r->data_file = value;
        return true;
    }
    if (key == "points") {
        if (!parse_whole(value, core::kMinPoints, core::kMaxPoints, &whole))
            return fail("must be a whole number from " + std::to_string(core::kMinPoints) + " to " +
                        std::to_string(core::kMaxPoints));
        c.data.points = static_cast<int>(whole);
        return true;
    }
    if (key == "noise") {
        if (!parse_finite(value, &number) || number < 0 || number > 50)
            return fail("must be a percentage from 0 to 50");
        c.data.noise = number / 100.0;
        return true;
    }
    if (key == "split") {
        if (!parse_whole(value, core::kMinTrainPercent, core::kMaxTrainPercent, &whole))
            return fail("the percentage of points to train on, a whole number from 10 to 90");
        c.train_percent = static_cast<int>(whole);
        return true;
    }
    if (key == "seed") {
        if (!parse_whole(value, 0, 4294967295L, &whole)) return fail("must be a whole number from 0 to 4294967295");
        c.seed = c.data.seed = static_cast<std::uint64_t>(whole);
        return true;
    }
    if (key == "data_seed") {
        if (!parse_whole(value, 0, 4294967295L, &whole)) return fail("must be a whole number from 0 to 4294967295");
        r->data_seed = static_cast<std::uint64_t>(whole);
        return true;
    }
    if (key == "epochs") {
        if (!parse_whole(value, 1, kMaxEpochs, &whole))
            return fail("must be a whole number from 1 to " + std::to_string(kMaxEpochs));
        r->epochs = static_cast<int>(whole);
        return true;
    }
    if (key == "features") {
        core::FeatureSet set = 0;
        for (const std::string& item : split_list(value)) {
            int index = 0;
            if (!core::find_feature(item, &index))
                return fail("unknown feature '" + quoted(item) + "' (known: " + known_features() + ")");
            set |= 1u << index;
        }
        if (set == 0) return fail("choose at least one feature (" + known_features() + ")");
        c.features = set;
        return true;
    }
    if (key == "layers") {
        std::vector<core::HiddenLayer> hidden;
        if (value != "none" && !value.empty()) {
            for (const std::string& item : split_list(value)) {
                if (!parse_whole(item, 1, core::kMaxUnits, &whole))
                    return fail("'" + quoted(item) + "': each layer has 1 to " + std::to_string(core::kMaxUnits) +
                                " units");
                hidden.push_back(core::hidden_layer(static_cast<int>(whole), core::activation_index("tanh")));
            }
        }
        if (static_cast<int>(hidden.size()) > core::kMaxHiddenLayers)
            return fail("at most " + std::to_string(core::kMaxHiddenLayers) + " hidden layers (or 'none')");
        c.hidden = hidden;
        return true;
    }
    if (key == "activation") {
        std::vector<int> ids;
        for (const std::string& item : split_list(value)) {
            const int index = core::activation_index(item);
            if (index < 0) return fail("unknown activation '" + quoted(item) + "' (known: " + known_activation_ids() + ")");
            ids.push_back(index);
        }
        if (ids.empty()) return fail("name an activation (known: " + known_activation_ids() + ")");
        r->activations = ids;
        return true;
    }
    if (key == "output") {
        if (!core::find_output(value, &c.output)) return fail("output is tanh, sigmoid, softmax or identity");
        r->output_given = true;
        return true;
    }
    if (key == "loss") {
        if (!core::find_loss(value, &c.loss)) return fail("loss is mse, bce or ce");
        r->loss_given = true;
        return true;
    }
    if (key == "optimizer") {
        if (!core::find_optimizer(value, &c.optimizer.kind)) return fail("optimizer is sgd, momentum or adam");
        return true;
    }
    if (key == "lr") {
        if (!parse_finite(value, &number) || number < core::kMinLearningRate || number > core::kMaxLearningRate)
            return fail("the learning rate must be from 1e-5 to 10");
        c.optimizer.learning_rate = number;
        return true;
    }
    if (key == "batch") {
        if (!parse_whole(value, 1, core::kMaxBatch, &whole))
            return fail("must be a whole number from 1 to " + std::to_string(core::kMaxBatch) +
                        " (more than the training points means the full set)");
        c.batch = static_cast<int>(whole);
        return true;
    }
    if (key == "init") {
        if (!core::find_init(value, &c.init.kind))
            return fail("init is xavier, he, lecun, normal, uniform or playground");
        return true;
    }
    if (key == "sigma" || key == "a") {
        if (!parse_finite(value, &number) || number <= 0 || number > 10) return fail("must be above 0 and at most 10");
        (key == "sigma" ? r->sigma : r->half_width) = number;
        return true;
    }
    if (key == "bias") {
        if (!parse_finite(value, &number) || std::fabs(number) > 10) return fail("must be from -10 to 10");
        r->bias = number;
        return true;
    }
    if (key == "reg") {
        if (!core::find_regularization(value, &c.optimizer.regularization)) return fail("reg is none, l1 or l2");
        return true;
    }
    if (key == "reg_rate") {
        if (!parse_finite(value, &number) || number < 0 || number > 10) return fail("must be from 0 to 10");
        c.optimizer.regularization_rate = number;
        return true;
    }
    *error = "unknown key '" + quoted(key) +
             "' (keys: dataset, data, points, noise, split, seed, data_seed, epochs, features, layers, activation, output, "
             "loss, optimizer, lr, batch, init, sigma, a, bias, reg, reg_rate)";
    return false;
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
        for (int l = 0; l < layers; ++l)
            c.hidden[l] = core::hidden_layer(c.hidden[l].units,
                                             r->activations.size() == 1 ? r->activations[0] : r->activations[l]);
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
    if (!r->data_file.empty()) {
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
    return "  dataset=circle            circle, xor, gauss, spiral, moons, blobs3, spiral3, plane, multigauss\n"
           "  data=FILE.csv             train on your own points instead (header x1,x2,label)\n"
           "  points=500 noise=0 split=50   points generated, noise in percent (0-50), percent trained on\n"
           "  seed=1                    the data, the initial weights and the order of batches\n"
           "  data_seed=                the data alone (otherwise seed= sets it; the playground's Regenerate)\n"
           "  features=x1,x2            also x1sq, x2sq, x1x2, sinx1, sinx2\n"
           "  layers=4,2                hidden layers and their units (1-64 each, at most 8; 'none')\n"
           "  activation=tanh           one for all hidden layers, or one per layer (relu,tanh)\n"
           "  output=tanh loss=mse      tanh+mse, sigmoid+bce, softmax+ce, identity+mse\n"
           "  optimizer=sgd lr=0.03     sgd, momentum or adam; learning rate 1e-5 to 10\n"
           "  batch=10 epochs=500       samples per step; passes over the training points\n"
           "  init=playground           xavier, he, lecun, normal, uniform, playground\n"
           "  sigma=1 a=1 bias=0        normal's spread, uniform's half-width, the biases (not playground)\n"
           "  reg=none reg_rate=0       l1 or l2 on the weights\n";
}

std::vector<KeyValue> training_keys(const core::TrainConfig& c, const std::string& data_file) {
    std::vector<KeyValue> keys;
    if (data_file.empty()) {
        keys.push_back({"dataset", core::dataset_info(c.data.kind).id});
        keys.push_back({"points", std::to_string(c.data.points)});
        keys.push_back({"noise", number_text(c.data.noise * 100.0)});
    } else {
        keys.push_back({"data", data_file});
    }
    keys.push_back({"split", std::to_string(c.train_percent)});
    keys.push_back({"seed", std::to_string(c.seed)});
    if (c.data.seed != c.seed) keys.push_back({"data_seed", std::to_string(c.data.seed)});
    std::string features;
    for (int i = 0; i < core::kFeatureCount; ++i)
        if (c.features & (1u << i)) features += (features.empty() ? "" : ",") + std::string(core::feature_id(i));
    keys.push_back({"features", features});
    std::string layers, activations;
    for (const core::HiddenLayer& h : c.hidden) {
        layers += (layers.empty() ? "" : ",") + std::to_string(h.units);
        activations += (activations.empty() ? "" : ",") + std::string(core::activation(h.activation).id);
    }
    keys.push_back({"layers", layers.empty() ? "none" : layers});
    if (!activations.empty()) keys.push_back({"activation", activations});
    keys.push_back({"output", core::output_name(c.output)});
    keys.push_back({"loss", core::loss_name(c.loss)});
    keys.push_back({"optimizer", core::optimizer_name(c.optimizer.kind)});
    keys.push_back({"lr", number_text(c.optimizer.learning_rate)});
    keys.push_back({"batch", std::to_string(c.batch)});
    keys.push_back({"init", core::init_name(c.init.kind)});
    if (c.init.kind == core::InitKind::Normal) keys.push_back({"sigma", number_text(c.init.sigma)});
    if (c.init.kind == core::InitKind::Uniform) keys.push_back({"a", number_text(c.init.a)});
    if (c.init.kind != core::InitKind::Playground) keys.push_back({"bias", number_text(c.init.bias)});
    keys.push_back({"reg", core::regularization_name(c.optimizer.regularization)});
    keys.push_back({"reg_rate", number_text(c.optimizer.regularization_rate)});
    return keys;
}

}  // namespace actlab::app
