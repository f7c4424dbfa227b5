#include "app/figures/boundary_figure.h"

#include "app/figures/loss_figure.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

constexpr ImU32 kClassColors[10] = {
    IM_COL32(230, 159, 0, 255),    // class 0 (−1): orange
    IM_COL32(0, 114, 178, 255),    // class 1 (+1): blue
    IM_COL32(0, 158, 115, 255),    // bluish green
    IM_COL32(204, 121, 167, 255),  // reddish purple
    IM_COL32(213, 94, 0, 255),     // vermillion
    IM_COL32(86, 180, 233, 255),   // sky blue
    IM_COL32(120, 120, 120, 255),  // grey
    IM_COL32(150, 110, 40, 255),   // brown
    IM_COL32(90, 60, 160, 255),    // violet
    IM_COL32(20, 20, 20, 255),     // black
};

// The entropy map's ramp at 0, ½ and 1: white, lilac, dark violet (ColorBrewer's Purples).
constexpr ImU32 kEntropyRamp[3] = {IM_COL32(255, 255, 255, 255), IM_COL32(158, 154, 200, 255), IM_COL32(63, 0, 125, 255)};

ImU32 mix_white(ImU32 color, float amount) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    const auto m = [amount](float v) { return 1.0f + (v - 1.0f) * amount; };
    return ImGui::ColorConvertFloat4ToU32(ImVec4(m(c.x), m(c.y), m(c.z), 1.0f));
}

// One piece of the caption under the boundary: a mark (none, a point, a ringed test point, a class
// swatch) and its words.
struct CaptionItem {
    enum Mark { None, Point, TestPoint, Swatch, Ramp } mark = None;
    ImU32 color = 0;
    std::string text;
};

std::vector<CaptionItem> caption_items(const BoundaryPicture& pic) {
    const ImU32 grey = IM_COL32(110, 110, 110, 255);
    std::vector<CaptionItem> items;
    items.push_back({CaptionItem::Point, grey, "train " + std::to_string(pic.train.size())});
    if (pic.show_test) items.push_back({CaptionItem::TestPoint, grey, "test " + std::to_string(pic.test.size())});
    const int classes = pic.train.classes;
    if (classes == 2) {
        items.push_back({CaptionItem::Swatch, data_class_color(0), "−1"});
        items.push_back({CaptionItem::Swatch, data_class_color(1), "+1"});
    } else if (classes > 2) {
        for (int k = 0; k < classes; ++k) items.push_back({CaptionItem::Swatch, data_class_color(k), std::to_string(k)});
    } else {
        items.push_back({CaptionItem::None, 0, "target: orange < 0 < blue"});
    }
    if (pic.entropy) items.push_back({CaptionItem::Ramp, 0, "entropy of the prediction, 0 = sure, 1 = unsure"});
    if (pic.temperature != 1.0)
        items.push_back({CaptionItem::None, 0, "output at temperature " + plot::format_significant(pic.temperature, 3)});
    // the status ("test loss 0.003, test accuracy 100.0 %") in its parts, so that a narrow caption
    // breaks it between them
    for (size_t at = 0; at < pic.status.size();) {
        size_t end = pic.status.find(", ", at);
        end = end == std::string::npos ? pic.status.size() : end + 1;
        items.push_back({CaptionItem::None, 0, pic.status.substr(at, end - at)});
        at = end;
        while (at < pic.status.size() && pic.status[at] == ' ') ++at;
    }
    return items;
}

// The colour bar's length, and the room a mark takes before its words.
constexpr float kRampWidth = 4.0f;  // font sizes
float mark_width(const CaptionItem& item, float fs) {
    return item.mark == CaptionItem::None ? 0.0f : item.mark == CaptionItem::Ramp ? (kRampWidth + 0.4f) * fs : 0.78f * fs;
}

float item_width(const CaptionItem& item, float fs) { return mark_width(item, fs) + ImGui::CalcTextSize(item.text.c_str()).x; }

// The items in rows no wider than `width`, each item whole (a row of one item may be wider).
std::vector<std::vector<size_t>> caption_rows(const std::vector<CaptionItem>& items, float width, float fs) {
    std::vector<std::vector<size_t>> rows(1);
    float used = 0.0f;
    for (size_t i = 0; i < items.size(); ++i) {
        const float w = item_width(items[i], fs);
        if (!rows.back().empty() && used + 0.9f * fs + w > width) {
            rows.emplace_back();
            used = 0.0f;
        }
        used += (rows.back().empty() ? 0.0f : 0.9f * fs) + w;
        rows.back().push_back(i);
    }
    return rows;
}

}  // namespace

ImU32 data_class_color(int k) { return kClassColors[std::clamp(k, 0, 9)]; }

ImU32 target_color(double target, double scale) {
    const double s = scale > 0 ? std::min(1.0, std::fabs(target) / scale) : 0.0;
    return mix_white(data_class_color(target < 0 ? 0 : 1), static_cast<float>(s));
}

HeatmapStyle entropy_style(int entropy_layer) {
    HeatmapStyle style;
    style.value_layer = entropy_layer;
    for (int k = 0; k < 3; ++k) style.ramp[k] = kEntropyRamp[k];
    style.contour_width = 2.0f;
    style.contour_color = IM_COL32(255, 255, 255, 255);
    style.contour_outline_width = 1.0f;
    return style;
}

bool output_has_temperature(core::Output output, std::string* why) {
    if (output != core::Output::Identity) return true;
    if (why)
        *why = "A regression output (identity) is a value, not a prediction: it has no temperature and no entropy. "
               "They apply to tanh, sigmoid and softmax outputs.";
    return false;
}

void upload_boundary(const BoundaryPicture& pic, HeatmapTexture* texture) {
    const bool entropy = pic.entropy && pic.entropy_field.layers > 0 && pic.entropy_field.n == pic.field.n;
    texture->upload(pic.field, entropy ? &pic.entropy_field : nullptr);
}

HeatmapStyle boundary_style(int classes, bool discrete) {
    HeatmapStyle style;
    for (int k = 0; k < 10; ++k) style.colors[k] = kClassColors[k];
    style.discrete = discrete;
    style.contour_width = classes > 0 ? 2.0f : 0.0f;
    return style;
}

void draw_boundary_items(const BoundaryPicture& pic, const HeatmapTexture& texture, HeatmapPainter* painter) {
    const int classes = pic.train.classes;
    const core::GridSpec& g = pic.spec;
    ImDrawList* dl = plot::GetPlotDrawList();
    // the entropy map, when it went up with the field, in the layer after the field's
    const bool entropy = pic.entropy && texture.layers() > pic.field.layers;
    if (!pic.no_field)
        painter->draw(dl, texture, plot::PlotToPixels(g.x_min, g.y_max), plot::PlotToPixels(g.x_max, g.y_min),
                      entropy ? entropy_style(pic.field.layers) : boundary_style(classes, pic.discrete), 0,
                      pic.field.layers);

    // points: smaller when there are many, so they do not hide the field
    const float unit = plot::GetPlotUnit();
    const ImVec2 a = plot::PlotToPixels(g.x_min, g.y_max), b = plot::PlotToPixels(g.x_max, g.y_min);
    const float side = std::min(b.x - a.x, b.y - a.y);
    const int total = pic.train.size() + (pic.show_test ? pic.test.size() : 0);
    const float radius = std::clamp(0.42f * side / std::sqrt(static_cast<float>(std::max(total, 1))), 1.6f * unit, 4.2f * unit);
    const auto point_color = [&](double target) {
        return classes > 0 ? data_class_color(static_cast<int>(target)) : target_color(target, pic.target_scale);
    };
    const ImU32 outline = IM_COL32(255, 255, 255, 255), dark = IM_COL32(30, 30, 30, 255);
    // Each point's ring covers the edge of its disc, so the disc is drawn without an anti-aliased
    // fringe of its own: a third of the triangles of a point (hundreds of points, every frame).
    const ImDrawListFlags flags = dl->Flags;
    const auto point = [&](ImVec2 c, ImU32 fill, ImU32 ring, float ring_width) {
        dl->Flags = flags & ~ImDrawListFlags_AntiAliasedFill;
        dl->AddCircleFilled(c, radius, fill, 10);
        dl->Flags = flags;
        dl->AddCircle(c, radius, ring, 10, ring_width);
    };
    for (int i = 0; i < pic.train.size(); ++i)
        point(plot::PlotToPixels(pic.train.x(i, 0), pic.train.x(i, 1)), point_color(pic.train.target[i]), outline, 0.9f * unit);
    // test points: the same colours, ringed in black (as on Playground)
    if (pic.show_test)
        for (int i = 0; i < pic.test.size(); ++i)
            point(plot::PlotToPixels(pic.test.x(i, 0), pic.test.x(i, 1)), point_color(pic.test.target[i]), dark, 1.3f * unit);
}

float boundary_caption_height(const BoundaryPicture& pic, float width) {
    const float fs = ImGui::GetFontSize();
    return ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(caption_rows(caption_items(pic), width - fs, fs).size());
}

void draw_boundary_plot(const BoundaryPicture& pic, const HeatmapTexture& texture, HeatmapPainter* painter, ImVec2 size,
                        plot::PlotFlags flags, PlotClick* click) {
    const float fs = ImGui::GetFontSize();
    const ImU32 dark = IM_COL32(30, 30, 30, 255);
    // a caption under the plot, what the marks mean, in as many rows as the width needs
    const std::vector<CaptionItem> items = caption_items(pic);
    const std::vector<std::vector<size_t>> rows = caption_rows(items, size.x - fs, fs);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float caption = line * static_cast<float>(rows.size());
    // A frame whose data area comes out about as wide as the grid's aspect (square for Playground's
    // ±6 plane, so a circle looks round): the axis labels take about 4.7 font heights across and the
    // title and x labels 5.3 down (a wrapped title takes more, and the area is a little flatter).
    const core::GridSpec& g = pic.spec;
    const float aspect = static_cast<float>((g.x_max - g.x_min) / std::max(g.y_max - g.y_min, 1e-12));
    const float avail_h = std::max(4.0f * fs, size.y - caption);
    const float area_h = std::min(avail_h - 5.3f * fs, (size.x - 4.7f * fs) / aspect);
    ImVec2 plot_size(std::min(size.x, area_h * aspect + 4.7f * fs), avail_h);
    const float left = ImGui::GetCursorScreenPos().x;  // the caption's rows are centred in the whole width
    if (area_h > 4.0f * fs) {
        plot_size.y = area_h + 5.3f * fs;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 0.5f * (size.x - plot_size.x));
    } else {
        plot_size.x = size.x;
    }
    if (!plot::BeginPlot((pic.title + "###boundary").c_str(), plot_size, flags)) return;  // one plot at every epoch
    plot::SetupAxes("x₁", "x₂");
    plot::SetupAxesLimits({g.x_min, g.x_max, g.y_min, g.y_max},
                          (flags & plot::PlotFlags_NoInputs) ? plot::Cond_Always : plot::Cond_Once);
    draw_boundary_items(pic, texture, painter);
    if (click) {
        const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
        const float still = ImGui::GetIO().MouseDragThreshold;
        *click = PlotClick{};
        click->hovered = plot::IsPlotHovered();
        click->mouse_x = plot::GetPlotMouseX();
        click->mouse_y = plot::GetPlotMouseY();
        const plot::Limits view = plot::GetPlotLimits();
        const ImVec2 a = plot::PlotToPixels(view.x_min, view.y_max), b = plot::PlotToPixels(view.x_max, view.y_min);
        click->area_min = a;
        click->area_max = b;
        click->per_pixel = b.x > a.x ? (view.x_max - view.x_min) / (b.x - a.x) : 0.0;
        if (click->hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && std::fabs(drag.x) < still &&
            std::fabs(drag.y) < still) {
            click->clicked = true;
            click->x = click->mouse_x;
            click->y = click->mouse_y;
        }
    }
    plot::EndPlot();

    ImDrawList* wl = ImGui::GetWindowDrawList();
    const ImU32 text = plot::GetStyle().text;
    const float r = 0.3f * fs, top = ImGui::GetCursorScreenPos().y;  // under the plot
    for (size_t row = 0; row < rows.size(); ++row) {
        float width = 0.0f;
        for (size_t i : rows[row]) width += item_width(items[i], fs);
        width += 0.9f * fs * static_cast<float>(rows[row].size() - 1);
        float x = left + std::max(0.5f * fs, 0.5f * (size.x - width));
        const float y = top + line * static_cast<float>(row), cy = y + 0.5f * ImGui::GetTextLineHeight();
        for (size_t i : rows[row]) {
            const CaptionItem& item = items[i];
            if (item.mark == CaptionItem::Point || item.mark == CaptionItem::TestPoint)
                wl->AddCircleFilled(ImVec2(x + r, cy), r, item.color);
            if (item.mark == CaptionItem::TestPoint) wl->AddCircle(ImVec2(x + r, cy), r, dark, 12, 0.09f * fs);
            if (item.mark == CaptionItem::Swatch) wl->AddRectFilled(ImVec2(x, cy - r), ImVec2(x + 2 * r, cy + r), item.color);
            if (item.mark == CaptionItem::Ramp) {  // the entropy map's colour bar, 0 at the left
                const float half = 0.5f * kRampWidth * fs, y0 = cy - 1.3f * r, y1 = cy + 1.3f * r;
                wl->AddRectFilledMultiColor(ImVec2(x, y0), ImVec2(x + half, y1), kEntropyRamp[0], kEntropyRamp[1],
                                            kEntropyRamp[1], kEntropyRamp[0]);
                wl->AddRectFilledMultiColor(ImVec2(x + half, y0), ImVec2(x + 2 * half, y1), kEntropyRamp[1],
                                            kEntropyRamp[2], kEntropyRamp[2], kEntropyRamp[1]);
                wl->AddRect(ImVec2(x, y0), ImVec2(x + 2 * half, y1), IM_COL32(110, 110, 110, 255), 0.0f, 0, 0.06f * fs);
            }
            x += mark_width(item, fs);
            wl->AddText(ImVec2(x, y), text, item.text.c_str());
            x += ImGui::CalcTextSize(item.text.c_str()).x + 0.9f * fs;
        }
    }
    ImGui::Dummy(ImVec2(size.x, caption));
}

std::string boundary_csv(const BoundaryPicture& pic, const core::DecisionGrid& grid) {
    const int n = grid.n, outputs = static_cast<int>(grid.output.rows());
    // at T ≠ 1 the outputs at T and the logits they come from; at T = 1 the output as it always was
    const bool tempered = pic.temperature != 1.0 && output_has_temperature(pic.output);
    const bool entropy = pic.entropy && pic.entropy_field.layers > 0;
    core::FloatMatrix at_t;
    if (tempered) core::tempered_output(grid, pic.output, pic.temperature, &at_t);
    const core::FloatMatrix& shown = tempered ? at_t : grid.output;
    std::string text = "x1,x2";
    if (outputs == 1) {
        text += tempered ? ",output,logit" : ",output";
    } else {
        for (int k = 0; k < outputs; ++k) text += ",p" + std::to_string(k);
        if (tempered)
            for (int k = 0; k < outputs; ++k) text += ",z" + std::to_string(k);
    }
    text += entropy ? ",entropy\n" : "\n";
    const core::GridSpec& g = pic.spec;
    char buf[64];
    const auto add = [&](float v) {
        std::snprintf(buf, sizeof buf, ",%.9g", static_cast<double>(v));
        text += buf;
    };
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const double x1 = n > 1 ? g.x_min + (g.x_max - g.x_min) * i / (n - 1) : g.x_min;
            const double x2 = n > 1 ? g.y_min + (g.y_max - g.y_min) * j / (n - 1) : g.y_min;
            std::snprintf(buf, sizeof buf, "%.17g,%.17g", x1, x2);
            text += buf;
            const int p = i + n * j;
            for (int k = 0; k < outputs; ++k) add(shown(k, p));
            if (tempered)
                for (int k = 0; k < outputs; ++k) add(grid.logits(k, p));
            if (entropy) add(pic.entropy_field.values[static_cast<size_t>(p)]);
            text += '\n';
        }
    return text;
}

const char* boundary_keys_help() {
    static const std::string help =
        std::string(training_keys_help()) +
        "  temperature=1             the output drawn at tanh(z/T), sigma(z/T), softmax(z/T): 0.05 to 20\n"
        "                            (below 1 sharper, above 1 washed out; the decision line stays)\n"
        "  entropy=off               on: colour how unsure the prediction is (0 = sure, 1 = unsure)\n";
    return help.c_str();
}

Figure boundary_export_figure(std::shared_ptr<const BoundaryPicture> picture,
                              std::shared_ptr<const core::DecisionGrid> grid, const std::string& stem) {
    Figure figure;
    figure.stem = stem;
    figure.csv = [picture, grid] { return boundary_csv(*picture, *grid); };
    // The texture and the painter's records belong to the export: made in its GL context when drawn.
    auto texture = std::make_shared<HeatmapTexture>();
    auto painter = std::make_shared<HeatmapPainter>();
    figure.draw = [picture, texture, painter](ImVec2 size) {
        if (texture->empty()) upload_boundary(*picture, texture.get());
        painter->begin();
        draw_boundary_plot(*picture, *texture, painter.get(), size, plot::PlotFlags_NoInputs);
    };
    return figure;
}

void make_boundary_picture(const core::TrainConfig& config, const core::Dataset& data, const std::string& data_name,
                           const core::Mlp& network, const core::EpochRecord* last, int n, BoundaryPicture* pic,
                           core::DecisionGrid* grid, bool with_neurons) {
    core::split_dataset(data, config.train_percent, config.data.seed, &pic->train, &pic->test);
    pic->spec = core::grid_over(data, n);
    const bool on_plane = data.size() > 0 && data.x.cwiseAbs().maxCoeff() <= core::kDataExtent;
    if (pic->whole_plane && on_plane) {
        pic->spec = core::GridSpec{};
        pic->spec.n = n;
    }
    pic->no_field = false;
    pic->target_scale = data.classes == 0 && data.size() > 0 ? std::max(data.target.cwiseAbs().maxCoeff(), 1e-12) : 1.0;
    core::decision_grid(network, config.output, config.features, pic->spec, with_neurons, grid);
    pic->output = config.output;
    if (!output_has_temperature(config.output)) {
        pic->temperature = 1.0;
        pic->entropy = false;
    }
    core::boundary_field(*grid, config.output, pic->target_scale, &pic->field, pic->temperature);
    if (pic->entropy) core::entropy_field(*grid, config.output, pic->temperature, &pic->entropy_field);
    else pic->entropy_field = core::BoundaryField{};
    const int epoch = last ? last->epoch : 0;
    pic->title = (data.classes > 0 ? "Decision boundary at epoch " : "Network output at epoch ") + std::to_string(epoch) +
                 ": " + describe_training(config, data, data_name);
    pic->status.clear();
    if (last) {
        pic->status = "test loss " + plot::format_significant(last->test_loss, 3);
        if (data.classes > 0) pic->status += ", test accuracy " + plot::format_decimals(100.0 * last->test_accuracy, 1) + " %";
    }
}

}  // namespace actlab::app
