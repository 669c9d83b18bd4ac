import { scaleBand, scaleLinear } from 'd3';
import { axisLeft } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { ellipsize } from '../base/font-metrics.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { formatPValue, seriesColor } from '../base/theme.js';

/** Values of one group (e.g. a signature score in the high-risk group). */
export interface ViolinGroup {
  label: string;
  values: ArrayLike<number>;
}

/** One panel: groups side by side with a p-value bracket (e.g. one cohort or one cell type). */
export interface ViolinPanel {
  title: string;
  groups: ViolinGroup[];
  /** p-value of the comparison (e.g. Wilcoxon, BH-adjusted) shown above the panel. @default undefined (none) */
  pValue?: number;
}

/** Options of {@link violinPlot}. */
export interface ViolinPlotOptions extends FigureOptions {
  /** @default 'Score' */
  yLabel?: string;
}

/** Quartiles by linear interpolation (R type 7), on a sorted copy. */
function quartiles(values: Float64Array): [number, number, number] {
  const at = (p: number) => {
    const h = (values.length - 1) * p;
    const lo = Math.floor(h);
    return values[lo] + (h - lo) * ((values[Math.min(lo + 1, values.length - 1)] ?? values[lo]) - values[lo]);
  };
  return [at(0.25), at(0.5), at(0.75)];
}

/** Gaussian kernel density at `points` with Silverman's bandwidth (R `bw.nrd0`). */
function density(values: Float64Array, points: Float64Array): Float64Array {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 1));
  const [q1, , q3] = quartiles(values);
  const spread = Math.min(sd, (q3 - q1) / 1.34) || sd || 1;
  const bandwidth = 0.9 * spread * n ** -0.2;
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += Math.exp(-0.5 * ((points[i] - values[j]) / bandwidth) ** 2);
    out[i] = sum / (n * bandwidth * Math.sqrt(2 * Math.PI));
  }
  return out;
}

/**
 * Violin plots with an inner box (quartiles, median) per group, panels side by side (per cohort or per cell
 * type), and each panel's p-value above it: e.g. gene-set scores (`scoreGeneSets`) by risk group with the
 * adjusted p-values of `compareGroups`.
 * @example violinPlot([{ title: 'Hypoxia', groups: [{ label: 'low', values: low }, { label: 'high', values: high }], pValue: 0.003 }])
 */
export function violinPlot(panels: readonly ViolinPanel[], options: ViolinPlotOptions = {}): SvgElement {
  const area = plotArea(options, {
    width: Math.max(480, 170 * panels.length + 100),
    height: 430,
    margin: { top: 30, right: 20, bottom: 60, left: 55 },
  });
  const t = area.theme;
  const all = panels.flatMap((p) => p.groups.flatMap((g) => Array.from(g.values))).filter(Number.isFinite);
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = (high - low) * 0.12 || 1;
  const y = scaleLinear()
    .domain([low - pad * 0.3, high + pad])
    .range([area.bottom, area.top]);
  const outer = scaleBand()
    .domain(panels.map((p) => p.title))
    .range([area.left, area.right])
    .padding(0.12);
  const marks: SvgElement[] = [];
  const labels = [...new Set(panels.flatMap((p) => p.groups.map((g) => g.label)))];
  for (const panel of panels) {
    const inner = scaleBand()
      .domain(panel.groups.map((g) => g.label))
      .range([0, outer.bandwidth()])
      .padding(0.15);
    const x0 = outer(panel.title) ?? 0;
    for (const group of panel.groups) {
      const values = Float64Array.from(group.values).filter(Number.isFinite).sort();
      if (values.length === 0) continue;
      const cx = x0 + (inner(group.label) ?? 0) + inner.bandwidth() / 2;
      const grid = new Float64Array(40);
      for (let i = 0; i < grid.length; i++)
        grid[i] = values[0] + ((values[values.length - 1] - values[0]) * i) / (grid.length - 1);
      const dens = density(values, grid);
      const maxDensity = Math.max(...dens) || 1;
      const halfWidth = inner.bandwidth() / 2;
      const right = Array.from(grid, (v, i) => `${cx + (dens[i] / maxDensity) * halfWidth},${y(v)}`);
      const left = Array.from(grid, (v, i) => `${cx - (dens[i] / maxDensity) * halfWidth},${y(v)}`).reverse();
      const color = seriesColor(labels.indexOf(group.label), t);
      const [q1, median, q3] = quartiles(values);
      marks.push(
        svg(
          'g',
          { class: 'violin', 'data-panel': panel.title, 'data-group': group.label, 'data-n': values.length },
          [
            svg('polygon', {
              points: [...right, ...left].join(' '),
              fill: color,
              'fill-opacity': 0.35,
              stroke: color,
            }),
            svg('rect', {
              x: cx - 4,
              y: y(q3),
              width: 8,
              height: Math.max(1, y(q1) - y(q3)),
              fill: '#ffffff',
              stroke: t.foreground,
            }),
            svg('line', {
              x1: cx - 4,
              x2: cx + 4,
              y1: y(median),
              y2: y(median),
              stroke: t.foreground,
              'stroke-width': 2,
              class: 'median',
            }),
            text(cx, area.bottom + 18, ellipsize(group.label, inner.step(), t.fontSize), {
              anchor: 'middle',
              size: t.fontSize,
              theme: t,
            }),
            text(cx, area.bottom + 18 + t.fontSize + 3, `n = ${values.length}`, {
              anchor: 'middle',
              size: t.fontSize * 0.9,
              theme: t,
              className: 'group-n',
            }),
          ],
        ),
      );
    }
    marks.push(
      text(
        x0 + outer.bandwidth() / 2,
        area.bottom + 22 + 2 * t.fontSize + 6,
        ellipsize(panel.title, outer.step(), t.fontSize, 'bold'),
        {
          anchor: 'middle',
          weight: 'bold',
          size: t.fontSize,
          theme: t,
        },
      ),
    );
    if (panel.pValue !== undefined) {
      const yb = y(high + pad * 0.55);
      marks.push(
        svg('g', { class: 'p-bracket' }, [
          svg('line', {
            x1: x0 + outer.bandwidth() * 0.25,
            x2: x0 + outer.bandwidth() * 0.75,
            y1: yb,
            y2: yb,
            stroke: t.foreground,
          }),
          text(x0 + outer.bandwidth() / 2, yb - 6, formatPValue(panel.pValue), {
            anchor: 'middle',
            size: t.fontSize,
            theme: t,
            className: 'p-value',
          }),
        ]),
      );
    }
  }
  return figure(area, options.title, [axisLeft(y, area, { label: options.yLabel ?? 'Score' }), ...marks]);
}
