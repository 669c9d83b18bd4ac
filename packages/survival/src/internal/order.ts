import { orderBy, stableSortBy } from './argsort.js';

/**
 * Indices that sort `time` ascending, within `strata` blocks when given (stable: tied rows keep their
 * input order, as R's `order()`). `timeOrder`, when given, is a stable ascending order of `time` already
 * computed (e.g. by `timeFixOrdered`).
 */
export function orderByTime(time: Float64Array, strata?: Int32Array, timeOrder?: Int32Array): Int32Array {
  let single = true;
  if (strata !== undefined)
    for (let i = 1; i < strata.length && single; i++) single = strata[i] === strata[0];
  if (timeOrder !== undefined) {
    // stable sorts compose: the time order, then stably by stratum
    const order = Int32Array.from(timeOrder);
    if (!single && strata !== undefined) stableSortBy(order, strata);
    return order;
  }
  return single || strata === undefined
    ? orderBy(time.length, [{ key: time }])
    : orderBy(time.length, [{ key: strata }, { key: time }]);
}
