import type { DenseMatrix } from '@tace/core';

/** Gene-set scoring methods of {@link scoreGeneSets}. */
export type ScoringMethod = 'gsva' | 'ssgsea' | 'zscore' | 'plage' | 'singscore' | 'buffa' | 'cyt';

/** Kernel of the GSVA method's per-gene cumulative distribution (GSVA `kcdf`). */
export type KernelCdf = 'gaussian' | 'poisson' | 'none';

/** How well one gene set is covered by the expression matrix. */
export interface SetCoverage {
  /** Gene set name. */
  set: string;
  /** Number of distinct genes in the set. */
  size: number;
  /** Genes of the set found in the matrix and used. */
  found: string[];
  /** Genes of the set absent from the matrix. */
  missing: string[];
  /**
   * Genes present but dropped because their expression is constant across samples (sd < 1e-10; GSVA drops
   * them for every method but ssGSEA).
   */
  constant: string[];
  /** True when the set was scored (it has a row in the scores); false when outside `minSize..maxSize`. */
  scored: boolean;
}

/**
 * Gene-set scores, sets x samples: a core {@link DenseMatrix} (`rows` = sets, `columns` = samples), stored
 * column-major like an expression matrix: the score of set `k` in sample `s` is `data[k + s * rows]`. Only
 * scored sets have rows; `coverage` lists every input set.
 */
export interface GeneSetScores extends DenseMatrix {
  /** Names of the scored sets, in input order (`sets.length === rows`). */
  sets: string[];
  /** Sample identifiers, as in the expression matrix (`samples.length === columns`). */
  samples: string[];
  /** One entry per input set, in input order. */
  coverage: SetCoverage[];
  /** The method used. */
  method: ScoringMethod;
  /** Warnings raised (constant genes dropped, data that looks already logged for CYT, ...). */
  warnings: string[];
}

/** Options of {@link scoreGeneSets}. */
export interface ScoreGeneSetsOptions {
  /**
   * Scoring method: `'gsva'` (Hänzelmann 2013), `'ssgsea'` (Barbie 2009), `'zscore'` (Lee 2008 combined z),
   * `'plage'` (Tomfohr 2005), `'singscore'` (Foroutan 2018), `'buffa'` (median-based hypoxia score of
   * Bhandari 2019 / cBioPortal), `'cyt'` (geometric mean, Rooney 2015). Mirrors GSVA `method` for the first four.
   * @default 'gsva'
   */
  method?: ScoringMethod;
  /**
   * GSVA method only: kernel of the per-gene CDF, `'gaussian'` for continuous (log) data, `'poisson'` for
   * integer counts, `'none'` for the empirical CDF. Mirrors GSVA `kcdf` ("Gaussian", "Poisson", "none").
   * @default 'gaussian'
   */
  kcdf?: KernelCdf;
  /**
   * Exponent of the random-walk weights. Mirrors GSVA `tau`; GSVA's defaults are 1 for gsva and 0.25 for
   * ssgsea (the `alpha` of Barbie et al.). Ignored by other methods.
   * @default 1 for 'gsva', 0.25 for 'ssgsea'
   */
  tau?: number;
  /**
   * ssGSEA only: divide every score by the range (max - min) of the whole score matrix. Mirrors GSVA
   * `ssgsea.norm`.
   * @default true
   */
  normalize?: boolean;
  /**
   * GSVA method only: the score is the sum of the largest positive and negative random-walk deviations (true)
   * or the largest absolute deviation (false). Mirrors GSVA `mx.diff`.
   * @default true
   */
  maxDiff?: boolean;
  /**
   * GSVA method with `maxDiff` only: score = positive - negative deviation. Mirrors GSVA `abs.ranking`.
   * @default false
   */
  absRanking?: boolean;
  /**
   * Smallest number of genes found in the data for a set to be scored (GSVA `min.sz`; values below 1 act as 1).
   * @default 1
   */
  minSize?: number;
  /**
   * Largest number of genes found in the data for a set to be scored (GSVA `max.sz`).
   * @default Infinity
   */
  maxSize?: number;
  /**
   * CYT only: offset added before the geometric mean, in the units of the data (Rooney 2015 used TPM + 0.01).
   * @default 0.01
   */
  offset?: number;
}
