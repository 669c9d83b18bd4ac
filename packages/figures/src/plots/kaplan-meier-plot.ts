import { type SvgElement, svg } from '@tace/core';
import type { KaplanMeierResult } from '@tace/survival';
import { curveStepAfter, area as d3Area, line } from 'd3';
import { type FigureSize, figure, legend, linear, plotArea, text, xAxis, yAxis } from './frame.js';
import { formatPValue, seriesColour, THEME } from './theme.js';

/** Options for {@link kaplanMeierPlot}. */
export interface KaplanMeierPlotOptions extends FigureSize {
  title?: string;
  /** @default 'Time (months)' */
  xLabel?: string;
  /** @default 'Overall survival' */
  yLabel?: string;
  /** Draw the pointwise confidence band. @default true */
  confidenceBands?: boolean;
  /** A p-value to print (e.g. the log-rank test's). */
  pValue?: number;
  /** Times for the numbers-at-risk table. @default the x-axis ticks */
  riskTimes?: number[];
  /** Extra text under the p-value (e.g. 'HR 2.1 (1.5-2.9)'). */
  annotation?: string;
}

/** Number at risk at time t from a KM curve: subjects with follow-up >= t. */
export function numberAtRisk(curve: KaplanMeierResult['curves'][number], t: number): number {
  for (let i = 0; i < curve.time.length; i++) if (curve.time[i] >= t) return curve.nRisk[i];
  return 0;
}

/**
 * Kaplan-Meier curves by group with confidence bands, censoring ticks, the log-rank p-value and a
 * numbers-at-risk table under the plot. Takes `kaplanMeier(...)`'s result directly.
 * @example kaplanMeierPlot(kaplanMeier(time, event, { group }), { pValue: logRank(time, event, group).p })
 */
export function kaplanMeierPlot(km: KaplanMeierResult, options: KaplanMeierPlotOptions = {}): SvgElement {
  const groups = km.curves.length;
  const tableHeight = 22 + 16 * groups;
  const area = plotArea({
    width: options.width,
    height: (options.height ?? 420) + tableHeight,
    margin: { top: 40, right: 24, bottom: 56 + tableHeight, left: 110 },
  });
  let maxTime = 0;
  for (const curve of km.curves)
    if (curve.time.length > 0) maxTime = Math.max(maxTime, curve.time[curve.time.length - 1]);
  const x = linear([0, maxTime || 1], [area.left, area.right]).nice();
  const y = linear([0, 1], [area.bottom, area.top]);
  const riskTimes = options.riskTimes ?? x.ticks(6);
  const series: SvgElement[] = [];
  km.curves.forEach((curve, g) => {
    const colour = seriesColour(g);
    const points: [number, number, number, number][] = [[0, 1, 1, 1]];
    for (let i = 0; i < curve.time.length; i++) {
      points.push([curve.time[i], curve.survival[i], curve.lower[i], curve.upper[i]]);
    }
    if (options.confidenceBands ?? true) {
      const band = d3Area<[number, number, number, number]>()
        .defined((p) => Number.isFinite(p[2]) && Number.isFinite(p[3]))
        .x((p) => x(p[0]))
        .y0((p) => y(p[2]))
        .y1((p) => y(p[3]))
        .curve(curveStepAfter);
      series.push(
        svg('path', {
          d: band(points) ?? '',
          fill: colour,
          'fill-opacity': 0.15,
          stroke: 'none',
          class: 'ci-band',
        }),
      );
    }
    const path = line<[number, number, number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]))
      .curve(curveStepAfter);
    series.push(
      svg('path', {
        d: path(points) ?? '',
        fill: 'none',
        stroke: colour,
        'stroke-width': THEME.lineWidth,
        class: 'km-curve',
        'data-group': curve.group,
      }),
    );
    const censorTicks: SvgElement[] = [];
    for (let i = 0; i < curve.time.length; i++) {
      if (curve.nCensor[i] > 0) {
        const cx = x(curve.time[i]);
        const cy = y(curve.survival[i]);
        censorTicks.push(
          svg('line', { x1: cx, x2: cx, y1: cy - 4, y2: cy + 4, stroke: colour, class: 'censor' }),
        );
      }
    }
    series.push(svg('g', { class: 'censor-marks' }, censorTicks));
  });
  const tableTop = area.bottom + 62;
  const riskTable = svg('g', { class: 'risk-table' }, [
    text(area.left - 100, tableTop, 'Number at risk', { size: THEME.smallSize, weight: 'bold' }),
    ...km.curves.flatMap((curve, g) => [
      text(area.left - 22, tableTop + 16 * (g + 1), curve.group, {
        size: THEME.smallSize,
        anchor: 'end',
        colour: seriesColour(g),
      }),
      ...riskTimes.map((t) =>
        text(x(t), tableTop + 16 * (g + 1), String(numberAtRisk(curve, t)), {
          size: THEME.smallSize,
          anchor: 'middle',
          className: 'risk-count',
        }),
      ),
    ]),
  ]);
  const pText =
    options.pValue === undefined
      ? null
      : text(area.left + 12, area.bottom - 28, `Log-rank ${formatPValue(options.pValue)}`, {
          className: 'p-value',
        });
  const note = options.annotation
    ? text(area.left + 12, area.bottom - 12, options.annotation, { size: THEME.smallSize })
    : null;
  return figure(area, options.title, [
    yAxis(y, area, options.yLabel ?? 'Overall survival', 5, (v) => v.toFixed(1)),
    xAxis(x, area, options.xLabel ?? 'Time (months)'),
    ...series,
    legend(
      area.right - 140,
      area.top + 8,
      km.curves.map((c, g) => ({ label: `${c.group} (n=${c.n})`, colour: seriesColour(g) })),
    ),
    pText,
    note,
    riskTable,
  ]);
}
