import { survSplit } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { loadJsonFixture } from '../fixtures/load-json.js';
import { expectTaceError } from '../fixtures/r-survival/helpers.js';

const fixture = loadJsonFixture('r-counting', 'counting');

describe('survSplit', () => {
  it('splits at the cuts strictly inside (start, stop) and keeps the event on the last piece', () => {
    const out = survSplit(
      { id: ['a', 'b', 'c'], t: [5, 12, 3], d: [1, 0, 1] },
      { time: 't', event: 'd' },
      { cut: [3, 6, 10] },
    );
    expect(out.id).toEqual(['a', 'a', 'b', 'b', 'b', 'b', 'c']);
    expect(Array.from(out.tstart as Float64Array)).toEqual([0, 3, 0, 3, 6, 10, 0]);
    expect(Array.from(out.t as Float64Array)).toEqual([3, 5, 3, 6, 10, 12, 3]);
    expect(out.d).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(Array.from(out.episode as Int32Array)).toEqual([1, 2, 1, 2, 3, 4, 1]);
  });

  it('splits (start, stop] rows further', () => {
    const out = survSplit({ s: [2], t: [8], d: [1] }, { start: 's', time: 't', event: 'd' }, { cut: [1, 5] });
    expect(Array.from(out.s as Float64Array)).toEqual([2, 5]);
    expect(Array.from(out.episode as Int32Array)).toEqual([2, 3]);
  });

  it('rejects unsorted cuts and an existing start column', () => {
    expectTaceError(
      () => survSplit({ t: [1], d: [1] }, { time: 't', event: 'd' }, { cut: [2, 1] }),
      'INVALID_ARGUMENT',
      /cut/,
    );
    expectTaceError(
      () => survSplit({ tstart: [0], t: [1], d: [1] }, { time: 't', event: 'd' }, { cut: [0.5] }),
      'INVALID_ARGUMENT',
      /startName/,
    );
  });

  it(`equals R survSplit(Surv(time, status) ~ ., lung, cut = c(100, 365, 730)) (survival ${fixture.versions.survival})`, () => {
    const s = fixture.survSplit;
    const out = survSplit(s.lung, { time: 'time', event: 'status' }, { cut: s.cut });
    expect(Array.from(out.id as ArrayLike<number>)).toEqual(s.id);
    expect(Array.from(out.tstart as Float64Array)).toEqual(s.tstart);
    expect(Array.from(out.time as Float64Array)).toEqual(s.time);
    expect(Array.from(out.status as ArrayLike<number>)).toEqual(s.status);
    expect(Array.from(out.episode as Int32Array)).toEqual(s.episode);
  });
});
