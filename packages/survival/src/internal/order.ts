import { orderBy } from './argsort.js';

/**
 * Indices that sort `time` ascending, within `strata` blocks when given (stable: tied rows keep their
 * input order, as R's `order()`).
 */
export function orderByTime(time: Float64Array, strata?: Int32Array): Int32Array {
  let single = true;
  if (strata !== undefined)
    for (let i = 1; i < strata.length && single; i++) single = strata[i] === strata[0];
  return single || strata === undefined
    ? orderBy(time.length, [{ key: time }])
    : orderBy(time.length, [{ key: strata }, { key: time }]);
}
