// The playground's display keys: how the window shows a run, beside the training keys of `actlab
// export loss` (training_keys.h) that say what it trains. settings.json stores both; lessons and
// session files set them the same way.
//   speed=30 (epochs a second, 1 to 1000; 0: as fast as possible)  discrete=false  show_test=true
//   log_loss=true  temperature=1  entropy=false  view=units|gradient|layers|network
//   layer=last|0|1…  stage=linear|bias|activation  projection=auto|pca|output|units:I,J (the layers view)
#pragma once

#include "app/figures/keys.h"
#include "app/figures/playground_view.h"

namespace actlab::app {

constexpr double kMinPlaygroundSpeed = 1.0;
constexpr double kMaxPlaygroundSpeed = 1000.0;

const KeyTable<PlaygroundView>& playground_key_table();

// Applies one display key. False with *error ("'key=value': why", or "unknown key ...").
bool apply_playground_key(PlaygroundView* view, const std::string& key, const std::string& value, std::string* error);
// Whether `key` is one of the display keys (and not a training key).
bool is_playground_key(const std::string& key);
std::vector<KeyValue> playground_keys(const PlaygroundView& view);

}  // namespace actlab::app
