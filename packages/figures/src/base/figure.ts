import { type SvgChild, type SvgElement, svg } from './svg-element.js';
import { theme as defaultTheme, type Theme } from './theme.js';

/** Size and text of a figure; shared by every plot function. */
export interface FigureOptions {
  /** Width in px (SVG user units). @default 480 */
  width?: number;
  /** Height in px. @default 360 */
  height?: number;
  /** Title above the plot area. @default undefined */
  title?: string;
  theme?: Theme;
}

/** The plot area of a figure: its size inside the margins. */
export interface PlotArea {
  width: number;
  height: number;
  theme: Theme;
}

/**
 * The frame every figure shares: an `svg` root of the requested size with a background, an optional title,
 * and a group translated to the plot area, into which `draw(area)` puts its content.
 * @example figure({ title: 'Overall survival' }, ({ width, height }) => [axisLeft(...), ...])
 */
export function figure(options: FigureOptions, draw: (area: PlotArea) => SvgChild): SvgElement {
  const t = options.theme ?? defaultTheme;
  const width = options.width ?? 480;
  const height = options.height ?? 360;
  const m = t.margin;
  const area: PlotArea = { width: width - m.left - m.right, height: height - m.top - m.bottom, theme: t };
  return svg(
    'svg',
    { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': t.fontFamily },
    svg('rect', { width, height, fill: t.background }),
    options.title !== undefined &&
      svg(
        'text',
        {
          class: 'title',
          x: width / 2,
          y: m.top / 2 + t.titleSize / 3,
          'text-anchor': 'middle',
          'font-size': t.titleSize,
          fill: t.foreground,
        },
        options.title,
      ),
    svg('g', { class: 'plot-area', transform: `translate(${m.left},${m.top})` }, draw(area)),
  );
}
