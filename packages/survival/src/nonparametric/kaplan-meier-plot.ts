import type { FigureOptions, LineSeries, SvgElement, Theme } from '@tace/core';
import { theme as defaultTheme, findElements, linePlot } from '@tace/core';
import type { KaplanMeierResult } from './kaplan-meier.js';

/** Options for {@link kaplanMeierPlot}. */
export interface KaplanMeierPlotOptions extends FigureOptions {
  /** Draw the pointwise confidence limits as dashed, lighter lines in the curve's colour. @default false */
  confidenceLimits?: boolean;
  /** x-axis label (state the unit). @default 'Time' */
  xLabel?: string;
  /** y-axis label. @default 'Survival probability' */
  yLabel?: string;
}

/**
 * Kaplan-Meier curves as an SVG element tree (render with core's `renderSvg` / `svgToPng`): one step
 * curve per group starting at (0, 1), labelled with the group and its number of subjects, on a [0, 1]
 * survival axis; optionally the confidence limits.
 * @example renderSvg(kaplanMeierPlot(kaplanMeier(time, dead, { group: sex }), { xLabel: 'Days' }))
 */
export function kaplanMeierPlot(km: KaplanMeierResult, options: KaplanMeierPlotOptions = {}): SvgElement {
  const th: Theme = options.theme ?? defaultTheme;
  const series: LineSeries[] = [];
  km.curves.forEach((curve, i) => {
    const color = th.palette[i % th.palette.length];
    const x = [0, ...curve.time];
    const label = km.curves.length === 1 ? `n = ${curve.n}` : `${curve.group} (n = ${curve.n})`;
    series.push({ x, y: [1, ...curve.survival], label, color });
    if (options.confidenceLimits === true) {
      series.push({ x, y: [1, ...curve.lower], color });
      series.push({ x, y: [1, ...curve.upper], color });
    }
  });
  const plot = linePlot(series, {
    ...options,
    curve: 'step-after',
    yDomain: [0, 1],
    xLabel: options.xLabel ?? 'Time',
    yLabel: options.yLabel ?? 'Survival probability',
  });
  if (options.confidenceLimits === true) {
    // series come in triples (curve, lower, upper): dash and lighten the limits
    findElements(plot, 'path')
      .filter((path) => path.attributes.class === 'series')
      .forEach((path, i) => {
        if (i % 3 === 0) return;
        path.attributes['stroke-dasharray'] = '4 3';
        path.attributes['stroke-opacity'] = 0.6;
      });
  }
  return plot;
}
