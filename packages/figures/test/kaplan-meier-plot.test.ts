import { kaplanMeier } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { findElements, kaplanMeierPlot, svgToString } from '../src/index.js';

describe('kaplanMeierPlot', () => {
  const km = kaplanMeier([1, 2, 3, 4, 5, 6], [1, 0, 1, 1, 0, 1], { group: ['a', 'a', 'a', 'b', 'b', 'b'] });

  it('draws one step curve per group, labelled with the group size', () => {
    const el = kaplanMeierPlot(km, { xLabel: 'Days' });
    const paths = findElements(el, 'path').filter((p) => p.attributes.class === 'series');
    expect(paths).toHaveLength(2);
    const text = svgToString(el);
    expect(text).toContain('a (n = 3)');
    expect(text).toContain('Days');
  });

  it('adds two confidence-limit lines per curve on request', () => {
    const el = kaplanMeierPlot(km, { confidenceLimits: true });
    expect(findElements(el, 'path').filter((p) => p.attributes.class === 'series')).toHaveLength(6);
  });
});
