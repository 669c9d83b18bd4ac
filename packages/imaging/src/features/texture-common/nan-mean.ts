/** Mean of the non-NaN values of `values[0, length)` (numpy `nanmean`); NaN when there is none. */
export function nanMean(values: Float64Array, length: number = values.length): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < length; k++) {
    if (!Number.isNaN(values[k])) {
      sum += values[k];
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** `numpy.spacing(1)`: the epsilon PyRadiomics adds inside logarithms and denominators. */
export const EPS = Number.EPSILON;
