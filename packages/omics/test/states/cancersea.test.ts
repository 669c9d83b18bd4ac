import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANCERSEA_STATES, readCancerSea, scoreCancerSeaStates } from '../../src/states/cancersea.js';
import { simulatedExpression } from '../tme/reference.js';

describe('CancerSEA states (files supplied by the user)', () => {
  it('lists the 14 states and reads the download format (EnsembleID, GeneName), reporting missing files', () => {
    expect(CANCERSEA_STATES).toHaveLength(14);
    const dir = mkdtempSync(join(tmpdir(), 'cancersea-'));
    const expr = simulatedExpression();
    const genes = expr.genes.slice(0, 40);
    writeFileSync(
      join(dir, 'EMT.txt'),
      `EnsembleID\tGeneName\n${genes
        .slice(0, 20)
        .map((g, i) => `ENSG${i}\t${g}`)
        .join('\n')}\n`,
    );
    writeFileSync(
      join(dir, 'Hypoxia.txt'),
      `EnsembleID\tGeneName\r\n${genes
        .slice(20)
        .map((g, i) => `ENSG${i}\t${g}`)
        .join('\r\n')}`,
    );
    const { sets, missing } = readCancerSea(dir);
    expect(Object.keys(sets)).toEqual(['EMT', 'Hypoxia']);
    expect(sets.EMT).toEqual(genes.slice(0, 20));
    expect(missing).toHaveLength(12);
    const scores = scoreCancerSeaStates(expr, sets);
    expect(scores.sets).toEqual(['EMT', 'Hypoxia']);
    expect(scores.method).toBe('ssgsea');
    expect(() => readCancerSea(join(dir, 'nope'))).toThrow(/no CancerSEA signature file/);
  });
});
