import { sql } from 'drizzle-orm';
import { deadlineOf, defaultObligations, periodsOfYear } from '@tally/reporting';
import type { Transaction } from '@tally/db';
import { reportObligations } from '@tally/db/schema';
import type { DemoContext } from '../demo-context.ts';
import { draw, shanghaiAt } from './sql-draws.ts';

/**
 * The 月报 of every village and township for every month of the history whose deadline has
 * passed, as the demo files them (docs/reports.md): about nine in ten on time and accepted,
 * one in twenty late, one in twenty never filed. One INSERT … SELECT for the reports and one
 * for the filed versions; the months and their deadlines (which follow the working-day
 * calendar) are computed here, 36 of them, and multiplied out by SQL.
 */
export async function insertReports(tx: Transaction, ctx: DemoContext, seed: string): Promise<void> {
  const obligations = defaultObligations();
  const grace = obligations[0]!.graceDays;
  const firstYear = Number(ctx.start.slice(0, 4));
  const lastYear = Number(ctx.today.slice(0, 4));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  // Provisioning writes the first year's obligations; the history's earlier years need theirs.
  await tx
    .insert(reportObligations)
    .values(years.flatMap((year) => obligations.map((o) => ({ ...o, countyId: ctx.countyId, year }))))
    .onConflictDoNothing();

  const months = years
    .flatMap((year) => periodsOfYear('monthly', year))
    .map((period) => ({
      key: period.key,
      end: period.end,
      deadline: deadlineOf(period, grace, ctx.calendar),
      start: period.start,
    }))
    .filter((month) => month.start >= ctx.start && month.deadline < ctx.today);
  const countyUnit = `${ctx.countyCode}000000`;
  const u = (i: 0 | 1) => draw(sql`r.h`, i);
  await tx.execute(sql`insert into reports (county_id, id, unit_code, parent_code, kind, period_key, state, narrative, version, filed_version_no,
      submitted_at, created_by, created_at, updated_at)
    select ${sql.raw(String(ctx.countyId))}, pg_temp.key_uuid(k.k), g.code, coalesce(case when g.level = 'village' then g.township end, ${countyUnit}),
      'monthly', m.key, 'accepted',
      jsonb_build_object('work', g.name || m.key || '综治工作按计划开展。', 'problems', '无。', 'plans', '继续做好矛盾纠纷排查化解。'),
      2, 1, f.at, g.keeper, f.at, f.at
    from gen_units g
      cross join jsonb_to_recordset(${JSON.stringify(months)}::jsonb) as m(key text, "end" date, deadline date)
      cross join lateral (select ${seed}::text || ':report:' || g.code || ':' || m.key as k) k
      cross join lateral (select md5(k.k) as h) r
      -- 迟报 a few days after the deadline; otherwise on the month's last day or within the grace.
      cross join lateral (select case when ${u(0)} < 0.05 then m.deadline + 1 + floor(${u(1)} * 5)::int else m."end" + floor(${u(1)} * 4)::int end as day) filed
      cross join lateral (select ${shanghaiAt(sql`filed.day`, '09:00')} as at) f
    -- 漏报: one in twenty (0.05 ≤ draw < 0.10) is never filed.
    where g.level <> 'county' and not (${u(0)} >= 0.05 and ${u(0)} < 0.10) and filed.day < ${ctx.today}::date`);
  await tx.execute(sql`insert into report_versions (county_id, id, report_id, unit_code, parent_code, version_no, draft_version, zero, figures, narrative,
      submitted_at, submitted_by, submitted_by_name, review_outcome, reviewed_at)
    select r.county_id, pg_temp.key_uuid(${seed}::text || ':version:' || r.id), r.id, r.unit_code, r.parent_code, 1, 1, false, '{}'::jsonb, r.narrative,
      r.submitted_at, r.created_by, u.login_name, 'accepted', r.submitted_at + interval '1 day'
    from reports r join users u on u.county_id = r.county_id and u.id = r.created_by
    where r.county_id = ${ctx.countyId}`);
}
