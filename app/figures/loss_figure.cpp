#include "app/figures/loss_figure.h"

#include "app/figures/training_keys.h"
#include "app/plot/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::app {

namespace {

// Okabe–Ito blue and vermillion: train and test, as on every actlab figure
constexpr ImU32 kTrainColor = IM_COL32(0, 114, 178, 255);
constexpr ImU32 kTestColor = IM_COL32(213, 94, 0, 255);
constexpr ImU32 kCollapseColor = IM_COL32(190, 30, 30, 255);

// A warning in the upper middle of the data area (below the summary line), wrapped to about half its
// width, on the pale red of the playground's banner so it reads over the curves; kept in the data area
// and off the other texts like every PlotText.
void warning_box(const std::string& text) {
    const plot::Limits lim = plot::GetPlotLimits();
    const ImVec2 top_left = plot::PlotToPixels(lim.x_min, lim.y_max), bottom_right = plot::PlotToPixels(lim.x_max, lim.y_min);
    plot::TextStyle style;
    style.color = kCollapseColor;
    style.backdrop = IM_COL32(253, 226, 222, 240);
    style.max_width = std::max(0.55f * (bottom_right.x - top_left.x), 12.0f * ImGui::GetFontSize());
    const double mid_x = lim.x_min + 0.5 * (lim.x_max - lim.x_min);  // the middle on a linear x axis
    plot::PlotText(text.c_str(), mid_x, lim.y_max, style, ImVec2(0, 2.5f * ImGui::GetTextLineHeight() / plot::GetPlotUnit()),
                   ImVec2(0.5f, 0.0f));
}

}  // namespace

std::string describe_training(const core::TrainConfig& c, const core::Dataset& data, const std::string& data_name,
                              bool with_activations) {
    std::string shape = std::to_string(core::feature_count(c.features));
    for (const core::HiddenLayer& h : c.hidden) shape += "-" + std::to_string(h.units);
    shape += "-" + std::to_string(c.output == core::Output::Softmax ? std::max(2, data.classes) : 1);
    std::vector<std::string> ids;  // each activation once, in layer order
    for (const core::HiddenLayer& h : c.hidden)
        if (with_activations && std::find(ids.begin(), ids.end(), hidden_layer_id(h)) == ids.end())
            ids.push_back(hidden_layer_id(h));
    std::string acts;
    for (const std::string& id : ids) acts += (acts.empty() ? "" : "/") + id;
    return data_name + " · " + shape + (acts.empty() ? "" : " " + acts) + " · " + core::output_name(c.output) + "+" +
           core::loss_name(c.loss) + " · " + core::optimizer_name(c.optimizer.kind) + " " +
           plot::format_significant(c.optimizer.learning_rate) + " · batch " + std::to_string(c.batch) + " · seed " +
           std::to_string(c.seed);
}

LossCurves train_loss_curves(const TrainingRequest& request, const core::Dataset& data) {
    LossCurves curves;
    core::Training run(request.config, data);
    curves.classification = data.classes > 0;
    run.evaluate();  // the untrained network, for the collapse watch (the file starts at epoch 1)
    for (int e = 0; e < request.epochs; ++e) {
        if (!run.run_epoch()) break;
        curves.history.push_back(run.evaluate());
        if (run.collapse().happened() && !curves.collapse.happened()) curves.collapse = run.collapse();
    }
    curves.divergence = run.divergence();
    const std::string name = request.data_file.empty() ? core::dataset_info(request.config.data.kind).id
                                                       : std::string("data from file");
    curves.subtitle = describe_training(request.config, data, name);
    return curves;
}

std::string loss_csv(const LossCurves& curves) {
    std::string text = "epoch,train_loss,test_loss,train_accuracy,test_accuracy\n";
    char line[160];
    for (const core::EpochRecord& r : curves.history) {
        if (curves.classification)
            std::snprintf(line, sizeof line, "%d,%.17g,%.17g,%.17g,%.17g\n", r.epoch, r.train_loss, r.test_loss,
                          r.train_accuracy, r.test_accuracy);
        else
            std::snprintf(line, sizeof line, "%d,%.17g,%.17g,,\n", r.epoch, r.train_loss, r.test_loss);
        text += line;
    }
    return text;
}

plot::Limits loss_home(const LossCurves& curves, bool log_y) {
    const int n = static_cast<int>(curves.history.size());
    double lo = INFINITY, hi = 0.0;
    for (const core::EpochRecord& r : curves.history)
        for (double v : {r.train_loss, r.test_loss})
            if (v > 0 && std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    plot::Limits home;
    home.x_min = 0;
    // 3 % beyond the newest epoch, so where the curves end (a jump in the last epochs) is clear of the frame
    home.x_max = n > 0 ? std::max(1.0, curves.history.back().epoch * 1.03) : 1.0;
    if (log_y) {
        home.y_min = hi > 0 ? std::pow(10.0, std::floor(std::log10(lo))) : 1e-3;
        home.y_max = hi > 0 ? std::pow(10.0, std::ceil(std::log10(hi))) : 1.0;
        if (home.y_max <= home.y_min) home.y_max = home.y_min * 10;
    } else {
        home.y_min = 0;
        home.y_max = hi > 0 ? hi * 1.05 : 1.0;
    }
    return home;
}

void draw_loss_figure(const LossCurves& curves, ImVec2 size, bool log_y, plot::PlotFlags flags, bool follow,
                      bool summary, const plot::Limits* fixed) {
    const int n = static_cast<int>(curves.history.size());
    std::vector<double> epoch(n), train(n), test(n);
    for (int i = 0; i < n; ++i) {
        epoch[i] = curves.history[i].epoch;
        train[i] = curves.history[i].train_loss;
        test[i] = curves.history[i].test_loss;
    }
    const plot::Limits home = fixed ? *fixed : loss_home(curves, log_y);
    const std::string title = curves.subtitle.empty() ? "Loss over training" : "Loss over training: " + curves.subtitle;
    if (!plot::BeginPlot((title + "###loss").c_str(), size, flags)) return;  // one plot whatever its title says
    plot::SetupAxes("epoch", log_y ? "loss (log scale)" : "loss");
    if (log_y) plot::SetupAxisScale(plot::Axis_Y, plot::Scale_Log10);
    plot::SetupAxesLimits(home, (follow || fixed || (flags & plot::PlotFlags_NoInputs)) ? plot::Cond_Always : plot::Cond_Once);
    plot::SetupLegend(plot::Location_SouthWest);  // loss falls from the top left: the corner below it is empty
    if (curves.collapse.happened()) {
        // where it began: the curves jump there
        const std::string label = "collapsed (epoch " + std::to_string(curves.collapse.epoch) + ")";
        plot::PlotVLine(label.c_str(), curves.collapse.epoch, {kCollapseColor, 1.5f, true});
    }
    if (n > 0) {
        plot::PlotLine("training set", epoch.data(), train.data(), n, {kTrainColor, 2.0f});
        plot::PlotLine("test set", epoch.data(), test.data(), n, {kTestColor, 2.0f, true});
        // a dot on the newest epoch of each: the curves end where the run is, however many epochs
        // share its last pixel
        plot::PlotMarker(epoch.back(), train.back(), kTrainColor, 3.5f);
        plot::PlotMarker(epoch.back(), test.back(), kTestColor, 3.5f);
    }
    if (n > 0 && summary) {
        const core::EpochRecord& last = curves.history.back();
        std::string line = "epoch " + std::to_string(last.epoch) + ": test loss " + plot::format_significant(last.test_loss, 3);
        if (curves.classification) line += ", test accuracy " + plot::format_decimals(100.0 * last.test_accuracy, 1) + " %";
        plot::PlotText(line.c_str(), home.x_max, log_y ? home.y_max : home.y_max, plot::GetStyle().text,
                       ImVec2(-8, 8), ImVec2(1, 0));
    }
    if ((curves.divergence.happened || curves.collapse.happened()) && summary)
        warning_box(curves.divergence.happened ? curves.divergence.message() : curves.collapse.message());
    plot::EndPlot();
}

Figure loss_export_figure(const LossCurves& curves, const std::string& stem) {
    Figure figure;
    figure.stem = stem;
    figure.csv = [curves] { return loss_csv(curves); };
    figure.draw = [curves](ImVec2 size) { draw_loss_figure(curves, size, true, plot::PlotFlags_NoInputs); };
    if (curves.collapse.happened()) {
        const int last = curves.history.empty() ? 0 : curves.history.back().epoch;
        figure.note = curves.collapse.message() + " Training went on to epoch " + std::to_string(last) + ".";
    }
    if (curves.divergence.happened)
        figure.note += (figure.note.empty() ? "" : " ") + curves.divergence.message() +
                       (curves.divergence.epoch > 1
                            ? " The file holds epochs 1 to " + std::to_string(curves.divergence.epoch - 1) + "."
                            : " No epoch was completed.");
    return figure;
}

}  // namespace actlab::app
