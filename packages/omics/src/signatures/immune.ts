/**
 * Cytolytic activity (CYT) genes: granzyme A and perforin, whose transcripts are enriched in cytotoxic T and
 * NK cells. The CYT score is the geometric mean of their expression ({@link scoreGeneSets} with
 * `method: 'cyt'`).
 *
 * Source: Rooney MS, Shukla SA, Wu CJ, Getz G, Hacohen N. Molecular and genetic properties of tumors
 * associated with local immune cytolytic activity. Cell 2015;160(1-2):48-61. doi:10.1016/j.cell.2014.12.033.
 */
export const CYTOLYTIC_ACTIVITY: readonly string[] = Object.freeze(['GZMA', 'PRF1']);

/**
 * Cytotoxic T lymphocyte (CTL) module: the five genes TIDE uses to estimate CTL infiltration
 * (CD8A, CD8B, GZMA, GZMB, PRF1).
 *
 * Source: Jiang P, Gu S, Pan D, et al. Signatures of T cell dysfunction and exclusion predict cancer
 * immunotherapy response. Nat Med 2018;24(10):1550-1558. doi:10.1038/s41591-018-0136-1 (Methods: "CTL level
 * estimated as the average expression of CD8A, CD8B, GZMA, GZMB and PRF1").
 */
export const CYTOTOXIC_T_CELLS: readonly string[] = Object.freeze(['CD8A', 'CD8B', 'GZMA', 'GZMB', 'PRF1']);
