import { theme as defaultTheme, type Margin, type Theme } from './theme.js';

/** A physical unit of a figure's `width` and `height`. */
export type SizeUnit = 'px' | 'mm' | 'in';

/** Size, margins, title and theme of a figure; every figure's options extend this. */
export interface FigureOptions {
  /** Width, in `unit`. @default 640 px (480 for `linePlot` and `scatterPlot`; each figure states its own) */
  width?: number;
  /** Height, in `unit`. @default 420 px (each figure states its own) */
  height?: number;
  /**
   * Unit of `width` and `height`: CSS px (1/96 in), millimetres or inches, as `ggsave(units)`. The SVG keeps
   * px user units (font sizes are px: 10 px = 7.5 pt) and states the physical size on its root, so
   * `renderPng(figure, { dpi: 300 })` and `renderPdf(figure)` print at that size. @default 'px'
   */
  unit?: SizeUnit;
  /** Space around the plot area. @default the figure's own, else `theme.margin` */
  margin?: Margin;
  /** Title, top left. @default undefined (none) */
  title?: string;
  /** @default theme */
  theme?: Theme;
}

/** The plot area of a figure: its pixel bounds inside the margins, in the figure's coordinates. */
export interface PlotArea {
  /** Size of the whole figure, px. */
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  theme: Theme;
  /** Unit the root `<svg>` states its size in. */
  unit: SizeUnit;
}

/** px per unit (CSS: 96 px per inch). */
export function pxPerUnit(unit: SizeUnit = 'px'): number {
  return unit === 'in' ? 96 : unit === 'mm' ? 96 / 25.4 : 1;
}

/**
 * A figure's requested width and height in px (`undefined` where not given), from `options.unit`.
 * @example figureSize({ width: 85, height: 70, unit: 'mm' }) // { width: 321.3, height: 264.6 }
 */
export function figureSize(options: FigureOptions): { width?: number; height?: number } {
  const k = pxPerUnit(options.unit);
  return {
    width: options.width === undefined ? undefined : options.width * k,
    height: options.height === undefined ? undefined : options.height * k,
  };
}

/**
 * Resolves figure options into the plot area; `defaults` are the figure's own size (px) and margin, used
 * where the caller gave none.
 * @example const area = plotArea(options, { width: 720, margin: { top: 48, right: 230, bottom: 56, left: 180 } });
 */
export function plotArea(
  options: FigureOptions = {},
  defaults: { width?: number; height?: number; margin?: Margin } = {},
): PlotArea {
  const t = options.theme ?? defaultTheme;
  const size = figureSize(options);
  const width = size.width ?? defaults.width ?? 640;
  const height = size.height ?? defaults.height ?? 420;
  const margin = options.margin ?? defaults.margin ?? t.margin;
  return {
    width,
    height,
    left: margin.left,
    top: margin.top,
    right: width - margin.right,
    bottom: height - margin.bottom,
    theme: t,
    unit: options.unit ?? 'px',
  };
}
