#include "app/plot/plot_demo.h"

#include "app/plot/plot.h"

#include <imgui.h>

#include <cmath>
#include <vector>

namespace actlab::plot {

namespace {

// Demo data, made once: the demo shows how to plot, not how to compute.
struct DemoData {
    std::vector<double> x, sine, cosine, decay, power;
    DemoData() {
        for (int i = 0; i <= 400; ++i) {
            const double t = -10.0 + 0.05 * i;
            x.push_back(t);
            sine.push_back(std::sin(t));
            cosine.push_back(0.5 * std::cos(2.0 * t));
        }
        for (int layer = 1; layer <= 50; ++layer) {
            power.push_back(layer);
            decay.push_back(std::pow(0.25, layer));  // sigmoid's best case, f'(0) = 1/4, over `layer` layers
        }
    }
};

const DemoData& data() {
    static const DemoData d;
    return d;
}

}  // namespace

void ShowDemoWindow(DemoState* state) {
    if (!state->open) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 44, ImGui::GetFontSize() * 40), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Plot widget demo", &state->open)) {
        ImGui::End();
        return;
    }
    const DemoData& d = data();
    const int n = static_cast<int>(d.x.size());
    const float h = ImGui::GetFontSize() * 17;

    ImGui::TextWrapped("Lines (solid and dashed), a band, markers, text and a draggable line. Drag to pan, scroll to "
                       "zoom, double-click to reset.");
    double& drag_x = state->drag_x;
    if (BeginPlot("Lines and markers", ImVec2(-1, h))) {
        SetupAxes("t", "value");
        SetupAxesLimits({-10, 10, -1.5, 1.5});
        PlotVBand("a band", -2.0, 0.5, IM_COL32(240, 170, 60, 60));
        PlotHLine("##zero", 0.0, {IM_COL32(0, 0, 0, 110), 1.2f});
        PlotLine("sin t", d.x.data(), d.sine.data(), n, {IM_COL32(0, 114, 178, 255), 3.0f});
        PlotLine("cos 2t / 2, dashed", d.x.data(), d.cosine.data(), n, {IM_COL32(213, 94, 0, 255), 2.2f, true});
        DragLineX("drag me", &drag_x, IM_COL32(90, 90, 90, 200));
        PlotMarker(drag_x, std::sin(drag_x), IM_COL32(0, 114, 178, 255));
        PlotText("sin t here", drag_x, std::sin(drag_x), IM_COL32(40, 40, 40, 255), ImVec2(8, -8), ImVec2(0, 1));
        EndPlot();
    }

    ImGui::TextWrapped("Dash patterns, for lines that share a colour (LineStyle::dashed takes a LineDash_; true is "
                       "the plain dash), each with its legend swatch.");
    if (BeginPlot("Dash patterns", ImVec2(-1, h))) {
        SetupAxes("t", "value");
        SetupAxesLimits({-10, 10, -1, 8.5});  // room above the lines for the legend
        static const char* const names[] = {"LineDash_Solid", "LineDash_Dashed", "LineDash_Long", "LineDash_Dotted",
                                            "LineDash_DashDot", "LineDash_DashDotDot"};
        for (int k = 0; k < LineDash_COUNT; ++k) {
            std::vector<double> y(d.sine.size());
            for (size_t i = 0; i < y.size(); ++i) y[i] = 0.3 * d.sine[i] + k;
            PlotLine(names[k], d.x.data(), y.data(), n, {IM_COL32(0, 114, 178, 255), 2.5f, k});
        }
        EndPlot();
    }

    ImGui::TextWrapped("A log-scale y axis: ticks at powers of ten. 0.25^L, the gradient left after L sigmoid layers "
                       "at their steepest point.");
    if (BeginPlot("Logarithmic y axis", ImVec2(-1, h))) {
        SetupAxes("layers L", "0.25^L");
        SetupAxisScale(Axis_Y, Scale_Log10);
        SetupAxesLimits({0, 51, 1e-31, 1});
        SetupLegend(Location_NorthEast);
        PlotLine("0.25^L", d.power.data(), d.decay.data(), static_cast<int>(d.power.size()),
                 {IM_COL32(0, 158, 115, 255), 3.0f});
        EndPlot();
    }

    ImGui::TextWrapped("Lines in every corner: no corner is free, so the legend moves beside the data (or below it, "
                       "in a narrow window), and the data area gives up the room. Pan a corner free and it comes back in.");
    if (BeginPlot("A legend with no free corner", ImVec2(-1, h))) {
        SetupAxes("t", "value");
        SetupAxesLimits({-10, 10, -1.5, 1.5});
        static const ImU32 colors[4] = {IM_COL32(0, 114, 178, 255), IM_COL32(213, 94, 0, 255), IM_COL32(0, 158, 115, 255),
                                        IM_COL32(204, 121, 167, 255)};
        static const char* const names[4] = {"sin t + 1", "sin t − 1", "cos t + 1", "cos t − 1"};
        for (int k = 0; k < 4; ++k) {
            std::vector<double> y(d.x.size());
            for (size_t i = 0; i < y.size(); ++i) y[i] = (k < 2 ? std::sin(d.x[i]) : std::cos(d.x[i])) * 0.45 + (k % 2 ? -1 : 1);
            PlotLine(names[k], d.x.data(), y.data(), n, {colors[k], 2.5f});
        }
        EndPlot();
    }
    ImGui::End();
}

}  // namespace actlab::plot
