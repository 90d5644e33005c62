import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHousekeeping, type Actor } from '@tally/db';
import { toCsv } from '@tally/imports';
import { CASE_SHEET_COLUMNS, caseSheetRows } from '../app/.server/case-export-sheet.ts';
import { backgroundJobsIdle } from '../app/.server/imports/job-runner.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { commitAndWait } from '../../../tests/setup/import-commit.ts';
import { createTestDatabase, ownerRows as ownerRowsOf, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * The petition commit as a background job, on real Postgres as the app role: numbers stay
 * gap-free with desk intake and another village's import running during the import, a
 * commit killed after its numbers were reserved is finished with the same numbers, the app's own export imports
 * again without a second case, two batches of one ledger committed at once add it once
 * and the loser says how many rows were already there, and housekeeping purges files.
 */
let database: TestDatabase;
const actors: Record<string, Actor> = {};
const callerOf = (login: string, now = new Date()) =>
  createCaller({ db: database.app.db, actor: actors[login]!, ip: '127.0.0.1', now });
const ownerRows = (text: string, ...params: unknown[]) => ownerRowsOf(database, text, ...params);
const encode = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'utf8'));

const CATEGORIES = ['教育', '环境保护', '劳动社保', '土地征用'];
/** A ledger of `rows` petitions over 2023 and 2024, one per row, all distinct. */
function ledger(rows: number, tag: string): Uint8Array<ArrayBuffer> {
  const lines = ['登记日期,信访方式,信访人,人数,是否越级,问题类别,主要诉求'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      `${day},${i % 5 === 0 ? '领导接访日' : '来电'},信访人${tag}${i},${(i % 7) + 1},${i % 11 === 0 ? '是' : '否'},${CATEGORIES[i % 4]},${tag}诉求${i}`,
    );
  }
  return encode(`${lines.join('\n')}\n`);
}

function deskIntake(login: string, i: number) {
  return callerOf(login).cases.register({
    receivedAt: `2024-0${(i % 9) + 1}-15T09:30:00+08:00`,
    channel: 'visit',
    peopleCount: 1,
    category: 'education',
    summary: `窗口登记 ${i}`,
    petitionerName: `窗口${i}`,
  });
}

/** Every year's numbers are exactly 1…counter, each once. */
async function expectGapFree(): Promise<void> {
  const years =
    await ownerRows(`select c.year, c.last_number, count(p.*)::int as cases, count(distinct p.case_number)::int as distinct_numbers,
      coalesce(min(split_part(p.case_number, '-', 3)::int), 0) as low, coalesce(max(split_part(p.case_number, '-', 3)::int), 0) as high
    from case_counters c left join petition_cases p on p.county_id = c.county_id and split_part(p.case_number, '-', 2)::int = c.year
    where c.county_id = 1 group by c.year, c.last_number order by c.year`);
  expect(years.length).toBeGreaterThan(0);
  for (const year of years)
    expect(year).toMatchObject({
      cases: year.last_number,
      distinct_numbers: year.last_number,
      low: 1,
      high: year.last_number,
    });
  expect(await ownerRows(`select 1 from petition_cases where case_number like 'importing:%'`)).toEqual([]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  for (const login of ['a_cun0101', 'a_cun0102', 'a_cun0201', 'a_zhen01'])
    actors[login] = await actorByLogin(database.owner.db, login);
});

afterAll(async () => {
  await backgroundJobsIdle();
  await database?.drop();
});

/** Each year's numbers of a batch are one block (the one recorded on the batch), taken by its rows in file order. */
async function expectBlocksInFileOrder(id: string): Promise<void> {
  const years = await ownerRows(
    `select split_part(c.case_number, '-', 2) as year, count(*)::int as count, min(split_part(c.case_number, '-', 3)::int) as first,
      max(split_part(c.case_number, '-', 3)::int) as last
    from petition_cases c where c.import_id = $1 group by 1 order by 1`,
    id,
  );
  const [batch] = await ownerRows(`select reserved_numbers from import_batches where id = $1`, id);
  expect(years.length).toBeGreaterThan(0);
  for (const year of years) {
    expect(year.last).toBe(Number(year.first) + Number(year.count) - 1);
    expect((batch?.reserved_numbers as Record<string, unknown> | undefined)?.[String(year.year)]).toEqual({
      first: year.first,
      count: year.count,
    });
  }
  const [order] = await ownerRows(
    `select count(*) filter (where previous >= row)::int as out_of_order from (
      select substring(petitioner_name from '[0-9]+$')::int as row,
        lag(substring(petitioner_name from '[0-9]+$')::int) over (partition by split_part(case_number, '-', 2) order by case_number) as previous
      from petition_cases where import_id = $1) x`,
    id,
  );
  expect(order).toEqual({ out_of_order: 0 });
}

const committing = async (...ids: string[]) =>
  (await ownerRows(`select 1 from import_batches where id = any($1::uuid[]) and status = 'committing'`, ids)).length >
  0;

describe('petition commit as a job', () => {
  it('numbers stay gap-free while another village imports and others register cases at the desk during the import', async () => {
    const clerk = callerOf('a_cun0101');
    const { id } = await clerk.imports.preview({
      register: 'petitions',
      fileName: '大台帐.csv',
      bytes: ledger(3_000, 'A'),
    });
    const neighbour = callerOf('a_cun0201');
    const other = await neighbour.imports.preview({
      register: 'petitions',
      fileName: '邻村台帐.csv',
      bytes: ledger(2_000, 'G'),
    });
    const started = await clerk.imports.commit({ id });
    expect(started).toEqual({ id, status: 'committing' });
    await neighbour.imports.commit({ id: other.id });
    // The township's desk keeps registering, four at a time, from the start of both imports to their end
    // (their reservations included).
    const township: string[] = [];
    const spread = (async () => {
      let round = 0;
      do {
        const cases = await Promise.all(Array.from({ length: 4 }, (_, i) => deskIntake('a_zhen01', round * 4 + i)));
        township.push(...cases.map((c) => c.caseNumber));
        round++;
      } while (await committing(id, other.id));
    })();
    // Seen from outside at once: a second click is refused with 正在导入, not queued.
    expect((await clerk.imports.progress({ id })).status).toBe('committing');
    await expect(clerk.imports.commit({ id })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'imports.error.committing',
    });
    // Desk intake at another village of the county while the import runs.
    const desk = await Promise.all(Array.from({ length: 8 }, (_, i) => deskIntake('a_cun0102', i)));
    await spread;
    await backgroundJobsIdle();
    expect((await neighbour.imports.get({ id: other.id })).batch).toMatchObject({
      status: 'committed',
      insertedCount: 2_000,
    });
    expect(township.length).toBeGreaterThanOrEqual(4);
    expect(new Set(township).size).toBe(township.length);
    const view = await clerk.imports.get({ id });
    expect(view.batch).toMatchObject({
      status: 'committed',
      insertedCount: 3_000,
      skippedCount: 0,
      progressPhase: 'done',
    });
    expect(desk.every((c) => /^130534-2024-\d{6}$/.test(c.caseNumber))).toBe(true);
    await expectGapFree();
    await expectBlocksInFileOrder(id);
    await expectBlocksInFileOrder(other.id);
    // File order within a year: the first 2023 row of the ledger has the lowest 2023 number of the batch.
    const [first] = await ownerRows(
      `select petitioner_name from petition_cases where import_id = $1 and case_number like '130534-2023-%' order by case_number limit 1`,
      id,
    );
    expect(first).toEqual({ petitioner_name: '信访人A0' });
    // The state is the one desk intake writes: same keys, the row's own values.
    const [state] = await ownerRows(
      `select state, people_count, skip_level, clock_due_on is not null as clocked from petition_cases where import_id = $1 and petitioner_name = '信访人A0'`,
      id,
    );
    expect(state).toMatchObject({
      people_count: 1,
      skip_level: true,
      clocked: true,
      state: {
        status: 'registered',
        channel: 'reception_day',
        receivedOn: '2023-01-01',
        peopleCount: 1,
        skipLevel: true,
        repeat: false,
        unitCode: '130534100201',
      },
    });
    const [deskState] = await ownerRows(
      `select state from petition_cases where registered_unit_code = '130534100202' limit 1`,
    );
    expect(Object.keys(state!.state as object).sort()).toEqual(Object.keys(deskState!.state as object).sort());
    expect(
      await ownerRows(
        `select count(*)::int as n from case_transitions t join petition_cases c on c.county_id = t.county_id and c.id = t.case_id where c.import_id = $1`,
        id,
      ),
    ).toEqual([{ n: 3_000 }]);
    // After the commit the counts say what was added, not what would be.
    expect(view.batch.insertedCount).toBe(3_000);
  });

  it('two batches of one ledger committed at once add it once; the second says how many were already there', async () => {
    const clerk = callerOf('a_cun0101');
    const file = ledger(400, 'B');
    const first = await clerk.imports.preview({ register: 'petitions', fileName: 'b.csv', bytes: file });
    const second = await clerk.imports.preview({ register: 'petitions', fileName: 'b-again.csv', bytes: file });
    const outcomes = await Promise.all([
      commitAndWait(clerk, { id: first.id }),
      commitAndWait(callerOf('a_cun0101'), { id: second.id }),
    ]);
    expect(outcomes.map((o) => o.inserted).sort((a, b) => a - b)).toEqual([0, 400]);
    expect(outcomes.find((o) => o.inserted === 0)).toEqual({ inserted: 0, skipped: 400 });
    expect(
      await ownerRows(`select count(*)::int as n from petition_cases where petitioner_name like '信访人B%'`),
    ).toEqual([{ n: 400 }]);
    await expectGapFree();
  });

  it("the app's own export imports again without a second case, desk-registered cases included", async () => {
    const clerk = callerOf('a_cun0102');
    const before = await ownerRows(`select count(*)::int as n from petition_cases`);
    const rows = await clerk.cases.exportRows({});
    expect(rows.length).toBe(8);
    const units = new Map((await clerk.units.tree()).map((unit) => [unit.code, unit.name]));
    const csv = toCsv(caseSheetRows(rows, units), CASE_SHEET_COLUMNS);
    const { id } = await clerk.imports.preview({
      register: 'petitions',
      fileName: '信访件导出.csv',
      bytes: new Uint8Array(csv),
    });
    const view = await clerk.imports.get({ id });
    expect(view.batch).toMatchObject({ totalRows: 8, validRows: 8, errorRows: 0 });
    expect(view.existing).toBe(8);
    expect(await commitAndWait(clerk, { id })).toEqual({ inserted: 0, skipped: 8 });
    expect(await ownerRows(`select count(*)::int as n from petition_cases`)).toEqual(before);

    // A case number the unit cannot see is refused by row, and nothing is written.
    const foreign = `案件编号,登记日期,信访方式,信访人,问题类别,主要诉求\n130534-2024-999999,2024-05-01,来电,某人,教育,诉求\n`;
    const bad = await clerk.imports.preview({ register: 'petitions', fileName: 'x.csv', bytes: encode(foreign) });
    await expect(commitAndWait(clerk, { id: bad.id })).rejects.toMatchObject({
      params: { zh: expect.stringMatching(/^第 2 行：案件编号 130534-2024-999999/) },
    });
    expect(await ownerRows(`select count(*)::int as n from petition_cases`)).toEqual(before);
    expect((await clerk.imports.get({ id: bad.id })).batch.status).toBe('previewed');
  });
});

describe('a petition commit that dies after its numbers were reserved', () => {
  it('keeps the block for the batch, refuses to drop it, and the next commit fills it with the same rows', async () => {
    const clerk = callerOf('a_cun0101');
    const { id } = await clerk.imports.preview({
      register: 'petitions',
      fileName: '中断.csv',
      bytes: ledger(1_500, 'H'),
    });
    const counters = async () =>
      Object.fromEntries(
        (await ownerRows(`select year, last_number from case_counters where county_id = 1`)).map((row) => [
          String(row.year),
          Number(row.last_number),
        ]),
      );
    const before = await counters();
    // Hold the cases table so the job stops right after its reservation, at its first INSERT; then kill its connection.
    const blocker = await database.owner.client.reserve();
    try {
      await blocker.unsafe('begin');
      await blocker.unsafe('lock table petition_cases in share mode');
      await clerk.imports.commit({ id });
      let backend: number | null = null;
      while (backend === null) {
        const [waiting] = await ownerRows(
          `select a.pid from pg_stat_activity a join import_batches b on b.id = $1 and b.reserved_numbers is not null
          where a.datname = current_database() and a.wait_event_type = 'Lock' and a.query like 'with src as%'`,
          id,
        );
        backend = waiting ? Number(waiting.pid) : null;
        if (backend === null) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await ownerRows(`select pg_terminate_backend($1)`, backend);
    } finally {
      await blocker.unsafe('rollback');
      blocker.release();
    }
    await backgroundJobsIdle();

    // Nothing written, but the numbers are the batch's: the counters moved by its rows, the block is on the batch.
    const [batch] = await ownerRows(`select status, reserved_numbers, failure from import_batches where id = $1`, id);
    expect(batch).toMatchObject({ status: 'previewed', failure: { zh: expect.stringContaining('预留') } });
    const block = batch!.reserved_numbers as Record<string, { first: number; count: number }>;
    expect(Object.values(block).reduce((sum, year) => sum + year.count, 0)).toBe(1_500);
    const after = await counters();
    for (const [year, taken] of Object.entries(block)) {
      expect(taken.first).toBe((before[year] ?? 0) + 1);
      expect(after[year]).toBe(taken.first + taken.count - 1);
    }
    expect(await ownerRows(`select count(*)::int as n from petition_cases where import_id = $1`, id)).toEqual([
      { n: 0 },
    ]);
    // Desk intake meanwhile numbers after the block.
    const desk = await deskIntake('a_zhen01', 99);
    expect(Number(desk.caseNumber.split('-')[2])).toBe(block['2024']!.first + block['2024']!.count);

    // The block cannot be dropped: no cancel, no re-preview, no housekeeping expiry, and another
    // ledger of the unit waits for it.
    await expect(clerk.imports.cancel({ id })).rejects.toMatchObject({ messageKey: 'imports.error.numbersReserved' });
    // The batch list offers no cancel for it, and says how to finish it.
    const listed = (await clerk.imports.list({ page: 1 })).rows.find((row) => row.id === id);
    expect(listed).toMatchObject({ status: 'previewed', holdsNumbers: true });
    await expect(clerk.imports.remap({ id, mapping: {} })).rejects.toMatchObject({
      messageKey: 'imports.error.notRemappable',
    });
    const nextWeek = new Date(Date.now() + 8 * 86_400_000);
    await importHousekeeping(database.owner.db, nextWeek);
    expect((await ownerRows(`select status from import_batches where id = $1`, id))[0]).toEqual({
      status: 'previewed',
    });
    const another = await clerk.imports.preview({
      register: 'petitions',
      fileName: '另一本.csv',
      bytes: ledger(5, 'J'),
    });
    await expect(commitAndWait(clerk, { id: another.id })).rejects.toMatchObject({
      params: { zh: expect.stringContaining('中断.csv') },
    });

    // Committed again the next day: the same rows take exactly the reserved numbers, in file order.
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await commitAndWait(callerOf('a_cun0101', tomorrow), { id })).toEqual({ inserted: 1_500, skipped: 0 });
    await expectBlocksInFileOrder(id);
    expect(await counters()).toEqual({ ...after, '2024': after['2024']! + 1 });
    await expectGapFree();
    expect(await commitAndWait(clerk, { id: another.id })).toEqual({ inserted: 5, skipped: 0 });
    await expectGapFree();
  });
});

describe('import housekeeping', () => {
  it('recovers a dead commit, cancels abandoned batches and purges files and staged rows after the retention period', async () => {
    const clerk = callerOf('a_cun0101');
    const abandoned = await clerk.imports.preview({
      register: 'petitions',
      fileName: 'left.csv',
      bytes: ledger(5, 'C'),
    });
    const stuck = await clerk.imports.preview({ register: 'petitions', fileName: 'stuck.csv', bytes: ledger(5, 'D') });
    // A job that died: 'committing' with nobody holding its lock, claimed a minute ago.
    await ownerRows(
      `update import_batches set status = 'committing', updated_at = now() - interval '1 minute' where id = $1`,
      stuck.id,
    );
    const now = new Date();

    expect(await importHousekeeping(database.owner.db, now)).toMatchObject({ recovered: 1, expired: 0 });
    const recovered = await clerk.imports.get({ id: stuck.id });
    expect(recovered.batch.status).toBe('previewed');
    expect(recovered.batch.failure?.zh).toContain('中断');
    // And it commits now.
    expect(await commitAndWait(clerk, { id: stuck.id })).toEqual({ inserted: 5, skipped: 0 });

    // Nothing else is old enough yet.
    const files = async (id: string) =>
      (
        await ownerRows(
          `select status, file_bytes is not null as has_file, (select count(*)::int from import_rows r where r.batch_id = b.id) as staged from import_batches b where id = $1`,
          id,
        )
      )[0];
    expect(await files(abandoned.id)).toEqual({ status: 'previewed', has_file: true, staged: 5 });

    const later = new Date(now.getTime() + 8 * 86_400_000);
    const counts = await importHousekeeping(database.owner.db, later);
    expect(counts.expired).toBeGreaterThanOrEqual(1);
    expect(await files(abandoned.id)).toEqual({ status: 'cancelled', has_file: false, staged: 0 });
    expect(await files(stuck.id)).toEqual({ status: 'committed', has_file: false, staged: 0 });
    expect((await clerk.imports.get({ id: abandoned.id })).batch.failure?.zh).toContain('已自动取消');
    // The batch list still shows both, with who and when.
    const list = await clerk.imports.list({ page: 1 });
    expect(list.rows.map((row) => row.id)).toEqual(expect.arrayContaining([abandoned.id, stuck.id]));
    expect(list.rows.find((row) => row.id === stuck.id)).toMatchObject({
      status: 'committed',
      insertedCount: 5,
      createdBy: expect.any(String),
    });
    // Run again: nothing left to do.
    expect(await importHousekeeping(database.owner.db, later)).toEqual({ recovered: 0, expired: 0, purged: 0 });
  });

  it('a commit whose job still holds its lock is left alone', async () => {
    const clerk = callerOf('a_cun0101');
    const batch = await clerk.imports.preview({ register: 'petitions', fileName: 'live.csv', bytes: ledger(3, 'F') });
    await ownerRows(
      `update import_batches set status = 'committing', updated_at = now() - interval '1 minute' where id = $1`,
      batch.id,
    );
    const job = await database.owner.client.reserve();
    try {
      await job.unsafe(`select pg_advisory_lock(hashtextextended('tally.import_batch:' || $1::text, 0))`, [batch.id]);
      expect((await importHousekeeping(database.owner.db, new Date())).recovered).toBe(0);
      // A second click is refused while the job lives.
      await expect(clerk.imports.commit({ id: batch.id })).rejects.toMatchObject({
        messageKey: 'imports.error.committing',
      });
    } finally {
      await job.unsafe(`select pg_advisory_unlock_all()`);
      job.release();
    }
    expect((await importHousekeeping(database.owner.db, new Date())).recovered).toBe(1);
  });

  it('the clerk cancels a previewed batch: its file goes at once', async () => {
    const clerk = callerOf('a_cun0101');
    const batch = await clerk.imports.preview({ register: 'petitions', fileName: 'cancel.csv', bytes: ledger(3, 'E') });
    await clerk.imports.cancel({ id: batch.id });
    expect((await clerk.imports.list({ page: 1 })).rows.find((row) => row.id === batch.id)).toMatchObject({
      status: 'cancelled',
    });
    expect(await ownerRows(`select file_bytes is null as purged from import_batches where id = $1`, batch.id)).toEqual([
      { purged: true },
    ]);
  });
});
