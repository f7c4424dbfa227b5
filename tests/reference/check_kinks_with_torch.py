#!/usr/bin/env python3
"""Print PyTorch's f and f' (autograd, float64) at the kink points x in
{-3, -1, 0, 1, 3}, next to the df of tests/reference/activations.csv, to
confirm the kink conventions used there.

Run from the repository root (needs Debian's python3-torch):

    /usr/bin/python3 tests/reference/check_kinks_with_torch.py

This is a cross-check only; activations.csv (from make_activation_reference.py)
stays the reference. A '*' marks a df that differs from the CSV by more than
1e-12 relative.
"""

import csv
import os

import torch
import torch.nn.functional as F

XS = (-3.0, -1.0, 0.0, 1.0, 3.0)

# (label, CSV id, CSV param, function on a float64 tensor)
CASES = [
    ("identity", "identity", "", lambda x: x * 1),
    ("sigmoid", "sigmoid", "", torch.sigmoid),
    ("tanh", "tanh", "", torch.tanh),
    ("relu", "relu", "", F.relu),
    ("leaky_relu(0.01)", "leaky_relu", "0.01", lambda x: F.leaky_relu(x, 0.01)),
    ("prelu(w=0.25)", "prelu", "0.25",
     lambda x: F.prelu(x, torch.tensor([0.25], dtype=torch.float64))),
    ("elu(0.5)", "elu", "0.5", lambda x: F.elu(x, alpha=0.5)),
    ("selu", "selu", "", F.selu),
    ("celu(2)", "celu", "2", lambda x: F.celu(x, alpha=2.0)),
    ("gelu(none)", "gelu", "", lambda x: F.gelu(x, approximate="none")),
    ("gelu(tanh)", "gelu_tanh", "", lambda x: F.gelu(x, approximate="tanh")),
    ("silu", "silu", "", F.silu),
    ("swish(1.7)", "swish", "1.7", lambda x: x * torch.sigmoid(1.7 * x)),
    ("softplus", "softplus", "1", F.softplus),
    ("mish", "mish", "", F.mish),
    ("softsign", "softsign", "", F.softsign),
    ("hardtanh", "hardtanh", "", F.hardtanh),
    ("hardsigmoid", "hardsigmoid", "", F.hardsigmoid),
    ("hardswish", "hardswish", "", F.hardswish),
]


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "activations.csv")
    ref = {}
    with open(path) as fh:
        for r in csv.DictReader(fh):
            if float(r["x"]) in XS:
                ref[(r["id"], r["param"], float(r["x"]))] = float(r["df"])

    print(f"torch {torch.__version__}, float64")
    print(f"{'function':<17} {'x':>4} {'f (torch)':>24} {'df (torch)':>24} {'df (csv)':>24}")
    for label, rid, param, fn in CASES:
        for x0 in XS:
            x = torch.tensor([x0], dtype=torch.float64, requires_grad=True)
            y = fn(x)
            y.sum().backward()
            f, df = y.item(), x.grad.item()
            want = ref.get((rid, param, x0))
            mark = ""
            if want is None or abs(df - want) > 1e-12 * max(1.0, abs(want)):
                mark = " *"
            print(f"{label:<17} {x0:>4g} {f:>24.17g} {df:>24.17g} {want!s:>24}{mark}")


if __name__ == "__main__":
    main()
