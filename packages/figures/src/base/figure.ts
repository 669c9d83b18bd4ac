import { wrapText } from './font-metrics.js';
import type { PlotArea } from './plot-area.js';
import { pxPerUnit, type SizeUnit } from './plot-area.js';
import { formatNumber, type SvgChild, type SvgElement, svg } from './svg-element.js';
import { text } from './text.js';

/**
 * The root `<svg>` every figure shares: the figure's size, a background, an optional bold title at the top
 * left, then `children` (drawn in the figure's coordinates; `area` gives the plot bounds). A title wider
 * than the figure is wrapped at spaces onto a second line where the top margin has room for it, and the
 * (last) line is shortened with an ellipsis so that it never runs past the figure's right edge.
 * @example figure(area, 'Overall survival', [axisLeft(y, area, { label: 'Survival' }), ...marks])
 */
export function figure(area: PlotArea, title: string | undefined, children: SvgChild): SvgElement {
  const t = area.theme;
  return svg(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: physical(area.width, area.unit),
      height: physical(area.height, area.unit),
      viewBox: `0 0 ${area.width} ${area.height}`,
      'font-family': t.fontFamily,
    },
    svg('rect', { x: 0, y: 0, width: area.width, height: area.height, fill: t.background }),
    title ? titleLines(area, title) : null,
    children,
  );
}

/** Title baseline (px from the top), as before the wrapping. */
const TITLE_BASELINE = 24;

/**
 * The title's lines: as many as fit above the plot area (at most 2), each within the figure's width from
 * `area.left` to 6 px short of the right edge.
 */
function titleLines(area: PlotArea, title: string): SvgElement[] {
  const t = area.theme;
  const maxWidth = Math.max(t.titleSize, area.width - area.left - 6);
  const lineHeight = Math.round(t.titleSize * 1.2);
  // A second line must end (descent + 8 px) above the plot area, clear of the top tick label.
  const maxLines = TITLE_BASELINE + lineHeight + t.titleSize * 0.24 + 8 <= area.top ? 2 : 1;
  return wrapText(title, maxWidth, t.titleSize, maxLines, 'bold').map((line, i) =>
    text(area.left, TITLE_BASELINE + i * lineHeight, line, {
      size: t.titleSize,
      weight: 'bold',
      className: 'title',
      theme: t,
    }),
  );
}

/** A length in px as the root `<svg>` states it: px as a number, else e.g. `'85mm'`. */
function physical(px: number, unit: SizeUnit): number | string {
  return unit === 'px' ? px : `${formatNumber(px / pxPerUnit(unit))}${unit}`;
}
