import { runDemo } from './src/demo/run-demo.ts';
const t = Date.now();
const r = await runDemo({ out: process.argv[2], seed: 7, threads: Number(process.argv[3]), patientsPerCentre: [40, 20, 20], bootstrapReplicates: 0, log: () => {} });
console.log('done', r, (Date.now() - t) / 1000);
