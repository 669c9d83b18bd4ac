import { designFromTable } from '@tace/survival';
import { selectColumns, toDesignMatrix } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';

describe('designFromTable / toDesignMatrix', () => {
  const table = { id: ['a', 'b', 'c'], f1: [1, 2, 3], f2: [0.5, null, 1.5], grade: ['G1', 'G2', 'G1'] };

  it('builds a column-major matrix of the named columns, omitting incomplete rows when asked', () => {
    const out = designFromTable(table, ['f1', 'f2'], { missing: 'omit' });
    expect(Array.from(out.matrix.data)).toEqual([1, 3, 0.5, 1.5]);
    expect(Array.from(out.rows)).toEqual([0, 2]);
    expect(out.omitted).toBe(1);
    expect(out.matrix.columnNames).toEqual(['f1', 'f2']);
  });

  it('missing values (default policy), absent and non-numeric columns are TaceErrors', () => {
    expect(() => designFromTable(table, ['f2'])).toThrow(/column 'f2' is missing at row 2/);
    expect(() => designFromTable(table, ['nope'])).toThrow(/no column named 'nope'/);
    expect(() => designFromTable(table, ['grade'])).toThrow(/column 'grade' is not numeric at row 1/);
  });

  it('selectColumns picks columns in the order given, with their names', () => {
    const m = { data: Float64Array.of(1, 2, 3, 4, 5, 6), rows: 2, columns: 3, columnNames: ['a', 'b', 'c'] };
    const out = selectColumns(m, [2, 0]);
    expect(Array.from(out.data)).toEqual([5, 6, 1, 2]);
    expect(out.columnNames).toEqual(['c', 'a']);
    expect(() => selectColumns(m, [3])).toThrow(/column index 3 is not between 0 and 2/);
  });

  it('rows become column-major; ragged rows and wrong buffer lengths are rejected', () => {
    expect(
      Array.from(
        toDesignMatrix([
          [1, 2],
          [3, 4],
        ]).data,
      ),
    ).toEqual([1, 3, 2, 4]);
    expect(() => toDesignMatrix([[1, 2], [3]])).toThrow(/row 2 has 1 values but row 1 has 2/);
    expect(() => toDesignMatrix({ data: new Float64Array(3), rows: 2, columns: 2 })).toThrow(
      /length rows \* columns = 4/,
    );
  });
});
