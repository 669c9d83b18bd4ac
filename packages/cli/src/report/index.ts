export type { ReportFigure, ReportSection, ReportTable, StudyReport } from './html-report.js';
export { renderHtmlReport } from './html-report.js';
export {
  calibrationFigure,
  concordanceFigure,
  forestFigure,
  formatNumber,
  nomogramFigure,
  RISK_GROUP_THEME,
  riskGroupFigures,
  slug,
} from './study-figures.js';
