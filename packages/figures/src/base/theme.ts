/** The shared look of every figure: fonts, sizes, colors, line widths (in SVG user units = CSS px). */
export interface Theme {
  /** Font family name; PNG rendering embeds exactly this font (DejaVu Sans, from `dejavu-fonts-ttf`). */
  fontFamily: string;
  /** Small text: tick labels, legends, risk tables, annotations. */
  fontSize: number;
  /** Body text: axis titles, row labels. */
  labelSize: number;
  /** Figure title. */
  titleSize: number;
  /** Text and axis color. */
  foreground: string;
  /** Light lines (grid). */
  grid: string;
  background: string;
  /** Categorical palette (Okabe & Ito 2008, color-blind safe), in order of use. */
  palette: readonly string[];
  lineWidth: number;
  pointRadius: number;
  /** Tick length outside the plot area. */
  tickSize: number;
  /** Default space around the plot area: top, right, bottom, left. */
  margin: Margin;
}

/** Space around a plot area, px. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The toolkit's one theme. Figure code reads it; pass a modified copy (`{ ...theme, ... }`) to change a figure. */
export const theme: Theme = {
  fontFamily: 'DejaVu Sans',
  fontSize: 10,
  labelSize: 11,
  titleSize: 13,
  foreground: '#222222',
  grid: '#e5e5e5',
  background: '#ffffff',
  palette: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'],
  lineWidth: 1.5,
  pointRadius: 2.5,
  tickSize: 5,
  margin: { top: 30, right: 20, bottom: 45, left: 55 },
};

/** Color of series `i`, cycling through the theme's palette. */
export function seriesColor(i: number, t: Theme = theme): string {
  return t.palette[i % t.palette.length];
}

/** Formats a p-value as journals do: `p < 0.001`, `p = 0.012`, `p = 0.34` (`p = NA` when not finite). */
export function formatPValue(pValue: number): string {
  if (!Number.isFinite(pValue)) return 'p = NA';
  if (pValue < 0.001) return 'p < 0.001';
  return `p = ${pValue < 0.01 ? pValue.toFixed(3) : pValue.toFixed(2)}`;
}

export { textWidth } from './font-metrics.js';

/**
 * Colour-blind-safe palettes. `okabeIto` (Okabe & Ito 2008) is the default categorical palette, as
 * `ggplot2` users set with `scale_colour_manual(values = palette.OkabeIto)`; `tolBright` is Paul Tol's
 * bright scheme; `viridis` (sequential) and `blueRed` (diverging, RColorBrewer `RdBu` reversed) are for
 * continuous fills.
 */
export const palettes = {
  okabeIto: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'],
  tolBright: ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'],
  viridis: ['#440154', '#414487', '#2A788E', '#22A884', '#7AD151', '#FDE725'],
  blueRed: ['#2166AC', '#67A9CF', '#D1E5F0', '#F7F7F7', '#FDDBC7', '#EF8A62', '#B2182B'],
} as const;

/** Options of {@link createTheme}: any theme field, plus a base font size that scales the three sizes. */
export interface ThemeOptions extends Partial<Theme> {
  /**
   * Base font size in px (tick labels, legends, tables); axis titles are 1.1x and the title 1.3x, as
   * `ggplot2::theme_bw(base_size)` derives its sizes. @default 10
   */
  baseSize?: number;
}

/**
 * A theme from the default one: a base font size (the other sizes follow), a palette, colours, margins.
 * @example kaplanMeierPlot(km, { theme: createTheme({ baseSize: 8, palette: palettes.tolBright }) })
 */
export function createTheme(options: ThemeOptions = {}): Theme {
  const { baseSize, ...rest } = options;
  const sizes =
    baseSize === undefined
      ? {}
      : { fontSize: baseSize, labelSize: baseSize * 1.1, titleSize: baseSize * 1.3 };
  return { ...theme, ...sizes, ...rest };
}
