#include "app/figures/ffn_figure.h"

#include "app/figures/gated_keys.h"
#include "app/plot/text_format.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace actlab::app {

namespace {

constexpr ImU32 kInk = IM_COL32(40, 40, 40, 255);
constexpr ImU32 kBlue = IM_COL32(0, 114, 178, 255);
constexpr ImU32 kVermilion = IM_COL32(213, 94, 0, 255);

}  // namespace

std::vector<FfnRow> ffn_rows(const GatedView& view) {
    std::vector<FfnRow> rows;
    rows.push_back({"standard", 2, view.d_ff, core::standard_block(view.d_model, view.d_ff)});
    rows.push_back({"gated", 3, view.d_ff, core::gated_block(view.d_model, view.d_ff)});
    std::int64_t width = 0;
    if (two_thirds_width(view, &width)) rows.push_back({"gated (2/3 rule)", 3, width, core::gated_block(view.d_model, width)});
    return rows;
}

std::string ffn_rule_line(const GatedView& view) {
    std::int64_t width = 0;
    std::string why;
    if (!two_thirds_width(view, &width, &why)) return plot::sentence(why);
    const std::int64_t d = view.d_model;
    const std::string w = plot::format_thousands(width);
    std::string line = "The 2/3 rule: d_ff = 8d/3 = " + plot::format_significant(8.0 * static_cast<double>(d) / 3.0, 8) +
                       ", rounded up to a multiple of " + plot::format_thousands(view.multiple) + ": " + w + ". ";
    if (4 * d > kMaxFeedForwardWidth) return line + "(A standard block at 4d would be wider than 2^24.)";
    const core::FeedForwardCount standard = core::standard_block(d, 4 * d), gated = core::gated_block(d, width);
    line += "Gated at " + w + ": " + plot::format_thousands(gated.params) + " parameters; standard at 4d = " +
            plot::format_thousands(4 * d) + ": " + plot::format_thousands(standard.params) + " = 8d²";
    if (gated.params == standard.params) return line + ", the same.";
    const double extra = 100.0 * static_cast<double>(gated.params - standard.params) / static_cast<double>(standard.params);
    return line + (gated.params > standard.params ? ": the rounding up adds " : ": the rounding takes off ") +
           plot::format_significant(std::fabs(extra), 3) + " % (exact when 3 divides d and the multiple divides 8d/3).";
}

namespace {

// 135266304 → "135.3 M", 7077888 → "7.078 M", 4096 → "4,096".
std::string short_count(std::int64_t n) {
    const double v = static_cast<double>(n);
    if (n >= 1000000000) return plot::format_significant(v / 1e9, 4) + " G";
    if (n >= 1000000) return plot::format_significant(v / 1e6, 4) + " M";
    return plot::format_thousands(n);
}

}  // namespace

void draw_gated_ffn(const GatedView& view, ImVec2 size, plot::PlotFlags flags) {
    const std::vector<FfnRow> rows = ffn_rows(view);
    const std::string title = "Feed-forward block at d_model = " + plot::format_thousands(view.d_model) +
                              ": parameters (weights) and FLOPs per token###glu-ffn";
    if (!plot::BeginPlot(title.c_str(), size, flags | plot::PlotFlags_NoLegend)) return;
    double top = 0.0;
    for (const FfnRow& r : rows) top = std::max(top, static_cast<double>(r.count.params));
    const double unit = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : top >= 1e3 ? 1e3 : 1.0;
    const char* unit_name = unit == 1e9 ? "parameters (billions)" : unit == 1e6 ? "parameters (millions)"
                          : unit == 1e3 ? "parameters (thousands)" : "parameters";
    plot::SetupAxes("block (hidden width d_ff)", unit_name);
    std::vector<double> at;
    std::vector<std::string> names;
    for (size_t i = 0; i < rows.size(); ++i) {
        at.push_back(static_cast<double>(i));
        // short, so the three fit under their bars at any text size
        names.push_back(std::string(i == 2 ? "2/3 rule" : rows[i].block) + " (" + plot::format_thousands(rows[i].d_ff) + ")");
    }
    std::vector<const char*> labels;
    for (const std::string& s : names) labels.push_back(s.c_str());
    plot::SetupAxisTicks(plot::Axis_X, at.data(), static_cast<int>(at.size()), labels.data());
    // room above the tallest bar for its two lines of text: about 3 font heights of the data area
    const double high = top / unit;
    const float fs = ImGui::GetFontSize();
    const double area = std::max(size.y - 6.5f * fs, fs);
    const double room = std::clamp(3.2 * fs / area, 0.15, 2.0);
    plot::SetupAxesLimits({-0.6, rows.size() - 0.4, 0.0, high * (1.0 + room) + 1e-12}, plot::Cond_Always);
    const ImU32 fills[3] = {IM_COL32(120, 120, 120, 255), kVermilion, kBlue};
    for (size_t i = 0; i < rows.size(); ++i) {
        const double x = static_cast<double>(i), y = static_cast<double>(rows[i].count.params) / unit;
        plot::PlotBars("##params", &x, &y, 1, {fills[i % 3], 0.6});
        // short, so three fit side by side at any text size: the exact counts are in the table and the CSV
        // (the parameters alone where both lines do not fit above the bar)
        const std::string text = short_count(rows[i].count.params) + " params\n" + short_count(rows[i].count.flops) + " FLOPs";
        const std::string shorter = short_count(rows[i].count.params);
        plot::TextStyle style;
        style.color = kInk;
        style.shorter = shorter.c_str();
        plot::PlotText(text.c_str(), x, y, style, ImVec2(0, -4), ImVec2(0.5f, 1.0f));
    }
    plot::EndPlot();
}

std::string gated_ffn_csv(const GatedView& view) {
    std::string out = "block,matrices,d_ff,parameters,flops_per_token\n";
    static const char* const ids[] = {"standard", "gated", "gated_two_thirds"};
    const std::vector<FfnRow> rows = ffn_rows(view);
    for (size_t i = 0; i < rows.size(); ++i)
        out += std::string(ids[i]) + "," + std::to_string(rows[i].matrices) + "," + std::to_string(rows[i].d_ff) + "," +
               std::to_string(rows[i].count.params) + "," + std::to_string(rows[i].count.flops) + "\n";
    return out;
}

}  // namespace actlab::app
