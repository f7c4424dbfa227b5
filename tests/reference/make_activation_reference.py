#!/usr/bin/env python3
"""Write tests/reference/activations.csv: reference values of every activation
function and its derivative, for the C++ tests to compare against.

Run from the repository root (writes activations.csv next to this script):

    /usr/bin/python3 tests/reference/make_activation_reference.py

Needs only mpmath (Debian: python3-mpmath). The output is deterministic.

CSV columns: id,param,x,f,df
  id     activation name, following torch.nn.functional
  param  the parameter value as listed in ACTIVATIONS below ('' if none)
  x      an exactly representable double, written with Python's repr()
  f, df  f(x) and f'(x), evaluated with mpmath at 60 significant digits at
         the exact value of the double x, rounded to 25 significant digits
         (trailing zeros dropped), scientific notation that strtod parses,
         zero written as 0.

Conventions:
  * alpha and beta are the exact values of the doubles nearest the written
    decimals (that is what actlab receives); selu's lambda and a and
    gelu_tanh's 0.044715 are the exact decimals that define the functions.
  * The mathematics is exact: softplus has no large-x threshold shortcut,
    gelu uses erfc, and tails are computed without cancellation.
  * At a kink, df is PyTorch's choice: relu'(0)=0, leaky_relu'(0)=prelu'(0)=a,
    elu'(0)=a, selu'(0)=lambda*a, celu'(0)=1, hardtanh'(+-1)=0,
    hardsigmoid'(+-3)=0, hardswish'(-3)=-1/2, hardswish'(3)=3/2.
  * Values below the smallest normal double (|v| < 2.2250738585072014e-308)
    are still written with their true value; the C++ test skips the relative
    check for them. Nothing overflows, since |x| <= 1000.
"""

import os
import random

import mpmath
from mpmath import mp, mpf

mp.dps = 60
ONE, HALF = mpf(1), mpf(1) / 2


def sig(z):
    """Logistic sigmoid, accurate in both tails."""
    return ONE / (ONE + mp.exp(-z))


def relu_like(slope_neg, slope_at_0):
    def f(x):
        return (x, ONE) if x > 0 else (slope_neg * x, slope_neg if x < 0 else slope_at_0)
    return f


def exp_linear(scale_pos, scale_neg, inv_width, df_at_0):
    """x>0: scale_pos*x; else scale_neg*(e^(x*inv_width) - 1)."""
    def f(x):
        if x > 0:
            return scale_pos * x, scale_pos
        d = scale_neg * inv_width * mp.exp(x * inv_width) if x < 0 else df_at_0
        return scale_neg * mp.expm1(x * inv_width), d
    return f


def identity(x):
    return x, ONE


def sigmoid(x):
    return sig(x), sig(x) * sig(-x)


def tanh(x):
    return mp.tanh(x), mp.sech(x) ** 2


def gelu(x):
    return x * mp.erfc(-x / mp.sqrt(2)) / 2, \
        mp.erfc(-x / mp.sqrt(2)) / 2 + x * mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def gelu_tanh(x):
    # 1 + tanh(u) = 2 sig(2u) and sech(u)^2 = 4 sig(2u) sig(-2u): no cancellation.
    c, k = mpf("0.044715"), mp.sqrt(2 / mp.pi)
    u = k * (x + c * x ** 3)
    s, t = sig(2 * u), sig(-2 * u)
    return x * s, s + 2 * x * s * t * k * (1 + 3 * c * x * x)


def swish(beta):
    def f(x):
        s, t = sig(beta * x), sig(-beta * x)
        return x * s, s + beta * x * s * t
    return f


def softplus(beta):
    def f(x):
        z = beta * x
        sp = z + mp.log1p(mp.exp(-z)) if z > 0 else mp.log1p(mp.exp(z))
        return sp / beta, sig(z)
    return f


def mish(x):
    sp = x + mp.log1p(mp.exp(-x)) if x > 0 else mp.log1p(mp.exp(x))
    return x * mp.tanh(sp), mp.tanh(sp) + x * mp.sech(sp) ** 2 * sig(x)


def softsign(x):
    return x / (1 + abs(x)), 1 / (1 + abs(x)) ** 2


def hardtanh(x):
    return min(max(x, -ONE), ONE), ONE if -1 < x < 1 else mpf(0)


def hardsigmoid(x):
    if x <= -3:
        return mpf(0), mpf(0)
    if x >= 3:
        return ONE, mpf(0)
    return (x + 3) / 6, ONE / 6


def hardswish(x):
    if x < -3:
        return mpf(0), mpf(0)
    if x > 3:
        return x, ONE
    return x * (x + 3) / 6, (2 * x + 3) / 6


SELU_L = mpf("1.0507009873554804934193349852946")
SELU_A = mpf("1.6732632423543772848170429916717")

# A parameter reaches actlab as a double (from a slider or the command line), so the reference uses
# the exact value of the double nearest the written decimal: P("1.7") is 1.6999999999999999555910790...
def P(text):
    return mpf(float(text))


# (id, param as written, function x -> (f, df))
ACTIVATIONS = [("identity", "", identity), ("sigmoid", "", sigmoid), ("tanh", "", tanh),
               ("relu", "", relu_like(mpf(0), mpf(0)))]
ACTIVATIONS += [("leaky_relu", a, relu_like(P(a), P(a))) for a in ("0.01", "0.2", "0", "1")]
ACTIVATIONS += [("prelu", a, relu_like(P(a), P(a))) for a in ("0.25", "0.1", "0", "1")]
ACTIVATIONS += [("elu", a, exp_linear(ONE, P(a), ONE, P(a))) for a in ("1", "0.5", "0", "5")]
ACTIVATIONS += [("selu", "", exp_linear(SELU_L, SELU_L * SELU_A, ONE, SELU_L * SELU_A))]
ACTIVATIONS += [("celu", a, exp_linear(ONE, P(a), 1 / P(a), ONE)) for a in ("1", "2", "0.05", "5")]
ACTIVATIONS += [("gelu", "", gelu), ("gelu_tanh", "", gelu_tanh), ("silu", "", swish(ONE))]
ACTIVATIONS += [("swish", b, swish(P(b))) for b in ("1", "0.5", "1.7", "0", "0.1", "7.77", "10")]
ACTIVATIONS += [("softplus", b, softplus(P(b))) for b in ("1", "2", "0.3", "0.1", "10")]
ACTIVATIONS += [("mish", "", mish), ("softsign", "", softsign), ("hardtanh", "", hardtanh),
                ("hardsigmoid", "", hardsigmoid), ("hardswish", "", hardswish)]


def x_grid():
    xs = {0.0}
    for e in (300, 200, 100, 20, 10, 5, 3):
        xs |= {10.0 ** -e, -(10.0 ** -e)}
    xs |= {k / 64 for k in range(-640, 641)}
    xs |= {-10.3, -7.77, -3.3, -2.5, -1.5, -1.2784645427610738, -0.7517915241, -1.19,
           -0.3, 0.1, 0.7, 1.3, 2.9, 3.0000001, -2.9999999, 5.5}
    big = list(range(11, 41)) + [45, 50, 60, 70, 80, 100, 200, 300, 500, 700, 708, 709,
                                 710, 745, 750, 800, 900, 1000]
    xs |= {float(s * b) for b in big for s in (1, -1)}
    # Windows where an intermediate e^y is nearly subnormal while the result is not: βx in
    # [-716, -700] for SiLU, Swish (β = 1, 7.77, 10), Mish and Softplus, and 2u there for GELU (tanh).
    xs |= {-716 + k / 4 for k in range(65)}
    xs |= {-71.6 + k / 10 for k in range(17)} | {-92.2 + k / 10 for k in range(23)}
    xs |= {-21.3 + k / 200 for k in range(41)}
    # and seeded random points, log-uniform in magnitude from 1e-8 to 1000, either sign
    rng = random.Random(20261122)
    xs |= {rng.choice((-1, 1)) * 10 ** rng.uniform(-8, 3) for _ in range(600)}
    return sorted(xs)


def fmt(v):
    if v == 0:
        return "0"
    s = mpmath.nstr(v, 25, min_fixed=0, max_fixed=0)
    float(s)  # must parse as a number (strtod accepts the same syntax)
    return s


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "activations.csv")
    xs = x_grid()
    rows = 0
    with open(out, "w", newline="\n") as fh:
        fh.write("id,param,x,f,df\n")
        for name, param, fn in ACTIVATIONS:
            for x in xs:
                f, df = fn(mpf(x))  # mpf(x) is the exact value of the double x
                fh.write(f"{name},{param},{x!r},{fmt(f)},{fmt(df)}\n")
                rows += 1
    print(f"wrote {out}: {rows} rows, {os.path.getsize(out)} bytes")
    print("tanh'(20)      =", fmt(tanh(mpf(20))[1]))
    print("sigmoid'(50)   =", fmt(sigmoid(mpf(50))[1]))
    print("gelu(-10)      =", fmt(gelu(mpf(-10))[0]))
    print("softplus(1000) =", fmt(softplus(ONE)(mpf(1000))[0]))


if __name__ == "__main__":
    main()
