# Reference numbers for the target growth models (tests/ZoneGrowth.Tests/Forecasting):
# the random walk with drift and the log-linear trend.
# Run from this folder:  Rscript growth_models_reference.R   (Debian: r-base-core, r-cran-forecast)
# Writes growth_models_reference.json beside itself.
suppressMessages({ library(forecast); library(jsonlite) })

# 1. A gap-free series: forecast::rwf(drift = TRUE) is the independent reference for the
#    drift, sigma, point forecasts and forecast standard errors (se recovered from its 80 %
#    interval: (upper - mean) / qnorm(0.9), since rwf uses normal quantiles).
years <- 2014:2021
level <- c(1000, 1135, 1262, 1441, 1609, 1822, 1950, 2260)
fit <- rwf(ts(log(level), start = 2014), h = 4, drift = TRUE, level = 80)
se <- (as.numeric(fit$upper) - as.numeric(fit$mean)) / qnorm(0.9)
df <- length(level) - 2                         # m - 1 differences' degrees of freedom
target <- 3000
p_met <- 1 - pt((log(target) - as.numeric(fit$mean)[4]) / se[4], df)

gapfree <- list(
  years = years, level = level,
  drift = fit$model$par$drift, drift_se = fit$model$par$drift.se, sigma = sqrt(fit$model$sigma2),
  forecast_years = 2022:2025, location = as.numeric(fit$mean), scale = se,
  degrees_of_freedom = df, target = target, probability_2025 = p_met)

# 2. HHZ revenue (亿元) with the two implied previous-year levels, which leaves gaps:
#    2017 = 3070 / 1.172 (derived), 2018 = 3070, 2020 = 4758.7 / 1.181 (derived), 2021 = 4758.7.
#    A k-year difference has mean k*mu and variance k*sigma^2: GLS drift = total change / span.
#    Written out here independently of the C# code; probabilities from R's pt / qt.
t <- c(2017, 2018, 2020, 2021)
y <- log(c(3070 / 1.172, 3070, 4758.7 / 1.181, 4758.7))
d <- diff(y); k <- diff(t); K <- sum(k); m <- length(d)
mu <- sum(d) / K
sigma <- sqrt(sum((d - k * mu)^2 / k) / (m - 1))
h <- 4
loc <- y[length(y)] + h * mu
sc <- sigma * sqrt(h + h^2 / K)
hhz <- list(
  years = t, drift = mu, sigma = sigma, degrees_of_freedom = m - 1,
  location_2025 = loc, scale_2025 = sc,
  probability_6000_2025 = 1 - pt((log(6000) - loc) / sc, m - 1),
  median_2025 = exp(loc), q05_2025 = exp(loc + sc * qt(0.05, m - 1)), q95_2025 = exp(loc + sc * qt(0.95, m - 1)))

# 3. The log-linear trend on the same four points, with R's lm and predict(): the t prediction
#    interval on the log scale gives location, scale = sqrt(se.fit^2 + sigma^2), df = n - 2.
trend_fit <- lm(y ~ I(t - 2017))
pred <- predict(trend_fit, newdata = data.frame(t = 2022:2025), se.fit = TRUE)
scale <- sqrt(pred$se.fit^2 + summary(trend_fit)$sigma^2)
trend <- list(
  years = t, slope = unname(coef(trend_fit)[2]), sigma = summary(trend_fit)$sigma,
  degrees_of_freedom = trend_fit$df.residual, forecast_years = 2022:2025,
  location = unname(pred$fit), scale = unname(scale),
  probability_6000_2025 = unname(1 - pt((log(6000) - pred$fit[4]) / scale[4], trend_fit$df.residual)))

out <- list(
  generated_by = "growth_models_reference.R",
  r_version = R.version.string, forecast_version = as.character(packageVersion("forecast")),
  gapfree = gapfree, hhz_revenue = hhz, hhz_revenue_trend = trend)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "growth_models_reference.json")
