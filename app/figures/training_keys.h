// A training run as KEY=VALUE pairs: the keys of `actlab export loss` (and of the playground's
// exports). The defaults are TensorFlow Playground's set-up (a): circle, 2 → 4 tanh → 2 tanh → 1 tanh,
// squared error, SGD at 0.03, batch 10, Playground's initialisation, no noise, half the points to train.
//   dataset=circle  points=500  noise=0 (percent, 0–50)  split=50 (percent trained on)  seed=1
//   data_seed= (the data alone; without it, seed= seeds the data too)
//   data=FILE.csv (instead of a generated dataset)  features=x1,x2,...
//   layers=4,2  activation=tanh (or one per layer: relu,tanh; swiglu, geglu, ... make a layer gated)
//   gated=true (all layers) or true,false (per layer)  output=tanh  loss=mse
//   optimizer=sgd  lr=0.03  batch=10  init=playground (sigma=, a=, bias=)  reg=none  reg_rate=0  epochs=500
#pragma once

#include "app/figures/keys.h"
#include "core/dataset.h"
#include "core/gated.h"
#include "core/training.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace actlab::app {

constexpr int kMaxEpochs = 1000000;

struct TrainingRequest {
    core::TrainConfig config = core::default_train_config();
    int epochs = 500;
    std::string data_file;              // a CSV dataset to train on instead of config.data
    std::vector<int> activations;       // one per layer, or one for all (empty: tanh)
    std::vector<char> variant;          // with activations: 1 where it was named as a gated variant (swiglu)
    std::vector<char> gated;            // gated=: one per layer, or one for all (empty: as activation= says)
    bool output_given = false, loss_given = false;
    std::optional<double> sigma, half_width, bias;  // the init's settings, when given
    std::optional<std::uint64_t> data_seed;         // the data's own seed, when given
    std::optional<core::Dataset> given_data;        // the points of data_file, or points drawn by hand, given (from a session file):
                                                    // finish_training_request uses them and reads no file
};

// Applies one key. False with *error ("'key=value': why"); *request is then unchanged.
bool apply_training_key(TrainingRequest* request, const std::string& key, const std::string& value,
                        std::string* error);
// Completes the request once every key is in: activations onto layers, the output/loss pair, the data
// (generated or read from data=) and the checks that need the data. False with *error.
bool finish_training_request(TrainingRequest* request, core::Dataset* data, std::string* error);
const char* training_keys_help();
// The table the three around it are made from. Its writers read `config` and `data_file` only, as
// finish_training_request leaves them (epochs= is read, never written).
const KeyTable<TrainingRequest>& training_key_table();

// The gated variant a gated layer is (SwiGLU: a SiLU gate at its default parameters), or nullptr.
const core::GatedVariant* gated_variant_of(const core::HiddenLayer& layer);
// A hidden layer's kind in one word: "tanh", "swiglu", or "gated_tanh" for a gate no variant names;
// and in words: "Tanh", "SwiGLU", "gated Tanh".
std::string hidden_layer_id(const core::HiddenLayer& layer);
std::string hidden_layer_label(const core::HiddenLayer& layer);

// The keys that give back `config` (with `data_file` as data= when set): apply_training_key on each,
// then finish_training_request, rebuilds the same run. For settings.json and for saying what was trained.
std::vector<KeyValue> training_keys(const core::TrainConfig& config, const std::string& data_file);

}  // namespace actlab::app
