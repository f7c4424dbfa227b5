#include "app/figures/activation_figure.h"

#include "app/plot/plot_math.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

ActivationCurves sample_curves(const ActivationView& view, double x_min, double x_max) {
    ActivationCurves c;
    c.x_min = x_min;
    c.x_max = x_max;
    c.x = Eigen::ArrayXd::LinSpaced(std::max(view.samples, 2), x_min, x_max);
    for (int index : view.functions) {
        const core::Activation& act = core::activation(index);
        c.y.emplace_back();
        c.dy.emplace_back();
        core::evaluate(act, view.params[index].v, c.x, &c.y.back(), &c.dy.back());
        c.zones.push_back(find_zones(c.x, c.dy.back(), view.saturation_threshold, can_die(act, view.params[index].v)));
        // Where f' jumps, leave a gap in its line: a vertical join would say f' takes every value between.
        for (int k = 0; k < act.kinks.count; ++k) {
            const double at = act.kinks.at[k];
            const double* p = view.params[index].v;
            if (act.df(std::nextafter(at, -INFINITY), p) == act.df(std::nextafter(at, INFINITY), p)) continue;
            const Eigen::Index i = std::lower_bound(c.x.data(), c.x.data() + c.x.size(), at) - c.x.data();
            if (i > 0 && i < c.x.size()) c.dy.back()[i] = NAN;
        }
        if (view.log_y) {
            c.y.back() = c.y.back().abs();
            c.dy.back() = c.dy.back().abs();
        }
    }
    c.magnitudes = view.log_y;
    return c;
}

plot::Limits fit_limits(const ActivationView& view) {
    const ActivationCurves curves = sample_curves(view, view.x_min, view.x_max);
    if (view.log_y) {
        // From the smallest positive magnitude to the largest, at most 40 decades, a third of a decade spare.
        double lo = INFINITY, hi = 0.0;
        auto take = [&](const Eigen::ArrayXd& a) {
            for (double v : a)
                if (v > 0.0) lo = std::min(lo, v), hi = std::max(hi, v);
        };
        for (size_t i = 0; i < curves.y.size(); ++i) {
            if (view.show_f) take(curves.y[i]);
            if (view.show_df) take(curves.dy[i]);
        }
        if (!(hi > 0.0)) lo = 0.1, hi = 10.0;
        lo = std::max({lo, hi * 1e-40, 1e-300});
        if (!(hi > lo)) lo = hi / 100;
        return {view.x_min, view.x_max, lo / 2.0, hi * 2.0};
    }
    double lo = -0.1, hi = 1.1;  // always show y = 0 and y = 1 with a little room
    auto take = [&](const Eigen::ArrayXd& a) {
        for (double v : a)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    };
    for (size_t i = 0; i < curves.y.size(); ++i) {
        if (view.show_f) take(curves.y[i]);
        if (view.show_df) take(curves.dy[i]);
    }
    const double margin = 0.08 * (hi - lo);  // so curves never touch the frame
    return {view.x_min, view.x_max, lo - margin, hi + margin};
}

SeriesSlots activation_slots(const ActivationView& view) { return assign_series_slots(view.functions, view.looks); }

SeriesLook function_look(const ActivationView& view, int catalogue_index) {
    return series_look(std::max(0, slot_of(activation_slots(view), catalogue_index)));
}

bool can_die(const core::Activation& act, const double* params) {
    return act.props.can_die || (act.df(-1.0, params) == 0.0 && act.df(-2.0, params) == 0.0);
}

Zones find_zones(const Eigen::ArrayXd& x, const Eigen::ArrayXd& d, double threshold, bool dies) {
    Zones z;
    const int n = static_cast<int>(x.size());
    // Each sample stands for the interval halfway to its neighbours.
    auto left = [&](int i) { return i == 0 ? x[0] : 0.5 * (x[i - 1] + x[i]); };
    auto right = [&](int i) { return i == n - 1 ? x[n - 1] : 0.5 * (x[i] + x[i + 1]); };
    // Dead: the run of exact zeros from the left edge, up to x = 0 (ReLU's f'(0) = 0 is its corner).
    int dead_end = 0;
    if (dies)
        while (dead_end < n && x[dead_end] <= 0.0 && d[dead_end] == 0.0) ++dead_end;
    if (dead_end > 0) z.dead.emplace_back(left(0), right(dead_end - 1));
    int start = -1;
    for (int i = dead_end; i <= n; ++i) {
        const bool in = i < n && std::fabs(d[i]) < threshold;
        if (in && start < 0) start = i;
        if (!in && start >= 0) {
            z.saturated.emplace_back(left(start), right(i - 1));
            start = -1;
        }
    }
    return z;
}

namespace {

std::string param_text(const core::Activation& act, const core::ParamValues& p) {
    std::string s;
    for (int k = 0; k < act.param_count; ++k) {
        s += std::string(k ? ", " : "") + act.params[k].symbol + " = " + plot::format_significant(p.v[k]);
    }
    return s;
}

std::string legend_label(const core::Activation& act, const core::ParamValues& p) {
    std::string s = act.label;
    if (act.param_count > 0) s += " (" + param_text(act, p) + ")";
    return s;
}

}  // namespace

bool draw_activation_figure(ActivationView& view, const ActivationCurves& curves, ImVec2 size,
                            const FigureOptions& options, plot::Limits* shown) {
    bool probe_moved = false;
    if (!plot::BeginPlot(options.id, size, options.flags)) return false;
    const std::string v = options.variable;
    const std::string f_name = "f(" + v + ")", df_name = "f'(" + v + ")";
    const std::string y_label =
        view.log_y ? (view.show_f && view.show_df ? "|" + f_name + "|,  |" + df_name + "|"
                      : view.show_df              ? "|" + df_name + "|"
                                                  : "|" + f_name + "|")
                   : (view.show_f && view.show_df ? f_name + ",  " + df_name : view.show_df ? df_name : f_name);
    plot::SetupAxes(options.x_label ? v.c_str() : "", options.y_label ? y_label.c_str() : "");
    if (view.log_y) plot::SetupAxisScale(plot::Axis_Y, plot::Scale_Log10);
    plot::SetupAxesLimits(options.home, options.cond);

    const int focus = view.focus_index();
    for (size_t i = 0; i < view.functions.size() && i < curves.zones.size(); ++i) {
        if (view.functions[i] != focus) continue;
        const core::Activation& act = core::activation(focus);
        const Zones& z = curves.zones[i];
        const std::string sat = "|f'| < " + plot::format_significant(view.saturation_threshold) + " (" + act.label +
                                ": gradient vanishes)";
        const std::string dead = std::string("f' = 0 (") + act.label + ": unit can die)";
        if (view.shade_saturation)
            for (const auto& r : z.saturated) plot::PlotVBand(sat.c_str(), r.first, r.second, kSaturatedShade);
        if (view.shade_dead)
            for (const auto& r : z.dead) plot::PlotVBand(dead.c_str(), r.first, r.second, kDeadShade);
    }
    const plot::LineStyle zero_axis{IM_COL32(0, 0, 0, 110), 1.2f, false};
    if (!view.log_y) plot::PlotHLine("##y0", 0.0, zero_axis);
    plot::PlotVLine("##x0", 0.0, zero_axis);

    const SeriesSlots slots = activation_slots(view);
    bool round_shown[3] = {false, false, false};  // which pairs of patterns are on the plot
    for (size_t i = 0; i < view.functions.size(); ++i) {
        const int index = view.functions[i];
        const core::Activation& act = core::activation(index);
        const std::string label = legend_label(act, view.params[index]);
        const SeriesLook look = series_look(slots[i].second);
        round_shown[(slots[i].second / kSeriesColors) % 3] = true;
        const int n = static_cast<int>(curves.x.size());
        if (view.show_df) {
            const std::string df_label = view.show_f ? "##d" + label : label + " f'";
            // beside f in its companion pattern (dashed for a solid f); alone, in the function's own
            plot::PlotLine(df_label.c_str(), curves.x.data(), curves.dy[i].data(), n,
                           view.show_f ? plot::LineStyle{look.color, 2.2f, look.companion, plot::Marker_None}
                                       : plot::LineStyle{look.color, 3.0f, look.line, look.marker});
        }
        if (view.show_f)
            plot::PlotLine(label.c_str(), curves.x.data(), curves.y[i].data(), n, {look.color, 3.0f, look.line, look.marker});
    }

    if (view.log_y) {
        // A log axis shows only positive values: say so when the curves have none here (ReLU for x < 0).
        bool any = false;
        for (size_t i = 0; i < curves.y.size() && !any; ++i)
            any = (view.show_f && (curves.y[i] > 0.0).any()) || (view.show_df && (curves.dy[i] > 0.0).any());
        if (!any && !view.functions.empty()) {
            const plot::Limits lim = plot::GetPlotLimits();
            plot::PlotText("|f| and |f'| are 0 everywhere here: a log axis has nothing to show",
                           0.5 * (lim.x_min + lim.x_max), std::sqrt(lim.y_min * lim.y_max), IM_COL32(90, 90, 90, 255));
        }
    }

    if (view.show_f && view.show_df && !view.functions.empty()) {  // legend entries for the line styles alone
        const std::string companions[3] = {df_name + ": dashed, same colour", df_name + " of a long-dashed f: dotted",
                                           df_name + " of a dash-dot f: dash-dot-dot"};
        for (int r = 0; r < 3; ++r)
            if (round_shown[r])
                plot::PlotLine(companions[r].c_str(), nullptr, nullptr, 0,
                               {IM_COL32(90, 90, 90, 255), 2.2f, series_look(r * kSeriesColors).companion});
    }

    if (view.show_probe) {
        probe_moved = plot::DragLineX("probe", &view.probe_x, IM_COL32(90, 90, 90, 200));
        if (probe_moved) {
            // Snap to a round step of about a pixel, so the probe can land exactly on a corner such as 0.
            const plot::Limits lim = plot::GetPlotLimits();
            const double step = plot::nice_step((lim.x_max - lim.x_min) / 1000.0);
            view.probe_x = std::round(view.probe_x / step) * step;
        }
        for (size_t i = 0; i < view.functions.size(); ++i) {
            const core::Activation& act = core::activation(view.functions[i]);
            const double* p = view.params[view.functions[i]].v;
            const ImU32 color = series_look(slots[i].second).color;
            const double f = act.f(view.probe_x, p), df = act.df(view.probe_x, p);
            if (view.show_f) plot::PlotMarker(view.probe_x, view.log_y ? std::fabs(f) : f, color);
            if (view.show_df) plot::PlotMarker(view.probe_x, view.log_y ? std::fabs(df) : df, color, 3.5f);
        }
        const std::string text = v + " = " + plot::format_significant(view.probe_x, 4);
        const plot::Limits lim = plot::GetPlotLimits();
        plot::PlotText(text.c_str(), view.probe_x, lim.y_max, IM_COL32(60, 60, 60, 255), ImVec2(6, 4), ImVec2(0, 0));
    }

    // The hover readout: exact values from the catalogue at the mouse's x, not interpolated.
    if (plot::IsPlotHovered() && !view.functions.empty()) {
        const double x = plot::GetPlotMouseX();
        ImGui::BeginTooltip();
        ImGui::Text("%s = %s", v.c_str(), plot::format_significant(x).c_str());
        if (ImGui::BeginTable("##hover", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX)) {
            ImGui::TableSetupColumn("");
            ImGui::TableSetupColumn(f_name.c_str());
            ImGui::TableSetupColumn(df_name.c_str());
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < view.functions.size(); ++i) {
                const core::Activation& act = core::activation(view.functions[i]);
                const double* p = view.params[view.functions[i]].v;
                ImGui::TableNextColumn();
                ImGui::PushStyleColor(ImGuiCol_Text, series_look(slots[i].second).color);
                ImGui::Bullet();
                ImGui::PopStyleColor();
                ImGui::SameLine();
                ImGui::TextUnformatted(act.label);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(plot::format_significant(act.f(x, p)).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(plot::format_significant(act.df(x, p)).c_str());
            }
            ImGui::EndTable();
        }
        ImGui::EndTooltip();
    }
    if (shown) *shown = plot::GetPlotLimits();
    plot::EndPlot();
    return probe_moved;
}

std::string activation_csv(const ActivationView& view) {
    std::string out = "function,param,x,y,dy\n";
    Eigen::ArrayXd xs;
    if (!view.x_points.empty()) {
        xs = Eigen::Map<const Eigen::ArrayXd>(view.x_points.data(), static_cast<Eigen::Index>(view.x_points.size()));
    } else {
        xs = Eigen::ArrayXd::LinSpaced(std::max(view.samples, 2), view.x_min, view.x_max);
    }
    char buf[128];
    for (int index : view.functions) {
        const core::Activation& act = core::activation(index);
        const double* p = view.params[index].v;
        Eigen::ArrayXd y, dy;
        core::evaluate(act, p, xs, &y, &dy);
        std::string param;
        if (act.param_count > 0) {
            std::snprintf(buf, sizeof buf, "%.17g", p[0]);
            param = buf;
        }
        for (Eigen::Index k = 0; k < xs.size(); ++k) {
            std::snprintf(buf, sizeof buf, ",%.17g,%.17g,%.17g\n", xs[k], y[k], dy[k]);
            out += act.id;
            out += ',';
            out += param;
            out += buf;
        }
    }
    return out;
}

std::string activation_file_stem(const ActivationView& view) {
    std::string s = "activations";
    for (size_t i = 0; i < view.functions.size() && i < 6; ++i) s += (i ? "-" : "_") + std::string(core::activation(view.functions[i]).id);
    if (view.functions.size() > 6) s += "-more";
    char buf[64];
    std::snprintf(buf, sizeof buf, "_x%.3gto%.3g", view.x_min, view.x_max);
    return s + buf;
}

Figure activation_export_figure(const ActivationView& view, const plot::Limits& limits) {
    Figure figure;
    figure.stem = activation_file_stem(view);
    figure.csv = [view] { return activation_csv(view); };
    figure.draw = [view, limits](ImVec2 size) {
        ActivationView copy = view;  // the figure takes a mutable view (for the probe); drawing moves nothing
        const ActivationCurves curves = sample_curves(copy, limits.x_min, limits.x_max);
        FigureOptions options;
        options.flags = plot::PlotFlags_NoInputs;
        options.home = limits;
        options.cond = plot::Cond_Always;
        draw_activation_figure(copy, curves, size, options, nullptr);
    };
    return figure;
}

}  // namespace actlab::app
