/**
 * The IJG "islow" integer inverse DCT (libjpeg's jidctint.c, the default of djpeg and of dcmtk's dcmdjpeg),
 * reimplemented: the Loeffler-Ligtenberg-Moschytz algorithm with 13-bit fixed-point constants, columns first into
 * a work array scaled by 2^PASS1_BITS, then rows. PASS1_BITS is 2 for 8-bit samples and 1 for 12-bit samples
 * (libjpeg built with BITS_IN_JSAMPLE=12). Arithmetic is on doubles, exact for the 64-bit `INT32` (C `long`)
 * that libjpeg uses on 64-bit Unix, so no intermediate wraps where libjpeg's would not.
 */

const CONST_BITS = 13;
const FIX_0_298631336 = 2446;
const FIX_0_390180644 = 3196;
const FIX_0_541196100 = 4433;
const FIX_0_765366865 = 6270;
const FIX_0_899976223 = 7373;
const FIX_1_175875602 = 9633;
const FIX_1_501321110 = 12299;
const FIX_1_847759065 = 15137;
const FIX_1_961570560 = 16069;
const FIX_2_053119869 = 16819;
const FIX_2_562915447 = 20995;
const FIX_3_072711026 = 25172;

/** libjpeg's DESCALE: right shift by n with rounding, an arithmetic (flooring) shift. */
function descale(x: number, n: number): number {
  return Math.floor((x + 2 ** (n - 1)) / 2 ** n);
}

/**
 * One 8 x 8 block: `coef` (natural order, quantised), `quant` (natural order) to `out` at `offset` with row
 * `stride`, keeping `width` x `height` of the 8 x 8 samples (edge blocks). `work` is a 64-entry scratch array.
 * Samples are level-shifted by 2^(precision-1) and limited to [0, 2^precision - 1] through libjpeg's range-limit
 * table (its argument masked to 4 x (MAXJSAMPLE + 1), so wildly out-of-range values wrap as libjpeg's do).
 */
export function idctIslow(
  coef: Int16Array,
  quant: Uint16Array,
  precision: 8 | 12,
  work: Int32Array,
  out: Uint16Array,
  offset: number,
  stride: number,
  width: number,
  height: number,
): void {
  const pass1 = precision === 8 ? 2 : 1;
  const maxSample = (1 << precision) - 1;
  const center = 1 << (precision - 1);
  const mask = maxSample * 4 + 3;
  const half = (maxSample + 1) * 2;
  // pass 1: columns
  for (let c = 0; c < 8; c++) {
    if (
      coef[8 + c] === 0 &&
      coef[16 + c] === 0 &&
      coef[24 + c] === 0 &&
      coef[32 + c] === 0 &&
      coef[40 + c] === 0 &&
      coef[48 + c] === 0 &&
      coef[56 + c] === 0
    ) {
      const dc = coef[c]! * quant[c]! * 2 ** pass1;
      for (let r = 0; r < 8; r++) work[8 * r + c] = dc;
      continue;
    }
    const a = butterfly(
      coef[c]! * quant[c]!,
      coef[8 + c]! * quant[8 + c]!,
      coef[16 + c]! * quant[16 + c]!,
      coef[24 + c]! * quant[24 + c]!,
      coef[32 + c]! * quant[32 + c]!,
      coef[40 + c]! * quant[40 + c]!,
      coef[48 + c]! * quant[48 + c]!,
      coef[56 + c]! * quant[56 + c]!,
    );
    const n = CONST_BITS - pass1;
    for (let r = 0; r < 8; r++) work[8 * r + c] = descale(a[r]!, n);
  }
  // pass 2: rows
  const n = CONST_BITS + pass1 + 3;
  const limit = (x: number): number => {
    let v = x & mask;
    if (v >= half) v -= 2 * half;
    v += center;
    return Math.min(Math.max(v, 0), maxSample);
  };
  for (let r = 0; r < height; r++) {
    const w = 8 * r;
    const o = offset + r * stride;
    const row = butterfly(
      work[w]!,
      work[w + 1]!,
      work[w + 2]!,
      work[w + 3]!,
      work[w + 4]!,
      work[w + 5]!,
      work[w + 6]!,
      work[w + 7]!,
    );
    for (let c = 0; c < width; c++) out[o + c] = limit(descale(row[c]!, n));
  }
}

const result = new Float64Array(8);

/**
 * The even and odd parts of jidctint.c for one column (dequantised coefficients) or one row (pass-1
 * outputs), x0..x7 in natural order. Returns the eight
 * outputs before descaling (a shared array, overwritten by the next call).
 */
function butterfly(
  x0: number,
  x1: number,
  x2: number,
  x3: number,
  x4: number,
  x5: number,
  x6: number,
  x7: number,
): Float64Array {
  // even part
  let z1 = (x2 + x6) * FIX_0_541196100;
  let tmp2 = z1 + x6 * -FIX_1_847759065;
  let tmp3 = z1 + x2 * FIX_0_765366865;
  let tmp0 = (x0 + x4) * 2 ** CONST_BITS;
  let tmp1 = (x0 - x4) * 2 ** CONST_BITS;
  const tmp10 = tmp0 + tmp3;
  const tmp13 = tmp0 - tmp3;
  const tmp11 = tmp1 + tmp2;
  const tmp12 = tmp1 - tmp2;
  // odd part
  tmp0 = x7;
  tmp1 = x5;
  tmp2 = x3;
  tmp3 = x1;
  z1 = tmp0 + tmp3;
  let z2 = tmp1 + tmp2;
  let z3 = tmp0 + tmp2;
  let z4 = tmp1 + tmp3;
  const z5 = (z3 + z4) * FIX_1_175875602;
  tmp0 *= FIX_0_298631336;
  tmp1 *= FIX_2_053119869;
  tmp2 *= FIX_3_072711026;
  tmp3 *= FIX_1_501321110;
  z1 *= -FIX_0_899976223;
  z2 *= -FIX_2_562915447;
  z3 = z3 * -FIX_1_961570560 + z5;
  z4 = z4 * -FIX_0_390180644 + z5;
  tmp0 += z1 + z3;
  tmp1 += z2 + z4;
  tmp2 += z2 + z3;
  tmp3 += z1 + z4;
  result[0] = tmp10 + tmp3;
  result[7] = tmp10 - tmp3;
  result[1] = tmp11 + tmp2;
  result[6] = tmp11 - tmp2;
  result[2] = tmp12 + tmp1;
  result[5] = tmp12 - tmp1;
  result[3] = tmp13 + tmp0;
  result[4] = tmp13 - tmp0;
  return result;
}
