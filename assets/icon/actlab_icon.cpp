// actlab's icon, drawn at build time: a sigmoid curve σ(x) = 1 / (1 + e^−x) over faint axes on a
// rounded square. `actlab_icon OUT.png SIZE` writes a SIZE × SIZE PNG (8 × 8 samples per pixel, so the
// edges are smooth at every size); `actlab_icon OUT.svg` writes the same picture as SVG. One set of
// numbers below defines both, in a unit square with y down.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace {

struct Rgb {
    double r, g, b;
};
constexpr Rgb kBackground = {0.145, 0.204, 0.302};  // a deep blue-grey
constexpr Rgb kAxis = {0.45, 0.52, 0.62};
constexpr Rgb kCurve = {0.961, 0.592, 0.169};       // Playground's orange
constexpr double kMargin = 0.04;                     // around the square
constexpr double kCorner = 0.2;                      // the square's corner radius
constexpr double kAxisWidth = 0.035;
constexpr double kCurveWidth = 0.1;
constexpr double kRange = 6.0;                       // x from −6 to 6 across the plot
constexpr double kLeft = 0.16, kRight = 0.84;        // where x = ∓6 sit
constexpr double kBottom = 0.8, kTop = 0.2;          // where σ = 0 and σ = 1 sit

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// The curve's point at parameter t in [0, 1], in the unit square.
void curve_point(double t, double* u, double* v) {
    const double x = -kRange + 2 * kRange * t;
    *u = kLeft + (kRight - kLeft) * t;
    *v = kBottom + (kTop - kBottom) * sigmoid(x);
}

bool inside_rounded_square(double u, double v) {
    const double lo = kMargin + kCorner, hi = 1 - kMargin - kCorner;
    if (u < kMargin || u > 1 - kMargin || v < kMargin || v > 1 - kMargin) return false;
    const double cu = std::fmin(std::fmax(u, lo), hi), cv = std::fmin(std::fmax(v, lo), hi);
    return (u - cu) * (u - cu) + (v - cv) * (v - cv) <= kCorner * kCorner;
}

// Distance from (u, v) to the curve, from a fine polyline (precomputed).
double curve_distance(const std::vector<double>& pu, const std::vector<double>& pv, double u, double v) {
    double best = 1e9;
    // the points are evenly spaced in u: only the segments within a line's width of u can be near
    const double step = (kRight - kLeft) / static_cast<double>(pu.size() - 1);
    const long first = std::max(0L, static_cast<long>((u - kCurveWidth - kLeft) / step) - 1);
    const long last = std::min(static_cast<long>(pu.size()) - 2, static_cast<long>((u + kCurveWidth - kLeft) / step) + 1);
    for (long j = first; j <= last; ++j) {
        const size_t i = static_cast<size_t>(j);
        const double du = pu[i + 1] - pu[i], dv = pv[i + 1] - pv[i];
        double t = ((u - pu[i]) * du + (v - pv[i]) * dv) / (du * du + dv * dv);
        t = std::fmin(1.0, std::fmax(0.0, t));
        best = std::fmin(best, std::hypot(u - pu[i] - t * du, v - pv[i] - t * dv));
    }
    return best;
}

int write_png(const std::string& path, int size) {
    std::vector<double> pu, pv;
    for (int i = 0; i <= 400; ++i) {
        double u = 0, v = 0;
        curve_point(i / 400.0, &u, &v);
        pu.push_back(u);
        pv.push_back(v);
    }
    constexpr int kSub = 8;  // samples per pixel side
    std::vector<unsigned char> rgba(static_cast<size_t>(size) * size * 4);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            double r = 0, g = 0, b = 0, a = 0;
            for (int sy = 0; sy < kSub; ++sy)
                for (int sx = 0; sx < kSub; ++sx) {
                    const double u = (x + (sx + 0.5) / kSub) / size, v = (y + (sy + 0.5) / kSub) / size;
                    if (!inside_rounded_square(u, v)) continue;
                    Rgb c = kBackground;
                    const double mid_u = 0.5, mid_v = (kBottom + kTop) / 2;
                    if (std::fabs(u - mid_u) < kAxisWidth / 2 || std::fabs(v - kBottom) < kAxisWidth / 2) c = kAxis;
                    if (std::fabs(v - mid_v) < kAxisWidth / 4 && u > kLeft && u < kRight) c = kAxis;
                    // the polyline's exact distance only near the curve: first a cheap bound, the vertical
                    // distance over the slope's length, which is close to it on this gentle a curve
                    const double t = (u - kLeft) / (kRight - kLeft);
                    const double x = -kRange + 2 * kRange * t, f = sigmoid(x);
                    const double slope = (kTop - kBottom) * f * (1 - f) * 2 * kRange / (kRight - kLeft);
                    const double rough = std::fabs(v - (kBottom + (kTop - kBottom) * f)) / std::sqrt(1 + slope * slope);
                    if (rough < kCurveWidth && curve_distance(pu, pv, u, v) < kCurveWidth / 2) c = kCurve;
                    r += c.r, g += c.g, b += c.b, a += 1;
                }
            unsigned char* px = &rgba[(static_cast<size_t>(y) * size + x) * 4];
            // straight (not premultiplied) colour: the mean over the covered samples, alpha the coverage
            px[0] = static_cast<unsigned char>(std::lround(a > 0 ? 255 * r / a : 0));
            px[1] = static_cast<unsigned char>(std::lround(a > 0 ? 255 * g / a : 0));
            px[2] = static_cast<unsigned char>(std::lround(a > 0 ? 255 * b / a : 0));
            px[3] = static_cast<unsigned char>(std::lround(255 * a / (kSub * kSub)));
        }
    if (!stbi_write_png(path.c_str(), size, size, 4, rgba.data(), size * 4)) {
        std::fprintf(stderr, "actlab_icon: cannot write %s\n", path.c_str());
        return 1;
    }
    return 0;
}

std::string colour(const Rgb& c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", static_cast<int>(std::lround(255 * c.r)),
                  static_cast<int>(std::lround(255 * c.g)), static_cast<int>(std::lround(255 * c.b)));
    return text;
}

int write_svg(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "w");
    if (!f) {
        std::fprintf(stderr, "actlab_icon: cannot write %s\n", path.c_str());
        return 1;
    }
    const double s = 256;  // the SVG's own units
    const double side = (1 - 2 * kMargin) * s, mid_v = (kBottom + kTop) / 2 * s;
    std::fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n");
    std::fprintf(f, "  <rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"%.2f\" fill=\"%s\"/>\n", kMargin * s,
                 kMargin * s, side, side, kCorner * s, colour(kBackground).c_str());
    std::fprintf(f, "  <g stroke=\"%s\" stroke-width=\"%.2f\">\n", colour(kAxis).c_str(), kAxisWidth * s);
    std::fprintf(f, "    <line x1=\"128\" y1=\"%.2f\" x2=\"128\" y2=\"%.2f\"/>\n", kMargin * s, (1 - kMargin) * s);
    std::fprintf(f, "    <line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>\n", kMargin * s, kBottom * s,
                 (1 - kMargin) * s, kBottom * s);
    std::fprintf(f, "    <line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke-width=\"%.2f\"/>\n", kLeft * s, mid_v,
                 kRight * s, mid_v, kAxisWidth / 2 * s);
    std::fprintf(f, "  </g>\n  <polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\" stroke-linecap=\"round\" "
                    "stroke-linejoin=\"round\" points=\"",
                 colour(kCurve).c_str(), kCurveWidth * s);
    for (int i = 0; i <= 96; ++i) {
        double u = 0, v = 0;
        curve_point(i / 96.0, &u, &v);
        std::fprintf(f, "%s%.2f,%.2f", i ? " " : "", u * s, v * s);
    }
    std::fprintf(f, "\"/>\n</svg>\n");
    return std::fclose(f) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string usage = "usage: actlab_icon OUT.png SIZE | actlab_icon OUT.svg";
    if (argc < 2) {
        std::fprintf(stderr, "%s\n", usage.c_str());
        return 2;
    }
    const std::string out = argv[1];
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::path(out).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    if (out.size() > 4 && out.compare(out.size() - 4, 4, ".svg") == 0 && argc == 2) return write_svg(out);
    const int size = argc == 3 ? std::atoi(argv[2]) : 0;
    if (size < 8 || size > 1024) {
        std::fprintf(stderr, "%s (SIZE from 8 to 1024)\n", usage.c_str());
        return 2;
    }
    return write_png(out, size);
}
