import type { ColumnTable } from '@tace/core';
import type { GroupComparison } from './compare-groups.js';

/**
 * A {@link GroupComparison} as a tidy column table, one row per set: set, target, reference, group sizes,
 * medians, median difference, Cliff's delta, W, p and BH-adjusted p.
 * @example writeTable(comparisonTable(compareGroups(scores, groups)), 'hallmark-high-vs-low.csv');
 */
export function comparisonTable(cmp: GroupComparison): ColumnTable {
  const n = cmp.sets.length;
  return {
    set: [...cmp.sets],
    target: new Array(n).fill(cmp.target),
    reference: new Array(n).fill(cmp.reference),
    nTarget: new Float64Array(n).fill(cmp.nTarget),
    nReference: new Float64Array(n).fill(cmp.nReference),
    medianTarget: cmp.medianTarget,
    medianReference: cmp.medianReference,
    medianDifference: cmp.medianDifference,
    cliffsDelta: cmp.cliffsDelta,
    statistic: cmp.statistic,
    pValue: cmp.pValue,
    adjustedPValue: cmp.adjustedPValue,
  };
}
