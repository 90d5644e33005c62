import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImport } from '@tally/imports';
import { registerDefs } from '@tally/db/registers';
import { copyIn, importHousekeeping, withActor, type Actor } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { openStager } from '../app/.server/imports/staged-copy.ts';
import { backgroundJobsIdle } from '../app/.server/imports/job-runner.ts';
import { REPREVIEW_JOB_BYTES } from '../app/.server/imports/preview-service.ts';
import { UserFacingError } from '../app/.server/errors.ts';
import { createTestDatabase, ownerRows as ownerRowsOf, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import { commitAndWait } from '../../../tests/setup/import-commit.ts';

/*
 * Staging with COPY (staged-copy.ts): Postgres refuses COPY into import_rows to the app
 * role, so rows go through a temporary table and reach import_rows by INSERT … SELECT,
 * which the insert policy checks: another county's or another unit's rows are refused.
 * And what COPY's text format escapes comes back exactly as it was in the file.
 */
let database: TestDatabase;
const actors: Record<string, Actor> = {};
const callerOf = (login: string) =>
  createCaller({ db: database.app.db, actor: actors[login]!, ip: '127.0.0.1', now: new Date() });
const ownerRows = (text: string, ...params: unknown[]) => ownerRowsOf(database, text, ...params);
const csv = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

const HEADER = '会议日期,会议类型,议题,主持人,参会人员,缺席人数';

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  for (const login of ['a_cun0101', 'a_cun0102', 'b_cun0101'])
    actors[login] = await actorByLogin(database.owner.db, login);
});

afterAll(async () => {
  await database?.drop();
});

/** The database's own message of a refused statement (drizzle wraps it as the cause). */
async function messageOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    const cause = error instanceof Error ? error.cause : null;
    return cause instanceof Error ? cause.message : String(error);
  }
}

async function previewedBatch(): Promise<string> {
  const { id } = await callerOf('a_cun0101').imports.preview({
    register: 'meetings',
    fileName: 'm.csv',
    bytes: csv(`${HEADER}\n2024-03-05,主任例会,议题,王建国,王建国,0\n`),
  });
  return id;
}

const stagedRow = {
  rowNumber: 90,
  outcome: 'valid' as const,
  values: { held_on: '2024-03-06', kind: 'director_weekly', attendees: '王建国', absent_count: 0 },
  fingerprint: 'forged',
  errors: null,
};

describe('staging rows with COPY, under RLS', () => {
  it('the app role may not COPY into import_rows itself', async () => {
    const actor = actors.a_cun0101!;
    await expect(
      withActor(database.app.db, actor, async (tx) => {
        const stream = await copyIn(
          tx,
          'copy import_rows (county_id, batch_id, row_number, unit_code, outcome) from stdin',
        );
        stream.end('');
        await new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it("the move into import_rows refuses another county's rows and another unit's", async () => {
    const batchId = await previewedBatch();
    const own = actors.a_cun0101!;
    for (const forged of [
      { ...own, countyId: actors.b_cun0101!.countyId },
      { ...own, unitCode: actors.a_cun0102!.unitCode },
    ]) {
      const refusal = await messageOf(
        withActor(database.app.db, own, async (tx) => {
          const stager = await openStager(tx, forged, batchId, registerDefs.meetings, 'cells');
          await stager.write([stagedRow]);
          await stager.finish();
        }),
      );
      expect(refusal).toMatch(/new row violates row-level security policy for table "import_rows"/);
    }
    // The same rows as the actor itself go in: the refusals above were the policy's.
    await withActor(database.app.db, own, async (tx) => {
      const stager = await openStager(tx, own, batchId, registerDefs.meetings, 'cells');
      await stager.write([stagedRow]);
      await stager.finish();
    });
    const staged = await ownerRows(
      'select county_id, unit_code, cells is not null as has_cells from import_rows where batch_id = $1 and row_number = 90',
      batchId,
    );
    expect(staged).toEqual([{ county_id: own.countyId, unit_code: own.unitCode, has_cells: true }]);
  });

  it('text COPY would read as escapes (backslash, \\N, tab, line breaks) is staged, shown and committed as written', async () => {
    const topics = ['C:\\公文\\2024', '\\N', '甲\t乙', '第一行\n第二行', '回车\r\n换行', '"引号"'];
    const lines = topics.map((topic, i) => `2024-03-0${i + 1},主任例会,"${topic.replace(/"/g, '""')}",王建国,王建国,0`);
    const clerk = callerOf('a_cun0101');
    const bytes = csv(`${HEADER}\n${lines.join('\n')}\n`);
    const { id } = await clerk.imports.preview({ register: 'meetings', fileName: 'escapes.csv', bytes });
    // What the parser itself made of the cells, without a database: staging must not change a character.
    const parsed = await previewImport({
      bytes,
      fileName: 'escapes.csv',
      register: registerDefs.meetings,
      now: new Date(),
    });
    const expected = parsed.validRows.map((row) => row.values.topic);
    expect(expected).toContain('\\N');
    expect(expected.some((topic) => String(topic).includes('\t'))).toBe(true);
    const view = await clerk.imports.get({ id });
    expect(view.batch).toMatchObject({ status: 'previewed', validRows: topics.length, errorRows: 0 });
    const shown = view.newRows.map((row) => row.values.topic);
    expect(shown).toEqual(expected);
    expect(await commitAndWait(clerk, { id })).toEqual({ inserted: topics.length, skipped: 0 });
    const stored = await ownerRows('select topic from meetings where import_id = $1 order by held_on', id);
    expect(stored.map((row) => row.topic)).toEqual(shown);
  });
});

/** A meetings CSV of at least `bytes` bytes. */
function largeMeetingsCsv(bytes: number): { bytes: Uint8Array<ArrayBuffer>; rows: number } {
  const lines = [HEADER];
  let size = HEADER.length;
  for (let i = 0; size < bytes; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
    const line = `${day},主任例会,议题${i},王建国,王建国、李明、张华,${i % 4}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return { bytes: csv(`${lines.join('\n')}\n`), rows: lines.length - 1 };
}

async function refusalKey(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    return error instanceof UserFacingError ? `${error.code}:${error.messageKey}` : String(error);
  }
}

describe('re-previewing a large file runs as a job', () => {
  it('the remap answers at once with the batch previewing; the job re-stages it and the page sees the outcome', async () => {
    const clerk = callerOf('a_cun0101');
    const file = largeMeetingsCsv(REPREVIEW_JOB_BYTES + 1);
    const { id } = await clerk.imports.preview({ register: 'meetings', fileName: 'big.csv', bytes: file.bytes });
    expect((await clerk.imports.get({ id })).batch).toMatchObject({ status: 'previewed', validRows: file.rows });

    // The job would re-read a file this size in a fraction of a second: a staged row held by another
    // transaction keeps it waiting (its first step deletes the old rows) while the claim is looked at.
    const holder = await database.owner.client.reserve();
    try {
      await holder`begin`;
      await holder`select 1 from import_rows where batch_id = ${id} limit 1 for update`;
      // Ignore the 主持人 column: a mapping change re-reads the stored file.
      const started = await clerk.imports.remap({ id, mapping: { 3: null } });
      expect(started).toEqual({ id, background: true });
      // Claimed before the answer: everyone sees it, and nothing can commit the old rows meanwhile.
      expect((await clerk.imports.progress({ id })).status).toBe('previewing');
      expect(await refusalKey(clerk.imports.commit({ id }))).toBe('BAD_REQUEST:imports.error.notCommittable');
      expect(await refusalKey(clerk.imports.remap({ id, mapping: {} }))).toBe(
        'BAD_REQUEST:imports.error.notRemappable',
      );
    } finally {
      await holder`rollback`;
      holder.release();
    }

    await backgroundJobsIdle();
    const after = await clerk.imports.get({ id });
    expect(after.batch).toMatchObject({ status: 'previewed', validRows: file.rows, progressPhase: 'done' });
    expect(Object.keys(after.batch.mapping ?? {})).not.toContain('3');
    expect(after.newRows[0]!.values).toMatchObject({ topic: '议题0', host: null });
    const [staged] = await ownerRows('select count(*)::int as n from import_rows where batch_id = $1', id);
    expect(staged!.n).toBe(file.rows);
  });

  it('a preview that is running cannot be cancelled; one whose job died can', async () => {
    const clerk = callerOf('a_cun0101');
    const id = await previewedBatch();
    await ownerRows(`update import_batches set status = 'previewing' where id = $1`, id);
    // A running job holds the batch's lock for its whole transaction: hold it as that job would.
    const release = await database.owner.client.reserve();
    try {
      await release`select pg_advisory_lock(hashtextextended('tally.import_batch:' || ${id}::text, 0))`;
      expect(await refusalKey(clerk.imports.cancel({ id }))).toBe('CONFLICT:imports.error.previewing');
    } finally {
      await release`select pg_advisory_unlock_all()`;
      release.release();
    }
    expect(await refusalKey(clerk.imports.cancel({ id }))).toBe('ok');
    expect((await clerk.imports.progress({ id })).status).toBe('cancelled');
  });
});

/*
 * Staged rows hold personal data and no foreign key ties them to their batch (decision 0022):
 * every way a batch ends must leave none of its rows behind, and rows whose batch row is gone
 * are deleted by housekeeping.
 */
describe('staged rows leave with their batch', () => {
  const stagedOf = async (id: string) =>
    (await ownerRows(`select count(*)::int as n from import_rows where batch_id = $1`, id))[0]!.n;
  const previewOf = async (rows: number, tag: string) => {
    const lines = Array.from({ length: rows }, (_, i) => `2024-03-05,主任例会,${tag}${i},王建国,王建国,0`);
    const { id } = await callerOf('a_cun0101').imports.preview({
      register: 'meetings',
      fileName: `${tag}.csv`,
      bytes: csv(`${HEADER}\n${lines.join('\n')}\n,周例会,x,x,x,0\n`),
    });
    return id;
  };

  it('a file refused after rounds of rows were staged leaves none of them, and the batch failed', async () => {
    // 25,000 good rows (two rounds COPYed and moved, a third under way), then a row of too many columns.
    const good = largeMeetingsCsv(25_000 * 80);
    const text = new TextDecoder().decode(good.bytes);
    const bytes = csv(`${text}2024-03-05,主任例会,议题,王建国,王建国,0${',x'.repeat(250)}\n`);
    expect(good.rows).toBeGreaterThan(20_000);
    const clerk = callerOf('a_cun0101');
    expect(await refusalKey(clerk.imports.preview({ register: 'meetings', fileName: 'wide.csv', bytes }))).toBe(
      'BAD_REQUEST:error.domain',
    );
    const [batch] = await ownerRows(
      `select id, status from import_batches where file_name = 'wide.csv' order by created_at desc limit 1`,
    );
    expect(batch!.status).toBe('failed');
    expect(await stagedOf(String(batch!.id))).toBe(0);
  });

  it('a cancelled batch keeps no staged rows', async () => {
    const id = await previewOf(3, 'cancel');
    expect(await stagedOf(id)).toBe(4);
    await callerOf('a_cun0101').imports.cancel({ id });
    expect(await stagedOf(id)).toBe(0);
  });

  it('housekeeping leaves no rows of an abandoned batch, a committed one or a batch row deleted by hand, and keeps a fresh one', async () => {
    const abandoned = await previewOf(3, 'abandoned');
    const committed = await previewOf(3, 'committed');
    expect(await commitAndWait(callerOf('a_cun0101'), { id: committed, acceptErrors: true })).toEqual({
      inserted: 3,
      skipped: 0,
    });
    const deleted = await previewOf(3, 'deleted');
    await ownerRows(`delete from import_batches where id = $1`, deleted);
    expect(await stagedOf(deleted)).toBe(4);
    // Rows of a batch that never existed, written past the app.
    const ghost = '00000000-0000-4000-8000-000000000022';
    await ownerRows(
      `insert into import_rows (county_id, batch_id, row_number, unit_code, outcome, cells, fingerprint)
       select county_id, $1, row_number, unit_code, outcome, cells, fingerprint from import_rows where batch_id = $2`,
      ghost,
      abandoned,
    );

    // Within the retention period only the orphans go.
    const soon = await importHousekeeping(database.owner.db, new Date());
    expect(soon.purged).toBeGreaterThanOrEqual(2);
    expect(await stagedOf(deleted)).toBe(0);
    expect(await stagedOf(ghost)).toBe(0);
    expect(await stagedOf(abandoned)).toBe(4);
    expect(await stagedOf(committed)).toBe(4);

    // Once the retention period has run, the abandoned batch is cancelled and the committed one purged; a fresh one stays.
    const fresh = await previewOf(2, 'fresh');
    await ownerRows(`update import_batches set updated_at = now() - interval '8 days' where id = any($1::uuid[])`, [
      abandoned,
      committed,
    ]);
    await importHousekeeping(database.owner.db, new Date());
    for (const id of [abandoned, committed, deleted, ghost]) expect(await stagedOf(id)).toBe(0);
    expect(await stagedOf(fresh)).toBe(3);
    expect((await ownerRows(`select status from import_batches where id = $1`, abandoned))[0]!.status).toBe(
      'cancelled',
    );
    expect(await importHousekeeping(database.owner.db, new Date())).toMatchObject({ purged: 0 });
  });
});
