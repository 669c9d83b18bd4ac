# Exports the R data sets the figure examples draw (examples/figures/*.mjs) and that
# docs/figures/reference/make.R draws with survminer, rms, riskRegression and cmprsk.
#   Rscript examples/figures/data/make.R      (from the repository root)
# Data: R package survival (LGPL; the data sets are public): lung, rotterdam, gbsg, mgus2.
suppressPackageStartupMessages(library(survival))
out <- "examples/figures/data"
cat("R", R.version.string, "survival", as.character(packageVersion("survival")), "\n")

# lung: NCCTG advanced lung cancer; status 1 = censored, 2 = dead (R coding), days.
write.csv(lung[, c("time", "status", "age", "sex", "ph.ecog", "ph.karno", "wt.loss")],
          file.path(out, "lung.csv"), row.names = FALSE, na = "")

# Model evaluation: Rotterdam node-positive patients (training) and GBSG (external validation), as in
# the survival package's "validation" vignette; relapse-free survival in years, common predictors.
r <- rotterdam[rotterdam$nodes > 0, ]
rfs <- pmin(r$rtime, r$dtime)
ev <- as.integer(r$recur == 1 | r$death == 1)
train <- data.frame(cohort = "Rotterdam", time = round(rfs / 365.25, 3), event = ev, age = r$age,
                    nodes = pmin(r$nodes, 20), grade = r$grade, pgr = round(log2(r$pgr + 1), 3),
                    hormon = r$hormon)
valid <- data.frame(cohort = "GBSG", time = round(gbsg$rfstime / 365.25, 3), event = gbsg$status,
                    age = gbsg$age, nodes = pmin(gbsg$nodes, 20), grade = gbsg$grade,
                    pgr = round(log2(gbsg$pgr + 1), 3), hormon = gbsg$hormon)
write.csv(rbind(train, valid), file.path(out, "breast.csv"), row.names = FALSE)

# mgus2: progression to plasma-cell malignancy (1) with death (2) as competing event, months.
m <- mgus2
etime <- ifelse(m$pstat == 0, m$futime, m$ptime)
event <- ifelse(m$pstat == 0, 2 * m$death, 1)
write.csv(data.frame(time = etime, status = event, sex = ifelse(m$sex == "F", "Female", "Male")),
          file.path(out, "mgus2.csv"), row.names = FALSE)
