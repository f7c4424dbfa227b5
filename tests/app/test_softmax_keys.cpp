// The softmax lab's settings (KEY=VALUE), its CSV, its file names and its colours.
#include "app/figures/softmax_figure.h"
#include "app/figures/softmax_keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace actlab::app;

namespace {

SoftmaxView round_trip(const SoftmaxView& v) {
    SoftmaxView back;
    std::string error;
    for (const auto& [key, value] : softmax_keys(v))
        EXPECT_TRUE(apply_softmax_key(&back, key, value, &error)) << key << "=" << value << ": " << error;
    return back;
}

}  // namespace

TEST(SoftmaxKeys, EveryKeyRoundTrips) {
    SoftmaxView v;
    std::string error;
    for (const auto& [k, val] : std::vector<std::pair<std::string, std::string>>{
             {"logits", "1e4,-1e4,0.1,2.5"}, {"labels", "the cat, a dog ,,x_y"}, {"temperature", "0.001,1000,0.3"},
             {"tmin", "0.002"}, {"tmax", "500"}, {"samples", "17"}, {"topk", "3"}, {"topp", "0.95"},
             {"draws", "100000"}, {"seed", "9007199254740992"}})
        ASSERT_TRUE(apply_softmax_key(&v, k, val, &error)) << k << ": " << error;
    EXPECT_EQ(v.labels[0], "the cat");
    EXPECT_EQ(v.labels[1], "a dog");  // spaces around an item are not part of it
    EXPECT_EQ(class_label(v, 2), "C");
    EXPECT_TRUE(check_softmax_view(v, &error)) << error;
    EXPECT_TRUE(round_trip(v) == v);
}

TEST(SoftmaxKeys, BadValuesNameTheKeyAndChangeNothing) {
    struct Case {
        const char* key;
        const char* value;
        const char* says;
    };
    const Case cases[] = {
        {"logits", "", "give 2 to 12 logits"},
        {"logits", "1", "1 logit: softmax here takes 2 to 12 classes"},
        {"logits", "1,2,3,4,5,6,7,8,9,10,11,12,13", "13 logits"},
        {"logits", "1,x", "'x' is not a finite number"},
        {"logits", "1,inf", "'inf' is not a finite number"},
        {"logits", "1,20000", "within ±10000"},
        {"temperature", "0", "must be > 0"},
        {"temperature", "-1", "must be > 0"},
        {"temperature", "0.0005", "from 0.001 to 1000"},
        {"temperature", "1001", "from 0.001 to 1000"},
        {"temperature", "", "give a temperature"},
        {"temperature", "1,2,3,4,5,6,7,8,9,10,11", "at most 10"},
        {"tmin", "0", "must be > 0"},
        {"tmax", "2000", "from 0.001 to 1000"},
        {"samples", "1", "from 2 to 10000"},
        {"samples", "2.5", "whole number"},
        {"topk", "13", "0 (off) to 12"},
        {"topp", "0", "above 0 and at most 1"},
        {"topp", "1.5", "above 0 and at most 1"},
        {"draws", "0", "from 1 to 100000"},
        {"seed", "-1", "from 0 to 2^53"},
        {"labels", "a,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "at most 24 characters"},
        {"colour", "red", "unknown key 'colour'"},
    };
    for (const Case& c : cases) {
        SoftmaxView v;
        const SoftmaxView before = v;
        std::string error;
        EXPECT_FALSE(apply_softmax_key(&v, c.key, c.value, &error)) << c.key << "=" << c.value;
        EXPECT_NE(error.find(c.says), std::string::npos) << c.key << "=" << c.value << " said: " << error;
        if (std::string(c.key) != "colour") {
            EXPECT_EQ(error.rfind(std::string("'") + c.key + "=", 0), 0u) << error;
        }
        EXPECT_TRUE(v == before) << c.key;
    }
}

TEST(SoftmaxKeys, TheViewIsCheckedAsAWhole) {
    SoftmaxView v;
    std::string error;
    ASSERT_TRUE(apply_softmax_key(&v, "tmin", "10", &error));
    ASSERT_TRUE(apply_softmax_key(&v, "tmax", "10", &error));
    EXPECT_FALSE(check_softmax_view(v, &error));
    EXPECT_NE(error.find("tmin (10) must be less than tmax (10)"), std::string::npos) << error;
    v = SoftmaxView();
    ASSERT_TRUE(apply_softmax_key(&v, "logits", "1,2,3", &error));
    ASSERT_TRUE(apply_softmax_key(&v, "labels", "a,b", &error));
    EXPECT_FALSE(check_softmax_view(v, &error));
    EXPECT_NE(error.find("labels= names 2 classes, but logits= gives 3"), std::string::npos) << error;
    // labels given first follow a longer list of logits: the new classes get default names
    v = SoftmaxView();
    ASSERT_TRUE(apply_softmax_key(&v, "labels", "x,y,z", &error));
    ASSERT_TRUE(apply_softmax_key(&v, "logits", "1,2,3,4", &error));
    EXPECT_TRUE(check_softmax_view(v, &error)) << error;
    EXPECT_EQ(class_label(v, 3), "D");
}

TEST(SoftmaxCsv, ExactColumnsOneRowPerTemperatureAndClass) {
    SoftmaxView v;
    std::string error;
    ASSERT_TRUE(apply_softmax_key(&v, "logits", "1,1", &error));
    ASSERT_TRUE(apply_softmax_key(&v, "temperature", "0.5,4", &error));
    EXPECT_EQ(softmax_csv(v), "temperature,class,logit,prob,entropy\n"
                              "0.5,0,1,0.5,0.6931471805599453\n0.5,1,1,0.5,0.6931471805599453\n"
                              "4,0,1,0.5,0.6931471805599453\n4,1,1,0.5,0.6931471805599453\n");
    ASSERT_TRUE(apply_softmax_key(&v, "samples", "3", &error));
    ASSERT_TRUE(apply_softmax_key(&v, "tmin", "0.1", &error));
    ASSERT_TRUE(apply_softmax_key(&v, "tmax", "10", &error));
    const std::string sweep = softmax_sweep_csv(v);
    EXPECT_EQ(sweep.rfind("temperature,class,logit,prob,entropy\n0.1,0,1,0.5,", 0), 0u) << sweep;
    EXPECT_NE(sweep.find("\n1,1,1,0.5,"), std::string::npos) << sweep;  // the middle decade, exactly 1
    EXPECT_NE(sweep.find("\n10,1,1,0.5,"), std::string::npos) << sweep;
    EXPECT_EQ(std::count(sweep.begin(), sweep.end(), '\n'), 1 + 3 * 2);
}

TEST(SoftmaxFiles, StemSaysWhatIsShown) {
    SoftmaxView v;
    std::string error;
    ASSERT_TRUE(apply_softmax_key(&v, "labels", "a b,c/d,e", &error));
    ASSERT_TRUE(apply_softmax_key(&v, "temperature", "0.5,2", &error));
    EXPECT_EQ(softmax_file_stem(v, SoftmaxPlot::Probabilities), "softmax_a_b-c_d-e_T0.5-2");
    EXPECT_EQ(softmax_file_stem(v, SoftmaxPlot::Sweep), "softmax-sweep_a_b-c_d-e_T0.01to100");
    EXPECT_EQ(softmax_file_stem(v, SoftmaxPlot::Samples), "softmax-samples-1000-seed1_a_b-c_d-e_T0.5-2");
}

TEST(SoftmaxStyle, TwelveClassesTwelveColours) {
    std::set<ImU32> colours;
    for (int i = 0; i < kMaxClasses; ++i) colours.insert(class_color(i));
    EXPECT_EQ(colours.size(), static_cast<size_t>(kMaxClasses));
}

TEST(SoftmaxData, SamplesComeFromTheFilteredDistribution) {
    SoftmaxView v;
    std::string error;
    ASSERT_TRUE(apply_softmax_key(&v, "topk", "1", &error));
    const SoftmaxData d = compute_softmax_data(v);
    EXPECT_EQ(d.counts[0], v.draws);
    EXPECT_EQ(d.counts[1] + d.counts[2], 0);
    EXPECT_EQ(d.filtered[0], 1.0);
}
