/**
 * A growable column of numbers kept in blocks, so that growing never copies: memory is the values plus at
 * most one partly filled block. {@link NumberColumn.take} joins them into one `Float64Array`.
 */
export class NumberColumn {
  private blocks: Float64Array[] = [];
  private block = new Float64Array(64);
  private fill = 0;
  /** Number of values pushed. */
  length = 0;

  push(value: number): void {
    if (this.fill === this.block.length) {
      this.blocks.push(this.block);
      this.block = new Float64Array(Math.min(this.block.length * 2, 1 << 24));
      this.fill = 0;
    }
    this.block[this.fill++] = value;
    this.length++;
  }

  /** All values as one `Float64Array`; the blocks are released. */
  take(): Float64Array {
    const last = this.block.subarray(0, this.fill);
    const out =
      this.blocks.length === 0 && this.fill === this.block.length
        ? this.block
        : new Float64Array(this.length);
    if (out !== this.block) {
      let offset = 0;
      for (const block of this.blocks) {
        out.set(block, offset);
        offset += block.length;
      }
      out.set(last, offset);
    }
    this.blocks = [];
    this.block = new Float64Array(0);
    this.fill = 0;
    return out;
  }
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A number from trimmed unquoted text in decimal notation (`1`, `-2.5`, `.5`, `1.`, `1e-3`, `Inf`, `-Inf`,
 * `+Inf`), or NaN for anything else (hex, `Infinity`, `1,5`, ...). Up to 15 significant digits without an
 * exponent are converted exactly by one division (Clinger's fast path); the rest by `Number`, so every value
 * is the correctly rounded double, as R's `read.csv` reads it.
 */
export function parseNumber(t: string): number {
  const n = t.length;
  let i = 0;
  const first = t.charCodeAt(0);
  const negative = first === 45;
  if (first === 43 || first === 45) i++;
  if (t.charCodeAt(i) === 73) {
    if (n !== i + 3 || t.charCodeAt(i + 1) !== 110 || t.charCodeAt(i + 2) !== 102) return Number.NaN;
    return negative ? -Infinity : Infinity;
  }
  let mantissa = 0;
  let digits = 0;
  for (; i < n; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
  }
  let fraction = 0;
  if (i < n && t.charCodeAt(i) === 46) {
    for (i++; i < n; i++) {
      const d = t.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      fraction++;
    }
  }
  if (digits + fraction === 0) return Number.NaN;
  if (i < n) return exponentForm(t, i);
  if (digits + fraction > 15) return Number(t);
  const value = fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
  return negative ? -value : value;
}

/** `Number(t)` when `t` from `at` on is an exponent (`e`/`E`, optional sign, digits), else NaN. */
function exponentForm(t: string, at: number): number {
  let i = at;
  const e = t.charCodeAt(i);
  if (e !== 101 && e !== 69) return Number.NaN;
  i++;
  const sign = t.charCodeAt(i);
  if (sign === 43 || sign === 45) i++;
  const start = i;
  while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  return i === t.length && i > start ? Number(t) : Number.NaN;
}
