import { assertSameLength, isMissing, normalQuantile, TaceError } from '@tace/core';
import type { CumulativeIncidenceCurve, CumulativeIncidenceResult } from '@tace/survival';
import { scaleLinear } from 'd3';
import { axisBottom, axisLeft } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { ellipsize, textWidth, thinLabels, wrapText } from '../base/font-metrics.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { formatPValue, seriesColor } from '../base/theme.js';

/** Options of {@link cumulativeIncidencePlot}. */
export interface CumulativeIncidencePlotOptions extends FigureOptions {
  /** Causes drawn (line type per cause: solid, dashed, dotted, ...). @default every cause of the result */
  causes?: readonly string[];
  /** Pointwise confidence bands from the curves' variances (`ggcompetingrisks(conf.int = TRUE)`). @default false */
  confidenceBands?: boolean;
  /** Level of the bands. @default 0.95 */
  confLevel?: number;
  /**
   * The subjects' follow-up times and groups (the `time` and `group` given to `cumulativeIncidence`): a number
   * at risk table under the plot (columns up to the last follow-up), and each curve carried flat to its
   * group's last follow-up. @default undefined (no table; curves end at their last event)
   */
  riskTable?: { time: ArrayLike<number>; group?: ArrayLike<unknown> };
  /** Times of the x ticks and table columns: an interval or the times. @default about 6 round ticks */
  breaks?: number | readonly number[];
  /** Right end of the time axis. @default the last follow-up (or last event time without `riskTable`) */
  xMax?: number;
  /** Unit of the time axis. @default 'months' */
  timeUnit?: string;
  /** @default `Time (${timeUnit})` */
  xLabel?: string;
  /** @default 'Cumulative incidence' */
  yLabel?: string;
  /** Show Gray's test p per cause under the title. @default true when the result has tests */
  grayTest?: boolean;
}

const DASHES = [undefined, '6 3', '2 2', '8 3 2 3', '1 3'];

/** log(-log) confidence limits of a cumulative incidence F with variance v, as `tidycmprsk` (conf.type "log-log"). */
function limits(F: number, v: number, z: number): [number, number] {
  if (!(F > 0 && F < 1) || !(v >= 0)) return [F, F];
  const s = (z * Math.sqrt(v)) / (F * Math.log(F));
  return [F ** Math.exp(-s), F ** Math.exp(s)];
}

/** Number of subjects of `group` still followed at t (time >= t). */
function atRisk(
  time: ArrayLike<number>,
  group: ArrayLike<unknown> | undefined,
  level: string,
  t: number,
): number {
  let n = 0;
  for (let i = 0; i < time.length; i++)
    if (time[i] >= t && (group === undefined || (!isMissing(group[i]) && String(group[i]) === level))) n++;
  return n;
}

/**
 * Cumulative incidence curves of competing risks (Aalen-Johansen, `cumulativeIncidence(...)`'s result, as
 * `cmprsk::plot.cuminc` / `survminer::ggcompetingrisks(multiple_panels = FALSE)`): step functions from 0,
 * one colour per group and one line type per cause, optional confidence bands (log(-log) scale, from the
 * curves' variances), Gray's test p per cause under the title, and an optional number at risk table whose
 * columns stop at the last follow-up. Legends for groups and causes sit to the right.
 * @throws {TaceError} `INVALID_ARGUMENT` for a cause not in the result; `LENGTH_MISMATCH` for a risk table
 * whose time and group differ in length.
 * @example
 * ```ts
 * const cif = cumulativeIncidence(time, status, { group: arm });
 * cumulativeIncidencePlot(cif, { riskTable: { time, group: arm }, breaks: 12, confidenceBands: true });
 * ```
 */
export function cumulativeIncidencePlot(
  result: CumulativeIncidenceResult,
  options: CumulativeIncidencePlotOptions = {},
): SvgElement {
  const causes = options.causes ?? result.causes;
  for (const c of causes)
    if (!result.causes.includes(c))
      throw new TaceError('INVALID_ARGUMENT', `cause "${c}" is not in the result`, {
        param: 'causes',
        remedy: `one of: ${result.causes.join(', ')}`,
      });
  const table = options.riskTable;
  if (table?.group !== undefined)
    assertSameLength(['riskTable.time', table.time], ['riskTable.group', table.group]);
  const groups = result.groups;
  const curves = result.curves.filter((c) => causes.includes(c.cause));
  const t0 = options.theme ?? plotArea(options).theme;
  const size = t0.fontSize;
  const lastOf = (group: string) => {
    if (table === undefined) return Number.NaN;
    let last = 0;
    const single = groups.length <= 1;
    for (let i = 0; i < table.time.length; i++)
      if (single || table.group === undefined || String(table.group[i]) === group)
        last = Math.max(last, table.time[i]);
    return last;
  };
  const lastEvent = Math.max(0, ...curves.map((c) => (c.time.length > 0 ? c.time[c.time.length - 1] : 0)));
  const end = options.xMax ?? (Math.max(lastEvent, ...groups.map(lastOf).filter(Number.isFinite)) || 1);
  // subtitle: Gray's test per cause
  const tests = (options.grayTest ?? true) ? result.tests.filter((g) => causes.includes(g.cause)) : [];
  const subtitle =
    tests.length > 0
      ? `Gray's test: ${tests.map((g) => `${causes.length > 1 ? `${g.cause}: ` : ''}${formatPValue(g.pValue)}`).join('; ')}`
      : undefined;
  // legend sizes
  const groupLabels = groups.map((g) => ellipsize(g, 200, size));
  const causeLabels = causes.map((c) => ellipsize(c, 200, size));
  const legendWidth =
    30 +
    Math.max(
      textWidth('Group', size, 'bold'),
      textWidth('Cause', size, 'bold'),
      ...groupLabels.map((l) => textWidth(l, size)),
      ...causeLabels.map((l) => textWidth(l, size)),
    );
  const rowHeight = Math.round(size * 1.6);
  const tableRows = table === undefined ? 0 : Math.max(1, groups.length);
  const tableHeight = table === undefined ? 0 : Math.round(size * 2.6) + rowHeight * tableRows;
  const titleSpace = (options.title ? 30 : 8) + (subtitle ? size + 10 : 0);
  const groupLabelWidth =
    table === undefined ? 0 : Math.max(...groupLabels.map((l) => textWidth(ellipsize(l, 160, size), size)));
  const area = plotArea(options, {
    width: 600 + legendWidth,
    height: 380 + tableHeight,
    margin: {
      top: titleSpace + 10,
      right: legendWidth + 20,
      bottom: 50 + tableHeight,
      left: Math.max(62, groupLabelWidth + 24),
    },
  });
  const t = area.theme;
  const z = normalQuantile(1 - (1 - (options.confLevel ?? 0.95)) / 2);
  const bands = options.confidenceBands ?? false;
  const yHigh = Math.max(
    0.05,
    ...curves.flatMap((c) =>
      Array.from(c.estimate, (F, i) => (bands ? limits(F, c.variance[i], z)[1] : F)).filter(Number.isFinite),
    ),
  );
  const x = scaleLinear().domain([0, end]).range([area.left, area.right]);
  const y = scaleLinear()
    .domain([0, Math.min(1, yHigh * 1.05)])
    .range([area.bottom, area.top])
    .nice();
  const given = options.breaks;
  const times =
    typeof given === 'number' && given > 0
      ? Array.from({ length: Math.floor((end * (1 + 1e-9)) / given) + 1 }, (_, k) => k * given)
      : Array.isArray(given)
        ? given.filter((v) => v >= 0 && v <= end)
        : x.ticks(6);
  const colorOf = (group: string) => seriesColor(Math.max(0, groups.indexOf(group)), t);
  const curveMarks = (c: CumulativeIncidenceCurve) => {
    const stop = Math.min(end, Number.isFinite(lastOf(c.group)) ? lastOf(c.group) : lastEvent);
    const pts: [number, number, number, number][] = [[0, 0, 0, 0]];
    for (let i = 0; i < c.time.length && c.time[i] <= end; i++) {
      const [lo, hi] = limits(c.estimate[i], c.variance[i], z);
      pts.push([c.time[i], c.estimate[i], lo, hi]);
    }
    const last = pts[pts.length - 1];
    if (stop > last[0]) pts.push([stop, last[1], last[2], last[3]]);
    const step = (k: 1 | 2 | 3) =>
      pts
        .map((p, i) => `${i === 0 ? 'M' : `H${x(p[0])}V`}${i === 0 ? `${x(p[0])},${y(p[k])}` : y(p[k])}`)
        .join('');
    const color = colorOf(c.group);
    const band =
      bands &&
      svg('path', {
        d: `${step(3)}${pts
          .slice()
          .reverse()
          .map((p, i, r) => (i === 0 ? `V${y(p[2])}` : `H${x(r[i - 1][0])}V${y(p[2])}`))
          .join('')}H${x(0)}Z`,
        fill: color,
        'fill-opacity': 0.15,
        stroke: 'none',
        class: 'band',
      });
    return svg(
      'g',
      { class: 'cif-curve', 'data-group': c.group, 'data-cause': c.cause },
      band,
      svg('path', {
        d: step(1),
        fill: 'none',
        stroke: color,
        'stroke-width': t.lineWidth,
        'stroke-dasharray': DASHES[causes.indexOf(c.cause) % DASHES.length],
      }),
    );
  };
  // legends: groups (colour), causes (line type)
  const lx = area.right + 20;
  const legendRow = 16;
  const lineLegend = (
    className: string,
    title: string,
    top: number,
    entries: { label: string; color: string; dash?: string }[],
  ) =>
    svg(
      'g',
      { class: className },
      text(lx, top + size * 0.8, title, { size, weight: 'bold', theme: t }),
      entries.map((entry, k) => {
        const yy = top + size + 4 + k * legendRow + legendRow / 2;
        return [
          svg('line', {
            x1: lx,
            x2: lx + 22,
            y1: yy,
            y2: yy,
            stroke: entry.color,
            'stroke-width': t.lineWidth,
            'stroke-dasharray': entry.dash,
          }),
          text(lx + 28, yy + size * 0.35, entry.label, { size, theme: t }),
        ];
      }),
    );
  const groupLegend =
    groups.length > 1 &&
    lineLegend(
      'group-legend',
      'Group',
      area.top,
      groupLabels.map((label, g) => ({ label, color: seriesColor(g, t) })),
    );
  const causeTop = area.top + (groups.length > 1 ? size + 4 + groups.length * legendRow + 14 : 0);
  const causeLegend = lineLegend(
    'cause-legend',
    'Cause',
    causeTop,
    causeLabels.map((label, k) => ({ label, color: t.foreground, dash: DASHES[k % DASHES.length] })),
  );
  // risk table, columns within the follow-up
  let riskTable: SvgElement | false = false;
  if (table !== undefined) {
    const levels = groups.length > 0 ? groups : ['All'];
    const cols = times.filter((v) => v <= Math.max(...levels.map(lastOf)));
    const counts = levels.map((g) =>
      cols.map((v) => String(atRisk(table.time, groups.length > 1 ? table.group : undefined, g, v))),
    );
    const widths = cols.map((_, j) => Math.max(...counts.map((row) => textWidth(row[j], size))));
    const kept = thinLabels(
      cols.map((v) => x(v)),
      widths,
      4,
    );
    const top = area.bottom + 50 + Math.round(size * 1.2);
    const labelEnd = Math.min(
      area.left - 10,
      kept.length > 0 ? x(cols[kept[0]]) - widths[kept[0]] / 2 - 6 : area.left - 10,
    );
    riskTable = svg(
      'g',
      { class: 'count-table risk-table' },
      text(area.left - t.tickSize - 3, top, 'Number at risk', { size, weight: 'bold', theme: t }),
      levels.map((g, k) => [
        text(
          labelEnd,
          top + rowHeight * (k + 1),
          ellipsize(groupLabels[k] ?? g, Math.min(160, labelEnd - 6), size),
          {
            size,
            anchor: 'end',
            color: seriesColor(k, t),
            className: 'table-label',
            theme: t,
          },
        ),
        kept.map((j) =>
          text(x(cols[j]), top + rowHeight * (k + 1), counts[k][j], {
            size,
            anchor: 'middle',
            className: 'at-risk',
            theme: t,
          }),
        ),
      ]),
    );
  }
  const subtitleLines = subtitle ? wrapText(subtitle, area.width - area.left - 10, size, 1) : [];
  return figure(area, options.title, [
    axisLeft(y, area, { label: options.yLabel ?? 'Cumulative incidence', format: '.2f' }),
    axisBottom(x, area, { label: options.xLabel ?? `Time (${options.timeUnit ?? 'months'})`, ticks: times }),
    svg('g', { class: 'cif-curves' }, curves.map(curveMarks)),
    subtitleLines.map((line) =>
      text(area.left, area.top - 10, line, { size, theme: t, className: 'gray-test' }),
    ),
    groupLegend,
    causeLegend,
    riskTable,
  ]);
}
