import {
  calibrationPlot,
  concordancePlot,
  createTheme,
  forestPlot,
  kaplanMeierPlot,
  nomogramPlot,
  palettes,
} from '@tace/figures';
import type { CoxModel, ValidationResult, ValidationRow } from '@tace/survival';
import { nomogram } from '@tace/survival';
import type { ReportFigure } from './html-report.js';

// The figures a study report shows, shared by `tace demo` and `tace report`.

/**
 * The theme of figures whose groups are risk labels sorted as text (`high` before `low`: KM curves, heatmap
 * annotation bars): the default palette with its first two colours swapped, so that high risk is orange and
 * low risk blue as in the violins, which list `low` first.
 */
export const RISK_GROUP_THEME = createTheme({
  palette: [palettes.okabeIto[1], palettes.okabeIto[0], ...palettes.okabeIto.slice(2)],
});

/** A number with fixed decimals, `NA` when not finite. */
export function formatNumber(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'NA';
}

/** A lower-case, dash-separated identifier for file and element names. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Forest plot of a Cox model's hazard ratios. */
export function forestFigure(fit: CoxModel, name: string, caption: string): ReportFigure {
  return {
    id: `forest-${slug(name)}`,
    title: `${name}: hazard ratios`,
    caption,
    svg: forestPlot(fit),
  };
}

/** The model's nomogram with survival axes at `times` (labels in the data's time unit). */
export function nomogramFigure(fit: CoxModel, name: string, times: number[], unit: string): ReportFigure {
  return {
    id: 'nomogram',
    title: `Nomogram of the ${name}`,
    caption: `Points per variable; total points map to survival at ${times.join(', ')} ${unit}.`,
    svg: nomogramPlot(nomogram(fit, { times }), {
      survivalLabels: times.map((t) => `${t}-${unit.replace(/s$/, '')} survival`),
    }),
  };
}

/** Harrell's C by model and cohort with the CIs of the validation rows. */
export function concordanceFigure(rows: readonly ValidationRow[], caption: string): ReportFigure {
  return {
    id: 'c-index',
    title: 'Harrell C-index by model and cohort',
    caption,
    svg: concordancePlot(rows.filter((r) => r.metric === 'harrell_c')),
  };
}

/**
 * Kaplan-Meier curves by the model's risk groups, one figure per cohort, with the log-rank p, the hazard
 * ratio of the highest vs lowest group with its 95% CI (the validation's `hazard_ratio` row) and the time
 * unit on the x axis.
 */
export function riskGroupFigures(
  validation: ValidationResult,
  rows: readonly ValidationRow[],
  model: string,
  caption: string,
  timeUnit = 'months',
): ReportFigure[] {
  return validation.riskGroups
    .filter((g) => g.model === model)
    .map((group) => {
      const hr = rows.find(
        (r) => r.model === model && r.cohort === group.cohort && r.metric === 'hazard_ratio',
      );
      const labels = group.km.curves.map((c) => c.group);
      return {
        id: `km-${slug(model)}-${slug(group.cohort)}`,
        title: `Overall survival by ${model} risk group: ${group.cohort}`,
        caption,
        svg: kaplanMeierPlot(group.km, {
          title: group.cohort,
          pValue: group.logRankPValue,
          timeUnit,
          theme: RISK_GROUP_THEME,
          hazardRatio:
            hr && Number.isFinite(hr.estimate)
              ? {
                  estimate: hr.estimate,
                  lower: hr.lower,
                  upper: hr.upper,
                  label: `${labels.includes('high') ? 'high' : labels.at(-1)} vs ${labels.includes('low') ? 'low' : labels[0]}`,
                }
              : undefined,
        }),
      };
    });
}

/** Calibration of one model at `time` in every cohort (predicted vs Kaplan-Meier survival by risk group). */
export function calibrationFigure(
  validation: ValidationResult,
  model: string,
  time: number,
  unit: string,
): ReportFigure {
  return {
    id: `calibration-${slug(model)}`,
    title: `Calibration of the ${model} at ${time} ${unit}`,
    caption:
      'Predicted vs observed (Kaplan-Meier) survival by group of predicted risk; whiskers: 95% CI of the observed survival.',
    svg: calibrationPlot(validation, { model, time }),
  };
}
