// The synthetic bulk expression fixture (data/make-data.mjs, @tace/synthetic): 324 genes x 48 tumours, log2
// scale, and each tumour's risk group; and limma-style differential expression High vs Low risk.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { differentialExpression, readExpressionMatrix } from '@tace/omics';
import { readData } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export function bulkExpression() {
  const expression = readExpressionMatrix(join(here, 'data', 'expression.csv'), {
    orientation: 'genes-in-rows',
  });
  const samples = readData('samples.csv');
  const groupOf = new Map(Array.from(samples.sample, (s, i) => [s, samples.group[i]]));
  const groups = expression.samples.map((s) => groupOf.get(s));
  const de = differentialExpression(
    expression,
    samples,
    { id: 'sample', group: 'group' },
    { target: 'High risk', reference: 'Low risk' },
  );
  return { expression, groups, de };
}
