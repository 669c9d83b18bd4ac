import type { KaplanMeierCurve, KaplanMeierResult } from '@tace/survival';
import { curveStepAfter, area as d3Area, line, scaleLinear } from 'd3';
import { axisBottom, axisLeft } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { ellipsize, textWidth, thinLabels, wrapText } from '../base/font-metrics.js';
import { panelLayout } from '../base/layout.js';
import { type LegendEntry, legend, legendLeft } from '../base/legend.js';
import { type FigureOptions, figureSize, plotArea, pxPerUnit } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { formatPValue, seriesColor, type Theme } from '../base/theme.js';

/** A hazard ratio with its confidence interval, printed under the p-value. */
export interface HazardRatioLabel {
  estimate: number;
  lower: number;
  upper: number;
  /** What the ratio compares, e.g. `'high vs low'`. @default undefined */
  label?: string;
}

/** Where {@link kaplanMeierPlot} prints the p-value block: see `KaplanMeierPlotOptions.pValuePosition`. */
export type PValuePosition =
  | 'auto'
  | 'bottom-left'
  | 'bottom-right'
  | 'top-left'
  | 'top-right'
  | readonly [time: number, survival: number];

/** Options for {@link kaplanMeierPlot}. `height` is that of the plot without the tables. */
export interface KaplanMeierPlotOptions extends FigureOptions {
  /** Unit of the time axis, used in the default x label. @default 'months' */
  timeUnit?: string;
  /** x-axis label. @default `Time (${timeUnit})` */
  xLabel?: string;
  /** @default 'Overall survival' */
  yLabel?: string;
  /**
   * Interval between time breaks (axis ticks and table columns), as survminer's `break.time.by`; or the
   * break times themselves. Breaks past the last follow-up are dropped. @default about 6 round breaks
   */
  breaks?: number | readonly number[];
  /** End of the time axis, as `xlim = c(0, xMax)`. @default the last follow-up time */
  xMax?: number;
  /**
   * Draw the pointwise confidence band (light, shaded), as `conf.int`. @default true for 1 or 2 groups,
   * false for more (overlapping bands hide the curves), false when `confidenceLimits`
   */
  confidenceBands?: boolean;
  /** Draw the pointwise confidence limits as dashed, lighter lines in the curve's color. @default false */
  confidenceLimits?: boolean;
  /** Censoring marks, as `censor = TRUE`. @default true */
  censorMarks?: boolean;
  /** Dashed lines at survival 0.5 down to each median, as `surv.median.line = "hv"`. @default false */
  medianLines?: boolean;
  /** A p-value to print as `Log-rank p = ...` (e.g. `logRank(...).pValue`), as `pval = TRUE`. @default undefined */
  pValue?: number;
  /** A hazard ratio printed under the p-value as `HR 2.10 (95% CI 1.52-2.90)`. @default undefined */
  hazardRatio?: HazardRatioLabel;
  /** Extra text under the p-value and hazard ratio. @default undefined */
  annotation?: string;
  /**
   * Where the p-value, hazard ratio and annotation go: `'auto'` takes the first of bottom left, bottom right,
   * top right (under the legend), top left and then a grid over the plot where no curve, confidence band or
   * limit, censoring mark, median line or the legend passes (the least covered place when none is free); a
   * corner name puts it there; `[time, survival]` puts the block's top-left corner at that data point, as
   * survminer's `pval.coord`. @default 'auto'
   */
  pValuePosition?: PValuePosition;
  /** The numbers-at-risk table, as `risk.table = TRUE`. @default true */
  riskTable?: boolean;
  /** The cumulative number of events table, as `cumevents = TRUE`. @default false */
  eventsTable?: boolean;
  /** @deprecated use `breaks` (array). Times of the numbers-at-risk table. @default the breaks */
  riskTimes?: number[];
}

/** Number at risk at time t on a Kaplan-Meier curve: subjects with follow-up >= t. */
export function numberAtRisk(curve: KaplanMeierCurve, t: number): number {
  for (let i = 0; i < curve.time.length; i++) if (curve.time[i] >= t) return curve.nRisk[i];
  return 0;
}

/** Cumulative number of events on a Kaplan-Meier curve up to and including time t. */
export function cumulativeEvents(curve: KaplanMeierCurve, t: number): number {
  let events = 0;
  for (let i = 0; i < curve.time.length && curve.time[i] <= t; i++) events += curve.nEvent[i];
  return events;
}

type Step = [time: number, survival: number, lower: number, upper: number];

function steps(curve: KaplanMeierCurve): Step[] {
  const points: Step[] = [[0, 1, 1, 1]];
  for (let i = 0; i < curve.time.length; i++)
    points.push([curve.time[i], curve.survival[i], curve.lower[i], curve.upper[i]]);
  return points;
}

/** The last follow-up time over all curves. */
function lastFollowUp(km: KaplanMeierResult): number {
  let last = 0;
  for (const c of km.curves) if (c.time.length > 0) last = Math.max(last, c.time[c.time.length - 1]);
  return last || 1;
}

/** Break times within [0, end]: the given ones, multiples of an interval, or ~6 round ticks. */
function breakTimes(options: KaplanMeierPlotOptions, end: number): number[] {
  const given = options.riskTimes ?? options.breaks;
  let times: number[];
  if (typeof given === 'number' && given > 0) {
    times = [];
    for (let k = 0; k * given <= end * (1 + 1e-9); k++) times.push(k * given);
  } else if (Array.isArray(given)) times = [...given];
  else times = scaleLinear().domain([0, end]).ticks(6);
  return times.filter((t) => t >= 0 && t <= end * (1 + 1e-9));
}

/**
 * Kaplan-Meier curves by group as R `survminer::ggsurvplot` draws them: one step curve per group from
 * (0, 1), light confidence bands (by default only for one or two groups), censoring marks, the group sizes
 * in the legend, the log-rank p-value and a hazard ratio, optional median lines, and a numbers-at-risk table
 * (and cumulative events table) whose columns stop at the last follow-up. Takes `kaplanMeier(...)`'s result.
 * Curves are `path.series` elements with `data-group`; table cells are `text.risk-count` / `text.event-count`.
 * @example kaplanMeierPlot(km, { pValue: logRank(table, columns).pValue, breaks: 12, timeUnit: 'months' })
 */
export function kaplanMeierPlot(km: KaplanMeierResult, options: KaplanMeierPlotOptions = {}): SvgElement {
  const t: Theme = options.theme ?? plotArea(options).theme;
  const groups = km.curves.length;
  const rowHeight = Math.round(t.fontSize * 1.6);
  const showRisk = options.riskTable ?? true;
  const showEvents = options.eventsTable ?? false;
  const tableHeight = (rows: boolean) => (rows ? Math.round(t.fontSize * 2.6) + rowHeight * groups : 0);
  const tablesHeight = tableHeight(showRisk) + tableHeight(showEvents);
  const labelWidth = Math.min(
    160,
    Math.max(...km.curves.map((c) => textWidth(c.group, t.fontSize)), textWidth('Number', t.fontSize)),
  );
  const size = figureSize(options);
  const area = plotArea(
    { ...options, width: undefined, height: undefined, unit: options.unit },
    {
      width: size.width ?? 640,
      height: (size.height ?? 420) + tablesHeight,
      margin: options.margin ?? {
        top: options.title ? 40 : 16,
        right: 24,
        bottom: t.fontSize * 2.4 + t.labelSize + 24 + tablesHeight,
        left: Math.max(64, labelWidth + 30),
      },
    },
  );
  const end = options.xMax ?? lastFollowUp(km);
  const x = scaleLinear().domain([0, end]).range([area.left, area.right]);
  const y = scaleLinear().domain([0, 1]).range([area.bottom, area.top]);
  const times = breakTimes(options, end);
  const limits = options.confidenceLimits ?? false;
  const bands = options.confidenceBands ?? (!limits && groups <= 2);
  const series = km.curves.map((curve, g) =>
    curveMarks(curve, seriesColor(g, t), {
      x,
      y,
      t,
      bands,
      limits,
      censor: options.censorMarks ?? true,
      end,
    }),
  );
  const entries: LegendEntry[] = km.curves.map((c, g) => ({
    label: ellipsize(
      groups === 1 ? `n = ${c.n}` : `${c.group} (n = ${c.n})`,
      (area.right - area.left) * 0.55,
      t.fontSize,
    ),
    color: seriesColor(g, t),
  }));
  const legendX = legendLeft(area, entries);
  const legendBox: Box = {
    left: legendX,
    top: area.top + 8,
    right: legendX + 24 + Math.max(0, ...entries.map((e) => textWidth(e.label, t.fontSize))),
    bottom: area.top + 8 + 16 * entries.length,
  };
  const notes = [
    options.pValue !== undefined && {
      text: `Log-rank ${formatPValue(options.pValue)}`,
      className: 'p-value',
    },
    options.hazardRatio && { text: hazardRatioText(options.hazardRatio), className: 'hazard-ratio' },
    options.annotation && { text: options.annotation, className: 'annotation' },
  ].filter((n): n is { text: string; className: string } => Boolean(n));
  // The tables stop at this plot's own last follow-up even when the axis runs further (xMax, facets).
  const lastTime = lastFollowUp(km);
  const tableTimes = times.filter((time) => time <= lastTime * (1 + 1e-9));
  let tableTop = area.bottom + t.fontSize * 2.4 + t.labelSize + 30;
  const tables: SvgElement[] = [];
  if (showRisk) {
    tables.push(
      countTable(km, 'Number at risk', 'risk-count', numberAtRisk, {
        x,
        times: tableTimes,
        top: tableTop,
        area,
      }),
    );
    tableTop += tableHeight(true);
  }
  if (showEvents)
    tables.push(
      countTable(km, 'Cumulative number of events', 'event-count', cumulativeEvents, {
        x,
        times: tableTimes,
        top: tableTop,
        area,
      }),
    );
  return figure(area, options.title, [
    axisLeft(y, area, { label: options.yLabel ?? 'Overall survival', ticks: 5, format: (v) => v.toFixed(1) }),
    axisBottom(x, area, {
      label: options.xLabel ?? `Time (${options.timeUnit ?? 'months'})`,
      ticks: times,
      format: (v) => String(Number(v.toPrecision(6))),
    }),
    series,
    options.medianLines && medianLines(km, x, y, t),
    legend(entries, { x: legendX, y: area.top + 8, theme: t }),
    notesBlock(notes, {
      area,
      obstacles: () => [
        ...km.curves.flatMap((curve) => curveBoxes(curve, { x, y, t, bands, limits, end })),
        ...((options.censorMarks ?? true) ? km.curves.flatMap((curve) => censorBoxes(curve, x, y, end)) : []),
        ...(options.medianLines ? medianBoxes(km, x, y) : []),
        legendBox,
      ],
      legend: legendBox,
      position: options.pValuePosition ?? 'auto',
      x,
      y,
      firstSize: options.pValue !== undefined ? t.labelSize : t.fontSize,
    }),
    tables,
  ]);
}

/** A rectangle in px (figure coordinates). */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Area (px²) shared by two boxes. */
function sharedArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The boxes a step curve covers as drawn: each horizontal and vertical step, its band or limits. */
function curveBoxes(
  curve: KaplanMeierCurve,
  c: Pick<CurveContext, 'x' | 'y' | 't' | 'bands' | 'limits' | 'end'>,
): Box[] {
  const points = steps(curve).filter((p) => p[0] <= c.end);
  const half = c.t.lineWidth / 2 + 1;
  const boxes: Box[] = [];
  const stepBoxes = (k: 1 | 2 | 3) => {
    for (let i = 0; i < points.length; i++) {
      const v = points[i][k];
      if (!Number.isFinite(v)) continue;
      const x0 = c.x(points[i][0]);
      const x1 = i + 1 < points.length ? c.x(points[i + 1][0]) : x0;
      const y0 = c.y(v);
      boxes.push({ left: x0 - half, right: x1 + half, top: y0 - half, bottom: y0 + half });
      const next = i + 1 < points.length ? points[i + 1][k] : Number.NaN;
      if (Number.isFinite(next)) {
        const y1 = c.y(next);
        boxes.push({
          left: x1 - half,
          right: x1 + half,
          top: Math.min(y0, y1) - half,
          bottom: Math.max(y0, y1) + half,
        });
      }
    }
  };
  stepBoxes(1);
  if (c.limits) {
    stepBoxes(2);
    stepBoxes(3);
  }
  if (c.bands)
    for (let i = 0; i < points.length; i++) {
      const [time, , lower, upper] = points[i];
      if (!Number.isFinite(lower) || !Number.isFinite(upper)) continue;
      const x1 = i + 1 < points.length ? c.x(points[i + 1][0]) : c.x(time);
      boxes.push({ left: c.x(time), right: x1, top: c.y(upper), bottom: c.y(lower) });
    }
  return boxes;
}

function censorBoxes(
  curve: KaplanMeierCurve,
  x: (v: number) => number,
  y: (v: number) => number,
  end: number,
): Box[] {
  const boxes: Box[] = [];
  for (let i = 0; i < curve.time.length; i++)
    if (curve.nCensor[i] > 0 && curve.time[i] <= end) {
      const cx = x(curve.time[i]);
      const cy = y(curve.survival[i]);
      boxes.push({ left: cx - 1, right: cx + 1, top: cy - 4, bottom: cy + 4 });
    }
  return boxes;
}

function medianBoxes(km: KaplanMeierResult, x: (v: number) => number, y: (v: number) => number): Box[] {
  const medians = km.curves.map((c) => c.median).filter((m) => Number.isFinite(m));
  if (medians.length === 0) return [];
  const half = y(0.5);
  return [
    { left: x(0), right: x(Math.max(...medians)), top: half - 1, bottom: half + 1 },
    ...medians.map((m) => ({ left: x(m) - 1, right: x(m) + 1, top: half, bottom: y(0) })),
  ];
}

/** Candidate top-left corners of a `width` x `height` block in the plot area, the preferred ones first. */
interface Frame {
  leftX: number;
  rightX: number;
  topY: number;
  bottomY: number;
  underLegend: number;
}

/** The first candidate place for a box that no obstacle touches, else the least covered one. */
function freePlace(
  frame: Frame,
  width: number,
  height: number,
  obstacles: readonly Box[],
): [number, number, number] {
  const pad = 4;
  const rightX = frame.rightX - width;
  const bottomY = frame.bottomY - height;
  const candidates: [number, number][] = [
    [frame.leftX, bottomY],
    [rightX, bottomY],
    [rightX, frame.underLegend],
    [frame.leftX, frame.topY],
  ];
  const steps = 24;
  for (let j = steps; j >= 0; j--)
    for (let i = 0; i <= steps; i++)
      candidates.push([
        frame.leftX + ((rightX - frame.leftX) * i) / steps,
        frame.topY + ((bottomY - frame.topY) * j) / steps,
      ]);
  let best: [number, number, number] = [frame.leftX, bottomY, Number.POSITIVE_INFINITY];
  for (const [cx, cy] of candidates) {
    if (cx < frame.leftX - 0.5 || cy < frame.topY - 0.5 || cy > bottomY + 0.5) continue;
    const box = { left: cx - pad, top: cy - pad, right: cx + width + pad, bottom: cy + height + pad };
    let covered = 0;
    for (const o of obstacles) covered += sharedArea(box, o);
    if (covered < best[2]) best = [cx, cy, covered];
    if (covered === 0) break;
  }
  return best;
}

/**
 * The p-value / hazard-ratio / annotation lines as one left-aligned block, placed at `position` or, for
 * `'auto'`, at the first candidate place that no obstacle touches; when the block fits nowhere, each line
 * goes to its own free place (else the least covered one).
 */
function notesBlock(
  notes: readonly { text: string; className: string }[],
  at: {
    area: ReturnType<typeof plotArea>;
    obstacles: () => Box[];
    legend: Box;
    position: PValuePosition;
    x: (v: number) => number;
    y: (v: number) => number;
    firstSize: number;
  },
): SvgElement[] {
  if (notes.length === 0) return [];
  const { area } = at;
  const t = area.theme;
  const lineHeight = t.fontSize + 6;
  const sizes = notes.map((_, i) => (i === 0 ? at.firstSize : t.fontSize));
  const widths = notes.map((n, i) => textWidth(n.text, sizes[i]));
  const width = Math.max(...widths);
  const ascent = sizes[0] * 0.76;
  const descent = t.fontSize * 0.24;
  const height = ascent + (notes.length - 1) * lineHeight + descent;
  const inset = 12;
  const frame: Frame = {
    leftX: area.left + inset,
    rightX: area.right - inset,
    topY: area.top + 8,
    bottomY: area.bottom - inset + descent,
    underLegend: at.legend.bottom + 6,
  };
  const draw = (i: number, left: number, baseline: number) =>
    text(left, baseline, notes[i].text, { size: sizes[i], className: notes[i].className, theme: t });
  const block = (left: number, top: number) =>
    notes.map((_, i) => draw(i, left, top + ascent + i * lineHeight));
  const position = at.position;
  if (Array.isArray(position)) return block(at.x(position[0]), at.y(position[1]));
  if (position === 'bottom-left') return block(frame.leftX, frame.bottomY - height);
  if (position === 'bottom-right') return block(frame.rightX - width, frame.bottomY - height);
  if (position === 'top-left') return block(frame.leftX, frame.topY);
  if (position === 'top-right') return block(frame.rightX - width, frame.topY);
  const obstacles = at.obstacles();
  const [left, top, covered] = freePlace(frame, width, height, obstacles);
  if (covered === 0 || notes.length === 1) return block(left, top);
  // One line at a time, each avoiding the lines already placed; a line that fits nowhere is wrapped in two.
  const placed: SvgElement[] = [];
  const place = (content: string[], i: number) => {
    const up = sizes[i] * 0.76;
    const w = Math.max(...content.map((c) => textWidth(c, sizes[i])));
    const h = up + (content.length - 1) * lineHeight + descent;
    const [lx, ly, over] = freePlace(frame, w, h, obstacles);
    return {
      over,
      commit: () => {
        content.forEach((c, k) => {
          placed.push(
            text(lx, ly + up + k * lineHeight, c, {
              size: sizes[i],
              className: notes[i].className,
              theme: t,
            }),
          );
        });
        obstacles.push({ left: lx - 4, top: ly - 4, right: lx + w + 4, bottom: ly + h + 4 });
      },
    };
  };
  for (let i = 0; i < notes.length; i++) {
    const single = place([notes[i].text], i);
    const lines = single.over > 0 ? wrapText(notes[i].text, widths[i] * 0.6, sizes[i], 2) : [];
    const wrapped = lines.length === 2 ? place(lines, i) : undefined;
    (wrapped && wrapped.over < single.over ? wrapped : single).commit();
  }
  return placed;
}

function hazardRatioText(hr: HazardRatioLabel): string {
  const f = (v: number) => v.toFixed(2);
  return `HR${hr.label ? ` (${hr.label})` : ''} ${f(hr.estimate)} (95% CI ${f(hr.lower)}-${f(hr.upper)})`;
}

interface CurveContext {
  x: (v: number) => number;
  y: (v: number) => number;
  t: Theme;
  bands: boolean;
  limits: boolean;
  censor: boolean;
  end: number;
}

function curveMarks(curve: KaplanMeierCurve, color: string, c: CurveContext): SvgElement {
  const points = steps(curve).filter((p) => p[0] <= c.end);
  const stepLine = (value: (p: Step) => number) =>
    line<Step>()
      .defined((p) => Number.isFinite(value(p)))
      .x((p) => c.x(p[0]))
      .y((p) => c.y(value(p)))
      .curve(curveStepAfter);
  const band = d3Area<Step>()
    .defined((p) => Number.isFinite(p[2]) && Number.isFinite(p[3]))
    .x((p) => c.x(p[0]))
    .y0((p) => c.y(p[2]))
    .y1((p) => c.y(p[3]))
    .curve(curveStepAfter);
  const limit = (k: 2 | 3) =>
    svg('path', {
      class: 'series',
      d: stepLine((p) => p[k])(points) ?? '',
      fill: 'none',
      stroke: color,
      'stroke-width': c.t.lineWidth,
      'stroke-dasharray': '4 3',
      'stroke-opacity': 0.6,
      'data-limit': k === 2 ? 'lower' : 'upper',
    });
  const censored: SvgElement[] = [];
  if (c.censor)
    for (let i = 0; i < curve.time.length; i++) {
      if (curve.nCensor[i] > 0 && curve.time[i] <= c.end) {
        const cx = c.x(curve.time[i]);
        const cy = c.y(curve.survival[i]);
        censored.push(
          svg('line', { x1: cx, x2: cx, y1: cy - 4, y2: cy + 4, stroke: color, class: 'censor' }),
        );
      }
    }
  return svg(
    'g',
    { class: 'curve' },
    c.bands &&
      svg('path', {
        d: band(points) ?? '',
        fill: color,
        'fill-opacity': 0.12,
        stroke: 'none',
        class: 'ci-band',
      }),
    svg('path', {
      class: 'series',
      d: stepLine((p) => p[1])(points) ?? '',
      fill: 'none',
      stroke: color,
      'stroke-width': c.t.lineWidth,
      'data-group': curve.group,
    }),
    c.limits && [limit(2), limit(3)],
    svg('g', { class: 'censor-marks' }, censored),
  );
}

function medianLines(
  km: KaplanMeierResult,
  x: (v: number) => number,
  y: (v: number) => number,
  t: Theme,
): SvgElement {
  const medians = km.curves.map((c) => c.median).filter((m) => Number.isFinite(m));
  if (medians.length === 0) return svg('g', { class: 'median-lines' });
  const style = { stroke: t.foreground, 'stroke-dasharray': '3 3', 'stroke-width': 0.8 };
  return svg(
    'g',
    { class: 'median-lines' },
    svg('line', { x1: x(0), x2: x(Math.max(...medians)), y1: y(0.5), y2: y(0.5), ...style }),
    medians.map((m) => svg('line', { x1: x(m), x2: x(m), y1: y(0.5), y2: y(0), ...style })),
  );
}

function countTable(
  km: KaplanMeierResult,
  title: string,
  className: string,
  count: (curve: KaplanMeierCurve, t: number) => number,
  at: { x: (v: number) => number; times: number[]; top: number; area: ReturnType<typeof plotArea> },
): SvgElement {
  const t = at.area.theme;
  const rowHeight = Math.round(t.fontSize * 1.6);
  const counts = km.curves.map((curve) => at.times.map((time) => String(count(curve, time))));
  const widths = at.times.map((_, j) => Math.max(...counts.map((row) => textWidth(row[j], t.fontSize))));
  const kept = thinLabels(
    at.times.map((time) => at.x(time)),
    widths,
    4,
  );
  // Group labels end clear of the first count, which is centred on its time (often at the y axis).
  const first = kept.length > 0 ? kept[0] : -1;
  const labelEnd = Math.min(
    at.area.left - 10,
    first >= 0 ? at.x(at.times[first]) - widths[first] / 2 - 6 : at.area.left - 10,
  );
  return svg(
    'g',
    { class: `count-table ${className}-table` },
    text(at.area.left - t.tickSize - 3, at.top, title, {
      size: t.fontSize,
      weight: 'bold',
      theme: t,
      anchor: 'start',
    }),
    km.curves.map((curve, g) => [
      text(labelEnd, at.top + rowHeight * (g + 1), ellipsize(curve.group, labelEnd - 6, t.fontSize), {
        size: t.fontSize,
        anchor: 'end',
        color: seriesColor(g, t),
        className: 'table-label',
        theme: t,
      }),
      kept.map((j) =>
        text(at.x(at.times[j]), at.top + rowHeight * (g + 1), counts[g][j], {
          size: t.fontSize,
          anchor: 'middle',
          className,
          theme: t,
        }),
      ),
    ]),
  );
}

/** One facet of {@link kaplanMeierFacets}: the curves of one center or cohort. */
export interface KaplanMeierFacet
  extends Pick<KaplanMeierPlotOptions, 'pValue' | 'hazardRatio' | 'annotation'> {
  /** Facet title, e.g. the center's name. */
  title: string;
  km: KaplanMeierResult;
}

/**
 * Kaplan-Meier plots of several centers or cohorts side by side with the same time axis, breaks and colors
 * (group `i` has color `i` in every facet), each with its own risk table (stopping at that facet's last
 * follow-up) and p-value, lettered A, B, ...; `width`/`height` are each panel's, in `unit`;
 * as `survminer::ggsurvplot_facet` / `ggsurvplot_list`.
 * @example kaplanMeierFacets(cohorts.map((c) => ({ title: c, km: kaplanMeier(rows[c], columns) })), { breaks: 12 })
 */
export function kaplanMeierFacets(
  facets: readonly KaplanMeierFacet[],
  options: KaplanMeierPlotOptions & { columns?: number } = {},
): SvgElement {
  const end = options.xMax ?? Math.max(...facets.map((f) => lastFollowUp(f.km)));
  const { columns, ...rest } = options;
  // Each panel is drawn in the caller's unit; the px defaults are converted to it.
  const k = pxPerUnit(options.unit);
  const panels = facets.map((f) =>
    kaplanMeierPlot(f.km, {
      ...rest,
      width: rest.width ?? 420 / k,
      height: rest.height ?? 300 / k,
      xMax: end,
      title: f.title,
      pValue: f.pValue,
      hazardRatio: f.hazardRatio,
      annotation: f.annotation,
    }),
  );
  return panelLayout(panels, {
    columns: columns ?? Math.min(facets.length, 3),
    unit: options.unit,
    theme: options.theme,
  });
}
