export { concordancePlot, type ModelCohortEstimate } from './concordance-plot.js';
export { type CurvePlotOptions, curvePlot, type NamedCurve } from './curve-plot.js';
export { type ForestRow, forestPlot } from './forest-plot.js';
export { type FigureSize, figure, legend, type PlotArea, plotArea, text, xAxis, yAxis } from './frame.js';
export { type HeatmapData, heatmap } from './heatmap.js';
export { elementsWithClass, textContent, walkSvg } from './inspect.js';
export { type KaplanMeierPlotOptions, kaplanMeierPlot, numberAtRisk } from './km-plot.js';
export { type NomogramPlotOptions, nomogramPlot } from './nomogram-plot.js';
export {
  type CalibrationInput,
  calibrationPlot,
  type DecisionCurveInput,
  decisionCurvePlot,
  type RocCurveInput,
  timeDependentRocPlot,
} from './roc-calibration-decision.js';
export { formatPValue, seriesColour, THEME } from './theme.js';
export { type ViolinGroup, type ViolinPanel, violinPlot } from './violin-plot.js';
