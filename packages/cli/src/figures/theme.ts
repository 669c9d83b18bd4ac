/**
 * The one figure theme of the toolkit: DejaVu Sans (embedded for PNG rendering, so output does not
 * depend on system fonts), sizes for a single-column journal figure at 96 dpi, and the Okabe-Ito
 * colour-blind-safe palette.
 */
export const THEME = {
  fontFamily: 'DejaVu Sans',
  fontSize: 12,
  titleSize: 14,
  smallSize: 10,
  lineWidth: 2,
  axisColour: '#333333',
  gridColour: '#e5e5e5',
  textColour: '#111111',
  background: '#ffffff',
  palette: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'],
  margin: { top: 40, right: 24, bottom: 56, left: 64 },
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
