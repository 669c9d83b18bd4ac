import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/index.js';
import { kaplanMeier as kaplanMeierArrays } from '../../src/kernels.js';

// Issue 20: group order as R factor levels (survfit and survminer keep them; the default sorts labels).
describe('kaplanMeier levels', () => {
  const time = [1, 2, 3, 4, 5, 6, 7];
  const event = [1, 0, 1, 1, 0, 1, 1];
  const sex = ['Male', 'Male', 'Female', 'Female', 'Male', 'Female', 'Male'];

  it('sorts labels by default and keeps the given order with levels, curves unchanged', () => {
    const sorted = kaplanMeierArrays(time, event, { group: sex });
    expect(sorted.curves.map((c) => c.group)).toEqual(['Female', 'Male']);
    const given = kaplanMeierArrays(time, event, { group: sex, levels: ['Male', 'Female'] });
    expect(given.curves.map((c) => c.group)).toEqual(['Male', 'Female']);
    expect(Array.from(given.curves[0].survival)).toEqual(Array.from(sorted.curves[1].survival));
    expect(given.curves[1].n).toBe(3);
  });

  it('takes levels per column at table level, as coxph does', () => {
    const km = kaplanMeier(
      { time, event, sex },
      { time: 'time', event: 'event', group: 'sex' },
      {
        levels: { sex: ['Male', 'Female'] },
      },
    );
    expect(km.curves.map((c) => c.group)).toEqual(['Male', 'Female']);
    expect(km.toTable().group[0]).toBe('Male');
  });

  it('gives a level without subjects no curve, and rejects a label not among the levels', () => {
    const km = kaplanMeierArrays(time, event, { group: sex, levels: ['Other', 'Male', 'Female'] });
    expect(km.curves.map((c) => c.group)).toEqual(['Male', 'Female']);
    expect(() => kaplanMeierArrays(time, event, { group: sex, levels: ['Male'] })).toThrow(/not a level/);
  });
});
