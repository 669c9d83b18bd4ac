import { quantile, TaceError } from '@tace/core';

/**
 * Quantile grouping as R `cut(x, quantile(x, 0:g/g), include.lowest = TRUE, labels = FALSE) - 1`:
 * group k holds b_k < x <= b_{k+1} (the lowest value in group 0). Returns the breaks and a function
 * giving the group of any value (values outside the range go to the end groups).
 * @throws {TaceError} `INVALID_ARGUMENT` naming `groups` when breaks tie (too many groups for the data).
 */
export function quantileGroups(
  values: ArrayLike<number>,
  g: number,
): { breaks: Float64Array; groupOf: (v: number) => number } {
  const breaks = quantile(
    values,
    Array.from({ length: g + 1 }, (_, k) => k / g),
  );
  for (let k = 1; k <= g; k++) {
    if (!(breaks[k] > breaks[k - 1])) {
      throw new TaceError('INVALID_ARGUMENT', `the ${g} groups have tied quantile breaks (${breaks[k]})`, {
        param: 'groups',
        remedy: 'use fewer groups (many subjects share the same prediction)',
      });
    }
  }
  const groupOf = (v: number): number => {
    let k = 0;
    while (k < g - 1 && v > breaks[k + 1]) k++;
    return k;
  };
  return { breaks, groupOf };
}

/**
 * The largest number of groups, at most `g`, whose quantile breaks (as {@link quantileGroups}) are strictly
 * increasing: the grouping a model with tied predictions (e.g. a graded score) can support. 1 when all
 * values are equal.
 */
export function largestDistinctQuantileGroups(values: ArrayLike<number>, g: number): number {
  for (let groups = g; groups > 1; groups--) {
    const breaks = quantile(
      values,
      Array.from({ length: groups + 1 }, (_, k) => k / groups),
    );
    let distinct = true;
    for (let k = 1; k <= groups && distinct; k++) distinct = breaks[k] > breaks[k - 1];
    if (distinct) return groups;
  }
  return 1;
}
