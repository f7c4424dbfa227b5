#include "app/figures/figure.h"

#include "app/files.h"
#include "app/plot/text_format.h"
#include "app/render/offscreen.h"

#include <imgui_internal.h>

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

void text_wrapped(const char* text) {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float wrap_x = window->DC.TextWrapPos;  // < 0: none pushed; TextWrapped then wraps at the edge
    const float width = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_x < 0.0f ? 0.0f : wrap_x);
    const std::vector<std::string> lines =
        plot::wrap_text(text, width, [](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; });
    std::string joined;
    for (const std::string& line : lines) joined += (joined.empty() ? "" : "\n") + line;
    // one item, lines at the x it starts at (after a bullet too), with ImGui's wrapping off
    ImGui::PushTextWrapPos(-1.0f);
    ImGui::TextUnformatted(joined.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace actlab::app
