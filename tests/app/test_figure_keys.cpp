// The activation figure's settings (KEY=VALUE), its CSV and its file names.
#include "app/figures/activation_figure.h"
#include "app/figures/activation_keys.h"

#include <gtest/gtest.h>

#include <vector>

using namespace actlab;
using app::ActivationView;

namespace {

// The view written out as keys and read back into a fresh view.
ActivationView round_trip(const ActivationView& v) {
    ActivationView back;
    std::string error;
    for (const auto& [key, value] : app::activation_keys(v))
        EXPECT_TRUE(app::apply_activation_key(&back, key, value, &error)) << key << "=" << value << ": " << error;
    return back;
}

}  // namespace

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
    ASSERT_TRUE(app::apply_activation_key(&v, "x", "-1e300,0,2.5", &error)) << error;
    ASSERT_TRUE(app::apply_activation_key(&v, "yscale", "log", &error)) << error;
    EXPECT_TRUE(round_trip(v) == v);
}

TEST(FigureKeys, AnEmptySelectionRoundTrips) {
    ActivationView v;
    std::string error;
    ASSERT_TRUE(app::apply_activation_key(&v, "functions", "", &error)) << error;
    EXPECT_TRUE(v.functions.empty());
    EXPECT_TRUE(round_trip(v) == v);
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
    EXPECT_FALSE(app::apply_activation_key(&v, "yscale", "ln", &error));
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
    const app::Zones& relu = c.zones[0];
    ASSERT_EQ(relu.dead.size(), 1u);
    EXPECT_DOUBLE_EQ(relu.dead[0].first, -10.0);
    EXPECT_NEAR(relu.dead[0].second, 0.0, 0.03);
    EXPECT_TRUE(relu.saturated.empty());
    const app::Zones& sig = c.zones[1];
    EXPECT_TRUE(sig.dead.empty());
    ASSERT_EQ(sig.saturated.size(), 2u);
    // σ'(x) = 0.05 where |x| = ln((1 + √0.8)/(1 − √0.8)) ≈ 2.887
    EXPECT_NEAR(sig.saturated[0].second, -2.887, 0.03);
    EXPECT_NEAR(sig.saturated[1].first, 2.887, 0.03);
}

TEST(FigureZones, AnUnderflowingTailIsSaturationNotDeath) {
    ActivationView v;
    std::string error;
    ASSERT_TRUE(app::apply_activation_key(&v, "functions", "tanh,hardswish", &error));
    const app::ActivationCurves c = app::sample_curves(v, -1000, 10);
    ASSERT_EQ(c.dy[0][0], 0.0);  // tanh'(-1000) underflows to 0 ...
    EXPECT_TRUE(c.zones[0].dead.empty());  // ... but tanh cannot die
    EXPECT_FALSE(c.zones[0].saturated.empty());
    // Hard swish dies below -3; its f' = 0 at exactly -1.5 is no dead zone
    ASSERT_EQ(c.zones[1].dead.size(), 1u);
    EXPECT_NEAR(c.zones[1].dead[0].second, -3.0, 1.0);
}

TEST(FigureZones, LeakyReluDiesOnlyWhenAlphaIsZero) {
    const core::Activation& leaky = *core::find_activation("leaky_relu");
    const double alpha0[2] = {0.0, 0.0}, alpha01[2] = {0.01, 0.0};
    EXPECT_TRUE(app::can_die(leaky, alpha0));
    EXPECT_FALSE(app::can_die(leaky, alpha01));
    EXPECT_FALSE(app::can_die(*core::find_activation("tanh"), alpha0));
    EXPECT_TRUE(app::can_die(*core::find_activation("hardsigmoid"), alpha0));
}

TEST(FigureFiles, StemSaysWhatIsShown) {
    ActivationView v;
    std::string error;
    ASSERT_TRUE(app::apply_activation_key(&v, "functions", "relu,gelu", &error));
    EXPECT_EQ(app::activation_file_stem(v), "activations_relu-gelu_x-5to5");
    v.x_min = -0.32178;
    v.x_max = 1.2;
    EXPECT_EQ(app::activation_file_stem(v), "activations_relu-gelu_x-0.322to1.2");
}
