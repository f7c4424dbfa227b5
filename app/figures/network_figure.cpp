#include "app/figures/network_figure.h"

#include "app/figures/training_keys.h"

#include "app/figures/boundary_figure.h"
#include "app/figures/loss_figure.h"
#include "app/plot/plot.h"
#include "app/plot/text_format.h"
#include "app/ui_items.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

// Links are fullest at |w| ≥ kStrongWeight (colour) and widest at |w| ≥ kWidestWeight.
constexpr double kStrongWeight = 1.0;
constexpr double kWidestWeight = 3.0;
constexpr float kThumbnailStrength = 0.85f;  // no points on the thumbnails: their colours can be deeper
const ImU32 kDeadRed = IM_COL32(200, 30, 30, 255);
const ImU32 kFrame = IM_COL32(120, 120, 120, 255);
const ImU32 kDark = IM_COL32(30, 30, 30, 255);

ImU32 with_white(ImU32 color, float amount, float alpha = 1.0f) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    const auto m = [amount](float v) { return 1.0f + (v - 1.0f) * amount; };
    return ImGui::ColorConvertFloat4ToU32(ImVec4(m(c.x), m(c.y), m(c.z), alpha));
}

ImU32 sign_color(double v) { return data_class_color(v < 0 ? 0 : 1); }

std::string short_number(double v) { return plot::format_significant(v, 3); }

// One unit of the diagram: where its thumbnail sits and which map it shows.
struct Node {
    ImVec2 min, max;
    int column = 0;   // 0: inputs, 1 … H: hidden layers, H + 1: output
    int unit = 0;
    bool dead = false;
    ImVec2 left() const { return ImVec2(min.x, 0.5f * (min.y + max.y)); }
    ImVec2 right() const { return ImVec2(max.x, 0.5f * (min.y + max.y)); }
    float side() const { return max.x - min.x; }
};

// A link between two units: the weight of layer `layer` (0-based) from `from` to `to`.
struct Link {
    ImVec2 p[4];      // the cubic Bézier's points
    double w = 0.0;
    int layer = 0, to = 0, from = 0;
    int row = 0;      // the row of W: `to`, or for a gated layer `to` (its gate) or units + `to` (its value)
    float width = 1.0f;
};

ImVec2 bezier_at(const Link& k, float t) {
    const float u = 1.0f - t;
    const float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return ImVec2(a * k.p[0].x + b * k.p[1].x + c * k.p[2].x + d * k.p[3].x,
                  a * k.p[0].y + b * k.p[1].y + c * k.p[2].y + d * k.p[3].y);
}

float distance_to_segment(ImVec2 p, ImVec2 a, ImVec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

float distance_to_link(ImVec2 p, const Link& k) {
    float best = 1e30f;
    ImVec2 prev = k.p[0];
    for (int i = 1; i <= 16; ++i) {
        const ImVec2 next = bezier_at(k, static_cast<float>(i) / 16.0f);
        best = std::min(best, distance_to_segment(p, prev, next));
        prev = next;
    }
    return best;
}

bool inside(ImVec2 p, ImVec2 a, ImVec2 b) { return p.x >= a.x && p.x < b.x && p.y >= a.y && p.y < b.y; }

// The small square at a unit's bottom-left corner that shows its bias.
void bias_square(const Node& n, float fs, ImVec2* a, ImVec2* b) {
    const float s = std::clamp(0.3f * n.side(), 3.0f, 0.8f * fs);
    *a = ImVec2(n.min.x - 0.5f * s, n.max.y - 0.5f * s);
    *b = ImVec2(a->x + s, a->y + s);
}

// Grey hatching and a red frame over a dead unit (also the legend's swatch).
void mark_dead(ImDrawList* dl, ImVec2 a, ImVec2 b, float fs, bool label) {
    dl->AddRectFilled(a, b, IM_COL32(110, 110, 110, 150));
    dl->PushClipRect(a, b, true);
    const float step = std::max(3.0f, std::min(0.45f * fs, 0.25f * (b.x - a.x)));
    const float h = b.y - a.y;
    for (float x = a.x - h; x < b.x; x += step)
        dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), IM_COL32(60, 60, 60, 200), std::max(1.0f, 0.07f * fs));
    dl->PopClipRect();
    dl->AddRect(a, b, kDeadRed, 0.0f, 0, std::max(1.5f, 0.13f * fs));
    if (label) {
        const char* text = "dead";
        const ImVec2 ts = ImGui::CalcTextSize(text);
        const ImVec2 c(0.5f * (a.x + b.x), 0.5f * (a.y + b.y));
        const ImVec2 ta(c.x - 0.5f * ts.x, c.y - 0.5f * ts.y);
        dl->AddRectFilled(ImVec2(ta.x - 0.2f * fs, ta.y), ImVec2(ta.x + ts.x + 0.2f * fs, ta.y + ts.y), kDeadRed,
                          0.2f * fs);
        dl->AddText(ta, IM_COL32(255, 255, 255, 255), text);
    }
}

// The legend under the diagram: marks and words, wrapped to the width. Measures when dl is null.
float legend(ImDrawList* dl, ImVec2 at, float width, bool hidden_layers, ImU32 text) {
    const float fs = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    enum Mark { Negative, Positive, Bias, Dead, None };
    struct Item {
        Mark mark;
        const char* words;
    };
    const Item items[] = {
        {Negative, "weight < 0"},
        {Positive, "weight > 0 (thicker: larger |w|)"},
        {Bias, "bias (the square at a unit's corner)"},
        {Dead, "dead: passes no gradient back at any training point"},
        {None, "each square: that unit's output over the plane (orange < 0, blue > 0)"},
    };
    const float mark_w = 1.6f * fs, gap = 1.0f * fs;
    float x = 0.0f, y = 0.0f, row_h = line;
    for (const Item& it : items) {
        if (it.mark == Dead && !hidden_layers) continue;
        const float indent = it.mark == None ? 0.0f : mark_w + 0.4f * fs;
        // words wider than the whole width wrap within it, on lines of their own
        const float wrap = std::max(width - indent, 4.0f * fs);
        const ImVec2 words = ImGui::CalcTextSize(it.words, nullptr, false, wrap);
        const float w = indent + words.x;
        if (x > 0.0f && x + w > width) {
            x = 0.0f;
            y += row_h;
            row_h = line;
        }
        row_h = std::max(row_h, words.y + (line - ImGui::GetTextLineHeight()));
        if (dl) {
            const float cy = at.y + y + 0.5f * ImGui::GetTextLineHeight();
            const ImVec2 m(at.x + x, cy);
            switch (it.mark) {
                case Negative:
                case Positive:
                    dl->AddLine(ImVec2(m.x, cy), ImVec2(m.x + mark_w, cy), data_class_color(it.mark == Negative ? 0 : 1),
                                0.25f * fs);
                    break;
                case Bias:
                    dl->AddRectFilled(ImVec2(m.x + 0.5f * mark_w - 0.3f * fs, cy - 0.3f * fs),
                                      ImVec2(m.x + 0.5f * mark_w + 0.3f * fs, cy + 0.3f * fs), data_class_color(1));
                    dl->AddRect(ImVec2(m.x + 0.5f * mark_w - 0.3f * fs, cy - 0.3f * fs),
                                ImVec2(m.x + 0.5f * mark_w + 0.3f * fs, cy + 0.3f * fs), kDark, 0.0f, 0,
                                std::max(1.0f, 0.06f * fs));
                    break;
                case Dead:
                    dl->AddRectFilled(ImVec2(m.x, cy - 0.45f * fs), ImVec2(m.x + mark_w, cy + 0.45f * fs),
                                      IM_COL32(255, 255, 255, 255));
                    mark_dead(dl, ImVec2(m.x, cy - 0.45f * fs), ImVec2(m.x + mark_w, cy + 0.45f * fs), fs, false);
                    break;
                case None: break;
            }
            const float tx = at.x + x + indent;
            dl->AddText(ImGui::GetFont(), fs, ImVec2(tx, at.y + y), text, it.words, nullptr, wrap);
        }
        x += w + gap;
    }
    return y + row_h;
}

// The first of `options` that fits in `width`, or the last.
const std::string& fitting(const std::vector<std::string>& options, float width) {
    for (const std::string& s : options)
        if (ImGui::CalcTextSize(s.c_str()).x <= width) return s;
    return options.back();
}

// The unit's name for tooltips: "x₁²", "hidden layer 1, unit 3 (tanh)", "output (tanh)".
std::string unit_name(const NetworkPicture& pic, const Node& n) {
    const int hidden = static_cast<int>(pic.network.spec().hidden.size());
    if (n.column == 0) {
        int seen = 0;
        for (int f = 0; f < core::kFeatureCount; ++f)
            if (pic.config.features & (1u << f))
                if (seen++ == n.unit) return std::string("input ") + core::feature_label(f);
        return "input " + std::to_string(n.unit + 1);
    }
    if (n.column <= hidden)
        return "hidden layer " + std::to_string(n.column) + ", unit " + std::to_string(n.unit + 1) + " (" +
               hidden_layer_label(pic.network.spec().hidden[static_cast<size_t>(n.column - 1)]) + ")";
    if (pic.network.spec().outputs > 1) return "output: class " + std::to_string(n.unit);
    return std::string("output (") + core::output_name(pic.config.output) + ")";
}

std::vector<std::string> input_labels(const NetworkPicture& pic) {
    std::vector<std::string> labels;
    for (int f = 0; f < core::kFeatureCount; ++f)
        if (pic.config.features & (1u << f)) labels.push_back(core::feature_label(f));
    while (static_cast<int>(labels.size()) < pic.network.spec().inputs) labels.push_back("?");
    return labels;
}

// Draws one unit's map into [a, b]: which texture, which layer and which colours depend on its column.
void draw_unit_map(const NetworkPicture& pic, const Node& n, const HeatmapTexture& inputs,
                   const HeatmapTexture& neurons, const HeatmapTexture& output, HeatmapPainter* painter,
                   ImDrawList* dl, ImVec2 a, ImVec2 b) {
    const int hidden = static_cast<int>(pic.network.spec().hidden.size());
    HeatmapStyle style = boundary_style(0, false);
    style.strength = kThumbnailStrength;
    if (n.column == 0) {
        painter->draw(dl, inputs, a, b, style, n.unit, 1);
    } else if (n.column <= hidden) {
        int layer = n.unit;
        for (int l = 0; l + 1 < n.column; ++l) layer += pic.network.spec().hidden[l].units;
        painter->draw(dl, neurons, a, b, style, layer, 1);
    } else {
        const int outputs = pic.network.spec().outputs;
        if (outputs == 1) {
            style = boundary_style(pic.classes, false);
            style.strength = kThumbnailStrength;
            if (pic.classes > 0) style.contour_width = std::max(1.0f, std::min(2.0f, 0.02f * (b.x - a.x)));
            // the field's own layer: the texture may hold the entropy map after it
            painter->draw(dl, output, a, b, style, 0, 1);
        } else if (pic.output.layers == 1) {
            // two-class softmax: the field is p₁ − p₀; each class's unit lights up where it wins
            style.colors[0] = n.unit == 0 ? data_class_color(0) : IM_COL32(255, 255, 255, 255);
            style.colors[1] = n.unit == 1 ? data_class_color(1) : IM_COL32(255, 255, 255, 255);
            painter->draw(dl, output, a, b, style, 0, 1);
        } else {
            // K classes: layer k is p_k, from white (0) to the class's colour (1)
            style.colors[0] = IM_COL32(255, 255, 255, 255);
            style.colors[1] = data_class_color(n.unit);
            painter->draw(dl, output, a, b, style, n.unit, 1);
        }
    }
}

}  // namespace

void make_network_picture(const core::TrainConfig& config, const core::Dataset& data, const std::string& data_name,
                          const core::Mlp& network, const std::vector<std::vector<char>>& dead_mask, int epoch, int n,
                          NetworkPicture* pic) {
    pic->network = network;
    pic->config = config;
    pic->dead_mask = dead_mask;
    pic->classes = data.classes;
    pic->spec = core::grid_over(data, n);
    const double scale =
        data.classes == 0 && data.size() > 0 ? std::max(data.target.cwiseAbs().maxCoeff(), 1e-12) : 1.0;
    core::DecisionGrid grid;
    core::decision_grid(network, config.output, config.features, pic->spec, true, &grid);
    core::boundary_field(grid, config.output, scale, &pic->output);
    core::neurons_field(grid, &pic->neurons);
    core::features_field(config.features, pic->spec, &pic->inputs);
    pic->title = "Network at epoch " + std::to_string(epoch) + ": " + describe_training(config, data, data_name);
}

void draw_network_diagram(const NetworkPicture& pic, const HeatmapTexture& inputs, const HeatmapTexture& neurons,
                          const HeatmapTexture& output, HeatmapPainter* painter, ImVec2 size, bool interactive,
                          DiagramHit* hit, int selected, const char* edit_tip) {
    const float fs = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    size.x = std::max(size.x, 8.0f * fs);
    size.y = std::max(size.y, 8.0f * fs);
    ImGui::PushID("network_diagram");
    bool hovered_area = false;
    if (interactive) {
        ImGui::InvisibleButton("##area", size);
        hovered_area = ImGui::IsItemHovered();
        if (hit) *hit = DiagramHit{-1, -1, -1, ImGui::IsItemActivated()};
    } else {
        ImGui::Dummy(size);
    }
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const core::Mlp& net = pic.network;
    const core::NetworkSpec& spec = net.spec();
    const int hidden = static_cast<int>(spec.hidden.size());
    const int columns = hidden + 2;

    // ---- the title, then the legend's height (from the bottom) ----
    float y = origin.y;
    if (!pic.title.empty()) {
        ImFont* title_font = plot::GetStyle().title_font;
        if (title_font) ImGui::PushFont(title_font);
        // one line, or two split at a " · " when it is wider than the figure
        std::vector<std::string> rows = {pic.title};
        if (ImGui::CalcTextSize(pic.title.c_str()).x > size.x) {
            const std::string dot = " · ";
            size_t cut = pic.title.rfind(dot);
            while (cut != std::string::npos && cut > 0 &&
                   ImGui::CalcTextSize(pic.title.substr(0, cut).c_str()).x > size.x)
                cut = pic.title.rfind(dot, cut - 1);
            if (cut != std::string::npos && cut > 0) rows = {pic.title.substr(0, cut), pic.title.substr(cut + dot.size())};
        }
        for (const std::string& row : rows) {
            // a row still wider than the figure wraps at its words
            const ImVec2 ts = ImGui::CalcTextSize(row.c_str(), nullptr, false, size.x);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(origin.x + std::max(0.0f, 0.5f * (size.x - ts.x)), y),
                        text, row.c_str(), nullptr, size.x);
            y += ts.y;
        }
        y += 0.4f * fs;
        if (title_font) ImGui::PopFont();
    }
    const float legend_h = legend(nullptr, ImVec2(), size.x - fs, hidden > 0, text);
    const float legend_y = origin.y + size.y - legend_h;

    // ---- columns: a header of two or three lines, then the units, centred ----
    bool any_alpha = false;
    for (int l = 0; l < hidden; ++l) any_alpha |= net.slots(l).alpha >= 0 || net.slots(l).gated;  // a third line
    const float header_h = (any_alpha ? 3.0f : 2.0f) * line + 0.4f * fs;
    const float room_y = std::max(legend_y - 0.8f * fs - y - header_h, 2.0f * fs);
    const std::vector<std::string> labels = input_labels(pic);
    float left_margin = 0.0f;
    for (const std::string& s : labels) left_margin = std::max(left_margin, ImGui::CalcTextSize(s.c_str()).x);
    left_margin += 0.8f * fs;
    float right_margin = 0.8f * fs;
    if (spec.outputs > 1) right_margin += ImGui::CalcTextSize("class 0").x + 0.4f * fs;
    const float pitch = (size.x - left_margin - right_margin) / static_cast<float>(columns);
    const float largest = std::min(5.0f * fs, 0.45f * pitch);

    // Each column's side t, with a gap of 0.3 t between units: as large as its height allows, up to
    // `largest`. The headers sit just above the tallest column, and the whole is centred in the room.
    const auto count_of = [&](int c) { return c == 0 ? spec.inputs : c <= hidden ? spec.hidden[c - 1].units : spec.outputs; };
    const auto side_of = [&](int c) {
        const float span = static_cast<float>(count_of(c)) * 1.3f - 0.3f;
        return std::max(2.0f, std::min(largest, room_y / span));
    };
    float tallest = 0.0f;
    for (int c = 0; c < columns; ++c) tallest = std::max(tallest, side_of(c) * (static_cast<float>(count_of(c)) * 1.3f - 0.3f));
    const float header_y = y + std::max(0.0f, 0.5f * (room_y - tallest));
    const float middle = header_y + header_h + 0.5f * tallest;

    std::vector<std::vector<Node>> nodes(columns);
    std::vector<float> centre_x(columns);
    for (int c = 0; c < columns; ++c) {
        const int count = count_of(c);
        centre_x[c] = origin.x + left_margin + pitch * (static_cast<float>(c) + 0.5f);
        const float t = side_of(c);
        const float total = t * (static_cast<float>(count) * 1.3f - 0.3f);
        float uy = middle - 0.5f * total;
        for (int u = 0; u < count; ++u) {
            Node n;
            n.column = c;
            n.unit = u;
            n.min = ImVec2(centre_x[c] - 0.5f * t, uy);
            n.max = ImVec2(centre_x[c] + 0.5f * t, uy + t);
            if (c >= 1 && c <= hidden && c - 1 < static_cast<int>(pic.dead_mask.size()) &&
                u < static_cast<int>(pic.dead_mask[c - 1].size()))
                n.dead = pic.dead_mask[c - 1][u] != 0;
            nodes[c].push_back(n);
            uy += 1.3f * t;
        }
    }

    // ---- links, weakest first so the strong ones lie on top ----
    std::vector<Link> links;
    for (int l = 0; l + 1 < columns && l < net.layer_count(); ++l) {
        const auto w = net.weights(l);
        const core::LayerSlots& slots = net.slots(l);
        // a gated unit's gate weights come in at the upper part of its left edge, its values' lower
        for (int r = 0; r < w.rows(); ++r)
            for (int i = 0; i < w.cols() && i < static_cast<int>(nodes[l].size()); ++i) {
                const int o = r % slots.units;
                if (o >= static_cast<int>(nodes[l + 1].size())) continue;
                const Node &from = nodes[l][i], &to = nodes[l + 1][o];
                Link k;
                k.p[0] = from.right();
                k.p[3] = to.left();
                if (slots.gated) k.p[3].y += (r < slots.units ? -0.25f : 0.25f) * to.side();
                k.row = r;
                const float dx = 0.5f * (k.p[3].x - k.p[0].x);
                k.p[1] = ImVec2(k.p[0].x + dx, k.p[0].y);
                k.p[2] = ImVec2(k.p[3].x - dx, k.p[3].y);
                k.w = w(o, i);
                k.layer = l;
                k.to = o;
                k.from = i;
                const float widest = std::clamp(0.3f * std::min(from.side(), to.side()), 1.0f, 0.4f * fs);
                const float thinnest = std::min(widest, std::max(1.0f, 0.06f * fs));
                const float s = static_cast<float>(std::min(std::fabs(k.w), kWidestWeight) / kWidestWeight);
                k.width = std::isfinite(k.w) ? thinnest + (widest - thinnest) * s : thinnest;
                links.push_back(k);
            }
    }
    std::stable_sort(links.begin(), links.end(),
                     [](const Link& a, const Link& b) { return std::fabs(a.w) < std::fabs(b.w); });

    // ---- what the mouse is over: a bias square, a unit, or else the nearest link ----
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const Node* hover_node = nullptr;
    const Node* hover_bias = nullptr;
    const Link* hover_link = nullptr;
    if (interactive && hovered_area) {
        for (int c = 1; c < columns && !hover_bias; ++c)
            for (const Node& n : nodes[c]) {
                ImVec2 a, b;
                bias_square(n, fs, &a, &b);
                if (inside(mouse, a, b)) {
                    hover_bias = &n;
                    break;
                }
            }
        for (int c = 0; c < columns && !hover_bias && !hover_node; ++c)
            for (const Node& n : nodes[c])
                if (inside(mouse, n.min, n.max)) {
                    hover_node = &n;
                    break;
                }
        if (!hover_bias && !hover_node) {
            float best = 1e30f;
            for (const Link& k : links) {
                const float d = distance_to_link(mouse, k);
                if (d <= 0.5f * k.width + 0.25f * fs && d < best) {
                    best = d;
                    hover_link = &k;
                }
            }
        }
    }

    // A fixed number of segments, the same for a link and its outline: a gentle S at any length
    // looks smooth with 16 (ImGui's own choice, from the length, runs to dozens); between two large
    // layers fewer keep it cheap.
    const auto segments_of = [&net](const Link& k) { return net.weights(k.layer).size() > 600 ? 8 : 16; };
    for (const Link& k : links) {
        const int segments = segments_of(k);
        const float a = static_cast<float>(std::min(std::fabs(k.w), kStrongWeight) / kStrongWeight);
        const ImU32 color = with_white(sign_color(k.w), 0.45f + 0.55f * a, 0.6f + 0.4f * a);
        dl->AddBezierCubic(k.p[0], k.p[1], k.p[2], k.p[3], color, k.width, segments);
    }
    const auto link_param = [&net](const Link& k) { return net.slots(k.layer).weights + k.row * net.slots(k.layer).cols + k.from; };
    for (const Link& k : links) {
        if (&k != hover_link && link_param(k) != selected) continue;
        // the hovered link and the one being set by hand on top, outlined
        dl->AddBezierCubic(k.p[0], k.p[1], k.p[2], k.p[3], kDark, k.width + 0.25f * fs, segments_of(k));
        dl->AddBezierCubic(k.p[0], k.p[1], k.p[2], k.p[3], sign_color(k.w), k.width, segments_of(k));
    }
    // where a test aims to choose a parameter: the middle of each link, each bias square
    if (interactive && recording_items()) {
        for (const Link& k : links) {
            const ImVec2 m = bezier_at(k, 0.5f);
            record_rect("param " + std::to_string(link_param(k)), m, m);
        }
        for (int c = 1; c < columns; ++c)
            for (const Node& n : nodes[c]) {
                ImVec2 a, b;
                bias_square(n, fs, &a, &b);
                record_rect("param " + std::to_string(net.slots(c - 1).biases + n.unit), a, b);
            }
    }
    if (hit) {
        if (hover_link) hit->param = link_param(*hover_link);
        if (hover_bias) hit->param = net.slots(hover_bias->column - 1).biases + hover_bias->unit;
        const Node* unit = hover_node ? hover_node : hover_bias;
        if (unit && unit->column >= 1 && unit->column <= hidden) {
            hit->layer = unit->column - 1;
            hit->unit = unit->unit;
        }
    }

    // ---- headers ----
    for (int c = 0; c < columns; ++c) {
        std::vector<std::string> first, second;
        std::string third;
        if (c == 0) {
            first = {"Input", "In"};
            const int k = spec.inputs;
            second = {std::to_string(k) + (k == 1 ? " feature" : " features"), std::to_string(k)};
        } else if (c <= hidden) {
            const core::HiddenLayer& h = spec.hidden[c - 1];
            const std::string label = hidden_layer_label(h);
            first = {"Hidden layer " + std::to_string(c), "Layer " + std::to_string(c), "L" + std::to_string(c)};
            second = {std::to_string(h.units) + " × " + label, std::to_string(h.units) + " " + label, label};
            if (net.slots(c - 1).alpha >= 0) third = "α = " + short_number(net.params()[net.slots(c - 1).alpha]);
            else if (h.gated) third = "f(gate) · value";
        } else {
            first = {"Output", "Out"};
            const std::string name = core::output_name(pic.config.output);
            second = {spec.outputs > 1 ? name + " over " + std::to_string(spec.outputs) : name, name};
        }
        const float room = std::max(pitch - 0.3f * fs, fs);
        const auto centred = [&](const std::string& s, float at_y, ImU32 colour) {
            const float w = ImGui::CalcTextSize(s.c_str()).x;
            dl->AddText(ImVec2(centre_x[c] - 0.5f * w, at_y), colour, s.c_str());
        };
        centred(fitting(first, room), header_y, text);
        centred(fitting(second, room), header_y + line, muted);
        if (!third.empty()) centred(third, header_y + 2.0f * line, muted);
    }

    // ---- units: map, frame, bias, dead marks, labels ----
    for (int c = 0; c < columns; ++c)
        for (const Node& n : nodes[c]) {
            dl->AddRectFilled(n.min, n.max, IM_COL32(255, 255, 255, 255));
            draw_unit_map(pic, n, inputs, neurons, output, painter, dl, n.min, n.max);
            const bool lit = &n == hover_node;
            dl->AddRect(n.min, n.max, lit ? kDark : kFrame, 0.0f, 0,
                        lit ? std::max(2.0f, 0.15f * fs) : std::max(1.0f, 0.05f * fs));
            if (n.dead) mark_dead(dl, n.min, n.max, fs, n.side() >= 2.2f * fs);
            if (c >= 1) {
                const double b = net.biases(c - 1)[n.unit];
                ImVec2 a, z;
                bias_square(n, fs, &a, &z);
                const float s = std::isfinite(b) ? static_cast<float>(std::min(std::fabs(b), 1.0)) : 1.0f;
                dl->AddRectFilled(a, z, with_white(sign_color(b), 0.2f + 0.8f * s));
                const bool marked = &n == hover_bias || net.slots(c - 1).biases + n.unit == selected;
                dl->AddRect(a, z, marked ? kDark : kFrame, 0.0f, 0,
                            marked ? std::max(2.0f, 0.12f * fs) : std::max(1.0f, 0.05f * fs));
            }
            if (c == 0) {
                const std::string& s = labels[n.unit];
                const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
                dl->AddText(ImVec2(n.min.x - 0.4f * fs - ts.x, 0.5f * (n.min.y + n.max.y) - 0.5f * ts.y), text, s.c_str());
            } else if (c == columns - 1 && spec.outputs > 1) {
                const std::string s = "class " + std::to_string(n.unit);
                const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
                dl->AddText(ImVec2(n.max.x + 0.4f * fs, 0.5f * (n.min.y + n.max.y) - 0.5f * ts.y), text, s.c_str());
            }
        }

    legend(dl, ImVec2(origin.x + 0.5f * fs, legend_y), size.x - fs, hidden > 0, text);

    // ---- tooltips ----
    if (hover_link) {
        const Link& k = *hover_link;
        const Node& to = nodes[k.layer + 1][k.to];
        const std::string from = k.layer == 0 ? std::string("input ") + labels[k.from]
                                              : "hidden layer " + std::to_string(k.layer) + ", unit " +
                                                    std::to_string(k.from + 1);
        const core::LayerSlots& slots = net.slots(k.layer);
        ImGui::BeginTooltip();
        ImGui::Text("weight w = %s", plot::format_significant(k.w, 4).c_str());
        ImGui::TextDisabled("from %s", from.c_str());
        ImGui::TextDisabled("to %s%s", slots.gated ? (k.row < slots.units ? "the gate of " : "the value of ") : "",
                            unit_name(pic, to).c_str());
        if (edit_tip) ImGui::TextDisabled("%s", edit_tip);
        ImGui::EndTooltip();
    } else if (hover_bias) {
        ImGui::BeginTooltip();
        ImGui::Text("bias b = %s", plot::format_significant(net.biases(hover_bias->column - 1)[hover_bias->unit], 4).c_str());
        ImGui::TextDisabled("of %s%s", net.slots(hover_bias->column - 1).gated ? "the gate of " : "",
                            unit_name(pic, *hover_bias).c_str());
        if (edit_tip) ImGui::TextDisabled("%s", edit_tip);
        ImGui::EndTooltip();
    } else if (hover_node) {
        const Node& n = *hover_node;
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(unit_name(pic, n).c_str());
        const float big = 12.0f * ImGui::GetFontSize();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(big, big));
        ImDrawList* tl = ImGui::GetWindowDrawList();
        tl->AddRectFilled(at, ImVec2(at.x + big, at.y + big), IM_COL32(255, 255, 255, 255));
        draw_unit_map(pic, n, inputs, neurons, output, painter, tl, at, ImVec2(at.x + big, at.y + big));
        tl->AddRect(at, ImVec2(at.x + big, at.y + big), kFrame);
        if (n.dead) mark_dead(tl, at, ImVec2(at.x + big, at.y + big), ImGui::GetFontSize(), true);
        if (n.column >= 1) ImGui::Text("bias b = %s", plot::format_significant(net.biases(n.column - 1)[n.unit], 4).c_str());
        if (n.column == 0)
            ImGui::TextDisabled("the feature over the plane, scaled to ±1");
        else if (n.column <= hidden)
            ImGui::TextDisabled("its output over the plane (full colour at ±1)");
        if (n.dead) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1.0f), "dead: passes no gradient back at any training point");
        ImGui::EndTooltip();
    }
}

std::string describe_parameter(const NetworkPicture& pic, int param) {
    const core::Mlp& net = pic.network;
    for (int l = 0; l < net.layer_count(); ++l) {
        const core::LayerSlots& s = net.slots(l);
        Node to;
        to.column = l + 1;
        const auto part = [&s](int row) { return !s.gated ? "" : row < s.units ? "the gate of " : "the value of "; };
        if (param >= s.weights && param < s.biases) {
            const int row = (param - s.weights) / s.cols;
            to.unit = row % s.units;
            Node from;
            from.column = l;
            from.unit = (param - s.weights) % s.cols;
            return "the weight from " + unit_name(pic, from) + " to " + part(row) + unit_name(pic, to);
        }
        if (param >= s.biases && param < s.biases + s.rows) {
            to.unit = (param - s.biases) % s.units;
            return "the bias of " + std::string(part(param - s.biases)) + unit_name(pic, to);
        }
    }
    return "";
}

std::string network_csv(const NetworkPicture& pic) {
    const core::Mlp& net = pic.network;
    std::string csv = "layer,to_unit,from,value,part\n";
    char buf[112];
    for (int l = 0; l < net.layer_count(); ++l) {
        const core::LayerSlots& s = net.slots(l);
        const auto w = net.weights(l);
        const auto b = net.biases(l);
        for (int r = 0; r < w.rows(); ++r) {
            const char* part = !s.gated ? "" : r < s.units ? "gate" : "value";
            for (int i = 0; i < w.cols(); ++i) {
                std::snprintf(buf, sizeof buf, "%d,%d,%d,%.17g,%s\n", l + 1, r % s.units, i, w(r, i), part);
                csv += buf;
            }
            std::snprintf(buf, sizeof buf, "%d,%d,bias,%.17g,%s\n", l + 1, r % s.units, b[r], part);
            csv += buf;
        }
        if (s.alpha >= 0) {
            std::snprintf(buf, sizeof buf, "%d,,alpha,%.17g,%s\n", l + 1, net.params()[s.alpha], s.gated ? "gate" : "");
            csv += buf;
        }
    }
    return csv;
}

Figure network_export_figure(std::shared_ptr<const NetworkPicture> picture, const std::string& stem) {
    Figure figure;
    figure.stem = stem;
    figure.csv = [picture] { return network_csv(*picture); };
    // The textures and the painter's records belong to the export: made in its GL context when drawn.
    struct Textures {
        HeatmapTexture inputs, neurons, output;
        HeatmapPainter painter;
    };
    auto t = std::make_shared<Textures>();
    figure.draw = [picture, t](ImVec2 size) {
        if (t->inputs.empty()) t->inputs.upload(picture->inputs);
        if (t->neurons.empty() && picture->neurons.layers > 0) t->neurons.upload(picture->neurons);
        if (t->output.empty()) t->output.upload(picture->output);
        t->painter.begin();
        draw_network_diagram(*picture, t->inputs, t->neurons, t->output, &t->painter, size, false);
    };
    return figure;
}

}  // namespace actlab::app
