import { addDays, type CivilDate } from '@tally/casework';
import { deadlineOf, defaultObligations, periodsOfYear } from '@tally/reporting';
import type { Transaction } from '@tally/db';
import { reports, reportVersions } from '@tally/db/schema';
import type { DemoContext } from './demo-context.ts';

/** 09:00 in Shanghai on a civil date. */
const morning = (day: CivilDate) => new Date(`${day}T01:00:00Z`);

/**
 * The 月报 of every village and township for each month of the demo's history whose deadline has
 * passed: most filed on time and accepted, a few late, a few never filed (so the matrix and the
 * assessment have something to show). Filed with empty figures: the demo shows states, not counts.
 */
export async function insertDemoReports(tx: Transaction, ctx: DemoContext): Promise<number> {
  const grace = defaultObligations()[0]!.graceDays;
  const years = [...new Set([ctx.start.slice(0, 4), ctx.today.slice(0, 4)].map(Number))];
  const months = years
    .flatMap((year) => periodsOfYear('monthly', year))
    .filter((period) => period.start >= ctx.start && deadlineOf(period, grace, ctx.calendar) < ctx.today);
  let filed = 0;
  for (const unit of ctx.units) {
    if (unit.level === 'county' || !unit.township) continue;
    const parentCode = unit.level === 'village' ? unit.township.code : `${ctx.countyCode}000000`;
    const keeper = ctx.keeperOf(unit.code);
    for (const period of months) {
      const roll = ctx.random.int(0, 99);
      if (roll < 5) continue; // 漏报
      const deadline = deadlineOf(period, grace, ctx.calendar);
      // 迟报 a few days after the deadline; otherwise on the last day of the month or within the grace.
      const filedOn = roll < 10 ? addDays(deadline, ctx.random.int(1, 5)) : addDays(period.end, ctx.random.int(0, 3));
      if (filedOn > ctx.today) continue;
      const submittedAt = morning(filedOn);
      const id = ctx.random.uuid();
      const narrative = {
        work: `${unit.name}${period.key}综治工作按计划开展。`,
        problems: '无。',
        plans: '继续做好矛盾纠纷排查化解。',
      };
      await tx.insert(reports).values({
        countyId: ctx.countyId,
        id,
        unitCode: unit.code,
        parentCode,
        kind: 'monthly',
        periodKey: period.key,
        state: 'accepted',
        narrative,
        version: 2,
        filedVersionNo: 1,
        submittedAt,
        createdBy: keeper.id,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
      await tx.insert(reportVersions).values({
        countyId: ctx.countyId,
        reportId: id,
        unitCode: unit.code,
        parentCode,
        versionNo: 1,
        draftVersion: 1,
        zero: false,
        figures: {},
        narrative,
        submittedAt,
        submittedBy: keeper.id,
        submittedByName: keeper.loginName,
        reviewOutcome: 'accepted',
        reviewedAt: morning(addDays(filedOn, 1)),
      });
      filed += 1;
    }
  }
  return filed;
}
