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

    // For many normals at once (init_weights): the costly part of normal() is the transform of two
    // draws of next() into a pair, which may then be done on any thread, as long as the draws are taken
    // in order here and the spare is handed over as normal() would.
    bool take_spare(double* v);           // the value normal() would return next without drawing, if any
    void keep_spare(double v);            // the next normal() returns v
    // The pair normal() makes of two successive draws: `first` returned at once, `second` kept as spare.
    static void normal_pair(std::uint64_t bits1, std::uint64_t bits2, double* first, double* second);

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
