/**
 * The commit of a petition-ledger batch, set-based (docs/decisions/0015-import-commit-jobs.md):
 *
 * 1. Serialise with any other petition commit of the same unit (advisory lock), so two
 *    batches of one ledger committed at once run one after the other and the second
 *    finds the first's cases instead of hitting the unique key.
 * 2. Refuse, naming the row, what the preview could not know: a case number (a row of the
 *    app's own export) that names no case the unit can see, an ID number whose birth date
 *    lies after today.
 * 3. INSERT … SELECT the cases and their 'register' transitions from the staged rows, a
 *    slice of row numbers per statement (progress between slices), each case under a
 *    placeholder number unique to the batch and row. The workflow state and its projected
 *    columns come from the same pure code as desk intake (registerCase, projectionOf),
 *    computed once per distinct (date, channel): nothing else in them varies by row.
 * 4. Last, one statement numbers them: per year, the county's counter is raised by the
 *    year's count (INSERT … ON CONFLICT DO UPDATE … RETURNING, years in order, so two
 *    imports never deadlock) and each case takes base + its rank in file order. The
 *    counter rows stay locked from that statement to COMMIT only, a moment instead of
 *    the whole import; a rollback anywhere gives every number back, so no gaps (§3).
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
  type Channel,
  type WorkCalendar,
} from '@tally/casework';
import { z } from 'zod';
import { onlyRow, petitionImportLock, rowsOf, type Transaction } from '@tally/db';
import type { AuthedContext } from '../trpc.ts';
import { domainError, unnumberableYear } from '../services/petition-intake.ts';
import { projectionOf } from '../services/case-records.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import type { BatchRow } from './batch-store.ts';
import type { ProgressWriter } from './progress-writer.ts';

/** Staged rows per INSERT: large enough to be set-based, small enough for progress to move. */
const SLICE = 20_000;
/** The highest sequence a case number can carry (six digits). */
const MAX_SEQUENCE = 999_999;
/** Placeholder numbers sort in file order: the batch, then the row number padded. */
const placeholderPrefix = (batchId: string) => `importing:${batchId}:`;

type Context = Pick<AuthedContext, 'actor' | 'now'>;

/** A refusal that names the row, in the words desk intake would use for the field. */
function rowRefusal(rowNumber: number, message: { zh: string; en: string }) {
  return domainError({ zh: `第 ${rowNumber} 行：${message.zh}`, en: `Row ${rowNumber}: ${message.en}` });
}

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

/** A receipt outside the years a case number can carry (Excel's serial 2024 read as 1905-07-16): the clerk's to fix, by row. */
async function refuseUnnumberableYears(tx: Transaction, ctx: Context, batch: BatchRow): Promise<void> {
  const [outside] = rowsOf(
    await tx.execute(sql`select r.row_number as "rowNumber", r.values->>'receivedOn' as "receivedOn" from import_rows r
    where ${pendingRows(ctx, batch)}
      and left(r.values->>'receivedOn', 4)::int not between ${CASE_NUMBER_YEARS.min} and ${CASE_NUMBER_YEARS.max}
    order by r.row_number limit 1`),
    z.object({ rowNumber: z.number().int(), receivedOn: z.string() }),
  );
  if (!outside) return;
  throw rowRefusal(outside.rowNumber, unnumberableYear(outside.receivedOn));
}

/** Intake's ID check depends on today (a birth date after today): only 18-digit numbers born today or later can fail it. */
async function refuseFutureBirthDates(tx: Transaction, ctx: Context, batch: BatchRow): Promise<void> {
  const today = shanghaiDate(ctx.now);
  const suspects = rowsOf(
    await tx.execute(sql`select r.row_number as "rowNumber", r.values->>'petitionerIdNumber' as id from import_rows r
    where ${pendingRows(ctx, batch)} and length(r.values->>'petitionerIdNumber') = 18
      and substr(r.values->>'petitionerIdNumber', 7, 8) >= ${today.replaceAll('-', '')}
    order by r.row_number`),
    z.object({ rowNumber: z.number().int(), id: z.string() }),
  );
  for (const suspect of suspects) {
    const checked = validateIdNumber(suspect.id, { today });
    if (!checked.ok) throw rowRefusal(suspect.rowNumber, checked);
  }
}

/**
 * The registered state and projected columns for each (date, channel) of the batch, from
 * the same pure code as desk intake; the SQL adds what varies by row (id, counts, flags).
 */
async function statesByDateAndChannel(tx: Transaction, ctx: Context, batch: BatchRow, calendar: WorkCalendar) {
  const pairs = rowsOf(
    await tx.execute(
      sql`select distinct r.values->>'receivedOn' as "receivedOn", r.values->>'channel' as channel from import_rows r where ${pendingRows(ctx, batch)}`,
    ),
    // Required in every valid row; were one null, intake would refuse it below as before.
    z.object({ receivedOn: z.string().nullable(), channel: z.string().nullable() }),
  );
  const lookup: Record<string, { state: unknown; clockDueOn: string | null }> = {};
  for (const pair of pairs) {
    const registered = registerCase(
      {
        id: 'template',
        receivedAt: `${String(pair.receivedOn)}T00:00:00+08:00`,
        channel: String(pair.channel) as Channel,
        unitCode: ctx.actor.unitCode,
        peopleCount: 1,
      },
      ctx.now,
    );
    // A value intake refuses gets no entry: its rows would have no state, which NOT NULL refuses, rolling back the commit.
    if (!registered.ok) continue;
    // Evaluated at the receipt, not today: a registered case's running deadline is the same
    // whatever day it is read (every open clock runs), and counting working days from the
    // receipt instead of from today keeps a ledger of old years cheap.
    const projection = projectionOf(registered.state, null, new Date(registered.state.receivedAt), calendar);
    lookup[`${String(pair.receivedOn)}|${String(pair.channel)}`] = {
      state: registered.state,
      clockDueOn: projection.clockDueOn,
    };
  }
  return lookup;
}

async function insertSlice(
  tx: Transaction,
  ctx: Context,
  batch: BatchRow,
  lookup: string,
  from: number,
  to: number,
): Promise<number> {
  const { countyId, unitCode, userId, loginName } = ctx.actor;
  const query = sql`with src as (
      select r.row_number, gen_random_uuid() as id, r.values as v, r.fingerprint
      from import_rows r
      where ${pendingRows(ctx, batch)} and r.row_number > ${from} and r.row_number <= ${to}
    ), templates as materialized (
      select key, value from jsonb_each(${lookup}::jsonb)
    ), inserted as (
      insert into petition_cases (county_id, id, case_number, unit_code, registered_unit_code, received_at, channel, people_count, person_times,
        skip_level, repeat_petition, category, summary, status, state, clock_due_on, petitioner_name, petitioner_id_number, petitioner_phone,
        petitioner_address, created_by, updated_at, import_fingerprint, import_id)
      select ${countyId}, s.id, ${placeholderPrefix(batch.id)} || lpad(s.row_number::text, 9, '0'), ${unitCode}, ${unitCode},
        ((s.v->>'receivedOn')::date::timestamp - interval '8 hours') at time zone 'UTC',
        s.v->>'channel', coalesce((s.v->>'peopleCount')::int, 1), coalesce((s.v->>'peopleCount')::int, 1),
        s.v->>'skipLevel' = 'yes', s.v->>'repeatPetition' = 'yes', s.v->>'category', s.v->>'summary', 'registered',
        t.value->'state' || jsonb_build_object('id', s.id::text, 'peopleCount', coalesce((s.v->>'peopleCount')::int, 1),
          'repeat', s.v->>'repeatPetition' = 'yes', 'skipLevel', s.v->>'skipLevel' = 'yes'),
        (t.value->>'clockDueOn')::date, s.v->>'petitionerName', upper(nullif(s.v->>'petitionerIdNumber', '')),
        nullif(s.v->>'petitionerPhone', ''), nullif(s.v->>'petitionerAddress', ''), ${userId}::uuid, ${ctx.now.toISOString()}::timestamptz, s.fingerprint, ${batch.id}::uuid
      from src s left join templates t on t.key = (s.v->>'receivedOn') || '|' || (s.v->>'channel')
      returning id
    ), transitions as (
      insert into case_transitions (county_id, case_id, unit_code, registered_unit_code, action, from_status, to_status, actor_user_id, actor_name, at)
      select ${countyId}, i.id, ${unitCode}, ${unitCode}, 'register', null, 'registered', ${userId}::uuid, ${loginName}, ${ctx.now.toISOString()}::timestamptz from inserted i
      returning 1
    ) select (select count(*) from inserted)::int as n, (select count(*) from transitions)::int as t`;
  return onlyRow(await tx.execute(query), z.object({ n: z.number().int(), t: z.number().int() })).n;
}

/**
 * Number the batch's cases: one statement, the counters locked from here to COMMIT.
 * Returns the highest sequence given, checked against the six digits a number has.
 */
async function numberCases(tx: Transaction, ctx: Context, batch: BatchRow): Promise<void> {
  const { countyId, unitCode } = ctx.actor;
  const countyCode = unitCode.slice(0, 6);
  const query = sql`with todo as (
      select c.id, c.case_number as placeholder, extract(year from (c.received_at at time zone 'UTC') + interval '8 hours')::int as year
      from petition_cases c
      where c.county_id = ${countyId} and c.registered_unit_code = ${unitCode} and c.import_id = ${batch.id}::uuid
        and c.import_fingerprint is not null and c.case_number like ${`${placeholderPrefix(batch.id)}%`}
    ), counts as (
      select year, count(*)::int as n from todo group by year
    ), raised as (
      insert into case_counters (county_id, year, last_number)
      select ${countyId}, year, n from counts order by year
      on conflict (county_id, year) do update set last_number = case_counters.last_number + excluded.last_number
      returning year, last_number
    ), numbered as (
      select t.id, t.year, r.last_number - c.n + row_number() over (partition by t.year order by t.placeholder) as seq
      from todo t join counts c using (year) join raised r using (year)
    ), renumbered as (
      update petition_cases p set case_number = ${countyCode} || '-' || n.year::text || '-' || lpad(n.seq::text, 6, '0')
      from numbered n where p.county_id = ${countyId} and p.id = n.id and n.seq <= ${MAX_SEQUENCE}
      returning n.seq
    ) select coalesce(max(seq), 0)::int as top, count(*)::int as n, (select count(*) from todo)::int as wanted from renumbered`;
  const result = onlyRow(
    await tx.execute(query),
    z.object({ top: z.number().int(), n: z.number().int(), wanted: z.number().int() }),
  );
  if (result.n !== result.wanted) {
    // The year's six digits are used up: refuse rather than write a number the format cannot hold.
    throw domainError({
      zh: `本年度信访件编号已超过 ${MAX_SEQUENCE} 号，无法导入`,
      en: `The year's case numbers would pass ${MAX_SEQUENCE}; nothing was imported`,
    });
  }
  // The format is the casework's: check one number against it, so a change there cannot drift from this SQL silently.
  if (result.top > 0) formatCaseNumber({ countyCode, year: 2000, sequence: result.top });
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
  await refuseUnknownCaseNumbers(tx, ctx, batch);
  await refuseFutureBirthDates(tx, ctx, batch);
  await refuseUnnumberableYears(tx, ctx, batch);
  const calendar = await countyCalendar(tx, ctx.actor.countyId);
  const lookup = JSON.stringify(await statesByDateAndChannel(tx, ctx, batch, calendar));
  const { last } = onlyRow(
    await tx.execute(sql`select coalesce(max(row_number), 0)::int as last from import_rows r
    where r.county_id = ${ctx.actor.countyId} and r.batch_id = ${batch.id} and r.outcome = 'valid'`),
    z.object({ last: z.number().int() }),
  );
  let inserted = 0;
  for (let from = 0; from < last; from += SLICE) {
    inserted += await insertSlice(tx, ctx, batch, lookup, from, from + SLICE);
    progress.report('committing', inserted, batch.validRows);
  }
  progress.report('numbering', inserted, batch.validRows);
  if (inserted > 0) await numberCases(tx, ctx, batch);
  return inserted;
}
