// A small seeded generator that gives the same stream on every machine: xoshiro256** seeded through
// splitmix64. (std::normal_distribution and friends differ between standard libraries; ours does not.)
#pragma once

#include <cstdint>

namespace actlab::core {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 1);
    std::uint64_t next();                 // 64 random bits
    double uniform();                     // [0, 1), 53 random bits
    double uniform(double lo, double hi); // [lo, hi)
    double normal();                      // N(0, 1), Box–Muller (the second value is kept for the next call)
    std::uint64_t below(std::uint64_t n); // an integer in [0, n), without bias; n > 0

private:
    std::uint64_t m_s[4];
    double m_spare = 0.0;
    bool m_has_spare = false;
};

// Shuffles [first, first + n) in place (Fisher–Yates), the same way for the same generator state.
template <class T>
void shuffle(T* first, std::uint64_t n, Rng& rng) {
    for (std::uint64_t i = n; i > 1; --i) {
        const std::uint64_t j = rng.below(i);
        T tmp = first[i - 1];
        first[i - 1] = first[j];
        first[j] = tmp;
    }
}

}  // namespace actlab::core
