import { TaceError } from '@tace/core';

/** Group labels per sample (or per patient), keyed by identifier. */
export type GroupLabels = Record<string, string> | ReadonlyMap<string, string>;

/** Which two labels are compared: `target` minus `reference`. */
export interface GroupChoice {
  /**
   * Label of the group whose difference is reported as positive (e.g. `'high'`).
   * @default 'high' when the labels are low/high, otherwise the second label in sorted order
   */
  target?: string;
  /**
   * Label of the comparison group.
   * @default 'low' when the labels are low/high, otherwise the first label in sorted order
   */
  reference?: string;
}

/** Samples assigned to the two groups. */
export interface ResolvedGroups {
  target: string;
  reference: string;
  /** Per sample: 1 target, 0 reference, -1 not in either group (no label, or another label). */
  membership: Int8Array;
  nTarget: number;
  nReference: number;
}

/** TCGA patient barcode (first three fields) of a sample barcode, or null. */
function tcgaPatient(id: string): string | null {
  const m = /^(TCGA-[A-Z0-9]{2}-[A-Z0-9]{4})/.exec(id);
  return m === null ? null : m[1];
}

/**
 * Joins group labels to samples by identifier: a sample's own id first, then (for TCGA sample barcodes)
 * its patient barcode, so labels fitted per patient (imaging risk groups) reach the tumour samples.
 * @throws {TaceError} `INVALID_ARGUMENT` when the target or reference label is absent or the same;
 *   `EMPTY_INPUT` when a group has fewer than 2 samples.
 */
export function resolveGroups(
  samples: readonly string[],
  labels: GroupLabels,
  choice: GroupChoice = {},
): ResolvedGroups {
  const lookup: ReadonlyMap<string, string> =
    labels instanceof Map ? labels : new Map(Object.entries(labels));
  const perSample = samples.map((id) => {
    const direct = lookup.get(id);
    if (direct !== undefined) return direct;
    const patient = tcgaPatient(id);
    return patient === null ? undefined : lookup.get(patient);
  });
  const present = [...new Set(perSample.filter((l): l is string => l !== undefined))].sort();
  const lowHigh = present.includes('low') && present.includes('high');
  const reference = choice.reference ?? (lowHigh ? 'low' : present[0]);
  const target = choice.target ?? (lowHigh ? 'high' : present.find((l) => l !== reference));
  if (
    target === undefined ||
    reference === undefined ||
    target === reference ||
    !present.includes(target) ||
    !present.includes(reference)
  ) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `need two distinct group labels among the samples, found ${JSON.stringify(present)} (target ${JSON.stringify(target)}, reference ${JSON.stringify(reference)})`,
      {
        param: 'groups',
        remedy: 'label samples (or TCGA patients) with two groups, or set target and reference',
      },
    );
  }
  const membership = Int8Array.from(perSample, (l) => (l === target ? 1 : l === reference ? 0 : -1));
  let nTarget = 0;
  let nReference = 0;
  for (const m of membership) {
    if (m === 1) nTarget++;
    else if (m === 0) nReference++;
  }
  if (nTarget < 2 || nReference < 2) {
    throw new TaceError(
      'EMPTY_INPUT',
      `groups need at least 2 samples each, got ${nTarget} ${target} and ${nReference} ${reference}`,
      {
        param: 'groups',
      },
    );
  }
  return { target, reference, membership, nTarget, nReference };
}
