// Reading back the PNGs actlab writes, to check their pixels as a viewer would see them.
#pragma once

#include <string>
#include <vector>

struct Png {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;  // 3 bytes a pixel, top row first
    bool ok = false;
};

Png read_png(const std::string& path);
// Pixels within `tolerance` (per channel) of the colour.
int count_color(const Png& png, int r, int g, int b, int tolerance = 40);
// Pixels that are not (nearly) white, grey or black: the coloured ink of the curves.
int count_saturated(const Png& png);
