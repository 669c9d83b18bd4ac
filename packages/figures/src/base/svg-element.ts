/** Attribute values of an {@link SvgElement}; `undefined` attributes are left out. */
export type SvgAttributes = Record<string, string | number | undefined>;

/**
 * A node of an SVG document built without a browser: a tag, attributes and children (elements or text).
 * Figure code builds a tree of these with {@link svg}, and {@link svgToString} serializes it.
 */
export interface SvgElement {
  tag: string;
  attributes: SvgAttributes;
  children: (SvgElement | string)[];
}

/**
 * Builds an {@link SvgElement}. Children that are `null`, `undefined` or `false` are skipped, arrays are
 * flattened, so conditional parts read naturally.
 * @example svg('circle', { cx: 5, cy: 5, r: 2, fill: theme.palette[0] })
 */
export function svg(tag: string, attributes: SvgAttributes = {}, ...children: SvgChild[]): SvgElement {
  const flat: (SvgElement | string)[] = [];
  const add = (child: SvgChild) => {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(add);
    else flat.push(child as SvgElement | string);
  };
  children.forEach(add);
  return { tag, attributes, children: flat };
}

/** What {@link svg} accepts as children. */
export type SvgChild = SvgElement | string | null | undefined | false | SvgChild[];

/**
 * Serializes an element tree to SVG text (XML-escaped; numbers rounded to 3 decimals so output is stable
 * across platforms). The root `svg` element gets the SVG namespace if it has none.
 * @example svgToString(svg('svg', { width: 10, height: 10 }, svg('rect', { width: 10, height: 10 })))
 */
export function svgToString(element: SvgElement): string {
  const root =
    element.tag === 'svg' && element.attributes.xmlns === undefined
      ? { ...element, attributes: { xmlns: 'http://www.w3.org/2000/svg', ...element.attributes } }
      : element;
  return serialize(root);
}

function serialize(element: SvgElement): string {
  let out = `<${element.tag}`;
  for (const [name, value] of Object.entries(element.attributes)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXml(typeof value === 'number' ? formatNumber(value) : value)}"`;
  }
  if (element.children.length === 0) return `${out}/>`;
  out += '>';
  for (const child of element.children)
    out += typeof child === 'string' ? escapeXml(child) : serialize(child);
  return `${out}</${element.tag}>`;
}

/** A number for SVG output: at most 3 decimals, no trailing zeros, no "-0". */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}
