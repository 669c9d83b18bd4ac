import type { Column, ColumnTable } from './types.js';

/** True for a name JavaScript treats as an array index ('0', '2019'): plain objects list those first. */
function isArrayIndex(name: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(name) && Number(name) < 4294967295;
}

/**
 * An object with one property per name, listed (by `Object.keys`, `for...in`, spread, `columnNames`) in the
 * order given, whatever the names: `__proto__` is an ordinary own property (the object has no prototype), and
 * integer-like names ('2019', '1') keep their place instead of moving first. Names must be distinct.
 *
 * Plain objects order integer-like keys first, so when a name is integer-like the result is a `Proxy` over the
 * object whose key list follows `names` (columns added later come after them). Such a proxy cannot be passed
 * to `structuredClone` or `postMessage`: copy it with `{ ...table }` first (the copy orders keys as
 * JavaScript does).
 * @example Object.keys(orderedRecord(['gene', '2019', '1'], [a, b, c])) // ['gene', '2019', '1']
 */
export function orderedRecord<T>(names: readonly string[], values: readonly T[]): Record<string, T> {
  const target = Object.create(null) as Record<string, T>;
  for (let j = 0; j < names.length; j++) target[names[j]] = values[j];
  if (!names.some(isArrayIndex)) return target;
  const order = [...names];
  const known = new Set(order);
  return new Proxy(target, {
    ownKeys(object) {
      const extra = Reflect.ownKeys(object).filter((key) => typeof key !== 'string' || !known.has(key));
      return [...order.filter((name) => Object.hasOwn(object, name)), ...extra];
    },
  });
}

/**
 * A {@link ColumnTable} whose columns are listed in the order given (see {@link orderedRecord}): how
 * `readTable` keeps the column order of the file.
 * @example columnNames(orderedTable(['gene', '2020', '2019'], [g, a, b])) // ['gene', '2020', '2019']
 */
export function orderedTable(names: readonly string[], columns: readonly Column[]): ColumnTable {
  return orderedRecord(names, columns);
}
