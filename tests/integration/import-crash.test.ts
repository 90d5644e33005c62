import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@tally/demo';
import { buildWebApp, startApp, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';

/*
 * Crash during a commit: the real server (spawned as `npm start` runs it) commits a
 * 100,000-row batch in its background job and is killed with SIGKILL while the INSERT
 * runs. The register holds none of the batch's rows and the batch still says
 * `committing`, but nobody holds its job lock: after a restart, committing again is
 * accepted (once the claim's grace has passed) and inserts every row once.
 */
// A commit long enough to be killed in the middle of (the limit, DEFAULT_LIMITS.maxRows, is higher).
const ROWS = 50_000;
let database: TestDatabase;
let app: RunningApp | null = null;

function bigCsv(): string {
  const lines = ['会议日期,会议类型,议题,主持人,参会人员'];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},主任例会,第${i}次例会议题,王建国,王建国、李明、张华`);
  }
  return lines.join('\n');
}

async function signIn(url: string, loginName: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ loginName, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  expect(cookie).toContain('=');
  return cookie;
}

function commit(url: string, cookie: string, id: string) {
  return fetch(`${url}/api/trpc/imports.commit`, {
    method: 'POST',
    headers: { origin: url, cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ id }),
  });
}

async function ownerQuery(text: string, ...params: unknown[]) {
  return [...(await database.owner.client.unsafe(text, params as never[]))] as Array<Record<string, unknown>>;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

describe('import commit survives a killed server', () => {
  beforeAll(async () => {
    buildWebApp();
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('SIGKILL mid-commit leaves nothing half-written; the commit then succeeds once', {
    timeout: 240_000,
  }, async () => {
    app = await startApp(database.ownerUrl);
    let cookie = await signIn(app.url, 'cun0101');
    const form = new FormData();
    form.append('file', new Blob([bigCsv()], { type: 'text/csv' }), '五万行会议记录.csv');
    const uploaded = await fetch(`${app.url}/registers/meetings/import/upload`, {
      method: 'POST',
      headers: { origin: app.url, cookie, accept: 'application/json' },
      body: form,
    });
    const body = (await uploaded.json()) as { ok: boolean; url: string };
    expect(body.ok).toBe(true);
    const id = body.url.split('/').pop()!;
    expect(await ownerQuery(`select status, valid_rows from import_batches where id = $1`, id)).toEqual([
      { status: 'previewed', valid_rows: ROWS },
    ]);

    // Start the commit (the request answers at once) and wait until the job's INSERT is running in Postgres; then pull the plug.
    const claimed = await commit(app.url, cookie, id);
    expect(claimed.status).toBe(200);
    const backend = await until(
      'the commit INSERT to start',
      async () => {
        const rows = await ownerQuery(
          `select pid from pg_stat_activity where datname = current_database() and state = 'active' and query like 'with inserted as%'`,
        );
        return (rows[0]?.pid as number | undefined) ?? null;
      },
      60_000,
      5,
    );
    await app.kill();
    app = null;

    // Postgres notices the dead client (client_connection_check_interval) and rolls back.
    await until(
      'the orphaned commit to roll back',
      async () => {
        const rows = await ownerQuery(`select 1 from pg_stat_activity where pid = $1`, backend);
        return rows.length === 0 ? true : null;
      },
      60_000,
      100,
    );
    expect(await ownerQuery(`select count(*)::int as n from meetings where import_id = $1`, id)).toEqual([{ n: 0 }]);
    expect(await ownerQuery(`select count(*)::int as n from meetings`)).toEqual([{ n: 0 }]);
    expect(await ownerQuery(`select status, inserted_count from import_batches where id = $1`, id)).toEqual([
      { status: 'committing', inserted_count: null },
    ]);
    expect(await ownerQuery(`select count(*)::int as n from audit_log where action = 'imports.commit'`)).toEqual([
      { n: 0 },
    ]);

    // Restart and commit again: refused as 正在导入 (409) until the claim's grace has passed, then accepted.
    app = await startApp(database.ownerUrl);
    cookie = await signIn(app.url, 'cun0101');
    const running = app;
    await until(
      'the dead commit to be retryable',
      async () => {
        const response = await commit(running.url, cookie, id);
        if (response.status === 200) return true;
        expect(response.status).toBe(409);
        return null;
      },
      60_000,
      1_000,
    );
    await until(
      'the job to finish',
      async () => {
        const rows = await ownerQuery(`select status from import_batches where id = $1`, id);
        return rows[0]?.status === 'committing' ? null : true;
      },
      120_000,
      200,
    );
    expect(
      await ownerQuery(
        `select count(*)::int as n, count(distinct fingerprint)::int as distinct_rows from meetings where import_id = $1`,
        id,
      ),
    ).toEqual([{ n: ROWS, distinct_rows: ROWS }]);
    expect(await ownerQuery(`select status, inserted_count from import_batches where id = $1`, id)).toEqual([
      { status: 'committed', inserted_count: ROWS },
    ]);
    // And once only.
    expect((await commit(app.url, cookie, id)).status).toBe(409);
  });
});
