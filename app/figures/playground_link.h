// A TensorFlow Playground link (https://playground.tensorflow.org/#activation=tanh&batchSize=10&...)
// read as the playground's keys: the training keys of `actlab export loss` (training_keys.h) and the
// display keys show_test= and discrete= (playground_keys.h). Playground keeps its whole state in the
// link's fragment, one field=value per '&' (its src/state.ts); a field the link leaves out takes
// Playground's default, so a link always gives a whole run. No ImGui here: the window, the command line
// and the tests read links the same way.
//
// Playground field              actlab key
//   problem + dataset/regDataset   dataset= (circle, xor, gauss, spiral; reg-plane → plane,
//                                  reg-gauss → multigauss), output= (tanh; a regression identity), loss=mse,
//                                  points= (Playground's 500, or 1200 for a regression)
//   noise (0–50)                   noise=        percTrainData  split=       batchSize  batch=
//   learningRate                   lr=           regularization (none, L1, L2) + regularizationRate  reg=, reg_rate=
//   networkShape ("" is none)      layers=       activation (linear → identity)  activation=
//   x, y, xSquared, ySquared, xTimesY, sinX, sinY  features= (x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)
//   seed (a string, "0.80593")     seed= (see playground_link_seed)
//   showTestData, discretize       show_test=, discrete=
//   initZero=false                 init=playground (and optimizer=sgd, Playground's only optimiser)
// No counterpart (named in the notes): cosX, cosY, initZero=true. Ignored as Playground's page only:
// hideText, collectStats, tutorial and every <control>_hide.
#pragma once

#include "app/figures/keys.h"
#include "app/figures/playground_view.h"
#include "core/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::app {

struct PlaygroundLink {
    std::vector<KeyValue> keys;       // training keys, then show_test= and discrete=
    std::vector<std::string> fields;  // for each key, the Playground field it came from ("learningRate")
    std::vector<std::string> notes;   // sentences: the seed, what has no counterpart, what is ignored
};

// Reads a link: https://playground.tensorflow.org/#..., the same without the scheme, or its fragment
// alone (#activation=tanh&...). False with *error (one sentence) for anything else: another site, no
// fragment, a value Playground does not have (activation=softplus), a field of no value at all.
bool parse_playground_link(const std::string& text, PlaygroundLink* out, std::string* error);

// actlab's seed for Playground's seed string: the digits after the point of the "0.DDDDD" Playground
// makes (0.80593 → 80593), a whole number as it is (up to 4294967295), anything else its 32-bit FNV-1a
// hash. Deterministic, so the same link gives the same run every time (not Playground's points: actlab
// draws its own from the same recipe).
std::uint64_t playground_link_seed(const std::string& seed);

// Applies the link's keys to `view` through the key tables, as settings.json and `actlab export` are
// read, so the same checks run: a new run (its training keys on top of the defaults, generated data,
// no CSV) and its show_test and discrete; the view's other display keys stay. *data is the run's data.
// False with *error naming the Playground field; *view and *data are then unchanged.
bool apply_playground_link(const PlaygroundLink& link, PlaygroundView* view, core::Dataset* data, std::string* error);

// For the status line: "Opened the TensorFlow Playground link.", what has no counterpart, "Set:
// dataset=circle, …", then the other notes.
std::string playground_link_summary(const PlaygroundLink& link);

}  // namespace actlab::app
