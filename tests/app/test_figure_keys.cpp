// The activation figure's settings (KEY=VALUE), its CSV and its file names.
#include "app/figures/activation_figure.h"

#include <gtest/gtest.h>

using namespace actlab;
using app::ActivationView;

TEST(FigureKeys, EveryKeyRoundTrips) {
    ActivationView v;
    std::string error;
    ASSERT_TRUE(app::apply_activation_key(&v, "functions", "swish,elu,relu", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "swish.beta", "2.5", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "elu.alpha", "0.3", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "curves", "df", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "xmin", "-7.5", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "probe", "off", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "shade", "dead", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "threshold", "0.01", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "focus", "elu", &error)) << error;
    ActivationView back;
    for (const auto& [key, value] : app::activation_keys(v))
        ASSERT_TRUE(app::apply_activation_key(&back, key, value, &error)) << key << "=" << value << ": " << error;
    EXPECT_TRUE(back == v);
}

TEST(FigureKeys, ABadValueLeavesTheViewAsItWas) {
    ActivationView v;
    const ActivationView before = v;
    std::string error;
    EXPECT_FALSE(app::apply_activation_key(&v, "functions", "relu,relu", &error));
    EXPECT_NE(error.find("listed twice"), std::string::npos);
    EXPECT_FALSE(app::apply_activation_key(&v, "swish.beta", "-1", &error));
    EXPECT_FALSE(app::apply_activation_key(&v, "swish.gamma", "1", &error));
    EXPECT_NE(error.find("only the parameter beta"), std::string::npos);
    EXPECT_FALSE(app::apply_activation_key(&v, "x", "1,,2", &error));
    EXPECT_FALSE(app::apply_activation_key(&v, "threshold", "0", &error));
    EXPECT_FALSE(app::apply_activation_key(&v, "curves", "g", &error));
    EXPECT_TRUE(v == before);
}

TEST(FigureKeys, ParameterBoundsAreInclusive) {
    ActivationView v;
    std::string error;
    EXPECT_TRUE(app::apply_activation_key(&v, "leaky_relu.alpha", "0", &error));
    EXPECT_TRUE(app::apply_activation_key(&v, "leaky_relu.alpha", "1", &error));
    EXPECT_FALSE(app::apply_activation_key(&v, "leaky_relu.alpha", "1.0000001", &error));
}

TEST(FigureCsv, RowsPerFunctionAndPoint) {
    ActivationView v;
    std::string error;
    ASSERT_TRUE(app::apply_activation_key(&v, "functions", "hardswish", &error));
    ASSERT_TRUE(app::apply_activation_key(&v, "x", "-3,3", &error));
    EXPECT_EQ(app::activation_csv(v), "function,param,x,y,dy\nhardswish,,-3,0,-0.5\nhardswish,,3,3,1.5\n");
}

TEST(FigureZones, ReluIsDeadLeftOfZeroAndSigmoidSaturatesInBothTails) {
    ActivationView v;
    std::string error;
    ASSERT_TRUE(app::apply_activation_key(&v, "functions", "relu,sigmoid", &error));
    const app::ActivationCurves c = app::sample_curves(v, -10, 10);
    const app::Zones relu = app::find_zones(c, 0, 0.05);
    ASSERT_EQ(relu.dead.size(), 1u);
    EXPECT_DOUBLE_EQ(relu.dead[0].first, -10.0);
    EXPECT_NEAR(relu.dead[0].second, 0.0, 0.03);
    EXPECT_TRUE(relu.saturated.empty());
    const app::Zones sig = app::find_zones(c, 1, 0.05);
    EXPECT_TRUE(sig.dead.empty());
    ASSERT_EQ(sig.saturated.size(), 2u);
    // σ'(x) = 0.05 where |x| = ln((1 + √0.8)/(1 − √0.8)) ≈ 2.887
    EXPECT_NEAR(sig.saturated[0].second, -2.887, 0.03);
    EXPECT_NEAR(sig.saturated[1].first, 2.887, 0.03);
}

TEST(FigureFiles, StemSaysWhatIsShown) {
    ActivationView v;
    std::string error;
    ASSERT_TRUE(app::apply_activation_key(&v, "functions", "relu,gelu", &error));
    EXPECT_EQ(app::activation_file_stem(v), "activations_relu-gelu_x-5to5");
}
