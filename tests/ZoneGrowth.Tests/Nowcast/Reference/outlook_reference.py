#!/usr/bin/python3
"""Independent reference values for the target outlook (ZoneGrowth.Nowcast.TargetOutlook) on the shipped data.

Run with Debian's interpreter (numpy, scipy):

    /usr/bin/python3 outlook_reference.py

It writes outlook_reference.json beside this script; both are committed and the C# tests only read the JSON.

Everything is rebuilt here from data/hhz-indicators.csv with the csv module, by the rules written in docs/targets.md,
without any output of the C# library:

* the scales estimated from few points: the drift of ln(revenue / GDP) (sigma^2 = mean of change^2 / years apart over
  the years both are published on the original basis, nu = number of changes), the drift of the core added value's
  share of GDP (the same over the published shares), the gap between consecutive year-to-date real growth rates of one
  year (root mean square, nu = number of gaps);
* the prior of the zone's price growth p = ln(1 + deflator growth): Zhejiang's GDP deflator (nominal / real growth of
  two levels on one basis) in the bridged years 2024-2025, plus the mean excess of HHZ's deflator over Zhejiang's in
  the years both are known; Student t with scale sd(excess) * sqrt(1 + 1/n) and n - 1 degrees of freedom;
* the probability that revenue moves with the census revision: even prior odds, and the 2018 census-year step of
  ln(revenue / GDP) against the other steps (Student t), with the level revised with probability 1/2 and the revision
  uniform on [0, 0.15];
* the bridged log values of 2025 (target) and 2024 (the silent year) revenue on each basis, and the 2024 core added
  value on the revised basis (bounded by 2000 and 2298), each a constant plus error components with loadings.

The probabilities are integrated by a different method from the library's: randomized quasi-Monte Carlo (scrambled
Sobol points, several independent scrambles whose spread gives the error) over the four estimated scales, each mapped
through its chi-square quantile; given the scales the three quantities are jointly normal, the bound is integrated
with a 48-point Gauss-Legendre rule and the bivariate upper orthant is Owen's T function (scipy.special.owens_t).
"""
import csv
import json
import math
import os
import platform
import sys

import numpy as np
import scipy
from numpy.polynomial.legendre import leggauss
from scipy import stats
from scipy.special import owens_t

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "data", "hhz-indicators.csv"))

REPORTED, ESTIMATE, APPROXIMATE = 0.005, 0.02, 0.03
TARGET = 6000.0
SCRAMBLES = 8
POINTS = 2 ** 15


def rows():
    with open(DATA, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


ROWS = rows()


def find(zone, indicator, year, period="", status="reported", basis=""):
    matches = [r for r in ROWS if r["zone"] == zone and r["indicator"] == indicator and r["year"] == str(year)
               and r["period"] in ((period,) if period else ("", "year")) and r["status"] == status and r["basis"] == basis]
    if len(matches) != 1:
        raise SystemExit("expected one row for %s %s %s %s %s %s, found %d" % (zone, indicator, year, period, status, basis, len(matches)))
    value = float(matches[0]["value"])
    unit = matches[0]["unit"]
    if unit == "万亿元":
        value *= 10000.0
    elif unit not in ("亿元", "percent"):
        raise SystemExit("unexpected unit %s" % unit)
    growth = matches[0]["growth_pct"]
    return value, (float(growth) if growth else None)


# ---- the scales ---------------------------------------------------------------------------------------------------
rev18, g18 = find("HHZ", "digital_economy_revenue", 2018)
rev21, g21 = find("HHZ", "digital_economy_revenue", 2021)
revenue = {2017: rev18 / (1 + g18 / 100), 2018: rev18, 2020: rev21 / (1 + g21 / 100), 2021: rev21}
gdp = {y: find("HHZ", "gdp", y)[0] for y in (2016, 2017, 2018, 2020, 2021, 2022, 2023)}
ratio = [(y, math.log(revenue[y] / gdp[y])) for y in sorted(revenue)]
ratio_steps = [(b[0] - a[0], b[1] - a[1], b[0]) for a, b in zip(ratio, ratio[1:])]
ratio_var = np.mean([c * c / k for k, c, _ in ratio_steps])
scale = {"ratio": (math.sqrt(ratio_var), len(ratio_steps))}

share = [(2021, find("HHZ", "core_digital_added_value_share_of_gdp", 2021)[0]),
         (2022, find("HHZ", "core_digital_added_value_share_of_gdp", 2022, status="estimate")[0]),
         (2023, find("HHZ", "core_digital_added_value_share_of_gdp", 2023, status="approximate")[0])]
share_steps = [math.log(b[1] / a[1]) ** 2 / (b[0] - a[0]) for a, b in zip(share, share[1:])]
scale["share"] = (math.sqrt(np.mean(share_steps)), len(share_steps))

ytd = {2023: [(6, find("HHZ", "gdp", 2023, period="H1")[1]), (12, find("HHZ", "gdp_real_growth", 2023)[0])],
       2025: [(3, find("HHZ", "gdp_real_growth", 2025, period="Q1")[0]), (6, find("HHZ", "gdp_real_growth", 2025, period="H1")[0]),
              (9, find("HHZ", "gdp", 2025, period="Q1-Q3", basis="census5")[1])]}
gaps = [math.log((1 + b[1] / 100) / (1 + a[1] / 100)) for year in ytd.values() for a, b in zip(year, year[1:])]
scale["gap"] = (math.sqrt(np.mean(np.square(gaps))), len(gaps))

# ---- the price prior ----------------------------------------------------------------------------------------------
def deflator(zone, year, basis_before="", basis_after="", status_before="reported", growth_from_row=None):
    after, growth = find(zone, "gdp", year, basis=basis_after)
    before = find(zone, "gdp", year - 1, basis=basis_before, status=status_before)[0]
    if growth is None:
        growth = growth_from_row
    return math.log(after / before / (1 + growth / 100))


zone_defl = {2017: deflator("HHZ", 2017), 2021: deflator("HHZ", 2021), 2022: deflator("HHZ", 2022),
             2023: deflator("HHZ", 2023, growth_from_row=find("HHZ", "gdp_real_growth", 2023)[0])}
zj_defl = {2017: deflator("Zhejiang", 2017),
           2021: deflator("Zhejiang", 2021, status_before="approximate", growth_from_row=find("Zhejiang", "gdp_real_growth", 2021)[0]),
           2022: deflator("Zhejiang", 2022), 2023: deflator("Zhejiang", 2023),
           2024: deflator("Zhejiang", 2024, basis_before="census5", basis_after="census5"),
           2025: deflator("Zhejiang", 2025, basis_before="census5", basis_after="census5")}
excess = np.array([zone_defl[y] - zj_defl[y] for y in sorted(zone_defl)])
regional = np.mean([zj_defl[2024], zj_defl[2025]])
n = len(excess)
prior_mean = regional + excess.mean()
prior_scale = excess.std(ddof=1) * math.sqrt(1 + 1 / n)
prior_df = n - 1

# ---- whether revenue moves with the census revision ---------------------------------------------------------------
k18, d18, _ = [s for s in ratio_steps if s[2] == 2018][0]
others = [s for s in ratio_steps if s[2] != 2018]
sigma_loo = math.sqrt(np.mean([c * c / k for k, c, _ in others]))
t_scale = sigma_loo * math.sqrt(k18)
nu_loo = len(others)
f_drift = stats.t.pdf(d18 / t_scale, nu_loo) / t_scale
rho_max = 0.15
f_revised = (stats.t.cdf((d18 + rho_max) / t_scale, nu_loo) - stats.t.cdf(d18 / t_scale, nu_loo)) / rho_max
bayes = (0.5 * f_revised + 0.5 * f_drift) / f_drift
p_moves = 0.5 / (0.5 + 0.5 * bayes)

# ---- the bridged quantities ---------------------------------------------------------------------------------------
cav21 = find("HHZ", "core_digital_added_value", 2021)[0]
s23 = share[2][1] / 100
g24 = find("HHZ", "gdp", 2024, basis="census5")[1]
gdp24r = find("HHZ", "gdp", 2024, basis="census5")[0]
g25 = ytd[2025][-1][1]
lower = find("HHZ", "core_digital_added_value", 2024, status="lower-bound", basis="census5")[0]
upper = find("HHZ", "core_digital_added_value", 2024, status="upper-bound", basis="census5")[0]

# components: name -> (sd, group); group None is a known sd
COMP = {
    "rev21": (REPORTED, None), "cav21": (REPORTED, None),
    "d2022": (scale["ratio"][0], "ratio"), "d2023": (scale["ratio"][0], "ratio"), "d2024": (scale["ratio"][0], "ratio"), "d2025": (scale["ratio"][0], "ratio"),
    "s23": (APPROXIMATE, None), "e2024": (scale["share"][0], "share"), "e2025": (scale["share"][0], "share"),
    "gdp23": (REPORTED, None), "g24": (REPORTED, None), "g25": (REPORTED, None), "gap25": (scale["gap"][0], "gap"),
    "gdp24r": (REPORTED, None), "p": (prior_scale, "price"),
}
NAMES = list(COMP)
GROUPS = {"ratio": scale["ratio"][1], "share": scale["share"][1], "gap": scale["gap"][1], "price": prior_df}


def quantity(constant, price_years, loadings):
    vec = np.zeros(len(NAMES))
    for name, value in loadings.items():
        vec[NAMES.index(name)] = value
    return constant, price_years, vec


base = {"rev21": 1, "cav21": -1}
ln_k = math.log(rev21 / cav21)
ln_av_share = math.log(s23)


def quantities(revised):
    """(constant, price years, loadings) of X2025, X2024 and Y (2024 added value, revised basis)."""
    drift25 = {"d2022": 1, "d2023": 1, "d2024": 1, "d2025": 1}
    drift24 = {"d2022": 1, "d2023": 1, "d2024": 1}
    if revised:
        x25 = quantity(ln_k + ln_av_share + math.log(gdp24r) + math.log(1 + g25 / 100), 1,
                       {**base, **drift25, "s23": 1, "e2024": 1, "e2025": 1, "gdp24r": 1, "g25": 1, "gap25": 1})
        x24 = quantity(ln_k + ln_av_share + math.log(gdp24r), 0, {**base, **drift24, "s23": 1, "e2024": 1, "gdp24r": 1})
    else:
        x25 = quantity(ln_k + ln_av_share + math.log(gdp[2023]) + math.log(1 + g24 / 100) + math.log(1 + g25 / 100), 2,
                       {**base, **drift25, "s23": 1, "e2024": 1, "e2025": 1, "gdp23": 1, "g24": 1, "g25": 1, "gap25": 1})
        x24 = quantity(ln_k + ln_av_share + math.log(gdp[2023]) + math.log(1 + g24 / 100), 1,
                       {**base, **drift24, "s23": 1, "e2024": 1, "gdp23": 1, "g24": 1})
    y = quantity(ln_av_share + math.log(gdp24r), 0, {"s23": 1, "e2024": 1, "gdp24r": 1})
    return [x25, x24, y]


def phi2_upper(h, k, rho):
    """P(X > h, Y > k) for standard normals with correlation rho, by Owen's T function."""
    h = np.asarray(h, dtype=float)
    k = np.asarray(k, dtype=float)
    # P(X <= -h, Y <= -k) with the same correlation, by Owen (1956).
    x, y = -h, -k
    root = np.sqrt(1 - np.asarray(rho) ** 2)
    xs = np.where(np.abs(x) < 1e-12, 1e-12, x)
    ys = np.where(np.abs(y) < 1e-12, 1e-12, y)
    a1 = (ys - rho * xs) / (xs * root)
    a2 = (xs - rho * ys) / (ys * root)
    beta = np.where((xs * ys < 0) | ((xs * ys == 0) & (xs + ys < 0)), 0.5, 0.0)
    return 0.5 * stats.norm.cdf(xs) + 0.5 * stats.norm.cdf(ys) - owens_t(xs, a1) - owens_t(ys, a2) - beta


NODES, WEIGHTS = leggauss(48)
THRESHOLD = math.log(TARGET)


def probabilities(q, price, use_bounds=True):
    """The sums (D, N, DS, NS) for one basis, integrated over the scales by randomized QMC; price: None to integrate, or a fixed p."""
    groups = [g for g in GROUPS if price is None or g != "price"]
    estimates = []
    for scramble in range(SCRAMBLES):
        sobol = scipy.stats.qmc.Sobol(d=len(groups), scramble=True, seed=1000 + scramble)
        u = sobol.random(POINTS)
        u = np.clip(u, 1e-15, 1 - 1e-15)
        factor = {g: GROUPS[g] / stats.chi2.ppf(u[:, i], GROUPS[g]) for i, g in enumerate(groups)}
        sums = np.zeros(4)
        mean = np.array([c + py * (prior_mean if price is None else price) for c, py, _ in q])
        loads = np.array([vec for _, _, vec in q])
        if price is not None:
            loads[:, NAMES.index("p")] = 0.0
        else:
            loads[:, NAMES.index("p")] = [py for _, py, _ in q]
        sd = np.array([COMP[name][0] for name in NAMES])
        group_of = [COMP[name][1] for name in NAMES]
        # covariance per QMC point: known part + sum over groups of factor * part
        parts = {}
        known = np.zeros((3, 3))
        for j, name in enumerate(NAMES):
            outer = np.outer(loads[:, j], loads[:, j]) * sd[j] ** 2
            if group_of[j] is None:
                known += outer
            elif group_of[j] in factor:
                parts.setdefault(group_of[j], np.zeros((3, 3)))
                parts[group_of[j]] += outer
        cov = np.broadcast_to(known, (POINTS, 3, 3)).copy()
        for g, part in parts.items():
            cov += factor[g][:, None, None] * part
        sx, ss, sy = np.sqrt(cov[:, 0, 0]), np.sqrt(cov[:, 1, 1]), np.sqrt(cov[:, 2, 2])
        if use_bounds:
            zl = (math.log(lower) - mean[2]) / sy
            zh = (math.log(upper) - mean[2]) / sy
            total = np.zeros((POINTS, 4))
            for node, weight in zip(NODES, WEIGHTS):
                z = zl + (zh - zl) * (node + 1) / 2
                w = weight * (zh - zl) / 2 * stats.norm.pdf(z)
                y = mean[2] + z * sy
                mx = mean[0] + cov[:, 0, 2] * (y - mean[2]) / cov[:, 2, 2]
                ms = mean[1] + cov[:, 1, 2] * (y - mean[2]) / cov[:, 2, 2]
                vx = cov[:, 0, 0] - cov[:, 0, 2] ** 2 / cov[:, 2, 2]
                vs = cov[:, 1, 1] - cov[:, 1, 2] ** 2 / cov[:, 2, 2]
                cxs = cov[:, 0, 1] - cov[:, 0, 2] * cov[:, 1, 2] / cov[:, 2, 2]
                hx = (THRESHOLD - mx) / np.sqrt(vx)
                hs = (THRESHOLD - ms) / np.sqrt(vs)
                rho = cxs / np.sqrt(vx * vs)
                both = phi2_upper(hx, hs, rho)
                total += np.column_stack([w, w * stats.norm.sf(hx), w * stats.norm.sf(hs), w * both])
            sums = total.mean(axis=0)
        else:
            hx = (THRESHOLD - mean[0]) / sx
            hs = (THRESHOLD - mean[1]) / ss
            rho = cov[:, 0, 1] / (sx * ss)
            both = phi2_upper(hx, hs, rho)
            sums = np.array([1.0, stats.norm.sf(hx).mean(), stats.norm.sf(hs).mean(), both.mean()])
        estimates.append(sums)
    estimates = np.array(estimates)
    return estimates.mean(axis=0), estimates.std(axis=0, ddof=1) / math.sqrt(SCRAMBLES)


def combine(sums, weights, mention):
    num = sum(w * (s[1] - mention * s[3]) for s, w in zip(sums, weights))
    den = sum(w * (s[0] - mention * s[2]) for s, w in zip(sums, weights))
    return num / den


def case(price=None, weights=(1 - p_moves, p_moves), mention=0.5, use_bounds=True):
    results = [probabilities(quantities(revised), price, use_bounds) for revised in (False, True)]
    sums = [r[0] for r in results]
    # error of the ratio, from the scrambles' errors of its parts (first order, parts taken as independent)
    errors = [r[1] for r in results]
    value = combine(sums, weights, mention)
    num = sum(w * (s[1] - mention * s[3]) for s, w in zip(sums, weights))
    den = sum(w * (s[0] - mention * s[2]) for s, w in zip(sums, weights))
    var_num = sum((w ** 2) * (e[1] ** 2 + (mention * e[3]) ** 2) for e, w in zip(errors, weights))
    var_den = sum((w ** 2) * (e[0] ** 2 + (mention * e[2]) ** 2) for e, w in zip(errors, weights))
    error = abs(value) * math.sqrt(var_num / num ** 2 + var_den / den ** 2)
    return {"p": value, "qmc_error": error}


def main():
    revision_24 = gdp24r / (gdp[2023] * (1 + g24 / 100))  # times exp(-p)
    zj_rev = find("Zhejiang", "gdp", 2023, basis="census5")[0] / find("Zhejiang", "gdp", 2023)[0]
    p_province = math.log(revision_24 / zj_rev)
    out = {
        "generator": "outlook_reference.py",
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "method": "randomized QMC (%d scrambles of %d Sobol points) over the estimated scales; 48-point Gauss-Legendre over the bound; Owen's T for the bivariate orthant" % (SCRAMBLES, POINTS),
        "scales": {name: {"sd": sd, "df": df} for name, (sd, df) in scale.items()},
        "prior": {"zone_deflators": {str(y): v for y, v in zone_defl.items()}, "zhejiang_deflators": {str(y): v for y, v in zj_defl.items()},
                  "excess": list(map(float, excess)), "regional": float(regional), "mean": float(prior_mean), "scale": float(prior_scale), "df": prior_df},
        "revision_link": {"change_2018": d18, "sigma_other_steps": sigma_loo, "df": nu_loo, "bayes_factor": float(bayes), "p_moves": float(p_moves)},
        "revision_at_zero_prices": revision_24,
        "province_price_growth": p_province,
        "cases": {
            "headline": case(),
            "silence_not_weighed": case(mention=0.0),
            "silence_certain": case(mention=1.0),
            "revenue_original_basis": case(weights=(1.0, 0.0)),
            "revenue_revised_basis": case(weights=(0.0, 1.0)),
            "no_price_rise": case(price=0.0),
            "province_revision": case(price=p_province),
            "without_bounds": case(use_bounds=False),
        },
    }
    with open(os.path.join(HERE, "outlook_reference.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print("wrote outlook_reference.json with", sys.version.split()[0])
    for name, value in out["cases"].items():
        print(name, value)


if __name__ == "__main__":
    main()
