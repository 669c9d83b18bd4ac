import { createRequire } from 'node:module';
import { TaceError } from '@tace/core';
import { fontFile } from './font-metrics.js';
import type { SvgElement } from './svg-element.js';

const require = createRequire(import.meta.url);

/** The part of pdfkit's `PDFDocument` that {@link renderPdf} drives (pdfkit ships no types). */
interface PdfDocument {
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end', listener: () => void): void;
  registerFont(name: string, path: string): void;
  font(name: string): PdfDocument;
  fontSize(size: number): PdfDocument;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: Record<string, unknown>): PdfDocument;
  save(): PdfDocument;
  restore(): PdfDocument;
  scale(factor: number): PdfDocument;
  translate(x: number, y: number): PdfDocument;
  rotate(angle: number, options?: { origin: [number, number] }): PdfDocument;
  rect(x: number, y: number, w: number, h: number): PdfDocument;
  circle(x: number, y: number, r: number): PdfDocument;
  polygon(...points: [number, number][]): PdfDocument;
  moveTo(x: number, y: number): PdfDocument;
  lineTo(x: number, y: number): PdfDocument;
  path(d: string): PdfDocument;
  lineWidth(w: number): PdfDocument;
  dash(lengths: number[]): PdfDocument;
  undash(): PdfDocument;
  fillColor(color: string, opacity?: number): PdfDocument;
  strokeColor(color: string, opacity?: number): PdfDocument;
  fill(rule?: string): PdfDocument;
  stroke(): PdfDocument;
  fillAndStroke(): PdfDocument;
  end(): void;
}

type PdfDocumentClass = new (options: Record<string, unknown>) => PdfDocument;

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** Document title (PDF metadata). @default undefined */
  title?: string;
}

/** Paint attributes inherited down the tree, as SVG does. */
interface Paint {
  fill: string;
  stroke: string;
  strokeWidth: number;
  fillOpacity: number;
  strokeOpacity: number;
  dash: number[] | undefined;
  fontSize: number;
  anchor: string;
  weight: string;
}

/**
 * Writes a figure as a vector PDF (one page of the figure's physical size: `width`/`height` in `unit`, 96 px
 * = 1 in = 72 pt), with DejaVu Sans embedded (subset) so text stays text. Uses the `pdfkit` package, an
 * optional peer dependency loaded on the first call (`npm install pdfkit`).
 * @throws {TaceError} `MISSING_DEPENDENCY` when pdfkit is not installed.
 * @example writeFileSync('km.pdf', await renderPdf(kaplanMeierPlot(km, { width: 180, height: 120, unit: 'mm' })));
 */
export async function renderPdf(figure: SvgElement, options: PdfOptions = {}): Promise<Uint8Array> {
  const Document = loadPdfkit();
  const [, , width, height] = String(figure.attributes.viewBox ?? '')
    .split(/[\s,]+/)
    .map(Number);
  const w = Number.isFinite(width) ? width : Number(figure.attributes.width);
  const h = Number.isFinite(height) ? height : Number(figure.attributes.height);
  const doc = new Document({
    size: [w * 0.75, h * 0.75],
    margin: 0,
    autoFirstPage: true,
    compress: true,
    // A fixed date keeps the bytes identical from run to run.
    info: {
      Producer: '@tace/figures',
      CreationDate: new Date(0),
      ...(options.title === undefined ? {} : { Title: options.title }),
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.on('data', (chunk) => chunks.push(chunk));
  doc.registerFont('regular', fontFile('normal'));
  doc.registerFont('bold', fontFile('bold'));
  doc.scale(0.75);
  draw(doc, figure, {
    fill: 'black',
    stroke: 'none',
    strokeWidth: 1,
    fillOpacity: 1,
    strokeOpacity: 1,
    dash: undefined,
    fontSize: 16,
    anchor: 'start',
    weight: 'normal',
  });
  doc.end();
  await done;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function loadPdfkit(): PdfDocumentClass {
  try {
    const mod = require('pdfkit') as PdfDocumentClass | { default: PdfDocumentClass };
    return 'default' in mod ? mod.default : mod;
  } catch (error) {
    throw new TaceError('MISSING_DEPENDENCY', `pdfkit is needed for PDF output: ${String(error)}`, {
      param: 'pdfkit',
      remedy: 'install it: npm install pdfkit',
      cause: error,
    });
  }
}

const num = (v: string | number | undefined, fallback = 0) => (v === undefined ? fallback : Number(v));

function inherit(paint: Paint, a: SvgElement['attributes']): Paint {
  const dash = a['stroke-dasharray'];
  return {
    fill: a.fill === undefined ? paint.fill : String(a.fill),
    stroke: a.stroke === undefined ? paint.stroke : String(a.stroke),
    strokeWidth: num(a['stroke-width'], paint.strokeWidth),
    fillOpacity: num(a['fill-opacity'], paint.fillOpacity) * num(a.opacity, 1),
    strokeOpacity: num(a['stroke-opacity'], paint.strokeOpacity) * num(a.opacity, 1),
    dash:
      dash === undefined
        ? paint.dash
        : String(dash) === 'none'
          ? undefined
          : String(dash)
              .split(/[\s,]+/)
              .map(Number),
    fontSize: num(a['font-size'], paint.fontSize),
    anchor: a['text-anchor'] === undefined ? paint.anchor : String(a['text-anchor']),
    weight: a['font-weight'] === undefined ? paint.weight : String(a['font-weight']),
  };
}

/** Applies `translate(...)`, `rotate(a x y)` and `scale(...)` transforms in order. */
function transform(doc: PdfDocument, value: string | number | undefined): void {
  if (value === undefined) return;
  for (const [, kind, args] of String(value).matchAll(/(translate|rotate|scale)\(([^)]*)\)/g)) {
    const v = args.split(/[\s,]+/).map(Number);
    if (kind === 'translate') doc.translate(v[0], v[1] ?? 0);
    else if (kind === 'scale') doc.scale(v[0]);
    else doc.rotate(v[0], { origin: [v[1] ?? 0, v[2] ?? 0] });
  }
}

function paintShape(doc: PdfDocument, p: Paint): void {
  const fill = p.fill !== 'none' && p.fillOpacity > 0;
  const stroke = p.stroke !== 'none' && p.strokeOpacity > 0 && p.strokeWidth > 0;
  if (fill) doc.fillColor(p.fill, p.fillOpacity);
  if (stroke) {
    doc.strokeColor(p.stroke, p.strokeOpacity).lineWidth(p.strokeWidth);
    if (p.dash?.every((d) => d > 0)) doc.dash(p.dash);
    else doc.undash();
  }
  if (fill && stroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else if (stroke) doc.stroke();
}

function draw(doc: PdfDocument, element: SvgElement, parent: Paint): void {
  const a = element.attributes;
  const p = inherit(parent, a);
  doc.save();
  transform(doc, a.transform);
  switch (element.tag) {
    case 'rect':
      doc.rect(num(a.x), num(a.y), num(a.width), num(a.height));
      paintShape(doc, p);
      break;
    case 'circle':
      doc.circle(num(a.cx), num(a.cy), num(a.r));
      paintShape(doc, p);
      break;
    case 'line':
      doc.moveTo(num(a.x1), num(a.y1)).lineTo(num(a.x2), num(a.y2));
      paintShape(doc, { ...p, fill: 'none' });
      break;
    case 'path':
      if (a.d) {
        doc.path(String(a.d));
        paintShape(doc, p);
      }
      break;
    case 'polygon':
    case 'polyline': {
      const v = String(a.points ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      const points: [number, number][] = [];
      for (let i = 0; i + 1 < v.length; i += 2) points.push([v[i], v[i + 1]]);
      if (points.length > 1) {
        doc.polygon(...points);
        paintShape(doc, element.tag === 'polyline' ? { ...p, fill: 'none' } : p);
      }
      break;
    }
    case 'text': {
      const content = element.children.map((c) => (typeof c === 'string' ? c : '')).join('');
      doc.font(p.weight === 'bold' ? 'bold' : 'regular').fontSize(p.fontSize);
      const width = doc.widthOfString(content);
      const x = num(a.x) - (p.anchor === 'middle' ? width / 2 : p.anchor === 'end' ? width : 0);
      if (p.fill !== 'none') doc.fillColor(p.fill, p.fillOpacity);
      doc.text(content, x, num(a.y), { lineBreak: false, baseline: 'alphabetic' });
      break;
    }
    default:
      break;
  }
  if (element.tag !== 'text')
    for (const child of element.children) if (typeof child !== 'string') draw(doc, child, p);
  doc.restore();
}
