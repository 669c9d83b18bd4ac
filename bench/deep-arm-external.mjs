// The trained deep-learning model against the random-feature one on a large synthetic external draw (issue 25
// item 4). Plain Node on dist/: run `npx tsc -b` first.
//   node bench/deep-arm-external.mjs                      (seed 4243, 1,000 patients per external centre)
//   BENCH_SEED=4242 BENCH_PATIENTS=1000 BENCH_REPLICATES=1000 BENCH_THREADS=1 node bench/deep-arm-external.mjs
// Draws `syntheticClinicalCohort({ seed, patientsPerCenter: [2, n, n] })` (centres 2 and 3 are the external
// centres; none of these patients is in tace-cnn-v2's training draw, seed 7), renders each CT in memory
// (`syntheticCt`, as `tace synth` writes it), crops it as `tace dl embed` does (`prepareSamples`) and runs the shipped tace-cnn-v2 and tace-cnn-v1, and
// reports Harrell's C of each model's `dl_risk` as it comes out of the network (pooled external, per centre,
// and stratified by centre) with the paired percentile bootstrap of the difference (`bootstrapConcordance`,
// resamples drawn from the pooled cohort or within the centre). About 5 minutes on 2 busy cores.
import { fileURLToPath } from 'node:url';
import { loadModel, prepareSamples, releaseModel, runModel } from '@tace/imaging';
import { bootstrapConcordance, concordance } from '@tace/survival';
import { syntheticClinicalCohort, syntheticCt } from '@tace/synthetic';

const seed = Number(process.env.BENCH_SEED ?? 4243);
const perCentre = Number(process.env.BENCH_PATIENTS ?? 1000);
const replicates = Number(process.env.BENCH_REPLICATES ?? 1000);
const threads = Number(process.env.BENCH_THREADS ?? 1);
const models = {
  trained: fileURLToPath(new URL('../packages/imaging/models/tace-cnn-v2.onnx', import.meta.url)),
  random: fileURLToPath(new URL('../packages/imaging/models/tace-cnn-v1.onnx', import.meta.url)),
};

const started = performance.now();
const patients = syntheticClinicalCohort({ seed, patientsPerCenter: [2, perCentre, perCentre] }).filter(
  (p) => p.cohort === 'external',
);
// Each CT is rendered and cropped once and both networks run on the same crops (their manifests crop alike).
const loaded = {};
for (const [name, path] of Object.entries(models))
  loaded[name] = await loadModel(path, { intraOpThreads: threads });
const { model: _t, ...cropTrained } = loaded.trained.manifest;
const { model: _r, ...cropRandom } = loaded.random.manifest;
if (JSON.stringify(cropTrained) !== JSON.stringify(cropRandom))
  throw new Error('the two models crop differently');
const risk = { trained: new Float64Array(patients.length), random: new Float64Array(patients.length) };
const batch = 16;
for (let start = 0; start < patients.length; start += batch) {
  const chunk = patients.slice(start, start + batch);
  const parts = chunk.map((p) => {
    const ct = syntheticCt(p);
    const prepared = prepareSamples(
      { phases: { arterial: ct.arterial, 'portal-venous': ct.portalVenous }, mask: ct.mask },
      loaded.trained.manifest,
    );
    if (prepared.samples !== 1) throw new Error(`${p.id}: ${prepared.samples} samples`);
    return prepared.data;
  });
  const data = new Float32Array(parts.reduce((s, x) => s + x.length, 0));
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.length;
  }
  for (const name of Object.keys(models)) {
    const out = await runModel(loaded[name], data, chunk.length);
    risk[name].set(out.risk, start);
  }
}
for (const model of Object.values(loaded)) await releaseModel(model);
const table = {
  time: Float64Array.from(patients, (p) => p.time),
  event: Float64Array.from(patients, (p) => p.event),
  center: patients.map((p) => String(p.center)),
  trained: risk.trained,
  random: risk.random,
};
console.log(
  `seed ${seed}: ${patients.length} external patients, ${table.event.reduce((s, e) => s + e, 0)} deaths; ` +
    `${((performance.now() - started) / 1000).toFixed(0)} s to draw and embed; ${replicates} bootstrap resamples`,
);
const subset = (keep) => {
  const idx = [...table.center.keys()].filter(keep);
  const out = {};
  for (const [k, v] of Object.entries(table)) out[k] = idx.map((i) => v[i]);
  return out;
};
const f = (v) => (v >= 0 ? '+' : '') + v.toFixed(3);
const report = (label, t) => {
  const r = bootstrapConcordance(
    t,
    { time: 'time', event: 'event', risk: ['trained', 'random'] },
    { replicates, random: seed, stream: label },
  );
  const d = r.difference;
  console.log(
    `${label} (n ${t.time.length}, deaths ${t.event.reduce((s, e) => s + e, 0)}): trained ${r.estimate[0].toFixed(3)} ` +
      `[${r.lower[0].toFixed(3)}, ${r.upper[0].toFixed(3)}], random-feature ${r.estimate[1].toFixed(3)} ` +
      `[${r.lower[1].toFixed(3)}, ${r.upper[1].toFixed(3)}]; trained - random ${f(d.estimate)} [${f(d.lower)}, ${f(d.upper)}], p ${d.pValue.toFixed(3)}`,
  );
};
report('external, pooled', table);
for (const c of ['2', '3'])
  report(
    `centre ${c}`,
    subset((i) => table.center[i] === c),
  );
const stratified = (name) =>
  concordance(table, { time: 'time', event: 'event', risk: name, strata: 'center' }).concordance;
console.log(
  `stratified by centre (pairs within a centre): trained ${stratified('trained').toFixed(3)}, random-feature ${stratified('random').toFixed(3)}`,
);
