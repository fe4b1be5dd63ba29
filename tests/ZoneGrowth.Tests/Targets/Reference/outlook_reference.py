#!/usr/bin/python3
"""Independent reference values for the target outlook (ZoneGrowth.Targets' TargetOutlook on ZoneGrowth.Nowcast's
evidence model, docs/targets.md, section "The answer on all the evidence: the outlook"), to the CURRENT paragraph
"The probability." of that section:
the scales keep their priors (P = E_f[P_f], the rows weighing the hypotheses within each scale point only). The numbers
of the first specification (the rows' likelihood weighing the scale points too) are kept under "previous_spec".

Run with Debian's interpreter (python3-numpy, python3-scipy), preferably niced:

    nice /usr/bin/python3 outlook_reference.py            # writes outlook_reference.json beside this script
    nice /usr/bin/python3 outlook_reference.py --quick    # fewer points, no file written (a smoke test)

Everything is rebuilt here from data/hhz-indicators.csv, indicators.csv, relations.csv, silences.csv, zones.csv and
units.csv with the csv module, by the rules written in the specification, without any output or code of the C# library.

Method
------
* The scales: the drift of ln(revenue / GDP) in the years up to t0 in which both are known (2017 and 2020 implied by
  the published nominal growth of 2018 and 2021 revenue), sigma^2 = mean of change^2 / years apart, nu = number of
  changes; the gap between consecutive year-to-date and whole-year real GDP growth rates of one year (root mean square
  of the differences of ln(1 + rate), nu = number of differences).
* The price prior (ZonePricePrior) and the revision link (RevisionLink, the 2018 census-year Bayes factor) as in the
  previous reference script; the prior leaves out the zone's own deflators of the years p covers (after L).
* Given the scales (w, lambda, the gap's factor, the price prior's factor) the model is linear and Gaussian. It is
  written with explicit design matrices: unknowns theta = (y0, nominal growth of the years t0+1..L, real growth of the
  years L+1..T, p, c, r0, s0, the drifts dr_t and ds_t of both links for t0+1..T, one gap per year-to-date rate used
  for a whole year); rows y = A theta + e (every published figure the specification uses, log value, error sd);
  bounded quantities, the silent quantity S (ln revenue in the silent year) and the target quantity X (ln revenue in
  the target year) as linear forms G theta (+ the bound's own 0.5 % error for a bounded figure).
* Flat priors are treated EXACTLY (diffuse / REML-style): the random unknowns eta (drifts, gap, p) are integrated out
  in closed form, giving y ~ N(A_b beta + A_e m, V) with V = A_e diag(v) A_e' + R; the flat unknowns beta are
  integrated against Lebesgue measure, which gives
      log L = -1/2 [ log|V| + log|A_b' V^-1 A_b| + r' V^-1 r - beta_hat' M beta_hat ]  (+ a constant dropped),
  r = y - A_e m, M = A_b' V^-1 A_b, beta_hat = M^-1 A_b' V^-1 r. The constant is the same for every scale point and
  for both hypotheses on revenue's basis of one data set (same flat unknowns), so it cancels in P.
  The quantities given the rows are normal with the universal-kriging mean and covariance
      mean = G_b beta_hat + G_e m + C_qy V^-1 (r - A_b beta_hat),
      cov  = C_qq - C_qy V^-1 C_yq + K M^-1 K',  K = G_b - C_qy V^-1 A_b.
  All of it is batched over the scale points with numpy (Cholesky / solve per point).
* The scales are integrated by randomized quasi-Monte Carlo over their PRIORS: scipy.stats.qmc.Sobol, SCRAMBLES
  independent scrambles of POINTS points mapped through the priors, w = nu / chi2.ppf(u, nu) (and the same for the
  gap's and the prior's factors), lambda = u; every point weighs equally (no likelihood weighting across points). P is
  the plain average of P_f over all points of all scrambles; the error reported is the standard deviation of the
  scrambles' averages divided by sqrt(SCRAMBLES). Both hypotheses use the same points (same seeds and dimensions).
* Given the scales the probabilities P(bounds), P(X >= ln 6000, bounds), P(S >= ln 6000, bounds), P(X, S >= ln 6000,
  bounds) are rectangle probabilities of a normal vector of dimension up to 4. They are computed by Gauss-Legendre
  integration over the bounded quantities (sequential conditioning: the first bounded quantity over its interval,
  the second given the first over its own, each standardised; an infinite end cut at 7 sd) and, at each node, the
  normal tail for X or S and Owen's T function (scipy.special.owens_t) for the bivariate upper orthant of (X, S).
  The rule is checked against scipy.stats.multivariate_normal.cdf at sample points (section "checks" of the JSON).
* At each scale point f, with L_H = L(rows | f, H) and pi_H from the revision link,
      P_f = sum_H pi_H L_H (P(X, B) - m P(X, S, B))_H / sum_H pi_H L_H (P(B) - m P(S, B))_H,
  and P(met) = E_f[P_f], the expectation over the scales' priors. The posterior probability that revenue moves with
  the census revision is E_f[pi_moves L_moves (P(B) - m P(S, B))_moves / sum_H pi_H L_H (P(B) - m P(S, B))_H]. The
  likelihoods of one point are taken relative to the larger of the two (the diffuse constant is common to both
  hypotheses), so nothing under- or overflows. Every case is E_f of its own P_f: p fixed at 0 and c fixed at the
  province's revision drop that unknown (the price prior's factor then has no role); lambda fixed at 0.97 or 0.03
  averages over the other scales only; m = 0 or 1 changes m; "without the bounds" drops them; for "each hypothesis
  alone" P_f is that hypothesis's own ratio (P(X, B) - m P(X, S, B)) / (P(B) - m P(S, B)), its likelihood cancelling.
* A point where P_f's denominator is 0 (no hypothesis leaves the evidence possible: P(B) - m P(S, B) = 0 in floating
  point under every hypothesis with prior weight > 0) has no P_f and is LEFT OUT of the average (E_f is then the
  average over the other points). The JSON's "points_left_out" counts them for every result; on the shipped data and
  the scenarios there are none (P(B) is at least about 0.08 at every point of the shipped data).
* "previous_spec" in the JSON: the same points and probabilities combined by the first specification,
  P = sum_H pi_H E_f[L (P(X, B) - m P(X, S, B))] / sum_H pi_H E_f[L (P(B) - m P(S, B))] (pooled sums over the points,
  the likelihood weighing the scales as well as the hypotheses), for comparison only.
* Checks (the JSON's "checks"): the kriging formulas against a dense precision computation; the rectangle rule against
  a finer rule and scipy's multivariate normal cdf; Owen's T orthant against scipy; and P_f at eight single scale points
  against a plain Monte Carlo of the model given the scales (a hypothesis per path with probability proportional to
  pi_H L_H, the quantities drawn from their posterior, the bounds by rejection, the silence as weights 1 - m).

Choices made where the specification is silent or ambiguous (each listed in the report that came with this script)
-------------------------------------------------------------------------------------------------------------------
1. A growth rate's error "0.5 point" is taken as sd 0.005 on ln(1 + rate) (not 0.005 / (1 + rate)); the row's value is
   ln(1 + rate / 100).
2. c has a flat prior when the zone has a level (GDP or core added value, whole year, not a bound) on the first-published
   basis and one on a revised basis, in any years (on the shipped data 2016-2023 and 2024); it is not required that
   one year has both. So on the shipped data c and p are separated only by p's prior (and the bounds and silence).
3. The 2024 added value's two bounds (2000 from the district's review, 2298 inferred from Yuhang's ranking) are two
   censorings of ONE quantity with ONE 0.5 % error (form + e inside [ln 2000, ln 2298]), not two independent errors.
4. The silence covers ln revenue in its through_year (2024) only, not every year up to it; X and S under the
   hypothesis "moves" both carry c (revenue from the census year 2023 on).
5. Revenue's 2021 published growth (18.1 %) and the 2021 added value's growth (16 %) are growth into t0: not rows
   (the former is used by the drift's scale). GDP's real growth of a year up to L (2022: 1.8 %, 2023: 8.0 %) has levels
   at both ends: not a row, in the price prior only. GDP's real growth of 2024 (published with the revised 2024 level)
   is a row pinning the real growth of 2024, even in the scenario that adds a revised 2023 level (levels at both ends
   on the revised basis): there it stays a row and the two revised levels measure p in the model (the spec's rule
   "only measures prices" is read as applying to years up to L, where nominal growth is free).
6. The gap's scale uses every pair of consecutive rates of one year in the data (2023 H1 -> year, 2025 Q1 -> H1 ->
   Q1-Q3: three differences), including the 2025 rates whose last one is a row (as the previous script did).
7. A reported level replaces an estimate or approximate one of the same indicator, year, period and basis; a bound is
   "on a figure also published" when a non-bound level of the same indicator, year, period and basis exists.
8. In the scenario with a 2024 revenue figure the silence (through 2024) is dropped (m = 0), as the spec says.
9. The fixed-lambda cases use lambda = 0.97 (drift on revenue / added value) and 0.03 (on the share), as briefed, and
   0.5 (split evenly).
10. The price prior's regional part is the MEAN of the province's deflators of 2024 and 2025 (each on one basis at both
    ends: census5 -> census5), as the previous script did; the province's 2021 deflator uses its rounded 2020 level
    ("6.5万亿", status approximate), so that 2021 is one of the four excess years the spec lists.
11. The 2022 share (75, status estimate, its note saying 预计 and 左右) takes the status column's 2 %; the 2022 added value
    (1700) and that share come from one sentence but have independent errors.
12. The drift's scale uses all three changes of ln(revenue / GDP), including 2017 -> 2018, which the revision link
    explains half as a census revision of 2018's GDP (the spec's rule; a possible double use, not corrected).
13. A bounded figure's 0.5 % error is added to its quantity's variance; X and S (unpublished) carry no own error.

Effects of the two readings that matter or might (the JSON's "alternative_readings", same QMC as the results):
choice 2 read as "c is flat only when one year has levels on both bases" gives c the province's prior N(0.0365,
0.0365^2) on the shipped data and moves the headline from about 0.829 to about 0.890 (first specification: 0.837 to
0.898); choice 1 read as sd 0.005 / (1 + rate) moves it by about 1e-5. Choice 3 read as two independent errors moved
it by about 1e-5 in a separate trial under the first specification (not in the JSON).

Under the current specification E_lambda[P_f] is not monotone in lambda (a separate trial, 2 x 1024 points per value):
about 0.854 at lambda = 0.001, 0.851 at 0.03, 0.818 at 0.5, 0.816 at 0.65 (the lowest), 0.852 at 0.97 and 0.872 at
0.999. So both fixed-lambda cases (0.852 and 0.851) lie ABOVE the headline (0.829): they are not the two ends of a
range around it. Under the first specification the curve fell from 0.880 to 0.786 (lambda = 0.97) and rose again to
0.856 at 0.999.
"""
import csv
import io
import json
import math
import os
import platform
import sys
import time
from decimal import Decimal

import numpy as np
import scipy
from numpy.polynomial.legendre import leggauss
from scipy import stats
from scipy.special import ndtr, owens_t

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "data"))

ZONE = "HHZ"
TARGET_INDICATOR = "digital_economy_revenue"
VALUE_STATUSES = ("reported", "estimate", "approximate")
BOUND_STATUSES = ("lower-bound", "upper-bound")
SD_LEVEL = {"reported": 0.005, "estimate": 0.02, "approximate": 0.03}
SD_GROWTH = {"reported": 0.005, "estimate": 0.01, "approximate": 0.01}
SD_BOUND = 0.005
SD_AV_PRICES = 0.02          # added value's prices against GDP's, for a real growth rate of added value
CENSUS_YEAR = {"census4": 2018, "census5": 2023}
RHO_MAX = 0.15               # the revision link: revision uniform on [0, 0.15] (log), probability 1/2 that 2018 is revised
ZMAX = 7.0                   # an infinite end of a bound, in standard deviations
N1, N2 = 16, 20              # Gauss-Legendre nodes: first and second bounded quantity
QUICK = "--quick" in sys.argv
SCRAMBLES = 8
POINTS = 2 ** 10 if QUICK else 2 ** 14
CHUNK = 2 ** 12


def finite_or_none(x):
    """A bound for the JSON: an infinite end (no bound on that side) is written null, as strict JSON has no Infinity."""
    return None if math.isinf(x) else x


# ==== reading the data ============================================================================================

def read_text(name):
    with open(os.path.join(DATA_DIR, name), encoding="utf-8-sig", newline="") as handle:
        return handle.read()


def dict_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


UNITS = {}
for u in dict_rows(read_text("units.csv")):
    factor = Decimal(u["factor_to_base"])
    for alias in [u["code"], u["name_en"]] + [a.strip() for a in u["aliases"].split(";") if a.strip()]:
        UNITS[alias] = factor
CATALOG = {r["indicator"]: r for r in dict_rows(read_text("indicators.csv"))}
RELATIONS = dict_rows(read_text("relations.csv"))
ZONES = {r["zone"]: r for r in dict_rows(read_text("zones.csv"))}
SILENCES = dict_rows(read_text("silences.csv"))

MONTHS = {"": 12, "year": 12, "Q1": 3, "H1": 6, "Q1-Q3": 9}


def months(period):
    if period in MONTHS:
        return MONTHS[period]
    if period.startswith("M1-M"):
        return int(period[4:])
    raise SystemExit("unknown period %r" % period)


def date_key(published):
    return tuple(int(x) for x in published.split("-")) if published else ()


class Row:
    def __init__(self, raw, line):
        self.line = line
        self.zone = raw["zone"]
        self.indicator = raw["indicator"]
        self.year = int(raw["year"])
        self.period = "" if raw["period"] in ("", "year") else raw["period"]
        unit = UNITS[raw["unit"]]
        self.value = float(Decimal(raw["value"]) * unit / UNITS[CATALOG[self.indicator]["unit"]])
        self.status = raw["status"]
        self.growth = float(raw["growth_pct"]) if raw["growth_pct"] else None
        self.basis = raw["basis"]
        self.published = raw["published"]
        self.text = ",".join([raw["zone"], raw["indicator"], raw["year"], raw["period"], raw["value"], raw["unit"], raw["status"],
                              raw["growth_pct"], raw["basis"], raw["published"]])

    def key(self):
        return (self.zone, self.indicator, self.year, self.period, self.basis)

    def label(self):
        return "line %d: %s %s %d%s %s %s%s%s" % (self.line, self.zone, self.indicator, self.year, " " + self.period if self.period else "",
                                                 self.value, self.status, " basis " + self.basis if self.basis else "",
                                                 " growth %s %%" % self.growth if self.growth is not None else "")


def parse(text):
    return [Row(raw, i + 2) for i, raw in enumerate(dict_rows(text))]


def pick(rows):
    """The figure among rows of one key: reported over estimate / approximate, then the latest release."""
    order = {"reported": 0, "estimate": 1, "approximate": 2}
    return sorted(rows, key=lambda r: (order.get(r.status, 9), tuple(-x for x in date_key(r.published))))[0]


def levels(rows, zone, indicator, basis=None, statuses=VALUE_STATUSES):
    """Whole-year levels: year -> value (basis None: keyed by (year, basis))."""
    groups = {}
    for r in rows:
        if r.zone == zone and r.indicator == indicator and r.period == "" and r.status in statuses and (basis is None or r.basis == basis):
            groups.setdefault((r.year, r.basis), []).append(r)
    chosen = {k: pick(v) for k, v in groups.items()}
    if basis is None:
        return chosen
    return {y: r for (y, _), r in chosen.items()}


def real_growth_rates(rows, zone):
    """year -> {months: row}: real GDP growth rates (published with a level or alone), whole-year and year to date."""
    out = {}
    for r in rows:
        if r.zone != zone or r.status not in VALUE_STATUSES:
            continue
        if r.indicator == "gdp" and r.growth is not None:
            g = r.growth
        elif r.indicator == CATALOG["gdp"]["growth_indicator"]:
            g = r.value
        else:
            continue
        m = months(r.period)
        slot = out.setdefault(r.year, {})
        if m not in slot or (slot[m][1].status != "reported" and r.status == "reported"):
            slot[m] = (g, r)
    return out


# ==== the chain ===================================================================================================
def chain():
    links = {r["indicator"]: r for r in RELATIONS}
    ratio = links[TARGET_INDICATOR]
    assert ratio["relation"] == "ratio"
    added_value = ratio["to"]
    share = links[added_value]
    assert share["relation"] == "share"
    return {"revenue": TARGET_INDICATOR, "added_value": added_value, "gdp": share["to"], "share": share["share_indicator"]}


CHAIN = chain()


def province_of(zone):
    z = zone
    while ZONES[z]["parent"]:
        z = ZONES[z]["parent"]
        if ZONES[z]["kind"] == "province":
            return z
    raise SystemExit("no province above %s" % zone)


PROVINCE = province_of(ZONE)


# ==== the scales, the price prior, the revision link ==============================================================
def model_years(rows):
    rev = levels(rows, ZONE, CHAIN["revenue"], basis="", statuses=("reported",))
    av = levels(rows, ZONE, CHAIN["added_value"], basis="", statuses=("reported",))
    last_rev = max(rev)
    t0 = max(y for y in rev if y in av and y <= last_rev)
    target = [r for r in rows if r.zone == ZONE and r.indicator == TARGET_INDICATOR and r.status == "target" and r.year > t0]
    target_year = max(r.year for r in target)
    target_value = [r.value for r in target if r.year == target_year][0]
    related = {CHAIN["revenue"], CHAIN["added_value"], CHAIN["gdp"], CHAIN["share"], CATALOG[CHAIN["gdp"]]["growth_indicator"],
               CATALOG[CHAIN["added_value"]]["growth_indicator"]}
    last = max([target_year] + [r.year for r in rows if r.zone == ZONE and r.indicator in related and r.status != "target"])
    gdp_first = levels(rows, ZONE, CHAIN["gdp"], basis="")
    L = max(y for y in gdp_first if y >= t0)
    return t0, L, last, target_value, related


def drift_scale(rows, t0):
    rev_rows = levels(rows, ZONE, CHAIN["revenue"], basis="", statuses=("reported",))
    rev = {y: r.value for y, r in rev_rows.items() if y <= t0}
    for y, r in rev_rows.items():
        if y <= t0 and r.growth is not None and (y - 1) not in rev:
            rev[y - 1] = r.value / (1 + r.growth / 100)      # implied by the published nominal growth
    gdp = {y: r.value for y, r in levels(rows, ZONE, CHAIN["gdp"], basis="", statuses=("reported",)).items()}
    years = sorted(y for y in rev if y in gdp)
    ln_ratio = {y: math.log(rev[y] / gdp[y]) for y in years}
    steps = [(b - a, ln_ratio[b] - ln_ratio[a], b) for a, b in zip(years, years[1:])]
    var = float(np.mean([d * d / k for k, d, _ in steps]))
    return {"sd": math.sqrt(var), "nu": len(steps), "ln_revenue_over_gdp": {str(y): v for y, v in ln_ratio.items()},
            "revenue": {str(y): rev[y] for y in years}, "steps": steps}


def gap_scale(rows):
    rates = real_growth_rates(rows, ZONE)
    gaps = []
    for year in sorted(rates):
        seq = [rates[year][m][0] for m in sorted(rates[year])]
        gaps += [(year, math.log((1 + b / 100) / (1 + a / 100))) for a, b in zip(seq, seq[1:])]
    return {"sd": math.sqrt(float(np.mean([g * g for _, g in gaps]))), "nu": len(gaps), "gaps": gaps}


def deflators(rows, zone, basis_filter):
    """year -> ln(nominal growth / real growth) from two whole-year levels on one basis and the year's real growth."""
    lv = levels(rows, zone, "gdp")
    rates = real_growth_rates(rows, zone)
    out = {}
    for (year, basis), r in lv.items():
        if not basis_filter(basis) or (year - 1, basis) not in lv or year not in rates or 12 not in rates[year]:
            continue
        out.setdefault(year, {})[basis] = math.log(r.value / lv[(year - 1, basis)].value / (1 + rates[year][12][0] / 100))
    return out


def price_prior(rows, L, T):
    zone_first = {y: d[""] for y, d in deflators(rows, ZONE, lambda b: b == "").items()}
    prov_first = {y: d[""] for y, d in deflators(rows, PROVINCE, lambda b: b == "").items()}
    prov_any = deflators(rows, PROVINCE, lambda b: True)
    years = sorted(y for y in zone_first if y in prov_first and y <= L)    # the zone's deflators after L are left to the model
    excess = np.array([zone_first[y] - prov_first[y] for y in years])
    covered = list(range(L + 1, T + 1))
    regional_each = {}
    for y in covered:
        d = prov_any[y]
        revised = sorted(b for b in d if b)
        regional_each[y] = d[revised[-1]] if revised else d[""]
    regional = float(np.mean([regional_each[y] for y in covered]))
    n = len(excess)
    return {"mean": regional + float(excess.mean()), "scale": float(excess.std(ddof=1)) * math.sqrt(1 + 1 / n), "df": n - 1,
            "excess_years": years, "zone_deflators": {str(y): zone_first[y] for y in years},
            "province_deflators": {str(y): prov_first[y] for y in years}, "excess": [float(e) for e in excess],
            "province_deflators_covered": {str(y): v for y, v in regional_each.items()}, "regional": regional}


def revision_link(drift):
    steps = drift["steps"]
    census = [y for y in CENSUS_YEAR.values() if y < CENSUS_YEAR["census5"]]
    k, d, _ = [s for s in steps if s[2] in census][0]
    others = [s for s in steps if s[2] not in census]
    sigma = math.sqrt(float(np.mean([c * c / kk for kk, c, _ in others])))
    scale = sigma * math.sqrt(k)
    nu = len(others)
    f_drift = stats.t.pdf(d / scale, nu) / scale
    f_revised = (stats.t.cdf((d + RHO_MAX) / scale, nu) - stats.t.cdf(d / scale, nu)) / RHO_MAX
    bayes = (0.5 * f_revised + 0.5 * f_drift) / f_drift
    return {"census_year_change": d, "sigma_other_steps": sigma, "df": nu, "bayes_factor_stays": float(bayes),
            "p_moves": float(1 / (1 + bayes))}


# ==== the model ===================================================================================================
class Spec:
    """The linear Gaussian model of one data set: unknowns, rows and quantities under each hypothesis on revenue's basis."""

    def __init__(self, rows, prior, drift, gap, fixed=None, use_bounds=True, growth_sd_relative=False, c_prior="flat-if-both-bases"):
        self.growth_sd = (lambda status, g: SD_GROWTH[status] / (1 + g / 100)) if growth_sd_relative else (lambda status, g: SD_GROWTH[status])
        self.fixed = dict(fixed or {})
        t0, L, T, target_value, related = model_years(rows)
        self.t0, self.L, self.T = t0, L, T
        self.threshold = math.log(target_value)
        self.census_year = CENSUS_YEAR["census5"]
        years = list(range(t0 + 1, T + 1))
        self.years = years
        names = ["y0"] + ["g%d" % y for y in years if y <= L] + ["real%d" % y for y in years if y > L] + ["p", "c", "r0", "s0"]
        names += ["dr%d" % y for y in years] + ["ds%d" % y for y in years]
        self.evidence = []
        rows_by_key = {}
        for r in rows:
            if r.zone != ZONE or r.indicator not in related:
                continue
            if r.status == "target":
                self.note(r, "a target: never evidence")
                continue
            if r.year < t0 or r.year > T:
                self.note(r, "before the model's first year t0 = %d (the scales and the price prior use what they need)" % t0)
                continue
            rows_by_key.setdefault(r.key(), []).append(r)
        # ---- growth rates of GDP (real) ----
        self.rows = {"stays": [], "moves": []}
        self.gaps = []
        rates = real_growth_rates([r for v in rows_by_key.values() for r in v], ZONE)
        for year in sorted(rates):
            slot = rates[year]
            ms = sorted(slot)
            if year <= t0:
                for m in ms:
                    self.note(slot[m][1], "real growth into t0: before the model", growth=True)
                continue
            if year <= L:
                for m in ms:
                    self.note(slot[m][1], "real GDP growth of a year with GDP levels at both ends: measures prices only (price prior)"
                              if m == 12 else "year to date: superseded by the whole-year rate (enters the gap's scale)", growth=True)
                continue
            if 12 in ms:
                g, r = slot[12]
                self.add_row({"real%d" % year: 1}, math.log(1 + g / 100), self.growth_sd(r.status, g), r, "real growth %d" % year)
                for m in ms[:-1]:
                    self.note(slot[m][1], "year to date: superseded by the whole-year rate (enters the gap's scale)", growth=True)
            else:
                g, r = slot[ms[-1]]
                names.append("gap%d" % year)
                self.gaps.append("gap%d" % year)
                self.add_row({"real%d" % year: 1, "gap%d" % year: 1}, math.log(1 + g / 100), self.growth_sd(r.status, g), r,
                             "real growth %d (%s, with the gap)" % (year, r.period))
                for m in ms[:-1]:
                    self.note(slot[m][1], "year to date: superseded by the later period (enters the gap's scale)", growth=True)
            # a year after L with no rate would need the forecast prior: not in the data used here
        for year in years:
            if year > L and year not in rates:
                raise SystemExit("a year after L without real growth (forecast prior) is not implemented")
        self.names = names
        # ---- levels, shares, bounds, other growth rates ----
        self.bounds = {}
        for key, group in sorted(rows_by_key.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][3], kv[0][4])):
            _, ind, year, period, basis = key
            values = [r for r in group if r.status in VALUE_STATUSES]
            bounds = [r for r in group if r.status in BOUND_STATUSES]
            chosen = pick(values) if values else None
            for r in values:
                if r is not chosen:
                    self.note(r, "replaced by line %d (a reported figure or a later release)" % chosen.line)
            if ind == CATALOG[CHAIN["gdp"]]["growth_indicator"]:
                continue                                     # handled above
            if ind == CATALOG[CHAIN["added_value"]]["growth_indicator"]:
                for r in values:
                    if r is chosen:
                        self.added_value_growth(r, year, r.value)
                continue
            if chosen is not None:
                if period:
                    if any(r.zone == ZONE and r.indicator == ind and r.year == year - 1 and r.period == period and r.status in VALUE_STATUSES
                           for r in rows):
                        raise SystemExit("a year-to-date level with the same period a year earlier: not implemented")
                    self.note(chosen, "a year-to-date level without the same period a year earlier")
                elif ind == CHAIN["share"]:
                    self.add_row(self.share_form(year), math.log(chosen.value / 100), SD_LEVEL[chosen.status], chosen, "share %d" % year)
                else:
                    if ind == TARGET_INDICATOR and year == T and chosen.status == "reported":
                        raise SystemExit("the target year's own figure settles it: not needed here")
                    for H in ("stays", "moves"):
                        self.rows[H].append((self.level_form(ind, year, basis, H), math.log(chosen.value), SD_LEVEL[chosen.status],
                                             chosen.label(), "%s %d%s" % (ind, year, " (" + basis + ")" if basis else "")))
                    self.evidence.append({"row": chosen.label(), "use": "row: level, sd %g" % SD_LEVEL[chosen.status]})
                    if chosen.growth is not None and ind != CHAIN["gdp"]:
                        if year <= t0:
                            self.note(chosen, "its growth rate is growth into t0: before the model (level used)", growth=True)
                        elif ind == CHAIN["added_value"]:
                            self.added_value_growth(chosen, year, chosen.growth)
                        elif ind == CHAIN["revenue"]:
                            for H in ("stays", "moves"):
                                form = self.combine(self.level_form(ind, year, basis, H), self.level_form(ind, year - 1, basis, H), -1)
                                self.rows[H].append((form, math.log(1 + chosen.growth / 100), self.growth_sd(chosen.status, chosen.growth),
                                                     chosen.label(), "revenue growth %d" % year))
            for r in bounds:
                if chosen is not None:
                    self.note(r, "a bound on a figure also published (line %d): not used" % chosen.line)
                    continue
                if not use_bounds:
                    self.note(r, "bound ignored (case without bounds)")
                    continue
                if ind == TARGET_INDICATOR and year == T:
                    raise SystemExit("a bound of the target year: settles or is a row; not needed here")
                if period:
                    self.note(r, "a year-to-date bound: not used")
                    continue
                if ind == TARGET_INDICATOR:
                    raise SystemExit("a bound on revenue before the target year: not implemented")
                b = self.bounds.setdefault(key, {"form": self.level_form(ind, year, basis, "stays"), "lo": -math.inf, "hi": math.inf,
                                                 "label": "%s %d%s" % (ind, year, " (" + basis + ")" if basis else ""), "lines": []})
                if r.status == "lower-bound":
                    b["lo"] = max(b["lo"], math.log(r.value))
                else:
                    b["hi"] = min(b["hi"], math.log(r.value))
                b["lines"].append(r.line)
                self.evidence.append({"row": r.label(), "use": "bound (censored, with the 0.5 % error)"})
        # ---- c's prior: flat when the zone has levels on both bases ----
        lv = [r for r in rows if r.zone == ZONE and r.indicator in (CHAIN["gdp"], CHAIN["added_value"]) and r.period == ""
              and r.status in VALUE_STATUSES]
        if c_prior == "flat-if-both-bases":
            self.c_flat = any(r.basis == "" for r in lv) and any(r.basis for r in lv)
        elif c_prior == "flat-if-one-year-on-both-bases":     # the alternative reading (not the one used for the results)
            self.c_flat = any(a.basis == "" and b.basis and a.year == b.year for a in lv for b in lv)
        else:
            raise SystemExit("unknown c_prior %s" % c_prior)
        prov = levels(rows, PROVINCE, "gdp")
        self.c_province = math.log(prov[(self.census_year, "census5")].value / prov[(self.census_year, "")].value)
        # ---- silence ----
        self.mention = 0.0
        self.silent_year = None
        for s in SILENCES:
            if s["zone"] == ZONE and s["indicator"] == TARGET_INDICATOR:
                year = int(s["through_year"])
                figures = [r for r in rows if r.zone == ZONE and r.indicator == TARGET_INDICATOR and r.year == year and r.status != "target"]
                if figures:
                    self.silence_note = "dropped: the silent year %d has a figure (line %d)" % (year, figures[0].line)
                else:
                    self.mention = float(s["mention_probability"])
                    self.silent_year = year
                    self.silence_note = "weighs paths with revenue %d >= target by 1 - %g" % (year, self.mention)
        # ---- priors of the unknowns ----
        self.prior = prior
        self.drift = drift
        self.gap = gap
        flat = ["y0"] + [n for n in names if n[0] == "g" and n[1:].isdigit()] + [n for n in names if n.startswith("real")] + ["r0", "s0"]
        if self.c_flat:
            flat.append("c")
        self.flat = [n for n in flat if n not in self.fixed]
        self.random = [n for n in names if n not in flat and n not in self.fixed]

    # -- forms --
    @staticmethod
    def combine(a, b, sign=1):
        out = dict(a)
        for k, v in b.items():
            out[k] = out.get(k, 0) + sign * v
        return {k: v for k, v in out.items() if v != 0}

    def gdp_form(self, year, revised):
        form = {"y0": 1}
        for y in range(self.t0 + 1, year + 1):
            if y <= self.L:
                form["g%d" % y] = 1
            else:
                form["real%d" % y] = 1
                form["p"] = form.get("p", 0) + 1
        if revised:
            form["c"] = 1
        return form

    def share_form(self, year):
        form = {"s0": 1}
        for y in range(self.t0 + 1, year + 1):
            form["ds%d" % y] = 1
        return form

    def level_form(self, indicator, year, basis, H):
        if year < self.t0:
            raise SystemExit("a level before t0 in a form")
        if indicator == CHAIN["gdp"]:
            return self.gdp_form(year, bool(basis))
        if indicator == CHAIN["added_value"]:
            return self.combine(self.gdp_form(year, bool(basis)), self.share_form(year))
        if indicator == CHAIN["revenue"]:
            form = self.combine(self.gdp_form(year, H == "moves" and year >= self.census_year), self.share_form(year))
            form["r0"] = 1
            for y in range(self.t0 + 1, year + 1):
                form["dr%d" % y] = 1
            return form
        raise SystemExit("no form for %s" % indicator)

    def add_row(self, form, value, sd, r, name):
        for H in ("stays", "moves"):
            self.rows[H].append((form, value, sd, r.label(), name))
        self.evidence.append({"row": r.label(), "use": "row: %s, sd %g" % (name, sd)})

    def added_value_growth(self, r, year, g):
        if year <= self.L:
            self.note(r, "real growth of added value in a year up to L: not used")
            return
        form = {"ds%d" % year: 1, "real%d" % year: 1}
        sd = math.hypot(self.growth_sd(r.status, g), SD_AV_PRICES)
        self.add_row(form, math.log(1 + g / 100), sd, r, "added value real growth %d" % year)

    def note(self, r, reason, growth=False):
        self.evidence.append({"row": r.label(), "use": ("not used (its growth rate): " if growth else "not used: ") + reason})

    # -- matrices --
    def matrices(self, H, silence=True):
        cols = self.flat + self.random
        idx = {n: i for i, n in enumerate(cols)}

        def vec(form):
            v = np.zeros(len(cols))
            const = 0.0
            for k, c in form.items():
                if k in self.fixed:
                    const += c * self.fixed[k]
                else:
                    v[idx[k]] += c
            return v, const

        A, y, sd = [], [], []
        for form, value, s, _, _ in self.rows[H]:
            v, const = vec(form)
            A.append(v)
            y.append(value - const)
            sd.append(s)
        G, g, gvar, kinds = [], [], [], []
        q = [("X", self.level_form(TARGET_INDICATOR, self.T, "", H), 0.0, None)]
        if silence and self.silent_year is not None and self.mention > 0:
            q.append(("S", self.level_form(TARGET_INDICATOR, self.silent_year, "", H), 0.0, None))
        for b in self.bounds.values():
            q.append(("B", b["form"], SD_BOUND ** 2, (b["lo"], b["hi"])))
        for name, form, extra, lim in q:
            v, const = vec(form)
            G.append(v)
            g.append(const)
            gvar.append(extra)
            kinds.append((name, lim))
        return cols, np.array(A), np.array(y), np.array(sd) ** 2, np.array(G), np.array(g), np.array(gvar), kinds

    def random_prior(self, scales):
        """Prior means and variances of the random unknowns at the scale points (dict of arrays)."""
        n = len(next(iter(scales.values())))
        mean = np.zeros(len(self.random))
        var = np.zeros((n, len(self.random)))
        s2 = self.drift["sd"] ** 2
        for j, name in enumerate(self.random):
            if name.startswith("dr"):
                var[:, j] = s2 * scales["w"] * scales["lam"]
            elif name.startswith("ds"):
                var[:, j] = s2 * scales["w"] * (1 - scales["lam"])
            elif name.startswith("gap"):
                var[:, j] = self.gap["sd"] ** 2 * scales["gap"]
            elif name == "p":
                mean[j] = self.prior["mean"]
                var[:, j] = self.prior["scale"] ** 2 * scales["p"]
            elif name == "c":
                mean[j] = self.c_province
                var[:, j] = self.c_province ** 2
            else:
                raise SystemExit("no prior for %s" % name)
        return mean, var


def gaussian(A, y, sd2, G, g, gvar, k, m_eta, v_eta):
    """Diffuse log-likelihood of the rows and the quantities' posterior mean and covariance, batched over scale points.

    Columns 0..k-1 of A and G are the flat unknowns, the rest random with prior means m_eta and variances v_eta (N x q)."""
    N = v_eta.shape[0]
    n = A.shape[0]
    Ab, Ae, Gb, Ge = A[:, :k], A[:, k:], G[:, :k], G[:, k:]
    r = y - Ae @ m_eta
    AeV = Ae[None, :, :] * v_eta[:, None, :]
    V = AeV @ Ae.T + np.diag(sd2)
    Cyq = AeV @ Ge.T
    Cqq = (Ge[None, :, :] * v_eta[:, None, :]) @ Ge.T + np.diag(gvar)
    chol = np.linalg.cholesky(V)
    logdet_v = 2 * np.log(np.diagonal(chol, axis1=1, axis2=2)).sum(axis=1)
    rhs = np.concatenate([np.broadcast_to(Ab, (N, n, k)), np.broadcast_to(r[:, None], (N, n, 1)), Cyq], axis=2)
    sol = np.linalg.solve(V, rhs)
    vi_ab, vi_r, vi_c = sol[:, :, :k], sol[:, :, k], sol[:, :, k + 1:]
    M = Ab.T @ vi_ab
    b = Ab.T @ vi_r[:, :, None]
    m_inv = np.linalg.inv(M)
    beta = m_inv @ b
    _, logdet_m = np.linalg.slogdet(M)
    quad = (vi_r * r).sum(axis=1) - (beta * b)[:, :, 0].sum(axis=1)
    ll = -0.5 * (logdet_v + logdet_m + quad)
    resid = r[None, :, None] - Ab @ beta
    vi_c_t = vi_c.transpose(0, 2, 1)
    mu = g + Ge @ m_eta + (Gb @ beta)[:, :, 0] + (vi_c_t @ resid)[:, :, 0]
    K = Gb[None] - vi_c_t @ Ab
    sig = Cqq - vi_c_t @ Cyq + K @ m_inv @ K.transpose(0, 2, 1)
    return ll, mu, sig


def phi2_upper(h, k, rho):
    """P(X > h, Y > k) for standard normals with correlation rho (|rho| < 1), by Owen's T function."""
    x = -np.asarray(h, dtype=float)
    y = -np.asarray(k, dtype=float)
    rho = np.asarray(rho, dtype=float)
    root = np.sqrt(1 - rho ** 2)
    xs = np.where(np.abs(x) < 1e-12, 1e-12, x)
    ys = np.where(np.abs(y) < 1e-12, 1e-12, y)
    a1 = (ys - rho * xs) / (xs * root)
    a2 = (xs - rho * ys) / (ys * root)
    beta = np.where(xs * ys < 0, 0.5, 0.0)
    out = 0.5 * ndtr(xs) + 0.5 * ndtr(ys) - owens_t(xs, a1) - owens_t(ys, a2) - beta
    return np.clip(out, 0.0, 1.0)


GL = {n: leggauss(n) for n in (N1, N2, 64, 96)}


def nodes(a, b, n):
    """Gauss-Legendre nodes and weights (times the standard normal density) on [a, b] (arrays), ends clipped at ZMAX."""
    a = np.clip(a, -ZMAX, ZMAX)
    b = np.clip(b, -ZMAX, ZMAX)
    b = np.maximum(a, b)
    x, w = GL[n]
    half = (b - a)[..., None] / 2
    z = a[..., None] + half * (x + 1)
    return z, w * half * np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)


def rectangle(mu, sig, kinds, threshold, n1=N1, n2=N2):
    """(D, NX, DS, NXS): P(bounds), P(X >= t, bounds), P(S >= t, bounds), P(X, S >= t, bounds) at each scale point."""
    names = [k for k, _ in kinds]
    ix = names.index("X")
    iS = names.index("S") if "S" in names else None
    bnds = [(i, lim) for i, (k, lim) in enumerate(kinds) if k == "B"]
    N = mu.shape[0]
    free = [ix] + ([iS] if iS is not None else [])
    # sequential conditioning; mean of the free ones as a function of the nodes, covariance constant
    m = {i: mu[:, i] for i in range(mu.shape[1])}
    S = {(i, j): sig[:, i, j] for i in range(mu.shape[1]) for j in range(mu.shape[1])}
    weight = np.ones(N)
    done = []
    for level, (ib, (lo, hi)) in enumerate(bnds):
        sd = np.sqrt(S[(ib, ib)])
        mb = m[ib]
        while mb.ndim < weight.ndim:
            mb = mb[..., None]
        sd_b = sd.reshape(sd.shape + (1,) * (weight.ndim - 1))
        z, w = nodes((lo - mb) / sd_b, (hi - mb) / sd_b, n1 if level == 0 else n2)
        weight = weight[..., None] * w
        rest = [i for i in range(mu.shape[1]) if i != ib and i not in done]
        newm, newS = {}, {}
        for i in rest:
            mi = m[i]
            while mi.ndim < z.ndim - 1:
                mi = mi[..., None]
            coef = (S[(i, ib)] / sd).reshape(sd.shape + (1,) * (z.ndim - 1))
            newm[i] = mi[..., None] + coef * z
            for j in rest:
                newS[(i, j)] = S[(i, j)] - S[(i, ib)] * S[(j, ib)] / S[(ib, ib)]
        done.append(ib)
        m.update(newm)
        S = {**S, **newS}
    shape = weight.shape

    def bc(a):
        a = np.asarray(a)
        return a.reshape(a.shape + (1,) * (len(shape) - a.ndim))

    mx = m[ix]
    while mx.ndim < len(shape):
        mx = mx[..., None]
    hx = (threshold - mx) / bc(np.sqrt(S[(ix, ix)]))
    px = ndtr(-hx)
    total = lambda a: (weight * a).reshape(N, -1).sum(axis=1)
    D = weight.reshape(N, -1).sum(axis=1)
    NX = total(px)
    if iS is None:
        return D, NX, np.zeros(N), np.zeros(N)
    ms = m[iS]
    while ms.ndim < len(shape):
        ms = ms[..., None]
    hs = (threshold - ms) / bc(np.sqrt(S[(iS, iS)]))
    rho = bc(S[(ix, iS)] / np.sqrt(S[(ix, ix)] * S[(iS, iS)]))
    return D, NX, total(ndtr(-hs)), total(phi2_upper(hx, hs, np.broadcast_to(rho, hx.shape)))


# ==== integrating over the scales =================================================================================
def scale_points(dims, scramble, n, spec):
    sob = stats.qmc.Sobol(d=len(dims), scramble=True, seed=20251 + 7919 * scramble)
    u = np.clip(sob.random(n), 1e-15, 1 - 1e-15)
    out = {}
    for i, d in enumerate(dims):
        if d == "w":
            out[d] = spec.drift["nu"] / stats.chi2.ppf(u[:, i], spec.drift["nu"])
        elif d == "lam":
            out[d] = u[:, i]
        elif d == "gap":
            out[d] = spec.gap["nu"] / stats.chi2.ppf(u[:, i], spec.gap["nu"])
        elif d == "p":
            out[d] = spec.prior["df"] / stats.chi2.ppf(u[:, i], spec.prior["df"])
    return out


def integrate(spec, lam=None, points=POINTS, scrambles=SCRAMBLES):
    """Per hypothesis and scramble: the log-likelihoods and the four probabilities at every scale point."""
    dims = ["w"] + (["lam"] if lam is None else []) + (["gap"] if spec.gaps else []) + (["p"] if "p" in spec.random else [])
    res = {}
    for H in ("stays", "moves"):
        cols, A, y, sd2, G, g, gvar, kinds = spec.matrices(H)
        k = len(spec.flat)
        per = []
        for s in range(scrambles):
            sc = scale_points(dims, s, points, spec)
            if lam is not None:
                sc["lam"] = np.full(points, lam)
            if "gap" not in sc:
                sc["gap"] = np.ones(points)
            if "p" not in sc:
                sc["p"] = np.ones(points)
            m_eta, v_eta = spec.random_prior(sc)
            parts = []
            for start in range(0, points, CHUNK):
                sl = slice(start, start + CHUNK)
                ll, mu, sig = gaussian(A, y, sd2, G, g, gvar, k, m_eta, v_eta[sl])
                parts.append((ll,) + rectangle(mu, sig, kinds, spec.threshold))
            per.append(tuple(np.concatenate([p[i] for p in parts]) for i in range(5)))
        res[H] = per
    return res


def combine(spec, res, weights, mention=None, scrambles=SCRAMBLES):
    """P(met) = E_f[P_f] and P(moves | everything) = E_f[P_f(moves)], the plain average over the scale points (the scales'
    priors), with the scrambles' error and the number of points left out (P_f's denominator 0).

    At each point f: P_f = sum_H pi_H L_H (NX - m NXS)_H / sum_H pi_H L_H (D - m DS)_H, the likelihoods taken relative
    to the largest among the hypotheses with prior weight > 0 at that point (so nothing overflows; a hypothesis with
    weight 0 takes no part). The points of one scramble are the same for both hypotheses (same seed and dimensions)."""
    m = spec.mention if mention is None else mention
    used = [(H, wH) for H, wH in zip(("stays", "moves"), weights) if wH > 0]
    est, est_moves, sums, sums_moves, counts, left_out = [], [], 0.0, 0.0, 0, 0
    for s in range(scrambles):
        lls = [res[H][s][0] for H, _ in used]
        top = np.max(np.stack(lls), axis=0)
        num = np.zeros_like(top)
        den = np.zeros_like(top)
        den_moves = np.zeros_like(top)
        for (H, wH), ll in zip(used, lls):
            _, D, NX, DS, NXS = res[H][s]
            L = wH * np.exp(ll - top)
            num += L * (NX - m * NXS)
            d = L * (D - m * DS)
            den += d
            if H == "moves":
                den_moves += d
        ok = den > 0
        left_out += int((~ok).sum())
        pf = num[ok] / den[ok]
        pm = den_moves[ok] / den[ok]
        est.append(pf.mean())
        est_moves.append(pm.mean())
        sums += pf.sum()
        sums_moves += pm.sum()
        counts += int(ok.sum())
    est, est_moves = np.array(est), np.array(est_moves)
    return ({"p": float(sums / counts), "qmc_error": float(est.std(ddof=1) / math.sqrt(scrambles))},
            {"p": float(sums_moves / counts), "qmc_error": float(est_moves.std(ddof=1) / math.sqrt(scrambles))},
            left_out)


def combine_previous(spec, res, weights, mention=None, scrambles=SCRAMBLES):
    """The FIRST specification (kept for comparison, "previous_spec" in the JSON): the rows' likelihood weighs the scale
    points too, P(met) = sum_H pi_H E[L (NX - m NXS)] / sum_H pi_H E[L (D - m DS)], pooled over the scrambles."""
    m = spec.mention if mention is None else mention
    ref = max(float(np.max(per[0])) for H in res for per in res[H])
    nums, dens, moves = np.zeros(scrambles), np.zeros(scrambles), np.zeros(scrambles)
    for H, wH in zip(("stays", "moves"), weights):
        for s, (ll, D, NX, DS, NXS) in enumerate(res[H]):
            L = np.exp(ll - ref)
            num = wH * np.mean(L * (NX - m * NXS))
            den = wH * np.mean(L * (D - m * DS))
            nums[s] += num
            dens[s] += den
            if H == "moves":
                moves[s] += den
    p = nums.sum() / dens.sum()
    p_s = nums / dens
    pm = moves.sum() / dens.sum()
    pm_s = moves / dens
    return ({"p": float(p), "qmc_error": float(p_s.std(ddof=1) / math.sqrt(scrambles))},
            {"p": float(pm), "qmc_error": float(pm_s.std(ddof=1) / math.sqrt(scrambles))})


# ==== checks of the numerics ======================================================================================
def checks(spec, link):
    out = {}
    # (1) the kriging formulas against a dense precision computation with a huge prior variance on the flat unknowns
    H = "stays"
    cols, A, y, sd2, G, g, gvar, kinds = spec.matrices(H)
    k = len(spec.flat)
    sc = scale_points(["w", "lam", "gap", "p"], 99, 8, spec)
    m_eta, v_eta = spec.random_prior(sc)
    ll, mu, sig = gaussian(A, y, sd2, G, g, gvar, k, m_eta, v_eta)
    kappa = 1e6
    diffs_mu, diffs_sig, ll_dense = [], [], []
    for i in range(len(ll)):
        prior_var = np.concatenate([np.full(k, kappa), v_eta[i]])
        prior_mean = np.concatenate([np.zeros(k), m_eta])
        P = np.diag(1 / np.maximum(prior_var, 1e-300)) + A.T @ np.diag(1 / sd2) @ A
        cov = np.linalg.inv(P)
        mean = cov @ (prior_mean / prior_var + A.T @ (y / sd2))
        qm = G @ mean + g
        qc = G @ cov @ G.T + np.diag(gvar)
        diffs_mu.append(float(np.max(np.abs(qm - mu[i]))))
        diffs_sig.append(float(np.max(np.abs(qc - sig[i]))))
        # marginal likelihood with the wide prior, times kappa^(k/2) (2 pi)^(k/2): tends to the diffuse one
        Vfull = A @ np.diag(prior_var) @ A.T + np.diag(sd2)
        resid = y - A @ prior_mean
        _, ld = np.linalg.slogdet(Vfull)
        ll_dense.append(float(-0.5 * (ld + resid @ np.linalg.solve(Vfull, resid)) + 0.5 * k * math.log(kappa)))
    shift = np.array(ll_dense) - ll
    out["kriging_vs_dense_precision"] = {"max_abs_mean_diff": max(diffs_mu), "max_abs_cov_diff": max(diffs_sig),
                                         "loglik_shift_spread": float(shift.max() - shift.min()),
                                         "note": "dense: prior variance 1e6 on the flat unknowns; the shift of the log-likelihood must be constant"}
    # (2) the rectangle rule against a finer rule and scipy's multivariate normal cdf
    cols, A, y, sd2, G, g, gvar, kinds = spec.matrices("moves")
    sc = scale_points(["w", "lam", "gap", "p"], 98, 8, spec)
    m_eta, v_eta = spec.random_prior(sc)
    ll, mu, sig = gaussian(A, y, sd2, G, g, gvar, k, m_eta, v_eta)
    coarse = np.array(rectangle(mu, sig, kinds, spec.threshold))
    fine = np.array(rectangle(mu, sig, kinds, spec.threshold, 64, 96))
    mvn = []
    for i in range(mu.shape[0]):
        # signs so that every event is an upper limit of a normal vector: X >= t -> -X <= -t, B in [lo, hi] by inclusion-exclusion
        names = [kk for kk, _ in kinds]
        vals = []
        for sub in ("D", "NX", "DS", "NXS"):
            need = {"D": [], "NX": ["X"], "DS": ["S"], "NXS": ["X", "S"]}[sub]
            total = 0.0
            bnds = [(j, lim) for j, (kk, lim) in enumerate(kinds) if kk == "B"]
            for mask in range(2 ** len(bnds)):
                idx, upper, sign, ok = [], [], 1.0, True
                for nm in need:
                    j = names.index(nm)
                    idx.append((j, -1.0))
                    upper.append(-spec.threshold)
                for bi, (j, (lo, hi)) in enumerate(bnds):
                    use_lo = (mask >> bi) & 1
                    if use_lo:
                        if lo == -math.inf:
                            ok = False
                            break
                        idx.append((j, 1.0))
                        upper.append(lo)
                        sign = -sign
                    elif hi != math.inf:
                        idx.append((j, 1.0))
                        upper.append(hi)
                if not ok:
                    continue
                if not idx:
                    total += sign
                    continue
                T = np.zeros((len(idx), mu.shape[1]))
                for r_, (j, sgn) in enumerate(idx):
                    T[r_, j] = sgn
                mm = T @ mu[i]
                cc = T @ sig[i] @ T.T
                if len(idx) == 1:
                    pr = stats.norm.cdf((upper[0] - mm[0]) / math.sqrt(cc[0, 0]))
                else:
                    pr = stats.multivariate_normal.cdf(np.array(upper), mean=mm, cov=cc, maxpts=4_000_000, abseps=1e-10, releps=1e-10)
                total += sign * pr
            vals.append(total)
        mvn.append(vals)
    mvn = np.array(mvn).T
    out["rectangle_rule"] = {"nodes": [N1, N2], "max_abs_diff_vs_64_96_nodes": float(np.max(np.abs(coarse - fine))),
                             "max_abs_diff_vs_scipy_mvn_cdf": float(np.max(np.abs(coarse - mvn)))}
    # (3) the bivariate orthant against scipy
    rng = np.random.default_rng(5)
    h, kk, rr = rng.normal(size=200), rng.normal(size=200), rng.uniform(-0.99, 0.99, 200)
    ref = np.array([stats.multivariate_normal(mean=[0, 0], cov=[[1, r_], [r_, 1]]).cdf([-a, -b]) for a, b, r_ in zip(h, kk, rr)])
    out["owens_t_orthant_vs_scipy"] = float(np.max(np.abs(phi2_upper(h, kk, rr) - ref)))
    # (4) P_f at single scale points against a plain Monte Carlo of the model given the scales: a hypothesis per path
    #     with probability proportional to pi_H L_H, the quantities drawn from their normal posterior under it, the bounds
    #     by rejection, the silence as weight 1 - m on paths whose silent-year revenue is at or above the target
    weights = (1 - link["p_moves"], link["p_moves"])
    sc = scale_points(["w", "lam", "gap", "p"], 97, 8, spec)
    m_eta, v_eta = spec.random_prior(sc)
    per_h = {}
    for H in ("stays", "moves"):
        cols, A, y, sd2, G, g, gvar, kinds = spec.matrices(H)
        ll, mu, sig = gaussian(A, y, sd2, G, g, gvar, len(spec.flat), m_eta, v_eta)
        per_h[H] = (ll, mu, sig, kinds, rectangle(mu, sig, kinds, spec.threshold))
    fake = {H: [(per_h[H][0],) + tuple(per_h[H][4])] for H in per_h}
    rng = np.random.default_rng(20251)
    draws = 2_000_000
    z_scores, rows_mc = [], []
    for i in range(len(sc["w"])):
        closed, _, _ = combine(spec, {H: [tuple(a[i:i + 1] for a in fake[H][0])] * 2 for H in fake}, weights, scrambles=2)
        lls = np.array([per_h[H][0][i] for H in ("stays", "moves")])
        prob = np.array(weights) * np.exp(lls - lls.max())
        prob /= prob.sum()
        pick_moves = rng.random(draws) < prob[1]
        kept_w, kept_wx = 0.0, 0.0
        wts = []
        for H, sel in (("stays", ~pick_moves), ("moves", pick_moves)):
            _, mu, sig, kinds, _ = per_h[H]
            x = rng.multivariate_normal(mu[i], sig[i], size=int(sel.sum()))
            ok = np.ones(len(x), dtype=bool)
            wt = np.ones(len(x))
            hit = np.zeros(len(x), dtype=bool)
            for j, (kind, lim) in enumerate(kinds):
                if kind == "B":
                    ok &= (x[:, j] >= lim[0]) & (x[:, j] <= lim[1])
                elif kind == "S":
                    wt = np.where(x[:, j] >= spec.threshold, 1 - spec.mention, 1.0)
                elif kind == "X":
                    hit = x[:, j] >= spec.threshold
            wts.append((wt[ok], hit[ok]))
        wt = np.concatenate([a for a, _ in wts])
        hit = np.concatenate([b for _, b in wts])
        est = float((wt * hit).sum() / wt.sum())
        # the ratio estimator's standard error (delta method)
        resid = wt * (hit - est)
        se = float(math.sqrt((resid ** 2).sum()) / wt.sum())
        z_scores.append((est - closed["p"]) / se)
        rows_mc.append({"closed_form": closed["p"], "monte_carlo": est, "standard_error": se})
    out["per_point_monte_carlo"] = {"draws_per_point": draws, "points": rows_mc, "max_abs_z": float(np.max(np.abs(z_scores))),
                                    "note": "P_f at eight scale points: the closed form against a plain Monte Carlo of the model given the scales"}
    return out


# ==== the data sets and cases =====================================================================================
def run():
    start = time.perf_counter()
    text = read_text("hhz-indicators.csv")
    if not text.endswith("\n"):
        text += "\n"
    shipped = parse(text)

    def inputs(rows):
        t0, L, T, _, _ = model_years(rows)
        drift = drift_scale(rows, t0)
        gap = gap_scale(rows)
        prior = price_prior(rows, L, T)
        link = revision_link(drift)
        return drift, gap, prior, link

    drift, gap, prior, link = inputs(shipped)
    weights = (1 - link["p_moves"], link["p_moves"])

    def log(*a):
        print("[%6.1f s]" % (time.perf_counter() - start), *a, file=sys.stderr, flush=True)

    def spec_of(rows, **kw):
        d, gp, pr, _ = inputs(rows)       # rebuilt from each data set (the scenarios change none of their inputs)
        return Spec(rows, pr, d, gp, **kw)

    base = spec_of(shipped)
    log("model: t0=%d L=%d T=%d unknowns=%d rows=%d bounds=%d silence m=%g" % (base.t0, base.L, base.T, len(base.names),
                                                                               len(base.rows["stays"]), len(base.bounds), base.mention))
    out = {
        "generator": "outlook_reference.py",
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "method": ("exact Gaussian model (diffuse flat priors, universal-kriging posterior) at each scale point; randomized QMC "
                   "(%d scrambles of %d scrambled Sobol points) over the scales (w, lambda, the gap's and the prior's factors); "
                   "rectangle probabilities by Gauss-Legendre over the bounded quantities (%d and %d nodes) and Owen's T for the "
                   "bivariate orthant of (X, S); P = E_f[P_f], the plain average over the points (the scales' priors) of P_f, the "
                   "hypotheses weighed by the rows' likelihood within each point only" % (SCRAMBLES, POINTS, N1, N2)),
        "scales": {"drift": {"sd": drift["sd"], "nu": drift["nu"], "ln_revenue_over_gdp": drift["ln_revenue_over_gdp"],
                             "revenue": drift["revenue"]},
                   "gap": {"sd": gap["sd"], "nu": gap["nu"], "gaps": [{"year": y, "change": v} for y, v in gap["gaps"]]}},
        "prior": prior,
        "revision_link": link,
        "model": {"t0": base.t0, "L": base.L, "T": base.T, "threshold": base.threshold, "unknowns": base.names,
                  "flat": base.flat, "random": base.random, "c_flat": base.c_flat, "c_province": base.c_province,
                  "silence": {"year": base.silent_year, "m": base.mention, "note": base.silence_note},
                  "rows": {H: [{"row": lbl, "name": nm, "form": f, "log_value": v, "sd": s} for f, v, s, lbl, nm in base.rows[H]]
                           for H in ("stays", "moves")},
                  "bounds": [{"quantity": b["label"], "form": b["form"], "lower": finite_or_none(b["lo"]), "upper": finite_or_none(b["hi"]), "lines": b["lines"]}
                             for b in base.bounds.values()],
                  "target_form": {H: base.level_form(TARGET_INDICATOR, base.T, "", H) for H in ("stays", "moves")},
                  "evidence": base.evidence},
    }
    out["checks"] = checks(base, link)
    log("checks", out["checks"])

    previous = {}                 # the first specification's numbers (the rows weigh the scale points too)
    left_out = {}                 # points whose P_f has denominator 0, left out of the average (per result)

    def evaluate(name, spec, res, w, mention=None, prev=previous):
        """The result under the current specification (returned) and under the first one (kept in prev)."""
        p, pm, n_out = combine(spec, res, w, mention)
        old_p, old_pm = combine_previous(spec, res, w, mention)
        left_out[name] = n_out
        prev[name] = old_p
        return p, pm, old_pm

    res = integrate(base)
    log("headline integrated")
    head, moves, old_moves = evaluate("headline", base, res, weights)
    cases = {
        "revenue_original_basis": evaluate("revenue_original_basis", base, res, (1.0, 0.0))[0],
        "revenue_revised_basis": evaluate("revenue_revised_basis", base, res, (0.0, 1.0))[0],
        "silence_not_weighed": evaluate("silence_not_weighed", base, res, weights, mention=0.0)[0],
        "silence_certain": evaluate("silence_certain", base, res, weights, mention=1.0)[0],
    }
    cases["no_price_rise"] = evaluate("no_price_rise", base, integrate(spec_of(shipped, fixed={"p": 0.0})), weights)[0]
    log("no_price_rise", cases["no_price_rise"])
    cases["province_revision"] = evaluate("province_revision", base, integrate(spec_of(shipped, fixed={"c": base.c_province})), weights)[0]
    log("province_revision", cases["province_revision"])
    cases["drift_on_ratio"] = evaluate("drift_on_ratio", base, integrate(base, lam=0.97), weights)[0]
    cases["drift_on_share"] = evaluate("drift_on_share", base, integrate(base, lam=0.03), weights)[0]
    cases["drift_split_evenly"] = evaluate("drift_split_evenly", base, integrate(base, lam=0.5), weights)[0]
    log("drift cases", cases["drift_on_ratio"], cases["drift_on_share"], cases["drift_split_evenly"])
    nb = spec_of(shipped, use_bounds=False)
    cases["without_bounds"] = evaluate("without_bounds", nb, integrate(nb), weights)[0]
    log("without_bounds", cases["without_bounds"])
    out["shipped"] = {"headline": head, "basis_posterior": {"p_moves": moves}, "cases": cases}
    previous_shipped = {"headline": previous["headline"], "basis_posterior": {"p_moves": old_moves},
                        "cases": {name: previous[name] for name in cases}}
    alt_c = spec_of(shipped, c_prior="flat-if-one-year-on-both-bases")
    alt_g = spec_of(shipped, growth_sd_relative=True)
    out["alternative_readings"] = {
        "note": "the headline under readings of the specification NOT used for the results above (see the docstring's choices)",
        "c_province_prior_unless_one_year_on_both_bases": dict(evaluate("alternative_c_province_prior_unless_one_year_on_both_bases", alt_c, integrate(alt_c), weights)[0], c_flat=alt_c.c_flat),
        "growth_rate_sd_0.005_over_1_plus_rate": evaluate("alternative_growth_rate_sd_0.005_over_1_plus_rate", alt_g, integrate(alt_g), weights)[0],
    }
    previous_alternatives = {"c_province_prior_unless_one_year_on_both_bases": dict(previous["alternative_c_province_prior_unless_one_year_on_both_bases"], c_flat=alt_c.c_flat),
                             "growth_rate_sd_0.005_over_1_plus_rate": previous["alternative_growth_rate_sd_0.005_over_1_plus_rate"]}
    log("alternatives", out["alternative_readings"])
    log("headline", head, "P(moves)", moves, "previous spec", previous["headline"], old_moves)

    lines = text.splitlines()

    def appended(line):
        return "\n".join(lines + [line]) + "\n"

    def removed(prefix):
        kept = [l for l in lines if not l.startswith(prefix)]
        assert len(kept) == len(lines) - 1
        return "\n".join(kept) + "\n"

    def replaced(prefix, old, new):
        hits = [i for i, l in enumerate(lines) if l.startswith(prefix)]
        assert len(hits) == 1
        new_lines = list(lines)
        new_lines[hits[0]] = new_lines[hits[0]].replace(prefix, prefix.replace(old, new), 1)
        return "\n".join(new_lines) + "\n"

    scen_defs = [
        ("gdp_2023_revised_2640", "append", "HHZ,gdp,2023,,2640,亿元,reported,,census5,2025,x,,", appended("HHZ,gdp,2023,,2640,亿元,reported,,census5,2025,x,,")),
        ("gdp_2023_revised_2860", "append", "HHZ,gdp,2023,,2860,亿元,reported,,census5,2025,x,,", appended("HHZ,gdp,2023,,2860,亿元,reported,,census5,2025,x,,")),
        ("revenue_2024_5600", "append", "HHZ,digital_economy_revenue,2024,,5600,亿元,reported,,,2025,x,,",
         appended("HHZ,digital_economy_revenue,2024,,5600,亿元,reported,,,2025,x,,")),
        ("added_value_2024_revised_2100", "append", "HHZ,core_digital_added_value,2024,,2100,亿元,reported,,census5,2025,x,,",
         appended("HHZ,core_digital_added_value,2024,,2100,亿元,reported,,census5,2025,x,,")),
        ("without_gdp_2025_bound", "remove", "HHZ,gdp,2025,,3000,亿元,lower-bound", removed("HHZ,gdp,2025,,3000,亿元,lower-bound")),
        ("added_value_2022_1870", "replace", "HHZ,core_digital_added_value,2022,,1700 -> 1870",
         replaced("HHZ,core_digital_added_value,2022,,1700,", "1700", "1870")),
    ]
    scenarios = {"shipped": {"p": head["p"], "qmc_error": head["qmc_error"], "p_moves": moves}}
    previous_scenarios = {"shipped": {"p": previous["headline"]["p"], "qmc_error": previous["headline"]["qmc_error"], "p_moves": old_moves}}
    for name, how, what, txt in scen_defs:
        rows = parse(txt)
        sp = spec_of(rows)
        lk = inputs(rows)[3]
        p, pm, old_pm = evaluate(name, sp, integrate(sp), (1 - lk["p_moves"], lk["p_moves"]))
        scenarios[name] = {"change": how, "line": what, "p": p["p"], "qmc_error": p["qmc_error"], "p_moves": pm,
                           "rows": len(sp.rows["stays"]), "bounds": [b["label"] for b in sp.bounds.values()],
                           "silence": sp.silence_note, "c_flat": sp.c_flat}
        previous_scenarios[name] = {"p": previous[name]["p"], "qmc_error": previous[name]["qmc_error"], "p_moves": old_pm}
        log(name, p, pm, "previous spec", previous[name])
    out["scenarios"] = scenarios
    out["points_left_out"] = {"note": ("scale points where no hypothesis leaves the evidence possible (P_f's denominator 0), "
                                       "left out of the average E_f[P_f]; out of %d points per result" % (SCRAMBLES * POINTS)),
                              "counts": left_out}
    out["previous_spec"] = {
        "note": ("the FIRST specification, kept for comparison: the rows' likelihood weighs the scale points as well as the "
                 "hypotheses, P = sum_H pi_H E_f[L (NX - m NXS)] / sum_H pi_H E_f[L (D - m DS)]; same points as above"),
        "shipped": previous_shipped, "scenarios": previous_scenarios, "alternative_readings": previous_alternatives}
    out["run_seconds"] = time.perf_counter() - start
    return out


def main():
    out = run()
    if QUICK:
        json.dump(out["shipped"], sys.stdout, indent=1)
        print()
        json.dump(out["scenarios"], sys.stdout, indent=1, ensure_ascii=False)
        print()
        return
    with open(os.path.join(HERE, "outlook_reference.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, ensure_ascii=False, allow_nan=False)
        handle.write("\n")
    print("wrote outlook_reference.json in %.0f s with Python %s" % (out["run_seconds"], sys.version.split()[0]))
    print("headline", out["shipped"]["headline"], "P(moves)", out["shipped"]["basis_posterior"])
    for name, value in out["shipped"]["cases"].items():
        print(" ", name, value)
    for name, value in out["scenarios"].items():
        print(" ", name, value["p"], value["qmc_error"])


if __name__ == "__main__":
    main()
