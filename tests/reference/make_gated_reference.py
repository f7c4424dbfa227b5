#!/usr/bin/env python3
"""Write tests/reference/gated.csv: reference values of gated units
g(a, b) = act(a) * b and both partial derivatives, for the C++ tests
(tests/core/test_gated.cpp) to compare against.

Run from the repository root (writes gated.csv next to this script):

    /usr/bin/python3 tests/reference/make_gated_reference.py

Needs only mpmath (Debian: python3-mpmath). The output is deterministic.

CSV columns: gate,param,a,b,g,dg_da,dg_db
  gate   the catalogue id of act (core/activation.cpp); the named variants of
         core/gated.cpp are GATES' entries with an empty param
  param  the parameter value, written as in activations.csv ('' for the default
         or for none)
  a, b   exactly representable doubles, written with Python's repr()
  g      act(a) * b
  dg_da  act'(a) * b
  dg_db  act(a)
  each evaluated with mpmath at 60 significant digits at the exact values of
  the doubles and rounded to 25 significant digits, as activations.csv.

act and act' are the functions of make_activation_reference.py (imported, not
copied), so they follow its conventions: exact mathematics in the tails, and
PyTorch's choice of act' at a kink (relu'(0) = 0, leaky_relu'(0) = alpha,
elu'(0) = alpha). The products have no cancellation, so 60 digits leave the 25
written ones exact even where act(a) is as small as e^-125000 (gelu at -500):
mpmath's exponent range is unlimited. Values below the smallest normal double
are written with their true value; the C++ test holds them to an absolute
floor instead, as test_activation.cpp does.
"""

import os
import random
import sys

from mpmath import mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_activation_reference as ref  # noqa: E402  (its mp.dps = 60 holds here too)

ONE = mpf(1)
P = ref.P

# (gate id, param as written, act x -> (act, act')). The named variants' gates at their defaults:
# glu sigmoid, swiglu silu, geglu gelu, geglu_tanh gelu_tanh, reglu relu, bilinear identity;
# then other catalogue gates at parameters away from their defaults.
GATES = [("sigmoid", "", ref.sigmoid), ("silu", "", ref.swish(ONE)), ("gelu", "", ref.gelu),
         ("gelu_tanh", "", ref.gelu_tanh), ("relu", "", ref.relu_like(mpf(0), mpf(0))),
         ("identity", "", ref.identity),
         ("swish", "1.7", ref.swish(P("1.7"))),
         ("leaky_relu", "0.1", ref.relu_like(P("0.1"), P("0.1"))),
         ("elu", "0.5", ref.exp_linear(ONE, P("0.5"), ONE, P("0.5")))]


def a_values():
    """Gate inputs: 0 (the kink of relu, leaky_relu and elu), tiny, ordinary, the dips of silu and
    gelu, far tails up to |a| = 40, and 500 where every gate is saturated."""
    xs = {0.0}
    for e in (300, 10, 3):
        xs |= {10.0 ** -e, -(10.0 ** -e)}
    for v in (0.25, 0.5, 1.0, 1.5, 2.5, 3.0, 5.0, 7.5, 10.0, 20.0, 30.0, 40.0, 500.0):
        xs |= {v, -v}
    xs |= {-0.7517915241, -1.2784645427610738, -0.3, 0.7}
    rng = random.Random(20261201)
    xs |= {rng.uniform(-40.0, 40.0) for _ in range(12)}
    return sorted(xs)


def b_values():
    """Value inputs: 0, tiny, ordinary and large of either sign (g is linear in b)."""
    bs = {0.0}
    for v in (1e-300, 1e-8, 0.3, 1.0, 2.5, 7.0, 1e3):
        bs |= {v, -v}
    rng = random.Random(20261202)
    bs |= {rng.uniform(-10.0, 10.0) for _ in range(3)}
    return sorted(bs)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gated.csv")
    avals, bvals = a_values(), b_values()
    rows = 0
    with open(out, "w", newline="\n") as fh:
        fh.write("gate,param,a,b,g,dg_da,dg_db\n")
        for name, param, act in GATES:
            for a in avals:
                f, df = act(mpf(a))  # mpf(a) is the exact value of the double a
                for b in bvals:
                    bb = mpf(b)
                    fh.write(f"{name},{param},{a!r},{b!r},{ref.fmt(f * bb)},{ref.fmt(df * bb)},{ref.fmt(f)}\n")
                    rows += 1
    print(f"wrote {out}: {rows} rows ({len(GATES)} gates, {len(avals)} a, {len(bvals)} b), "
          f"{os.path.getsize(out)} bytes")
    print("swiglu g(-500, 2.5) =", ref.fmt(ref.swish(ONE)(mpf(-500))[0] * mpf(2.5)))
    print("geglu  g(-40, 1)    =", ref.fmt(ref.gelu(mpf(-40))[0]))


if __name__ == "__main__":
    main()
