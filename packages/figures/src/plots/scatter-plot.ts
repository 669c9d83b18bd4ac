import { scaleLinear } from 'd3';
import { assertSameLength } from '../errors/assert.js';
import { isMissing } from '../table/missing.js';
import { axisBottom, axisLeft } from './axes.js';
import { finiteExtent } from './extent.js';
import { type FigureOptions, figure } from './figure.js';
import { legend } from './legend.js';
import { type SvgElement, svg } from './svg-element.js';

/** Options of {@link scatterPlot}. */
export interface ScatterPlotOptions extends FigureOptions {
  /** Group label per point: one colour per group (in order of first appearance) and a legend. @default undefined */
  group?: ArrayLike<unknown>;
  /** Axis titles. @default undefined */
  xLabel?: string;
  yLabel?: string;
}

/**
 * A scatter plot of y against x as an SVG element tree (render with `renderSvg`, rasterise with `svgToPng`).
 * Points with a non-finite coordinate are left out. Linear scales with d3's "nice" domains.
 * @throws {TaceError} `LENGTH_MISMATCH` when x, y (and group) differ in length.
 * @example renderSvg(scatterPlot(age, afp, { xLabel: 'Age (years)', yLabel: 'AFP (ng/mL)' }))
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
  return figure(options, ({ width, height, theme }) => {
    const xScale = scaleLinear().domain(finiteExtent(x)).range([0, width]).nice();
    const yScale = scaleLinear().domain(finiteExtent(y)).range([height, 0]).nice();
    const groups = new Map<string, string>();
    const colorOf = (i: number): string => {
      if (options.group === undefined) return theme.palette[0];
      const key = isMissing(options.group[i]) ? 'NA' : String(options.group[i]);
      if (!groups.has(key)) groups.set(key, theme.palette[groups.size % theme.palette.length]);
      return groups.get(key)!;
    };
    const points: SvgElement[] = [];
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
      points.push(
        svg('circle', {
          cx: xScale(x[i]),
          cy: yScale(y[i]),
          r: theme.pointRadius,
          fill: colorOf(i),
          'fill-opacity': 0.8,
        }),
      );
    }
    return [
      svg(
        'g',
        { transform: `translate(0,${height})` },
        axisBottom(xScale, { label: options.xLabel, gridLength: height, theme }),
      ),
      axisLeft(yScale, { label: options.yLabel, gridLength: width, theme }),
      svg('g', { class: 'points' }, points),
      groups.size > 0 &&
        svg(
          'g',
          { transform: `translate(${width - 90},4)` },
          legend(
            [...groups].map(([label, color]) => ({ label, color, symbol: 'point' as const })),
            theme,
          ),
        ),
    ];
  });
}
