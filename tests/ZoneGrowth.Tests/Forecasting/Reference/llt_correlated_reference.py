"""Independent reference numbers for the C# local-linear-trend model with CORRELATED
(non-diagonal, given) observation errors and an EXACTLY diffuse start.

What it computes
----------------
Reads ``llt_correlated_cases.json`` (same folder) and writes ``llt_correlated_reference.json``.
Model for y = ln(level), observed at the listed years (years in between are missing):

    y_i        = mu_{t_i} + e_i,          e ~ N(0, R)   (R given, n x n, year order)
    mu_{t+1}   = mu_t + nu_t + xi_t,      xi_t   ~ N(0, s2_level)
    nu_{t+1}   = nu_t + zeta_t,           zeta_t ~ N(0, s2_slope)
    (mu, nu) at the first observed year: exactly diffuse (fixed unknown / flat prior).

Every quantity is computed by two independent methods:

(A) statsmodels 0.13.5: an MLEModel on the yearly time axis (first..last observed year,
    missing years NaN) with the observation errors put INTO the state:
        alpha_t = (mu_t, nu_t, u_1, ..., u_n),  u = e (all n observation errors),
        T = blockdiag([[1, 1], [0, 1]], I_n), selection = first two states,
        Q = diag(s2_level, s2_slope), time-varying design Z_t = e_mu' + e_{u_i}'
        at the year of observation i (zero row at missing years), obs_cov H = 0,
        Initialization(k) with blocks: (mu, nu) 'diffuse' (exact diffuse Kalman filter /
        smoother of Durbin & Koopman), u 'known' with mean 0 and covariance R.
    Outputs: smoothed mu_t and Var(mu_t | y) for every year, statsmodels' exact-diffuse llf.

(B) direct generalised least squares (numpy float64, Cholesky; re-checked in 50-digit
    mpmath at the fixed params): y = X beta + w, w ~ N(0, V), V = K + R, X = [1, t_i],
    t = year - first year, K_ij = sum_{s < min(t_i, t_j)} (s2_level
    + (t_i - 1 - s)(t_j - 1 - s) s2_slope). beta_hat = (X'V^-1X)^-1 X'V^-1 y, r = y - X beta_hat,
    m_t = x_t' beta_hat + k_t' V^-1 r, k_t[i] = K(t, t_i),
    v_t = K(t, t) - k_t' V^-1 k_t + d' (X'V^-1X)^-1 d, d = x_t - X' V^-1 k_t,
    restricted loglik = -0.5 [(n - 2) ln 2pi + ln|V| + ln|X'V^-1X| + r'V^-1 r].

The two log-likelihoods differ by a parameter-free constant. Theory: statsmodels' diffuse
llf is the kappa -> inf limit of log N(y; 0, V + kappa X X') + ln kappa (d = 2 diffuse
elements), i.e. -0.5 [n ln 2pi + ln|V| + ln|X'V^-1X| + r'V^-1 r], so
llf_A - llf_B = -ln(2 pi) = -1.8378770664093453 (checked at several parameter points).

MLE of (s2_level, s2_slope) >= 0 is found for both objectives separately (several starts,
L-BFGS-B with bounds on scaled params and Nelder-Mead on sqrt-params; tiny values are
snapped to exactly 0 when that does not lower the objective). At the MLE (of B) the
smoothed level of the last year, its variance and (for cases with ``threshold_level``)
P = 1 - Phi((ln threshold - m) / sqrt(v + 0.005^2)) are reported by both methods. The MLE
used there is polished in mpmath (Newton on the exact gradient of B's restricted loglik).

How to rerun
------------
    cd tests/ZoneGrowth.Tests/Forecasting/Reference
    /usr/bin/python3 llt_correlated_reference.py          (about 15 s)

Use Debian's /usr/bin/python3 (statsmodels 0.13.5), not another python3 on PATH.
Versions used for the committed JSON (Debian bookworm): Python 3.11.2,
statsmodels 0.13.5 (python3-statsmodels 0.13.5+dfsg-7), numpy 1.24.2, scipy 1.10.1,
mpmath 1.2.1. The versions actually used are written into the JSON.
"""

import json
import math
import os
import platform
import sys
import warnings

import mpmath
import numpy as np
import scipy
import scipy.optimize
import scipy.stats
import statsmodels
from statsmodels.tsa.statespace.initialization import Initialization
from statsmodels.tsa.statespace.mlemodel import MLEModel

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_PATH = os.path.join(HERE, "llt_correlated_cases.json")
OUT_PATH = os.path.join(HERE, "llt_correlated_reference.json")

PARAM_SCALE = 1e4           # optimisers work on params * PARAM_SCALE
MP_DPS = 50
LN_2PI = math.log(2.0 * math.pi)
THRESHOLDS = {"hhz_headline_shared_errors": 6000.0}
EXTRA_SD = 0.005            # P uses sqrt(v + EXTRA_SD^2)
# parameter points at which llf_A - llf_B is checked (plus the case's params and the MLE)
CHECK_POINTS = [(1e-3, 1e-5), (1e-5, 1e-3), (3e-4, 0.0)]


# ---------------------------------------------------------------------------
# (A) statsmodels, errors in the state vector

class LLTCorrelatedErrors(MLEModel):
    """LLT with observation errors u ~ N(0, R) carried as constant states."""

    def __init__(self, years, y, R, obs_cov=0.0):
        years = [int(v) for v in years]
        self.first = years[0]
        self.n_obs = len(years)
        ntime = years[-1] - years[0] + 1
        endog = np.full(ntime, np.nan)
        k = 2 + self.n_obs
        design = np.zeros((1, k, ntime))
        for i, yr in enumerate(years):
            t = yr - self.first
            endog[t] = y[i]
            design[0, 0, t] = 1.0
            design[0, 2 + i, t] = 1.0
        super().__init__(endog, k_states=k, k_posdef=2)
        transition = np.eye(k)
        transition[0, 1] = 1.0
        selection = np.zeros((k, 2))
        selection[0, 0] = selection[1, 1] = 1.0
        self["design"] = design
        self["transition"] = transition
        self["selection"] = selection
        self["obs_cov"] = np.array([[obs_cov]])
        init = Initialization(k)          # block ("mixed") initialization
        init.set((0, 2), "diffuse")
        init.set((2, k), "known", constant=np.zeros(self.n_obs),
                 stationary_cov=np.asarray(R, dtype=float))
        self.ssm.initialize(init)
        self.ssm.tolerance = 0.0

    @property
    def param_names(self):
        return ["s2_level", "s2_slope"]

    @property
    def start_params(self):
        return np.array([1e-4, 1e-4])

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        self["state_cov"] = np.diag([params[0], params[1]])


def method_a(mod, params):
    res = mod.smooth(np.asarray(params, dtype=float), transformed=True)
    return {
        "smoothed_level": res.smoothed_state[0].copy(),
        "smoothed_level_var": res.smoothed_state_cov[0, 0].copy(),
        "smoothed_slope": res.smoothed_state[1].copy(),
        "smoothed_slope_var": res.smoothed_state_cov[1, 1].copy(),
        "smoothed_level_slope_cov": res.smoothed_state_cov[0, 1].copy(),
        "llf": float(res.llf),
        "nobs_diffuse": int(res.nobs_diffuse),
    }


def llf_a(mod, params):
    return float(mod.loglike(np.maximum(np.asarray(params, dtype=float), 0.0),
                             transformed=True))


# ---------------------------------------------------------------------------
# (B) direct GLS

def kfun(t, u, s2l, s2s):
    """Cov of the stochastic part of mu_t and mu_u (t, u >= 0 years since the start)."""
    m = min(t, u)
    return sum(s2l + (t - 1 - s) * (u - 1 - s) * s2s for s in range(m))


def method_b(years, y, R, params, ntime):
    s2l, s2s = float(params[0]), float(params[1])
    ti = [int(v) - int(years[0]) for v in years]
    n = len(ti)
    y = np.asarray(y, dtype=float)
    X = np.column_stack([np.ones(n), np.asarray(ti, dtype=float)])
    K = np.array([[kfun(a, b, s2l, s2s) for b in ti] for a in ti])
    V = K + np.asarray(R, dtype=float)
    L = np.linalg.cholesky(V)
    solve = lambda B: scipy.linalg.cho_solve((L, True), B)
    ViX = solve(X)
    A = X.T @ ViX
    Ainv = np.linalg.inv(A)
    beta = Ainv @ (ViX.T @ y)
    r = y - X @ beta
    Vir = solve(r)
    logdetV = 2.0 * np.sum(np.log(np.diag(L)))
    sign, logdetA = np.linalg.slogdet(A)
    assert sign > 0
    rll = -0.5 * ((n - 2) * LN_2PI + logdetV + logdetA + r @ Vir)
    m = np.empty(ntime)
    v = np.empty(ntime)
    for t in range(ntime):
        k = np.array([kfun(t, b, s2l, s2s) for b in ti])
        xt = np.array([1.0, float(t)])
        Vik = solve(k)
        d = xt - X.T @ Vik
        m[t] = xt @ beta + k @ Vir
        v[t] = kfun(t, t, s2l, s2s) - k @ Vik + d @ Ainv @ d
    return {"smoothed_level": m, "smoothed_level_var": v, "restricted_loglik": float(rll),
            "beta_hat": beta}


def restricted_loglik_mp(years, y, R):
    """Return a function (s2_level, s2_slope) -> restricted loglik (B) in mpmath."""
    mpmath.mp.dps = MP_DPS
    f = lambda x: mpmath.mpf(repr(float(x)))
    ti = [int(v) - int(years[0]) for v in years]
    n = len(ti)
    X = mpmath.matrix([[1, t] for t in ti])
    yv = mpmath.matrix([f(v) for v in y])
    Rm = mpmath.matrix([[f(v) for v in row] for row in np.asarray(R).tolist()])

    def rll(a, b):
        V = mpmath.matrix(n, n)
        for i in range(n):
            for j in range(n):
                V[i, j] = sum([a + (ti[i] - 1 - s) * (ti[j] - 1 - s) * b
                               for s in range(min(ti[i], ti[j]))], mpmath.mpf(0)) + Rm[i, j]
        Vi = mpmath.inverse(V)
        A = X.T * Vi * X
        beta = mpmath.lu_solve(A, X.T * Vi * yv)
        r = yv - X * beta
        return -((n - 2) * mpmath.log(2 * mpmath.pi) + mpmath.log(mpmath.det(V))
                 + mpmath.log(mpmath.det(A)) + (r.T * Vi * r)[0]) / 2
    return rll


def polish_mle_mp(years, y, R, p):
    """Solve grad = 0 of the restricted loglik in mpmath for the non-zero components of p."""
    rll = restricted_loglik_mp(years, y, R)
    p = [mpmath.mpf(repr(float(v))) for v in p]
    free = [i for i in range(2) if p[i] > 0]
    if not free:
        return [float(v) for v in p], float(rll(*p))

    def full(x):
        q = list(p)
        for k, i in enumerate(free):
            q[i] = x[k]
        return q

    def grad(*x):
        q = full(x)
        out = []
        for i in free:
            def g1(z, i=i):
                qq = list(q)
                qq[i] = z
                return rll(*qq)
            out.append(mpmath.diff(g1, q[i]))
        return out if len(out) > 1 else out[0]

    sol = mpmath.findroot(grad, [p[i] for i in free] if len(free) > 1 else p[free[0]])
    x = [sol[k] for k in range(len(free))] if len(free) > 1 else [sol]
    q = full(x)
    return [float(v) for v in q], float(rll(*q))


def method_b_mp(years, y, R, params, ntime):
    """Same as method_b in 50-digit mpmath (inputs taken as their exact double values)."""
    mpmath.mp.dps = MP_DPS
    f = lambda x: mpmath.mpf(repr(float(x)))
    s2l, s2s = f(params[0]), f(params[1])
    ti = [int(v) - int(years[0]) for v in years]
    n = len(ti)
    K = lambda a, b: sum([s2l + (a - 1 - s) * (b - 1 - s) * s2s for s in range(min(a, b))],
                         mpmath.mpf(0))
    X = mpmath.matrix([[1, t] for t in ti])
    V = mpmath.matrix(n, n)
    for i in range(n):
        for j in range(n):
            V[i, j] = K(ti[i], ti[j]) + f(R[i][j])
    yv = mpmath.matrix([f(v) for v in y])
    Vi = mpmath.inverse(V)
    A = X.T * Vi * X
    Ainv = mpmath.inverse(A)
    beta = Ainv * (X.T * Vi * yv)
    r = yv - X * beta
    rll = -((n - 2) * mpmath.log(2 * mpmath.pi) + mpmath.log(mpmath.det(V))
            + mpmath.log(mpmath.det(A)) + (r.T * Vi * r)[0]) / 2
    m = np.empty(ntime)
    v = np.empty(ntime)
    for t in range(ntime):
        k = mpmath.matrix([K(t, b) for b in ti])
        xt = mpmath.matrix([1, t])
        d = xt - X.T * Vi * k
        m[t] = float((xt.T * beta)[0] + (k.T * Vi * r)[0])
        v[t] = float(K(t, t) - (k.T * Vi * k)[0] + (d.T * Ainv * d)[0])
    return {"smoothed_level": m, "smoothed_level_var": v, "restricted_loglik": float(rll)}


# ---------------------------------------------------------------------------
# helpers

def to_jsonable(x):
    if isinstance(x, dict):
        return {k: to_jsonable(v) for k, v in x.items()}
    if isinstance(x, (np.ndarray, list, tuple)):
        return [to_jsonable(v) for v in x]
    if isinstance(x, (np.bool_, bool)):
        return bool(x)
    if isinstance(x, (np.integer, int)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        x = float(x)
        return x if math.isfinite(x) else None
    return x


def max_rel(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(np.max(np.abs(a - b) / np.abs(b)))


def maximise(f, starts, tag):
    cands = []
    for s in starts:
        s = np.asarray(s, dtype=float)
        r = scipy.optimize.minimize(lambda x: -f(x / PARAM_SCALE), s * PARAM_SCALE,
                                    method="L-BFGS-B", bounds=[(0.0, None), (0.0, None)],
                                    options=dict(ftol=1e-16, gtol=1e-12, maxiter=10000))
        p = np.maximum(r.x / PARAM_SCALE, 0.0)
        cands.append((f(p), p, tag + "_lbfgsb", s))
        r = scipy.optimize.minimize(lambda q: -f(np.asarray(q) ** 2 / PARAM_SCALE),
                                    np.sqrt(s * PARAM_SCALE) + 1e-3, method="Nelder-Mead",
                                    options=dict(xatol=1e-11, fatol=1e-14, maxiter=5000,
                                                 maxfev=5000))
        p = r.x ** 2 / PARAM_SCALE
        cands.append((f(p), p, tag + "_nelder_mead_sqrt", s))
    cands.sort(key=lambda c: -c[0])
    best_val, best_p, how, _ = cands[0]
    # snap tiny variances to exactly zero when that does not lower the objective
    p = best_p.copy()
    for i in range(2):
        if p[i] < 1e-9:
            q = p.copy()
            q[i] = 0.0
            if f(q) >= best_val - 1e-12:
                p, best_val = q, f(q)
    spread = np.array([c[1] for c in cands if c[0] > best_val - 1e-8])
    return {
        "params": {"s2_level": float(p[0]), "s2_slope": float(p[1])},
        "loglik": float(best_val),
        "found_by": how,
        "n_runs": len(cands),
        "n_runs_within_1e-8_of_best": int(spread.shape[0]),
        "param_range_of_runs_within_1e-8_of_best": {
            "s2_level": [float(spread[:, 0].min()), float(spread[:, 0].max())],
            "s2_slope": [float(spread[:, 1].min()), float(spread[:, 1].max())]},
        "other_local_optima": [
            {"params": [float(c[1][0]), float(c[1][1])], "loglik": float(c[0]),
             "start": [float(c[3][0]), float(c[3][1])], "how": c[2]}
            for c in cands if c[0] < best_val - 1e-6][:5],
    }, p


def gradient(f, p):
    g, at_zero = [], []
    for i in range(2):
        if p[i] == 0.0:
            q = p.copy()
            q[i] = 1e-9
            g.append((f(q) - f(p)) / 1e-9)
            at_zero.append(True)
        else:
            h = p[i] * 1e-5
            q1, q2 = p.copy(), p.copy()
            q1[i] += h
            q2[i] -= h
            g.append((f(q1) - f(q2)) / (2 * h))
            at_zero.append(False)
    return {"s2_level": g[0], "s2_slope": g[1],
            "at_zero_boundary": {"s2_level": at_zero[0], "s2_slope": at_zero[1]},
            "note": "finite differences; one-sided forward (step 1e-9) for a parameter at 0, "
                    "where a negative value confirms a boundary maximum"}


# ---------------------------------------------------------------------------

def run_case(case):
    name = case["name"]
    years = [int(v) for v in case["years"]]
    y = [float(v) for v in case["y"]]
    R = np.asarray(case["R"], dtype=float)
    n = len(years)
    assert R.shape == (n, n) and np.allclose(R, R.T, rtol=0, atol=0)
    assert list(years) == sorted(years)
    ntime = years[-1] - years[0] + 1
    all_years = list(range(years[0], years[-1] + 1))
    params = np.array([case["params"]["s2_level"], case["params"]["s2_slope"]])

    mod = LLTCorrelatedErrors(years, y, R)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = method_a(mod, params)
    b = method_b(years, y, R, params, ntime)
    bmp = method_b_mp(years, y, R, params, ntime)
    # also with a tiny positive H (1e-14) to show H = 0 is harmless
    mod_tiny = LLTCorrelatedErrors(years, y, R, obs_cov=1e-14)
    a_tiny = method_a(mod_tiny, params)

    agree = {
        "level_max_rel_diff_A_vs_B": max_rel(a["smoothed_level"], b["smoothed_level"]),
        "level_var_max_rel_diff_A_vs_B": max_rel(a["smoothed_level_var"], b["smoothed_level_var"]),
        "level_max_rel_diff_B_float64_vs_B_mpmath": max_rel(b["smoothed_level"], bmp["smoothed_level"]),
        "level_var_max_rel_diff_B_float64_vs_B_mpmath": max_rel(b["smoothed_level_var"], bmp["smoothed_level_var"]),
        "level_var_max_rel_diff_A_vs_B_mpmath": max_rel(a["smoothed_level_var"], bmp["smoothed_level_var"]),
        "restricted_loglik_B_float64_minus_mpmath": b["restricted_loglik"] - bmp["restricted_loglik"],
        "A_with_H_1e-14_minus_A_H_0_llf": a_tiny["llf"] - a["llf"],
        "A_with_H_1e-14_vs_H_0_level_var_max_rel": max_rel(a_tiny["smoothed_level_var"], a["smoothed_level_var"]),
    }
    assert agree["level_max_rel_diff_A_vs_B"] < 1e-9
    assert agree["level_var_max_rel_diff_A_vs_B"] < 1e-7
    assert agree["level_var_max_rel_diff_B_float64_vs_B_mpmath"] < 1e-9

    def fA(p):
        return llf_a(mod, p)

    def fB(p):
        return method_b(years, y, R, np.maximum(np.asarray(p, float), 0.0), ntime)["restricted_loglik"]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        grid = [1e-6, 1e-4, 1e-2]
        starts = [(p, q) for p in grid for q in grid] + [(0.0, 1e-4), (1e-4, 0.0),
                                                         tuple(params)]
        mleB, pB = maximise(fB, starts, "scipy_on_B_restricted_loglik")
        mleA, pA = maximise(fA, starts, "scipy_on_statsmodels_llf")

        # constant difference check
        pts = [tuple(params)] + CHECK_POINTS + [tuple(pB)]
        diffs = []
        for p in pts:
            la, lb = fA(p), fB(p)
            diffs.append({"params": {"s2_level": float(p[0]), "s2_slope": float(p[1])},
                          "llf_A_statsmodels": la, "restricted_loglik_B": lb,
                          "A_minus_B": la - lb, "A_minus_B_plus_ln_2pi": la - lb + LN_2PI})
        assert all(abs(d["A_minus_B_plus_ln_2pi"]) < 1e-8 for d in diffs)

        mleB["gradient"] = gradient(fB, pB)
        mleA["gradient"] = gradient(fA, pA)
        mleA["restricted_loglik_B_at_these_params"] = fB(pA)
        mleB["statsmodels_llf_A_at_these_params"] = fA(pB)
        # high-precision MLE: Newton (mpmath.findroot) on the mpmath gradient of B's
        # restricted loglik, started from the double optimum (zero components kept at 0)
        pX, llX = polish_mle_mp(years, y, R, pB)
        mle_exact = {
            "params": {"s2_level": pX[0], "s2_slope": pX[1]},
            "restricted_loglik": llX,
            "statsmodels_llf": fA(pX),
            "note": f"grad = 0 solved in {MP_DPS}-digit mpmath (findroot on mpmath.diff); the "
                    "double-precision optima (B and A) differ from this by ~1e-7 relative "
                    "because the loglik is flat near its maximum",
            "rel_diff_of_double_optimum_B": {
                "s2_level": abs(pB[0] - pX[0]) / max(pX[0], 1e-300),
                "s2_slope": abs(pB[1] - pX[1]) / max(pX[1], 1e-300)},
            "rel_diff_of_double_optimum_A": {
                "s2_level": abs(pA[0] - pX[0]) / max(pX[0], 1e-300),
                "s2_slope": abs(pA[1] - pX[1]) / max(pX[1], 1e-300)},
        }
        pB = np.array(pX)
        aM = method_a(mod, pB)
    bM = method_b(years, y, R, pB, ntime)
    bMmp = method_b_mp(years, y, R, pB, ntime)

    at_mle = {
        "params_used": "mle.mle_exact_mpmath (maximiser of B's restricted loglik = of A's llf)",
        "params": mle_exact["params"],
        "A_statsmodels": {"smoothed_level": aM["smoothed_level"],
                          "smoothed_level_var": aM["smoothed_level_var"], "llf": aM["llf"]},
        "B_gls": {"smoothed_level": bM["smoothed_level"],
                  "smoothed_level_var": bM["smoothed_level_var"],
                  "restricted_loglik": bM["restricted_loglik"]},
        "level_max_rel_diff_A_vs_B": max_rel(aM["smoothed_level"], bM["smoothed_level"]),
        "level_var_max_rel_diff_A_vs_B": max_rel(aM["smoothed_level_var"], bM["smoothed_level_var"]),
        "level_var_max_rel_diff_B_vs_B_mpmath": max_rel(bM["smoothed_level_var"], bMmp["smoothed_level_var"]),
    }
    last = {"year": years[-1],
            "level_B": float(bM["smoothed_level"][-1]), "var_B": float(bM["smoothed_level_var"][-1]),
            "level_B_mpmath": float(bMmp["smoothed_level"][-1]),
            "var_B_mpmath": float(bMmp["smoothed_level_var"][-1]),
            "level_A": float(aM["smoothed_level"][-1]), "var_A": float(aM["smoothed_level_var"][-1])}
    if name in THRESHOLDS:
        thr = THRESHOLDS[name]
        for tag in ("B", "A", "B_mpmath"):
            m, v = last["level_" + tag], last["var_" + tag]
            last["P_" + tag] = float(scipy.stats.norm.sf((math.log(thr) - m) / math.sqrt(v + EXTRA_SD ** 2)))
        last["P_formula"] = f"1 - Phi((ln {thr:g} - m) / sqrt(v + {EXTRA_SD}^2))"
        # also at the method-A optimum, for completeness
        bA = method_b(years, y, R, pA, ntime)
        m, v = float(bA["smoothed_level"][-1]), float(bA["smoothed_level_var"][-1])
        last["at_statsmodels_llf_optimum"] = {
            "level": m, "var": v,
            "P": float(scipy.stats.norm.sf((math.log(thr) - m) / math.sqrt(v + EXTRA_SD ** 2)))}
        # and at the fixed params
        m, v = float(b["smoothed_level"][-1]), float(b["smoothed_level_var"][-1])
        last["at_fixed_params"] = {
            "level": m, "var": v,
            "P": float(scipy.stats.norm.sf((math.log(thr) - m) / math.sqrt(v + EXTRA_SD ** 2)))}
    at_mle["last_year"] = last

    entry = {
        "name": name,
        "years_observed": years,
        "years": all_years,
        "y": y,
        "R": R,
        "params": {"s2_level": float(params[0]), "s2_slope": float(params[1])},
        "A_statsmodels": {k: a[k] for k in ("smoothed_level", "smoothed_level_var",
                                            "smoothed_slope", "smoothed_slope_var",
                                            "smoothed_level_slope_cov", "llf", "nobs_diffuse")},
        "B_gls": {"smoothed_level": b["smoothed_level"],
                  "smoothed_level_var": b["smoothed_level_var"],
                  "restricted_loglik": b["restricted_loglik"],
                  "beta_hat_level_slope_at_first_year": b["beta_hat"]},
        "B_gls_mpmath": bmp,
        "agreement": agree,
        "loglik_difference_A_minus_B": {
            "expected_constant": -LN_2PI,
            "points": diffs,
            "max_abs_deviation_from_minus_ln_2pi": max(abs(d["A_minus_B_plus_ln_2pi"]) for d in diffs),
        },
        "mle": {"mle_exact_mpmath": mle_exact, "B_restricted_loglik": mleB, "A_statsmodels_llf": mleA,
                "param_diff_A_vs_B_rel": {
                    "s2_level": abs(pA[0] - pB[0]) / max(pB[0], 1e-300),
                    "s2_slope": abs(pA[1] - pB[1]) / max(pB[1], 1e-300)}},
        "at_mle": at_mle,
    }
    print(f"{name}: fixed llfA={a['llf']!r} rllB={b['restricted_loglik']!r} "
          f"MLE_exact={mle_exact['params']} MLE_B={mleB['params']} MLE_A={mleA['params']} last={last}", file=sys.stderr)
    return to_jsonable(entry)


def main():
    with open(CASES_PATH) as fh:
        spec = json.load(fh)
    result = {
        "generated_by": "llt_correlated_reference.py (run: /usr/bin/python3 llt_correlated_reference.py)",
        "description": (
            "Local linear trend of y = ln(level) with a given NON-diagonal observation-error "
            "covariance R and an exactly diffuse (mu, nu) at the first observed year. Two "
            "independent methods: (A) statsmodels MLEModel with the observation errors in the "
            "state vector (mixed initialization: diffuse mu, nu; known N(0, R) errors) and "
            "statsmodels' exact diffuse Kalman filter/smoother; (B) direct GLS / BLUP with "
            "V = K + R (numpy float64, re-checked in 50-digit mpmath). Reported: smoothed level "
            "mean/variance for every year, log-likelihoods (A: statsmodels exact-diffuse llf, "
            "B: restricted loglik), their constant difference (-ln 2pi), MLEs under both "
            "objectives, and at the MLE the last-year level, variance and exceedance "
            "probability P."),
        "versions": {
            "python": platform.python_version(),
            "statsmodels": statsmodels.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "mpmath": mpmath.__version__,
        },
        "model": {
            "equations": [
                "y_i = mu_{t_i} + e_i, e ~ N(0, R) (R n x n over the observed years, year order)",
                "mu_{t+1} = mu_t + nu_t + xi_t, xi_t ~ N(0, s2_level)",
                "nu_{t+1} = nu_t + zeta_t, zeta_t ~ N(0, s2_slope)",
                "(mu, nu) at the first observed year exactly diffuse",
            ],
            "A_state_space": "alpha = (mu, nu, u_1..u_n); T = blockdiag([[1,1],[0,1]], I_n); "
                             "selection = first two states; Q = diag(s2_level, s2_slope); "
                             "Z_t = e_mu + e_{u_i} at the year of observation i; H = 0; "
                             "Initialization(k) with blocks (statsmodels 0.13.5 has no 'mixed' type string): (0,2) diffuse, (2,k) known mean 0 cov R",
            "B_restricted_loglik": "-0.5[(n-2) ln 2pi + ln|V| + ln|X'V^-1X| + r'V^-1 r], V = K + R, X = [1, t_i]",
            "K": "K(t,u) = sum_{s < min(t,u)} (s2_level + (t-1-s)(u-1-s) s2_slope), t = year - first year",
        },
        "conventions": {
            "years": "every year from the first to the last observed year; arrays smoothed_level* are indexed by it",
            "smoothed_level": "E[mu_t | all y] (= GLS/BLUP prediction, B)",
            "smoothed_level_var": "Var[mu_t | all y] (= BLUP mean squared error including the beta uncertainty, B)",
            "llf": "statsmodels 0.13.5 exact diffuse log-likelihood (res.llf); equals restricted_loglik - ln(2 pi)",
            "rel_diff": "max over years of |a - b| / |b|",
            "P": "1 - Phi((ln threshold - m) / sqrt(v + 0.005^2)) with m, v the smoothed level and variance of the last year at mle.mle_exact_mpmath",
        },
        "cases": [],
    }
    for case in spec["cases"]:
        result["cases"].append(run_case(case))
    with open(OUT_PATH, "w") as fh:
        json.dump(result, fh, indent=2, allow_nan=False)
        fh.write("\n")


if __name__ == "__main__":
    main()
