// PyRadiomics-compatible features of one CT-like volume with a tumour mask.
//   pnpm run build && node examples/02-radiomics-one-case.mjs [image.nii.gz mask.nii.gz]
// Without arguments a synthetic case is built here: a 64 x 64 x 24 liver-like volume (60 HU, noise) with a
// spherical tumour (95 HU, coarser texture, a necrotic core at 20 HU). With arguments, it reads a NIfTI pair,
// e.g. images/C1-001_arterial.nii.gz and images/C1-001_mask.nii.gz from `tace synth --out cohort`.
import { createRng, randomNormal } from '@tace/core';
import { extractFeatures, IDENTITY_DIRECTION, readImage } from '@tace/imaging';

function syntheticCase() {
  const size = [64, 64, 24];
  const spacing = [0.8, 0.8, 2.5];
  const rng = createRng(7);
  const data = new Float32Array(size[0] * size[1] * size[2]);
  const labels = new Uint8Array(data.length);
  const centre = [32, 30, 12];
  for (let k = 0, v = 0; k < size[2]; k++) {
    for (let j = 0; j < size[1]; j++) {
      for (let i = 0; i < size[0]; i++, v++) {
        const r = Math.hypot(
          (i - centre[0]) * spacing[0],
          (j - centre[1]) * spacing[1],
          (k - centre[2]) * spacing[2],
        );
        const inTumour = r < 14;
        labels[v] = inTumour ? 1 : 0;
        const mean = inTumour ? (r < 5 ? 20 : 95) : 60;
        data[v] = mean + randomNormal(rng, 0, inTumour ? 18 : 10);
      }
    }
  }
  const geometry = { size, spacing, origin: [0, 0, 0], direction: IDENTITY_DIRECTION };
  return { image: { data, ...geometry }, mask: { data: labels, ...geometry } };
}

const [imagePath, maskPath] = process.argv.slice(2);
const { image, mask } =
  imagePath && maskPath ? { image: readImage(imagePath), mask: readImage(maskPath) } : syntheticCase();

// PyRadiomics parameter-file keys: bin width 25 HU, label 1, the original image, every default class.
const { features } = extractFeatures(image, mask, {
  setting: { binWidth: 25, label: 1 },
  imageType: { Original: {} },
});
const names = Object.keys(features);
console.log(`${names.length} features`);
for (const name of [
  'original_shape_MeshVolume',
  'original_shape_Sphericity',
  'original_firstorder_Mean',
  'original_firstorder_Entropy',
  'original_glcm_Contrast',
  'original_glrlm_RunLengthNonUniformity',
  'original_glszm_ZoneEntropy',
]) {
  if (name in features) console.log(`${name.padEnd(40)} ${Number(features[name]).toPrecision(6)}`);
}
