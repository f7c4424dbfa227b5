// What every harness shares: a check that stops the run with a message when an invariant a user
// relies on is broken (libFuzzer then keeps the input as a crash), and the work caps that keep one
// execution fast.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace actlab::fuzz {

// Stops the run: a broken invariant is a finding, like a crash.
[[noreturn]] inline void fail(const char* file, int line, const std::string& what) {
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what.c_str());
    std::abort();
}

#define FUZZ_CHECK(cond, what)                                           \
    do {                                                                 \
        if (!(cond)) ::actlab::fuzz::fail(__FILE__, __LINE__, what);     \
    } while (0)

#define FUZZ_CHECK_FINITE(x, what) FUZZ_CHECK(std::isfinite(x), std::string(what) + " is not finite")

// A generated dataset may have up to 100,000 points (core::kMaxPoints); the harnesses ask for at most
// this many, so one execution stays well under a millisecond. The parsers still see the larger value.
constexpr long kMaxFuzzPoints = 2000;

}  // namespace actlab::fuzz
