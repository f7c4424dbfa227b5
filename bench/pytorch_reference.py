#!/usr/bin/python3
"""PyTorch's speed on the reference set-ups of ../shared/BENCHMARKS.md, measured on this machine in the
same sitting as bench_training, so the two can be compared as a ratio (the machines are noisy).

An idiomatic loop: float32 (PyTorch's default), one thread, a DataLoader-free shuffle and mini-batch SGD, as a student
would write it. Run with Debian's python3-torch: /usr/bin/python3 bench/pytorch_reference.py
"""
import math
import time

import torch

torch.set_num_threads(1)



def spiral(n):
    points, labels = [], []
    for label, delta in ((1.0, 0.0), (-1.0, math.pi)):
        for i in range(n // 2):
            r = i / (n // 2) * 5
            t = 1.75 * i / (n // 2) * 2 * math.pi + delta
            points.append((r * math.sin(t), r * math.cos(t)))
            labels.append(label)
    return torch.tensor(points), torch.tensor(labels)


def circle(n):
    g = torch.Generator().manual_seed(1)
    r = torch.cat([torch.rand(n // 2, generator=g) * 2.5, 3.5 + torch.rand(n // 2, generator=g) * 1.5])
    a = torch.rand(n, generator=g) * 2 * math.pi
    x = torch.stack([r * torch.sin(a), r * torch.cos(a)], 1)
    return x, torch.where(r < 2.5, 1.0, -1.0)


def network(widths, act):
    layers = []
    for i in range(len(widths) - 1):
        lin = torch.nn.Linear(widths[i], widths[i + 1])
        torch.nn.init.uniform_(lin.weight, -0.5, 0.5)
        torch.nn.init.constant_(lin.bias, 0.1)
        layers += [lin, act() if i + 2 < len(widths) else torch.nn.Tanh()]
    return torch.nn.Sequential(*layers)


class SwiGLU(torch.nn.Module):
    """u gated units: Linear(fan_in, 2u), the gates above the values, SiLU(gate) * value (actlab's layout)."""

    def __init__(self, fan_in, units):
        super().__init__()
        self.lin = torch.nn.Linear(fan_in, 2 * units)
        torch.nn.init.uniform_(self.lin.weight, -0.5, 0.5)
        torch.nn.init.constant_(self.lin.bias, 0.1)

    def forward(self, x):
        gate, value = self.lin(x).chunk(2, dim=1)
        return torch.nn.functional.silu(gate) * value


def gated_network(widths):
    layers = [SwiGLU(widths[i], widths[i + 1]) for i in range(len(widths) - 2)]
    out = torch.nn.Linear(widths[-2], widths[-1])
    torch.nn.init.uniform_(out.weight, -0.5, 0.5)
    torch.nn.init.constant_(out.bias, 0.1)
    return torch.nn.Sequential(*layers, out, torch.nn.Tanh())


def measure(name, x, t, net, lr, batch, seconds=3.0):
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    n = x.shape[0]
    samples, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        order = torch.randperm(n)
        for first in range(0, n, batch):
            idx = order[first:first + batch]
            opt.zero_grad()
            loss = 0.5 * ((net(x[idx]).squeeze(1) - t[idx]) ** 2).mean()
            loss.backward()
            opt.step()
        samples += n
    rate = samples / (time.perf_counter() - start)
    print(f"{name}: {rate / 1e6:.3f} M samples/s")


def main():
    x, t = circle(500)
    measure("(a)", x[:250], t[:250], network([2, 4, 2, 1], torch.nn.Tanh), 0.03, 10)
    x, t = spiral(250)
    measure("(b)", x, t, network([2, 8, 8, 8, 8, 1], torch.nn.ReLU), 0.01, 10)
    measure("(c)", x, t, network([2, 8, 8, 8, 8, 1], torch.nn.ReLU), 0.01, 250)
    measure("(g) SwiGLU", x, t, gated_network([2, 6, 6, 6, 6, 1]), 0.01, 10)
    net = network([2, 8, 8, 8, 8, 1], torch.nn.ReLU)
    g = torch.stack(torch.meshgrid(torch.linspace(-6, 6, 256), torch.linspace(-6, 6, 256), indexing="xy"), -1).reshape(-1, 2)
    with torch.no_grad():
        start, runs = time.perf_counter(), 0
        while time.perf_counter() - start < 2.0:
            net(g)
            runs += 1
    print(f"(b) 256x256 grid: {(time.perf_counter() - start) / runs * 1e3:.2f} ms")
    net = gated_network([2, 6, 6, 6, 6, 1])
    with torch.no_grad():
        start, runs = time.perf_counter(), 0
        while time.perf_counter() - start < 2.0:
            net(g)
            runs += 1
    print(f"(g) 256x256 grid: {(time.perf_counter() - start) / runs * 1e3:.2f} ms")
    warp("(a)", [2, 4, 2, 1], torch.nn.Tanh)
    warp("(b)", [2, 8, 8, 8, 8, 1], torch.nn.ReLU)
    warp("8 x 64", [2] + [64] * 8 + [1], torch.nn.ReLU)


def warp(name, widths, act, points=500, lines=13, samples=129):
    """What the playground's layers view computes for a new snapshot, in float64 as actlab does: the grid
    lines of the input frame and the data through every stage of every hidden layer, each stage's two
    principal components (torch.linalg.eigh of the training points' covariance) and the projection."""
    torch.manual_seed(1)
    net = network(widths, act).double()
    s = torch.linspace(-6.3, 6.3, samples, dtype=torch.float64)
    k = torch.linspace(-6.3, 6.3, lines, dtype=torch.float64)
    across = torch.stack([s.repeat(lines), k.repeat_interleave(samples)], 1)
    up = torch.stack([k.repeat_interleave(samples), s.repeat(lines)], 1)
    x = torch.cat([across, up, (torch.rand(points, 2, dtype=torch.float64) - 0.5) * 12])
    train = slice(x.shape[0] - points, x.shape[0] - points // 2)
    linears = [m for m in net if isinstance(m, torch.nn.Linear)][:-1]
    acts = [m for m in net if not isinstance(m, torch.nn.Linear)][:-1]

    def once():
        a = x
        out = []
        for lin, f in zip(linears, acts):
            lin_a = a @ lin.weight.T
            z = lin_a + lin.bias
            a = f(z)
            planes = []
            for v in (z, a):  # W·a shares the plane of W·a + b
                fit = v[train]
                c = fit - fit.mean(0)
                _, vecs = torch.linalg.eigh(c.T @ c / fit.shape[0])
                planes.append(vecs[:, -2:].flip(1))
            out += [lin_a @ planes[0], z @ planes[0], a @ planes[1]]
        return out

    with torch.no_grad():
        start, runs = time.perf_counter(), 0
        while time.perf_counter() - start < 2.0:
            once()
            runs += 1
    print(f"{name} layers view picture: {(time.perf_counter() - start) / runs * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
