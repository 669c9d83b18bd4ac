import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataPath } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { readGmt } from '../../src/genesets/index.js';
import {
  BUFFA_HYPOXIA,
  bundledSignatures,
  HALLMARK_HYPOXIA,
  mapSignatureSymbols,
  SIGNATURE_SOURCES,
} from '../../src/signatures/index.js';

const signaturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'signatures');

describe('bundled signatures', () => {
  it('equal the bundled GMT files gene for gene, and every one has a source', () => {
    const files = {
      ...readGmt(join(signaturesDir, 'hallmark.v7.0.subset.symbols.gmt')),
      ...readGmt(join(signaturesDir, 'published.symbols.gmt')),
    };
    expect(bundledSignatures()).toEqual(files);
    for (const name of Object.keys(files)) expect(SIGNATURE_SOURCES[name]?.doi).toMatch(/^10\./);
  });

  it('have the published sizes (Hallmark 200/200/58/200/200, Buffa 51, CYT 2, CTL 5), no repeats', () => {
    const sizes = Object.fromEntries(Object.entries(bundledSignatures()).map(([k, v]) => [k, v.length]));
    expect(sizes).toEqual({
      HALLMARK_HYPOXIA: 200,
      HALLMARK_MYC_TARGETS_V1: 200,
      HALLMARK_MYC_TARGETS_V2: 58,
      HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION: 200,
      HALLMARK_GLYCOLYSIS: 200,
      BUFFA_HYPOXIA: 51,
      CYTOLYTIC_ACTIVITY: 2,
      CYTOTOXIC_T_CELLS: 5,
    });
    for (const genes of Object.values(bundledSignatures())) expect(new Set(genes).size).toBe(genes.length);
  });

  it('returns fresh copies: mutating one does not change the constants', () => {
    const sets = bundledSignatures();
    sets.BUFFA_HYPOXIA.pop();
    expect(BUFFA_HYPOXIA).toHaveLength(51);
    expect(Object.isFrozen(HALLMARK_HYPOXIA)).toBe(true);
  });

  const hallmarkPath = sharedDataPath('signatures/h.all.v7.0.symbols.gmt');
  it.skipIf(hallmarkPath === null)('Hallmark constants equal the shared MSigDB v7.0 file', () => {
    const all = readGmt(hallmarkPath as string);
    const bundled = bundledSignatures();
    for (const name of Object.keys(bundled).filter((n) => n.startsWith('HALLMARK_'))) {
      expect(bundled[name]).toEqual(all[name]);
    }
  });
});

describe('mapSignatureSymbols', () => {
  it('replaces a current symbol by the previous one found in the data, and reports it', () => {
    const { sets, mappings } = mapSignatureSymbols({ B: ['MRGBP', 'VEGFA', 'NOPE'] }, ['C20orf20', 'VEGFA']);
    expect(sets.B).toEqual(['C20orf20', 'VEGFA', 'NOPE']);
    expect(mappings).toEqual([{ set: 'B', from: 'MRGBP', to: 'C20orf20' }]);
  });

  it('maps in the other direction (Hallmark v7.0 EPRS -> EPRS1) and accepts extra aliases', () => {
    expect(mapSignatureSymbols({ S: ['EPRS'] }, ['EPRS1']).sets.S).toEqual(['EPRS1']);
    expect(mapSignatureSymbols({ S: ['FOO'] }, ['BAR'], { FOO: ['BAR'] }).sets.S).toEqual(['BAR']);
  });

  it('leaves genes present in the data untouched even when an alias is present too', () => {
    expect(mapSignatureSymbols({ S: ['AK4'] }, ['AK4', 'AK3L1']).mappings).toEqual([]);
  });
});
