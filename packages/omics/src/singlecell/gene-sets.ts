import { TaceError } from '@tace/core';

/** Gene sets resolved to column indices, with the genes that were not found. */
export interface ResolvedGeneSets {
  names: string[];
  columns: Int32Array[];
  missing: Record<string, string[]>;
}

/**
 * Resolves each set's genes (duplicates dropped) to column positions in `varNames`.
 * @throws {TaceError} `EMPTY_INPUT` when a set has no gene in `varNames`.
 */
export function resolveGeneSets(
  varNames: readonly string[],
  geneSets: Readonly<Record<string, readonly string[]>>,
): ResolvedGeneSets {
  const position = new Map<string, number>();
  varNames.forEach((g, i) => {
    if (!position.has(g)) position.set(g, i);
  });
  const names = Object.keys(geneSets);
  const missing: Record<string, string[]> = {};
  const columns = names.map((name) => {
    const unique = [...new Set(geneSets[name])];
    missing[name] = unique.filter((g) => !position.has(g));
    const found = unique.filter((g) => position.has(g)).map((g) => position.get(g)!);
    if (found.length === 0)
      throw new TaceError('EMPTY_INPUT', `no gene of set '${name}' is in var_names`, {
        param: 'geneSets',
        remedy: 'check gene symbols (and aliases) against the matrix var names',
      });
    return Int32Array.from(found);
  });
  return { names, columns, missing };
}
