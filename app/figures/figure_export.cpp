#include "app/figures/figure_export.h"

#include "app/files.h"
#include "app/render/offscreen.h"

#include <filesystem>

namespace actlab::app {

bool export_activations_png(const ActivationView& view, const plot::Limits& limits, int width, int height,
                            float scale, const std::string& path, std::string* error) {
    // The view is copied: drawing may move nothing, but the figure takes a mutable view for the probe.
    ActivationView copy = view;
    const ActivationCurves curves = sample_curves(copy, limits.x_min, limits.x_max);
    FigureOptions options;
    options.flags = plot::PlotFlags_NoInputs;
    options.home = limits;
    options.cond = plot::Cond_Always;
    Image image;
    const bool rendered = render_offscreen(
        width, height, scale,
        [&](ImVec2 size) { draw_activation_figure(copy, curves, size, options, nullptr); }, &image, error);
    return rendered && write_png(path, image, error);
}

bool export_activations_csv(const ActivationView& view, const std::string& path, std::string* error) {
    return write_file_atomic(path, activation_csv(view), error);
}

std::string unused_path(const std::string& folder, const std::string& stem, const std::string& extension) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::string path = (fs::path(folder) / (stem + "." + extension)).string();
    for (int n = 2; fs::exists(path, ec); ++n) {
        if (n > 99999) return "";
        path = (fs::path(folder) / (stem + "-" + std::to_string(n) + "." + extension)).string();
    }
    return path;
}

}  // namespace actlab::app
