#!/usr/bin/env python3
"""Write the reference data of tests/core/test_gradient_flow.cpp:

  gradient_chain.csv    id,param,z,k,dfz,product
      f'(z) and f'(z)^k with mpmath at 60 digits, at the exact value of the double z, rounded to
      25 significant digits; values below the double range are written as they are (1e-434 ...).
  gradient_network.csv  case,layer,grad_rms,act_mean,act_std,dead_fraction
      The network view of core/gradient_flow.h on tiny networks, computed independently: the
      generator (splitmix64 + xoshiro256**, Box-Muller) and the initialisations are transcribed
      here, so the weights and inputs are the same doubles as actlab's; the forward and backward
      passes then run in mpmath at 60 digits on those exact values.

Run from the repository root (needs only python3-mpmath):

    /usr/bin/python3 tests/reference/make_gradient_reference.py
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_activation_reference as ref  # noqa: E402  (the activations in mpmath, mp.dps = 60)
from mpmath import mp, mpf  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
M = (1 << 64) - 1


def fn(name, param):
    for n, p, f in ref.ACTIVATIONS:
        if n == name and p == param:
            return f
    raise KeyError(name + " " + param)


# ---- chain view ------------------------------------------------------------------------------
CHAIN_CASES = [
    ("sigmoid", "", [0.0, 1.0, -2.0, 5.0, 10.0, 20.0]),
    ("tanh", "", [0.0, 0.5, 1.0, 3.0, 10.0]),
    ("relu", "", [1.0, -1.0]),
    ("leaky_relu", "0.01", [-1.0]),
    ("elu", "1", [-1.0]),
    ("gelu", "", [0.0, 1.0, -0.5, -3.0]),
    ("silu", "", [-2.0, 0.5]),
    ("selu", "", [1.0]),
    ("softplus", "1", [0.0, -4.0]),
    ("hardswish", "", [-2.5]),
    ("softsign", "", [2.0]),
    ("swish", "1.7", [-0.3]),
]
KS = [1, 2, 3, 5, 7, 10, 20, 30, 38, 39, 40, 50, 64, 71, 72, 73, 74, 75, 99, 100]


def write_chain():
    path = os.path.join(HERE, "gradient_chain.csv")
    rows = 0
    with open(path, "w", newline="\n") as fh:
        fh.write("id,param,z,k,dfz,product\n")
        for name, param, zs in CHAIN_CASES:
            f = fn(name, param)
            for z in zs:
                d = f(mpf(z))[1]
                for k in KS:
                    fh.write(f"{name},{param},{z!r},{k},{ref.fmt(d)},{ref.fmt(d ** k)}\n")
                    rows += 1
    print(f"wrote {path}: {rows} rows")


# ---- network view: actlab's generator and initialisations, transcribed ---------------------------
class Rng:
    def __init__(self, seed):
        x, self.s = seed & M, []
        for _ in range(4):
            x = (x + 0x9E3779B97F4A7C15) & M
            z = x
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
            self.s.append(z ^ (z >> 31))
        self.spare = None

    def next(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & M  # noqa: E731
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self, lo=0.0, hi=1.0):
        u = float(self.next() >> 11) * 2.0 ** -53
        return u if (lo, hi) == (0.0, 1.0) else lo + (hi - lo) * u

    def normal(self):
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        u1 = 1.0 - self.uniform()
        u2 = self.uniform()
        r = math.sqrt(-2.0 * math.log(u1))
        angle = 2.0 * math.pi * u2
        self.spare = r * math.sin(angle)
        return r * math.cos(angle)


def init_layer(kind, sigma, a, n_out, n_in, rng):
    std = {"xavier": math.sqrt(2.0 / (n_in + n_out)), "he": math.sqrt(2.0 / n_in),
           "lecun": math.sqrt(1.0 / n_in), "normal": sigma}.get(kind)
    w = [[0.0] * n_in for _ in range(n_out)]
    for j in range(n_in):
        for i in range(n_out):
            w[i][j] = rng.uniform(-a, a) if kind == "uniform" else std * rng.normal()
    return w


# (case, activation, param, init, sigma, a, bias, depth, width, batch, seed)
NETWORK_CASES = [
    ("sigmoid_xavier", "sigmoid", "", "xavier", 1.0, 1.0, 0.1, 4, 5, 3, 7),
    ("tanh_normal", "tanh", "", "normal", 0.8, 1.0, -0.2, 3, 6, 4, 11),
    ("relu_he_bias", "relu", "", "he", 1.0, 1.0, -0.1, 4, 6, 3, 8),
    ("leaky_uniform", "leaky_relu", "0.2", "uniform", 1.0, 0.9, 0.0, 3, 3, 5, 5),
    ("gelu_lecun", "gelu", "", "lecun", 1.0, 1.0, 0.25, 6, 7, 3, 2026),
]


def network(case):
    _, name, param, kind, sigma, a, bias, depth, width, batch, seed = case
    f = fn(name, param)
    rng = Rng(seed)
    x = [[0.0] * batch for _ in range(width)]
    for j in range(batch):
        for i in range(width):
            x[i][j] = rng.normal()
    act = [[mpf(v) for v in row] for row in x]
    weights, slopes, stats = [], [], []
    for _ in range(depth):
        w = init_layer(kind, sigma, a, width, width, rng)
        weights.append(w)
        z = [[mp.fsum(mpf(w[i][k]) * act[k][j] for k in range(width)) + mpf(bias) for j in range(batch)]
             for i in range(width)]
        fz = [[f(v) for v in row] for row in z]
        act = [[v[0] for v in row] for row in fz]
        slopes.append([[v[1] for v in row] for row in fz])
        flat = [v for row in act for v in row]
        mean = mp.fsum(flat) / len(flat)
        std = mp.sqrt(mp.fsum((v - mean) ** 2 for v in flat) / len(flat))
        dead = sum(1 for row in slopes[-1] if all(v == 0 for v in row)) / width
        stats.append([mpf(0), mean, std, mpf(dead)])
    g = [[0.0] * batch for _ in range(width)]
    for j in range(batch):
        for i in range(width):
            g[i][j] = rng.normal()
    g = [[mpf(v) for v in row] for row in g]
    for layer in reversed(range(depth)):
        delta = [[g[i][j] * slopes[layer][i][j] for j in range(batch)] for i in range(width)]
        flat = [v for row in delta for v in row]
        stats[layer][0] = mp.sqrt(mp.fsum(v * v for v in flat) / len(flat))
        w = weights[layer]
        g = [[mp.fsum(mpf(w[i][k]) * delta[i][j] for i in range(width)) for j in range(batch)]
             for k in range(width)]
    return stats


def write_network():
    path = os.path.join(HERE, "gradient_network.csv")
    with open(path, "w", newline="\n") as fh:
        fh.write("case,layer,grad_rms,act_mean,act_std,dead_fraction\n")
        for case in NETWORK_CASES:
            for layer, s in enumerate(network(case), start=1):
                fh.write(f"{case[0]},{layer}," + ",".join(ref.fmt(v) for v in s) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    write_chain()
    write_network()
