// @tace/figures: the toolkit's one plotting system. Figures are plain functions from a domain result (or rows)
// and options to an SVG element tree; `svgToString` serializes it, `renderPng` rasterizes it.

export type { AxisOptions, AxisScale } from './base/axes.js';
export { axisBottom, axisLeft } from './base/axes.js';
export { figure } from './base/figure.js';
export type { TextMetrics } from './base/font-metrics.js';
export { ellipsize, measureText, textWidth, thinLabels, wrapText } from './base/font-metrics.js';
export type { TextBox } from './base/inspect.js';
export {
  elementsWithClass,
  findElements,
  overlappingText,
  textBoxes,
  textContent,
  walkSvg,
} from './base/inspect.js';
export type { PanelLayoutOptions } from './base/layout.js';
export { panelLayout } from './base/layout.js';
export type { LegendEntry, LegendOptions } from './base/legend.js';
export { legend } from './base/legend.js';
export type { PdfOptions } from './base/pdf.js';
export { renderPdf } from './base/pdf.js';
export type { FigureOptions, PlotArea, SizeUnit } from './base/plot-area.js';
export { figureSize, plotArea } from './base/plot-area.js';
export type { PngOptions } from './base/png.js';
export { fontFiles, renderPng } from './base/png.js';
// The element tree, serialization and PNG.
export type { SvgAttributes, SvgChild, SvgElement } from './base/svg-element.js';
export { svg, svgToString } from './base/svg-element.js';
export type { TextOptions } from './base/text.js';
export { text } from './base/text.js';
// The frame every figure shares: theme, plot area, axes, legend, text.
export type { Margin, Theme, ThemeOptions } from './base/theme.js';
export { createTheme, formatPValue, palettes, seriesColor, theme } from './base/theme.js';
// Model evaluation.
export type { ConcordancePlotOptions, ModelCohortEstimate } from './plots/concordance-plot.js';
export { concordancePlot } from './plots/concordance-plot.js';
export type { CoxnetPathPlotOptions } from './plots/coxnet-plots.js';
export { coxnetPathPlot, cvCoxnetPlot } from './plots/coxnet-plots.js';
export type { CumulativeIncidencePlotOptions } from './plots/cumulative-incidence-plot.js';
export { cumulativeIncidencePlot } from './plots/cumulative-incidence-plot.js';
export type { DotPlotDataOptions, DotPlotDot, DotPlotOptions } from './plots/dot-plot.js';
export { dotPlot, dotPlotData } from './plots/dot-plot.js';
export type { EmbeddingInput, EmbeddingScatterOptions } from './plots/embedding-scatter.js';
export { embeddingScatter } from './plots/embedding-scatter.js';
export type { ForestPlotOptions, ForestRow } from './plots/forest-plot.js';
export { coxForestRows, forestPlot, logTicks } from './plots/forest-plot.js';
export type { HeatmapMatrix, HeatmapOptions } from './plots/heatmap.js';
export { heatmap } from './plots/heatmap.js';
// Survival figures.
export type {
  HazardRatioLabel,
  KaplanMeierFacet,
  KaplanMeierPlotOptions,
  PValuePosition,
} from './plots/kaplan-meier-plot.js';
export {
  cumulativeEvents,
  kaplanMeierFacets,
  kaplanMeierPlot,
  numberAtRisk,
} from './plots/kaplan-meier-plot.js';
// Generic figures.
export type { LinePlotOptions, LineSeries } from './plots/line-plot.js';
export { linePlot } from './plots/line-plot.js';
export type { NomogramPlotOptions } from './plots/nomogram-plot.js';
export { nomogramPlot } from './plots/nomogram-plot.js';
export type {
  CalibrationInput,
  CalibrationPlotOptions,
  DecisionCurveInput,
  DecisionCurvePlotOptions,
  RocCurveInput,
  RocPlotOptions,
} from './plots/roc-calibration-decision.js';
export {
  calibrationPlot,
  decisionCurvePlot,
  timeDependentRocPlot,
} from './plots/roc-calibration-decision.js';
export type { ScatterPlotOptions } from './plots/scatter-plot.js';
export { scatterPlot } from './plots/scatter-plot.js';
export type { TimeDependentAucCurve, TimeDependentAucPlotOptions } from './plots/time-dependent-auc-plot.js';
export { timeDependentAucPlot } from './plots/time-dependent-auc-plot.js';
// Biology.
export type {
  ViolinGroup,
  ViolinPanel,
  ViolinPanelTest,
  ViolinPlotOptions,
  ViolinTest,
} from './plots/violin-plot.js';
export { violinPlot, violinTests } from './plots/violin-plot.js';
export type { VolcanoInput, VolcanoPlotOptions } from './plots/volcano-plot.js';
export { volcanoPlot } from './plots/volcano-plot.js';
