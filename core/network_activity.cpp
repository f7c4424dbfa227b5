#include "core/network_activity.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace actlab::core {

const char* zone_name(Zone zone) {
    switch (zone) {
        case Zone::Dead: return "dead";
        case Zone::Saturated: return "saturated";
        case Zone::Active: return "active";
    }
    return "active";
}

namespace {

// The smallest of 1, 2, 5 × 10^k at or above v (v > 0 and finite).
double nice_ceiling(double v) {
    double step = std::pow(10.0, std::floor(std::log10(v)));
    for (;;) {
        for (double m : {1.0, 2.0, 5.0})
            if (m * step >= v) return m * step;
        step *= 10.0;
    }
}

}  // namespace

LayerHistogram layer_histogram(const LayerActivity& layer, double threshold, int bins) {
    assert(bins > 0 && bins % 2 == 0);
    LayerHistogram h;
    h.bins = bins;
    h.units = layer.units;
    h.points = layer.points;
    h.activation = layer.activation;
    h.params = layer.params;
    h.gated = layer.gated;
    double largest = 4.0;
    for (double z : layer.z)
        if (std::isfinite(z)) largest = std::max(largest, std::fabs(z));
    const double range = nice_ceiling(largest);
    h.low = -range;
    h.high = range;
    h.counts.assign(static_cast<size_t>(kZones * bins), 0);
    h.unit_counts.assign(static_cast<size_t>(layer.units * bins), 0);
    const double per_bin = bins / (2.0 * range);
    // the bins' edges as bin_low computes them: a value on an edge is counted where the CSV's numbers
    // say it is
    std::vector<double> edges(static_cast<size_t>(bins) + 1);
    for (int b = 0; b <= bins; ++b) edges[static_cast<size_t>(b)] = b == bins ? h.high : h.bin_low(b);
    int* zone_counts[kZones] = {h.counts.data(), h.counts.data() + bins, h.counts.data() + 2 * bins};
    for (int u = 0; u < layer.units; ++u) {
        const double* z = layer.z.data() + static_cast<size_t>(u) * layer.points;
        const double* dz = layer.dz.data() + static_cast<size_t>(u) * layer.points;
        int* unit = h.unit_counts.data() + static_cast<size_t>(u) * bins;
        for (int n = 0; n < layer.points; ++n) {
            const double v = z[n];
            // NaN counts in the first bin, ±inf and range itself in the end bins
            int b = v >= -range ? static_cast<int>((std::min(v, range) + range) * per_bin) : 0;
            b = std::min(b, bins - 1);
            if (v < edges[static_cast<size_t>(b)] && b > 0) --b;
            else if (b + 1 < bins && v >= edges[static_cast<size_t>(b) + 1]) ++b;
            ++zone_counts[static_cast<int>(zone_of(dz[n], threshold))][b];
            ++unit[b];
        }
    }
    for (int k = 0; k < kZones; ++k)
        for (int b = 0; b < bins; ++b) h.zone_total[k] += zone_counts[k][b];
    return h;
}

void GradientHistory::add(int epoch, const std::vector<double>& rms, const std::vector<double>& ratio) {
    assert(static_cast<int>(rms.size()) == layers && static_cast<int>(ratio.size()) == layers);
    epochs.push_back(epoch);
    grad_rms.insert(grad_rms.end(), rms.begin(), rms.end());
    update_ratio.insert(update_ratio.end(), ratio.begin(), ratio.end());
}

namespace {

template <class Keep>
void keep_rows(GradientHistory* h, Keep keep) {
    size_t to = 0;
    const size_t width = static_cast<size_t>(h->layers);
    for (size_t r = 0; r < h->epochs.size(); ++r) {
        if (!keep(h->epochs[r])) continue;
        h->epochs[to] = h->epochs[r];
        std::copy_n(h->grad_rms.begin() + static_cast<long>(r * width), width, h->grad_rms.begin() + static_cast<long>(to * width));
        std::copy_n(h->update_ratio.begin() + static_cast<long>(r * width), width,
                    h->update_ratio.begin() + static_cast<long>(to * width));
        ++to;
    }
    h->epochs.resize(to);
    h->grad_rms.resize(to * width);
    h->update_ratio.resize(to * width);
}

}  // namespace

void GradientHistory::keep_multiples(int every) {
    keep_rows(this, [every](int epoch) { return epoch % every == 0; });
}

void GradientHistory::keep_every_second() {
    size_t row = 0;
    keep_rows(this, [&row](int) { return row++ % 2 == 0; });
}

void GradientHistory::drop_after(int epoch) {
    keep_rows(this, [epoch](int e) { return e <= epoch; });
}

}  // namespace actlab::core
