#!/usr/bin/env python3
"""Constants for the activation derivatives near their zeros (core/activation_roots.cpp).

GELU, GELU (tanh), SiLU/Swish and Mish dip below zero, so their derivative crosses zero at the bottom
of the dip. There the textbook formula subtracts two nearly equal numbers (e.g. Φ(x) and -xφ(x)) and
its relative error grows without bound. Near such a zero x0, actlab evaluates instead

    f'(x) = c1 d + c2 d² + ... + cN d^N,   d = x - x0,

with x0 given as a double-double (hi + lo, 32 digits) so that d is exact to ~1e-32. This script finds
x0 and the Taylor coefficients with mpmath at 50 digits and prints the C++ table; run it from the
repository root with /usr/bin/python3 and paste the output into core/activation_roots.cpp.
For SiLU the series is that of g(y) = 1 + y σ(-y), since f'(y) = σ(y) g(y) and Swish with any β uses
the same g at y = βx.
"""
from mpmath import mp, mpf, erfc, exp, sqrt, pi, tanh, log, findroot, taylor

mp.dps = 50
WINDOW = mpf(1) / 8  # the series is used for |d| < WINDOW
TERMS = 22


def phi_cdf(x):
    return erfc(-x / sqrt(2)) / 2


def phi_pdf(x):
    return exp(-x * x / 2) / sqrt(2 * pi)


def sigmoid(x):
    return 1 / (1 + exp(-x))


C = mpf("0.044715")
K = sqrt(2 / pi)

functions = {
    # name: (function whose zero we expand around, a starting guess)
    "gelu": (lambda x: phi_cdf(x) + x * phi_pdf(x), -0.75),
    "gelu_tanh": (lambda x: (1 + tanh(K * (x + C * x**3))) / 2
                  + x / 2 * (1 - tanh(K * (x + C * x**3))**2) * K * (1 + 3 * C * x**2), -0.75),
    "silu_g": (lambda y: 1 + y * sigmoid(-y), -1.28),
    "mish": (lambda x: tanh(log(1 + exp(x))) + x * (1 - tanh(log(1 + exp(x)))**2) * sigmoid(x), -1.19),
}


def split(v):
    hi = float(v)
    lo = float(v - mpf(hi))
    return hi, lo


for name, (fn, guess) in functions.items():
    x0 = findroot(fn, guess, tol=mpf(10) ** -45)
    coeffs = taylor(fn, x0, TERMS)
    hi, lo = split(x0)
    tail = abs(coeffs[-1]) * WINDOW ** TERMS
    print(f"// {name}: zero at {mp.nstr(x0, 34)}; last term below {mp.nstr(tail, 3)} for |d| < 1/8")
    print(f"const RootSeries k_{name} = {{{{{hi!r}, {lo!r}}}, {{")
    row = [repr(float(c)) for c in coeffs[1:]]
    for i in range(0, len(row), 4):
        print("    " + ", ".join(row[i:i + 4]) + ",")
    print("}};")
