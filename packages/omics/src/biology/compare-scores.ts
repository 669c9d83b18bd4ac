import { mean, median, pAdjust, wilcoxonRankSum } from '@tace/core';
import { cliffsDelta } from '../groups/compare-groups.js';
import type { ResolvedGroups } from '../groups/group-labels.js';
import type { FeatureScores } from '../tme/types.js';

/** One row of a per-risk-group comparison: one feature of one analysis. */
export interface FeatureComparisonRow {
  analysis: string;
  feature: string;
  target: string;
  reference: string;
  /** Samples of each group with a non-missing score. */
  nTarget: number;
  nReference: number;
  meanTarget: number;
  meanReference: number;
  medianTarget: number;
  medianReference: number;
  /** medianTarget - medianReference. */
  medianDifference: number;
  /** Cliff's delta, P(X > Y) - P(X < Y), X target, Y reference. */
  cliffsDelta: number;
  /** Two-sided Wilcoxon rank-sum p (R `wilcox.test(target, reference)`); NaN with fewer than 2 per group. */
  pValue: number;
  /** Benjamini-Hochberg over the features of the same analysis. */
  adjustedPValue: number;
}

/**
 * Compares every feature of per-sample scores between two resolved groups (Wilcoxon rank-sum, BH within the
 * analysis). NaN scores are left out feature by feature. @internal
 */
export function compareFeatureScores(
  analysis: string,
  scores: FeatureScores,
  groups: ResolvedGroups,
): FeatureComparisonRow[] {
  const rows: FeatureComparisonRow[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < scores.rows; k++) {
    x.length = 0;
    y.length = 0;
    for (let s = 0; s < scores.columns; s++) {
      const v = scores.data[k + s * scores.rows];
      if (Number.isNaN(v) || groups.membership[s] < 0) continue;
      if (groups.membership[s] === 1) x.push(v);
      else y.push(v);
    }
    const testable = x.length >= 2 && y.length >= 2;
    rows.push({
      analysis,
      feature: scores.features[k],
      target: groups.target,
      reference: groups.reference,
      nTarget: x.length,
      nReference: y.length,
      meanTarget: x.length > 0 ? mean(x) : Number.NaN,
      meanReference: y.length > 0 ? mean(y) : Number.NaN,
      medianTarget: x.length > 0 ? median(x) : Number.NaN,
      medianReference: y.length > 0 ? median(y) : Number.NaN,
      medianDifference: x.length > 0 && y.length > 0 ? median(x) - median(y) : Number.NaN,
      cliffsDelta: x.length > 0 && y.length > 0 ? cliffsDelta(x, y) : Number.NaN,
      pValue: testable ? wilcoxonRankSum(x, y).pValue : Number.NaN,
      adjustedPValue: Number.NaN,
    });
  }
  const tested = rows.map((r, i) => [r.pValue, i] as const).filter(([p]) => !Number.isNaN(p));
  const adjusted = pAdjust(
    tested.map(([p]) => p),
    'BH',
  );
  tested.forEach(([, i], j) => {
    rows[i].adjustedPValue = adjusted[j];
  });
  return rows;
}
