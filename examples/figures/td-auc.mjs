// Time-dependent AUC over follow-up, one line per model with its 95% CI (timeROC's iid standard errors), as
// timeROC::plotAUCcurve(conf.int = TRUE).
//   node examples/figures/td-auc.mjs [out-dir]   writes td-auc.svg, .png (300 dpi), .pdf
// Data: Cox models fitted on Rotterdam (node-positive), evaluated on GBSG at 1 to 6 years.
import { timeDependentAucPlot } from '@tace/figures';
import { predictCox, timeDependentAucInference } from '@tace/survival';
import { breastCohorts, breastModels } from './breast.mjs';
import { isMain, writeFigure } from './lib.mjs';

export function build() {
  const { rotterdam, gbsg } = breastCohorts();
  const models = breastModels(rotterdam);
  const times = [1, 2, 3, 4, 5, 6];
  const curves = models.map((m) => {
    const table = { ...gbsg, lp: predictCox(m.fit, gbsg).linearPredictor };
    return {
      label: m.name,
      result: timeDependentAucInference(table, { time: 'time', event: 'event', marker: 'lp' }, { times }),
    };
  });
  return timeDependentAucPlot(curves, {
    width: 120,
    height: 85,
    unit: 'mm',
    timeUnit: 'years',
    title: 'Time-dependent AUC on GBSG',
  });
}

if (isMain(import.meta.url)) await writeFigure('td-auc', build(), process.argv[2]);
