#include "app/figures/warp_figure.h"

#include "core/gated.h"

#include "app/figures/boundary_figure.h"
#include "app/plot/text_format.h"
#include "core/activation.h"
#include "core/gated.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

using core::WarpStage;

bool finite(double u, double v) { return std::isfinite(u) && std::isfinite(v); }

// The view of a step: every finite data point (from column `from`; the grid lines are clipped where
// they run further, as far parts of the plane are pulled out by a layer), with a margin, the shorter
// side widened about its middle to the longer (one scale on both axes: a turn looks like a turn, not a
// shear).
void fit_view(WarpStep* step, Eigen::Index from) {
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    if (from >= step->uv.cols()) from = 0;  // no data: the grid
    for (Eigen::Index c = from; c < step->uv.cols(); ++c) {
        const double u = step->uv(0, c), v = step->uv(1, c);
        if (!finite(u, v)) continue;
        lo[0] = std::min(lo[0], u), hi[0] = std::max(hi[0], u);
        lo[1] = std::min(lo[1], v), hi[1] = std::max(hi[1], v);
    }
    if (!(lo[0] <= hi[0])) lo[0] = lo[1] = -1.0, hi[0] = hi[1] = 1.0;
    // the side: the larger extent with its margin, but never below a millionth of the largest
    // coordinate (or 1 about 0), so a layer whose points all coincide is seen around them
    const double extent = std::max(hi[0] - lo[0], hi[1] - lo[1]) * 1.16;
    const double scale = std::max({std::fabs(lo[0]), std::fabs(hi[0]), std::fabs(lo[1]), std::fabs(hi[1])});
    const double s = std::max(extent, scale > 0 ? scale * 1e-6 : 1.0);
    const double cu = 0.5 * (lo[0] + hi[0]), cv = 0.5 * (lo[1] + hi[1]);
    step->u0 = cu - 0.5 * s, step->u1 = cu + 0.5 * s;
    step->v0 = cv - 0.5 * s, step->v1 = cv + 0.5 * s;
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f %%", 100.0 * share);
    return buf;
}

void label_axes(WarpStep* step, int outputs) {
    const core::WarpPlane& p = step->plane;
    if (step->layer < 0) {
        step->axis_u = "x₁", step->axis_v = "x₂";
    } else if (p.output && p.fixed_u) {
        step->axis_u = std::string(outputs == 1 ? "along the output's weights" : "along w₁ − w₀") + " · " + percent(p.share[0]) +
                       " of the variance";
        step->axis_v = "PC across · " + percent(p.share[1]);
    } else if (p.output) {
        step->axis_u = "output direction 1 · " + percent(p.share[0]) + " of the variance";
        step->axis_v = "output direction 2 · " + percent(p.share[1]);
    } else if (p.pca) {
        step->axis_u = "PC 1 · " + percent(p.share[0]) + " of the variance";
        step->axis_v = "PC 2 · " + percent(p.share[1]);
    } else {
        step->axis_u = "unit " + std::to_string(p.unit[0] + 1);
        step->axis_v = p.unit[1] >= 0 ? "unit " + std::to_string(p.unit[1] + 1) : "";
    }
}

constexpr float kCaptionBeside = 16.0f;  // font heights: the caption's column beside the plot
constexpr float kMinStep = 3.0f;         // points: the least distance between a grid line's drawn vertices

double smoothstep(double t) { return t * t * (3.0 - 2.0 * t); }

// A step's point c moved toward the next step's by the eased fraction e.
struct Blend {
    const WarpStep& a;
    const WarpStep& b;
    double e;
    ImVec2 at(Eigen::Index c) const {
        const double u = a.uv(0, c) + e * (b.uv(0, c) - a.uv(0, c));
        const double v = a.uv(1, c) + e * (b.uv(1, c) - a.uv(1, c));
        if (!finite(u, v)) return ImVec2(NAN, NAN);
        return plot::PlotToPixels(u, v);
    }
};

bool finite(ImVec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

ImU32 with_alpha(ImU32 color, float alpha) {
    const unsigned a = static_cast<unsigned>(std::clamp(alpha, 0.0f, 1.0f) * ((color >> IM_COL32_A_SHIFT) & 0xFF) + 0.5f);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

// The part of the rectangle where class k's logit is at least every other's (one output: where the
// logit is on k's side of 0), as a convex polygon: the rectangle clipped by one half-plane per rival.
std::vector<Eigen::Vector2d> region(const Eigen::MatrixX3d& logits, int k, double u0, double u1, double v0, double v1) {
    std::vector<Eigen::Vector2d> poly = {{u0, v0}, {u1, v0}, {u1, v1}, {u0, v1}};
    const auto clip = [&poly](double c, double gu, double gv) {  // keep c + gu·u + gv·v ≥ 0
        std::vector<Eigen::Vector2d> out;
        for (size_t i = 0; i < poly.size(); ++i) {
            const Eigen::Vector2d& p = poly[i];
            const Eigen::Vector2d& q = poly[(i + 1) % poly.size()];
            const double fp = c + gu * p.x() + gv * p.y(), fq = c + gu * q.x() + gv * q.y();
            if (fp >= 0) out.push_back(p);
            if ((fp >= 0) != (fq >= 0)) out.push_back(p + (q - p) * (fp / (fp - fq)));
        }
        poly.swap(out);
    };
    if (logits.rows() == 1) {
        const double sign = k == 1 ? 1.0 : -1.0;
        clip(sign * logits(0, 0), sign * logits(0, 1), sign * logits(0, 2));
    } else {
        for (Eigen::Index j = 0; j < logits.rows(); ++j)
            if (j != k) clip(logits(k, 0) - logits(j, 0), logits(k, 1) - logits(j, 1), logits(k, 2) - logits(j, 2));
    }
    return poly;
}

// The plot's items: the output's regions and edges (at the last step, fading in on the way to it),
// the grid lines, the points.
void draw_items(const WarpPicture& pic, const Blend& blend, float decision_alpha, bool show_test) {
    ImDrawList* dl = plot::GetPlotDrawList();
    const float unit = plot::GetPlotUnit();
    const WarpStep& last = pic.steps.back();
    if (decision_alpha > 0 && pic.classes > 0 && pic.logits.rows() > 0) {
        const int regions = pic.logits.rows() == 1 ? 2 : static_cast<int>(pic.logits.rows());
        for (int k = 0; k < regions; ++k) {
            const std::vector<Eigen::Vector2d> poly = region(pic.logits, k, last.u0, last.u1, last.v0, last.v1);
            if (poly.size() < 3) continue;
            std::vector<ImVec2> px;
            for (const Eigen::Vector2d& p : poly) px.push_back(plot::PlotToPixels(p.x(), p.y()));
            dl->AddConvexPolyFilled(px.data(), static_cast<int>(px.size()), with_alpha(data_class_color(k), 0.22f * decision_alpha));
        }
        for (const core::Segment& s : pic.edges) {
            const ImVec2 a = plot::PlotToPixels(s.from.x(), s.from.y()), b = plot::PlotToPixels(s.to.x(), s.to.y());
            dl->AddLine(a, b, with_alpha(IM_COL32(255, 255, 255, 255), decision_alpha), 5.0f * unit);
            dl->AddLine(a, b, with_alpha(IM_COL32(40, 40, 40, 255), decision_alpha), 2.5f * unit);
        }
    }
    // the grid: lines across (x₂ fixed) in blue-grey, lines up (x₁ fixed) in warm grey, the middle
    // ones (the axes, in a frame symmetric about 0) darker
    std::vector<ImVec2> line(static_cast<size_t>(pic.samples));
    const int middle = pic.lines / 2;
    for (int k = 0; k < 2 * pic.lines; ++k) {
        const bool across = k < pic.lines;
        const bool axis = (k % pic.lines) == middle && pic.lines % 2 == 1;
        const ImU32 color = across ? (axis ? IM_COL32(40, 70, 130, 230) : IM_COL32(70, 100, 160, 130))
                                   : (axis ? IM_COL32(130, 70, 40, 230) : IM_COL32(160, 110, 80, 130));
        const float weight = (axis ? 1.8f : 1.0f) * unit;
        // A line is drawn in runs of finite points, each vertex at least kMinStep pixels from the one
        // before (and the run's last): where a layer presses the plane together, many samples fall
        // within a pixel or two, and drawing them all only costs time.
        int run = 0;
        const float min_step = kMinStep * unit;
        for (int s = 0; s < pic.samples; ++s) {
            const ImVec2 p = blend.at(static_cast<Eigen::Index>(k) * pic.samples + s);
            const bool ok = finite(p), end = !ok || s + 1 == pic.samples;
            if (ok) {
                const ImVec2 d = run > 0 ? ImVec2(p.x - line[static_cast<size_t>(run - 1)].x, p.y - line[static_cast<size_t>(run - 1)].y)
                                         : ImVec2(INFINITY, 0);
                if (run == 0 || end || d.x * d.x + d.y * d.y >= min_step * min_step) line[static_cast<size_t>(run++)] = p;
            }
            if (end && run > 0) {
                if (run > 1) dl->AddPolyline(line.data(), run, color, 0, weight);
                run = 0;
            }
        }
    }
    // the points: smaller when there are many; training points ringed in white, test points in black
    const int grid_rows = 2 * pic.lines * pic.samples;
    const int total = pic.train + (show_test ? pic.test : 0);
    const ImVec2 a = plot::PlotToPixels(plot::GetPlotLimits().x_min, plot::GetPlotLimits().y_max);
    const ImVec2 b = plot::PlotToPixels(plot::GetPlotLimits().x_max, plot::GetPlotLimits().y_min);
    const float side = std::min(b.x - a.x, b.y - a.y);
    const float radius = std::clamp(0.36f * side / std::sqrt(static_cast<float>(std::max(total, 1))), 1.6f * unit, 4.0f * unit);
    const ImU32 white = IM_COL32(255, 255, 255, 255), dark = IM_COL32(30, 30, 30, 255);
    const ImDrawListFlags flags = dl->Flags;
    for (int i = 0; i < pic.train + (show_test ? pic.test : 0); ++i) {
        const ImVec2 c = blend.at(grid_rows + i);
        if (!finite(c)) continue;
        const double label = pic.labels[static_cast<size_t>(i)];
        const ImU32 fill = pic.classes > 0 ? data_class_color(static_cast<int>(label)) : target_color(label, pic.target_scale);
        dl->Flags = flags & ~ImDrawListFlags_AntiAliasedFill;  // the ring covers the disc's edge
        dl->AddCircleFilled(c, radius, fill, 8);
        dl->Flags = flags;
        const bool test = i >= pic.train;
        dl->AddCircle(c, radius, test ? dark : white, 8, (test ? 1.3f : 0.9f) * unit);
    }
}

// The plot of one position, `plot_size` pixels, its title `title`.
void warp_plot(const WarpPicture& pic, double position, const std::string& title, ImVec2 plot_size, bool show_test,
               plot::PlotFlags flags, const char* id) {
    const int last = static_cast<int>(pic.steps.size()) - 1;
    position = std::clamp(position, 0.0, static_cast<double>(last));
    const int s0 = std::min(static_cast<int>(std::floor(position)), last);
    const int s1 = std::min(s0 + 1, last);
    const double e = smoothstep(position - s0);
    const WarpStep &a = pic.steps[static_cast<size_t>(s0)], &b = pic.steps[static_cast<size_t>(s1)];
    const WarpStep& near = e < 0.5 ? a : b;
    if (!plot::BeginPlot((title + "###" + id).c_str(), plot_size, flags | plot::PlotFlags_NoLegend)) return;
    plot::SetupAxes(near.axis_u.c_str(), near.axis_v.c_str());
    plot::SetupAxesLimits({a.u0 + e * (b.u0 - a.u0), a.u1 + e * (b.u1 - a.u1), a.v0 + e * (b.v0 - a.v0),
                           a.v1 + e * (b.v1 - a.v1)},
                          plot::Cond_Always);
    const float decision = s1 == last && last > 0 ? static_cast<float>(s0 == last ? 1.0 : e) : 0.0f;
    draw_items(pic, Blend{a, b, e}, decision, show_test);
    plot::EndPlot();
}

std::string epoch_text(const WarpPicture& pic) { return " at epoch " + plot::format_thousands(pic.epoch); }

}  // namespace

int warp_view_step(const WarpView& view, int hidden_layers) {
    if (hidden_layers <= 0 || view.layer == 0) return 0;
    const int layer = view.layer < 0 ? hidden_layers : std::min(view.layer, hidden_layers);
    return core::warp_step(layer - 1, view.stage);
}

void set_warp_step(WarpView* view, int step) {
    if (step <= 0) {
        view->layer = 0;
        return;
    }
    view->layer = core::warp_step_layer(step) + 1;
    view->stage = core::warp_step_stage(step);
}

WarpPicture make_warp_picture(const core::Mlp& net, core::FeatureSet features, const core::GridSpec& frame,
                              const core::Dataset& train, const core::Dataset& test, core::Output output,
                              const WarpView& view, int epoch, const std::string& subtitle, const WarpPicture* previous) {
    WarpPicture pic;
    pic.epoch = epoch;
    pic.subtitle = subtitle;
    pic.output = output;
    pic.classes = train.classes;
    pic.train = train.size();
    pic.test = test.size();
    Eigen::MatrixX2d data(pic.train + pic.test, 2);
    if (pic.train > 0) data.topRows(pic.train) = train.x;
    if (pic.test > 0) data.bottomRows(pic.test) = test.x;
    pic.labels.resize(static_cast<size_t>(pic.train + pic.test));
    for (int i = 0; i < pic.train; ++i) pic.labels[static_cast<size_t>(i)] = train.target[i];
    for (int i = 0; i < pic.test; ++i) pic.labels[static_cast<size_t>(pic.train + i)] = test.target[i];
    for (double t : pic.labels) pic.target_scale = std::max(pic.target_scale, std::fabs(t));
    if (pic.classes > 0) pic.target_scale = 1.0;

    const core::WarpPoints points = core::warp_points(frame, data);
    pic.lines = points.lines;
    pic.samples = points.samples;
    const int first = points.grid_rows();
    const int fitted = std::max(pic.train, 1);
    const std::vector<core::Matrix> values = core::warp_values(net, features, points.x);
    const int hidden = net.layer_count() - 1;
    for (int l = 0; l < hidden; ++l) {
        const core::HiddenLayer& h = net.spec().hidden[static_cast<size_t>(l)];
        pic.activations.push_back(h.gated ? core::gated_label(h.activation) : net.activation(l).label);
        pic.units.push_back(h.units);
        pic.gated.push_back(h.gated ? 1 : 0);
    }
    pic.shown_step = warp_view_step(view, hidden);
    const int shown_layer = pic.shown_step > 0 ? core::warp_step_layer(pic.shown_step) : -1;
    const bool same_shape = previous && previous->steps.size() == values.size() && previous->units == pic.units;

    // each layer's plane: the view's for its layer when it asks for one the layer has; otherwise the
    // plane the output reads for the last hidden layer, principal components for the others
    using Kind = core::WarpProjection::Kind;
    const auto plane_kind = [&](int layer, core::WarpProjection* projection) {
        const int units = pic.units[static_cast<size_t>(layer)];
        const Kind automatic = layer == hidden - 1 ? Kind::Output : Kind::Pca;
        *projection = core::WarpProjection{};
        if (units < 3 || layer != shown_layer || view.automatic) return automatic;
        const core::WarpProjection& asked = view.projection;
        const std::string which = "Layer " + std::to_string(layer + 1);
        if (asked.kind == Kind::Output && layer != hidden - 1) {
            pic.note = which + " is not the last hidden layer, whose plane the output reads: it is drawn through its "
                               "principal components.";
            return Kind::Pca;
        }
        if (asked.kind == Kind::Units && !(asked.i >= 0 && asked.j >= 0 && asked.i < units && asked.j < units && asked.i != asked.j)) {
            pic.note = "Units " + std::to_string(asked.i + 1) + " and " + std::to_string(asked.j + 1) + " were asked for, but " +
                       which + " has " + std::to_string(units) + " units: it is drawn through " +
                       (automatic == Kind::Output ? "the plane its output reads." : "its principal components.");
            return automatic;
        }
        *projection = asked;
        return asked.kind;
    };
    pic.steps.resize(values.size());
    for (size_t s = 0; s < values.size(); ++s) {
        WarpStep& step = pic.steps[s];
        // W·a and W·a + b share a plane (a shift leaves the spread as it is), fitted to W·a + b
        const size_t fit = s > 0 && core::warp_step_stage(static_cast<int>(s)) == WarpStage::Linear ? s + 1 : s;
        if (s == 0) {
            step.layer = -1;  // x₁ and x₂ as they are
            step.plane = core::warp_plane(values[0], first, fitted, {Kind::Units, 0, 1});
        } else {
            step.layer = core::warp_step_layer(static_cast<int>(s));
            step.stage = core::warp_step_stage(static_cast<int>(s));
            core::WarpProjection projection;
            const Kind kind = plane_kind(step.layer, &projection);
            if (kind == Kind::Output)
                step.plane = core::output_plane(net, values[fit], first, fitted);
            else
                step.plane = core::warp_plane(values[fit], first, fitted, projection);
        }
        if (same_shape) {
            core::orient_like(&step.plane, previous->steps[s].plane);
        } else if (s > 0 && step.stage == WarpStage::Activation) {
            core::orient_like(&step.plane, pic.steps[s - 1].plane);  // f(z) and z live in one space
        }
        step.uv = core::project(step.plane, values[s]);
        fit_view(&step, first);
        label_axes(&step, net.spec().outputs);
    }
    if (hidden > 0) {
        const WarpStep& last = pic.steps.back();
        pic.logits = core::output_in_plane(net, last.plane);
        pic.edges = core::decision_edges(pic.logits, pic.output, pic.classes, last.u0, last.u1, last.v0, last.v1);
    }
    return pic;
}

std::string warp_step_name(int step) {
    if (step <= 0) return "input";
    return "layer" + std::to_string(core::warp_step_layer(step) + 1) + "_" + core::warp_stage_id(core::warp_step_stage(step));
}

std::string warp_step_title(const WarpPicture& pic, int step) {
    if (step <= 0) return "Input plane (x₁, x₂)";
    const int layer = core::warp_step_layer(step);
    return "Layer " + std::to_string(layer + 1) + " of " + std::to_string(pic.units.size()) + " · " +
           pic.activations[static_cast<size_t>(layer)] + " · " + core::warp_stage_label(core::warp_step_stage(step));
}

std::string warp_step_caption(const WarpPicture& pic, int step) {
    if (step <= 0)
        return pic.units.empty() ? "The network has no hidden layer: its output is one linear map of the inputs, and "
                                   "nothing bends the plane."
                                 : "The input plane as it is: its grid lines and the data. Each step carries them one "
                                   "stage further through the network.";
    const int layer = core::warp_step_layer(step);
    const int units = pic.units[static_cast<size_t>(layer)];
    const bool gated = static_cast<size_t>(layer) < pic.gated.size() && pic.gated[static_cast<size_t>(layer)];
    std::string text;
    if (gated && core::warp_step_stage(step) != WarpStage::Bias) {
        if (core::warp_step_stage(step) == WarpStage::Linear)
            text = "W·a: a linear map onto " + std::to_string(2 * units) +
                   " coordinates, a gate and a value for each of the " + std::to_string(units) +
                   (units == 1 ? " gated unit" : " gated units") +
                   ". Straight lines stay straight; the plane drawn is a view of that larger space.";
        else
            text = pic.activations[static_cast<size_t>(layer)] +
                   ": each unit multiplies its value by f of its gate. A product of two coordinates bends the plane "
                   "even where f is straight (with f the identity it is a quadratic map): the grid lines turn into "
                   "curves.";
    } else
    switch (core::warp_step_stage(step)) {
        case WarpStage::Linear:
            text = units == 1 ? "W·a: a linear map onto a single unit, so the plane is flattened onto a line."
                              : "W·a: a linear map. It turns, stretches and shears the plane (flattens it, when the "
                                "inputs are more than the units), but straight lines stay straight and parallel ones parallel.";
            break;
        case WarpStage::Bias: text = "+ b: every point moves by the same amount. The shape does not change, only where it lies."; break;
        case WarpStage::Activation: {
            const std::string& name = pic.activations[static_cast<size_t>(layer)];
            const bool line = units == 1;  // a layer of one unit holds a line, not a plane
            if (name == "Identity")
                text = "f is the identity: nothing bends. Without a bend every layer is an affine map, so the whole "
                       "network is one, and every grid line stays straight.";
            else if (name == "ReLU")
                text = line ? "ReLU sets the negative values to 0: the half of the line below 0 is folded onto 0."
                            : "ReLU sets each negative coordinate to 0: the plane is folded onto the edges of the positive "
                              "quadrant, and where every unit is negative it collapses to the corner.";
            else if (name == "Leaky ReLU" || name == "PReLU")
                text = name + (line ? " shrinks the negative values instead of cutting them: the line bends at 0."
                                    : " shrinks each negative coordinate instead of cutting it: the plane is creased "
                                      "along the axes, not folded flat.");
            else if (name == "Tanh" || name == "Softsign" || name == "Hardtanh")
                text = name + (line ? " squeezes the value into (−1, 1): the line is pressed into that interval, its far "
                                      "parts onto its ends."
                                    : " squeezes each coordinate into (−1, 1): the plane is pressed into a square, its far "
                                      "parts onto the square's edges.");
            else if (name == "Sigmoid" || name == "Hard sigmoid")
                text = name + (line ? " squeezes the value into (0, 1): the line is pressed into that interval, its far "
                                      "parts onto its ends."
                                    : " squeezes each coordinate into (0, 1): the plane is pressed into the unit square, "
                                      "its far parts onto the edges.");
            else
                text = name + (line ? " bends the line: stretched where f is steep, pressed together where it is flat."
                                    : " bends each coordinate: straight lines become curves, stretched where f is steep "
                                      "and pressed together where it is flat.");
            break;
        }
    }
    if (step == static_cast<int>(pic.steps.size()) - 1 && pic.classes > 0)
        text += std::string(" Here, in the last hidden layer, the output's decision is a straight line (the shaded "
                            "sides): the layers have to make the classes separable by one.") +
                (units <= 2 ? ""
                 : pic.steps.back().plane.exact
                     ? " Seen in the plane the output reads, every point is on the side the network puts it."
                     : " In this plane it is drawn where the plane cuts it, the other directions at the data's mean: a "
                       "point may lie on the other side.");
    return text;
}

void draw_warp_figure(const WarpPicture& pic, double position, ImVec2 size, bool show_test, plot::PlotFlags flags) {
    if (pic.steps.empty()) return;
    const float fs = ImGui::GetFontSize();
    const int last = static_cast<int>(pic.steps.size()) - 1;
    const int nearest = std::clamp(static_cast<int>(std::lround(position)), 0, last);
    std::string caption = warp_step_caption(pic, nearest);
    if (!pic.note.empty()) caption += " " + pic.note;
    std::string title = warp_step_title(pic, nearest) + epoch_text(pic);
    if (!pic.subtitle.empty() && (flags & plot::PlotFlags_NoInputs)) title += ": " + pic.subtitle;
    // A square data area, as large as the room allows (the axis labels take about 4.7 font heights
    // across and the title and tick labels 5.3 down), with the caption beside it where the room is
    // wider than tall enough for a column of text, else under it in as many lines as the width needs.
    // (never below a readable plot: kReadableHeight font heights down, kReadableWidth across)
    const float least = std::max(plot::kReadableWidth - 4.7f, plot::kReadableHeight - 5.3f) * fs;
    const float square_beside = std::min(size.y - 5.3f * fs, size.x - 4.7f * fs - kCaptionBeside * fs - fs);
    const float caption_under =
        ImGui::CalcTextSize(caption.c_str(), nullptr, false, std::max(size.x - fs, 4.0f * fs)).y + ImGui::GetStyle().ItemSpacing.y;
    const float square_under = std::min(size.y - caption_under - 5.3f * fs, size.x - 4.7f * fs);
    const bool beside = square_beside >= square_under && square_beside >= least;
    const float area = std::max(least, beside ? square_beside : square_under);
    const ImVec2 plot_size(std::min(size.x, area + 4.7f * fs), area + 5.3f * fs);
    const float left = ImGui::GetCursorPosX();
    if (beside) {
        ImGui::BeginGroup();
        warp_plot(pic, position, title, plot_size, show_test, flags, "warp");
        ImGui::EndGroup();
        ImGui::SameLine(0.0f, fs);
        ImGui::BeginGroup();
        ImGui::Dummy(ImVec2(0, 3.0f * fs));  // level with the data area's top
        ImGui::PushTextWrapPos(left + size.x - 0.5f * fs);
        text_wrapped(caption.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return;
    }
    ImGui::SetCursorPosX(left + std::max(0.0f, 0.5f * (size.x - plot_size.x)));
    warp_plot(pic, position, title, plot_size, show_test, flags, "warp");
    ImGui::SetCursorPosX(left + 0.5f * fs);
    ImGui::PushTextWrapPos(left + size.x - 0.5f * fs);
    text_wrapped(caption.c_str());
    ImGui::PopTextWrapPos();
}

float warp_figure_min_height(const WarpPicture& pic, float width) {
    const float fs = ImGui::GetFontSize();
    const float least = std::max(plot::kReadableWidth - 4.7f, plot::kReadableHeight - 5.3f) * fs;
    const float plot_h = least + 5.3f * fs;
    if (width - 4.7f * fs - kCaptionBeside * fs - fs >= least) return plot_h;  // the caption beside it
    float caption = 0.0f;
    for (int s = 0; s < static_cast<int>(pic.steps.size()); ++s) {
        const std::string text = warp_step_caption(pic, s) + (pic.note.empty() ? "" : " " + pic.note);
        caption = std::max(caption, ImGui::CalcTextSize(text.c_str(), nullptr, false, std::max(width - fs, 4.0f * fs)).y);
    }
    return plot_h + caption + ImGui::GetStyle().ItemSpacing.y;
}

void draw_warp_stages(const WarpPicture& pic, ImVec2 size, bool show_test, plot::PlotFlags flags) {
    if (pic.steps.empty()) return;
    const float fs = ImGui::GetFontSize();
    const int layers = static_cast<int>(pic.units.size());
    const int columns = layers > 0 ? 3 : 1, rows = 1 + layers;
    const std::string headline = "How the layers bend the plane" + epoch_text(pic) + (pic.subtitle.empty() ? "" : ": " + pic.subtitle);
    const float top = ImGui::GetCursorPosY(), left = ImGui::GetCursorPosX();
    ImFont* title_font = plot::GetStyle().title_font;
    if (title_font) ImGui::PushFont(title_font);
    const float headline_w = ImGui::CalcTextSize(headline.c_str()).x;
    ImGui::SetCursorPosX(left + std::max(0.0f, 0.5f * (size.x - headline_w)));
    ImGui::PushTextWrapPos(left + size.x);
    text_wrapped(headline.c_str());
    ImGui::PopTextWrapPos();
    if (title_font) ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 0.3f * fs));
    const float used = ImGui::GetCursorPosY() - top;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float cell_w = std::floor((size.x - (columns - 1) * style.ItemSpacing.x) / columns);
    const float cell_h = std::floor((size.y - used - (rows - 1) * style.ItemSpacing.y) / rows);
    const float cell = std::max(6.0f * fs, std::min(cell_w, cell_h));
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < (r == 0 ? 1 : columns); ++c) {
            const int step = r == 0 ? 0 : core::warp_step(r - 1, static_cast<WarpStage>(c));
            if (c > 0) ImGui::SameLine();
            ImGui::PushID(step);
            warp_plot(pic, step, warp_step_title(pic, step), ImVec2(cell, cell), show_test, flags, "stage");
            ImGui::PopID();
        }
        if (r == 0 && layers > 0) {
            // beside the input plane, how to read the rest
            ImGui::SameLine();
            ImGui::BeginGroup();
            ImGui::Dummy(ImVec2(0, 2.5f * fs));
            const float x = ImGui::GetCursorPosX();
            ImGui::PushTextWrapPos(x + std::min(2.0f * cell, size.x - x + left) - fs);
            text_wrapped("Each row is a hidden layer and its three stages: W·a, a linear map (straight lines stay "
                         "straight); + b, a shift; f, the bend. Grid lines with x₂ fixed are blue-grey, with x₁ fixed "
                         "warm grey, the axes darker. Training points are plain, test points ringed.");
            ImGui::Dummy(ImVec2(0, 0.5f * fs));
            text_wrapped(warp_step_caption(pic, static_cast<int>(pic.steps.size()) - 1).c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
        }
    }
}

namespace {

// One step's rows, each led by `prefix`: the grid lines' samples, then the points.
void append_step_rows(const WarpPicture& pic, int step, const std::string& prefix, std::string* text) {
    const Eigen::Matrix2Xd& uv = pic.steps[static_cast<size_t>(step)].uv;
    char buf[128];
    const int grid_rows = 2 * pic.lines * pic.samples;
    for (int r = 0; r < grid_rows; ++r) {
        std::snprintf(buf, sizeof buf, "grid,%d,%d,%.17g,%.17g,\n", r / pic.samples, r % pic.samples, uv(0, r), uv(1, r));
        *text += prefix;
        *text += buf;
    }
    for (int i = 0; i < pic.train + pic.test; ++i) {
        std::snprintf(buf, sizeof buf, "point,%d,0,%.17g,%.17g,%.17g\n", i, uv(0, grid_rows + i), uv(1, grid_rows + i),
                      pic.labels[static_cast<size_t>(i)]);
        *text += prefix;
        *text += buf;
    }
}

}  // namespace

std::string warp_csv(const WarpPicture& pic, int step) {
    std::string text = "kind,id,index,u,v,label\n";
    if (step >= 0 && step < static_cast<int>(pic.steps.size())) append_step_rows(pic, step, "", &text);
    return text;
}

std::string warp_stages_csv(const WarpPicture& pic) {
    std::string text = "layer,stage,kind,id,index,u,v,label\n";
    for (size_t s = 0; s < pic.steps.size(); ++s) {
        const std::string prefix = s == 0 ? "0,input," : std::to_string(pic.steps[s].layer + 1) + "," +
                                                           core::warp_stage_id(pic.steps[s].stage) + ",";
        append_step_rows(pic, static_cast<int>(s), prefix, &text);
    }
    return text;
}

const char* warp_keys_help() {
    static const std::string help =
        std::string("  layer=last                the hidden layer, from 1 (0: the input plane; last: the last one)\n"
                    "  stage=activation          linear (W a), bias (W a + b) or activation (f(W a + b))\n"
                    "  projection=auto           the plane of a layer of 3 or more units: pca (its first two\n"
                    "                            principal components), output (the last hidden layer's: the\n"
                    "                            plane its output reads), units:I,J (two of its units, from 1);\n"
                    "                            auto: output for the last hidden layer, pca for the others\n"
                    "  stages=one                all: every stage of every layer side by side, for a slide\n") +
        training_keys_help();
    return help.c_str();
}

Figure warp_export_figure(std::shared_ptr<const WarpPicture> picture, bool all_stages, const std::string& stem) {
    Figure figure;
    figure.stem = stem;
    if (all_stages) {
        figure.csv = [picture] { return warp_stages_csv(*picture); };
        figure.draw = [picture](ImVec2 size) { draw_warp_stages(*picture, size, true, plot::PlotFlags_NoInputs); };
    } else {
        figure.csv = [picture] { return warp_csv(*picture, picture->shown_step); };
        figure.draw = [picture](ImVec2 size) {
            draw_warp_figure(*picture, picture->shown_step, size, true, plot::PlotFlags_NoInputs);
        };
    }
    return figure;
}

}  // namespace actlab::app
