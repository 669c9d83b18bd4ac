/**
 * Root of a continuous function with f(lower) and f(upper) of opposite signs, by bisection refined with
 * secant steps (Illinois variant of regula falsi), to absolute tolerance `tolerance` in x.
 * Returns NaN when the bracket does not change sign.
 */
export function findRoot(f: (x: number) => number, lower: number, upper: number, tolerance = 1e-13): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) return Number.NaN;
  let side = 0;
  for (let i = 0; i < 500 && Math.abs(b - a) > tolerance * (1 + Math.abs(a) + Math.abs(b)) * 0.5; i++) {
    let c = (a * fb - b * fa) / (fb - fa);
    // fall back to bisection when the secant step leaves the bracket or stalls at an end
    if (!(c > Math.min(a, b) && c < Math.max(a, b))) c = (a + b) / 2;
    const fc = f(c);
    if (fc === 0) return c;
    if (Math.sign(fc) === Math.sign(fb)) {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}
