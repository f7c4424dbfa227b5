// TensorFlow Playground links read as the playground's keys (app/figures/playground_link.h): the link of
// the course material, a regression, a spiral with L2, an empty networkShape, fields actlab has no
// counterpart for or does not know, and links that must be refused whole.
#include "app/figures/playground_link.h"

#include "app/figures/training_keys.h"

#include <gtest/gtest.h>

#include <map>

namespace app = actlab::app;
namespace core = actlab::core;

namespace {

const std::string kCourseLink =
    "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&"
    "learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.80593&showTestData=false&"
    "discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&"
    "sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false";

std::map<std::string, std::string> keys_of(const app::PlaygroundLink& link) {
    std::map<std::string, std::string> out;
    for (const auto& [k, v] : link.keys) out[k] = v;
    return out;
}

app::PlaygroundLink parsed(const std::string& text) {
    app::PlaygroundLink link;
    std::string error;
    EXPECT_TRUE(app::parse_playground_link(text, &link, &error)) << error;
    EXPECT_EQ(link.keys.size(), link.fields.size());
    return link;
}

std::string refusal(const std::string& text) {
    app::PlaygroundLink link;
    std::string error;
    EXPECT_FALSE(app::parse_playground_link(text, &link, &error)) << text << " was read";
    return error;
}

std::string all_notes(const app::PlaygroundLink& link) {
    std::string s;
    for (const std::string& n : link.notes) s += n + "\n";
    return s;
}

}  // namespace

TEST(PlaygroundLink, TheCourseLinkIsSetupA) {
    const app::PlaygroundLink link = parsed(kCourseLink);
    const std::map<std::string, std::string> want = {
        {"dataset", "circle"}, {"points", "500"},      {"noise", "0"},        {"split", "50"},      {"seed", "80593"},
        {"features", "x1,x2"}, {"layers", "4,2"},      {"activation", "tanh"}, {"output", "tanh"},   {"loss", "mse"},
        {"optimizer", "sgd"},  {"lr", "0.03"},         {"batch", "10"},       {"reg", "none"},      {"reg_rate", "0"},
        {"init", "playground"}, {"show_test", "false"}, {"discrete", "false"}};
    EXPECT_EQ(keys_of(link), want);
    EXPECT_EQ(keys_of(parsed("  " + kCourseLink + "\r\n")), want);  // as copied, with a line break
    const std::string notes = all_notes(link);
    EXPECT_NE(notes.find("seed=80593 is the digits after the point of Playground's seed 0.80593"), std::string::npos) << notes;
    EXPECT_NE(notes.find("Ignored, as they change only Playground's page: collectStats and hideText"), std::string::npos) << notes;
    EXPECT_EQ(notes.find("No counterpart"), std::string::npos) << notes;  // cosX, cosY and initZero are all false

    // applied, it is the default run but for its seed, and shows no test points
    app::PlaygroundView view;
    view.speed = 5;
    view.data_file = "old.csv";
    core::Dataset data;
    std::string error;
    ASSERT_TRUE(app::apply_playground_link(link, &view, &data, &error)) << error;
    core::TrainConfig want_config = core::default_train_config();
    want_config.seed = want_config.data.seed = 80593;
    EXPECT_EQ(app::training_keys(view.config, view.data_file), app::training_keys(want_config, ""));
    EXPECT_TRUE(view.data_file.empty());
    EXPECT_FALSE(view.show_test);
    EXPECT_EQ(view.speed, 5);  // display keys the link does not have stay
    EXPECT_EQ(data.size(), 500);
    EXPECT_EQ(data.classes, 2);
    EXPECT_NE(app::playground_link_summary(link).find("Set: dataset=circle, points=500"), std::string::npos);
}

TEST(PlaygroundLink, ARegressionIsIdentityAndSquaredError) {
    const app::PlaygroundLink link =
        parsed("https://playground.tensorflow.org/#activation=relu&batchSize=30&dataset=circle&regDataset=reg-gauss&"
               "learningRate=0.01&regularizationRate=0&noise=15&networkShape=8,8,4&seed=0.12345&percTrainData=70&"
               "problem=regression");
    const std::map<std::string, std::string> k = keys_of(link);
    EXPECT_EQ(k.at("dataset"), "multigauss");
    EXPECT_EQ(k.at("points"), "1200");
    EXPECT_EQ(k.at("output"), "identity");
    EXPECT_EQ(k.at("loss"), "mse");
    EXPECT_EQ(k.at("activation"), "relu");
    EXPECT_EQ(k.at("layers"), "8,8,4");
    EXPECT_EQ(k.at("noise"), "15");
    EXPECT_EQ(k.at("split"), "70");
    EXPECT_EQ(k.at("batch"), "30");
    EXPECT_EQ(k.at("seed"), "12345");
    app::PlaygroundView view;
    core::Dataset data;
    std::string error;
    ASSERT_TRUE(app::apply_playground_link(link, &view, &data, &error)) << error;
    EXPECT_EQ(view.config.output, core::Output::Identity);
    EXPECT_EQ(data.classes, 0);
    EXPECT_EQ(data.size(), 1200);
    EXPECT_EQ(keys_of(parsed("#problem=regression&regDataset=reg-plane")).at("dataset"), "plane");
    // the classification dataset is not read for a regression, as on Playground
    EXPECT_EQ(keys_of(parsed("#problem=regression&dataset=nonsense")).at("dataset"), "plane");
}

TEST(PlaygroundLink, SpiralWithL2AndEveryFeature) {
    const app::PlaygroundLink link =
        parsed("https://playground.tensorflow.org/#activation=sigmoid&regularization=L2&batchSize=1&dataset=spiral&"
               "learningRate=0.3&regularizationRate=0.003&noise=50&networkShape=6,6,6,6,6,6&seed=0.00042&"
               "showTestData=true&discretize=true&percTrainData=90&x=true&y=true&xTimesY=true&xSquared=true&"
               "ySquared=true&cosX=true&sinX=true&cosY=false&sinY=true&problem=classification&initZero=true");
    const std::map<std::string, std::string> k = keys_of(link);
    EXPECT_EQ(k.at("dataset"), "spiral");
    EXPECT_EQ(k.at("reg"), "l2");
    EXPECT_EQ(k.at("reg_rate"), "0.003");
    EXPECT_EQ(k.at("activation"), "sigmoid");
    EXPECT_EQ(k.at("features"), "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2");
    EXPECT_EQ(k.at("show_test"), "true");
    EXPECT_EQ(k.at("discrete"), "true");
    EXPECT_EQ(k.at("seed"), "42");  // the digits after the point, leading zeros and all, as a number
    const std::string notes = all_notes(link);
    EXPECT_NE(notes.find("No counterpart in actlab: the input cosX"), std::string::npos) << notes;
    EXPECT_NE(notes.find("No counterpart in actlab: initZero=true"), std::string::npos) << notes;
    // what has no counterpart leads the status line
    EXPECT_EQ(app::playground_link_summary(link).rfind("Opened the TensorFlow Playground link. No counterpart", 0), 0u);
    app::PlaygroundView view;
    core::Dataset data;
    std::string error;
    ASSERT_TRUE(app::apply_playground_link(link, &view, &data, &error)) << error;
    EXPECT_EQ(view.config.optimizer.regularization, core::Regularization::L2);
    EXPECT_EQ(view.config.optimizer.regularization_rate, 0.003);
    EXPECT_EQ(view.config.hidden.size(), 6u);
    EXPECT_EQ(core::activation(view.config.hidden[0].activation).id, std::string("sigmoid"));
    EXPECT_TRUE(view.discrete);
    EXPECT_EQ(data.size(), 500);
}

TEST(PlaygroundLink, AnEmptyNetworkShapeIsNoHiddenLayer) {
    const app::PlaygroundLink link = parsed("playground.tensorflow.org/#networkShape=&activation=linear");
    EXPECT_EQ(keys_of(link).at("layers"), "none");
    EXPECT_EQ(keys_of(link).at("activation"), "identity");
    app::PlaygroundView view;
    core::Dataset data;
    std::string error;
    ASSERT_TRUE(app::apply_playground_link(link, &view, &data, &error)) << error;
    EXPECT_TRUE(view.config.hidden.empty());
    // left out, it is Playground's default 4,2
    EXPECT_EQ(keys_of(parsed("#activation=relu")).at("layers"), "4,2");
}

TEST(PlaygroundLink, UnknownFieldsAreNamedAndTheRestIsRead) {
    const app::PlaygroundLink link = parsed(
        "https://playground.tensorflow.org/?hl=en#activation=relu&dataset=xor&learningRate=0.1&colour=red&labelNoise=5&"
        "flag&&tutorial=dropout&percTrainData_hide=true&problem_hide=true&networkShape=3%2C2");
    const std::map<std::string, std::string> k = keys_of(link);
    EXPECT_EQ(k.at("dataset"), "xor");
    EXPECT_EQ(k.at("lr"), "0.1");
    EXPECT_EQ(k.at("layers"), "3,2");  // %2C decoded
    const std::string notes = all_notes(link);
    EXPECT_NE(notes.find("not a Playground setting actlab knows: colour, labelNoise and flag"), std::string::npos) << notes;
    EXPECT_NE(notes.find("only Playground's page: tutorial, percTrainData_hide and problem_hide"), std::string::npos) << notes;
    EXPECT_NE(notes.find("no seed"), std::string::npos) << notes;
    // a field given twice: the last wins, as on Playground
    EXPECT_EQ(keys_of(parsed("#activation=relu&activation=sigmoid")).at("activation"), "sigmoid");
}

TEST(PlaygroundLink, SeedsAreDeterministicWholeNumbers) {
    EXPECT_EQ(app::playground_link_seed("0.80593"), 80593u);
    EXPECT_EQ(app::playground_link_seed("7"), 7u);
    EXPECT_EQ(app::playground_link_seed("4294967295"), 4294967295u);
    const std::uint64_t hashed = app::playground_link_seed("hello");
    EXPECT_EQ(hashed, app::playground_link_seed("hello"));
    EXPECT_NE(hashed, app::playground_link_seed("hellp"));
    EXPECT_LE(hashed, 4294967295u);
    EXPECT_LE(app::playground_link_seed("4294967296"), 4294967295u);   // too large: hashed
    EXPECT_LE(app::playground_link_seed("0.9999999999"), 4294967295u);  // 10 digits: hashed
    EXPECT_NE(all_notes(parsed("#seed=hello")).find("a hash of Playground's seed 'hello'"), std::string::npos);
}

TEST(PlaygroundLink, GarbageAndOtherSitesAreRefusedWithAReason) {
    EXPECT_NE(refusal("").find("There is no link"), std::string::npos);
    EXPECT_NE(refusal("   \n").find("There is no link"), std::string::npos);
    EXPECT_NE(refusal("hello world").find("one line with no spaces"), std::string::npos);
    EXPECT_NE(refusal("https://example.com/#activation=tanh").find("its site is 'example.com'"), std::string::npos);
    EXPECT_NE(refusal("ftp://playground.tensorflow.org/#activation=tanh").find("not a TensorFlow Playground link"),
              std::string::npos);
    EXPECT_NE(refusal("https://playground.tensorflow.org/").find("has no settings"), std::string::npos);
    EXPECT_NE(refusal("https://playground.tensorflow.org/#").find("has no settings"), std::string::npos);
    EXPECT_NE(refusal("#foo=1&bar=2").find("none of TensorFlow Playground's settings"), std::string::npos);
    EXPECT_NE(refusal("#activation=softplus").find("activation=softplus is not one of Playground's activations (relu, "
                                                   "tanh, sigmoid and linear)"),
              std::string::npos);
    EXPECT_NE(refusal("#dataset=moons").find("classification datasets (circle, xor, gauss and spiral)"), std::string::npos);
    EXPECT_NE(refusal("#problem=regression&regDataset=reg-maximum").find("regression datasets (reg-plane and reg-gauss)"),
              std::string::npos);
    EXPECT_NE(refusal("#problem=ranking").find("problem=ranking"), std::string::npos);
    EXPECT_NE(refusal("#regularization=l3").find("regularization=l3"), std::string::npos);
    EXPECT_NE(refusal("#showTestData=yes").find("showTestData=yes must be true or false"), std::string::npos);
    EXPECT_NE(refusal("#x=false&y=false").find("no input actlab has"), std::string::npos);
    EXPECT_NE(refusal("#x=false&y=false&cosX=true").find("cosX has no counterpart"), std::string::npos);
    EXPECT_NE(refusal("#activation=tanh%2").find("'%'"), std::string::npos);
    EXPECT_NE(refusal("#activation=%zztanh").find("'%'"), std::string::npos);
}

TEST(PlaygroundLink, ValuesActlabRefusesNameTheFieldAndChangeNothing) {
    const struct {
        const char* link;
        const char* says;
    } cases[] = {
        {"#learningRate=0", "learningRate gives 'lr=0'"},
        {"#learningRate=fast", "learningRate gives 'lr=fast'"},
        {"#noise=80", "noise gives 'noise=80'"},
        {"#percTrainData=95", "percTrainData gives 'split=95'"},
        {"#batchSize=0", "batchSize gives 'batch=0'"},
        {"#networkShape=4,x", "networkShape gives 'layers=4,x'"},
        {"#networkShape=1,1,1,1,1,1,1,1,1", "networkShape gives 'layers=1,1,1,1,1,1,1,1,1'"},
        {"#regularizationRate=-1", "regularizationRate gives 'reg_rate=-1'"},
    };
    for (const auto& c : cases) {
        const app::PlaygroundLink link = parsed(c.link);
        app::PlaygroundView view;
        view.speed = 7;
        view.config.seed = 99;
        const app::PlaygroundView before = view;
        core::Dataset data;
        std::string error;
        EXPECT_FALSE(app::apply_playground_link(link, &view, &data, &error)) << c.link;
        EXPECT_NE(error.find(c.says), std::string::npos) << c.link << ": " << error;
        EXPECT_EQ(app::training_keys(view.config, view.data_file), app::training_keys(before.config, before.data_file));
        EXPECT_EQ(view.speed, 7);
        EXPECT_EQ(data.size(), 0);
    }
}
