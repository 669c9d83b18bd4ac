import { TaceError } from '@tace/core';
import { IBSI_GLDZM_FEATURES } from '../features/gldzm/gldzm.js';
import {
  IBSI_INTENSITY_HISTOGRAM_FEATURES,
  ibsiIntensityHistogram,
} from '../features/intensity-histogram/intensity-histogram.js';
import {
  IBSI_INTENSITY_VOLUME_FEATURES,
  ibsiIntensityVolumeHistogram,
} from '../features/intensity-histogram/intensity-volume-histogram.js';
import {
  IBSI_LOCAL_INTENSITY_FEATURES,
  ibsiLocalIntensity,
} from '../features/local-intensity/local-intensity.js';
import { IBSI_MORPHOLOGY_FEATURES, ibsiMorphology } from '../features/morphology/morphology.js';
import { ibsiGldzmFeatures } from './gldzm-aggregation.js';
import type { IbsiPrepared } from './prepare.js';

/** The IBSI 1 families of {@link ibsiRoiFamilies}. */
export type IbsiRoiFamily =
  | 'morphology'
  | 'localIntensity'
  | 'intensityHistogram'
  | 'intensityVolume'
  | 'gldzm';

/** One IBSI feature value of {@link ibsiRoiFamilies}. */
export interface IbsiRoiFeature {
  /** IBSI family. */
  family: IbsiRoiFamily;
  /** IBSI feature name (`Volume at intensity fraction (V10)`: the IVH parameter in brackets). */
  name: string;
  /** Four-character IBSI code. */
  code: string;
  /** Aggregation for GLDZM (`3D`, `2D`, `2.5D`), else `''`. */
  aggregation: string;
  /** The value. */
  value: number;
}

/**
 * Discretisation of the intensity-volume histogram (IBSI 1, table 5.1 for the CT phantom: A, B, D `none`
 * (integer HU), C a bin size of 2.5 HU, E 1000 bins).
 */
export type IvhDiscretization = { binWidth: number } | { binCount: number } | 'none';

/** Options of {@link ibsiRoiFamilies}. */
export interface IbsiRoiFamilyOptions {
  /** Families to compute. @default all five */
  families?: readonly IbsiRoiFamily[];
  /** GLDZM aggregations. @default ['3D'] */
  gldzmAggregations?: readonly ('3D' | '2D' | '2.5D')[];
  /** IVH discretisation. @default 'none' */
  ivh?: IvhDiscretization;
  /** Resegmentation range of the preparation (bounds the IVH fractions with a fixed bin size). @default null */
  range?: readonly [number, number] | null;
}

/**
 * The IBSI 1 families beyond statistics and the GLCM..NGTDM texture families, on a ROI prepared by
 * `ibsiPrepare`: morphology (on the morphological mask, intensities of the intensity mask), local intensity
 * (peaks over the whole interpolated image), intensity histogram (the discretised levels, `Ng` of the
 * preparation), intensity-volume histogram (its own discretisation, `ivh`) and GLDZM (distances on the
 * morphological mask). Reproduces the IBSI 1 reference values of the digital phantom and of the CT phantom's
 * configurations A-E within tolerance (README).
 * @throws {TaceError} `INVALID_ARGUMENT` for a bad IVH discretisation; see the family functions.
 * @example ibsiRoiFamilies(ibsiPrepare(ct, mask, { spacing: [2, 2, 2], range: [-1000, 400], binWidth: 25 }), { ivh: { binWidth: 2.5 }, range: [-1000, 400] })
 */
export function ibsiRoiFamilies(
  prepared: IbsiPrepared,
  options: IbsiRoiFamilyOptions = {},
): IbsiRoiFeature[] {
  const families = new Set(
    options.families ?? ['morphology', 'localIntensity', 'intensityHistogram', 'intensityVolume', 'gldzm'],
  );
  const { image, roi, morphologicalMask, grid, nLevels } = prepared;
  const out: IbsiRoiFeature[] = [];
  const push = (
    family: IbsiRoiFamily,
    list: readonly { name: string; code: string }[],
    values: Record<string, number>,
    aggregation = '',
  ) => {
    for (const f of list)
      out.push({ family, name: f.name, code: f.code, aggregation, value: values[f.code]! });
  };
  if (families.has('morphology')) {
    push(
      'morphology',
      IBSI_MORPHOLOGY_FEATURES,
      ibsiMorphology(image.data, roi, morphologicalMask, image.size, image.spacing),
    );
  }
  if (families.has('localIntensity')) {
    push(
      'localIntensity',
      IBSI_LOCAL_INTENSITY_FEATURES,
      ibsiLocalIntensity(image.data, roi, image.size, image.spacing),
    );
  }
  if (families.has('intensityHistogram')) {
    push(
      'intensityHistogram',
      IBSI_INTENSITY_HISTOGRAM_FEATURES,
      ibsiIntensityHistogram(grid.grayLevels, nLevels),
    );
  }
  if (families.has('intensityVolume')) {
    const values = ivhValues(image.data, roi, options.ivh ?? 'none', options.range ?? null);
    const ivh = ibsiIntensityVolumeHistogram(values.values, values.grid);
    for (const f of IBSI_INTENSITY_VOLUME_FEATURES) {
      const name = f.key.length === 3 ? `${f.name} (${f.key})` : f.name;
      out.push({ family: 'intensityVolume', name, code: f.code, aggregation: '', value: ivh[f.key]! });
    }
  }
  if (families.has('gldzm')) {
    for (const aggregation of options.gldzmAggregations ?? ['3D']) {
      push(
        'gldzm',
        IBSI_GLDZM_FEATURES,
        ibsiGldzmFeatures(grid, aggregation, { nLevels, distanceMask: morphologicalMask }),
        aggregation,
      );
    }
  }
  return out;
}

/** ROI values and intensity grid of the IVH for a discretisation. */
function ivhValues(
  data: ArrayLike<number>,
  roi: Uint8Array,
  discretization: IvhDiscretization,
  range: readonly [number, number] | null,
) {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let v = 0; v < roi.length; v++) {
    if (roi[v] === 0) continue;
    n++;
    if (data[v]! < min) min = data[v]!;
    if (data[v]! > max) max = data[v]!;
  }
  const raw = new Float64Array(n);
  for (let v = 0, k = 0; v < roi.length; v++) if (roi[v] !== 0) raw[k++] = data[v]!;
  if (discretization === 'none') return { values: raw, grid: { min, max, step: 1 } };
  if ('binCount' in discretization) {
    const bins = discretization.binCount;
    if (!(Number.isInteger(bins) && bins >= 2)) {
      throw new TaceError('INVALID_ARGUMENT', `ivh binCount must be an integer >= 2, but was ${bins}`, {
        param: 'ivh',
      });
    }
    const values = raw.map((x) =>
      max === min ? 1 : Math.min(bins, Math.floor((bins * (x - min)) / (max - min)) + 1),
    );
    return { values, grid: { min: 1, max: bins, step: 1 } };
  }
  const w = discretization.binWidth;
  if (!(w > 0))
    throw new TaceError('INVALID_ARGUMENT', `ivh binWidth must be > 0, but was ${w}`, { param: 'ivh' });
  // bin centres from the lower bound; the fractions span the range's bins (or the ROI's)
  const lower = range?.[0] ?? min;
  const centre = (x: number) => lower + (Math.floor((x - lower) / w) + 0.5) * w;
  const values = raw.map(centre);
  const top = range !== null ? range[1] - w / 2 : centre(max);
  return { values, grid: { min: lower + w / 2, max: Math.max(top, lower + 1.5 * w), step: w } };
}
