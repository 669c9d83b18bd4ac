/**
 * The Buffa hypoxia metagene: 51 genes whose expression co-varies with known hypoxia genes across head and
 * neck, breast and lung cancers.
 *
 * Source: Buffa FM, Harris AL, West CM, Miller CJ. Large meta-analysis of multiple cancers reveals a common,
 * compact and highly prognostic hypoxia metagene. Br J Cancer 2010;102(2):428-435. doi:10.1038/sj.bjc.6605450
 * (PMID 20087356), the 51-gene metagene of the paper. Symbols are the current HGNC approved symbols; the 2010
 * paper used previous symbols for five of them (C20orf20 -> MRGBP, CTSL2 -> CTSV, UTP11L -> UTP11,
 * AK3L1 -> AK4, C7orf68 -> HILPDA), mapped back by {@link SIGNATURE_SYMBOL_ALIASES}. The list was checked
 * against two independent public code listings of the metagene (one in current symbols, one in the 2010
 * symbols). A gene list is a fact, not a creative work: no licence restriction; cite the paper.
 *
 * The score cBioPortal reports for TCGA ("Buffa Hypoxia Score") is the median-based score of
 * {@link scoreGeneSets} with `method: 'buffa'`.
 */
export const BUFFA_HYPOXIA: readonly string[] = Object.freeze([
  'VEGFA',
  'SLC2A1',
  'PGAM1',
  'ENO1',
  'LDHA',
  'TPI1',
  'P4HA1',
  'MRPS17',
  'CDKN3',
  'ADM',
  'NDRG1',
  'TUBB6',
  'ALDOA',
  'MIF',
  'ACOT7',
  'MCTS1',
  'PSRC1',
  'PSMA7',
  'ANLN',
  'TUBA1B',
  'MAD2L2',
  'GPI',
  'TUBA1C',
  'MAP7D1',
  'DDIT4',
  'BNIP3',
  'MRGBP',
  'GAPDH',
  'MRPL13',
  'CHCHD2',
  'YKT6',
  'CORO1C',
  'SEC61G',
  'ANKRD37',
  'ESRP1',
  'PFKP',
  'SHCBP1',
  'CTSV',
  'KIF20A',
  'SLC25A32',
  'UTP11',
  'SLC16A1',
  'MRPL15',
  'KIF4A',
  'LRRC42',
  'PGK1',
  'HK2',
  'AK4',
  'CA9',
  'HILPDA',
  'PNP',
]);
