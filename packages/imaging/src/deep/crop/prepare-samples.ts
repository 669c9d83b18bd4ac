import { TaceError } from '@tace/core';
import type { Image } from '../../image/types.js';
import type { PreprocessingManifest } from '../model/manifest.js';
import { windowAndNormalize } from './intensity.js';
import { sliceStack2d } from './slice-stack-2d.js';
import { cropPhases } from './tumor-crop-3d.js';

/** One patient's images: CT phases by name (as the manifest names them) and the tumour mask (first phase's grid). */
export interface PatientImages {
  phases: Readonly<Record<string, Image>>;
  mask: Image;
}

/** Model-ready samples of one patient. */
export interface PreparedSamples {
  /** Number of samples (1 for NCDHW; the chosen slices for NCHW). */
  samples: number;
  /** `[samples, ...manifestSampleShape(manifest)]`, row-major, windowed and normalised. */
  data: Float32Array;
}

/**
 * Turns one patient's phases and mask into model input as the manifest says: picks the phases in manifest
 * order, crops them on one grid (3D patch for NCDHW, largest-area slice stacks for NCHW) at the target
 * spacing, clips to the HU window and normalises.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when a phase named by the manifest is missing; the errors of
 * {@link cropPhases} / {@link sliceStack2d} otherwise.
 * @example
 * ```ts
 * const { data, samples } = prepareSamples({ phases: { arterial, 'portal-venous': pv }, mask }, TACE_CNN_V1_MANIFEST);
 * ```
 */
export function prepareSamples(images: PatientImages, manifest: PreprocessingManifest): PreparedSamples {
  const list = manifest.phases.map((name) => {
    const image = images.phases[name];
    if (image === undefined) {
      const have = Object.keys(images.phases).map((p) => `'${p}'`);
      throw new TaceError(
        'INVALID_ARGUMENT',
        `phase '${name}' is missing (have ${have.join(', ') || 'none'})`,
        {
          param: `phases.${name}`,
          remedy: `provide every phase the model expects: ${manifest.phases.join(', ')}`,
        },
      );
    }
    return image;
  });
  const options = {
    size: manifest.cropSize,
    spacing: manifest.targetSpacing,
    center: manifest.center,
    padValue: manifest.padValue,
    label: manifest.maskLabel,
  };
  const crops =
    manifest.layout === 'NCDHW'
      ? { samples: 1, data: cropPhases(list, images.mask, options).data }
      : sliceStack2d(list, images.mask, { ...options, slices: manifest.slices });
  windowAndNormalize(crops.data, manifest.huWindow, manifest.normalization);
  return { samples: crops.samples, data: crops.data };
}
