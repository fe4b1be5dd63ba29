# LREs of R's lm() on the eleven NIST StRD linear datasets, for the table in docs/regression.md.
# Run from this folder: Rscript nist_lre_r.R   (needs only base R and jsonlite if present; falls back to a tiny parser)
# Data and certified values are read from the same files as the C# tests: the NIST .dat files next to this script
# (Norris, NoInt1, NoInt2, Wampler4, Wampler5), Filip.dat, and the json (Pontius, Longley, Wampler1-3) via python3.
# lm() uses LINPACK's pivoted QR with tol = 1e-7: a column it judges collinear gets NA (reported as "NA").
# LRE = -log10(|x - c| / |c|), or -log10|x - c| when c = 0, capped at 15, floored at 0.
lre <- function(x, c) {
  if (!is.finite(x)) return(NA_real_)
  d <- abs(x - c); rel <- if (c == 0) d else d / abs(c)
  if (rel == 0) 15 else max(0, min(15, -log10(rel)))
}
read_dat <- function(file) {
  lines <- sub("\r$", "", readLines(file))
  header <- paste(lines[1:10], collapse = "\n")
  span <- function(what) {
    m <- regmatches(header, regexec(paste0(what, "\\s+\\(lines\\s+(\\d+)\\s+to\\s+(\\d+)\\)"), header))[[1]]
    as.integer(m[2:3])
  }
  cs <- span("Certified Values"); cert <- lines[cs[1]:cs[2]]
  b <- grep("^\\s*B[0-9]+\\s+\\S+\\s+\\S+\\s*$", cert, value = TRUE)
  parts <- strsplit(trimws(b), "\\s+")
  ds <- span("Data"); rows <- strsplit(trimws(lines[ds[1]:ds[2]]), "\\s+")
  list(y = as.numeric(sapply(rows, `[`, 1)), x = as.numeric(sapply(rows, `[`, 2)),
       beta = as.numeric(sapply(parts, `[`, 2)), se = as.numeric(sapply(parts, `[`, 3)))
}
read_json_set <- function(name) {
  # base R has no JSON reader: let python3 flatten one entry of the json into lines "key v1 v2 ...".
  out <- system2("python3", c("-c", shQuote(paste0(
    "import json;s=json.load(open('nist-strd-linear.json'))['", name, "'];",
    "print('y',*s['y']);print('beta',*s['beta']);print('se',*s['se']);",
    "print('x',*s['x']) if 'x' in s else [print('X',*r) for r in s['X']];print('degree',s.get('degree',0))"))), stdout = TRUE)
  f <- lapply(strsplit(out, " "), function(p) list(key = p[1], v = as.numeric(p[-1])))
  get <- function(k) unlist(lapply(Filter(function(e) e$key == k, f), `[[`, "v"))
  X <- do.call(rbind, lapply(Filter(function(e) e$key == "X", f), `[[`, "v"))
  list(y = get("y"), x = get("x"), X = X, beta = get("beta"), se = get("se"), degree = get("degree"))
}
poly_frame <- function(x, degree) { m <- sapply(1:degree, function(d) x^d); colnames(m) <- paste0("x", 1:degree); m }
fit <- function(name) {
  if (name == "Filip") {
    l <- strsplit(trimws(grep("^[^#]", readLines("Filip.dat"), value = TRUE)), "\\s+")
    cert <- Filter(function(p) p[1] == "certified", l)
    obs <- Filter(function(p) !(p[1] %in% c("certified", "residual_sd", "r_squared")), l)
    y <- as.numeric(sapply(obs, `[`, 1)); X <- poly_frame(as.numeric(sapply(obs, `[`, 2)), 10)
    return(list(m = lm(y ~ X), beta = as.numeric(sapply(cert, `[`, 3)), se = as.numeric(sapply(cert, `[`, 4))))
  }
  if (name %in% c("Norris", "NoInt1", "NoInt2", "Wampler4", "Wampler5")) {
    d <- read_dat(paste0(name, ".dat")); y <- d$y
    m <- if (name %in% c("NoInt1", "NoInt2")) lm(y ~ 0 + d$x) else if (name == "Norris") lm(y ~ d$x) else lm(y ~ poly_frame(d$x, 5))
    return(list(m = m, beta = d$beta, se = d$se))
  }
  s <- read_json_set(name); y <- s$y
  X <- if (s$degree > 0) poly_frame(s$x, s$degree) else s$X
  list(m = lm(y ~ X), beta = s$beta, se = s$se)
}
cat(R.version.string, "\n| dataset | coefficients | SEs |\n|---|---|---|\n")
for (name in c("Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5")) {
  f <- fit(name); b <- coef(f$m)
  se <- rep(NA_real_, length(b)); se[!is.na(b)] <- summary(f$m)$coefficients[, 2]
  lb <- mapply(lre, b, f$beta); ls <- mapply(lre, se, f$se)
  show <- function(v) if (any(is.na(v))) sprintf("NA (%d of %d not estimated)", sum(is.na(b)), length(b)) else sprintf("%.1f", min(v))
  cat(sprintf("| %s | %s | %s |\n", name, show(lb), show(ls)))
}
