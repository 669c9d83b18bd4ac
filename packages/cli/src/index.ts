// @tace/cli: the `tace` command line. Library users import the packages (@tace/survival, @tace/imaging,
// @tace/omics, @tace/figures, @tace/synthetic); this entry point exposes only what drives the CLI itself.

export type { DemoOptions } from './demo/run-demo.js';
export { runDemo } from './demo/run-demo.js';
export { main } from './main.js';
export type { ReportFigure, ReportSection, ReportTable, StudyReport } from './report/html-report.js';
export { renderHtmlReport } from './report/html-report.js';
