import { readFileSync } from 'node:fs';
import { assertOneOf, TaceError } from '@tace/core';
import { parse as parseYaml } from 'yaml';
import { IBSI_AGGREGATION_SETTINGS } from '../ibsi/settings.js';
import { assertBinCount } from '../preprocess/discretize.js';
import { DEFAULT_SETTINGS, type ExtractionSettings } from '../settings.js';

/**
 * The content of a PyRadiomics parameter file: `setting`, `imageType` (with per-type custom settings) and
 * `featureClass` (class -> list of feature names, or null/[] for the class defaults).
 */
export interface ExtractionParameters {
  /** Extraction settings (PyRadiomics keys). Missing keys take PyRadiomics' defaults. */
  setting?: Partial<ExtractionSettings> & Record<string, unknown>;
  /** Enabled image types with custom settings, e.g. `{ Original: {}, LoG: { sigma: [1, 3] } }`. @default { Original: {} } */
  imageType?: Record<string, Record<string, unknown> | null>;
  /** Enabled feature classes and features, e.g. `{ firstorder: [], shape: ['Sphericity'] }`. @default every registered class */
  featureClass?: Record<string, string[] | null>;
}

const INTERPOLATORS: Record<string, ExtractionSettings['interpolator']> = {
  sitknearestneighbor: 'sitkNearestNeighbor',
  nearestneighbor: 'sitkNearestNeighbor',
  nearest: 'sitkNearestNeighbor',
  sitklinear: 'sitkLinear',
  linear: 'sitkLinear',
  sitkbspline: 'sitkBSpline',
  bspline: 'sitkBSpline',
};

/** PyRadiomics' integer codes of SimpleITK interpolators. */
const INTERPOLATOR_CODES: Record<number, ExtractionSettings['interpolator']> = {
  1: 'sitkNearestNeighbor',
  2: 'sitkLinear',
  3: 'sitkBSpline',
};

/**
 * Keys of PyRadiomics' parameter schema (`paramSchema.yaml`, `setting` and `voxelSetting`) that
 * {@link ExtractionSettings} does not type: accepted and kept in `extra` (read by the image types that use
 * them, e.g. `gradientUseSpacing`).
 */
export const PYRADIOMICS_EXTRA_SETTINGS: readonly string[] = Object.freeze([
  'enableCExtensions',
  'gradientUseSpacing',
  'lbp2DRadius',
  'lbp2DSamples',
  'lbp2DMethod',
  'lbp3DLevels',
  'lbp3DIcosphereRadius',
  'lbp3DIcosphereSubdivision',
  'label_channel',
  'dtype',
  'kernelRadius',
  'maskedKernel',
  'initValue',
  'voxelBatch',
]);

/** Levenshtein distance, case-insensitive (for "did you mean"). */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** The known setting nearest to `key` (case-insensitive edit distance), or null when none is close. */
function nearestSetting(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let distance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key, candidate);
    if (d < distance) {
      best = candidate;
      distance = d;
    }
  }
  return distance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/**
 * Fills a partial settings object with PyRadiomics' defaults, validating every key and value. A key that is
 * neither an {@link ExtractionSettings} key nor one of {@link PYRADIOMICS_EXTRA_SETTINGS} is an error naming
 * the nearest known key (a mistyped `binwidth` would otherwise be ignored silently); put keys for a custom
 * class under `extra: { ... }` to pass them through. Interpolators may be given as SimpleITK names or their
 * integer codes.
 * @throws {TaceError} `INVALID_ARGUMENT` for an unknown key or a bad value (quoting it), a `binCount` above
 *   `maxGrayLevels`.
 * @example resolveSettings({ binWidth: 10, resampledPixelSpacing: [1, 1, 1] })
 */
export function resolveSettings(partial: Record<string, unknown> = {}): ExtractionSettings {
  const out: ExtractionSettings = { ...DEFAULT_SETTINGS, extra: {} };
  const target = out as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    if (key === 'interpolator') {
      if (value === null) continue;
      const name =
        typeof value === 'number' ? INTERPOLATOR_CODES[value] : INTERPOLATORS[String(value).toLowerCase()];
      if (name === undefined) {
        throw new TaceError('INVALID_ARGUMENT', `interpolator ${JSON.stringify(value)} is not supported`, {
          param: 'interpolator',
          remedy: "use 'sitkNearestNeighbor', 'sitkLinear' or 'sitkBSpline'",
        });
      }
      out.interpolator = name;
    } else if (key === 'ibsiAggregation') {
      if (value === null) continue;
      out.ibsiAggregation = (
        Array.isArray(value) ? [...value] : [value]
      ) as ExtractionSettings['ibsiAggregation'];
    } else if (key === 'ibsiIvh') {
      if (value !== null) out.ibsiIvh = value as ExtractionSettings['ibsiIvh']; // validated below
    } else if (key === 'extra') {
      Object.assign(out.extra, value as object);
    } else if (key in DEFAULT_SETTINGS) {
      const expected = DEFAULT_SETTINGS[key as keyof ExtractionSettings];
      const ok =
        value === null ||
        expected === null ||
        typeof expected === typeof value ||
        (Array.isArray(expected) && Array.isArray(value));
      if (!ok) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `setting ${key} has the wrong type: ${JSON.stringify(value)}`,
          {
            param: key,
          },
        );
      }
      target[key] = value;
    } else if (PYRADIOMICS_EXTRA_SETTINGS.includes(key)) {
      out.extra[key] = value;
    } else {
      const known = [
        ...Object.keys(DEFAULT_SETTINGS).filter((k) => k !== 'extra'),
        ...PYRADIOMICS_EXTRA_SETTINGS,
      ];
      const nearest = nearestSetting(key, known);
      throw new TaceError(
        'INVALID_ARGUMENT',
        `unknown setting "${key}"${nearest === null ? '' : `; did you mean "${nearest}"?`}`,
        {
          param: key,
          remedy:
            nearest === null
              ? `use a PyRadiomics setting (${known.slice(0, 8).join(', ')}, ...) or pass custom keys under extra: { ... }`
              : `rename it to ${nearest}; keys a custom class reads go under extra: { ... }`,
        },
      );
    }
  }
  if (out.resampledPixelSpacing !== null && out.resampledPixelSpacing.length !== 3) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `resampledPixelSpacing must have 3 values, but had ${out.resampledPixelSpacing.length}`,
      {
        param: 'resampledPixelSpacing',
      },
    );
  }
  const numberList = (key: 'resampledPixelSpacing' | 'resegmentRange' | 'distances' | 'sigma') => {
    const value = out[key];
    if (
      value !== null &&
      (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    ) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `setting ${key} must be a list of numbers, but was ${JSON.stringify(value)}`,
        {
          param: key,
        },
      );
    }
  };
  numberList('resampledPixelSpacing');
  numberList('resegmentRange');
  numberList('distances');
  numberList('sigma');
  if (out.resampledPixelSpacing?.some((v) => v < 0)) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `resampledPixelSpacing must be >= 0 mm (0 keeps an axis), but was ${JSON.stringify(out.resampledPixelSpacing)}`,
      { param: 'resampledPixelSpacing' },
    );
  }
  for (const key of ['maxVoxels', 'maxGrayLevels'] as const) {
    const value = out[key];
    if (typeof value !== 'number' || !(value >= 1)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `setting ${key} must be a number >= 1, but was ${JSON.stringify(value)}`,
        {
          param: key,
        },
      );
    }
  }
  for (const key of ['binCount', 'minimumROISize', 'removeOutliers'] as const) {
    const value = out[key];
    if (value !== null && (typeof value !== 'number' || !(value > 0))) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `setting ${key} must be a positive number or null, but was ${JSON.stringify(value)}`,
        {
          param: key,
        },
      );
    }
  }
  if (out.binCount !== null && !Number.isInteger(out.binCount)) {
    throw new TaceError('INVALID_ARGUMENT', `setting binCount must be an integer, but was ${out.binCount}`, {
      param: 'binCount',
    });
  }
  if (out.binCount !== null) assertBinCount(out.binCount, out.maxGrayLevels);
  if (!['absolute', 'relative', 'sigma'].includes(out.resegmentMode)) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `resegmentMode must be absolute, relative or sigma, but was ${JSON.stringify(out.resegmentMode)}`,
      {
        param: 'resegmentMode',
      },
    );
  }
  if (![0, 1, 2].includes(out.force2Ddimension)) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `force2Ddimension must be 0, 1 or 2, but was ${out.force2Ddimension}`,
      {
        param: 'force2Ddimension',
      },
    );
  }
  assertOneOf(out.compliance, 'compliance', ['pyradiomics', 'ibsi'] as const);
  assertOneOf(out.nanVoxels, 'nanVoxels', ['error', 'exclude'] as const);
  if (out.ibsiAggregation.length === 0) {
    throw new TaceError('INVALID_ARGUMENT', 'ibsiAggregation must name at least one aggregation method', {
      param: 'ibsiAggregation',
      remedy: `use one or more of ${IBSI_AGGREGATION_SETTINGS.join(', ')}`,
    });
  }
  for (const aggregation of out.ibsiAggregation) {
    assertOneOf(aggregation, 'ibsiAggregation', IBSI_AGGREGATION_SETTINGS);
  }
  if (
    out.ibsiOutlierSigma !== null &&
    !(typeof out.ibsiOutlierSigma === 'number' && out.ibsiOutlierSigma > 0)
  ) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `setting ibsiOutlierSigma must be a positive number or null, but was ${JSON.stringify(out.ibsiOutlierSigma)}`,
      { param: 'ibsiOutlierSigma' },
    );
  }
  const ivh = out.ibsiIvh as unknown;
  const ivhValid =
    ivh === 'none' ||
    (typeof ivh === 'object' &&
      ivh !== null &&
      Object.keys(ivh).length === 1 &&
      (('binWidth' in ivh && typeof ivh.binWidth === 'number' && ivh.binWidth > 0) ||
        ('binCount' in ivh && Number.isInteger(ivh.binCount) && (ivh.binCount as number) >= 2)));
  if (!ivhValid) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `setting ibsiIvh must be 'none', { binWidth: w > 0 } or { binCount: n >= 2 }, but was ${JSON.stringify(ivh)}`,
      { param: 'ibsiIvh' },
    );
  }
  if (!(out.binWidth > 0)) {
    throw new TaceError('INVALID_ARGUMENT', `binWidth must be > 0, but was ${out.binWidth}`, {
      param: 'binWidth',
    });
  }
  return out;
}

/**
 * Reads a PyRadiomics parameter file (YAML, or JSON by extension/content).
 * @throws {TaceError} `IO_ERROR` if unreadable, `PARSE_ERROR` if not a mapping with known sections.
 * @example const params = readParameterFile('Params.yaml'); extractFeatures(ct, mask, params);
 */
export function readParameterFile(path: string): ExtractionParameters {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot read parameter file ${path}`, { param: path, cause });
  }
  return parseParameters(text, path);
}

/**
 * Parses the text of a parameter file (YAML is a superset of JSON). The `setting:` block takes PyRadiomics'
 * keys and this toolkit's own (`compliance: ibsi`, `ibsiAggregation: [3D_merged]`, `ibsiOutlierSigma`,
 * `ibsiRoundIntensities`, `nanVoxels: exclude`; see `ExtractionSettings`); they are validated by
 * {@link resolveSettings} when extraction starts.
 * @throws {TaceError} `PARSE_ERROR` for invalid YAML/JSON or an unknown section.
 * @example parseParameters('setting:\n  compliance: ibsi\n  binWidth: 25\n')
 */
export function parseParameters(text: string, source = 'parameters'): ExtractionParameters {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (cause) {
    throw new TaceError('PARSE_ERROR', `${source}: not valid YAML/JSON (${(cause as Error).message})`, {
      param: source,
      cause,
    });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: a parameter file must be a mapping with setting/imageType/featureClass`,
    );
  }
  const known = new Set(['setting', 'imageType', 'featureClass', 'voxelSetting']);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) {
      throw new TaceError('PARSE_ERROR', `${source}: unknown section "${key}"`, {
        remedy: 'use the PyRadiomics sections setting, imageType and featureClass',
      });
    }
  }
  const v = value as Record<string, unknown>;
  return {
    ...(v.setting ? { setting: v.setting as ExtractionParameters['setting'] } : {}),
    ...(v.imageType ? { imageType: v.imageType as ExtractionParameters['imageType'] } : {}),
    ...(v.featureClass ? { featureClass: v.featureClass as ExtractionParameters['featureClass'] } : {}),
  };
}
