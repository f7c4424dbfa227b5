#!/usr/bin/env python3
"""First outputs of splitmix64-seeded xoshiro256** for seed 0, for tests/core/test_random.cpp.

A direct transcription of the published algorithms (Blackman & Vigna), independent of core/random.cpp.
"""
M = (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & M
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return x, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def main():
    x, s = 0, []
    for _ in range(4):
        x, z = splitmix64(x)
        s.append(z)
    for _ in range(3):
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        print(f"0x{result:016x}ULL")


if __name__ == "__main__":
    main()
