import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLog } from '../app/.server/log.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';

/*
 * A real failed statement (a NUL byte, which Postgres refuses with 22021) logged through the
 * app's logger into a captured stream: the failure is there, the person's data is not.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('the log of a failed statement', () => {
  it('has the SQLSTATE and none of the bound values', async () => {
    const name = '欧阳震华';
    const idNumber = '11010519491231002X';
    const failure = await database.owner.db
      .execute(sql`select ${name}::text as name, ${idNumber}::text as id_number, ${'地址\u0000'}::text as address`)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    // The driver's error does carry them: that is what must not reach the log.
    expect(JSON.stringify(failure, Object.getOwnPropertyNames(failure)) + String((failure as Error).message)).toContain(
      idNumber,
    );

    const lines: string[] = [];
    const captured = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLog(captured, 'info');
    log.error({ err: failure }, 'request failed');
    log.error(failure as Error);
    log.error({ error: failure, parameters: [name], query: 'select 1' }, 'by hand');

    const text = lines.join('');
    expect(lines).toHaveLength(3);
    expect(text).toContain('"code":"22021"');
    for (const leak of [name, idNumber, '地址', 'select $1']) expect(text).not.toContain(leak);
  });
});
