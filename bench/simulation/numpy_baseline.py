#!/usr/bin/env python3
"""NumPy baseline for SimulationBench: the same model as the Java engine, vectorized over trials.

10,000 trials x 50 years, 60/40 rebalanced yearly, circular block bootstrap (5-year blocks) of the
Shiller 1871-2010 returns, Guyton-Klinger 5 % (guardrail 0.20, adjustment 0.10), fees 0.2 %,
start-of-year withdrawals, real output, per-year percentiles. Prints one JSON line.

usage: numpy_baseline.py <shiller-annual.csv> [trials] [years] [repeats]
"""
import json
import sys
import time

import numpy as np


def load(path):
    d = np.genfromtxt(path, delimiter=",", names=True)
    p, div, rlong, cpi = d["P"], d["D"], d["RLONG"] / 100, d["CPI"]
    stocks = (p[1:] + div[:-1]) / p[:-1] - 1
    y0, y1 = rlong[:-1], rlong[1:]
    v = (1 + y1) ** -9
    bonds = y0 + (y0 * (1 - v) / y1 + v) - 1
    inflation = cpi[1:] / cpi[:-1] - 1
    return stocks, bonds, inflation


def simulate(stocks, bonds, inflation, trials, years, rng):
    blended = 0.6 * stocks + 0.4 * bonds
    n = len(blended)
    block = 5
    starts = rng.integers(0, n, size=(trials, -(-years // block)))
    idx = (starts[:, :, None] + np.arange(block)[None, None, :]).reshape(trials, -1)[:, :years] % n
    r = blended[idx]
    infl = inflation[idx]
    rate, up, down, adj, fee = 0.05, 0.05 * 1.2, 0.05 * 0.8, 0.10, 0.002
    p = np.full(trials, 1e6)
    cpi = np.ones(trials)
    prev_w = np.zeros(trials)
    prev_cpi = np.ones(trials)
    last_r = np.zeros(trials)
    alive = np.ones(trials, dtype=bool)
    values = np.empty((years + 1, trials))
    values[0] = 1e6
    for t in range(years):
        if t == 0:
            w = rate * 1e6 * cpi
        else:
            freeze = (last_r < 0) & (prev_w > rate * p)
            w = np.where(freeze, prev_w, prev_w * (cpi / prev_cpi))
            cut = (years - t > 15) & (w > up * p)
            w = np.where(cut, w * (1 - adj), np.where(w < down * p, w * (1 + adj), w))
        prev_w, prev_cpi = w, cpi
        p = p - w
        alive &= p >= 0
        p = np.where(alive, p, 0.0)
        p = p * (1 + r[:, t]) * (1 - fee)
        cpi = cpi * (1 + infl[:, t])
        last_r = r[:, t]
        values[t + 1] = np.where(alive, p / cpi, 0.0)
    pct = np.percentile(values, [5, 10, 25, 50, 75, 90, 95], axis=1, method="inverted_cdf")
    return alive.mean(), pct


def main():
    path = sys.argv[1]
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    stocks, bonds, inflation = load(path)
    rng = np.random.default_rng(42)
    simulate(stocks, bonds, inflation, trials, years, rng)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        success, pct = simulate(stocks, bonds, inflation, trials, years, rng)
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({
        "median_ms": float(np.median(times)),
        "min_ms": float(np.min(times)),
        "success": float(success),
        "p50_terminal": float(pct[3][-1]),
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
