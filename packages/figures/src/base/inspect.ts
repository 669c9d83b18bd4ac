import type { SvgElement } from '@tace/core';

/** Walks an element tree depth-first (for structural tests and inspection). */
export function* walkSvg(node: SvgElement): Generator<SvgElement> {
  yield node;
  for (const child of node.children) if (typeof child !== 'string') yield* walkSvg(child);
}

/** Text content of an element and its descendants. */
export function textContent(node: SvgElement | string): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}

/** Elements of a tree carrying a CSS class. */
export function elementsWithClass(root: SvgElement, name: string): SvgElement[] {
  return [...walkSvg(root)].filter((e) =>
    String(e.attributes.class ?? '')
      .split(' ')
      .includes(name),
  );
}
