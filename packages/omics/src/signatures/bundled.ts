import type { GeneSets } from '../genesets/types.js';
import { BUFFA_HYPOXIA } from './buffa.js';
import {
  HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION,
  HALLMARK_GLYCOLYSIS,
  HALLMARK_HYPOXIA,
  HALLMARK_MYC_TARGETS_V1,
  HALLMARK_MYC_TARGETS_V2,
} from './hallmark.js';
import { CYTOLYTIC_ACTIVITY, CYTOTOXIC_T_CELLS } from './immune.js';

/** Where a bundled signature comes from. */
export interface SignatureSource {
  /** Short citation. */
  citation: string;
  /** DOI of the source publication. */
  doi: string;
  /** Licence of the gene list. */
  licence: string;
}

/** Citation and licence of every bundled signature, keyed as in {@link bundledSignatures}. */
export const SIGNATURE_SOURCES: Readonly<Record<string, SignatureSource>> = Object.freeze({
  HALLMARK_HYPOXIA: hallmarkSource(),
  HALLMARK_MYC_TARGETS_V1: hallmarkSource(),
  HALLMARK_MYC_TARGETS_V2: hallmarkSource(),
  HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION: hallmarkSource(),
  HALLMARK_GLYCOLYSIS: hallmarkSource(),
  BUFFA_HYPOXIA: {
    citation: 'Buffa FM et al. Br J Cancer 2010;102:428-435 (51-gene hypoxia metagene, current HGNC symbols)',
    doi: '10.1038/sj.bjc.6605450',
    licence: 'gene list from a publication (facts); cite the paper',
  },
  CYTOLYTIC_ACTIVITY: {
    citation: 'Rooney MS et al. Cell 2015;160:48-61 (CYT: GZMA, PRF1)',
    doi: '10.1016/j.cell.2014.12.033',
    licence: 'gene list from a publication (facts); cite the paper',
  },
  CYTOTOXIC_T_CELLS: {
    citation: 'Jiang P et al. Nat Med 2018;24:1550-1558 (TIDE CTL genes)',
    doi: '10.1038/s41591-018-0136-1',
    licence: 'gene list from a publication (facts); cite the paper',
  },
});

function hallmarkSource(): SignatureSource {
  return {
    citation: 'Liberzon A et al. Cell Systems 2015;1:417-425 (MSigDB Hallmark v7.0)',
    doi: '10.1016/j.cels.2015.12.004',
    licence: 'CC BY 4.0',
  };
}

/**
 * The signatures bundled with the toolkit, as fresh mutable {@link GeneSets}: five MSigDB Hallmark sets
 * (HYPOXIA, MYC_TARGETS_V1, MYC_TARGETS_V2, EPITHELIAL_MESENCHYMAL_TRANSITION, GLYCOLYSIS; CC BY 4.0), the
 * Buffa hypoxia metagene (51 genes), cytolytic activity (GZMA, PRF1) and the TIDE cytotoxic T-cell module.
 * Citations in {@link SIGNATURE_SOURCES}.
 * @example
 * ```ts
 * const sets = bundledSignatures();
 * sets.BUFFA_HYPOXIA.length; // 51
 * ```
 */
export function bundledSignatures(): Record<string, string[]> {
  return {
    HALLMARK_HYPOXIA: [...HALLMARK_HYPOXIA],
    HALLMARK_MYC_TARGETS_V1: [...HALLMARK_MYC_TARGETS_V1],
    HALLMARK_MYC_TARGETS_V2: [...HALLMARK_MYC_TARGETS_V2],
    HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION: [...HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION],
    HALLMARK_GLYCOLYSIS: [...HALLMARK_GLYCOLYSIS],
    BUFFA_HYPOXIA: [...BUFFA_HYPOXIA],
    CYTOLYTIC_ACTIVITY: [...CYTOLYTIC_ACTIVITY],
    CYTOTOXIC_T_CELLS: [...CYTOTOXIC_T_CELLS],
  };
}
