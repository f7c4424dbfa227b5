// libFuzzer harness: the session reader (app/session.h), parse_session, on the file's text.
//
// Whatever the file says, a refusal is one line that says where ("at /network/params/3: ...", or "not
// valid JSON: ...") and leaves the session it was read into exactly as it was; a file that is read holds
// only values the labs accept, weights that are finite and as many as the network has, and written
// again it reads back to the same text.
#include "app/session.h"

#include "app/figures/activation_keys.h"
#include "app/figures/softmax_keys.h"
#include "core/mlp.h"
#include "tests/fuzz/fuzz_check.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using actlab::app::Session;
using nlohmann::json;

// The playground's generated points above kMaxFuzzPoints (up to core::kMaxPoints) held to it: the reader
// takes them by the same comparisons, and refuses larger ones before generating anything.
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

// What a session read starts from: a playground of few points, so its round trip generates little.
Session sentinel() {
    Session s;
    s.playground.config.data.points = actlab::core::kMinPoints;
    s.softmax.logits = {0.5, -0.25};
    s.softmax.labels = {"yes", "no"};
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text = capped(std::string(reinterpret_cast<const char*>(bytes), size));
    static const std::string untouched = actlab::app::session_json(sentinel());
    Session s = sentinel();
    std::string error;
    if (!actlab::app::parse_session(text, &s, &error)) {
        FUZZ_CHECK(error.rfind("at /", 0) == 0 || error.rfind("not valid JSON", 0) == 0,
                   "a refusal that does not say where: " + error.substr(0, 200));
        FUZZ_CHECK(error.find('\n') == std::string::npos, "a refusal of more than one line: " + error.substr(0, 200));
        FUZZ_CHECK(actlab::app::session_json(s) == untouched, "a refused file changed the session");
        return 0;
    }
    std::string why;
    FUZZ_CHECK(actlab::app::check_activation_range(s.activations, &why), "activations: " + why);
    FUZZ_CHECK(actlab::app::check_softmax_view(s.softmax, &why), "softmax: " + why);
    FUZZ_CHECK(s.points.has_value() == !s.playground.data_file.empty(), "points without a file, or a file without points");
    if (s.network) {
        const int classes = s.points ? s.points->classes : actlab::core::dataset_info(s.playground.config.data.kind).classes;
        FUZZ_CHECK(s.network->params.size() ==
                       actlab::core::parameter_count(actlab::core::network_spec(s.playground.config, classes)),
                   "weights of the wrong count");
        FUZZ_CHECK(s.network->params.allFinite(), "a weight that is not finite");
        FUZZ_CHECK(s.network->epoch >= 0, "a negative epoch");
    }
    const std::string saved = actlab::app::session_json(s);
    Session again = sentinel();
    FUZZ_CHECK(actlab::app::parse_session(saved, &again, &error), "the session as written reads back with: " + error);
    FUZZ_CHECK(actlab::app::session_json(again) == saved, "the session as written reads back to another session");
    return 0;
}
