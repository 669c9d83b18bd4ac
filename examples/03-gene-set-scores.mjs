// Gene-set scores per sample (ssGSEA) and the high- vs low-risk comparison, on synthetic expression.
//   pnpm run build && node examples/03-gene-set-scores.mjs
// 30 samples x (bundled signature genes + 200 background genes), log2 scale; in high-risk samples the
// hypoxia genes are up by 1 log2 unit. The same calls work on a real matrix read with readExpressionMatrix.
import { createRng, randomNormal } from '@tace/core';
import { bundledSignatures, compareGroups, expressionMatrix, scoreGeneSets } from '@tace/omics';

const sets = bundledSignatures();
const hypoxia = new Set(sets.HALLMARK_HYPOXIA);
const genes = [
  ...new Set([...Object.values(sets).flat(), ...Array.from({ length: 200 }, (_, i) => `BG${i + 1}`)]),
];
const samples = Array.from({ length: 30 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
// one row per sample: id and risk group (a clinical table read with core readTable works the same way)
const clinical = { sample: samples, risk: samples.map((_, i) => (i < 15 ? 'low' : 'high')) };

const rng = createRng(11);
const baseline = genes.map(() => 6 + 2 * randomNormal(rng));
const values = new Float64Array(genes.length * samples.length); // column-major: entry (g, s) at g + s * genes
samples.forEach((_, s) => {
  genes.forEach((gene, g) => {
    const shift = clinical.risk[s] === 'high' && hypoxia.has(gene) ? 1 : 0;
    values[s * genes.length + g] = baseline[g] + shift + randomNormal(rng, 0, 0.7);
  });
});
const expression = expressionMatrix(genes, samples, values);

// ssGSEA as GSVA::gsva(method = "ssgsea"), then Wilcoxon high vs low with BH over the sets.
const scores = scoreGeneSets(expression, sets, { method: 'ssgsea' });
const comparison = compareGroups(
  scores,
  clinical,
  { id: 'sample', group: 'risk' },
  { target: 'high', reference: 'low' },
);
console.log(`${scores.sets.length} sets x ${scores.samples.length} samples (${scores.method})`);
comparison.sets.forEach((set, k) => {
  console.log(
    `${set.padEnd(44)} median high - low = ${comparison.medianDifference[k].toFixed(3).padStart(7)}  ` +
      `Cliff's delta = ${comparison.cliffsDelta[k].toFixed(2).padStart(5)}  BH p = ${comparison.adjustedPValue[k].toPrecision(2)}`,
  );
});
