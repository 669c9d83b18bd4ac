// PyRadiomics-compatible features of one CT-like volume with a tumour mask.
//   pnpm run build && node examples/02-radiomics-one-case.mjs [image.nii.gz mask.nii.gz]
// Without arguments a synthetic case is built here: a 64 x 64 x 24 liver-like volume (60 HU, noise) with a
// spherical tumour (95 HU, coarser texture, a necrotic core at 20 HU). With arguments, it reads a NIfTI pair,
// e.g. images/C1-001_arterial.nii.gz and images/C1-001_mask.nii.gz from `tace synth --out cohort`.
import { extractFeatures, readImage } from '@tace/imaging';
import { normalNoise, tumorPhantom } from '@tace/synthetic';

function syntheticCase() {
  // Liver-like volume (60 HU, SD 10) with a 14 mm tumor (95 HU, SD 18) and a 5 mm necrotic core (20 HU).
  return tumorPhantom({
    size: [64, 64, 24],
    spacing: [0.8, 0.8, 2.5],
    center: [32, 30, 12],
    centerSpace: 'index',
    radius: 14,
    closed: false,
    background: 60,
    tumor: 95,
    core: { radius: 5, value: 20 },
    noise: normalNoise(7, { sd: 10, tumorSd: 18 }),
  });
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
