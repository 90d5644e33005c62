/**
 * Data step: a running clock for cases stored before every open state had one (issue 13).
 *
 * Registered and accepted cases used to have no deadline unless they came in on a
 * leadership reception day, so their clock_due_on is null and they never showed as
 * overdue or due soon. Two things change for them:
 * 1. the workflow state gains `acceptedOn` (the assignment clock starts there), taken from
 *    the case's last `accept` transition with no escalation after it, in Shanghai time;
 * 2. clock_due_on is recomputed from the state with the county's calendar, by the same
 *    code the API uses after a calendar edit (refreshOpenClocks).
 * TypeScript, not SQL, for step 2: the deadlines count working days on the county's
 * calendar, which only @tally/casework knows how to do.
 */
import { sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { countyCalendar } from '../cases/county-calendar.ts';
import { refreshOpenClocks } from '../cases/open-clocks.ts';
import { counties } from '../schema/counties.ts';

export async function giveOpenCasesAClock(
  db: Pick<PostgresJsDatabase, 'select' | 'update' | 'execute'>,
  now = new Date(),
): Promise<{ accepted: number; moved: number }> {
  const accepted = await db.execute(sql`
    update petition_cases p
       set state = jsonb_set(p.state, '{acceptedOn}', coalesce((
             select to_jsonb(to_char(t.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'))
               from case_transitions t
              where t.county_id = p.county_id and t.case_id = p.id and t.action = 'accept'
                and not exists (select 1 from case_transitions e
                                 where e.county_id = t.county_id and e.case_id = t.case_id and e.action = 'escalate' and e.id > t.id)
              order by t.id desc
              limit 1), 'null'::jsonb))
     where not (p.state ? 'acceptedOn')
    returning p.id`);
  let moved = 0;
  for (const county of await db.select({ countyId: counties.countyId }).from(counties)) {
    moved += await refreshOpenClocks(db, county.countyId, now, await countyCalendar(db, county.countyId));
  }
  return { accepted: accepted.length, moved };
}
