// libFuzzer harness: the settings.json reader (app/settings.h), through load_settings_text, the code
// load_settings runs once the file is read. The input is the file's text.
//
// Whatever the file says, every problem is one line that starts with the file's name, every value the
// labs then hold is one they accept (finite numbers, ordered ranges, sizes in range), and the settings
// as actlab writes them again (settings_json) read back with no problem to the same text.
#include "app/figures/activation_keys.h"
#include "app/figures/softmax_keys.h"
#include "app/settings.h"
#include "core/training.h"
#include "tests/fuzz/fuzz_check.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using actlab::app::AppState;
using nlohmann::json;

const char* const kPath = "settings.json";
const char* const kDefaultFolder = "/home/teacher/Pictures/actlab";

// The playground's points from kMaxFuzzPoints to core::kMaxPoints held to kMaxFuzzPoints: the reader
// takes them all by the same comparisons, and refuses larger ones before generating anything.
std::string capped(const std::string& text) {
    if (text.find("points") == std::string::npos) return text;
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("playground") || !doc["playground"].is_object())
        return text;
    json& pg = doc["playground"];
    if (!pg.contains("points")) return text;
    const json& v = pg["points"];
    double points = 0;
    if (v.is_number()) points = v.get<double>();
    else if (v.is_string()) points = std::strtod(v.get<std::string>().c_str(), nullptr);
    if (!(points > actlab::fuzz::kMaxFuzzPoints && points <= actlab::core::kMaxPoints)) return text;
    pg["points"] = actlab::fuzz::kMaxFuzzPoints;
    return doc.dump();
}

// A lab as the harness starts it: the window's defaults, with the playground's data at its smallest, so
// that writing and reading back a file that leaves the playground alone generates only a few points.
void start(AppState* state) { state->playground.view.config.data.points = actlab::core::kMinPoints; }

void check_problems(const std::vector<std::string>& problems) {
    for (const std::string& p : problems) {
        FUZZ_CHECK(p.rfind(std::string(kPath) + " ", 0) == 0 || p.rfind(std::string(kPath) + ":", 0) == 0,
                   "a problem that does not name the file: " + p.substr(0, 200));
        FUZZ_CHECK(p.find('\n') == std::string::npos, "a problem of more than one line: " + p.substr(0, 200));
    }
}

// What each lab holds after reading: values it would accept from the window.
void check_state(const AppState& s) {
    using actlab::app::ExportSettings;
    using actlab::app::UiSettings;
    FUZZ_CHECK(s.ui.text_scale >= UiSettings::kMinTextScale && s.ui.text_scale <= UiSettings::kMaxTextScale,
               "text_scale " + std::to_string(s.ui.text_scale));
    FUZZ_CHECK(s.exports.scale == 1 || s.exports.scale == 2 || s.exports.scale == 4, "export scale");
    FUZZ_CHECK(s.exports.width >= ExportSettings::kMinSide && s.exports.width * s.exports.scale <= actlab::app::kMaxImageSide,
               "export width " + std::to_string(s.exports.width));
    FUZZ_CHECK(s.exports.height >= ExportSettings::kMinSide &&
                   s.exports.height * s.exports.scale <= actlab::app::kMaxImageSide,
               "export height " + std::to_string(s.exports.height));

    const actlab::app::ActivationView& a = s.explorer.view;
    FUZZ_CHECK_FINITE(a.x_min, "activations xmin");
    FUZZ_CHECK_FINITE(a.x_max, "activations xmax");
    FUZZ_CHECK_FINITE(a.probe_x, "activations probe");
    FUZZ_CHECK(a.x_min < a.x_max, "activations xmin < xmax");
    for (double x : a.x_points) FUZZ_CHECK_FINITE(x, "an activations x point");
    std::string error;
    FUZZ_CHECK(actlab::app::check_activation_range(a, &error), "activations: " + error);
    FUZZ_CHECK(actlab::app::check_softmax_view(s.softmax.view, &error), "softmax: " + error);
    for (double z : s.softmax.view.logits) FUZZ_CHECK_FINITE(z, "a logit");
    for (double t : s.softmax.view.temperatures) FUZZ_CHECK(std::isfinite(t) && t > 0, "a temperature");
    FUZZ_CHECK_FINITE(s.gradients.view.z, "gradients z");

    const actlab::app::PlaygroundView& p = s.playground.view;
    FUZZ_CHECK(p.speed == 0 || (p.speed >= 1 && p.speed <= 1000), "playground speed");
    FUZZ_CHECK(p.config.data.noise >= 0 && p.config.data.noise <= actlab::core::kMaxNoise, "playground noise");
    FUZZ_CHECK_FINITE(p.config.optimizer.learning_rate, "playground lr");
    FUZZ_CHECK_FINITE(p.config.optimizer.regularization_rate, "playground reg_rate");
    if (!p.data_file.empty()) {
        FUZZ_CHECK(actlab::core::check_train_config(p.config, s.playground.data, &error),
                   "the playground's loaded data do not suit its network: " + error);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text = capped(std::string(reinterpret_cast<const char*>(bytes), size));
    AppState state;
    start(&state);
    std::vector<std::string> problems;
    actlab::app::load_settings_text(text, kPath, &state, &problems);
    if (state.exports.folder.empty()) state.exports.folder = kDefaultFolder;  // as the window does after reading
    check_problems(problems);
    check_state(state);

    // A file that is not a JSON object leaves every lab at its defaults: their round trip is the same
    // every time, and most mutated inputs are such files.
    if (problems.size() == 1 && (problems[0].rfind(std::string(kPath) + " is not valid JSON", 0) == 0 ||
                                 problems[0].rfind(std::string(kPath) + ": expected a JSON object", 0) == 0))
        return 0;

    // written again and read back: no problem, and the same text
    const std::string saved = actlab::app::settings_json(state);
    AppState again;
    start(&again);
    std::vector<std::string> again_problems;
    actlab::app::load_settings_text(saved, kPath, &again, &again_problems);
    FUZZ_CHECK(again_problems.empty(), "the settings as written read back with a problem: " + again_problems.front());
    const std::string resaved = actlab::app::settings_json(again);
    FUZZ_CHECK(resaved == saved, "the settings as written read back to other settings:\n" + saved + "\nthen\n" + resaved);
    return 0;
}
