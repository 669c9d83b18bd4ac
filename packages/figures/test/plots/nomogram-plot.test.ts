import { coxph, nomogram } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { elementsWithClass, nomogramPlot, overlappingText, textContent } from '../../src/index.js';

function cohort(n = 150) {
  const stage = Array.from({ length: n }, (_, i) => ['A', 'B', 'C'][i % 3]);
  const ecog = Array.from({ length: n }, (_, i) => (i % 5 < 2 ? 1 : 0));
  const spread = Array.from({ length: n }, (_, i) => (i % 7 < 2 ? 1 : 0));
  const afp = Array.from({ length: n }, (_, i) => 1 + ((i * 37) % 40) / 10);
  const time = Array.from(
    { length: n },
    (_, i) => 2 + ((i * 7919) % 97) / (1 + (i % 3) + ecog[i]) / (afp[i] / 2),
  );
  const status = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 1));
  return { stage, ecog, spread, afp, time, status };
}

describe('nomogramPlot', () => {
  const data = cohort();
  const fit = coxph(data, { time: 'time', event: 'status', covariates: ['afp', 'stage', 'ecog', 'spread'] });
  const nom = nomogram(fit, { times: [12, 24] });
  const el = nomogramPlot(nom, {
    labels: { afp: 'AFP (log10 ng/mL)', spread: 'Extrahepatic spread' },
    levels: { ecog: { 0: 'ECOG 0', 1: 'ECOG 1-2' } },
    survivalLabels: ['1-year survival', '2-year survival'],
  });
  const axis = (label: string) =>
    elementsWithClass(el, 'nomogram-axis').find((a) => a.attributes['data-label'] === label);
  const ticks = (label: string) => elementsWithClass(axis(label) ?? el, 'tick').map((e) => textContent(e));

  it('draws binary and coded variables as one point per level, factors per level', () => {
    expect(ticks('ECOG PS'.replace('ECOG PS', 'ecog'))).toEqual(['ECOG 0', 'ECOG 1-2']);
    expect(ticks('Extrahepatic spread')).toEqual(['0', '1']);
    expect(ticks('stage')).toEqual(['A', 'B', 'C']);
  });
  it('draws continuous variables as scales, total points and one survival axis per time', () => {
    expect(ticks('AFP (log10 ng/mL)').length).toBeGreaterThan(2);
    expect(elementsWithClass(el, 'survival')).toHaveLength(2);
    expect(elementsWithClass(el, 'total')).toHaveLength(1);
  });
  it('has no overlapping text', () => {
    expect(overlappingText(el).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
  });
});
