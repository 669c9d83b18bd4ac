import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import {
  overlappingText,
  renderPdf,
  renderPng,
  type SvgElement,
  svgToString,
  textBoxes,
} from '../../src/index.js';

/** Whether the optional pdfkit peer is installed (PDF tests skip without it). */
export const hasPdfkit = (() => {
  try {
    createRequire(import.meta.url).resolve('pdfkit');
    return true;
  } catch {
    return false;
  }
})();

/** A label long enough to collide with anything placed carelessly. */
export const longLabel = 'Barcelona Clinic Liver Cancer stage with macrovascular invasion';

/**
 * The tests every figure type must pass (issue 20): it serializes to SVG, rasterizes to PNG and writes a PDF,
 * and no two of its text boxes (measured with the embedded font) overlap. Call inside a `describe`.
 */
export function everyFormatTests(figures: Record<string, () => SvgElement>): void {
  for (const [name, make] of Object.entries(figures)) {
    it(`${name}: renders to SVG and PNG with long labels and wide CIs, and no two text boxes overlap`, () => {
      const el = make();
      expect(svgToString(el)).toMatch(/^<svg/);
      expect(renderPng(el, { dpi: 96 }).subarray(1, 4)).toEqual(new Uint8Array([80, 78, 71]));
      expect(overlappingText(el).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
      const [, , width, height] = String(el.attributes.viewBox).split(' ').map(Number);
      const outside = textBoxes(el).filter(
        (b) => b.left < -0.5 || b.top < -0.5 || b.right > width + 0.5 || b.bottom > height + 0.5,
      );
      expect(outside.map((b) => b.text)).toEqual([]);
    });
    it.skipIf(!hasPdfkit)(`${name}: renders to PDF`, async () => {
      const pdf = await renderPdf(make());
      expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    });
  }
}

/** The offset a `translate(...)` transform adds. */
function translation(node: SvgElement): [number, number] {
  const m = /translate\(\s*([-\d.e]+)[\s,]*([-\d.e]*)\s*\)/.exec(String(node.attributes.transform ?? ''));
  return m ? [Number(m[1]), Number(m[2] || 0)] : [0, 0];
}

/** Points every ~1 px along the polylines of a path's `d` (M, L, H, V, Z; absolute, as d3 writes them). */
function pathPoints(d: string, dx: number, dy: number): [number, number][] {
  const points: [number, number][] = [];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const to = (x: number, y: number) => {
    const n = Math.max(1, Math.ceil(Math.hypot(x - cx, y - cy)));
    for (let k = 1; k <= n; k++) points.push([dx + cx + ((x - cx) * k) / n, dy + cy + ((y - cy) * k) / n]);
    cx = x;
    cy = y;
  };
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/gi)) {
    const v =
      args.trim() === ''
        ? []
        : args
            .trim()
            .split(/[\s,]+/)
            .map(Number);
    if (cmd === 'M') {
      [cx, cy] = [v[0], v[1]];
      [sx, sy] = [cx, cy];
      points.push([dx + cx, dy + cy]);
      for (let i = 2; i + 1 < v.length; i += 2) to(v[i], v[i + 1]);
    } else if (cmd === 'L') for (let i = 0; i + 1 < v.length; i += 2) to(v[i], v[i + 1]);
    else if (cmd === 'H') to(v[0], cy);
    else if (cmd === 'V') to(cx, v[0]);
    else if (cmd === 'Z' || cmd === 'z') to(sx, sy);
  }
  return points;
}

/**
 * Text boxes of the given classes that a drawn line passes through (issue 20, text vs line): samples every
 * `path` (curves, band outlines) and `line` (censor marks, median lines, axes; not the light grid) of the figure every ~1 px, following
 * group translations, and returns `'text | element'` for each text box a sample falls inside.
 */
export function linesThroughText(root: SvgElement, textClasses: readonly string[]): string[] {
  const boxes = textBoxes(root).filter((b) =>
    String(b.element.attributes.class ?? '')
      .split(' ')
      .some((c) => textClasses.includes(c)),
  );
  const hits = new Set<string>();
  const visit = (node: SvgElement, dx: number, dy: number) => {
    const [tx, ty] = node.tag === 'text' ? [0, 0] : translation(node);
    const ox = dx + tx;
    const oy = dy + ty;
    const a = node.attributes;
    let points: [number, number][] = [];
    if (String(a.class ?? '') === 'grid') return; // light background grid, not drawn data
    if (node.tag === 'path') points = pathPoints(String(a.d ?? ''), ox, oy);
    else if (node.tag === 'line')
      points = pathPoints(`M${a.x1 ?? 0},${a.y1 ?? 0}L${a.x2 ?? 0},${a.y2 ?? 0}`, ox, oy);
    for (const [px, py] of points)
      for (const b of boxes)
        if (px > b.left && px < b.right && py > b.top && py < b.bottom)
          hits.add(`${b.text} | ${node.tag}.${a.class ?? a['data-group'] ?? ''}`);
    for (const child of node.children) if (typeof child !== 'string') visit(child, ox, oy);
  };
  visit(root, 0, 0);
  return [...hits];
}
