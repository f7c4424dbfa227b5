// libFuzzer harness: TensorFlow Playground links (app/figures/playground_link.h), as the playground's
// Paste button and `actlab export --playground-link` read them. The input is the pasted text.
//
// A refused link says why in a sentence and gives no keys. A link that is read gives one Playground
// field per key; applied, it either leaves the view as it was and says why, or gives a run whose own
// keys read back to the same run.
#include "app/figures/playground_link.h"
#include "app/figures/training_keys.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace app = actlab::app;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(bytes), size);
    app::PlaygroundLink link;
    std::string error;
    if (!app::parse_playground_link(text, &link, &error)) {
        FUZZ_CHECK(!error.empty(), "a refused link gave no message");
        FUZZ_CHECK(link.keys.empty() && link.notes.empty(), "a refused link gave keys");
        FUZZ_CHECK(error.find('\n') == std::string::npos, "the message is not one line: " + error);
        return 0;
    }
    FUZZ_CHECK(link.keys.size() == link.fields.size(), "a key without its Playground field");
    FUZZ_CHECK(!app::playground_link_summary(link).empty(), "no summary");
    app::PlaygroundView view;
    view.speed = 7;
    const std::vector<app::KeyValue> before = app::training_keys(view.config, view.data_file);
    actlab::core::Dataset data;
    if (!app::apply_playground_link(link, &view, &data, &error)) {
        FUZZ_CHECK(!error.empty(), "a refused link gave no message");
        FUZZ_CHECK(app::training_keys(view.config, view.data_file) == before, "a refused link changed the run");
        return 0;
    }
    FUZZ_CHECK(view.speed == 7, "the link changed a display key it does not have");
    FUZZ_CHECK(data.size() > 0, "an applied link gave no points");
    app::TrainingRequest back;
    actlab::core::Dataset back_data;
    for (const auto& [key, value] : app::training_keys(view.config, view.data_file))
        FUZZ_CHECK(app::apply_training_key(&back, key, value, &error), "the run's own keys are refused: " + error);
    FUZZ_CHECK(app::finish_training_request(&back, &back_data, &error), "the run's own keys are refused: " + error);
    FUZZ_CHECK(app::training_keys(back.config, back.data_file) == app::training_keys(view.config, view.data_file),
               "the run does not read back as it was");
    return 0;
}
