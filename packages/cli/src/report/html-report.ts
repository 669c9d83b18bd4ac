import { type SvgElement, svgToString } from '@tace/figures';
import { escapeHtml } from './html-escape.js';

/** A figure in the report: an SVG element tree (inlined) with a caption. */
export interface ReportFigure {
  id: string;
  title: string;
  caption?: string;
  svg: SvgElement;
}

/** A table in the report: header and rows of already-formatted cells. */
export interface ReportTable {
  id: string;
  title: string;
  caption?: string;
  columns: string[];
  rows: (string | number)[][];
}

/** One section of the report. */
export interface ReportSection {
  id: string;
  title: string;
  /** Paragraphs of plain text (escaped). */
  text?: string[];
  tables?: ReportTable[];
  figures?: ReportFigure[];
}

/** A whole analysis report. */
export interface StudyReport {
  title: string;
  subtitle?: string;
  /** Provenance lines shown under the title (data, seed, versions). */
  provenance: string[];
  sections: ReportSection[];
}

const STYLE = `
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:0;color:#111;background:#fafafa}
header{background:#0b3d5c;color:#fff;padding:24px 40px}
header h1{margin:0 0 6px;font-size:26px}
header p{margin:2px 0;font-size:13px;opacity:.9}
nav{padding:10px 40px;background:#fff;border-bottom:1px solid #ddd;font-size:14px}
nav a{margin-right:16px;color:#0b3d5c}
main{padding:10px 40px 40px}
section{background:#fff;margin:18px 0;padding:18px 24px;border:1px solid #e3e3e3;border-radius:6px}
h2{color:#0b3d5c;margin-top:0}
figure{display:inline-block;margin:10px 18px 10px 0;vertical-align:top}
figcaption{font-size:12px;color:#444;max-width:640px}
table{border-collapse:collapse;font-size:12px;margin:8px 0 16px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}
th{background:#f0f4f7}
td:first-child,th:first-child{text-align:left}
caption{caption-side:top;text-align:left;font-weight:bold;padding:4px 0}
`;

function tableHtml(table: ReportTable): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('');
  const caption = table.caption ? `<p class="caption">${escapeHtml(table.caption)}</p>` : '';
  return `<div class="table" id="${escapeHtml(table.id)}"><table><caption>${escapeHtml(table.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${caption}</div>`;
}

function figureHtml(figure: ReportFigure): string {
  const caption = `<figcaption><b>${escapeHtml(figure.title)}.</b> ${escapeHtml(figure.caption ?? '')}</figcaption>`;
  return `<figure id="${escapeHtml(figure.id)}">${svgToString(figure.svg)}${caption}</figure>`;
}

/**
 * Renders a {@link StudyReport} as one self-contained HTML file: figures inlined as SVG, no scripts, no
 * external resources (so it opens offline and archives well). Output is deterministic for the same input.
 */
export function renderHtmlReport(report: StudyReport): string {
  const nav = report.sections
    .map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`)
    .join('');
  const sections = report.sections
    .map((section) => {
      const text = (section.text ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
      const tables = (section.tables ?? []).map(tableHtml).join('');
      const figures = (section.figures ?? []).map(figureHtml).join('');
      return `<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>${text}${tables}${figures}</section>`;
    })
    .join('\n');
  const provenance = report.provenance.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(report.title)}</h1>${report.subtitle ? `<p>${escapeHtml(report.subtitle)}</p>` : ''}${provenance}</header>
<nav>${nav}</nav><main>
${sections}
</main></body></html>
`;
}
