// Every view's table of keys: each written key reads back to the same view, and the help and the
// "unknown key" message list exactly the table's keys.
#include "app/figures/activation_keys.h"
#include "app/figures/gated_keys.h"
#include "app/figures/gradient_keys.h"
#include "app/figures/playground_keys.h"
#include "app/figures/softmax_keys.h"
#include "app/figures/training_keys.h"

#include <gtest/gtest.h>

#include <sstream>
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

using namespace actlab::app;

namespace {

// The keys at the start of the help's lines ("  name=example   help"), in order.
std::vector<std::string> help_keys(const std::string& help) {
    std::vector<std::string> keys;
    std::istringstream lines(help);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.size() < 3 || line[2] == ' ') continue;  // a help line going on
        keys.push_back(line.substr(2, line.find('=') - 2));
    }
    return keys;
}

// The names the table lists, its pattern last.
template <class View>
std::vector<std::string> table_names(const KeyTable<View>& table) {
    std::vector<std::string> names;
    for (const Key<View>& k : table.keys) names.push_back(k.name);
    if (table.pattern) names.push_back(table.pattern->pattern);
    return names;
}

template <class View>
void expect_lists_exactly_its_keys(const KeyTable<View>& table) {
    EXPECT_EQ(help_keys(key_help(table)), table_names(table));
    std::string listed = unknown_key_message(table, "colour");
    ASSERT_EQ(listed.rfind("unknown key 'colour' (keys: ", 0), 0u) << listed;
    listed = listed.substr(listed.find("(keys: ") + 7);
    for (const Key<View>& k : table.keys) {
        const std::string next = std::string(k.name) + (&k == &table.keys.back() && !table.pattern ? ")" : ", ");
        ASSERT_EQ(listed.rfind(next, 0), 0u) << k.name << " in " << listed;
        listed = listed.substr(next.size());
    }
    if (table.pattern) {
        EXPECT_EQ(listed.rfind(std::string("and ") + table.pattern->pattern, 0), 0u) << listed;
    }
}

// Every key the view writes parses back, one by one and all together, to the same view.
template <class View>
void expect_round_trip(const KeyTable<View>& table, const View& view) {
    View back;
    for (const auto& [key, value] : write_keys(table, view)) {
        std::string error;
        EXPECT_TRUE(apply_key(table, &back, key, value, &error)) << key << "=" << value << ": " << error;
        View one = view;
        EXPECT_TRUE(apply_key(table, &one, key, value, &error)) << key << ": " << error;
        EXPECT_TRUE(one == view) << key << "=" << value << " changes the view that wrote it";
    }
    EXPECT_TRUE(back == view);
}

}  // namespace

TEST(KeyTables, HelpAndUnknownKeyListExactlyTheTablesKeys) {
    expect_lists_exactly_its_keys(activation_key_table());
    expect_lists_exactly_its_keys(softmax_key_table());
    expect_lists_exactly_its_keys(gradient_key_table());
    expect_lists_exactly_its_keys(training_key_table());
    expect_lists_exactly_its_keys(playground_key_table());
    expect_lists_exactly_its_keys(gated_key_table());
    EXPECT_EQ(help_keys(activation_keys_help()), table_names(activation_key_table()));
    EXPECT_EQ(help_keys(training_keys_help()), table_names(training_key_table()));
}

TEST(KeyTables, ActivationAndSoftmaxAndGradientKeysRoundTrip) {
    ActivationView a;
    std::string error;
    for (const auto& [k, v] : std::vector<KeyValue>{{"functions", "elu,swish"}, {"x", "-1,2"}, {"focus", "elu"},
                                                    {"shade", "saturation"}, {"probe", "off"}, {"curves", "f"},
                                                    {"swish.beta", "2.5"}})
        ASSERT_TRUE(apply_activation_key(&a, k, v, &error)) << error;
    expect_round_trip(activation_key_table(), ActivationView());
    expect_round_trip(activation_key_table(), a);
    SoftmaxView s;
    ASSERT_TRUE(apply_softmax_key(&s, "temperature", "0.5,2", &error)) << error;
    ASSERT_TRUE(apply_softmax_key(&s, "labels", "x,y,z", &error)) << error;
    expect_round_trip(softmax_key_table(), SoftmaxView());
    expect_round_trip(softmax_key_table(), s);
    GradientView g;
    ASSERT_TRUE(apply_gradient_key(&g, "init", "uniform", &error)) << error;
    ASSERT_TRUE(apply_gradient_key(&g, "compare", "tanh+normal,relu+he", &error)) << error;
    expect_round_trip(gradient_key_table(), GradientView());
    expect_round_trip(gradient_key_table(), g);
}

// The gated-units lab: the default view, and one with every key away from its default (a gate given by
// a variant's id, a parameter, exact points, the probe off), read back one by one and all together.
TEST(KeyTables, GatedKeysRoundTrip) {
    GatedView g;
    std::string error;
    for (const auto& [k, v] : std::vector<KeyValue>{{"gate", "swish"}, {"swish.beta", "2.5"}, {"amin", "-2"}, {"amax", "6"},
                                                    {"bmin", "-0.5"}, {"bmax", "0.75"}, {"samples", "33"}, {"a", "-1,0,1e-300"},
                                                    {"b", "2"}, {"ungated", "true"}, {"slice", "a"}, {"slice_b", "-3"},
                                                    {"slice_a", "0.1"}, {"probe", "off"}, {"d_model", "4096"},
                                                    {"d_ff", "14336"}, {"multiple", "128"}, {"leaky_relu.alpha", "0.2"}})
        ASSERT_TRUE(apply_gated_key(&g, k, v, &error)) << k << ": " << error;
    expect_round_trip(gated_key_table(), GatedView());
    expect_round_trip(gated_key_table(), g);
    GatedView variant;
    ASSERT_TRUE(apply_gated_key(&variant, "gate", "reglu", &error)) << error;
    EXPECT_EQ(variant.gate, actlab::core::activation_index("relu"));
    expect_round_trip(gated_key_table(), variant);
    const std::vector<KeyValue> written = gated_keys(variant);
    EXPECT_NE(std::find(written.begin(), written.end(), KeyValue{"gate", "relu"}), written.end()) << "written as the catalogue id";
}

// A training run's keys describe the run as finish_training_request leaves it: read back and
// finished, they give the same set-up.
TEST(KeyTables, TrainingKeysRoundTrip) {
    for (const std::vector<KeyValue>& sets :
         {std::vector<KeyValue>{}, std::vector<KeyValue>{{"init", "normal"}, {"sigma", "0.5"}, {"data_seed", "7"}},
          std::vector<KeyValue>{{"layers", "none"}, {"init", "uniform"}, {"a", "2"}, {"output", "sigmoid"}},
          std::vector<KeyValue>{{"layers", "3,5"}, {"activation", "relu,tanh"}, {"reg", "l2"}, {"reg_rate", "0.01"}},
          std::vector<KeyValue>{{"layers", "3,5"}, {"activation", "swiglu,tanh"}},
          std::vector<KeyValue>{{"layers", "3,5,2"}, {"activation", "tanh,reglu,elu"}, {"gated", "true,true,false"}}}) {
        TrainingRequest request;
        std::string error;
        for (const auto& [k, v] : sets) ASSERT_TRUE(apply_training_key(&request, k, v, &error)) << error;
        actlab::core::Dataset data;
        ASSERT_TRUE(finish_training_request(&request, &data, &error)) << error;
        const std::vector<KeyValue> written = training_keys(request.config, request.data_file);
        TrainingRequest back;
        for (const auto& [k, v] : written) ASSERT_TRUE(apply_training_key(&back, k, v, &error)) << k << ": " << error;
        ASSERT_TRUE(finish_training_request(&back, &data, &error)) << error;
        EXPECT_EQ(training_keys(back.config, back.data_file), written);
    }
}

// activation= takes the gated variants' ids, gated= gates any activation; what they say is written
// back in the fewest words: the variant where there is one, gated= only for a gate no variant names.
TEST(KeyTables, GatedLayersAreReadFromVariantsAndGatedAndWrittenBack) {
    using actlab::core::activation_index;
    const auto finished = [](const std::vector<KeyValue>& sets, TrainingRequest* request, std::string* error) {
        for (const auto& [k, v] : sets)
            if (!apply_training_key(request, k, v, error)) return false;
        actlab::core::Dataset data;
        return finish_training_request(request, &data, error);
    };
    std::string error;
    TrainingRequest r;
    ASSERT_TRUE(finished({{"layers", "4,3"}, {"activation", "swiglu,tanh"}}, &r, &error)) << error;
    EXPECT_EQ(r.config.hidden[0].activation, activation_index("silu"));
    EXPECT_TRUE(r.config.hidden[0].gated);
    EXPECT_FALSE(r.config.hidden[1].gated);
    EXPECT_EQ(hidden_layer_id(r.config.hidden[0]), "swiglu");
    EXPECT_EQ(hidden_layer_label(r.config.hidden[0]), "SwiGLU");

    TrainingRequest all;
    ASSERT_TRUE(finished({{"layers", "4,3"}, {"activation", "tanh"}, {"gated", "true"}}, &all, &error)) << error;
    EXPECT_TRUE(all.config.hidden[0].gated && all.config.hidden[1].gated);
    EXPECT_EQ(hidden_layer_id(all.config.hidden[1]), "gated_tanh");
    const std::vector<KeyValue> written = training_keys(all.config, "");
    EXPECT_NE(std::find(written.begin(), written.end(), KeyValue{"gated", "true,true"}), written.end());
    EXPECT_NE(std::find(written.begin(), written.end(), KeyValue{"activation", "tanh,tanh"}), written.end());
    // a variant says it alone
    for (const KeyValue& kv : training_keys(r.config, "")) EXPECT_NE(kv.first, "gated");

    TrainingRequest contradiction;
    EXPECT_FALSE(finished({{"layers", "4"}, {"activation", "swiglu"}, {"gated", "false"}}, &contradiction, &error));
    EXPECT_NE(error.find("contradicts activation=swiglu"), std::string::npos) << error;
    TrainingRequest count;
    EXPECT_FALSE(finished({{"layers", "4,3,2"}, {"gated", "true,false"}}, &count, &error));
    EXPECT_NE(error.find("2 values for 3 hidden layers"), std::string::npos) << error;
    TrainingRequest word;
    EXPECT_FALSE(apply_training_key(&word, "gated", "yes", &error));
    EXPECT_NE(error.find("true or false"), std::string::npos) << error;
    TrainingRequest unknown;
    EXPECT_FALSE(apply_training_key(&unknown, "activation", "swishglu", &error));
    EXPECT_NE(error.find("gated: glu, swiglu"), std::string::npos) << error;
}

// The playground's display keys (it has no operator==: what it writes is compared instead). Each key
// read back alone or all together gives the view that wrote it.
TEST(KeyTables, PlaygroundKeysRoundTrip) {
    PlaygroundView changed;
    std::string error;
    for (const auto& [k, v] : std::vector<KeyValue>{{"speed", "0"}, {"discrete", "true"}, {"show_test", "false"},
                                                    {"log_loss", "false"}, {"temperature", "0.25"}, {"entropy", "true"},
                                                    {"view", "gradient"}, {"layer", "1"}, {"stage", "bias"},
                                                    {"projection", "units:3,2"}})
        ASSERT_TRUE(apply_playground_key(&changed, k, v, &error)) << k << ": " << error;
    for (const PlaygroundView& view : {PlaygroundView(), changed}) {
        const std::vector<KeyValue> written = playground_keys(view);
        ASSERT_EQ(written.size(), playground_key_table().keys.size()) << "every key is written";
        PlaygroundView back;
        for (const auto& [key, value] : written) {
            EXPECT_TRUE(is_playground_key(key)) << key;
            EXPECT_TRUE(apply_playground_key(&back, key, value, &error)) << key << "=" << value << ": " << error;
            PlaygroundView one = view;
            EXPECT_TRUE(apply_playground_key(&one, key, value, &error)) << key << ": " << error;
            EXPECT_EQ(playground_keys(one), written) << key << "=" << value << " changes the view that wrote it";
        }
        EXPECT_EQ(playground_keys(back), written);
    }
    EXPECT_EQ(changed.pane, PlaygroundPane::Gradient);
    EXPECT_EQ(changed.temperature, 0.25);
    EXPECT_EQ(changed.speed, 0.0);
    EXPECT_EQ(changed.warp.layer, 1);
    EXPECT_EQ(changed.warp.stage, actlab::core::WarpStage::Bias);
    EXPECT_EQ(changed.warp.projection, (actlab::core::WarpProjection{actlab::core::WarpProjection::Kind::Units, 2, 1}));
    for (const char* pane : {"network", "units", "gradient", "layers"}) {
        PlaygroundView v;
        ASSERT_TRUE(apply_playground_key(&v, "view", pane, &error)) << error;
        const std::vector<KeyValue> written = playground_keys(v);
        EXPECT_NE(std::find(written.begin(), written.end(), KeyValue{"view", pane}), written.end()) << pane;
    }
    for (const char* layer : {"last", "0", "8"}) {
        PlaygroundView v;
        ASSERT_TRUE(apply_playground_key(&v, "layer", layer, &error)) << error;
        const std::vector<KeyValue> written = playground_keys(v);
        EXPECT_NE(std::find(written.begin(), written.end(), KeyValue{"layer", layer}), written.end()) << layer;
    }
    EXPECT_FALSE(is_playground_key("lr")) << "a training key is not a display key";
}

// A bad value is refused with the key, the value and what it must be, and the view keeps what it had.
TEST(KeyTables, ABadPlaygroundViewOrTemperatureIsRefused) {
    PlaygroundView v;
    std::string error;
    ASSERT_TRUE(apply_playground_key(&v, "view", "network", &error)) << error;
    const std::vector<KeyValue> before = playground_keys(v);
    for (const auto& [key, value, says] :
         std::vector<std::tuple<std::string, std::string, std::string>>{{"view", "sideways", "must be units, gradient, layers or network"},
                                                                         {"view", "", "must be units, gradient, layers or network"},
                                                                         {"view", "Units", "must be units, gradient, layers or network"},
                                                                         {"layer", "9", "must be last, 0 (the input plane) or a hidden layer from 1 to 8"},
                                                                         {"layer", "first", "must be last, 0"},
                                                                         {"layer", "1.5", "must be last, 0"},
                                                                         {"stage", "f", "must be linear, bias or activation"},
                                                                         {"projection", "units:0,1", "must be auto, pca, output or units:I,J"},
                                                                         {"projection", "units:65,1", "must be auto, pca, output or units:I,J"},
                                                                         {"projection", "units:2,2", "names unit 2 twice"},
                                                                         {"projection", "PCA", "must be auto, pca, output or units:I,J"},
                                                                         {"temperature", "0", "must be a number from 0.05 to 20"},
                                                                         {"temperature", "-1", "must be a number from 0.05 to 20"},
                                                                         {"temperature", "1e9", "must be a number from 0.05 to 20"},
                                                                         {"temperature", "warm", "must be a number from 0.05 to 20"},
                                                                         {"temperature", "nan", "must be a number from 0.05 to 20"}}) {
        error.clear();
        EXPECT_FALSE(apply_playground_key(&v, key, value, &error)) << key << "=" << value << " was taken";
        EXPECT_NE(error.find("'" + key + "=" + value + "'"), std::string::npos) << "the message names what was typed: " << error;
        EXPECT_NE(error.find(says), std::string::npos) << error;
        EXPECT_EQ(playground_keys(v), before) << key << "=" << value << " changed the view";
    }
    error.clear();
    EXPECT_FALSE(apply_playground_key(&v, "colour", "red", &error));
    EXPECT_NE(error.find("unknown key 'colour'"), std::string::npos) << error;
}
