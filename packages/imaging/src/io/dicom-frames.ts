import { TaceError } from '@tace/core';
import type { DataSet } from 'dicom-parser';
import { numbers } from './dicom-parse.js';

/** Geometry and rescale of one frame of a DICOM file (a classic slice is one frame). */
export interface FrameGeometry {
  /** 0-based frame index in the file. */
  frame: number;
  /** ImagePositionPatient (mm, LPS). */
  position: number[];
  /** ImageOrientationPatient (row then column direction cosines). */
  orientation: number[];
  /** PixelSpacing (row spacing, column spacing), mm. */
  pixelSpacing: number[];
  /** RescaleSlope. */
  slope: number;
  /** RescaleIntercept. */
  intercept: number;
  /** SliceThickness (mm) when given. */
  thickness: number | undefined;
}

/** The first item's data set of sequence `tag` in `ds`, if any. */
function item(ds: DataSet | undefined, tag: string): DataSet | undefined {
  return ds?.elements[tag]?.items?.[0]?.dataSet;
}

/**
 * Frames of a file: one for a classic image, NumberOfFrames for an enhanced multi-frame image (enhanced CT/MR/
 * PET, SEG), where each frame's position (Plane Position), orientation (Plane Orientation), pixel measures and
 * pixel value transformation come from the Per-frame Functional Groups (5200,9230), falling back to the Shared
 * Functional Groups (5200,9229), then to the top-level attributes.
 * @throws {TaceError} `PARSE_ERROR` naming the file when a multi-frame file gives no position for a frame.
 */
export function frameGeometries(ds: DataSet, path: string): FrameGeometry[] {
  const frames = Math.max(1, ds.intString('x00280008') ?? 1);
  const shared = item(ds, 'x52009229');
  const perFrame = ds.elements.x52009230?.items ?? [];
  const out: FrameGeometry[] = [];
  for (let f = 0; f < frames; f++) {
    const own = perFrame[f]?.dataSet;
    const pick = (sequence: string, tag: string): number[] | null => {
      for (const group of [own, shared]) {
        const inner = item(group, sequence);
        if (inner !== undefined) {
          const value = numbers(inner, tag);
          if (value !== null) return value;
        }
      }
      return numbers(ds, tag);
    };
    const position = pick('x00209113', 'x00200032');
    if (position === null && frames > 1) {
      throw new TaceError('PARSE_ERROR', `${path}: frame ${f + 1} of ${frames} has no ImagePositionPatient`, {
        param: path,
        remedy:
          'the Per-frame Functional Groups lack a Plane Position Sequence; the file cannot be placed in space',
      });
    }
    out.push({
      frame: f,
      position: position ?? [0, 0, 0],
      orientation: pick('x00209116', 'x00200037') ?? [1, 0, 0, 0, 1, 0],
      pixelSpacing: pick('x00289110', 'x00280030') ?? [1, 1],
      slope: pick('x00289145', 'x00281053')?.[0] ?? 1,
      intercept: pick('x00289145', 'x00281052')?.[0] ?? 0,
      thickness: pick('x00289110', 'x00180050')?.[0],
    });
  }
  return out;
}
