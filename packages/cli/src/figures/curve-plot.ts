import { type SvgElement, svg } from '@tace/core';
import { line } from 'd3';
import { type FigureSize, figure, legend, linear, plotArea, xAxis, yAxis } from './frame.js';
import { seriesColour, THEME } from './theme.js';

/** A named curve of (x, y) points with an optional pointwise band. */
export interface NamedCurve {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
  dashed?: boolean;
  colour?: string;
}

/** Options shared by the line-based figures. */
export interface CurvePlotOptions extends FigureSize {
  title?: string;
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** Draw the identity line (ROC, calibration). @default false */
  diagonal?: boolean;
  /** Draw points as well as lines (calibration groups). @default false */
  points?: boolean;
}

/**
 * Lines of named curves on linear axes: the base of the ROC, calibration and decision-curve figures.
 * Non-finite points are skipped; bands drawn as vertical whiskers at each point.
 */
export function curvePlot(curves: readonly NamedCurve[], options: CurvePlotOptions): SvgElement {
  const area = plotArea(options);
  const xs = curves.flatMap((c) => Array.from(c.x)).filter(Number.isFinite);
  const ys = curves
    .flatMap((c) => [...Array.from(c.y), ...Array.from(c.lower ?? []), ...Array.from(c.upper ?? [])])
    .filter(Number.isFinite);
  const x = linear(options.xDomain ?? [Math.min(...xs), Math.max(...xs)], [area.left, area.right]);
  const y = linear(options.yDomain ?? [Math.min(...ys), Math.max(...ys)], [area.bottom, area.top]);
  const marks: SvgElement[] = [];
  curves.forEach((curve, i) => {
    const colour = curve.colour ?? seriesColour(i);
    const points: [number, number][] = [];
    for (let k = 0; k < curve.x.length; k++) points.push([curve.x[k], curve.y[k]]);
    const path = line<[number, number]>()
      .defined((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    marks.push(
      svg('path', {
        d: path(points) ?? '',
        fill: 'none',
        stroke: colour,
        'stroke-width': THEME.lineWidth,
        'stroke-dasharray': curve.dashed ? '5 4' : undefined,
        class: 'curve',
        'data-label': curve.label,
      }),
    );
    if (options.points) {
      for (const [px, py] of points) {
        if (Number.isFinite(px) && Number.isFinite(py))
          marks.push(svg('circle', { cx: x(px), cy: y(py), r: 3.5, fill: colour, class: 'point' }));
      }
    }
    if (curve.lower && curve.upper) {
      for (let k = 0; k < curve.x.length; k++) {
        const lo = curve.lower[k];
        const hi = curve.upper[k];
        if (Number.isFinite(lo) && Number.isFinite(hi)) {
          marks.push(
            svg('line', {
              x1: x(curve.x[k]),
              x2: x(curve.x[k]),
              y1: y(lo),
              y2: y(hi),
              stroke: colour,
              class: 'whisker',
            }),
          );
        }
      }
    }
  });
  const [x0, x1] = x.domain();
  return figure(area, options.title, [
    yAxis(y, area, options.yLabel),
    xAxis(x, area, options.xLabel),
    options.diagonal
      ? svg('line', {
          x1: x(x0),
          y1: y(x0),
          x2: x(x1),
          y2: y(x1),
          stroke: THEME.foreground,
          'stroke-dasharray': '4 3',
          class: 'diagonal',
        })
      : null,
    ...marks,
    legend(
      area.right - 170,
      area.top + 8,
      curves.map((c, i) => ({ label: c.label, colour: c.colour ?? seriesColour(i), dashed: c.dashed })),
    ),
  ]);
}
