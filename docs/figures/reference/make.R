# The reference figures of docs/figures.md: the data of examples/figures/*.mjs drawn by the R packages
# researchers use (survminer, rms, riskRegression, pheatmap, ggplot2 + ggpubr + ggrepel, Seurat, cmprsk,
# cowplot), with their defaults except where a setting is named. Writes docs/figures/reference/<name>.png
# at 150 dpi, at the physical size of our figure of the same name.
#   Rscript docs/figures/reference/make.R        (from the repository root; CI never runs R)
suppressPackageStartupMessages({
  library(survival); library(survminer); library(rms); library(riskRegression); library(ggplot2)
  library(ggpubr); library(ggrepel); library(pheatmap); library(limma); library(cmprsk); library(cowplot)
  library(Seurat)
})
for (p in c("survival", "survminer", "rms", "riskRegression", "ggplot2", "ggpubr", "ggrepel", "pheatmap",
            "limma", "cmprsk", "cowplot", "Seurat"))
  cat(p, as.character(packageVersion(p)), "\n")
cat(R.version.string, "\n")
data <- "examples/figures/data"
out <- "docs/figures/reference"
png_mm <- function(name, width, height) png(file.path(out, paste0(name, ".png")), width = width,
                                             height = height, units = "mm", res = 150)

# --- lung: KM by sex, Cox forest, nomogram (examples/figures/km.mjs, forest.mjs, nomogram.mjs) ---
lung <- read.csv(file.path(data, "lung.csv"))
lung$sex <- factor(lung$sex, levels = 1:2, labels = c("Male", "Female"))
fit_km <- survfit(Surv(time, status) ~ sex, data = lung)
km <- ggsurvplot(fit_km, data = lung, risk.table = TRUE, pval = TRUE, conf.int = TRUE,
                 surv.median.line = "hv", break.time.by = 180, xlab = "Time (days)",
                 ylab = "Overall survival", legend.labs = c("Male", "Female"),
                 # survminer's defaults crush the table at this size: a readable table, as users set it.
                 risk.table.height = 0.3, fontsize = 3.5, tables.theme = theme_cleantable())
png_mm("km", 160, 130); print(km); dev.off()

lung2 <- lung[!is.na(lung$ph.ecog) & lung$ph.ecog <= 2, ]
lung2$ecog <- factor(lung2$ph.ecog, levels = 0:2)
cox <- coxph(Surv(time, status) ~ age + sex + ecog, data = lung2)
png_mm("forest", 170, 73); print(ggforest(cox, data = lung2)); dev.off()

dd <- datadist(lung2); options(datadist = "dd")
cph_fit <- cph(Surv(time, status) ~ age + sex + ecog, data = lung2, surv = TRUE, x = TRUE, y = TRUE)
surv <- Survival(cph_fit)
nom <- nomogram(cph_fit, fun = list(function(x) surv(182.5, x), function(x) surv(365, x)),
                funlabel = c("6-month survival", "12-month survival"),
                fun.at = c(0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1))
png_mm("nomogram", 170, 110); plot(nom); dev.off()

# --- breast: model evaluation on GBSG of Cox models fitted on Rotterdam (model-evaluation.mjs) ---
breast <- read.csv(file.path(data, "breast.csv"))
rott <- breast[breast$cohort == "Rotterdam", ]
gbsg <- breast[breast$cohort == "GBSG", ]
m1 <- coxph(Surv(time, event) ~ age + nodes + grade, data = rott, x = TRUE)
m2 <- coxph(Surv(time, event) ~ age + nodes + grade + pgr + hormon, data = rott, x = TRUE)
models <- list("Clinical" = m1, "Clinical + PgR" = m2)
sc <- Score(models, formula = Surv(time, event) ~ 1, data = gbsg, times = 5, plots = c("roc", "cal"),
            metrics = "auc")
print(sc$AUC$score)
sc_cal <- Score(list("Clinical + PgR" = m2), formula = Surv(time, event) ~ 1, data = gbsg, times = 5,
                plots = "cal", metrics = "auc")
# Net benefit at 5 years from Kaplan-Meier within those above the threshold (Vickers' survival DCA).
net_benefit <- function(risk, data, thresholds, t = 5) {
  sapply(thresholds, function(pt) {
    above <- risk >= pt
    if (!any(above)) return(0)
    s <- summary(survfit(Surv(time, event) ~ 1, data = data[above, ]), times = t, extend = TRUE)$surv
    p <- mean(above)
    (1 - s) * p - s * p * pt / (1 - pt)
  })
}
thresholds <- seq(0.01, 0.79, by = 0.02)
risk5 <- lapply(models, function(m) as.numeric(predictRisk(m, newdata = gbsg, times = 5)))
nb <- sapply(risk5, net_benefit, data = gbsg, thresholds = thresholds)
nb_all <- net_benefit(rep(1, nrow(gbsg)), gbsg, thresholds)
cidx <- do.call(rbind, lapply(names(models), function(name) {
  do.call(rbind, lapply(list(Rotterdam = rott, GBSG = gbsg), function(d) {
    c_ <- concordance(models[[name]], newdata = d)
    data.frame(model = name, c = c_$concordance, se = sqrt(c_$var))
  })) -> r
  r$cohort <- c("Rotterdam", "GBSG"); r
}))
print(cidx)
png_mm("model-evaluation", 173, 164)
par(mfrow = c(2, 2), mar = c(4.2, 4.2, 2.5, 1))
plotROC(sc, times = 5); mtext("A", side = 3, adj = -0.25, line = 1, font = 2, cex = 1.3)
plotCalibration(sc_cal, times = 5, method = "quantile", q = 5, cens.method = "local")
mtext("B", side = 3, adj = -0.25, line = 1, font = 2, cex = 1.3)
matplot(thresholds, cbind(nb, nb_all), type = "l", lty = c(1, 1, 2), col = c(1, 2, "grey50"),
        ylim = c(-0.05, max(nb) * 1.1), xlab = "Threshold probability", ylab = "Net benefit")
abline(h = 0); legend("topright", c(names(models), "Treat all", "Treat none"), lty = c(1, 1, 2, 1),
                      col = c(1, 2, "grey50", 1), bty = "n")
mtext("C", side = 3, adj = -0.25, line = 1, font = 2, cex = 1.3)
x <- c(1, 2, 4, 5)
plot(x, cidx$c, ylim = c(0.5, 0.75), xlim = c(0.5, 5.5), pch = 19, col = c(1, 2, 1, 2), xaxt = "n",
     xlab = "", ylab = "C-index (95% CI)")
arrows(x, cidx$c - 1.96 * cidx$se, x, cidx$c + 1.96 * cidx$se, angle = 90, code = 3, length = 0.03,
       col = c(1, 2, 1, 2))
axis(1, at = c(1.5, 4.5), labels = names(models)); abline(h = 0.5, lty = 2)
legend("topleft", c("Rotterdam", "GBSG"), pch = 19, col = 1:2, bty = "n")
mtext("D", side = 3, adj = -0.25, line = 1, font = 2, cex = 1.3)
dev.off()

# --- bulk expression: heatmap, violins, volcano (heatmap.mjs, violin.mjs, volcano.mjs) ---
expr <- as.matrix(read.csv(file.path(data, "expression.csv"), row.names = 1, check.names = FALSE))
samples <- read.csv(file.path(data, "samples.csv"))
group <- factor(samples$group[match(colnames(expr), samples$sample)], levels = c("Low risk", "High risk"))
design <- model.matrix(~ group)
tt <- topTable(eBayes(lmFit(expr, design)), coef = 2, number = Inf, sort.by = "P")
top30 <- rownames(tt)[1:30]
png_mm("heatmap", 170, 150)
pheatmap(expr[top30, ], scale = "row", annotation_col = data.frame(`Risk group` = group,
         row.names = colnames(expr), check.names = FALSE), show_colnames = FALSE)
dev.off()

genes <- c("NDRG1", "CDK1", "PRF1")
long <- data.frame(gene = factor(rep(genes, each = ncol(expr)), levels = genes),
                   group = rep(group, length(genes)), value = as.vector(t(expr[genes, ])))
p_bh <- p.adjust(sapply(genes, function(g) wilcox.test(expr[g, group == "High risk"],
                                                        expr[g, group == "Low risk"])$p.value), "BH")
stat <- data.frame(gene = factor(genes, levels = genes), group1 = "Low risk", group2 = "High risk",
                   p.adj = signif(p_bh, 2), y.position = max(long$value) * 1.05)
violin <- ggplot(long, aes(group, value)) + geom_violin(aes(fill = group)) +
  geom_boxplot(width = 0.1, fill = "white", outlier.shape = NA) + facet_wrap(~gene) +
  stat_pvalue_manual(stat, label = "p = {p.adj}") + labs(x = NULL, y = "Expression (log2)") +
  scale_x_discrete(labels = function(l) paste0(l, "\nn = ", table(group)[l])) +
  theme(legend.position = "none")
ggsave(file.path(out, "violin.png"), violin, width = 170, height = 90, units = "mm", dpi = 150)

tt$gene <- rownames(tt)
tt$status <- ifelse(tt$adj.P.Val < 0.05 & tt$logFC > 0.5, "Up",
                    ifelse(tt$adj.P.Val < 0.05 & tt$logFC < -0.5, "Down", "NS"))
volcano <- ggplot(tt, aes(logFC, -log10(P.Value), colour = status)) + geom_point(size = 1) +
  geom_vline(xintercept = c(-0.5, 0.5), linetype = 2) +
  geom_hline(yintercept = -log10(max(tt$P.Value[tt$adj.P.Val < 0.05])), linetype = 2) +
  geom_text_repel(data = head(tt[tt$status != "NS", ], 15), aes(label = gene), size = 3, show.legend = FALSE, seed = 1) +
  scale_colour_manual(values = c(Down = "#2166AC", NS = "grey70", Up = "#B2182B")) +
  labs(x = "log2 fold change (High vs Low risk)", y = expression(-log[10]~p))
ggsave(file.path(out, "volcano.png"), volcano, width = 120, height = 100, units = "mm", dpi = 150)

# --- pbmc68k: dot plot and embedding (dot-plot.mjs, embedding.mjs) ---
pbmc <- read.csv(file.path(data, "pbmc68k.csv"), check.names = FALSE)
markers <- colnames(pbmc)[-(1:4)]
mat <- t(as.matrix(pbmc[, markers])); colnames(mat) <- pbmc$cell
obj <- suppressWarnings(CreateSeuratObject(counts = mat))
obj <- SetAssayData(obj, slot = "data", new.data = mat)
Idents(obj) <- factor(pbmc$cell_type)
dot <- DotPlot(obj, features = markers) + RotatedAxis()
ggsave(file.path(out, "dot-plot.png"), dot, width = 170, height = 100, units = "mm", dpi = 150)

embedding <- ggplot(pbmc, aes(umap1, umap2, colour = cell_type)) + geom_point(size = 0.6) +
  labs(x = "UMAP 1", y = "UMAP 2", colour = "Cell type") + theme_classic()
ggsave(file.path(out, "embedding.png"), embedding, width = 150, height = 100, units = "mm", dpi = 150)

# --- mgus2: cumulative incidence with death as competing event (cumulative-incidence.mjs) ---
mgus <- read.csv(file.path(data, "mgus2.csv"))
ci <- cuminc(mgus$time, mgus$status, group = mgus$sex, cencode = 0)
print(ci$Tests)
png_mm("cumulative-incidence", 160, 110)
plot(ci, xlab = "Months", ylab = "Cumulative incidence", curvlab = c("Female, progression",
     "Male, progression", "Female, death", "Male, death"), col = c(1, 2, 1, 2), lty = c(1, 1, 2, 2))
dev.off()

# --- multi-panel: KM and two violins side by side, cowplot letters (multi-panel.mjs) ---
km_small <- ggsurvplot(fit_km, data = lung, risk.table = TRUE, pval = TRUE, conf.int = TRUE,
                       break.time.by = 250, xlab = "Time (days)", ylab = "Overall survival",
                       legend.labs = c("Male", "Female"), fontsize = 2.5,
                       ggtheme = theme_survminer(font.main = 9, font.x = 9, font.y = 9, font.tickslab = 8,
                                                 font.legend = 8),
                       tables.theme = theme_cleantable(base_size = 8))
left <- plot_grid(km_small$plot, km_small$table, ncol = 1, rel_heights = c(3, 1.3), align = "v")
right <- ggplot(long[long$gene != "CDK1", ], aes(group, value)) + geom_violin(aes(fill = group)) +
  geom_boxplot(width = 0.1, fill = "white", outlier.shape = NA) + facet_wrap(~gene) +
  labs(x = NULL, y = "Expression (log2)") + theme(legend.position = "none")
ggsave(file.path(out, "multi-panel.png"), plot_grid(left, right, labels = "AUTO"), width = 173,
       height = 83, units = "mm", dpi = 150)

# --- breast: KM faceted by cohort (km-facets.mjs) ---
breast$nodes_group <- factor(ifelse(breast$nodes >= 4, "4+ nodes", "1-3 nodes"))
breast$cohort <- factor(breast$cohort, levels = c("Rotterdam", "GBSG"))
fit_facet <- survfit(Surv(time, event) ~ nodes_group, data = breast)
facet <- ggsurvplot_facet(fit_facet, breast, facet.by = "cohort", pval = TRUE, conf.int = TRUE,
                          break.time.by = 2, xlab = "Time (years)", ylab = "Relapse-free survival")
ggsave(file.path(out, "km-facets.png"), facet, width = 173, height = 86, units = "mm", dpi = 150)
