import { normalCdf, normalSurvival } from './distributions.js';

/**
 * Tail probability of Spearman's statistic S = sum of squared rank differences under independence, as R's
 * internal `prho` (Best & Roberts 1975, algorithm AS 89): exact enumeration of all n! permutations for
 * n <= 9, Edgeworth series otherwise. `lowerTail = false` gives P(S >= s); true gives P(S < s).
 */
export function spearmanTail(s: number, n: number, lowerTail: boolean): number {
  if (n <= 1) return lowerTail ? 0 : 1;
  if (s <= 0) return lowerTail ? 0 : 1;
  const maxS = (n * (n * n - 1)) / 3;
  if (s > maxS) return lowerTail ? 1 : 0;
  if (n <= 9) {
    const atLeast = countPermutationsAtLeast(s, n);
    const total = factorial(n);
    return (lowerTail ? total - atLeast : atLeast) / total;
  }
  const b = 1 / n;
  const x = ((6 * (s - 1) * b) / (n * n - 1) - 1) * Math.sqrt(n - 1);
  const y = x * x;
  const u =
    x *
    b *
    (0.2274 +
      b * (0.2531 + 0.1745 * b) +
      y *
        (-0.0758 +
          b * (0.1033 + 0.3932 * b) -
          y * b * (0.0879 + 0.0151 * b - y * (0.0072 - 0.0831 * b + y * b * (0.0131 - 0.00046 * y)))));
  const correction = u / Math.exp(y / 2);
  const p = lowerTail ? -correction + normalCdf(x) : correction + normalSurvival(x);
  return Math.min(1, Math.max(0, p));
}

/** Number of permutations of 1..n whose sum of squared displacements is at least s (Heap's algorithm). */
function countPermutationsAtLeast(s: number, n: number): number {
  const perm = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  const score = () => {
    let total = 0;
    for (let i = 0; i < n; i++) total += (i - perm[i]) * (i - perm[i]);
    return total;
  };
  let count = score() >= s ? 1 : 0;
  let i = 0;
  while (i < n) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      const t = perm[j];
      perm[j] = perm[i];
      perm[i] = t;
      if (score() >= s) count++;
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return count;
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}
