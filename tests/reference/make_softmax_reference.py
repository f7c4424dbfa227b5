#!/usr/bin/env python3
"""Write tests/reference/softmax.csv: softmax(z/T), log-softmax and entropy at 60 digits, for
tests/core/test_softmax.cpp to compare against.

Run from the repository root (writes softmax.csv next to this script):

    /usr/bin/python3 tests/reference/make_softmax_reference.py

Needs only mpmath (Debian: python3-mpmath). The output is deterministic.

CSV columns: case,temperature,class,logit,prob,log_prob,entropy
  case         a name for the set of logits
  temperature  an exactly representable double, written with repr()
  class        0, 1, ...
  logit        an exactly representable double, written with repr()
  prob         p_i = exp(z_i/T) / sum_j exp(z_j/T)   at the exact values of the doubles
  log_prob     log p_i
  entropy      -sum_j p_j log p_j in nats (the same on every row of a case and temperature)
Values are rounded to 25 significant digits; probabilities below the smallest normal double are
written with their true value (the C++ test checks those only for being tiny, not relatively).

The cases cover extreme logits (+-1e4), T = 1e-3 and 1e3, T = 0.01, ties, 2 and 12 classes, and
probabilities that underflow: at T = 0.01 a gap of 7.1 gives p = e^-710, below the normal range,
while the entropy (about 711 e^-710) is still a normal double.
"""

import os
import random

from mpmath import mp, mpf

mp.dps = 60

TEMPERATURES = [1e-3, 0.01, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0, 1e3]

rng = random.Random(20240611)
CASES = [
    ("classic", [2.0, 1.0, 0.1], TEMPERATURES + [0.25, 0.3, 3.7]),
    ("two", [0.5, -0.5], TEMPERATURES),
    ("peaked", [8.0, 1.0, 0.5, 0.0, -1.0], TEMPERATURES),
    ("extreme", [1e4, -1e4, 0.0], TEMPERATURES),
    ("extreme_close", [1e4, 9999.5, -1e4, -9999.0], TEMPERATURES),
    ("negative", [-1e4, -1e4 + 3.0, -1e4 + 3.5], TEMPERATURES),
    ("ties", [1.0, 1.0, 0.0], TEMPERATURES),
    ("all_tied", [3.0, 3.0, 3.0, 3.0], [1e-3, 1.0, 1e3]),
    ("ties_below", [2.0, -1.0, -1.0, 0.5], TEMPERATURES),
    ("underflow_subnormal", [0.0, -7.1], [0.01]),
    ("underflow_edge", [0.0, -7.0, -7.05, 1e-3], [0.01]),
    ("underflow_mixed", [5.0, -2.3, 4.99, -1e4], [0.01, 0.001]),
    ("tiny_gap", [1.0, 1.0 - 2.0**-40, 0.0], [1e-3, 1.0, 1e3]),
    ("twelve", [round(rng.uniform(-4.0, 4.0), 3) for _ in range(12)], TEMPERATURES),
    ("twelve_wide", [round(rng.uniform(-1e4, 1e4), 1) for _ in range(12)], TEMPERATURES),
    ("sweep", [2.0, 1.0, 0.1, -1.5],
     [float(mp.exp(mp.log(mpf(0.01)) + (mp.log(mpf(100)) - mp.log(mpf(0.01))) * i / 40)) for i in range(41)]),
]


def fmt(v):
    if v == 0:
        return "0"
    if mp.isinf(v):
        return "-inf" if v < 0 else "inf"
    s = mp.nstr(v, 25, min_fixed=1, max_fixed=0, strip_zeros=True)
    return s.replace("e+", "e")


def softmax(z, t):
    z = [mpf(v) for v in z]
    t = mpf(t)
    m = max(z)
    a = [(v - m) / t for v in z]
    # log sum exp(a) = log c + log1p(rest / c): 1 + rest would round to 1 at any fixed precision
    # when rest is e^-710 or smaller
    c = sum(1 for x in a if x == 0)
    rest = mp.fsum(mp.exp(x) for x in a if x != 0)
    log_s = mp.log(c) + mp.log1p(rest / c)
    log_p = [x - log_s for x in a]
    p = [mp.exp(x) for x in log_p]
    h = -mp.fsum(pi * lp for pi, lp in zip(p, log_p))
    return p, log_p, h


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "softmax.csv")
    with open(path, "w") as out:
        out.write("case,temperature,class,logit,prob,log_prob,entropy\n")
        for name, logits, temps in CASES:
            for t in temps:
                p, log_p, h = softmax(logits, t)
                for i, z in enumerate(logits):
                    out.write(f"{name},{t!r},{i},{float(z)!r},{fmt(p[i])},{fmt(log_p[i])},{fmt(h)}\n")


if __name__ == "__main__":
    main()
