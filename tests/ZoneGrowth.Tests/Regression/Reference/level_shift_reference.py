#!/usr/bin/python3
"""Independent reference values for the break-aware (level-shift) log-linear trend, computed with statsmodels.

Run with Debian's interpreter (it has statsmodels, numpy and scipy):

    /usr/bin/python3 level_shift_reference.py

It writes level_shift_reference.json beside this script. Both files are committed; the C# tests only read the JSON.

Data: HHZ GDP (100 million yuan) read from data/hhz-indicators.csv with the csv module: zone HHZ, indicator gdp,
status reported, whole-year rows only (period empty or "year"). That gives 2016-2018, 2020-2023 on the basis first
published (basis empty) and 2024 on basis census5 (revised after the fifth national economic census).

Model: OLS of ln(value) on a constant, (year - 2016) and the dummy [basis == census5]:
    ln(value) = a + b*(year - 2016) + d*[basis == census5] + e
The growth rate is e^b - 1 (its 95 % interval: the endpoints of b's t interval transformed), and the census5 level is
e^d - 1 above the original basis. 2024 is the only census5 year, so its dummy fits it exactly (residual 0, leverage 1):
b comes from the seven original-basis years alone.
"""
import csv
import json
import os
import platform
import sys

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "data", "hhz-indicators.csv"))
EXPECTED_YEARS = [2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024]
BASE_YEAR = 2016
REVISED = "census5"


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def read_gdp():
    """Reported whole-year HHZ gdp rows, one per year, sorted by year."""
    rows = []
    with open(DATA, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["zone"] != "HHZ" or row["indicator"] != "gdp" or row["status"] != "reported":
                continue
            if row["period"] not in ("", "year"):
                continue
            if row["unit"] != "亿元":
                raise SystemExit("unexpected unit %r in %s" % (row["unit"], row))
            rows.append((int(row["year"]), float(row["value"]), row["basis"]))
    rows.sort()
    years = [r[0] for r in rows]
    if years != EXPECTED_YEARS:
        raise SystemExit("expected the years %s, found %s in %s" % (EXPECTED_YEARS, years, DATA))
    return rows


def main():
    rows = read_gdp()
    years = np.array([r[0] for r in rows])
    values = np.array([r[1] for r in rows])
    bases = [r[2] for r in rows]
    y = np.log(values)
    t = (years - BASE_YEAR).astype(float)
    dummy = np.array([1.0 if b == REVISED else 0.0 for b in bases])
    exog = np.column_stack([np.ones(len(y)), t, dummy])
    res = sm.OLS(y, exog).fit()
    ci = res.conf_int(alpha=0.05)

    # Predictions on the latest (census5) basis, and for comparison on the original basis.
    new_years = np.array([2025, 2026])
    predictions = {}
    for name, d in (("census5", 1.0), ("original", 0.0)):
        new_exog = np.column_stack([np.ones(len(new_years)), (new_years - BASE_YEAR).astype(float), np.full(len(new_years), d)])
        frame = res.get_prediction(new_exog).summary_frame(alpha=0.05)
        predictions[name] = {key: floats(frame[key]) for key in ("mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper")}

    # The plain trend on the original-basis years only: the same slope, since 2024 is fitted exactly by its dummy.
    original = dummy == 0.0
    plain_original = sm.OLS(y[original], sm.add_constant(t[original])).fit()

    out = {
        "generator": "level_shift_reference.py",
        "versions": {
            "python": platform.python_version(),
            "statsmodels": statsmodels.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "data": "data/hhz-indicators.csv: HHZ gdp, reported, whole year",
        "years": [int(v) for v in years],
        "values": floats(values),
        "bases": bases,
        "base_year": BASE_YEAR,
        # The coefficients' names as the library gives them (BasisText.ParameterName): labels, not results.
        "names": ["Intercept", "year - %d" % BASE_YEAR, "level after the 5th census"],
        "params": floats(res.params),
        "bse": floats(res.bse),
        "tvalues": floats(res.tvalues),
        "pvalues": floats(res.pvalues),
        "conf_int_95_lower": floats(ci[:, 0]),
        "conf_int_95_upper": floats(ci[:, 1]),
        "rsquared": float(res.rsquared),
        "rsquared_adj": float(res.rsquared_adj),
        "df_resid": float(res.df_resid),
        "df_model": float(res.df_model),
        "ssr": float(res.ssr),
        "fvalue": float(res.fvalue),
        "f_pvalue": float(res.f_pvalue),
        "llf": float(res.llf),
        "resid": floats(res.resid),
        "leverage": floats(res.get_influence().hat_matrix_diag),
        "growth": {
            "annual_growth_rate": float(np.expm1(res.params[1])),
            "annual_growth_rate_ci95": [float(np.expm1(ci[1, 0])), float(np.expm1(ci[1, 1]))],
        },
        "level_shift": {
            "basis": REVISED,
            "relative_level": float(np.expm1(res.params[2])),
            "relative_level_ci95": [float(np.expm1(ci[2, 0])), float(np.expm1(ci[2, 1]))],
        },
        "new_years": [int(v) for v in new_years],
        "prediction": predictions,
        "smearing_factor": float(np.mean(np.exp(res.resid))),
        "plain_original_basis": {"params": floats(plain_original.params), "bse": floats(plain_original.bse)},
    }

    with open(os.path.join(HERE, "level_shift_reference.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print("wrote level_shift_reference.json with", sys.version.split()[0])


if __name__ == "__main__":
    main()
