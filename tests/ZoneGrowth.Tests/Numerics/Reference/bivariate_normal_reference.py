#!/usr/bin/python3
"""Reference values of the bivariate standard normal upper orthant P(X > h, Y > k) for correlation rho, to 30 digits.

Run with Debian's interpreter (python3-mpmath):

    /usr/bin/python3 bivariate_normal_reference.py

It writes bivariate_normal_reference.json beside this script (committed; the C# tests read it).

Method: mpmath at 50 significant digits, P(X > h, Y > k) = integral over x > h of phi(x) * Q((k - rho x) / sqrt(1 - rho^2))
(Q the upper normal tail, erfc-based), by mpmath's tanh-sinh quadrature; rho = +-1 in closed form. This is not the
library's method (Drezner-Wesolowsky-Genz Gauss-Legendre in the angle, or the asymptotic expansion above |rho| = 0.925).
"""
import json
import os

import mpmath

mpmath.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))


def upper(h, k, rho):
    h, k, rho = mpmath.mpf(h), mpmath.mpf(k), mpmath.mpf(rho)
    q = lambda z: mpmath.erfc(z / mpmath.sqrt(2)) / 2
    if rho == 1:
        return q(max(h, k))
    if rho == -1:
        return max(mpmath.mpf(0), q(h) - q(-k))
    s = mpmath.sqrt(1 - rho * rho)
    f = lambda x: mpmath.npdf(x) * q((k - rho * x) / s)
    return mpmath.quad(f, [h, h + 1, h + 4, mpmath.inf])


CASES = [
    (0, 0, 0), (0, 0, 0.5), (0, 0, -0.5), (1, 1, 0.3), (-1, 0.5, 0.2), (2, -1, -0.7), (0.3, 0.7, 0.8),
    (1.5, 1.2, 0.92), (1.5, 1.2, 0.93), (-0.4, -0.6, 0.95), (0.2, -0.3, 0.99), (-2, 2, 0.999), (3, 3, 0.6),
    (-3, -3, 0.6), (0.5, 0.5, -0.93), (1, -1, -0.97), (-0.5, 0.4, -0.999), (4, -4, 0.1), (-1.2, -0.8, 0.98),
    (2.5, 2.5, 0.99), (0, 1, 1), (1, 0, -1), (-1, 0.5, -1),
]


def main():
    out = {"generator": "bivariate_normal_reference.py", "mpmath": mpmath.__version__, "digits": 50,
           "cases": [{"h": h, "k": k, "rho": rho, "upper": mpmath.nstr(upper(h, k, rho), 30)} for h, k, rho in CASES]}
    with open(os.path.join(HERE, "bivariate_normal_reference.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1)
        handle.write("\n")
    print("wrote", len(CASES), "cases")


if __name__ == "__main__":
    main()
