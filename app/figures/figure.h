// A figure as the export path sees it, whichever lab it comes from: a name for its files, a way to
// draw it, and its data. The window's Export buttons and `actlab export` both write Figures.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>

namespace actlab::app {

struct Figure {
    std::string stem;                   // file name without folder or extension; says what is shown
    std::function<void(ImVec2)> draw;   // draws the figure to fill `size` (called inside render_offscreen)
    std::function<std::string()> csv;   // the figure's data as CSV text
    std::string note;                   // said after writing, when something about the data needs saying
};

// Draws the figure off screen at width·scale × height·scale pixels and writes it as PNG.
// Needs a current OpenGL context.
bool export_figure_png(const Figure& figure, int width, int height, float scale, const std::string& path,
                       std::string* error);
bool export_figure_csv(const Figure& figure, const std::string& path, std::string* error);

// "<folder>/<stem>.<ext>", or "<stem>-2.<ext>", "-3", ... when that file exists, so no earlier export
// is overwritten; "" when even "-99999" is taken.
std::string unused_path(const std::string& folder, const std::string& stem, const std::string& extension);

// ImGui::TextWrapped for every figure and panel, but a line breaks only at a space (plot::wrap_text):
// never inside a number ("1.5e−43", which ImGui breaks after the point) or between a number and its
// unit joined by a no-break space. Wraps where TextWrapped would (the window's edge, or the
// position given to PushTextWrapPos).
void text_wrapped(const char* text);

}  // namespace actlab::app
