import type { PlotArea } from './plot-area.js';
import { pxPerUnit, type SizeUnit } from './plot-area.js';
import { formatNumber, type SvgChild, type SvgElement, svg } from './svg-element.js';
import { text } from './text.js';

/**
 * The root `<svg>` every figure shares: the figure's size, a background, an optional bold title at the top
 * left, then `children` (drawn in the figure's coordinates; `area` gives the plot bounds).
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
    title
      ? text(area.left, 24, title, { size: t.titleSize, weight: 'bold', className: 'title', theme: t })
      : null,
    children,
  );
}

/** A length in px as the root `<svg>` states it: px as a number, else e.g. `'85mm'`. */
function physical(px: number, unit: SizeUnit): number | string {
  return unit === 'px' ? px : `${formatNumber(px / pxPerUnit(unit))}${unit}`;
}
