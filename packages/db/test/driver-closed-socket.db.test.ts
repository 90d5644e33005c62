import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';

/*
 * A connection the server ends must fail the queries on it, never the process. postgres.js
 * 3.4.x threw `socket.write` on null from a timer when it wrote on a connection whose backend
 * was gone (scripts/patch-postgres-driver.mjs): an import job's connection killed mid-commit
 * took the whole server down. Vitest fails the run on such an uncaught exception, so this test
 * fails without the guard.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe('the database driver when the server ends a connection', () => {
  it('fails the transaction whose backend was terminated, and the pool goes on serving', async () => {
    const client = postgres(database.ownerUrl, { max: 2, onnotice: () => {} });
    try {
      // As an import job's transaction ended by the server mid-statement: each one must reject
      // (its ROLLBACK is written on the dead connection), and nothing may throw from a timer.
      for (let round = 0; round < 3; round++) {
        await expect(
          client.begin(async (tx) => {
            const [self] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
            // A query runs once it is awaited or executed: start it, then wait for it below.
            const sleeping = tx`select pg_sleep(30)`.execute();
            // Terminate once the statement is running: poll until the backend is seen active.
            for (;;) {
              const [state] = await database.owner.client<{ active: boolean }[]>`
                select exists (select 1 from pg_stat_activity where pid = ${self!.pid} and query like 'select pg_sleep%' and state = 'active') as active`;
              if (state!.active) break;
            }
            await database.owner.client`select pg_terminate_backend(${self!.pid})`;
            await sleeping;
          }),
        ).rejects.toThrow();
      }
      const [fresh] = await client<{ n: number }[]>`select 1 as n`;
      expect(fresh!.n).toBe(1);
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});
