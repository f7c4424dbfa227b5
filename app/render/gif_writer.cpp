#include "app/render/gif_writer.h"

#include "app/files.h"

#include <gif_lib.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace actlab::app {

namespace {

constexpr int kColors = 255;          // index 255: transparent (the pixel is as in the frame before)
constexpr int kTransparent = 255;
constexpr int kMaxExact = 32;         // flat colours kept exactly
constexpr double kExactShare = 0.002; // a colour covering at least 0.2 % of the samples is "flat"
constexpr long kUnchanged = 9 * 9;  // about 3 levels in each channel (weighted as index_of weighs them)

std::uint32_t rgb_at(const Image& image, size_t pixel) {
    const unsigned char* p = &image.rgba[pixel * 4];
    return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
}

std::array<std::uint8_t, 3> unpack(std::uint32_t c) {
    return {static_cast<std::uint8_t>(c >> 16), static_cast<std::uint8_t>(c >> 8), static_cast<std::uint8_t>(c)};
}

// A bin of the median cut: colours at 5 bits a channel, with how many pixels and their exact sum.
struct Bin {
    int r = 0, g = 0, b = 0;  // 0..31
    double count = 0, sr = 0, sg = 0, sb = 0;
};

int channel(const Bin& bin, int c) { return c == 0 ? bin.r : c == 1 ? bin.g : bin.b; }

// Splits `bins` into at most `boxes` boxes, each time the box with the most pixels times its longest
// side, at the weighted median of that side; each box gives the mean of its pixels.
std::vector<std::array<std::uint8_t, 3>> median_cut(std::vector<Bin> bins, int boxes) {
    struct Box {
        size_t begin, end;  // into bins
        double count;
        int axis, extent;
    };
    auto measure = [&](Box& box) {
        int lo[3] = {31, 31, 31}, hi[3] = {0, 0, 0};
        box.count = 0;
        for (size_t i = box.begin; i < box.end; ++i) {
            for (int c = 0; c < 3; ++c) {
                lo[c] = std::min(lo[c], channel(bins[i], c));
                hi[c] = std::max(hi[c], channel(bins[i], c));
            }
            box.count += bins[i].count;
        }
        box.axis = 0;
        for (int c = 1; c < 3; ++c)
            if (hi[c] - lo[c] > hi[box.axis] - lo[box.axis]) box.axis = c;
        box.extent = hi[box.axis] - lo[box.axis];
    };
    std::vector<Box> list;
    if (bins.empty()) return {};
    list.push_back({0, bins.size(), 0, 0, 0});
    measure(list[0]);
    while (static_cast<int>(list.size()) < boxes) {
        int best = -1;
        double best_score = 0;
        for (size_t i = 0; i < list.size(); ++i) {
            const double score = list[i].count * list[i].extent;
            if (list[i].end - list[i].begin > 1 && list[i].extent > 0 && score > best_score) {
                best = static_cast<int>(i);
                best_score = score;
            }
        }
        if (best < 0) break;
        Box box = list[static_cast<size_t>(best)];
        const int axis = box.axis;
        std::sort(bins.begin() + static_cast<long>(box.begin), bins.begin() + static_cast<long>(box.end),
                  [axis](const Bin& a, const Bin& b) { return channel(a, axis) < channel(b, axis); });
        double seen = 0;
        size_t cut = box.begin + 1;
        for (size_t i = box.begin; i < box.end - 1; ++i) {
            seen += bins[i].count;
            cut = i + 1;
            if (seen >= box.count / 2) break;
        }
        Box left{box.begin, cut, 0, 0, 0}, right{cut, box.end, 0, 0, 0};
        measure(left);
        measure(right);
        list[static_cast<size_t>(best)] = left;
        list.push_back(right);
    }
    std::vector<std::array<std::uint8_t, 3>> colors;
    for (const Box& box : list) {
        double r = 0, g = 0, b = 0, n = 0;
        for (size_t i = box.begin; i < box.end; ++i) {
            r += bins[i].sr;
            g += bins[i].sg;
            b += bins[i].sb;
            n += bins[i].count;
        }
        if (n <= 0) continue;
        colors.push_back({static_cast<std::uint8_t>(std::lround(r / n)), static_cast<std::uint8_t>(std::lround(g / n)),
                          static_cast<std::uint8_t>(std::lround(b / n))});
    }
    return colors;
}

}  // namespace

GifPalette make_gif_palette(const std::vector<Image>& samples) {
    std::unordered_map<std::uint32_t, double> counts;
    double total = 0;
    for (const Image& image : samples) {
        const size_t n = static_cast<size_t>(image.width) * image.height;
        for (size_t i = 0; i < n; ++i) counts[rgb_at(image, i)] += 1;
        total += static_cast<double>(n);
    }
    std::vector<std::pair<std::uint32_t, double>> by_count(counts.begin(), counts.end());
    // most frequent first; ties by colour, so the palette never depends on the hash map's order
    std::sort(by_count.begin(), by_count.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    GifPalette palette;
    if (static_cast<int>(by_count.size()) <= kColors) {  // few enough colours: every one exactly
        for (const auto& [c, n] : by_count) palette.colors.push_back(unpack(c));
        if (palette.colors.empty()) palette.colors.push_back({255, 255, 255});
        return palette;
    }
    size_t exact = 0;
    while (exact < by_count.size() && static_cast<int>(exact) < kMaxExact && by_count[exact].second >= kExactShare * total)
        palette.colors.push_back(unpack(by_count[exact++].first));
    std::vector<Bin> bins(32768);
    for (size_t i = exact; i < by_count.size(); ++i) {
        const auto [c, n] = by_count[i];
        const auto rgb = unpack(c);
        Bin& bin = bins[static_cast<size_t>((rgb[0] >> 3) << 10 | (rgb[1] >> 3) << 5 | (rgb[2] >> 3))];
        bin.r = rgb[0] >> 3;
        bin.g = rgb[1] >> 3;
        bin.b = rgb[2] >> 3;
        bin.count += n;
        bin.sr += n * rgb[0];
        bin.sg += n * rgb[1];
        bin.sb += n * rgb[2];
    }
    bins.erase(std::remove_if(bins.begin(), bins.end(), [](const Bin& b) { return b.count == 0; }), bins.end());
    for (const auto& c : median_cut(std::move(bins), kColors - static_cast<int>(exact))) palette.colors.push_back(c);
    return palette;
}

struct GifEncoder::State {
    GifFileType* gif = nullptr;
    std::string bytes;
    int width = 0, height = 0, fps = 15, frames = 0;
    GifPalette palette;
    std::vector<std::int16_t> nearest;   // by 24-bit colour: its palette index, -1 until first seen
    std::vector<GifPixelType> previous;  // the last frame's indices
    std::vector<GifPixelType> line;

    long distance(int a, int b) const {
        const auto& p = palette.colors[static_cast<size_t>(a)];
        const auto& q = palette.colors[static_cast<size_t>(b)];
        const long dr = p[0] - q[0], dg = p[1] - q[1], db = p[2] - q[2];
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    }

    int index_of(std::uint32_t c) {
        std::int16_t& slot = nearest[c];
        if (slot >= 0) return slot;
        const auto rgb = unpack(c);
        int best = 0;
        long best_d = -1;
        for (size_t i = 0; i < palette.colors.size(); ++i) {
            const long dr = rgb[0] - palette.colors[i][0], dg = rgb[1] - palette.colors[i][1],
                       db = rgb[2] - palette.colors[i][2];
            const long d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;  // the eye weighs green most, blue least
            if (best_d < 0 || d < best_d) {
                best_d = d;
                best = static_cast<int>(i);
            }
        }
        slot = static_cast<std::int16_t>(best);
        return best;
    }
};

namespace {

int append_bytes(GifFileType* gif, const GifByteType* data, int size) {
    static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
    return size;
}

std::string gif_problem(int code) {
    const char* text = GifErrorString(code);
    return text ? text : "giflib error " + std::to_string(code);
}

}  // namespace

GifEncoder::GifEncoder() : m(std::make_unique<State>()) {}

GifEncoder::~GifEncoder() {
    if (m->gif) EGifCloseFile(m->gif, nullptr);
}

int GifEncoder::frames() const { return m->frames; }

bool GifEncoder::begin(int width, int height, int fps, const GifPalette& palette, std::string* error) {
    m->width = width;
    m->height = height;
    m->fps = fps;
    m->palette = palette;
    if (m->palette.colors.size() > static_cast<size_t>(kColors)) m->palette.colors.resize(kColors);
    m->nearest.assign(size_t{1} << 24, -1);
    int code = 0;
    m->gif = EGifOpen(&m->bytes, append_bytes, &code);
    if (!m->gif) {
        *error = "cannot start the GIF: " + gif_problem(code);
        return false;
    }
    EGifSetGifVersion(m->gif, true);
    GifColorType colors[256] = {};
    for (size_t i = 0; i < m->palette.colors.size(); ++i)
        colors[i] = {m->palette.colors[i][0], m->palette.colors[i][1], m->palette.colors[i][2]};
    ColorMapObject* map = GifMakeMapObject(256, colors);
    const bool ok = map && EGifPutScreenDesc(m->gif, width, height, 8, 0, map) == GIF_OK;
    GifFreeMapObject(map);
    // Netscape's loop extension, 0 repeats: forever
    static const GifByteType netscape[] = "NETSCAPE2.0";
    static const GifByteType loop[] = {1, 0, 0};
    if (!ok || EGifPutExtensionLeader(m->gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
        EGifPutExtensionBlock(m->gif, 11, netscape) != GIF_OK || EGifPutExtensionBlock(m->gif, 3, loop) != GIF_OK ||
        EGifPutExtensionTrailer(m->gif) != GIF_OK) {
        *error = "cannot write the GIF's header: " + gif_problem(m->gif->Error);
        return false;
    }
    return true;
}

bool GifEncoder::add(const Image& frame, std::string* error) {
    if (!m->gif || frame.width != m->width || frame.height != m->height) {
        *error = "a frame of " + std::to_string(frame.width) + "×" + std::to_string(frame.height) +
                 " does not fit a GIF of " + std::to_string(m->width) + "×" + std::to_string(m->height);
        return false;
    }
    const size_t n = static_cast<size_t>(m->width) * m->height;
    std::vector<GifPixelType> indices(n);
    for (size_t i = 0; i < n; ++i) indices[i] = static_cast<GifPixelType>(m->index_of(rgb_at(frame, i)));
    // After the first frame, only the rectangle that changed, with what did not change transparent. A
    // pixel whose new colour is within a step or two of the one on screen (the heatmap's shades drifting
    // as training goes on) counts as unchanged: the frame keeps the one on screen, which is never more
    // than that step from the true colour, and long transparent runs compress far better.
    int x0 = 0, y0 = 0, x1 = m->width, y1 = m->height;
    const bool first = m->frames == 0;
    if (!first)
        for (size_t i = 0; i < n; ++i)
            if (indices[i] != m->previous[i] && m->distance(indices[i], m->previous[i]) <= kUnchanged)
                indices[i] = m->previous[i];
    if (!first) {
        x0 = m->width, y0 = m->height, x1 = 0, y1 = 0;
        for (int y = 0; y < m->height; ++y)
            for (int x = 0; x < m->width; ++x) {
                const size_t i = static_cast<size_t>(y) * m->width + x;
                if (indices[i] == m->previous[i]) continue;
                x0 = std::min(x0, x), x1 = std::max(x1, x + 1);
                y0 = std::min(y0, y), y1 = std::max(y1, y + 1);
            }
        if (x1 <= x0) x0 = 0, y0 = 0, x1 = 1, y1 = 1;  // nothing changed: one transparent pixel
    }
    const int k = m->frames;
    const int delay = std::max(2, static_cast<int>(std::lround(100.0 * (k + 1) / m->fps) - std::lround(100.0 * k / m->fps)));
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = delay;
    gcb.TransparentColor = first ? NO_TRANSPARENT_COLOR : kTransparent;
    GifByteType ext[4];
    const int ext_len = EGifGCBToExtension(&gcb, ext);
    if (EGifPutExtension(m->gif, GRAPHICS_EXT_FUNC_CODE, ext_len, ext) != GIF_OK ||
        EGifPutImageDesc(m->gif, x0, y0, x1 - x0, y1 - y0, false, nullptr) != GIF_OK) {
        *error = "cannot write a GIF frame: " + gif_problem(m->gif->Error);
        return false;
    }
    m->line.resize(static_cast<size_t>(x1 - x0));
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            const size_t i = static_cast<size_t>(y) * m->width + x;
            m->line[static_cast<size_t>(x - x0)] =
                !first && indices[i] == m->previous[i] ? static_cast<GifPixelType>(kTransparent) : indices[i];
        }
        if (EGifPutLine(m->gif, m->line.data(), x1 - x0) != GIF_OK) {
            *error = "cannot write a GIF frame: " + gif_problem(m->gif->Error);
            return false;
        }
    }
    m->previous = std::move(indices);
    ++m->frames;
    return true;
}

bool GifEncoder::finish(const std::string& path, std::string* error) {
    if (!m->gif) {
        *error = "the GIF was not started";
        return false;
    }
    int code = 0;
    const int result = EGifCloseFile(m->gif, &code);
    m->gif = nullptr;
    if (result != GIF_OK) {
        *error = "cannot finish the GIF: " + gif_problem(code);
        return false;
    }
    return write_file_atomic(path, m->bytes, error);
}

}  // namespace actlab::app
