// The pure half of the plot widget: value↔pixel mapping, the arithmetic of panning and zooming, and
// "nice" tick positions. No ImGui here, so it is unit-tested on its own (tests/app/test_plot_math.cpp).
#pragma once

#include <string>
#include <vector>

namespace actlab::plot {

// Maps one axis between data values and pixels: value min → pixel p0, value max → pixel p1.
// With log set the mapping is linear in log10(value) (min and max must then be > 0).
struct Transform {
    double min = 0.0;
    double max = 1.0;
    double p0 = 0.0;
    double p1 = 1.0;
    bool log = false;

    double to_pixel(double value) const;
    double to_value(double pixel) const;
};

// Panning and zooming one axis. They work in "axis space": the value itself, or log10 of it on a log
// axis, so a log axis pans by decades. All keep the range usable (see sanitise_range).

// Moves [*lo, *hi] so the content follows the mouse by `delta_pixels` along the transform's axis.
void pan_range(double* lo, double* hi, bool log, double delta_pixels, const Transform& t);
// Scales [*lo, *hi] by `factor` (< 1 zooms in) about `anchor`, which stays where it is.
void zoom_range(double* lo, double* hi, bool log, double anchor, double factor);
// Finite, not inverted, not narrower than doubles resolve (1e-12 relative), not wider than 1e250,
// and positive on a log axis.
void sanitise_range(double* lo, double* hi, bool log);

// "−" (U+2212, the minus sign of typeset mathematics) for every '-' in printf output.
std::string minus_signs(const std::string& text);
// A number as printf's `format` writes it, with that minus sign: labels, tables and tooltips agree.
// A zero has no sign: −0, and a negative the format rounds to zero, print as 0 does ("0", "0.000").
// For values that may be small, text_format.h's format_significant and format_decimals say more.
std::string format_number(double value, const char* format);

struct Tick {
    double value;
    bool major;          // major ticks get a label and a stronger grid line
    std::string label;   // empty for minor ticks
};

// The 1-2-5 "nice number" at or above x (for x > 0): 1, 2, 5, 10, 20, 50, ...
double nice_step(double x);

// Where a dragged slider lands: on round values a teacher can hit exactly (0.1, 1, 10), and with
// `fine` (Shift held) on values ten times closer. All are held to [lo, hi] and free of binary noise
// (0.30000000000000004 is 0.3).
// A linear slider: multiples of the 1-2-5 step that gives the range at least 100 positions.
double snap_linear(double v, double lo, double hi, bool fine);
// A log slider (lo > 0): 1, 2 and 5 × 10^k; fine: two significant digits (1.0, 1.1, … 9.9 × 10^k).
double snap_log(double v, double lo, double hi, bool fine);
// A log slider with its own ladder of values in one decade, in [1, 10) (the temperature's 1, 1.25, 1.6,
// 2, …): the nearest ladder value × 10^k, on the log scale; fine: three significant digits.
double snap_ladder(double v, const double* ladder, int count, double lo, double hi, bool fine);

// Ticks for a linear axis over [min, max], about `target` major ticks (at least three when target ≥ 2:
// one label alone says nothing about the scale), with step 1, 2 or 5 × 10^k;
// minor ticks split each step in 5 (steps of 1 and 5) or 4 (steps of 2).
std::vector<Tick> linear_ticks(double min, double max, int target);

// Ticks for a log10 axis over [min, max] (> 0): majors at powers of ten (every k-th decade when there
// are many), minors at 2..9 × 10^k when few decades are shown. Zoomed inside a decade, the 2..9 ticks
// get labels, and inside a narrower range still the ticks are linear ones.
std::vector<Tick> log_ticks(double min, double max, int target);

// A tick label: as few digits as the step needs, "−" (U+2212) for negatives, no "-0", and
// scientific notation (1e-05 → "1e−5") for very large or very small values.
std::string format_tick(double value, double step);

}  // namespace actlab::plot
