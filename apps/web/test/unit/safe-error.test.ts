import { describe, expect, it } from 'vitest';
import { safeError, safeMessage } from '../../app/.server/safe-error.ts';

describe('safeError: errors as they may be logged', () => {
  it('withholds a failed statement and its parameters, from the message and the stack alike', () => {
    const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      routine: 'report_invalid_encoding',
      query: 'insert into disputes values ($1, $2)',
      parameters: ['张三丰', '11010519491231002X'],
    });
    const drizzle = Object.assign(
      new Error(
        'Failed query: insert into "disputes" ("parties", "party_id_number") values ($1, $2)\nparams: 张三丰,11010519491231002X',
        { cause: driver },
      ),
      {
        query: 'insert into "disputes"',
        params: ['张三丰', '11010519491231002X'],
      },
    );
    const logged = JSON.stringify(safeError(new Error(drizzle.message, { cause: drizzle })));
    expect(logged).not.toContain('张三丰');
    expect(logged).not.toContain('11010519491231002X');
    expect(logged).not.toContain('insert into');
    expect(safeError(driver)).toMatchObject({
      code: '22021',
      routine: 'report_invalid_encoding',
      message: 'invalid byte sequence for encoding "UTF8": 0x00',
    });
  });

  it('keeps the names Postgres quotes and withholds the values', () => {
    expect(safeMessage('invalid input syntax for type uuid: "张三丰"')).toBe('invalid input syntax for type uuid: "…"');
    expect(safeMessage('date/time field value out of range: "2024-02-30"')).toBe(
      'date/time field value out of range: "…"',
    );
    expect(safeMessage('duplicate key value violates unique constraint "disputes_fingerprint_key"')).toBe(
      'duplicate key value violates unique constraint "disputes_fingerprint_key"',
    );
    expect(safeMessage('null value in column "parties" of relation "disputes" violates not-null constraint')).toContain(
      'column "parties" of relation "disputes"',
    );
  });

  it('takes anything thrown, and stops at a cause that loops', () => {
    expect(safeError('boom 13812345678')).toEqual({ type: 'string', message: 'boom 13812345678' });
    const loop = new Error('a');
    const other = new Error('b', { cause: loop });
    Object.assign(loop, { cause: other });
    expect(() => JSON.stringify(safeError(loop))).not.toThrow();
  });
});
