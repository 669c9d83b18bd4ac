/** A node of an SVG document: an element with attributes and children, or text. */
export interface SvgElement {
  tag: string;
  attributes: Record<string, string | number>;
  children: (SvgElement | string)[];
}

/**
 * Builds an SVG element. Numbers are written with at most 3 decimals so output is compact and
 * byte-identical across runs.
 * @example element('circle', { cx: 5, cy: 5, r: 2 })
 */
export function element(
  tag: string,
  attributes: Record<string, string | number | undefined> = {},
  children: (SvgElement | string | null | undefined | false)[] = [],
): SvgElement {
  const clean: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) clean[key] = value;
  return {
    tag,
    attributes: clean,
    children: children.filter((c): c is SvgElement | string => !!c || c === ''),
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/** Formats a coordinate: finite numbers rounded to 3 decimals (no `-0`). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 1000) / 1000;
  return String(rounded === 0 ? 0 : rounded);
}

/** Serialises an element tree to SVG/XML text. */
export function renderSvg(node: SvgElement | string): string {
  if (typeof node === 'string') return escapeXml(node);
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? formatNumber(value) : escapeXml(value)}"`)
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attributes}/>`;
  return `<${node.tag}${attributes}>${node.children.map(renderSvg).join('')}</${node.tag}>`;
}

/** Walks an element tree depth-first (for structural tests and inspection). */
export function* walkSvg(node: SvgElement): Generator<SvgElement> {
  yield node;
  for (const child of node.children) if (typeof child !== 'string') yield* walkSvg(child);
}

/** Text content of an element and its descendants. */
export function textContent(node: SvgElement | string): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}
