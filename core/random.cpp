#include "core/random.h"

#include <cmath>

namespace actlab::core {

namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
    for (std::uint64_t& s : m_s) s = splitmix64(seed);
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

double Rng::normal() {
    double v;
    if (take_spare(&v)) return v;
    const std::uint64_t bits1 = next();
    const std::uint64_t bits2 = next();
    double first;
    normal_pair(bits1, bits2, &first, &v);
    keep_spare(v);
    return first;
}

bool Rng::take_spare(double* v) {
    if (!m_has_spare) return false;
    m_has_spare = false;
    *v = m_spare;
    return true;
}

void Rng::keep_spare(double v) {
    m_spare = v;
    m_has_spare = true;
}

// Box–Muller: r = √(−2 ln u1), θ = 2π u2, (r cos θ, r sin θ)
void Rng::normal_pair(std::uint64_t bits1, std::uint64_t bits2, double* first, double* second) {
    // u1 in (0, 1] so the logarithm is finite
    const double u1 = 1.0 - static_cast<double>(bits1 >> 11) * 0x1.0p-53;
    const double u2 = static_cast<double>(bits2 >> 11) * 0x1.0p-53;
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * M_PI * u2;
    *first = r * std::cos(angle);
    *second = r * std::sin(angle);
}

std::uint64_t Rng::below(std::uint64_t n) {
    // Lemire's method: the high half of x·n is uniform on [0, n) once the few x whose low half falls
    // below 2^64 mod n are drawn again; no division unless that rare case comes up.
    __extension__ typedef unsigned __int128 Wide;
    Wide m = static_cast<Wide>(next()) * n;
    std::uint64_t low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<Wide>(next()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace actlab::core
