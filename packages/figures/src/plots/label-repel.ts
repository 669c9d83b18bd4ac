import { textWidth } from '../base/font-metrics.js';

/** A rectangle in figure coordinates (px). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A label to place next to the point (x, y) it names, in priority order. */
export interface LabelRequest {
  x: number;
  y: number;
  text: string;
}

/** A placed label: its text baseline position and anchor, and whether it needs a leader line to its point. */
export interface PlacedLabel {
  text: string;
  /** The point named. */
  pointX: number;
  pointY: number;
  /** Baseline position and anchor of the text. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** True when the label sits away from its point: draw a segment from the point to the label. */
  leader: boolean;
  box: Box;
}

/** Options of {@link placeLabels}. */
export interface PlaceLabelsOptions {
  fontSize: number;
  weight?: 'normal' | 'bold';
  /** Labels must lie inside this box (the plot area). */
  bounds: Box;
  /** Radius of the marks (labels keep clear of every requested point's mark). */
  pointRadius: number;
  /** Boxes labels must not cover (e.g. other text). @default [] */
  avoid?: readonly Box[];
  /** Try the label centred on its point first (names of clusters at their centres). @default false */
  centerFirst?: boolean;
}

const intersects = (a: Box, b: Box, pad: number) =>
  a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad;

/**
 * Places labels next to their points so that no two labels overlap, no label covers a labelled point and
 * every label stays inside `bounds`, as `ggrepel::geom_text_repel` aims to; deterministic: in priority order
 * each label takes the first free position among 8 directions at growing distances (a leader line marks the
 * far ones), and a label with no free position is left out (counted in `dropped`, as ggrepel's
 * `max.overlaps` drops labels). Boxes use the text measure of `textBoxes` (0.76 em above the baseline,
 * 0.24 em below), so `overlappingText` agrees.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: PlaceLabelsOptions,
): { placed: PlacedLabel[]; dropped: string[] } {
  const size = options.fontSize;
  const r = options.pointRadius;
  const up = size * 0.76;
  const down = size * 0.24;
  const pointBoxes: Box[] = requests.map((q) => ({
    left: q.x - r,
    right: q.x + r,
    top: q.y - r,
    bottom: q.y + r,
  }));
  const taken: Box[] = [...(options.avoid ?? [])];
  const placed: PlacedLabel[] = [];
  const dropped: string[] = [];
  const b = options.bounds;
  const distances = [2, 8, 16, 28, 44, 64];
  const directions: [number, number][] = [
    [1, 0],
    [-1, 0],
    [0, -1],
    [0, 1],
    [1, -1],
    [-1, -1],
    [1, 1],
    [-1, 1],
  ];
  for (const [k, q] of requests.entries()) {
    const width = textWidth(q.text, size, options.weight ?? 'normal');
    let found: PlacedLabel | undefined;
    search: for (const distance of options.centerFirst ? [0, ...distances] : distances) {
      const gap = r + distance;
      for (const [dx, dy] of distance === 0 ? [[0, 0] as [number, number]] : directions) {
        // The label box's edge nearest the point sits `gap` px away in direction (dx, dy).
        const cx = q.x + dx * (gap + width / 2) * (dx === 0 ? 0 : 1);
        const cy = q.y + dy * (gap + (up + down) / 2);
        const box: Box = {
          left: cx - width / 2,
          right: cx + width / 2,
          top: cy - (up + down) / 2,
          bottom: cy + (up + down) / 2,
        };
        if (box.left < b.left || box.right > b.right || box.top < b.top || box.bottom > b.bottom) continue;
        if (taken.some((t) => intersects(t, box, 1))) continue;
        if (pointBoxes.some((p, j) => j !== k && intersects(p, box, 0.5))) continue;
        if (distance > 0 && intersects(pointBoxes[k], box, 0)) continue;
        found = {
          text: q.text,
          pointX: q.x,
          pointY: q.y,
          x: cx,
          y: box.top + up,
          anchor: 'middle',
          leader: distance > 2 && !options.centerFirst,
          box,
        };
        break search;
      }
    }
    if (found === undefined) dropped.push(q.text);
    else {
      taken.push(found.box);
      placed.push(found);
    }
  }
  return { placed, dropped };
}

/** The end of a leader segment from a point to the nearest edge of its label box. */
export function leaderEnd(label: PlacedLabel): [number, number] {
  const x = Math.min(label.box.right, Math.max(label.box.left, label.pointX));
  const y = Math.min(label.box.bottom, Math.max(label.box.top, label.pointY));
  return [x, y];
}
