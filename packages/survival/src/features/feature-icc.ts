import { TaceError } from '@tace/core';
import { columnLabel, type DesignInput, toDesignMatrix } from '../penalized/design-matrix.js';
import { type IccOptions, icc } from './icc.js';

/** Per-feature ICCs of {@link featureIcc}. */
export interface FeatureIccResult {
  columnNames: string[];
  value: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * ICC of every feature across repeated measurements of the same subjects: `sessions[k]` is the
 * subjects x features matrix of reader / scan / segmentation k (same subjects, same feature order). The
 * usual stability filter keeps features whose ICC (or its lower bound) is at least 0.75.
 * @throws {TaceError} `INVALID_ARGUMENT` for fewer than 2 sessions or sessions of different shapes.
 * @example featureIcc([reader1, reader2], { type: 'ICC2' }).value
 */
export function featureIcc(sessions: readonly DesignInput[], options: IccOptions = {}): FeatureIccResult {
  if (sessions.length < 2) {
    throw new TaceError('INVALID_ARGUMENT', `featureIcc needs at least 2 sessions, got ${sessions.length}`, {
      param: 'sessions',
    });
  }
  const matrices = sessions.map((s, k) => toDesignMatrix(s, `sessions[${k}]`));
  const { rows: n, columns: p } = matrices[0];
  matrices.forEach((m, k) => {
    if (m.rows !== n || m.columns !== p) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `sessions[${k}] is ${m.rows} x ${m.columns}, sessions[0] is ${n} x ${p}`,
        {
          param: 'sessions',
          remedy: 'give every session the same subjects (rows) and features (columns) in the same order',
        },
      );
    }
  });
  const k = matrices.length;
  const value = new Float64Array(p);
  const lower = new Float64Array(p);
  const upper = new Float64Array(p);
  const ratings = new Float64Array(n * k);
  for (let j = 0; j < p; j++) {
    for (let r = 0; r < k; r++) ratings.set(matrices[r].data.subarray(j * n, (j + 1) * n), r * n);
    const out = icc({ data: ratings, rows: n, columns: k }, options);
    value[j] = out.value;
    lower[j] = out.lower;
    upper[j] = out.upper;
  }
  return {
    columnNames: Array.from({ length: p }, (_, j) => columnLabel(matrices[0], j)),
    value,
    lower,
    upper,
  };
}
