#include "app/figures/figure.h"

#include "app/files.h"
#include "app/render/offscreen.h"

#include <filesystem>

namespace actlab::app {

bool export_figure_png(const Figure& figure, int width, int height, float scale, const std::string& path,
                       std::string* error) {
    Image image;
    return render_offscreen(width, height, scale, figure.draw, &image, error) && write_png(path, image, error);
}

bool export_figure_csv(const Figure& figure, const std::string& path, std::string* error) {
    return write_file_atomic(path, figure.csv(), error);
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
