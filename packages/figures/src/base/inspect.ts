import { measureText } from './font-metrics.js';
import type { SvgElement } from './svg-element.js';

/** Walks an element tree depth-first, `node` first (for structural tests and inspection). */
export function* walkSvg(node: SvgElement): Generator<SvgElement> {
  yield node;
  for (const child of node.children) if (typeof child !== 'string') yield* walkSvg(child);
}

/** All descendants (depth first, including `element`) with the given tag. */
export function findElements(element: SvgElement, tag: string): SvgElement[] {
  return [...walkSvg(element)].filter((e) => e.tag === tag);
}

/** Text content of an element and its descendants. */
export function textContent(node: SvgElement | string): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}

/** Elements of a tree carrying a CSS class (one of the space-separated names of `class`). */
export function elementsWithClass(root: SvgElement, name: string): SvgElement[] {
  return [...walkSvg(root)].filter((e) =>
    String(e.attributes.class ?? '')
      .split(' ')
      .includes(name),
  );
}

/** The box a text element covers in the figure's coordinates (px), measured with the embedded font. */
export interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  element: SvgElement;
}

/**
 * Boxes of every non-empty text element of a figure, from the DejaVu Sans advance widths and the font's
 * ascent and descent, following `translate(...)` transforms of groups and a right-angle `rotate(...)` of the
 * text itself: for tests that no two labels overlap.
 * @example textBoxes(kaplanMeierPlot(km)).map((b) => b.text)
 */
export function textBoxes(root: SvgElement): TextBox[] {
  const boxes: TextBox[] = [];
  const visit = (node: SvgElement, dx: number, dy: number) => {
    const a = node.attributes;
    let ox = dx;
    let oy = dy;
    if (node.tag !== 'text' && a.transform !== undefined) {
      const m = /translate\(\s*([-\d.e]+)[\s,]*([-\d.e]*)\s*\)/.exec(String(a.transform));
      if (m) {
        ox += Number(m[1]);
        oy += Number(m[2] || 0);
      }
    }
    if (node.tag === 'text') {
      const content = textContent(node);
      if (content.trim() === '') return;
      const size = Number(a['font-size'] ?? 16);
      const m = measureText(content, size, a['font-weight'] === 'bold' ? 'bold' : 'normal');
      const anchor = a['text-anchor'] ?? 'start';
      const x = ox + Number(a.x ?? 0);
      const y = oy + Number(a.y ?? 0);
      const start = anchor === 'middle' ? -m.width / 2 : anchor === 'end' ? -m.width : 0;
      // Ink extends roughly from the cap height to the descender: use 0.75 em above and 0.22 em below.
      const up = size * 0.76;
      const down = size * 0.24;
      const rotation = /rotate\(\s*([-\d.]+)/.exec(String(a.transform ?? ''));
      const angle = rotation ? Math.round(Number(rotation[1])) : 0;
      if (Math.abs(angle) === 90) {
        const sign = angle / 90; // -90: text reads upwards
        boxes.push({
          text: content,
          left: x - (sign < 0 ? up : down),
          right: x + (sign < 0 ? down : up),
          top: sign < 0 ? y - (start + m.width) : y + start,
          bottom: sign < 0 ? y - start : y + start + m.width,
          element: node,
        });
      } else {
        boxes.push({
          text: content,
          left: x + start,
          right: x + start + m.width,
          top: y - up,
          bottom: y + down,
          element: node,
        });
      }
      return;
    }
    for (const child of node.children) if (typeof child !== 'string') visit(child, ox, oy);
  };
  visit(root, 0, 0);
  return boxes;
}

/**
 * Pairs of text boxes of a figure that overlap by more than `tolerance` px in both directions (an empty array
 * when every label is readable).
 * @example expect(overlappingText(forestPlot(fit))).toEqual([])
 */
export function overlappingText(root: SvgElement, tolerance = 0.5): [TextBox, TextBox][] {
  const boxes = textBoxes(root);
  const pairs: [TextBox, TextBox][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > tolerance && h > tolerance) pairs.push([a, b]);
    }
  return pairs;
}
