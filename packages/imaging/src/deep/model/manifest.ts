import { assertFiniteNumber, assertInteger, assertOneOf, describeValue, TaceError } from '@tace/core';

/** Input layouts: a 3D patch per sample (`NCDHW`) or a 2D / 2.5D slice stack per sample (`NCHW`). */
export type InputLayout = 'NCDHW' | 'NCHW';

/** Intensity normalisation applied after the HU window: z-score or min-max to [0, 1]. */
export type Normalization =
  | { method: 'zscore'; mean: number; std: number }
  | { method: 'minmax'; min: number; max: number };

/**
 * The preprocessing manifest (JSON, `version: 1`) that travels with a model and says how to turn CT phases and
 * a tumour mask into its input tensor. All geometry is in image axis order **[x, y, z]** (as `Image.size` and
 * `Image.spacing`); tensors are row-major with x fastest, i.e. `[N, C, z, y, x]` for NCDHW and
 * `[N, C, y, x]` for NCHW.
 *
 * ```json
 * {
 *   "version": 1,
 *   "model": "tace-cnn-v1",
 *   "layout": "NCDHW",
 *   "phases": ["arterial", "portal-venous"],
 *   "cropSize": [32, 32, 32],
 *   "targetSpacing": [3, 3, 3],
 *   "centre": "centroid",
 *   "slices": 1,
 *   "huWindow": [-100, 300],
 *   "normalisation": { "method": "minmax", "min": -100, "max": 300 },
 *   "padValue": -1024,
 *   "maskLabel": null,
 *   "input": "image",
 *   "outputs": { "embedding": "embedding", "risk": "risk" }
 * }
 * ```
 */
export interface PreprocessingManifest {
  /** Schema version; only 1 exists. */
  version: 1;
  /** Free-text model identifier. */
  model: string;
  /** Tensor layout of the model input. */
  layout: InputLayout;
  /**
   * Contrast phases, in channel order (e.g. `['arterial', 'portal-venous']`). All phases are sampled on the
   * crop grid of the first; the mask lives on the first phase's grid.
   */
  phases: string[];
  /**
   * Crop size in voxels along [x, y, z]. For NCHW, z is the number of adjacent slices per sample (1 = 2D,
   * 3 = 2.5D), so the model has `phases.length * cropSize[2]` channels (phase-major).
   */
  cropSize: [number, number, number];
  /** Voxel spacing of the crop grid in mm along [x, y, z]; every phase is resampled (trilinear) onto it. */
  targetSpacing: [number, number, number];
  /** Crop centre: ROI centre of mass (`'centroid'`) or bounding-box centre (`'bbox'`). */
  center: 'centroid' | 'bbox';
  /** NCHW only: number of samples per patient, the largest-area ROI slices. 1 for NCDHW. */
  slices: number;
  /** HU window [lower, upper]; intensities are clipped to it before normalisation. */
  huWindow: [number, number];
  /** Normalization after clipping. */
  normalization: Normalization;
  /** HU value given to crop voxels outside the volume (before windowing). -1024 is air. */
  padValue: number;
  /** Mask label that forms the ROI; `null` means every non-zero label. */
  maskLabel: number | null;
  /** Model input name; `null` means the model's only input. */
  input: string | null;
  /** Names of the model outputs to read; at least one. */
  outputs: { embedding?: string; risk?: string };
}

/** The manifest of the shipped model `tace-cnn-v1.onnx`: 32^3 crops at 3 mm (a 96 mm field for tumours up to ~9 cm). */
export const TACE_CNN_V1_MANIFEST: PreprocessingManifest = {
  version: 1,
  model: 'tace-cnn-v1',
  layout: 'NCDHW',
  phases: ['arterial', 'portal-venous'],
  cropSize: [32, 32, 32],
  targetSpacing: [3, 3, 3],
  center: 'centroid',
  slices: 1,
  huWindow: [-100, 300],
  normalization: { method: 'minmax', min: -100, max: 300 },
  padValue: -1024,
  maskLabel: null,
  input: 'image',
  outputs: { embedding: 'embedding', risk: 'risk' },
};

/**
 * Validates a parsed manifest (e.g. `JSON.parse` of a `.preprocessing.json`) and fills the optional fields
 * `model` (''), `centre` ('centroid'), `slices` (1), `padValue` (-1024), `maskLabel` (null), `input` (null).
 *
 * @param source - file name for messages.
 * @throws {TaceError} `MODEL_ERROR` naming the bad field; `UNSUPPORTED` for a version other than 1.
 * @example
 * ```ts
 * const manifest = parseManifest(JSON.parse(readFileSync('m.preprocessing.json', 'utf8')));
 * ```
 */
export function parseManifest(value: unknown, source = 'manifest'): PreprocessingManifest {
  const bad = (field: string, why: string): TaceError =>
    new TaceError('MODEL_ERROR', `${source}: ${field} ${why}`, {
      param: field,
      remedy: 'see the PreprocessingManifest documentation for the schema',
    });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad('manifest', 'is not a JSON object');
  const m = value as Record<string, unknown>;
  if (m.version !== 1) {
    throw new TaceError(
      'UNSUPPORTED',
      `${source}: manifest version ${describeValue(m.version)} is not supported`,
      {
        param: 'version',
        remedy: 'write "version": 1',
      },
    );
  }
  const guard = (field: string, check: () => void): void => {
    try {
      check();
    } catch (error) {
      throw bad(field, (error as Error).message.replace(/^\[[^\]]*\] /, 'invalid: '));
    }
  };
  guard('layout', () => assertOneOf(m.layout, 'layout', ['NCDHW', 'NCHW'] as const));
  if (
    !Array.isArray(m.phases) ||
    m.phases.length === 0 ||
    m.phases.some((p) => typeof p !== 'string' || p === '')
  ) {
    throw bad('phases', `must be a non-empty array of phase names, but was ${describeValue(m.phases)}`);
  }
  if (new Set(m.phases).size !== m.phases.length) throw bad('phases', 'has duplicate names');
  const triple = (field: string, integer: boolean): [number, number, number] => {
    const v = m[field];
    if (!Array.isArray(v) || v.length !== 3)
      throw bad(field, `must be [x, y, z], but was ${describeValue(v)}`);
    guard(field, () => {
      for (let i = 0; i < 3; i++) {
        if (integer) assertInteger(v[i], `${field}[${i}]`, 1);
        else assertFiniteNumber(v[i], `${field}[${i}]`);
      }
    });
    if (!integer && v.some((x) => x <= 0)) throw bad(field, `must be positive, but was [${v.join(', ')}]`);
    return [v[0], v[1], v[2]];
  };
  const cropSize = triple('cropSize', true);
  const targetSpacing = triple('targetSpacing', false);
  // 0.1 manifests spelt `centre` and `normalisation`; both spellings are read.
  const center = m.center ?? m.centre ?? 'centroid';
  guard('center', () => assertOneOf(center, 'center', ['centroid', 'bbox'] as const));
  const slices = m.slices ?? 1;
  guard('slices', () => assertInteger(slices, 'slices', 1));
  if (m.layout === 'NCDHW' && slices !== 1) throw bad('slices', `must be 1 for NCDHW, but was ${slices}`);
  const window = m.huWindow;
  if (
    !Array.isArray(window) ||
    window.length !== 2 ||
    !window.every(Number.isFinite) ||
    !(window[0] < window[1])
  ) {
    throw bad('huWindow', `must be [lower, upper] with lower < upper, but was ${describeValue(window)}`);
  }
  const normalization = parseNormalization(m.normalization ?? m.normalisation, bad);
  const padValue = m.padValue ?? -1024;
  guard('padValue', () => assertFiniteNumber(padValue, 'padValue'));
  const maskLabel = m.maskLabel ?? null;
  if (maskLabel !== null) guard('maskLabel', () => assertInteger(maskLabel, 'maskLabel', 1));
  const input = m.input ?? null;
  if (input !== null && typeof input !== 'string')
    throw bad('input', `must be a name or null, but was ${describeValue(input)}`);
  const outputs = m.outputs as Record<string, unknown> | undefined;
  if (typeof outputs !== 'object' || outputs === null)
    throw bad('outputs', 'must be an object { embedding?, risk? }');
  for (const key of ['embedding', 'risk']) {
    if (outputs[key] !== undefined && typeof outputs[key] !== 'string')
      throw bad(`outputs.${key}`, 'must be a name');
  }
  if (outputs.embedding === undefined && outputs.risk === undefined) {
    throw bad('outputs', 'must name an embedding and/or a risk output');
  }
  return {
    version: 1,
    model: typeof m.model === 'string' ? m.model : '',
    layout: m.layout as InputLayout,
    phases: [...(m.phases as string[])],
    cropSize,
    targetSpacing,
    center: center as 'centroid' | 'bbox',
    slices: slices as number,
    huWindow: [window[0], window[1]],
    normalization,
    padValue: padValue as number,
    maskLabel: maskLabel as number | null,
    input: input as string | null,
    outputs: {
      ...(outputs.embedding === undefined ? {} : { embedding: outputs.embedding as string }),
      ...(outputs.risk === undefined ? {} : { risk: outputs.risk as string }),
    },
  };
}

function parseNormalization(value: unknown, bad: (field: string, why: string) => TaceError): Normalization {
  const n = value as Record<string, unknown> | undefined;
  if (typeof n !== 'object' || n === null) throw bad('normalization', 'must be { method, ... }');
  if (n.method === 'zscore') {
    if (!Number.isFinite(n.mean) || !Number.isFinite(n.std) || !((n.std as number) > 0)) {
      throw bad('normalization', 'zscore needs a finite mean and a positive std');
    }
    return { method: 'zscore', mean: n.mean as number, std: n.std as number };
  }
  if (n.method === 'minmax') {
    if (!Number.isFinite(n.min) || !Number.isFinite(n.max) || !((n.min as number) < (n.max as number))) {
      throw bad('normalization', 'minmax needs finite min < max');
    }
    return { method: 'minmax', min: n.min as number, max: n.max as number };
  }
  throw bad('normalization.method', `must be 'zscore' or 'minmax', but was ${describeValue(n.method)}`);
}

/** Number of input channels the manifest implies: phases (NCDHW) or phases x slices per sample (NCHW). */
export function manifestChannels(manifest: PreprocessingManifest): number {
  return manifest.layout === 'NCDHW' ? manifest.phases.length : manifest.phases.length * manifest.cropSize[2];
}

/** Input tensor shape of one sample, without the batch dimension: [C, z, y, x] or [C, y, x]. */
export function manifestSampleShape(manifest: PreprocessingManifest): number[] {
  const [x, y, z] = manifest.cropSize;
  const c = manifestChannels(manifest);
  return manifest.layout === 'NCDHW' ? [c, z, y, x] : [c, y, x];
}
