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
