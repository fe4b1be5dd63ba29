"""LREs of statsmodels' OLS on the eleven NIST StRD linear datasets, for the table in docs/regression.md.

Run with Debian's python3 (which has statsmodels): /usr/bin/python3 nist_lre_statsmodels.py
Data and certified values come from the same files the C# tests read: nist-strd-linear.json, Filip.dat and the NIST
.dat files next to this script. statsmodels' OLS is fitted with its default method (pinv, i.e. SVD) and with
method="qr". LRE = -log10(|x - c| / |c|), or -log10|x - c| when c = 0, capped at 15 as in the C# tests and floored at 0 (no correct
digit); NaN when an estimate is not finite.
"""
import json
import math
import os
import re

import numpy as np
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]


def lre(x, c):
    if not math.isfinite(x):
        return float("nan")  # e.g. a negative variance from pinv/qr on Filip: reported as NaN
    d = abs(x - c)
    rel = d if c == 0 else d / abs(c)
    return 15.0 if rel == 0 else min(15.0, -math.log10(rel))


def read_dat(file):
    lines = open(os.path.join(HERE, file), newline="").read().replace("\r\n", "\n").split("\n")
    header = "\n".join(lines[:10])
    def span(what):
        m = re.search(what + r"\s+\(lines\s+(\d+)\s+to\s+(\d+)\)", header)
        return int(m.group(1)), int(m.group(2))
    a, b = span("Certified Values")
    beta, se, sd, r2 = [], [], None, None
    for line in lines[a - 1:b]:
        m = re.match(r"^\s*B\d+\s+(\S+)\s+(\S+)\s*$", line)
        if m:
            beta.append(float(m.group(1)))
            se.append(float(m.group(2)))
        m = re.match(r"^\s*Standard Deviation\s+(\S+)\s*$", line)
        if m:
            sd = float(m.group(1))
        m = re.match(r"^\s*R-Squared\s+(\S+)\s*$", line)
        if m:
            r2 = float(m.group(1))
    a, b = span("Data")
    rows = np.array([[float(v) for v in l.split()] for l in lines[a - 1:b]])
    return rows[:, 0], rows[:, 1], beta, se, sd, r2


def dataset(name, table):
    if name == "Filip":
        beta, se, y, x = [], [], [], []
        for line in open(os.path.join(HERE, "Filip.dat")):
            p = line.split()
            if not p or p[0].startswith("#"):
                continue
            if p[0] == "certified":
                beta.append(float(p[2])); se.append(float(p[3]))
            elif p[0] not in ("residual_sd", "r_squared"):
                y.append(float(p[0])); x.append(float(p[1]))
        x = np.array(x)
        return np.array(y), np.column_stack([np.ones_like(x)] + [x ** d for d in range(1, 11)]), beta, se
    s = table[name]
    if s["model"] == "nist-dat":
        y, x, beta, se, _, _ = read_dat(s["file"])
        if s["form"] == "polynomial":
            cols = [x ** d for d in range(1, s["degree"] + 1)]
        else:
            cols = [x]
        X = np.column_stack(([np.ones_like(x)] if s["intercept"] else []) + cols)
        return y, X, beta, se
    y = np.array(s["y"])
    if s["model"] == "polynomial":
        x = np.array(s["x"])
        X = np.column_stack([np.ones_like(x)] + [x ** d for d in range(1, s["degree"] + 1)])
    else:
        X = np.column_stack([np.ones(len(y)), np.array(s["X"])])
    return y, X, s["beta"], s["se"]


def main():
    table = json.load(open(os.path.join(HERE, "nist-strd-linear.json")))
    print(f"statsmodels {statsmodels.__version__}, numpy {np.__version__}")
    print("| dataset | pinv: coefficients | pinv: SEs | qr: coefficients | qr: SEs |")
    print("|---|---|---|---|---|")
    for name in NAMES:
        y, X, beta, se = dataset(name, table)
        cells = []
        for method in ("pinv", "qr"):
            fit = sm.OLS(y, X).fit(method=method)
            for est, cert in ((fit.params, beta), (fit.bse, se)):
                values = [lre(b, c) for b, c in zip(est, cert)]
                cells.append(float("nan") if any(math.isnan(v) for v in values) else min(values))
        print(f"| {name} | " + " | ".join("NaN" if math.isnan(v) else f"{max(v, 0.0):.1f}" for v in cells) + " |")


if __name__ == "__main__":
    main()
