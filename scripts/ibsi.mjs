// IBSI 2 phase 2 on the IBSI CT phantom: the 18 CT configurations of ibsi2_filter_reference_values.csv, each
// filter applied as the IBSI 2 reference manual defines it, the 18 intensity statistics of the response in the
// ROI resegmented to [-1000, 400] HU compared with the consensus values within their tolerance. A statistic
// without a consensus value (blank in the table) is not counted. Usage: pnpm ibsi (builds @tace/imaging first).
// A: the phantom on its own grid (0.977 x 0.977 x 3 mm), filtered in 2D per slice; B: 1 mm isotropic (cubic
// B-spline, rounded; mask linear >= 0.5), cropped to the ROI plus 32 voxels, filtered in 3D. The Simoncelli
// wavelet (8, 9) is applied in the Fourier domain of the grid itself (periodic boundary, as the IBSI 2 consensus
// implementations do), so its B configurations filter the whole interpolated grid, uncropped ("B-full").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ibsi2Prepare,
  ibsiGabor,
  ibsiLaplacianOfGaussian,
  ibsiLaws,
  ibsiMeanFilter,
  ibsiSimoncelli,
  ibsiWavelet,
  readNifti,
} from '@tace/imaging';
import { ibsiStatistics } from '@tace/imaging/kernels';

const data = join(import.meta.dirname, '..', '..', 'shared', 'data', 'radiomics', 'ibsi');
const ct = join(data, 'ct_phantom', 'nifti');
const reference = readFileSync(join(data, 'ibsi2_filter_reference_values.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => l.split(';'));

const read = () => [readNifti(join(ct, 'phantom.nii.gz')), readNifti(join(ct, 'mask.nii.gz'))];

const A = { force2D: true };
const CONFIGS = {
  '1.A': ['none', (im) => im],
  '1.B': ['none', (im) => im],
  '2.A': ['mean, support 5, 2D', (im) => ibsiMeanFilter(im, A)],
  '2.B': ['mean, support 5, 3D', (im) => ibsiMeanFilter(im)],
  '3.A': ['LoG, sigma 1.5 mm, 4 sigma, 2D', (im) => ibsiLaplacianOfGaussian(im, 1.5, A)],
  '3.B': ['LoG, sigma 1.5 mm, 4 sigma, 3D', (im) => ibsiLaplacianOfGaussian(im, 1.5)],
  '4.A': [
    'Laws L5E5, rotation invariant (max), energy 7, 2D',
    (im) => ibsiLaws(im, { ...A, kernel: 'L5E5' }),
  ],
  '4.B': ['Laws L5E5E5, rotation invariant (max), energy 7, 3D', (im) => ibsiLaws(im, { kernel: 'L5E5E5' })],
  '5.A': ['Gabor sigma 5 mm, lambda 2 mm, gamma 1.5, pi/8, 2D', (im) => ibsiGabor(im, A)],
  '5.B': ['Gabor sigma 5 mm, lambda 2 mm, gamma 1.5, pi/8, orthogonal planes', (im) => ibsiGabor(im)],
  '6.A': [
    'db3 LH level 1, rotation invariant, 2D',
    (im) => ibsiWavelet(im, { ...A, wavelet: 'db3', band: 'LH', rotationInvariant: true }),
  ],
  '6.B': [
    'db3 LLH level 1, rotation invariant, 3D',
    (im) => ibsiWavelet(im, { wavelet: 'db3', band: 'LLH', rotationInvariant: true }),
  ],
  '7.A': [
    'db3 HH level 2, rotation invariant, 2D',
    (im) => ibsiWavelet(im, { ...A, wavelet: 'db3', band: 'HH', level: 2, rotationInvariant: true }),
  ],
  '7.B': [
    'db3 HHH level 2, rotation invariant, 3D',
    (im) => ibsiWavelet(im, { wavelet: 'db3', band: 'HHH', level: 2, rotationInvariant: true }),
  ],
  '8.A': ['Simoncelli level 1, 2D', (im) => ibsiSimoncelli(im, A)],
  '8.B': ['Simoncelli level 1, 3D, whole grid', (im) => ibsiSimoncelli(im), 'B-full'],
  '9.A': ['Simoncelli level 2, 2D', (im) => ibsiSimoncelli(im, { ...A, level: 2 })],
  '9.B': ['Simoncelli level 2, 3D, whole grid', (im) => ibsiSimoncelli(im, { level: 2 }), 'B-full'],
};

const only = process.argv.slice(2);
const phantoms = {};
let passed = 0;
let run = 0;
for (const [id, [label, filter, grid]] of Object.entries(CONFIGS)) {
  if (only.length > 0 && !only.includes(id)) continue;
  run++;
  const kind = grid ?? (id.endsWith('A') ? 'A' : 'B');
  phantoms[kind] ??= ibsi2Prepare(...read(), kind === 'A' ? 'A' : 'B', { pad: 32, crop: kind !== 'B-full' });
  const phantom = phantoms[kind];
  const started = performance.now();
  const response = filter(phantom.image).data;
  const values = [];
  for (let v = 0; v < phantom.roi.length; v++) if (phantom.roi[v] === 1) values.push(response[v]);
  const stats = ibsiStatistics(Float64Array.from(values));
  const rows = reference.filter((r) => r[0] === id && r[3] !== '');
  const outside = [];
  let worst = 0;
  for (const [, , tag, value, tolerance] of rows) {
    const deviation = Math.abs(stats[tag] - Number(value));
    worst = Math.max(
      worst,
      Number(tolerance) > 0 ? deviation / Number(tolerance) : deviation === 0 ? 0 : Infinity,
    );
    if (!(deviation <= Number(tolerance)))
      outside.push(`${tag} ${stats[tag].toPrecision(4)} vs ${value} +/- ${tolerance}`);
  }
  const pass = outside.length === 0;
  if (pass) passed++;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${id} ${pass ? 'pass' : 'FAIL'} ${rows.length - outside.length}/${rows.length} statistics (largest deviation ${worst.toFixed(2)} x tolerance, ${seconds} s) ${label}${pass ? '' : `: ${outside.join('; ')}`}`,
  );
}
console.log(`${passed}/${run} IBSI 2 configurations within tolerance`);
