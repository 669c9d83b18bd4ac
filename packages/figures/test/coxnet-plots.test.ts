import { coxnet, cvCoxnet } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { coxnetPathPlot, cvCoxnetPlot, findElements, svgToString } from '../src/index.js';
import { firstRows, simulatedData } from './fixtures/glmnet-simulated.js';

describe('coxnet figures', () => {
  const sim = simulatedData();
  const x = firstRows(sim.x, 150);
  const small = { data: x.data.slice(0, 150 * 20), rows: 150, columns: 20 };
  const time = sim.time.subarray(0, 150);
  const event = sim.event.subarray(0, 150);

  it('cvCoxnetPlot draws the curve, the SE band and the two lambda lines', async () => {
    const cv = await cvCoxnet(small, time, event, { nFolds: 5, nLambda: 30, parallel: false });
    const figure = cvCoxnetPlot(cv, { title: 'CV' });
    expect(findElements(figure, 'path').filter((e) => e.attributes.class === 'series').length).toBe(5);
    expect(svgToString(figure)).toContain('lambda.1se');
  });

  it('coxnetPathPlot draws one line per feature that enters the path', () => {
    const fit = coxnet(small, time, event, { nLambda: 30 });
    const entered = new Set<number>();
    for (let l = 0; l < fit.lambda.length; l++)
      for (let j = 0; j < 20; j++) if (fit.beta.data[l * 20 + j] !== 0) entered.add(j);
    const figure = coxnetPathPlot(fit);
    expect(findElements(figure, 'path').filter((e) => e.attributes.class === 'series').length).toBe(
      entered.size,
    );
  });
});
