// Benchmark of the texture families and filters of @tace/imaging (plain Node on dist/: run
// `npx tsc -b packages/imaging` first).   node bench/imaging-texture.mjs
//   BENCH_REPS (default 5): runs per measurement, the median is printed.
// Cases: PyRadiomics' brain1 (256 x 256 x 25 MR, 4,137 ROI voxels) and the IBSI 1 CT phantom (NIfTI) from
// ../shared/data/radiomics. Measured, single-threaded, one case at a time:
//   1. the five texture families alone on the discretised original image (matrix + features);
//   2. extractFeatures, original image, firstorder + shape + five texture families (PyRadiomics defaults);
//   3. extractFeatures with LoG (sigma 1, 3, 5 mm) + Wavelet (coif1, 8 bands) + original, all classes.
// PyRadiomics is not installable here, so no reference timing is measured in the same run (see the note).
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { extractFeatures, laplacianOfGaussian, readImage, waveletImages } from '@tace/imaging';
import {
  discretize,
  glcmFeatures,
  glcmMatrix,
  gldmFeatures,
  gldmMatrix,
  glrlmFeatures,
  glrlmMatrix,
  glszmFeatures,
  glszmMatrix,
  ngtdmFeatures,
  ngtdmMatrix,
} from '@tace/imaging/kernels';
import { measure } from './lib/timing.mjs';

const reps = Number(process.env.BENCH_REPS ?? 5);
const data = join(import.meta.dirname, '..', '..', 'shared', 'data', 'radiomics');

/**
 * Median over `n` runs (after one warm-up run) of the CPU time of this process (user + system), which the
 * other processes of a shared machine inflate far less than wall time; wall time is printed too.
 */
function time(f, n = reps) {
  const { cpu, seconds, result } = measure(f, { reps: n, warmup: 1 });
  return { ms: cpu * 1000, wall: seconds * 1000, result };
}

function croppedLevels(image, mask) {
  const [nx, ny] = image.size;
  const roi = Uint8Array.from(mask.data, (v) => (v === 1 ? 1 : 0));
  const { levels } = discretize(image.data, roi, { binWidth: 25 });
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-1, -1, -1];
  roi.forEach((m, v) => {
    if (m === 0) return;
    const c = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d], c[d]);
      hi[d] = Math.max(hi[d], c[d]);
    }
  });
  const size = [hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1];
  const grayLevels = new Int32Array(size[0] * size[1] * size[2]);
  for (let z = 0, u = 0; z < size[2]; z++)
    for (let y = 0; y < size[1]; y++)
      for (let x = 0; x < size[0]; x++, u++)
        grayLevels[u] = levels[x + lo[0] + nx * (y + lo[1] + ny * (z + lo[2]))];
  return { grayLevels, size };
}

const cases = [
  ['brain1', join(data, 'pyradiomics', 'brain1_image.nrrd'), join(data, 'pyradiomics', 'brain1_label.nrrd')],
  [
    'IBSI CT phantom',
    join(data, 'ibsi', 'ct_phantom', 'nifti', 'phantom.nii.gz'),
    join(data, 'ibsi', 'ct_phantom', 'nifti', 'mask.nii.gz'),
  ],
];

console.log(
  `imaging-texture benchmark: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${loadavg()[0].toFixed(1)} (shared machine); CPU time of this process [wall time], median of ${reps} runs after a warm-up, single thread`,
);
const all = { firstorder: null, shape: null, glcm: null, glrlm: null, glszm: null, gldm: null, ngtdm: null };
for (const [name, imagePath, maskPath] of cases) {
  if (!existsSync(imagePath) || !existsSync(maskPath)) {
    console.log(`${name}: skipped, ${imagePath} is absent`);
    continue;
  }
  const image = readImage(imagePath);
  const mask = readImage(maskPath);
  let roiVoxels = 0;
  for (const v of mask.data) if (v === 1) roiVoxels++;
  console.log(`\n${name}: image ${image.size.join(' x ')}, ROI ${roiVoxels} voxels`);
  const grid = croppedLevels(image, mask);
  const families = {
    glcm: () => glcmFeatures(glcmMatrix(grid)),
    glrlm: () => glrlmFeatures(glrlmMatrix(grid)),
    glszm: () => glszmFeatures(glszmMatrix(grid)),
    gldm: () => gldmFeatures(gldmMatrix(grid)),
    ngtdm: () => ngtdmFeatures(ngtdmMatrix(grid)),
  };
  let total = 0;
  for (const [family, f] of Object.entries(families)) {
    const { ms } = time(f);
    total += ms;
    console.log(`  ${family.padEnd(6)} matrix + features      ${ms.toFixed(1).padStart(9)} ms`);
  }
  console.log(`  five texture families               ${total.toFixed(1).padStart(9)} ms`);
  const original = time(() => extractFeatures(image, mask, { featureClass: all }));
  console.log(
    `  extractFeatures, original, all classes ${original.ms.toFixed(0)} ms [${original.wall.toFixed(0)}]  (${Object.keys(original.result.features).length} features)`,
  );
  const filtered = time(
    () =>
      extractFeatures(image, mask, {
        imageType: { Original: {}, LoG: { sigma: [1, 3, 5] }, Wavelet: {} },
        featureClass: all,
      }),
    Math.min(reps, 2),
  );
  console.log(
    `  extractFeatures, original + LoG(1,3,5 mm) + wavelet, all classes ${filtered.ms.toFixed(0)} ms [${filtered.wall.toFixed(0)}]  (${Object.keys(filtered.result.features).length} features)`,
  );
  const log = time(() => [1, 3, 5].map((s) => laplacianOfGaussian(image, s)), Math.min(reps, 2));
  const wav = time(() => waveletImages(image), Math.min(reps, 2));
  console.log(
    `    of which LoG filtering (3 sigmas, whole image) ${log.ms.toFixed(0)} ms, wavelet (8 bands) ${wav.ms.toFixed(0)} ms`,
  );
}
console.log(
  '\nNote: PyRadiomics cannot be installed in this environment, so its timing is not measured in the same run, and no' +
    ' per-case timing published by PyRadiomics was found to compare with; run PyRadiomics on the same cases for the ratio.',
);
