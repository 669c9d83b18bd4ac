export type { ReportFigure, ReportSection, ReportTable, StudyReport } from './html-report.js';
export { renderHtmlReport } from './html-report.js';
