// Model evaluation in one style: time-dependent ROC with AUC (95% CI) at 5 years, calibration at 5 years,
// decision curves at 5 years (external cohort), and the C-index of each model in each cohort, as four panels.
//   node examples/figures/model-evaluation.mjs [out-dir]   writes model-evaluation.svg, .png (300 dpi), .pdf
// Data: Cox models fitted on Rotterdam (node-positive), validated on GBSG (R survival's rotterdam, gbsg).
// (`validateModels` computes all of these, and more, in one call; the figures also take its result.)
import {
  calibrationPlot,
  concordancePlot,
  decisionCurvePlot,
  panelLayout,
  timeDependentRocPlot,
} from '@tace/figures';
import {
  baselineHazard,
  calibration,
  concordance,
  decisionCurve,
  predictCox,
  timeDependentAucInference,
  timeDependentRoc,
} from '@tace/survival';
import { breastCohorts, breastModels } from './breast.mjs';
import { isMain, writeFigure } from './lib.mjs';

/**
 * A cohort with each model's linear predictor (`<model>`) and predicted 5-year risk (`<model> risk`),
 * 1 - exp(-H0(5) exp(lp)) with the centred Breslow baseline hazard (R `1 - predictRisk(fit, times = 5)`;
 * `coxSurvivalAt` gives the same with standard errors, slower).
 */
function withPredictions(table, models) {
  const out = { ...table };
  for (const m of models) {
    const lp = predictCox(m.fit, table).linearPredictor;
    const h0 = baselineHazard(m.fit);
    let h5 = 0;
    for (let k = 0; k < h0.time.length && h0.time[k] <= 5; k++) h5 = h0.cumHazard[k];
    out[m.name] = lp;
    out[`${m.name} risk`] = lp.map((z) => 1 - Math.exp(-h5 * Math.exp(z)));
  }
  return out;
}

export function build() {
  const { rotterdam, gbsg } = breastCohorts();
  const models = breastModels(rotterdam);
  const cohorts = { Rotterdam: withPredictions(rotterdam, models), GBSG: withPredictions(gbsg, models) };
  const external = cohorts.GBSG;
  const columns = { time: 'time', event: 'event' };

  // A: ROC at 5 years on GBSG, AUC with its influence-function CI (as timeROC's iid = TRUE).
  const roc = models.map((m) => {
    const ci = timeDependentAucInference(external, { ...columns, marker: m.name }, { times: [5] });
    const curve = timeDependentRoc(external, { ...columns, marker: m.name }, { time: 5 });
    // One time in the panel (its title names it): the legend keeps model and AUC only.
    return { ...curve, time: undefined, label: m.name, aucLower: ci.lower[0], aucUpper: ci.upper[0] };
  });
  // B: calibration of the larger model at 5 years, risk quintiles, in both cohorts.
  const model = 'Clinical + PgR';
  const calibrationCurves = Object.entries(cohorts).map(([name, table]) => {
    const c = calibration(table, { ...columns, risk: `${model} risk` }, { time: 5, groups: 5 });
    return {
      label: name,
      predicted: c.predicted,
      observed: c.observed,
      lower: c.observedLower,
      upper: c.observedUpper,
    };
  });
  // C: decision curves on GBSG.
  const thresholds = Array.from({ length: 40 }, (_, i) => 0.01 + i * 0.02);
  const dca = models.map((m) => ({
    label: m.name,
    ...decisionCurve(external, { ...columns, risk: `${m.name} risk` }, { time: 5, thresholds }),
  }));
  // D: Harrell's C per model and cohort, 95% CI from its standard error (as R concordance()).
  const cIndex = models.flatMap((m) =>
    Object.entries(cohorts).map(([cohort, table]) => {
      const c = concordance(table, { ...columns, risk: m.name });
      return {
        model: m.name,
        cohort,
        estimate: c.concordance,
        lower: c.concordance - 1.96 * c.stdErr,
        upper: c.concordance + 1.96 * c.stdErr,
      };
    }),
  );

  const size = { width: 85, height: 75, unit: 'mm' };
  return panelLayout(
    [
      timeDependentRocPlot(roc, { ...size, title: 'ROC at 5 years (GBSG)' }),
      calibrationPlot(calibrationCurves, {
        ...size,
        title: 'Calibration at 5 years',
        xLabel: 'Predicted 5-year risk',
        yLabel: 'Observed risk (1 - KM)',
      }),
      // "Treat all" is the first curve's treatAll (each decisionCurve result carries it).
      decisionCurvePlot(dca, { ...size, title: 'Decision curves at 5 years (GBSG)' }),
      concordancePlot(cIndex, { ...size, title: 'C-index by cohort' }),
    ],
    { columns: 2, unit: 'mm' },
  );
}

if (isMain(import.meta.url)) await writeFigure('model-evaluation', build(), process.argv[2]);
