// Writing figures to files, shared by the window's Export buttons and `actlab export`.
#pragma once

#include "app/figures/activation_figure.h"

#include <string>

namespace actlab::app {

// Renders the activation figure showing `limits` to a PNG of width·scale × height·scale pixels.
// Needs a current OpenGL context.
bool export_activations_png(const ActivationView& view, const plot::Limits& limits, int width, int height,
                            float scale, const std::string& path, std::string* error);
bool export_activations_csv(const ActivationView& view, const std::string& path, std::string* error);

// "<folder>/<stem>.<ext>", or "<stem>-2.<ext>", "-3", ... when that file exists, so no earlier export
// is overwritten; "" when even "-99999" is taken.
std::string unused_path(const std::string& folder, const std::string& stem, const std::string& extension);

}  // namespace actlab::app
