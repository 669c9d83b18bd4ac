import { formatNumber, type SvgAttributes, type SvgElement, svg } from '../base/svg-element.js';

/** Result of {@link circlesPath}: the path and how many points it draws. */
export interface CirclesPath {
  element: SvgElement;
  /** Points drawn (after dropping exact pixel duplicates). */
  drawn: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A number with at most 3 decimals and no leading zero (`.8`, `-.8`), as SVG path data allows. */
const compact = (v: number) => formatNumber(v).replace(/^(-?)0\./, '$1.');

/**
 * Many filled circles of radius `r` as ONE `<path>`, coordinates to 0.1 px: two relative arcs per point
 * (about 45 bytes, against about 75 for a `<circle>` element), or, below 1.2 px radius, a square of the
 * circle's area (side r sqrt(pi), about 26 bytes; at that size the shape cannot be told apart in print).
 * One element for the renderer, so a 100 000-point embedding stays a few MB of vector SVG/PDF (no
 * rasterisation). With `dedupe`, a point on the same 0.1 px position as an earlier one of the same path is
 * drawn once (an opaque duplicate changes no pixel; with opacity < 1 duplicates are kept so density shows).
 */
export function circlesPath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  indices: ArrayLike<number>,
  r: number,
  attributes: SvgAttributes,
  dedupe = true,
): CirclesPath {
  const square = r < 1.2;
  const side = Math.round(r * Math.sqrt(Math.PI) * 10) / 10;
  const d = compact(2 * r);
  const rr = compact(r);
  const shape = square
    ? `h${compact(side)}v${compact(side)}h-${compact(side)}z`
    : `a${rr} ${rr} 0 1 0 ${d} 0a${rr} ${rr} 0 1 0-${d} 0`;
  const shiftX = square ? side / 2 : r;
  const shiftY = square ? side / 2 : 0;
  const seen = new Set<number>();
  const parts: string[] = [];
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const x = round1(xs[i] - shiftX);
    const y = round1(ys[i] - shiftY);
    if (dedupe) {
      const key = Math.round(x * 10) * 1e6 + Math.round(y * 10);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    parts.push(`M${compact(x)} ${compact(y)}${shape}`);
  }
  return { element: svg('path', { d: parts.join(''), ...attributes }), drawn: parts.length };
}
