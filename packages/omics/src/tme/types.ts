import type { DenseMatrix } from '@tace/core';

/**
 * Per-sample scores of named features (cell populations, pathways, microenvironment scores), features x
 * samples: a core {@link DenseMatrix} (`rows` = features, `columns` = samples), column-major like an
 * expression matrix: the score of feature `k` in sample `s` is `data[k + s * rows]`. Returned by
 * {@link progeny}, {@link mcpCounter}, {@link estimateScores}, {@link quantiseq} and {@link cibersortLike}.
 */
export interface FeatureScores extends DenseMatrix {
  /** Feature names, one per row (`features.length === rows`). */
  features: string[];
  /** Sample identifiers, as in the expression matrix (`samples.length === columns`). */
  samples: string[];
  /** The method that produced the scores (`'progeny'`, `'mcpcounter'`, `'estimate'`, ...). */
  method: string;
  /** Number of the feature's genes found in the data (model or marker genes), one per feature. */
  genesUsed: number[];
  /** Warnings raised (features without genes, scale of the input, ...). */
  warnings: string[];
}

/** The value of feature `k` in sample `s`. @internal */
export function featureValue(scores: FeatureScores, feature: number, sample: number): number {
  return scores.data[feature + sample * scores.rows];
}
