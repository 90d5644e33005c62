/**
 * The commit of a petition-ledger batch, set-based, its numbers reserved first
 * (docs/decisions/0015-import-commit-jobs.md, docs/decisions/0020-petition-numbers-reserved-first.md):
 *
 * 1. Serialise with any other petition commit of the same unit (advisory lock), so two
 *    batches of one ledger committed at once run one after the other and the second
 *    finds the first's cases instead of hitting the unique key. A block another batch of
 *    the unit reserved and has not filled yet refuses this commit: its rows must go in first.
 * 2. Refuse, naming the row, everything that could refuse: a case number (a row of the
 *    app's own export) that names no case the unit can see, an ID number whose birth date
 *    lies after today, a receipt no case number can carry, a receipt intake refuses.
 * 3. The rows to insert (valid, no case number, fingerprint not at the unit yet) with
 *    their year and rank in file order, once, in a temporary table.
 * 4. Reserve the numbers: in a short transaction of its own, the county's counter of
 *    each year is raised by the year's count and the block recorded on the batch, then
 *    COMMIT. The counters are held for that one statement, never for the import.
 * 5. INSERT … SELECT the cases with their final numbers (first of the year's block + rank)
 *    and their 'register' transitions, a slice of row numbers per statement (progress
 *    between slices). The workflow state and its projected columns come from the same
 *    pure code as desk intake (registerCase, projectionOf), computed once per distinct
 *    (date, channel): nothing else in them varies by row.
 *
 * A reserved block binds the batch until it is filled: a fault or a crash after step 4
 * rolls the cases back but not the reservation, and the next commit of the batch skips
 * the refusals (the batch was judged when its block was taken) and fills the same block
 * with the same rows, so the county's sequence keeps no gap (docs/domain.md §3). The
 * batch can be neither cancelled nor previewed again meanwhile.
 *
 * Rows already imported at the unit (same fingerprint) and rows carrying the number of
 * an existing case are never inserted: committing the same ledger, or the app's own
 * export, again adds nothing.
 */
import { sql } from 'drizzle-orm';
import {
  CASE_NUMBER_YEARS,
  formatCaseNumber,
  registerCase,
  shanghaiDate,
  validateIdNumber,
  CASE_CHANNELS,
  type WorkCalendar,
} from '@tally/casework';
import { z } from 'zod';
import { onlyRow, petitionImportLock, rowsOf, type ReservedNumbers, type Transaction } from '@tally/db';
import { log } from '../log.ts';
import type { AuthedContext } from '../trpc.ts';
import { domainError, unnumberableYear } from '../services/petition-intake.ts';
import { projectionOf } from '../services/case-records.ts';
import { replanCachedPlans } from '../services/foreign-key-plans.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import type { BatchRow } from './batch-store.ts';
import type { ProgressWriter } from './progress-writer.ts';

/** Staged rows per INSERT: large enough to be set-based, small enough for progress to move. */
const SLICE = 20_000;
/** The highest sequence a case number can carry (six digits). */
const MAX_SEQUENCE = 999_999;

type Context = Pick<AuthedContext, 'actor' | 'now' | 'run'>;

/** A refusal that names the row, in the words desk intake would use for the field. */
function rowRefusal(rowNumber: number, message: { zh: string; en: string }) {
  return domainError({ zh: `第 ${rowNumber} 行：${message.zh}`, en: `Row ${rowNumber}: ${message.en}` });
}

/** A reserved block as stored on the batch: per year, the first number and how many. */
const reservedNumbersShape: z.ZodType<ReservedNumbers> = z.record(
  z.string(),
  z.object({ first: z.number().int(), count: z.number().int() }),
);

/** The staged, valid, not-yet-imported rows of the batch (alias r), as a condition. */
function pendingRows(ctx: Context, batch: BatchRow) {
  return sql`r.county_id = ${ctx.actor.countyId} and r.batch_id = ${batch.id} and r.outcome = 'valid' and r.unit_code = ${ctx.actor.unitCode}
    and r.values->>'caseNumber' is null
    and not exists (select 1 from petition_cases t where t.county_id = r.county_id and t.registered_unit_code = r.unit_code and t.import_fingerprint = r.fingerprint)`;
}

async function refuseUnknownCaseNumbers(tx: Transaction, ctx: Context, batch: BatchRow): Promise<void> {
  const [unknown] = rowsOf(
    await tx.execute(sql`select r.row_number as "rowNumber", r.values->>'caseNumber' as "caseNumber" from import_rows r
    where r.county_id = ${ctx.actor.countyId} and r.batch_id = ${batch.id} and r.outcome = 'valid' and r.values->>'caseNumber' is not null
      and not exists (select 1 from petition_cases t where t.county_id = r.county_id and t.case_number = r.values->>'caseNumber' and t.deleted_at is null)
    order by r.row_number limit 1`),
    z.object({ rowNumber: z.number().int(), caseNumber: z.string() }),
  );
  if (!unknown) return;
  throw rowRefusal(unknown.rowNumber, {
    zh: `案件编号 ${unknown.caseNumber} 不是本单位可见的信访件；新的信访件请留空案件编号，编号由系统分配`,
    en: `Case number ${unknown.caseNumber} is not a case this unit can see; leave the case number empty for a new case, the system numbers it`,
  });
}

/** The pending rows (alias p) joined to their staged values (alias r). */
function pendingWithValues(ctx: Context, batch: BatchRow) {
  return sql`petition_pending p join import_rows r on r.county_id = ${ctx.actor.countyId} and r.batch_id = ${batch.id} and r.row_number = p.row_number`;
}

/** A receipt outside the years a case number can carry (Excel's serial 2024 read as 1905-07-16): the clerk's to fix, by row. */
async function refuseUnnumberableYears(tx: Transaction, ctx: Context, batch: BatchRow): Promise<void> {
  const [outside] = rowsOf(
    await tx.execute(sql`select p.row_number as "rowNumber", r.values->>'receivedOn' as "receivedOn" from ${pendingWithValues(ctx, batch)}
    where p.year not between ${CASE_NUMBER_YEARS.min} and ${CASE_NUMBER_YEARS.max}
    order by p.row_number limit 1`),
    z.object({ rowNumber: z.number().int(), receivedOn: z.string() }),
  );
  if (!outside) return;
  throw rowRefusal(outside.rowNumber, unnumberableYear(outside.receivedOn));
}

/** Intake's ID check depends on today (a birth date after today): only 18-digit numbers born today or later can fail it. */
async function refuseFutureBirthDates(tx: Transaction, ctx: Context, batch: BatchRow): Promise<void> {
  const today = shanghaiDate(ctx.now);
  const suspects = rowsOf(
    await tx.execute(sql`select p.row_number as "rowNumber", r.values->>'petitionerIdNumber' as id from ${pendingWithValues(ctx, batch)}
    where length(r.values->>'petitionerIdNumber') = 18 and substr(r.values->>'petitionerIdNumber', 7, 8) >= ${today.replaceAll('-', '')}
    order by p.row_number`),
    z.object({ rowNumber: z.number().int(), id: z.string() }),
  );
  for (const suspect of suspects) {
    const checked = validateIdNumber(suspect.id, { today });
    if (!checked.ok) throw rowRefusal(suspect.rowNumber, checked);
  }
}

/**
 * A block reserved by another batch of the unit and not filled yet (its commit died):
 * its rows must go in first, or this batch could take rows the block was counted for.
 */
async function refuseWhileAnotherBlockIsOpen(tx: Transaction, ctx: Context, batch: BatchRow): Promise<void> {
  const [open] = rowsOf(
    await tx.execute(sql`select b.file_name as "fileName" from import_batches b
    where b.county_id = ${ctx.actor.countyId} and b.unit_code = ${ctx.actor.unitCode} and b.register = 'petitions'
      and b.id <> ${batch.id} and b.reserved_numbers is not null and b.status <> 'committed'
    order by b.created_at limit 1`),
    z.object({ fileName: z.string() }),
  );
  if (!open) return;
  throw domainError({
    zh: `本单位另一批信访台帐（${open.fileName}）的导入已预留案件编号但尚未完成，请先在该批次重新确认导入`,
    en: `Another petition ledger of this unit (${open.fileName}) has case numbers reserved but its import has not finished; commit that batch again first`,
  });
}

/**
 * The rows to insert, decided once: row number, year of receipt and rank within the year
 * in file order, in a temporary table dropped at COMMIT. Returns the count per year.
 */
async function collectPending(tx: Transaction, ctx: Context, batch: BatchRow): Promise<Map<number, number>> {
  await tx.execute(
    sql`create temporary table petition_pending (row_number int primary key, year int not null, rank int not null,
      received_on text not null, channel text not null) on commit drop`,
  );
  await tx.execute(sql`insert into petition_pending (row_number, year, rank, received_on, channel)
    select row_number, year, row_number() over (partition by year order by row_number), received_on, channel
    from (select r.row_number, left(r.values->>'receivedOn', 4)::int as year, r.values->>'receivedOn' as received_on, r.values->>'channel' as channel
      from import_rows r where ${pendingRows(ctx, batch)}) p`);
  // Our own table: the planner may know its size (the app role may not ANALYZE the shared ones).
  await tx.execute(sql`analyze petition_pending`);
  const counts = rowsOf(
    await tx.execute(sql`select year, count(*)::int as n from petition_pending group by year order by year`),
    z.object({ year: z.number().int(), n: z.number().int() }),
  );
  return new Map(counts.map((row) => [row.year, row.n]));
}

/**
 * The registered state and projected columns for each (date, channel) of the batch, from
 * the same pure code as desk intake; the SQL adds what varies by row (id, counts, flags).
 * A pair intake refuses (a receipt after now) refuses the commit, naming its first row.
 */
async function statesByDateAndChannel(tx: Transaction, ctx: Context, calendar: WorkCalendar) {
  const pairs = rowsOf(
    await tx.execute(
      sql`select received_on as "receivedOn", channel, min(row_number)::int as "firstRow" from petition_pending group by 1, 2`,
    ),
    z.object({ receivedOn: z.string(), channel: z.enum(CASE_CHANNELS), firstRow: z.number().int() }),
  );
  const lookup: Record<string, { state: unknown; clockDueOn: string | null }> = {};
  for (const pair of pairs) {
    const registered = registerCase(
      {
        id: 'template',
        receivedAt: `${pair.receivedOn}T00:00:00+08:00`,
        channel: pair.channel,
        unitCode: ctx.actor.unitCode,
        peopleCount: 1,
      },
      ctx.now,
    );
    if (!registered.ok) throw rowRefusal(pair.firstRow, registered.error);
    // Evaluated at the receipt, not today: a registered case's running deadline is the same
    // whatever day it is read (every open clock runs), and counting working days from the
    // receipt instead of from today keeps a ledger of old years cheap.
    const projection = projectionOf(registered.state, null, new Date(registered.state.receivedAt), calendar);
    lookup[`${pair.receivedOn}|${pair.channel}`] = {
      state: registered.state,
      clockDueOn: projection.clockDueOn,
    };
  }
  return lookup;
}

/**
 * Take each year's block from the county's counters in a transaction of its own and
 * record it on the batch, in one statement, then COMMIT: the counters are held for that
 * statement only. Years in order, so two imports never deadlock. A year whose six digits
 * would run out refuses (the transaction rolls back, nothing is taken).
 */
async function reserveNumbers(ctx: Context, batch: BatchRow, counts: Map<number, number>): Promise<ReservedNumbers> {
  const wanted = JSON.stringify([...counts].map(([year, n]) => ({ year, n })));
  let raisedAt = 0;
  const block = await ctx.run(async (tx) => {
    raisedAt = performance.now();
    const raised = await tx.execute(sql`with raised as (
        insert into case_counters (county_id, year, last_number)
        select ${ctx.actor.countyId}, w.year, w.n from jsonb_to_recordset(${wanted}::jsonb) as w(year int, n int) order by w.year
        on conflict (county_id, year) do update set last_number = case_counters.last_number + excluded.last_number
        returning year, last_number
      ), blocks as (
        select coalesce(jsonb_object_agg(r.year::text, jsonb_build_object('first', r.last_number - w.n + 1, 'count', w.n)), '{}'::jsonb) as block
        from raised r join jsonb_to_recordset(${wanted}::jsonb) as w(year int, n int) using (year)
      ), recorded as (
        update import_batches b set reserved_numbers = (select block from blocks)
        where b.county_id = ${ctx.actor.countyId} and b.id = ${batch.id} and b.status = 'committing' and b.reserved_numbers is null
        returning 1
      ) select (select block from blocks) as block, (select max(last_number) from raised)::int as top, (select count(*) from recorded)::int as recorded`);
    const result = onlyRow(
      raised,
      z.object({ block: reservedNumbersShape, top: z.number().int(), recorded: z.number().int() }),
    );
    if (result.top > MAX_SEQUENCE) {
      // The year's six digits are used up: refuse rather than write a number the format cannot hold.
      throw domainError({
        zh: `本年度信访件编号已超过 ${MAX_SEQUENCE} 号，无法导入`,
        en: `The year's case numbers would pass ${MAX_SEQUENCE}; nothing was imported`,
      });
    }
    if (result.recorded !== 1) throw new Error('the batch changed while its numbers were reserved');
    return result.block;
  });
  // From the statement that raised the counters to its COMMIT: the longest a desk intake can wait for this import.
  const heldMs = Math.round(performance.now() - raisedAt);
  log.info({ batchId: batch.id, years: counts.size, heldMs }, 'petition case numbers reserved');
  return block;
}

async function insertSlice(
  tx: Transaction,
  ctx: Context,
  batch: BatchRow,
  lookup: string,
  blocks: string,
  from: number,
  to: number,
): Promise<number> {
  const { countyId, unitCode, userId, loginName } = ctx.actor;
  const countyCode = unitCode.slice(0, 6);
  const query = sql`with src as (
      select r.row_number, gen_random_uuid() as id, r.values as v, r.fingerprint, p.received_on, p.channel,
        ${countyCode} || '-' || p.year::text || '-' || lpad((b.first + p.rank - 1)::text, 6, '0') as case_number
      from ${pendingWithValues(ctx, batch)}
      join (select key::int as year, (value->>'first')::int as first from jsonb_each(${blocks}::jsonb)) b on b.year = p.year
      where p.row_number > ${from} and p.row_number <= ${to} and r.row_number > ${from} and r.row_number <= ${to}
    ), templates as materialized (
      select key, value from jsonb_each(${lookup}::jsonb)
    ), inserted as (
      insert into petition_cases (county_id, id, case_number, unit_code, registered_unit_code, received_at, channel, people_count, person_times,
        skip_level, repeat_petition, category, summary, status, state, clock_due_on, petitioner_name, petitioner_id_number, petitioner_phone,
        petitioner_address, created_by, updated_at, import_fingerprint, import_id)
      select ${countyId}, s.id, s.case_number, ${unitCode}, ${unitCode},
        ((s.v->>'receivedOn')::date::timestamp - interval '8 hours') at time zone 'UTC',
        s.v->>'channel', coalesce((s.v->>'peopleCount')::int, 1), coalesce((s.v->>'peopleCount')::int, 1),
        s.v->>'skipLevel' = 'yes', s.v->>'repeatPetition' = 'yes', s.v->>'category', s.v->>'summary', 'registered',
        t.value->'state' || jsonb_build_object('id', s.id::text, 'peopleCount', coalesce((s.v->>'peopleCount')::int, 1),
          'repeat', s.v->>'repeatPetition' = 'yes', 'skipLevel', s.v->>'skipLevel' = 'yes'),
        (t.value->>'clockDueOn')::date, s.v->>'petitionerName', upper(nullif(s.v->>'petitionerIdNumber', '')),
        nullif(s.v->>'petitionerPhone', ''), nullif(s.v->>'petitionerAddress', ''), ${userId}::uuid, ${ctx.now.toISOString()}::timestamptz, s.fingerprint, ${batch.id}::uuid
      from src s left join templates t on t.key = s.received_on || '|' || s.channel
      returning id
    ), transitions as (
      insert into case_transitions (county_id, case_id, unit_code, registered_unit_code, action, from_status, to_status, actor_user_id, actor_name, at)
      select ${countyId}, i.id, ${unitCode}, ${unitCode}, 'register', null, 'registered', ${userId}::uuid, ${loginName}, ${ctx.now.toISOString()}::timestamptz from inserted i
      returning 1
    ) select (select count(*) from inserted)::int as n, (select count(*) from transitions)::int as t`;
  return onlyRow(await tx.execute(query), z.object({ n: z.number().int(), t: z.number().int() })).n;
}

/** The block this batch reserved before, read again inside the commit's transaction. */
async function reservedBefore(tx: Transaction, ctx: Context, batch: BatchRow): Promise<ReservedNumbers | null> {
  const [row] = rowsOf(
    await tx.execute(sql`select reserved_numbers as block from import_batches
    where county_id = ${ctx.actor.countyId} and id = ${batch.id}`),
    z.object({ block: reservedNumbersShape.nullable() }),
  );
  return row?.block ?? null;
}

/** The counts a reserved block was taken for equal the rows to insert now: anything else would leave a gap or overrun it. */
function sameCounts(block: ReservedNumbers, counts: Map<number, number>): boolean {
  const years = Object.keys(block);
  return years.length === counts.size && years.every((year) => counts.get(Number(year)) === block[year]?.count);
}

/** Register a case for every valid staged row not imported before; returns how many were registered. */
export async function insertStagedPetitions(
  tx: Transaction,
  ctx: Context,
  batch: BatchRow,
  progress: ProgressWriter,
): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${petitionImportLock(ctx.actor.countyId, ctx.actor.unitCode)})`);
  // The staged rows and often the cases were bulk-written moments ago, before autovacuum
  // has analysed them, and the app role may not ANALYZE: with estimates of one row the
  // planner picks nested-loop anti-joins that rescan the unit's cases per staged row
  // (quadratic). Hash joins are linear whatever the estimates.
  await tx.execute(sql`set local enable_nestloop = off`);
  // A slice's new cases reach the dashboard trigger as a transition table (20,000 rows with
  // their state, about 14 MB), and its staged rows are hashed: with the default 4 MB both
  // spilled to temporary files, written and read back on every slice (0023).
  await tx.execute(sql`set local work_mem = '64MB'`);
  // The foreign-key checks of 200,000 transitions: a plan this pooled connection cached while
  // the cases table was small would read the whole county per check, quadratic. Not seen on
  // the job (it replans anyway); dropped here so it cannot be (0023).
  await replanCachedPlans(tx);
  await refuseWhileAnotherBlockIsOpen(tx, ctx, batch);
  let block = await reservedBefore(tx, ctx, batch);
  const counts = await collectPending(tx, ctx, batch);
  // Everything that could refuse is checked before numbers are taken; a batch holding a
  // block was judged when it took it, and is only finished now.
  if (!block) {
    await refuseUnknownCaseNumbers(tx, ctx, batch);
    await refuseFutureBirthDates(tx, ctx, batch);
    await refuseUnnumberableYears(tx, ctx, batch);
  }
  const calendar = await countyCalendar(tx, ctx.actor.countyId);
  const lookup = JSON.stringify(await statesByDateAndChannel(tx, ctx, calendar));
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (block && !sameCounts(block, counts)) throw new Error('the rows to import no longer match the reserved numbers');
  if (!block) {
    if (total === 0) return 0;
    progress.report('numbering', 0, batch.validRows);
    block = await reserveNumbers(ctx, batch, counts);
  }
  // The format is the casework's: check the highest number against it, so a change there cannot drift from the SQL.
  for (const [year, taken] of Object.entries(block))
    formatCaseNumber({
      countyCode: ctx.actor.unitCode.slice(0, 6),
      year: Number(year),
      sequence: taken.first + taken.count - 1,
    });
  const blocks = JSON.stringify(block);
  const { last } = onlyRow(
    await tx.execute(sql`select coalesce(max(row_number), 0)::int as last from petition_pending`),
    z.object({ last: z.number().int() }),
  );
  let inserted = 0;
  for (let from = 0; from < last; from += SLICE) {
    inserted += await insertSlice(tx, ctx, batch, lookup, blocks, from, from + SLICE);
    progress.report('committing', inserted, batch.validRows);
  }
  if (inserted !== total) throw new Error('fewer cases were inserted than numbers reserved');
  return inserted;
}
