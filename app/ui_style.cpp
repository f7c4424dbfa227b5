#include "app/ui_style.h"

#include <fstream>

namespace actlab::app {

namespace {

const char* const kRegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const kBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Latin-1, modifier letters (ˣ), Greek (α β σ τ Φ), general punctuation (– … •), super/subscripts
// (² ⁻), arrows, mathematical operators (≈ ∞ − ≤) and geometric shapes (▶ ■).
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x02B0, 0x02FF, 0x0370, 0x03FF, 0x2010, 0x205E, 0x2070, 0x209F,
                                0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0};

bool readable(const char* path) { return std::ifstream(path).good(); }

}  // namespace

Fonts load_fonts(float pixels, std::string* error) {
    ImGuiIO& io = ImGui::GetIO();
    Fonts fonts;
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 2;
    if (readable(kRegularFont)) {
        fonts.regular = io.Fonts->AddFontFromFileTTF(kRegularFont, pixels, &config, kGlyphRanges);
        if (readable(kBoldFont))
            fonts.title = io.Fonts->AddFontFromFileTTF(kBoldFont, pixels * 1.2f, &config, kGlyphRanges);
    }
    if (!fonts.regular) {
        if (error)
            *error = std::string("font ") + kRegularFont +
                     " not found (install fonts-dejavu-core); Greek letters and symbols will not show";
        ImFontConfig fallback;
        fallback.SizePixels = pixels;
        fonts.regular = io.Fonts->AddFontDefault(&fallback);
    }
    if (!fonts.title) fonts.title = fonts.regular;
    return fonts;
}

void apply_theme(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.FrameBorderSize = 1.0f;
    style.WindowBorderSize = 0.0f;
    style.ItemSpacing = ImVec2(8, 6);
    style.FramePadding = ImVec2(6, 4);
    style.GrabMinSize = 12.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.97f, 1.0f);
    // Child windows show what is under them, the window's own colour: painting it again would cost
    // every pixel of the window once more a frame (a software renderer pays for each).
    c[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    c[ImGuiCol_Text] = ImVec4(0.08f, 0.08f, 0.10f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.38f, 0.42f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.18f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.0f, 0.45f, 0.70f, 1.0f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.0f, 0.35f, 0.60f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.0f, 0.45f, 0.70f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.0f, 0.45f, 0.70f, 0.18f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.45f, 0.70f, 0.30f);
    c[ImGuiCol_Button] = ImVec4(0.0f, 0.45f, 0.70f, 0.14f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.0f, 0.45f, 0.70f, 0.30f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.0f, 0.45f, 0.70f, 0.45f);
    style.ScaleAllSizes(scale);
}

}  // namespace actlab::app
