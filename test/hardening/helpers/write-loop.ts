// Child process of atomic-writes.test.ts: rewrites a large table and a large NIfTI volume in a loop until
// killed. Prints "ready" once both files exist complete.
import { writeTable } from '@tace/core';
import { writeNifti } from '@tace/imaging';

const [dir] = process.argv.slice(2);
const rows = 100_000;
const table = {
  id: Array.from({ length: rows }, (_, i) => `patient-${i}`),
  value: Float64Array.from({ length: rows }, (_, i) => i / 7),
};
const size: [number, number, number] = [96, 96, 64];
const image = {
  data: new Float32Array(size[0] * size[1] * size[2]).fill(1),
  size,
  spacing: [1, 1, 1] as [number, number, number],
  origin: [0, 0, 0] as [number, number, number],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ],
};
for (let k = 0; ; k++) {
  writeTable(table, `${dir}/table.csv`);
  writeNifti(`${dir}/volume.nii`, image);
  if (k === 0) process.stdout.write('ready\n');
}
