#!/usr/bin/python3
"""Reference for tests/core/test_mlp.cpp: a few full-batch training steps computed by PyTorch.

Each case is a small network 3 → 5 → 4 → out with one hidden activation, an output/loss pair, an
optimiser and a regulariser, started from weights given by a formula (so the C++ test can set the
same ones). The script records the mean data loss before each step and every parameter after the
last one, in actlab's layout (per layer W row by row, then b; then PReLU's α per layer that learns it).

The gated cases make some hidden layers gated: a layer of u units has 2u rows of W and b, the gates
above the values, and each unit is act(gate) · value (SwiGLU with SiLU, GeGLU with GELU, ...).

Run with Debian's python3-torch: /usr/bin/python3 tests/reference/make_training_reference.py
"""
import math

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
SAMPLES, INPUTS, HIDDEN, STEPS = 8, 3, (5, 4), 5

# (name, activation, output, optimiser, regularisation, rate, learning rate)
CASES = [
    ("tanh_mse_sgd", "tanh", "tanh", "sgd", "none", 0.0, 0.1),
    ("relu_bce_momentum", "relu", "sigmoid", "momentum", "l2", 0.01, 0.05),
    ("gelu_ce_adam", "gelu", "softmax", "adam", "l1", 0.003, 0.01),
    ("prelu_identity_sgd", "prelu", "identity", "sgd", "l2", 0.02, 0.05),
    ("elu_bce_adam", "elu", "sigmoid", "adam", "none", 0.0, 0.02),
    ("sigmoid_mse_momentum", "sigmoid", "tanh", "momentum", "l1", 0.01, 0.2),
    ("silu_ce_sgd", "silu", "softmax", "sgd", "none", 0.0, 0.3),
    ("swiglu_ce_adam", "silu", "softmax", "adam", "none", 0.0, 0.01),
    ("reglu_bce_sgd", "relu", "sigmoid", "sgd", "l2", 0.01, 0.1),
    ("geglu_identity_momentum", "gelu", "identity", "momentum", "l1", 0.005, 0.02),
    ("prelu_gated_mse_sgd", "prelu", "tanh", "sgd", "none", 0.0, 0.1),
    ("bilinear_then_tanh_bce_adam", "identity", "sigmoid", "adam", "none", 0.0, 0.02),
]

# Which hidden layers of a case are gated (the others: every layer plain).
GATED = {
    "swiglu_ce_adam": (True, True),
    "reglu_bce_sgd": (True, True),
    "geglu_identity_momentum": (True, False),
    "prelu_gated_mse_sgd": (False, True),
    "bilinear_then_tanh_bce_adam": (True, False),
}
# The activation of each hidden layer, where the layers differ.
ACTIVATIONS = {"bilinear_then_tanh_bce_adam": ("identity", "tanh")}


def data():
    x = torch.tensor([[2.0 * math.sin(1.3 * s + 0.7 * k) for k in range(INPUTS)] for s in range(SAMPLES)])
    return x


def targets(output):
    if output == "tanh":
        return torch.tensor([1.0 if s % 3 else -1.0 for s in range(SAMPLES)])
    if output == "sigmoid":
        return torch.tensor([1.0 if s % 3 else 0.0 for s in range(SAMPLES)])
    if output == "softmax":
        return torch.tensor([s % 3 for s in range(SAMPLES)])
    return torch.tensor([math.cos(0.9 * s) for s in range(SAMPLES)])


def initial_layers(outputs, gated):
    sizes = [INPUTS, *HIDDEN, outputs]
    layers = []
    for l in range(len(sizes) - 1):
        rows, cols = sizes[l + 1] * (2 if l < len(gated) and gated[l] else 1), sizes[l]
        w = torch.tensor([[0.5 * math.sin(1.0 + 0.37 * (i * cols + j) + l) for j in range(cols)] for i in range(rows)])
        b = torch.tensor([0.1 * math.cos(0.5 * i + l) for i in range(rows)])
        layers.append((w.requires_grad_(), b.requires_grad_()))
    return layers


def activate(name, z, alpha):
    if name == "prelu":
        return F.prelu(z, alpha)
    return {"tanh": torch.tanh, "relu": F.relu, "gelu": F.gelu, "elu": F.elu, "sigmoid": torch.sigmoid,
            "silu": F.silu, "identity": lambda v: v}[name](z)


def hidden_layer(name, gated, z, alpha):
    """A plain layer's act(z), or a gated one's act(gate) * value with z = [gate | value]."""
    if not gated:
        return activate(name, z, alpha)
    gate, value = z.chunk(2, dim=1)
    return activate(name, gate, alpha) * value


def data_loss(output, z, t):
    if output == "tanh":
        return 0.5 * ((torch.tanh(z[:, 0]) - t) ** 2).mean()
    if output == "sigmoid":
        return F.binary_cross_entropy_with_logits(z[:, 0], t)
    if output == "softmax":
        return F.cross_entropy(z, t)
    return 0.5 * ((z[:, 0] - t) ** 2).mean()


def run(case):
    name, act, output, optimiser, reg, rate, lr = case
    outputs = 3 if output == "softmax" else 1
    gated = GATED.get(name, (False,) * len(HIDDEN))
    acts = ACTIVATIONS.get(name, (act,) * len(HIDDEN))
    layers = initial_layers(outputs, gated)
    alphas = [torch.tensor([0.25], requires_grad=True) for a in acts if a == "prelu"]
    weights = [w for w, _ in layers]
    others = [b for _, b in layers] + alphas
    decay = rate if reg == "l2" else 0.0
    groups = [{"params": weights, "weight_decay": decay}, {"params": others, "weight_decay": 0.0}]
    if optimiser == "sgd":
        opt = torch.optim.SGD(groups, lr=lr)
    elif optimiser == "momentum":
        opt = torch.optim.SGD(groups, lr=lr, momentum=0.9)
    else:
        opt = torch.optim.Adam(groups, lr=lr, betas=(0.9, 0.999), eps=1e-8)
    x, t = data(), targets(output)
    rows = []
    for step in range(STEPS):
        opt.zero_grad()
        a = x
        for l, (w, b) in enumerate(layers):
            z = a @ w.T + b
            a = hidden_layer(acts[l], gated[l], z, alphas[l] if alphas else None) if l + 1 < len(layers) else z
        loss = data_loss(output, a, t)
        rows.append((name, "loss", step, loss.item()))
        total = loss + (rate * sum(w.abs().sum() for w in weights) if reg == "l1" else 0.0)
        total.backward()
        opt.step()
    flat = []
    for w, b in layers:
        flat += w.detach().reshape(-1).tolist() + b.detach().tolist()
    flat += [a.item() for a in alphas]
    rows += [(name, "param", i, v) for i, v in enumerate(flat)]
    return rows


def main():
    print("case,kind,index,value")
    for case in CASES:
        for name, kind, index, value in run(case):
            print(f"{name},{kind},{index},{value!r}")


if __name__ == "__main__":
    main()
