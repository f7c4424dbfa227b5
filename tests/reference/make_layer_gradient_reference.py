#!/usr/bin/python3
"""Reference for tests/core/test_network_activity.cpp: each training point's own dloss/dz, layer by
layer, computed by PyTorch's backward pass.

Each case is a small network 2 -> hidden layers -> out on the features x1, x2, with one output/loss
pair, its weights given by a formula (so the C++ test can set the same ones), and a fixed set of points
given by a formula too. The loss is the SUM over the points of each point's own loss, as actlab defines
it (core/loss.h: tanh + mse is 1/2 (tanh z - t)^2, sigmoid + bce is log(1 + e^z) - t z, softmax + ce is
log sum e^z_k - z_t, identity + mse is 1/2 (z - t)^2), so z.grad of a point is that point's own
dloss/dz. The script writes, per case, layer (1 = the first hidden layer, the last is the output
layer) and point, the sum over the layer's units of z.grad squared; the C++ test adds up those of the
points a Training keeps for training and takes the RMS over points and units from them.

Run with Debian's python3-torch:
    /usr/bin/python3 tests/reference/make_layer_gradient_reference.py > tests/reference/layer_gradient.csv
"""
import math

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
POINTS = 20
PRELU_ALPHA = 0.2  # PReLU's alpha as if learned: not its starting 0.25

# (name, hidden layers as (units, activation), output)
CASES = [
    ("tanh_mse", [(5, "tanh"), (4, "tanh")], "tanh"),
    ("relu_bce", [(5, "relu"), (3, "relu")], "sigmoid"),
    ("sigmoid_ce", [(4, "sigmoid"), (4, "sigmoid"), (3, "sigmoid")], "softmax"),
    ("gelu_identity", [(6, "gelu")], "identity"),
    ("prelu_tanh_bce", [(5, "prelu"), (3, "tanh")], "sigmoid"),
]


def points():
    x1 = [3.0 * math.sin(1.3 * n + 0.4) for n in range(POINTS)]
    x2 = [3.0 * math.cos(0.7 * n + 1.1) for n in range(POINTS)]
    return torch.tensor([x1, x2]).T


def labels(output):
    """The dataset's labels: classes 0/1 (0/1/2 for softmax), or a regression target."""
    if output == "softmax":
        return [float(n % 3) for n in range(POINTS)]
    if output == "identity":
        return [math.cos(0.9 * n) for n in range(POINTS)]
    return [float(n % 2) for n in range(POINTS)]


def initial_layers(sizes):
    layers = []
    for l in range(len(sizes) - 1):
        rows, cols = sizes[l + 1], sizes[l]
        w = torch.tensor([[0.6 * math.sin(1.0 + 0.37 * (i * cols + j) + l) for j in range(cols)] for i in range(rows)])
        b = torch.tensor([0.2 * math.cos(0.5 * i + l) for i in range(rows)])
        layers.append((w.requires_grad_(), b.requires_grad_()))
    return layers


def activate(name, z):
    if name == "prelu":
        return F.prelu(z, torch.tensor([PRELU_ALPHA]))
    return {"tanh": torch.tanh, "relu": F.relu, "gelu": F.gelu, "sigmoid": torch.sigmoid}[name](z)


def summed_loss(output, z, label):
    if output == "tanh":  # classes 0/1 are trained towards -1/+1
        t = torch.tensor([1.0 if v > 0.5 else -1.0 for v in label])
        return 0.5 * ((torch.tanh(z[:, 0]) - t) ** 2).sum()
    if output == "sigmoid":
        return F.binary_cross_entropy_with_logits(z[:, 0], torch.tensor(label), reduction="sum")
    if output == "softmax":
        return F.cross_entropy(z, torch.tensor([int(v) for v in label]), reduction="sum")
    return 0.5 * ((z[:, 0] - torch.tensor(label)) ** 2).sum()


def run(case):
    name, hidden, output = case
    outputs = 3 if output == "softmax" else 1
    layers = initial_layers([2] + [units for units, _ in hidden] + [outputs])
    a = points()
    zs = []
    for l, (w, b) in enumerate(layers):
        z = a @ w.T + b
        z.retain_grad()
        zs.append(z)
        a = activate(hidden[l][1], z) if l < len(hidden) else z
    summed_loss(output, zs[-1], labels(output)).backward()
    rows = []
    for l, z in enumerate(zs):
        per_point = (z.grad ** 2).sum(dim=1)
        rows += [(name, l + 1, n, v) for n, v in enumerate(per_point.tolist())]
    return rows


def main():
    print("case,layer,point,sum_sq")
    for case in CASES:
        for name, layer, point, value in run(case):
            print(f"{name},{layer},{point},{value:.17g}")


if __name__ == "__main__":
    main()
