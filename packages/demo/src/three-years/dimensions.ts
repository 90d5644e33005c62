import { sql } from 'drizzle-orm';
import { addDays, compareDates, isWorkingDay, type CivilDate } from '@tally/casework';
import type { Transaction } from '@tally/db';
import type { DemoContext } from '../demo-context.ts';
import { lastDay } from '../demo-dates.ts';
import { holidayEvesOf } from '../demo-ledgers.ts';
import { DISPUTE_MATTERS, GIVEN_NAMES, SURNAMES } from './texts.ts';
import {
  DUTY_EVENTS,
  HAZARDS,
  INFO_TITLES,
  MEETING_DECISIONS,
  MEETING_TOPICS,
  PUBLICITY_PLACES,
  PUBLICITY_TOPICS,
} from '../demo-ledger-texts.ts';

/*
 * The small tables the set-based statements multiply out, as temporary tables of this
 * transaction: the units with the names of their staff and the user who keeps their sheets,
 * every day of the history with its working-day flag (the calendar lives in TypeScript, so
 * it is computed here once per day, not per row), and the word pools of the demo's registers.
 *
 * Randomness in SQL comes from md5 of a key that names the seed, the table, the unit, the day
 * and the draw, never from random(): the same seed gives the same rows whatever plan or
 * parallel workers PostgreSQL picks.
 */

/** A number in [0, 1) from the 32 bits of md5(key) starting at hex digit `at` (1, 9, 17 or 25). */
const U01 = sql.raw(`create function pg_temp.u01(h text, at int) returns float8 language sql immutable parallel safe
  as $$ select ('x' || substr(h, at, 8))::bit(32)::bigint / 4294967296.0 $$`);
/** An element of a text array by a draw in [0, 1). */
const PICK =
  sql.raw(`create function pg_temp.pick(pool text[], u float8) returns text language sql immutable parallel safe
  as $$ select pool[1 + floor(u * cardinality(pool))::int] $$`);
/** A uuid from a key: ids are part of the data set, so they follow the seed too. */
const KEY_UUID = sql.raw(`create function pg_temp.key_uuid(k text) returns uuid language sql immutable parallel safe
  as $$ select md5(k)::uuid $$`);

export async function createDimensions(tx: Transaction, ctx: DemoContext): Promise<void> {
  await tx.execute(U01);
  await tx.execute(PICK);
  await tx.execute(KEY_UUID);

  const units = ctx.units.map((unit) => ({
    code: unit.code,
    level: unit.level,
    name: unit.name,
    township: unit.township?.code ?? null,
    keeper: ctx.keeperOf(unit.code).id,
    head: unit.staff.head,
    mediator: unit.staff.mediator,
    clerks: unit.staff.clerks,
  }));
  await tx.execute(sql`create temp table gen_units on commit drop as
    select code, level, name, township, keeper::uuid, head, mediator, array(select jsonb_array_elements_text(clerks)) as clerks,
           (right(code, 3)::int % 5) as weekday
    from jsonb_to_recordset(${JSON.stringify(units)}::jsonb)
      as x(code text, level text, name text, township text, keeper text, head text, mediator text, clerks jsonb)`);

  const days: Array<{ day: CivilDate; working: boolean; eve: boolean }> = [];
  const eves = new Set(holidayEvesOf(ctx));
  for (let day = ctx.start; compareDates(day, lastDay(ctx)) <= 0; day = addDays(day, 1)) {
    days.push({ day, working: isWorkingDay(day, ctx.calendar), eve: eves.has(day) });
  }
  // week: the Monday of the day's week; wd: 0 = Monday … 6 = Sunday; month: the month's first day.
  await tx.execute(sql`create temp table gen_days on commit drop as
    select day::date, working, eve, (day::date - (extract(isodow from day::date)::int - 1))::date as week,
           extract(isodow from day::date)::int - 1 as wd, date_trunc('month', day::date)::date as month
    from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as x(day text, working boolean, eve boolean)`);
  // The first working day of each unit's weekday in every week (a holiday week moves it later, or drops it).
  await tx.execute(sql`create temp table gen_week_days on commit drop as
    select distinct on (w.week, k.offset_) w.week, k.offset_ as weekday, d.day
    from (select distinct week from gen_days) w cross join generate_series(0, 4) as k(offset_)
    join gen_days d on d.week = w.week and d.wd >= k.offset_ and d.working
    order by w.week, k.offset_, d.day`);

  const pools = {
    meetingTopics: MEETING_TOPICS,
    meetingDecisions: MEETING_DECISIONS,
    dutyEvents: DUTY_EVENTS.map(([event]) => event),
    dutyHandling: DUTY_EVENTS.map(([, handling]) => handling),
    publicityTopics: PUBLICITY_TOPICS,
    publicityPlaces: PUBLICITY_PLACES,
    infoTitles: INFO_TITLES,
    hazardPlaces: HAZARDS.map(([place]) => place),
    hazards: HAZARDS.map(([, hazard]) => hazard),
    surnames: SURNAMES,
    givenNames: GIVEN_NAMES,
  };
  await tx.execute(sql`create temp table gen_pools on commit drop as
    select ${sql.join(
      Object.keys(pools).map(
        (key) => sql`array(select jsonb_array_elements_text(p -> ${key})) as ${sql.identifier(snake(key))}`,
      ),
      sql`, `,
    )}
      -- What each dispute type is about, by dispute_type code.
      , ${JSON.stringify(DISPUTE_MATTERS)}::jsonb as matters
    from (select ${JSON.stringify(pools)}::jsonb as p) source`);
  await tx.execute(sql`analyze gen_units; analyze gen_days; analyze gen_week_days`);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
