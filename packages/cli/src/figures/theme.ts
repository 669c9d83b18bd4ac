import { theme } from '@tace/core';

/**
 * The figure theme: core's one theme (DejaVu Sans, embedded for PNG rendering; Okabe-Ito colour-blind-safe
 * palette), with the two text sizes the clinical figures use.
 */
export const THEME = {
  ...theme,
  /** Body text: axis labels, legends. */
  textSize: theme.labelSize,
  /** Small text: ticks, risk tables, annotations. */
  smallSize: theme.fontSize,
} as const;

/** Colour of series `i` (cycling through the palette). */
export function seriesColour(i: number): string {
  return THEME.palette[i % THEME.palette.length];
}

/** Formats a p-value as journals do: `p < 0.001` or `p = 0.012`. */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'p = NA';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}
