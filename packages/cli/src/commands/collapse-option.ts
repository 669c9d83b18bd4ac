import { TaceError } from '@tace/core';
import { collapseDuplicateGenes, type DuplicateRule, type ExpressionMatrix } from '@tace/omics';

/** `--collapse <rule>`: resolves duplicated gene rows, or null when the option is absent. */
export function collapseOption(value: string | undefined): DuplicateRule | null {
  if (value === undefined) return null;
  if (value !== 'max-mean' && value !== 'first' && value !== 'mean') {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `--collapse must be max-mean, first or mean, but was '${value}'`,
      {
        param: '--collapse',
      },
    );
  }
  return value;
}

/** Applies `--collapse` and reports the genes merged. */
export function collapseGenes(expression: ExpressionMatrix, rule: DuplicateRule | null): ExpressionMatrix {
  if (rule === null) return expression;
  const { matrix, duplicated } = collapseDuplicateGenes(expression, rule);
  if (duplicated.length > 0) {
    console.error(
      `--collapse ${rule}: ${duplicated.length} duplicated genes merged (${duplicated
        .slice(0, 5)
        .map((d) => `${d.gene} x${d.rows}`)
        .join(', ')}${duplicated.length > 5 ? ', ...' : ''})`,
    );
  }
  return matrix;
}
