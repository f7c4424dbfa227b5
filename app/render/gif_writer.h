// Animated GIF through Debian's giflib: one global colour map for the whole animation, each frame after
// the first stored as the rectangle that changed, with unchanged pixels transparent, looping forever.
#pragma once

#include "app/render/offscreen.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

// 255 colours (index 255 is kept for "unchanged since the last frame").
struct GifPalette {
    std::vector<std::array<std::uint8_t, 3>> colors;
};

// A palette for frames like `samples` (a few frames spread over the animation). The figures are mostly
// flat colour (white, the text's grey, the class colours, grid lines) with blends between them (the
// heatmap's shades of confidence, anti-aliased edges). So the most frequent exact colours are kept as
// they are (up to 32: flat areas and text stay exact, never a neighbour's shade), and the rest of the
// 255 entries come from a median cut of the remaining pixels, weighted by how often each colour occurs,
// which puts many entries along the heatmap's blends. No dithering: ordered dithering adds a pattern to
// every blended area (and to text edges) that makes files larger and reads as noise on a projector,
// while 200-odd entries along two or three blends leave steps too fine to see.
GifPalette make_gif_palette(const std::vector<Image>& samples);

// Writes frames into memory as they come; the file is written (atomically) only by finish().
class GifEncoder {
public:
    GifEncoder();
    ~GifEncoder();
    GifEncoder(const GifEncoder&) = delete;
    GifEncoder& operator=(const GifEncoder&) = delete;

    // `fps` frames a second (1 to 60): a GIF counts delays in hundredths of a second, so each delay is
    // rounded with the error carried to the next (15 fps: 7, 7, 6, ...) and held to at least 2 (browsers
    // slow 0 and 1 to a tenth of a second): above 50 fps a GIF plays at 50.
    bool begin(int width, int height, int fps, const GifPalette& palette, std::string* error);
    bool add(const Image& frame, std::string* error);
    // The encoded bytes so far closed off, written to `path` in one go.
    bool finish(const std::string& path, std::string* error);
    int frames() const;

private:
    struct State;
    std::unique_ptr<State> m;
};

}  // namespace actlab::app
