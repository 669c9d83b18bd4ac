import { TaceError } from '@tace/core';
import {
  albi,
  art,
  bclc,
  childPugh,
  clip,
  hap,
  linearScore,
  mhap2,
  okuda,
  sixAndTwelve,
  tumorBurdenScore,
  upToSeven,
} from '@tace/survival';
import { describe, expect, it } from 'vitest';

// Tier 1: hand-worked cases at every cut-off boundary. Tolerances: exact for points, 1e-12 for ALBI.

describe('albi (Johnson 2015)', () => {
  it('computes 0.66 log10(bilirubin) - 0.085 albumin', () => {
    const r = albi({ bilirubin: 10, albumin: 40 });
    expect(r.score).toBeCloseTo(0.66 * 1 - 0.085 * 40, 12);
    expect(r.grade).toBe('1');
  });
  it('puts -2.60 in grade 1 and just above in grade 2', () => {
    // bilirubin 10 -> 0.66; albumin (0.66 + 2.60) / 0.085 gives exactly -2.60.
    const albumin = (0.66 + 2.6) / 0.085;
    expect(albi({ bilirubin: 10, albumin }).grade).toBe('1');
    expect(albi({ bilirubin: 10, albumin: albumin - 1e-6 }).grade).toBe('2');
  });
  it('puts -1.39 in grade 2 and above it in grade 3', () => {
    const albumin = (0.66 + 1.39) / 0.085;
    expect(albi({ bilirubin: 10, albumin: albumin + 1e-9 }).grade).toBe('2');
    expect(albi({ bilirubin: 10, albumin: albumin - 1e-6 }).grade).toBe('3');
  });
  it('splits grade 2 at -2.27 in mALBI', () => {
    expect(albi({ bilirubin: 10, albumin: (0.66 + 2.3) / 0.085 }, { gradeSystem: 'malbi' }).grade).toBe('2a');
    expect(albi({ bilirubin: 10, albumin: (0.66 + 2.0) / 0.085 }, { gradeSystem: 'malbi' }).grade).toBe('2b');
  });
  it('converts mg/dL and g/dL when declared', () => {
    const a = albi({ bilirubin: 1, albumin: 4 }, { units: { bilirubin: 'mg/dL', albumin: 'g/dL' } });
    expect(a.score).toBeCloseTo(0.66 * Math.log10(17.1) - 0.085 * 40, 12);
  });
  it('names the likely unit mix-up for albumin 3.5 given as g/L', () => {
    expect(() => albi({ bilirubin: 10, albumin: 3.5 })).toThrow(/looks like g\/dL/);
    expect(() => albi({ bilirubin: 0.8, albumin: 40 })).toThrow(/looks like mg\/dL/);
  });
  it('is missing, never zero, when an input is missing', () => {
    expect(albi({ bilirubin: 10, albumin: null })).toEqual({
      score: Number.NaN,
      grade: null,
      missing: ['albumin'],
    });
  });
});

describe('childPugh', () => {
  const base = { bilirubin: 20, albumin: 40, inr: 1.0, ascites: 'none', encephalopathy: 'none' };
  it('scores 5 (A) for normal values', () => {
    expect(childPugh(base)).toEqual({ score: 5, grade: 'A', missing: [] });
  });
  it('uses bilirubin cut-offs 2 and 3 mg/dL (34.2 and 51.3 umol/L)', () => {
    expect(childPugh({ ...base, bilirubin: 34.1 }).score).toBe(5);
    expect(childPugh({ ...base, bilirubin: 34.2 }).score).toBe(6);
    expect(childPugh({ ...base, bilirubin: 51.3 }).score).toBe(6);
    expect(childPugh({ ...base, bilirubin: 51.4 }).score).toBe(7);
  });
  it('uses albumin cut-offs 35 and 28 g/L', () => {
    expect(childPugh({ ...base, albumin: 35.1 }).score).toBe(5);
    expect(childPugh({ ...base, albumin: 35 }).score).toBe(6);
    expect(childPugh({ ...base, albumin: 28 }).score).toBe(6);
    expect(childPugh({ ...base, albumin: 27.9 }).score).toBe(7);
  });
  it('uses INR cut-offs 1.7 and 2.3', () => {
    expect(childPugh({ ...base, inr: 1.69 }).score).toBe(5);
    expect(childPugh({ ...base, inr: 1.7 }).score).toBe(6);
    expect(childPugh({ ...base, inr: 2.3 }).score).toBe(6);
    expect(childPugh({ ...base, inr: 2.31 }).score).toBe(7);
  });
  it('gives classes A 5-6, B 7-9, C 10-15', () => {
    expect(childPugh({ ...base, ascites: 'mild' }).grade).toBe('A');
    expect(childPugh({ ...base, ascites: 'moderate-severe' }).grade).toBe('B');
    const worst = { bilirubin: 60, albumin: 25, inr: 2.5, ascites: 'severe', encephalopathy: 'grade3-4' };
    expect(childPugh(worst)).toEqual({ score: 15, grade: 'C', missing: [] });
    expect(childPugh({ ...worst, albumin: 40, inr: 1, encephalopathy: 'none' }).grade).toBe('B'); // 3+1+1+3+1 = 9
    expect(childPugh({ ...worst, albumin: 30, inr: 1, encephalopathy: 'none' }).grade).toBe('C'); // 10
  });
  it('rejects an unknown ascites label', () => {
    expect(() => childPugh({ ...base, ascites: 'lots' })).toThrow(TaceError);
  });
});

describe('hap and mhap2', () => {
  const none = { albumin: 36, afp: 400, bilirubin: 17, diameter: 7, number: 1 };
  it('gives no point exactly at the cut-offs (albumin 36, AFP 400, bilirubin 17, 7 cm)', () => {
    expect(hap(none)).toEqual({ score: 0, grade: 'A', missing: [] });
  });
  it('gives one point past each cut-off', () => {
    expect(hap({ ...none, albumin: 35.9 }).grade).toBe('B');
    expect(hap({ ...none, albumin: 35.9, afp: 401 }).grade).toBe('C');
    expect(hap({ ...none, albumin: 35.9, afp: 401, bilirubin: 17.1 }).grade).toBe('D');
    expect(hap({ ...none, albumin: 35.9, afp: 401, bilirubin: 17.1, diameter: 7.1 })).toMatchObject({
      score: 4,
      grade: 'D',
    });
  });
  it('mHAP-II adds one point for multiple tumours', () => {
    expect(mhap2(none).score).toBe(0);
    expect(mhap2({ ...none, number: 2 })).toMatchObject({ score: 1, grade: 'B' });
    expect(mhap2({ ...none, number: 2, afp: 500, albumin: 30 })).toMatchObject({ score: 3, grade: 'D' });
  });
});

describe('tumour burden scores', () => {
  it('six-and-twelve: <= 6, > 6 to <= 12, > 12', () => {
    expect(sixAndTwelve({ diameter: 5, number: 1 }).grade).toBe('<=6');
    expect(sixAndTwelve({ diameter: 5.1, number: 1 }).grade).toBe('>6-12');
    expect(sixAndTwelve({ diameter: 10, number: 2 }).grade).toBe('>6-12');
    expect(sixAndTwelve({ diameter: 10.1, number: 2 })).toMatchObject({ grade: '>12' });
  });
  it('up-to-seven: within at exactly 7', () => {
    expect(upToSeven({ diameter: 4, number: 3 })).toEqual({ score: 7, grade: 'within', missing: [] });
    expect(upToSeven({ diameter: 4.5, number: 3 }).grade).toBe('beyond');
  });
  it('tumour burden score is the hypotenuse, zones at 3 and 9', () => {
    expect(tumorBurdenScore({ diameter: 4, number: 3 })).toEqual({ score: 5, grade: 'medium', missing: [] });
    expect(tumorBurdenScore({ diameter: 2, number: 2 }).grade).toBe('low'); // 2.83
    expect(tumorBurdenScore({ diameter: Math.sqrt(8), number: 1 }).grade).toBe('medium'); // exactly 3
    expect(tumorBurdenScore({ diameter: Math.sqrt(80), number: 1 }).grade).toBe('high'); // exactly 9
  });
  it('accepts diameters in mm when declared and flags mm given as cm', () => {
    expect(upToSeven({ diameter: 40, number: 3 }, { units: { diameter: 'mm' } }).score).toBe(7);
    expect(() => upToSeven({ diameter: 45, number: 1 })).toThrow(/looks like mm/);
  });
});

describe('bclc', () => {
  const early = {
    ecog: 0,
    number: 1,
    diameter: 1.8,
    vascularInvasion: false,
    extrahepaticSpread: false,
    childPughClass: 'A',
  };
  it('2022: very early (0) for a single tumour <= 2 cm', () => {
    expect(bclc(early).grade).toBe('0');
    expect(bclc({ ...early, diameter: 2 }).grade).toBe('0');
    expect(bclc({ ...early, diameter: 2.1 }).grade).toBe('A');
  });
  it('A for a single tumour of any size or up to 3 nodules <= 3 cm; B otherwise', () => {
    expect(bclc({ ...early, diameter: 9 }).grade).toBe('A');
    expect(bclc({ ...early, number: 3, diameter: 3 }).grade).toBe('A');
    expect(bclc({ ...early, number: 3, diameter: 3.1 }).grade).toBe('B');
    expect(bclc({ ...early, number: 4, diameter: 2 }).grade).toBe('B');
  });
  it('C for vascular invasion, extrahepatic spread or ECOG 1-2; D for ECOG > 2 or end-stage liver', () => {
    expect(bclc({ ...early, vascularInvasion: true }).grade).toBe('C');
    expect(bclc({ ...early, extrahepaticSpread: true }).grade).toBe('C');
    expect(bclc({ ...early, ecog: 2 }).grade).toBe('C');
    expect(bclc({ ...early, ecog: 3 }).grade).toBe('D');
    expect(bclc({ ...early, childPughClass: 'C' }).grade).toBe('D');
    expect(bclc({ ...early, childPughClass: 'B' }).grade).toBe('0'); // 2022: B counts as preserved
    expect(bclc({ ...early, liverFunction: 'end-stage', childPughClass: 'A' }).grade).toBe('D');
  });
  it('2018: stage 0 needs < 2 cm and Child-Pugh A', () => {
    expect(bclc({ ...early, diameter: 2 }, { version: '2018' }).grade).toBe('A');
    expect(bclc({ ...early, childPughClass: 'B' }, { version: '2018' }).grade).toBe('A');
    expect(bclc(early, { version: '2018' }).grade).toBe('0');
  });
  it('decides D and C without tumour size, and is missing otherwise', () => {
    expect(bclc({ ecog: 3, childPughClass: 'A' }).grade).toBe('D');
    expect(bclc({ ecog: 0, childPughClass: 'A', vascularInvasion: true }).grade).toBe('C');
    expect(
      bclc({ ecog: 0, childPughClass: 'A', vascularInvasion: false, extrahepaticSpread: false, number: 2 }),
    ).toEqual({
      score: Number.NaN,
      grade: null,
      missing: ['diameter'],
    });
  });
});

describe('clip and okuda', () => {
  it('CLIP adds Child-Pugh, morphology, AFP >= 400 and portal vein thrombosis', () => {
    const p = { childPughClass: 'A', number: 1, extentOver50: false, afp: 399, portalVeinThrombosis: false };
    expect(clip(p).score).toBe(0);
    expect(clip({ ...p, afp: 400 }).score).toBe(1);
    expect(clip({ ...p, number: 2 }).score).toBe(1);
    expect(clip({ ...p, extentOver50: true }).score).toBe(2);
    expect(clip({ ...p, massive: true }).score).toBe(2);
    expect(
      clip({
        ...p,
        childPughClass: 'C',
        number: 3,
        extentOver50: true,
        afp: 1000,
        portalVeinThrombosis: true,
      }),
    ).toEqual({ score: 6, grade: '6', missing: [] });
  });
  it('Okuda stages I (0), II (1-2), III (3-4) with albumin < 30 g/L and bilirubin > 3 mg/dL', () => {
    const p = { extentOver50: false, ascites: false, albumin: 30, bilirubin: 51.3 };
    expect(okuda(p)).toEqual({ score: 0, grade: 'I', missing: [] });
    expect(okuda({ ...p, albumin: 29.9 }).grade).toBe('II');
    expect(okuda({ ...p, albumin: 29.9, bilirubin: 51.4 }).grade).toBe('II');
    expect(okuda({ ...p, albumin: 29.9, bilirubin: 51.4, ascites: 'mild' }).grade).toBe('III');
  });
});

describe('art (Sieghart 2013)', () => {
  it('weights AST > 25% by 4, Child-Pugh increase by 1.5/3, no response by 1', () => {
    expect(art({ astIncrease: 0.25, childPughIncrease: 0, radiologicResponse: true })).toEqual({
      score: 0,
      grade: '0-1.5',
      missing: [],
    });
    expect(art({ astIncrease: 0.26, childPughIncrease: 0, radiologicResponse: true }).score).toBe(4);
    expect(art({ astIncrease: 0, childPughIncrease: 1, radiologicResponse: true })).toMatchObject({
      score: 1.5,
      grade: '0-1.5',
    });
    expect(art({ astIncrease: 0, childPughIncrease: 1, radiologicResponse: false })).toMatchObject({
      score: 2.5,
      grade: '>=2.5',
    });
    expect(art({ astIncrease: 0, childPughIncrease: 2, radiologicResponse: true }).score).toBe(3);
  });
});

describe('linearScore (coefficients supplied by the user)', () => {
  it('adds coefficient x transformed field and cuts into labelled groups', () => {
    const score = linearScore({
      name: 'example',
      terms: [
        { field: 'afp', coefficient: 0.5, transform: 'log10' },
        { field: 'diameter', coefficient: 1, transform: { above: 5 } },
      ],
      cutoffs: [1],
      labels: ['low', 'high'],
    });
    expect(score.compute({ afp: 100, diameter: 4 })).toEqual({ score: 1, grade: 'low', missing: [] });
    expect(score.compute({ afp: 100, diameter: 6 })).toEqual({ score: 2, grade: 'high', missing: [] });
  });
  it('rejects labels that do not fit the cut-offs', () => {
    expect(() => linearScore({ name: 'x', terms: [], cutoffs: [1, 2], labels: ['a'] })).toThrow(TaceError);
  });
});
