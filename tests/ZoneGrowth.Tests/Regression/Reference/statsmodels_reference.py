#!/usr/bin/python3
"""Independent reference values for the ZoneGrowth regression tests, computed with statsmodels.

Run with Debian's interpreter (it has statsmodels, numpy and scipy):

    /usr/bin/python3 statsmodels_reference.py

It writes statsmodels_reference.json beside this script. Both files are committed; the C# tests only read
the JSON. Datasets:
  longley    - NIST StRD Longley (read from nist-strd-linear.json beside this script), full model with intercept.
  hhz_gdp    - HHZ GDP (100 million yuan, reported levels, source hhz-sources.md), ln(value) on (year - 2016),
               years 2016-2018, 2020-2022, 2024 (2019 and 2023 are missing). The values are written out below, so this
               case does not move with the data file. 2024 is on the basis revised after the fifth economic census
               (census5), so this plain trend straddles a level break: it is kept as a numerical test of the OLS core,
               not as an estimate of growth; the break-aware fit is in level_shift_reference.py.
  synthetic  - 40 deterministic observations (numpy seed 20261128) whose error standard deviation grows with x1,
               so the robust covariances differ clearly from the classical one.
"""
import json
import os
import platform
import sys

import mpmath
import numpy as np
import scipy
import scipy.stats
import statsmodels
import statsmodels.api as sm
from statsmodels.stats.stattools import durbin_watson, jarque_bera

HERE = os.path.dirname(os.path.abspath(__file__))


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def covariance_variants(model):
    """Every covariance the library offers, keyed as the C# tests expect."""
    variants = {"nonrobust": model.fit()}
    for hc in ("HC0", "HC1", "HC2", "HC3"):
        variants[hc] = model.fit(cov_type=hc)
    for lags in (1, 2):
        for correction in (False, True):
            key = "HAC%d%s" % (lags, "c" if correction else "")
            variants[key] = model.fit(cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": correction})
    return variants


def inference(res):
    ci95 = res.conf_int(alpha=0.05)
    ci90 = res.conf_int(alpha=0.10)
    return {
        "params": floats(res.params),
        "bse": floats(res.bse),
        "tvalues": floats(res.tvalues),
        "pvalues": floats(res.pvalues),
        "ci95_lower": floats(ci95[:, 0]),
        "ci95_upper": floats(ci95[:, 1]),
        "ci90_lower": floats(ci90[:, 0]),
        "ci90_upper": floats(ci90[:, 1]),
        "fvalue": float(res.fvalue),
        "f_pvalue": float(res.f_pvalue),
        "use_t": bool(res.use_t),
    }


def prediction(res, new_exog):
    frame = res.get_prediction(new_exog).summary_frame(alpha=0.05)
    return {key: floats(frame[key]) for key in ("mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper")}


def describe(y, exog, names, new_exog):
    model = sm.OLS(y, exog)
    variants = covariance_variants(model)
    base = variants["nonrobust"]
    jb, jb_p, skew, kurtosis = jarque_bera(base.resid)
    return {
        "names": names,
        "y": floats(y),
        "exog": [floats(row) for row in exog],
        "nobs": int(base.nobs),
        "df_model": float(base.df_model),
        "df_resid": float(base.df_resid),
        "ssr": float(base.ssr),
        "residual_se": float(np.sqrt(base.mse_resid)),
        "rsquared": float(base.rsquared),
        "rsquared_adj": float(base.rsquared_adj),
        "llf": float(base.llf),
        "aic": float(base.aic),
        "bic": float(base.bic),
        "durbin_watson": float(durbin_watson(base.resid)),
        "jarque_bera": float(jb),
        "jarque_bera_pvalue": float(jb_p),
        "skew": float(skew),
        "kurtosis": float(kurtosis),
        "condition_number": float(base.condition_number),
        "resid": floats(base.resid),
        "fittedvalues": floats(base.fittedvalues),
        "covariances": {key: inference(res) for key, res in variants.items()},
        "new_exog": [floats(row) for row in new_exog],
        "prediction": {key: prediction(variants[key], new_exog) for key in ("nonrobust", "HC3", "HAC1")},
        "prediction_recentered": {key: prediction_by_recentering(y, exog, new_exog, key) for key in ("nonrobust", "HC3", "HAC1")},
    }


def prediction_by_recentering(y, exog, new_exog, key):
    """Prediction frame computed as the intercept of the model re-centred at each new point.

    Mathematically identical to get_prediction().summary_frame(), but well conditioned: on Longley
    (condition number 4.9e9) statsmodels' x0 V x0' cancels heavily and, under HAC, loses four digits,
    whereas the intercept of y = a + (X - x0) b is computed accurately.
    """
    rows = {k: [] for k in ("mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper")}
    for x0 in new_exog:
        shifted = np.column_stack([np.ones(len(y)), exog[:, 1:] - x0[1:]])
        res = fit_variant(sm.OLS(y, shifted), key)
        mean = float(res.params[0])
        se = float(res.bse[0])
        q = scipy.stats.t.ppf(0.975, res.df_resid) if res.use_t else scipy.stats.norm.ppf(0.975)
        obs_se = np.sqrt(se ** 2 + res.mse_resid)
        for name, value in (("mean", mean), ("mean_se", se), ("mean_ci_lower", mean - q * se), ("mean_ci_upper", mean + q * se),
                            ("obs_ci_lower", mean - q * obs_se), ("obs_ci_upper", mean + q * obs_se)):
            rows[name].append(float(value))
    return rows


def fit_variant(model, key):
    if key == "nonrobust":
        return model.fit()
    if key.startswith("HC"):
        return model.fit(cov_type=key)
    lags = int(key[3])
    return model.fit(cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": key.endswith("c")})


def student_t_quantile(p, df):
    """Student t quantile in 40-digit arithmetic (mpmath), solving I_{df/(df+x^2)}(df/2, 1/2)/2 = 1 - p.

    scipy 1.10's t.ppf is off by up to ~2e-9 relative (e.g. 1.6870936167 instead of 1.6870936196 at p=0.95, df=37),
    so statsmodels' t intervals carry that error; these values are the exact reference for the quantile itself.
    """
    mpmath.mp.dps = 40
    half = mpmath.mpf(1) / 2

    def tail(x):
        return mpmath.betainc(mpmath.mpf(df) / 2, half, 0, df / (df + x * x), regularized=True) / 2 - (1 - mpmath.mpf(p))

    return float(mpmath.findroot(tail, mpmath.mpf(scipy.stats.t.ppf(p, df))))


def chow(y, t, break_year_offset):
    """Chow test for a break at t >= break_year_offset with separate intercept and slope (F = [(SSR_r - SSR_u)/k] / [SSR_u/(n - 2k)])."""
    k = 2
    pooled = sm.OLS(y, sm.add_constant(t)).fit()
    before = t < break_year_offset
    after = ~before
    ssr_u = sm.OLS(y[before], sm.add_constant(t[before])).fit().ssr + sm.OLS(y[after], sm.add_constant(t[after])).fit().ssr
    n = len(y)
    f = ((pooled.ssr - ssr_u) / k) / (ssr_u / (n - 2 * k))
    return {
        "ssr_restricted": float(pooled.ssr),
        "ssr_unrestricted": float(ssr_u),
        "f": float(f),
        "df_num": k,
        "df_denom": n - 2 * k,
        "pvalue": float(scipy.stats.f.sf(f, k, n - 2 * k)),
    }


def main():
    with open(os.path.join(HERE, "nist-strd-linear.json"), encoding="utf-8") as handle:
        nist = json.load(handle)
    longley = nist["Longley"]
    lx = np.asarray(longley["X"], dtype=float)
    ly = np.asarray(longley["y"], dtype=float)
    longley_new = np.column_stack([np.ones(2), np.array([lx.mean(axis=0), lx[-1] * 1.01])])
    out = {
        "generator": "statsmodels_reference.py",
        "versions": {
            "python": platform.python_version(),
            "statsmodels": statsmodels.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "mpmath": mpmath.__version__,
        },
        "longley": describe(ly, sm.add_constant(lx), ["Intercept"] + longley["columns"], longley_new),
    }

    years = np.array([2016, 2017, 2018, 2020, 2021, 2022, 2024])
    gdp = np.array([901.4, 1088.9, 1350.7, 1745.7, 2022.6, 2184.8, 2887.8])
    t = (years - 2016).astype(float)
    log_gdp = np.log(gdp)
    hhz_new_years = np.array([2019, 2023, 2025, 2026])
    hhz_new = sm.add_constant((hhz_new_years - 2016).astype(float), has_constant="add")
    hhz = describe(log_gdp, sm.add_constant(t), ["Intercept", "year - 2016"], hhz_new)
    base = sm.OLS(log_gdp, sm.add_constant(t)).fit()
    slope = float(base.params[1])
    ci = base.conf_int(alpha=0.05)[1]
    resid = base.resid
    fitted_new = base.get_prediction(hhz_new).summary_frame(alpha=0.05)["mean"].to_numpy()
    hhz["growth"] = {
        "years": [int(y) for y in years],
        "values": floats(gdp),
        "base_year": 2016,
        "annual_growth_rate": float(np.expm1(slope)),
        "annual_growth_rate_ci95": [float(np.expm1(ci[0])), float(np.expm1(ci[1]))],
        "cagr_2016_2024": float((gdp[-1] / gdp[0]) ** (1.0 / 8.0) - 1.0),
        "new_years": [int(y) for y in hhz_new_years],
        "level_median": floats(np.exp(fitted_new)),
        "level_lognormal": floats(np.exp(fitted_new) * np.exp(base.mse_resid / 2.0)),
        "level_smearing": floats(np.exp(fitted_new) * np.mean(np.exp(resid))),
    }
    # Hinge: ln(v) = a + b*(year - 2016) + c*max(0, year - 2020): slope b before 2020, b + c after, continuous at 2020.
    hinge_exog = np.column_stack([np.ones(len(t)), t, np.maximum(0.0, years - 2020.0)])
    hinge = sm.OLS(log_gdp, hinge_exog).fit()
    hhz["hinge_2020"] = {"params": floats(hinge.params), "bse": floats(hinge.bse), "ssr": float(hinge.ssr), "rsquared": float(hinge.rsquared)}
    # Separate lines before 2020 and from 2020 on: ln(v) = a + b*t + d*D + e*D*t with D = 1{year >= 2020}.
    dummy = (years >= 2020).astype(float)
    separate_exog = np.column_stack([np.ones(len(t)), t, dummy, dummy * t])
    separate = sm.OLS(log_gdp, separate_exog).fit()
    hhz["separate_2020"] = {"params": floats(separate.params), "bse": floats(separate.bse), "ssr": float(separate.ssr)}
    hhz["chow_2020"] = chow(log_gdp, t, 2020 - 2016)
    out["hhz_gdp"] = hhz

    rng = np.random.default_rng(20261128)
    n = 40
    x1 = np.round(rng.uniform(0.0, 10.0, n), 6)
    x2 = np.round(rng.normal(0.0, 1.0, n), 6)
    noise = np.round(rng.normal(0.0, 1.0, n), 6)
    y = np.round(1.0 + 2.0 * x1 - 0.5 * x2 + (0.2 + 0.4 * x1) * noise, 6)
    synthetic_exog = sm.add_constant(np.column_stack([x1, x2]))
    synthetic_new = np.array([[1.0, 0.0, 0.0], [1.0, 5.0, -1.0], [1.0, 12.0, 2.0]])
    out["student_t_quantiles"] = [
        {"p": p, "df": df, "quantile": student_t_quantile(p, df), "scipy_quantile": float(scipy.stats.t.ppf(p, df))}
        for p in (0.95, 0.975, 0.995) for df in (1, 3, 5, 12, 37, 200)
    ]
    out["synthetic"] = describe(y, synthetic_exog, ["Intercept", "x1", "x2"], synthetic_new)
    # The same sample without an intercept: statsmodels then reports uncentered R-squared and tests all coefficients in F.
    out["synthetic_no_intercept"] = describe(y, np.column_stack([x1, x2]), ["x1", "x2"], synthetic_new[:, 1:])
    # Chow test on the synthetic series split at observation 20 is not meaningful (no time order); skipped.

    with open(os.path.join(HERE, "statsmodels_reference.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1)
        handle.write("\n")
    print("wrote statsmodels_reference.json with", sys.version.split()[0])


if __name__ == "__main__":
    main()
