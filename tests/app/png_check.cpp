#include "png_check.h"

#include <stb/stb_image.h>

#include <algorithm>
#include <cstdlib>

Png read_png(const std::string& path) {
    Png png;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &png.width, &png.height, &channels, 3);
    if (!data) return png;
    png.rgb.assign(data, data + static_cast<size_t>(png.width) * png.height * 3);
    stbi_image_free(data);
    png.ok = true;
    return png;
}

int count_color(const Png& png, int r, int g, int b, int tolerance) {
    int n = 0;
    for (size_t i = 0; i + 2 < png.rgb.size(); i += 3)
        if (std::abs(png.rgb[i] - r) <= tolerance && std::abs(png.rgb[i + 1] - g) <= tolerance &&
            std::abs(png.rgb[i + 2] - b) <= tolerance)
            ++n;
    return n;
}

int count_saturated(const Png& png) {
    int n = 0;
    for (size_t i = 0; i + 2 < png.rgb.size(); i += 3) {
        const int hi = std::max({png.rgb[i], png.rgb[i + 1], png.rgb[i + 2]});
        const int lo = std::min({png.rgb[i], png.rgb[i + 1], png.rgb[i + 2]});
        if (hi - lo > 80) ++n;
    }
    return n;
}
