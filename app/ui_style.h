// Fonts and colours: DejaVu Sans with Latin-1, Greek and mathematical symbols, and a light theme that
// stays readable on a classroom projector. Used by the window and by off-screen export alike.
#pragma once

#include <imgui.h>

#include <string>

namespace actlab::app {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* title = nullptr;  // bold, 1.2 × the regular size, for plot titles and headings
};

// Base text height in pixels before the monitor's content scale and the user's text size.
constexpr float kBaseFontPixels = 17.0f;
// Text height of an exported figure at scale 1 (slides are seen from further away).
constexpr float kExportFontPixels = 19.0f;

// Adds the fonts at `pixels` height to the current context's atlas. On failure (font file missing) it
// falls back to ImGui's built-in font, sets *error, and still returns usable fonts.
Fonts load_fonts(float pixels, std::string* error);

// The light theme, with sizes scaled by `scale`.
void apply_theme(float scale);

}  // namespace actlab::app
