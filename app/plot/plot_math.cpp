#include "app/plot/plot_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <cstdlib>

namespace actlab::plot {

double Transform::to_pixel(double value) const {
    if (log) {
        const double l0 = std::log10(min), l1 = std::log10(max);
        return p0 + (std::log10(value) - l0) / (l1 - l0) * (p1 - p0);
    }
    return p0 + (value - min) / (max - min) * (p1 - p0);
}

double Transform::to_value(double pixel) const {
    const double t = (pixel - p0) / (p1 - p0);
    if (log) {
        const double l0 = std::log10(min), l1 = std::log10(max);
        return std::pow(10.0, l0 + t * (l1 - l0));
    }
    return min + t * (max - min);
}

namespace {
double to_axis(double v, bool log) { return log ? std::log10(v) : v; }
double from_axis(double t, bool log) { return log ? std::pow(10.0, t) : t; }
}  // namespace

void sanitise_range(double* lo, double* hi, bool log) {
    if (log) {
        if (!(*lo > 0.0) || !std::isfinite(*lo)) *lo = 1e-300;
        if (!std::isfinite(*hi)) *hi = 1e300;
        if (!(*hi > *lo * (1.0 + 1e-12))) *hi = *lo * 10.0;
        return;
    }
    if (!std::isfinite(*lo) || !std::isfinite(*hi)) {
        *lo = -1.0;
        *hi = 1.0;
    }
    if (*hi < *lo) std::swap(*lo, *hi);
    const double mid = 0.5 * *lo + 0.5 * *hi;
    const double min_span = std::max(1e-12, std::fabs(mid) * 1e-12);
    if (*hi - *lo < min_span) {
        *lo = mid - min_span;
        *hi = mid + min_span;
    }
    const double max_span = 1e250;
    if (*hi - *lo > max_span) {
        *lo = mid - max_span / 2;
        *hi = mid + max_span / 2;
    }
}

void pan_range(double* lo, double* hi, bool log, double delta_pixels, const Transform& t) {
    const double span = to_axis(*hi, log) - to_axis(*lo, log);
    const double shift = -delta_pixels / (t.p1 - t.p0) * span;
    *lo = from_axis(to_axis(*lo, log) + shift, log);
    *hi = from_axis(to_axis(*hi, log) + shift, log);
    sanitise_range(lo, hi, log);
}

void zoom_range(double* lo, double* hi, bool log, double anchor, double factor) {
    const double a = to_axis(anchor, log);
    const double l = to_axis(*lo, log), h = to_axis(*hi, log);
    *lo = from_axis(a - (a - l) * factor, log);
    *hi = from_axis(a + (h - a) * factor, log);
    sanitise_range(lo, hi, log);
}

std::string minus_signs(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '-') out += "\xE2\x88\x92";  // U+2212 MINUS SIGN
        else out += c;
    }
    return out;
}

std::string format_number(double value, const char* format) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    if (std::signbit(value)) {
        // −0, or a negative that the format rounds to zero ("-0.000"): shown as the zero it prints as
        char magnitude[64], zero[64];
        std::snprintf(magnitude, sizeof magnitude, format, -value);
        std::snprintf(zero, sizeof zero, format, 0.0);
        if (std::string(magnitude) == zero) return minus_signs(zero);
    }
    return minus_signs(buf);
}

double nice_step(double x) {
    const double decade = std::pow(10.0, std::floor(std::log10(x)));
    const double m = x / decade;
    // the tolerance keeps a mantissa of 2.0000000000000004 (from rounding) a 2
    if (m <= 1.0 + 1e-9) return decade;
    if (m <= 2.0 + 1e-9) return 2.0 * decade;
    if (m <= 5.0 + 1e-9) return 5.0 * decade;
    return 10.0 * decade;
}

namespace {

// v rounded to `digits` significant digits, as a decimal reads (through printf, so 0.1 + 0.2 is 0.3).
double significant(double v, int digits) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return std::strtod(buf, nullptr);
}

double held(double v, double lo, double hi) { return std::min(std::max(v, lo), hi); }

}  // namespace

double snap_linear(double v, double lo, double hi, bool fine) {
    if (!(hi > lo) || !std::isfinite(v)) return held(v, lo, hi);
    const double step = nice_step((hi - lo) / 100.0) / (fine ? 10.0 : 1.0);
    return held(significant(std::round(v / step) * step, 12), lo, hi);
}

double snap_log(double v, double lo, double hi, bool fine) {
    if (!(v > 0) || !std::isfinite(v)) return held(v, lo, hi);
    if (fine) return held(significant(v, 2), lo, hi);
    static const double mantissas[] = {1.0, 2.0, 5.0};
    return snap_ladder(v, mantissas, 3, lo, hi, false);
}

double snap_ladder(double v, const double* ladder, int count, double lo, double hi, bool fine) {
    if (!(v > 0) || !std::isfinite(v) || count < 1) return held(v, lo, hi);
    if (fine) return held(significant(v, 3), lo, hi);
    const double decade = std::floor(std::log10(v));
    double best = v, best_distance = INFINITY;
    for (double k = decade - 1; k <= decade + 1; ++k)  // the rungs of this decade and its neighbours
        for (int i = 0; i < count; ++i) {
            const double rung = significant(ladder[i] * std::pow(10.0, k), 12);
            const double distance = std::fabs(std::log(rung / v));
            if (rung >= lo * (1 - 1e-12) && rung <= hi * (1 + 1e-12) && distance < best_distance)
                best = rung, best_distance = distance;
        }
    return held(best, lo, hi);
}

namespace {

// Number of decimals a label needs for ticks `step` apart (0 for steps ≥ 1).
int decimals_for(double step) {
    if (step >= 1.0) return 0;
    return static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
}

}  // namespace

std::string format_tick(double value, double step) {
    if (std::fabs(value) < step * 1e-9) value = 0.0;  // 1.1e-17 from summing steps is a plain 0
    char buf[64];
    const double mag = std::max(std::fabs(value), step);
    if (mag < 1e6 && (std::fabs(value) >= 1e-4 || value == 0.0) && decimals_for(step) <= 15) {
        std::snprintf(buf, sizeof buf, "%.*f", decimals_for(step), value);
        return minus_signs(buf);
    }
    // scientific: mantissa × 10^exp with as many mantissa decimals as the step needs
    if (value == 0.0) return "0";
    const int exp = static_cast<int>(std::floor(std::log10(std::fabs(value)) + 1e-9));
    const double scale = std::pow(10.0, exp);
    const int digits = std::min(15, decimals_for(step / scale));
    std::snprintf(buf, sizeof buf, "%.*fe%d", digits, value / scale, exp);
    return minus_signs(buf);
}

std::vector<Tick> linear_ticks(double min, double max, int target) {
    std::vector<Tick> ticks;
    if (!(max > min) || !std::isfinite(min) || !std::isfinite(max)) return ticks;
    const bool room_for_three = target >= 2;
    target = std::max(target, 2);
    double step = nice_step((max - min) / target);
    // A step of span / target can leave one label (−3.2 .. 4.1 in steps of 5: only 0), which says
    // nothing about the scale: where the axis has room for two labels or more, take the next finer
    // 1-2-5 steps until there are at least three.
    for (int finer = 0; room_for_three && finer < 2; ++finer) {
        const double count = std::floor(max / step + 1e-9) - std::ceil(min / step - 1e-9) + 1;
        if (!(count < 3)) break;
        const double m = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
        step *= std::fabs(m - 2.0) < 1e-6 ? 0.5 : std::fabs(m - 5.0) < 1e-6 ? 0.4 : 0.5;
    }
    const double first = std::ceil(min / step - 1e-9);
    const double last = std::floor(max / step + 1e-9);
    // Where min/step passes 2^53, k += 1 no longer moves: the range is too narrow for its magnitude.
    if (std::fabs(first) > 1e15 || std::fabs(last) > 1e15 || last - first > 1000.0) return ticks;
    const double m = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const int minor_per_major = (std::fabs(m - 2.0) < 1e-6) ? 4 : 5;
    const double minor = step / minor_per_major;
    // minor ticks, starting one step before the first major so the left edge is covered
    for (double k = first - 1; k <= last; k += 1.0) {
        for (int j = 1; j < minor_per_major; ++j) {
            const double v = k * step + j * minor;
            if (v >= min && v <= max) ticks.push_back({v, false, {}});
        }
    }
    // One notation for the whole axis: plain decimals, or, for large or tiny values, mantissas that
    // share the exponent of the largest label (−0.5e6, 0, 0.5e6, 1.0e6).
    const double biggest = std::max(std::fabs(first * step), std::fabs(last * step));
    const bool scientific = biggest >= 1e6 || (biggest < 1e-4 && biggest > 0.0);
    const int exp = scientific ? static_cast<int>(std::floor(std::log10(biggest) + 1e-9)) : 0;
    const double scale = std::pow(10.0, exp);
    const int digits = std::min(15, decimals_for(step / scale));
    for (double k = first; k <= last; k += 1.0) {
        const double v = k * step;
        std::string label;
        if (!scientific) {
            label = format_tick(v, step);
        } else if (std::fabs(v) < step * 1e-9) {
            label = "0";
        } else {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.*fe%d", digits, v / scale, exp);
            label = minus_signs(buf);
        }
        ticks.push_back({v, true, label});
    }
    return ticks;
}

namespace {

// The label of a tick at a power of ten: "0.01", "1000", "1e−5".
std::string decade_label(int d) {
    char buf[32];
    if (d >= -3 && d <= 4) std::snprintf(buf, sizeof buf, "%g", std::pow(10.0, d));
    else std::snprintf(buf, sizeof buf, "1e%d", d);
    return minus_signs(buf);
}

}  // namespace

std::vector<Tick> log_ticks(double min, double max, int target) {
    std::vector<Tick> ticks;
    if (!(min > 0.0) || !(max > min) || !std::isfinite(max)) return ticks;
    target = std::max(target, 2);
    const int d0 = static_cast<int>(std::floor(std::log10(min) + 1e-9));
    const int d1 = static_cast<int>(std::ceil(std::log10(max) - 1e-9));
    const int decades = d1 - d0;
    // every 1, 2, 5, 10, 20, 50 ... decades: 1e−20, 1e−40, not 1e−21, 1e−42
    const int every = static_cast<int>(nice_step(std::max(1.0, decades / static_cast<double>(target))));
    int majors = 0;
    for (int d = d0; d <= d1; ++d) {
        const double base = std::pow(10.0, d);
        if (d % every == 0 && base >= min * (1 - 1e-12) && base <= max * (1 + 1e-12)) {
            ticks.push_back({base, true, decade_label(d)});
            ++majors;
        }
        if (decades <= 6) {
            for (int j = 2; j <= 9; ++j) {
                const double v = j * base;
                if (v >= min && v <= max) ticks.push_back({v, false, {}});
            }
        }
    }
    if (majors >= 2) return ticks;

    // Fewer than two powers of ten labelled: label more ticks, but only those at least 1/target of
    // the axis from every other label, so labels never pile up (a short axis, or large text, has a
    // small target). Powers of ten first, then 5 × and 2 × 10^k, then 3 ×, then the rest.
    const double gap = (std::log10(max) - std::log10(min)) / target * (1 - 1e-9);
    std::vector<std::pair<int, double>> candidates;  // (rank, value)
    for (int d = d0; d <= d1; ++d) {
        const double base = std::pow(10.0, d);
        if (base >= min * (1 - 1e-12) && base <= max * (1 + 1e-12)) candidates.push_back({d % every == 0 ? 0 : 1, base});
        if (decades > 6) continue;
        for (int j = 2; j <= 9; ++j) {
            const double v = j * base;
            if (v >= min && v <= max) candidates.push_back({j == 5 || j == 2 ? 2 : j == 3 ? 3 : 4, v});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<double> chosen;
    for (const auto& [rank, v] : candidates) {
        bool apart = true;
        for (double c : chosen) apart = apart && std::fabs(std::log10(v) - std::log10(c)) >= gap;
        if (apart) chosen.push_back(v);
    }
    if (chosen.size() < 2) return linear_ticks(min, max, target);
    std::vector<Tick> labelled;
    for (const auto& [rank, v] : candidates) {
        const bool label = std::find(chosen.begin(), chosen.end(), v) != chosen.end();
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        const int d = static_cast<int>(std::floor(std::log10(v) + 1e-9));
        const bool decade = std::fabs(v - std::pow(10.0, d)) <= v * 1e-12;
        labelled.push_back({v, label, label ? (decade ? decade_label(d) : minus_signs(buf)) : std::string()});
    }
    std::sort(labelled.begin(), labelled.end(), [](const Tick& a, const Tick& b) { return a.value < b.value; });
    return labelled;
}

}  // namespace actlab::plot
