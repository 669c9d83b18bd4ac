import { pxPerUnit, type SizeUnit } from './plot-area.js';
import { formatNumber, type SvgElement, svg } from './svg-element.js';
import { text } from './text.js';
import { theme as defaultTheme, type Theme } from './theme.js';

/** Options of {@link panelLayout}. */
export interface PanelLayoutOptions {
  /** Panels per row. @default min(panels, 2) */
  columns?: number;
  /** Panel letters (bold, top left), as `cowplot::plot_grid(labels = "AUTO")`; `false` for none. @default 'A', 'B', ... */
  letters?: boolean | readonly string[];
  /** Space between panels, px. @default 12 */
  gap?: number;
  /** Unit the combined figure states its size in (see `FigureOptions.unit`). @default 'px' */
  unit?: SizeUnit;
  /** @default theme */
  theme?: Theme;
}

/** Width and height of a figure from its `viewBox` (px user units). */
function panelSize(panel: SvgElement): [number, number] {
  const box = String(panel.attributes.viewBox ?? '')
    .split(/[\s,]+/)
    .map(Number);
  if (box.length === 4 && box.every(Number.isFinite)) return [box[2], box[3]];
  return [
    Number.parseFloat(String(panel.attributes.width)),
    Number.parseFloat(String(panel.attributes.height)),
  ];
}

/**
 * Combines several figures into one, in a grid, each under a bold panel letter (A, B, C, ...) in its own
 * strip so that the letter never covers a panel's title; as `cowplot::plot_grid(..., labels = "AUTO")`.
 * Panels keep their own sizes; a row is as tall as its tallest panel.
 * @example panelLayout([kaplanMeierPlot(km), forestPlot(fit)], { columns: 2 })
 */
export function panelLayout(panels: readonly SvgElement[], options: PanelLayoutOptions = {}): SvgElement {
  const t = options.theme ?? defaultTheme;
  const columns = Math.max(1, options.columns ?? Math.min(panels.length, 2));
  const gap = options.gap ?? 12;
  const letters =
    options.letters === false
      ? []
      : Array.isArray(options.letters)
        ? options.letters
        : panels.map((_, i) => String.fromCharCode(65 + (i % 26)));
  const strip = letters.length > 0 ? Math.round(t.titleSize * 1.6) : 0;
  const sizes = panels.map(panelSize);
  const rows = Math.ceil(panels.length / columns);
  const colWidth = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...sizes.filter((_, i) => i % columns === c).map((s) => s[0])),
  );
  const rowHeight = Array.from({ length: rows }, (_, r) =>
    Math.max(0, ...sizes.filter((_, i) => Math.floor(i / columns) === r).map((s) => s[1] + strip)),
  );
  const xAt = (c: number) => colWidth.slice(0, c).reduce((a, b) => a + b + gap, 0);
  const yAt = (r: number) => rowHeight.slice(0, r).reduce((a, b) => a + b + gap, 0);
  const width = xAt(columns) - gap;
  const height = yAt(rows) - gap;
  const unit = options.unit ?? 'px';
  const physical = (px: number) => (unit === 'px' ? px : `${formatNumber(px / pxPerUnit(unit))}${unit}`);
  return svg(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: physical(width),
      height: physical(height),
      viewBox: `0 0 ${width} ${height}`,
      'font-family': t.fontFamily,
    },
    svg('rect', { x: 0, y: 0, width, height, fill: t.background }),
    panels.map((panel, i) => {
      const x = xAt(i % columns);
      const y = yAt(Math.floor(i / columns));
      return svg(
        'g',
        { class: 'panel', transform: `translate(${formatNumber(x)},${formatNumber(y)})` },
        letters[i] !== undefined &&
          text(4, t.titleSize + 2, letters[i], {
            size: t.titleSize * 1.2,
            weight: 'bold',
            className: 'panel-letter',
            theme: t,
          }),
        svg('g', { transform: `translate(0,${strip})` }, panel.children),
      );
    }),
  );
}
