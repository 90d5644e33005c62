import { describe, expect, it } from 'vitest';
import { countRow, onlyRow, rowsOf, type RowShape } from '../../src/rows.ts';

const named: RowShape<{ name: string }> = {
  parse(row) {
    if (typeof row === 'object' && row !== null && 'name' in row && typeof row.name === 'string')
      return { name: row.name };
    throw new Error('expected text in column name');
  },
};

describe('raw statement rows', () => {
  it('checks every row against its shape', () => {
    expect(rowsOf([{ name: 'a' }, { name: 'b' }], named)).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(() => rowsOf([{ name: 'a' }, { name: 2 }], named)).toThrow('expected text in column name');
  });

  it('reads the one row of a statement, and refuses none', () => {
    expect(onlyRow([{ n: 3 }], countRow)).toEqual({ n: 3 });
    expect(() => onlyRow([], countRow)).toThrow('expected a row');
  });

  it('takes a count as an integer only: a bigint count arrives as text and is a bug in the SQL', () => {
    expect(() => onlyRow([{ n: '3' }], countRow)).toThrow('expected an integer count');
    expect(() => onlyRow([{ n: 1.5 }], countRow)).toThrow('expected an integer count');
  });
});
