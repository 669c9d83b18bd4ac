# Writes the data files of this folder from their upstream sources (run from this folder):
#   Rscript make-data.R <mirror root>
# Upstream copies (public GitHub snapshots, at the commits named below):
#   ebecht/MCPcounter     b6eac73e91c246fcff0bb1a5c68a816cd588fc48  Signatures/genes.txt (CC0 1.0)
#   icbi-lab/quanTIseq    039eb16455373915ace33b3ecede09bde697d005  quantiseq/deconvolution/TIL10_*.txt (BSD-3-Clause)
#   rforge/estimate       780fa35b6fd4d1de3f3f7943aa050e12b3f4b52a  pkg/estimate/inst/extdata/{SI_geneset.gmt,common_genes.txt}
#                         (R-Forge svn mirror of estimate 1.0.13; gene lists = Yoshihara 2013 Supplementary Data 1)
#   Debian r-bioc-progeny (installed R package progeny, Apache-2.0): model_human_full
args <- commandArgs(TRUE)
root <- if (length(args)) args[1] else "/work/.mirror"
show <- function(repo, commit, path) system2("git", c("-C", file.path(root, repo, "repo"), "show", paste0(commit, ":", path)), stdout = TRUE)

writeLines(show("ebecht+MCPcounter", "b6eac73e91c246fcff0bb1a5c68a816cd588fc48", "Signatures/genes.txt"), "mcpcounter_genes.txt")
for (f in c("TIL10_signature.txt", "TIL10_mRNA_scaling.txt", "TIL10_rmgenes.txt", "TIL10_TCGA_aberrant_immune_genes.txt")) {
  writeLines(show("icbi-lab+quanTIseq", "039eb16455373915ace33b3ecede09bde697d005", file.path("quantiseq/deconvolution", f)), f)
}
writeLines(show("rforge+estimate", "780fa35b6fd4d1de3f3f7943aa050e12b3f4b52a", "pkg/estimate/inst/extdata/SI_geneset.gmt"), "estimate_SI_geneset.gmt")
# common_genes: only the EntrezID and GeneSymbol columns are kept (filterCommonGenes merges on GeneSymbol)
cg <- read.delim(textConnection(show("rforge+estimate", "780fa35b6fd4d1de3f3f7943aa050e12b3f4b52a", "pkg/estimate/inst/extdata/common_genes.txt")), quote = "", stringsAsFactors = FALSE)
write.table(cg[, c("EntrezID", "GeneSymbol")], "estimate_common_genes.tsv", sep = "\t", quote = FALSE, row.names = FALSE)

suppressMessages(library(progeny))
data(model_human_full, package = "progeny")
m <- model_human_full
m$gene <- as.character(m$gene); m$pathway <- as.character(m$pathway)
# rank of each gene's p-value within its pathway (min-rank, as dplyr::top_n(top, wt = -p.value) in getModel)
m$rank <- ave(m$p.value, m$pathway, FUN = function(p) rank(p, ties.method = "min"))
m <- m[m$rank <= 1000, ]
m <- m[order(m$pathway, m$rank, m$gene), ]
con <- file("progeny_human_top1000.tsv", "w")
writeLines(sprintf("# PROGENy human model (model_human_full), rows with p-value rank (min-rank, as dplyr::top_n) <= 1000 per pathway; progeny %s; R %s", packageVersion("progeny"), getRversion()), con)
writeLines("gene\tpathway\tweight\trank", con)
writeLines(sprintf("%s\t%s\t%.17g\t%d", m$gene, m$pathway, m$weight, as.integer(m$rank)), con)
close(con)

# Charoentong 2017 Table S6 (28 immune cell types, 782 metagenes), as transcribed in CSkylarL/TimiGP
# @ 9a527dd7dfe18c3155647d57c4392dad977ff13f inst/extdata/Charoentong2017_tableS6_Immune.txt; written as GMT
# (set order of first appearance; description = the table's Immunity column)
ch <- read.delim(textConnection(show("CSkylarL+TimiGP", "9a527dd7dfe18c3155647d57c4392dad977ff13f", "inst/extdata/Charoentong2017_tableS6_Immune.txt")),
                 stringsAsFactors = FALSE, check.names = FALSE)
ch <- ch[ch$Metagene != "", ]
types <- unique(ch[["Cell type"]])
writeLines(vapply(types, function(t) paste(c(t, ch$Immunity[ch[["Cell type"]] == t][1], ch$Metagene[ch[["Cell type"]] == t]), collapse = "\t"), ""),
           "charoentong2017_immune28.gmt")
