#!/usr/bin/env python3
"""Write tests/reference/tempered_output.csv: a network's output at a temperature T and the entropy of
its prediction, at 60 digits, for tests/core/test_decision_grid.cpp to compare against.

Run from the repository root (writes tempered_output.csv next to this script):

    /usr/bin/python3 tests/reference/make_tempered_output_reference.py

Needs only mpmath (Debian: python3-mpmath). The output is deterministic.

CSV columns: case,output,temperature,class,logit,value,field,entropy
  case         a name for the logits
  output       tanh, sigmoid (one output) or softmax (one row per class)
  temperature  a double, written with repr(); the exact value of that double is used
  class        0, 1, ...
  logit        z, exactly representable in single precision (the grid keeps its logits as floats)
  value        the output at T: tanh(z/T), sigma(z/T) = 1 / (1 + exp(-z/T)), or softmax(z/T)_k
  field        what the boundary heatmap colours: tanh(z/T); 2 sigma(z/T) - 1; for two classes
               p1 - p0 (on both rows); for three or more p_k
  entropy      of the prediction, divided by log K (log 2 for one output), so 0 = sure, 1 = unsure:
               one output: the binary entropy of p = sigma(z/T), or p = (1 + tanh(z/T)) / 2 for tanh;
               softmax: -sum_k p_k log p_k
Values are rounded to 25 significant digits.

The logits include |z| = 50 and 500, where at T = 0.05 a probability is e^-10000 from 0 or 1.
"""

import os

from mpmath import mp, mpf

mp.dps = 60

TEMPERATURES = [0.05, 0.3, 1.0, 3.0, 20.0]

CASES = [
    ("zero", "tanh", [0.0]),
    ("small", "tanh", [0.375]),
    ("negative", "tanh", [-1.25]),
    ("fifty", "tanh", [50.0]),
    ("minus_five_hundred", "tanh", [-500.0]),
    ("zero", "sigmoid", [0.0]),
    ("small", "sigmoid", [0.375]),
    ("negative", "sigmoid", [-2.5]),
    ("minus_fifty", "sigmoid", [-50.0]),
    ("five_hundred", "sigmoid", [500.0]),
    ("two", "softmax", [0.75, -0.5]),
    ("two_far", "softmax", [50.0, -500.0]),
    ("three", "softmax", [2.0, 1.0, 0.125]),
    ("three_tied", "softmax", [1.5, 1.5, -3.0]),
    ("three_far", "softmax", [500.0, -50.0, 0.0]),
    ("uniform", "softmax", [-7.0, -7.0, -7.0, -7.0]),
    ("five", "softmax", [3.25, -1.0, 0.5, 50.0, -2.0]),
]


def fmt(v):
    if v == 0:
        return "0"
    s = mp.nstr(v, 25, min_fixed=1, max_fixed=0, strip_zeros=True)
    return s.replace("e+", "e")


def sigmoid(u):
    return 1 / (1 + mp.exp(-u))


def binary_entropy(u):
    # of p = sigma(u), over log 2: p and 1 - p = sigma(-u) each computed on its own, so neither
    # cancels to 0 (at 60 digits 1 - sigma(500) would; mpmath's exponent range is unbounded)
    h = 0
    for q in (sigmoid(u), sigmoid(-u)):
        h -= q * mp.log(q)
    return h / mp.log(2)


def rows(name, output, logits, t):
    z = [mpf(v) for v in logits]
    t = mpf(t)
    if output == "tanh":
        value = mp.tanh(z[0] / t)
        return [(z[0], value, value, binary_entropy(2 * z[0] / t))]  # (1 + tanh v) / 2 = sigma(2v)
    if output == "sigmoid":
        value = sigmoid(z[0] / t)
        return [(z[0], value, 2 * value - 1, binary_entropy(z[0] / t))]
    m = max(z)
    e = [mp.exp((v - m) / t) for v in z]
    s = mp.fsum(e)
    p = [v / s for v in e]
    h = -mp.fsum(q * mp.log(q) for q in p if q > 0) / mp.log(len(z))
    field = [p[1] - p[0]] * 2 if len(z) == 2 else p
    return [(z[k], p[k], field[k], h) for k in range(len(z))]


def main():
    for _, _, logits in CASES:
        for v in logits:
            assert float(mpf(v)) == v and abs(v) < 2**24 and v * 2**8 == int(v * 2**8), v  # exact as a float
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tempered_output.csv")
    with open(path, "w") as out:
        out.write("case,output,temperature,class,logit,value,field,entropy\n")
        for name, output, logits in CASES:
            for t in TEMPERATURES:
                for k, (z, value, field, h) in enumerate(rows(name, output, logits, t)):
                    out.write(f"{name},{output},{t!r},{k},{float(z)!r},{fmt(value)},{fmt(field)},{fmt(h)}\n")


if __name__ == "__main__":
    main()
