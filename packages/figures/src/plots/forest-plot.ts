import type { CoxModel } from '@tace/survival';
import { scaleLog } from 'd3';
import { axisBottom } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { ellipsize, textWidth } from '../base/font-metrics.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { formatPValue, seriesColor } from '../base/theme.js';

/** One row of a forest plot: an estimate with its confidence interval (ratio scale), or a heading. */
export interface ForestRow {
  label: string;
  /** Ratio; NaN for a heading or reference row. */
  estimate: number;
  lower: number;
  upper: number;
  /** Printed in the p column. @default undefined (none) */
  pValue?: number;
  /** Patients and events in this row (level), printed in the n and Events columns. @default undefined */
  n?: number;
  events?: number;
  /** A reference level: printed as "Reference" with a marker at 1. @default false */
  reference?: boolean;
  /** A variable heading above its levels (bold, no estimate). @default false */
  heading?: boolean;
  /** Indent the label (a level under its heading). @default false */
  indent?: boolean;
}

/** Options of {@link forestPlot}. */
export interface ForestPlotOptions extends FigureOptions {
  /** @default 'Hazard ratio (95% CI, log scale)' */
  xLabel?: string;
  /** Display names of variables (terms), e.g. `{ afp_log: 'AFP (log10 ng/mL)' }`. @default the term names */
  labels?: Record<string, string>;
  /** Show the n and Events columns (when the rows have them). @default true */
  counts?: boolean;
  /** Widest label column, px; longer labels end in an ellipsis. @default 220 */
  maxLabelWidth?: number;
}

/** Patients and events per design column of 0/1 dummies, read from the fit's (uncentred) design. */
function levelCounts(fit: CoxModel, column: number): { n: number; events: number } | undefined {
  const data = fit.fit;
  if (!data?.x || data.noCenter?.[column] !== 1) return undefined;
  let n = 0;
  let events = 0;
  for (let k = 0; k < data.n; k++)
    if (data.x[k * data.p + column] === 1) {
      n++;
      events += data.status[k];
    }
  return { n, events };
}

/**
 * The rows of a forest plot of a Cox model, as `survminer::ggforest`: a numeric term is one row; a categorical
 * term is a heading, its reference level ("Reference", at 1) and one row per other level, with n and events
 * per level when the fit carries its design.
 */
export function coxForestRows(fit: CoxModel, labels: Record<string, string> = {}): ForestRow[] {
  const rows: ForestRow[] = [];
  const coefficient = (i: number) => ({
    estimate: fit.hazardRatios[i],
    lower: fit.lower[i],
    upper: fit.upper[i],
    pValue: fit.pValue[i],
  });
  const terms =
    fit.terms?.length > 0
      ? fit.terms
      : fit.names.map((name, i) => ({ name, kind: 'numeric' as const, levels: [], columns: [i] }));
  for (const term of terms) {
    const name = labels[term.name] ?? term.name;
    if (term.kind === 'numeric' || term.levels.length === 0) {
      rows.push({ label: name, ...coefficient(term.columns[0]), n: fit.n, events: fit.events });
      continue;
    }
    rows.push({ label: name, estimate: Number.NaN, lower: Number.NaN, upper: Number.NaN, heading: true });
    const perLevel = term.columns.map((c) => levelCounts(fit, c));
    const known = perLevel.every((c) => c !== undefined);
    const inLevels = perLevel.reduce((s, c) => s + (c?.n ?? 0), 0);
    const eventsInLevels = perLevel.reduce((s, c) => s + (c?.events ?? 0), 0);
    rows.push({
      label: term.levels[0],
      estimate: 1,
      lower: Number.NaN,
      upper: Number.NaN,
      reference: true,
      indent: true,
      n: known ? fit.n - inLevels : undefined,
      events: known ? fit.events - eventsInLevels : undefined,
    });
    term.columns.forEach((c, k) => {
      rows.push({
        label: term.levels[k + 1] ?? fit.names[c],
        ...coefficient(c),
        indent: true,
        n: perLevel[k]?.n,
        events: perLevel[k]?.events,
      });
    });
  }
  return rows;
}

/** Readable ticks for a ratio axis: 1, 2, 5 x powers of ten, or powers of ten only over wide ranges. */
export function logTicks([low, high]: [number, number]): number[] {
  const decades = Math.log10(high) - Math.log10(low);
  const multipliers = decades > 2.5 ? [1] : decades > 1.3 ? [1, 3] : [1, 2, 5];
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++)
    for (const m of multipliers) {
      const v = Number((m * 10 ** power).toPrecision(1));
      if (v >= low * 0.999 && v <= high * 1.001) ticks.push(v);
    }
  return ticks;
}

const formatRatio = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/**
 * Forest plot of hazard ratios (log axis with readable, non-overlapping ticks) with their CIs, a reference
 * line at 1, and columns for n, events, HR (95% CI) and p, as `survminer::ggforest` and journal tables. Takes
 * a fitted Cox model (`coxph(...)`: variables by name, categorical terms as a heading, a reference row and
 * one row per level) or rows.
 * @example forestPlot(coxph(table, { time: 'os', event: 'death', covariates: ['afp', 'bclc'] }), { labels: { afp: 'AFP' } })
 */
export function forestPlot(
  input: CoxModel | readonly ForestRow[],
  options: ForestPlotOptions = {},
): SvgElement {
  const rows: readonly ForestRow[] = isRows(input) ? input : coxForestRows(input, options.labels);
  const t = options.theme ?? plotArea(options).theme;
  const size = t.fontSize;
  const rowHeight = Math.round(size * 2.2);
  const labelText = rows.map((r) =>
    ellipsize(
      r.label,
      (options.maxLabelWidth ?? 220) - (r.indent ? 12 : 0),
      size,
      r.heading ? 'bold' : 'normal',
    ),
  );
  const labelWidth = Math.max(
    textWidth('Variable', size, 'bold'),
    ...rows.map((r, i) => textWidth(labelText[i], size, r.heading ? 'bold' : 'normal') + (r.indent ? 12 : 0)),
  );
  const showCounts = (options.counts ?? true) && rows.some((r) => r.n !== undefined);
  const countCol = (value: (r: ForestRow) => number | undefined, title: string) =>
    Math.max(textWidth(title, size, 'bold'), ...rows.map((r) => textWidth(String(value(r) ?? ''), size)));
  const nWidth = showCounts ? countCol((r) => r.n, 'n') : 0;
  const eventsWidth = showCounts ? countCol((r) => r.events, 'Events') : 0;
  const intervals = rows.map((r) =>
    r.heading
      ? ''
      : r.reference
        ? 'Reference'
        : Number.isFinite(r.estimate)
          ? `${formatRatio(r.estimate)} (${formatRatio(r.lower)}-${formatRatio(r.upper)})`
          : 'NA',
  );
  const pTexts = rows.map((r) =>
    r.pValue === undefined || r.heading || r.reference ? '' : formatPValue(r.pValue).replace(/^p (= )?/, ''),
  );
  const hrWidth = Math.max(
    textWidth('HR (95% CI)', size, 'bold'),
    ...intervals.map((s) => textWidth(s, size)),
  );
  const pWidth = Math.max(textWidth('p', size, 'bold'), ...pTexts.map((s) => textWidth(s, size)));
  const gap = 14;
  const left = 12 + labelWidth + gap + (showCounts ? nWidth + gap + eventsWidth + gap : 0);
  const right = gap + hrWidth + gap + pWidth + 12;
  const area = plotArea(options, {
    width: Math.max(640, left + right + 260),
    height: 40 + (options.title ? 28 : 0) + rowHeight * rows.length + size * 2.4 + t.labelSize + 24,
    margin: {
      top: (options.title ? 28 : 0) + 40,
      right,
      bottom: size * 2.4 + t.labelSize + 24,
      left,
    },
  });
  const finite = rows
    .flatMap((r) => [r.lower, r.upper, r.estimate])
    .filter((v) => Number.isFinite(v) && v > 0);
  const x = scaleLog()
    .domain([Math.min(0.5, ...finite), Math.max(2, ...finite)])
    .range([area.left, area.right])
    .nice();
  const headerY = area.top - 12;
  const nX = 12 + labelWidth + gap + nWidth;
  const eventsX = nX + gap + eventsWidth;
  const hrX = area.right + gap;
  const pX = hrX + hrWidth + gap + pWidth;
  const bold = { size, weight: 'bold', theme: t, className: 'column-heading' } as const;
  const marks = rows.map((row, i) => {
    const cy = area.top + rowHeight * (i + 0.5);
    const ok = [row.estimate, row.lower, row.upper].every((v) => Number.isFinite(v) && v > 0);
    return svg(
      'g',
      { class: 'forest-row', 'data-label': row.label },
      i % 2 === 0 &&
        svg('rect', {
          x: 8,
          y: cy - rowHeight / 2,
          width: area.width - 16,
          height: rowHeight,
          fill: '#f4f4f4',
        }),
      text(12 + (row.indent ? 12 : 0), cy + size * 0.35, labelText[i], {
        size,
        weight: row.heading ? 'bold' : undefined,
        theme: t,
        className: 'row-label',
      }),
      showCounts &&
        row.n !== undefined &&
        text(nX, cy + size * 0.35, String(row.n), { size, anchor: 'end', theme: t }),
      showCounts &&
        row.events !== undefined &&
        text(eventsX, cy + size * 0.35, String(row.events), { size, anchor: 'end', theme: t }),
      ok &&
        svg('line', {
          x1: x(row.lower),
          x2: x(row.upper),
          y1: cy,
          y2: cy,
          stroke: t.foreground,
          'stroke-width': 1.5,
          class: 'interval',
        }),
      ok &&
        svg('rect', {
          x: x(row.estimate) - 4.5,
          y: cy - 4.5,
          width: 9,
          height: 9,
          fill: seriesColor(0, t),
          class: 'estimate',
        }),
      row.reference &&
        svg('circle', { cx: x(1), cy, r: 3.5, fill: 'none', stroke: t.foreground, class: 'reference-level' }),
      text(hrX, cy + size * 0.35, intervals[i], { size, theme: t, className: 'interval-text' }),
      pTexts[i] !== '' &&
        text(pX, cy + size * 0.35, pTexts[i], { size, anchor: 'end', theme: t, className: 'p-text' }),
    );
  });
  return figure(area, options.title, [
    marks,
    svg('line', {
      x1: x(1),
      x2: x(1),
      y1: area.top,
      y2: area.bottom,
      stroke: t.foreground,
      'stroke-dasharray': '4 3',
      class: 'reference',
    }),
    axisBottom(x, area, {
      label: options.xLabel ?? 'Hazard ratio (95% CI, log scale)',
      ticks: logTicks(x.domain() as [number, number]),
      format: (v) => String(v),
    }),
    text(12, headerY, 'Variable', bold),
    showCounts && [
      text(nX, headerY, 'n', { ...bold, anchor: 'end' }),
      text(eventsX, headerY, 'Events', { ...bold, anchor: 'end' }),
    ],
    text(hrX, headerY, 'HR (95% CI)', bold),
    text(pX, headerY, 'p', { ...bold, anchor: 'end' }),
  ]);
}

function isRows(input: CoxModel | readonly ForestRow[]): input is readonly ForestRow[] {
  return Array.isArray(input);
}
