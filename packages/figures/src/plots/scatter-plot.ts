import { assertSameLength, isMissing } from '@tace/core';
import { scaleLinear } from 'd3';
import { axisBottom, axisLeft } from '../base/axes.js';
import { finiteExtent } from '../base/extent.js';
import { figure } from '../base/figure.js';
import { type LegendEntry, legend, legendLeft } from '../base/legend.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { seriesColor } from '../base/theme.js';

/** Options of {@link scatterPlot}. */
export interface ScatterPlotOptions extends FigureOptions {
  /** Group label per point: one color per group (in order of first appearance) and a legend. @default undefined */
  group?: ArrayLike<unknown>;
  /** Axis titles. @default undefined */
  xLabel?: string;
  yLabel?: string;
}

/**
 * A scatter plot of y against x as an SVG element tree (serialize with `svgToString`, rasterize with
 * `renderPng`). Points with a non-finite coordinate are left out. Linear scales with d3's "nice" domains.
 * @throws {TaceError} `LENGTH_MISMATCH` when x, y (and group) differ in length.
 * @example svgToString(scatterPlot(age, afp, { xLabel: 'Age (years)', yLabel: 'AFP (ng/mL)' }))
 */
export function scatterPlot(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: ScatterPlotOptions = {},
): SvgElement {
  assertSameLength(
    ['x', x],
    ['y', y],
    ...(options.group !== undefined ? [['group', options.group] as [string, ArrayLike<unknown>]] : []),
  );
  const area = plotArea(options, { width: 480, height: 360 });
  const t = area.theme;
  const xScale = scaleLinear().domain(finiteExtent(x)).range([area.left, area.right]).nice();
  const yScale = scaleLinear().domain(finiteExtent(y)).range([area.bottom, area.top]).nice();
  const groups = new Map<string, string>();
  const colorOf = (i: number): string => {
    if (options.group === undefined) return t.palette[0];
    const key = isMissing(options.group[i]) ? 'NA' : String(options.group[i]);
    if (!groups.has(key)) groups.set(key, seriesColor(groups.size, t));
    return groups.get(key)!;
  };
  const points: SvgElement[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    points.push(
      svg('circle', {
        cx: xScale(x[i]),
        cy: yScale(y[i]),
        r: t.pointRadius,
        fill: colorOf(i),
        'fill-opacity': 0.8,
      }),
    );
  }
  const entries: LegendEntry[] = [...groups].map(([label, color]) => ({ label, color, symbol: 'point' }));
  return figure(area, options.title, [
    axisLeft(yScale, area, { label: options.yLabel }),
    axisBottom(xScale, area, { label: options.xLabel, ticks: 5, grid: true }),
    svg('g', { class: 'points' }, points),
    entries.length > 0 && legend(entries, { x: legendLeft(area, entries), y: area.top + 4, theme: t }),
  ]);
}
