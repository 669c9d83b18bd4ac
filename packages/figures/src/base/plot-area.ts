import { theme as defaultTheme, type Margin, type Theme } from './theme.js';

/** Size, margins, title and theme of a figure; every figure's options extend this. */
export interface FigureOptions {
  /** Width in px (SVG user units). @default 640 (480 for `linePlot` and `scatterPlot`) */
  width?: number;
  /** Height in px. @default 420 (360 for `linePlot` and `scatterPlot`) */
  height?: number;
  /** Space around the plot area. @default the figure's own, else `theme.margin` */
  margin?: Margin;
  /** Title, top left. @default undefined (none) */
  title?: string;
  /** @default theme */
  theme?: Theme;
}

/** The plot area of a figure: its pixel bounds inside the margins, in the figure's coordinates. */
export interface PlotArea {
  /** Size of the whole figure. */
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  theme: Theme;
}

/**
 * Resolves figure options into the plot area; `defaults` are the figure's own size and margin, used where the
 * caller gave none.
 * @example const area = plotArea(options, { width: 720, margin: { top: 48, right: 230, bottom: 56, left: 180 } });
 */
export function plotArea(
  options: FigureOptions = {},
  defaults: { width?: number; height?: number; margin?: Margin } = {},
): PlotArea {
  const t = options.theme ?? defaultTheme;
  const width = options.width ?? defaults.width ?? 640;
  const height = options.height ?? defaults.height ?? 420;
  const margin = options.margin ?? defaults.margin ?? t.margin;
  return {
    width,
    height,
    left: margin.left,
    top: margin.top,
    right: width - margin.right,
    bottom: height - margin.bottom,
    theme: t,
  };
}
