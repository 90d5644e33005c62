import { addDays, compareDates, toDayNumber, type CivilDate } from '@tally/casework';
import { defaultRuleSet } from '@tally/scoring';
import { ruleSetHash, type Transaction } from '@tally/db';
import { assessmentRuleSets, checkingEvents, inspectionScores } from '@tally/db/schema';
import { EVENT_PLAN, checkerOf, inspectionScore } from '../demo-assessment.ts';
import type { DemoContext } from '../demo-context.ts';

/**
 * The assessment inputs of every year of the history, as the demo makes this year's: the
 * default 百分制 scheme published on 1 January, a routine inspection score for every finished
 * month the history covers and the half-year one once June has passed (the year-end one for a
 * finished year), and the checking units' events at the demo's yearly rate. A few thousand
 * rows, built here and written in multi-row statements.
 */
export async function insertAssessmentYears(tx: Transaction, ctx: DemoContext): Promise<void> {
  const admin = ctx.users.find((user) => user.role === 'county_admin');
  if (!admin) throw new Error('the county has no county admin');
  const firstYear = Number(ctx.start.slice(0, 4));
  const thisYear = Number(ctx.today.slice(0, 4));
  const assessed = ctx.units.filter((unit) => unit.level !== 'county');
  const scores: Array<typeof inspectionScores.$inferInsert> = [];
  const events: Array<typeof checkingEvents.$inferInsert> = [];
  for (let year = firstYear; year <= thisYear; year++) {
    const ruleSet = { ...defaultRuleSet(), version: `${year}.1` };
    const publishedAt = new Date(`${year}-01-01T09:00:00+08:00`);
    await tx.insert(assessmentRuleSets).values({
      countyId: ctx.countyId,
      id: ctx.random.uuid(),
      year,
      status: 'published',
      content: ruleSet,
      contentHash: ruleSetHash(ruleSet),
      createdBy: admin.id,
      createdAt: publishedAt,
      updatedAt: publishedAt,
      publishedAt,
      publishedBy: admin.id,
    });
    const yearStart: CivilDate = `${year}-01-01`;
    const from = compareDates(ctx.start, yearStart) > 0 ? ctx.start : yearStart;
    const to: CivilDate = year === thisYear ? ctx.today : `${year}-12-31`;
    const finished = (day: CivilDate) => compareDates(day, ctx.today) < 0;
    for (const unit of assessed) {
      const checker = checkerOf(ctx, unit);
      const row = (component: 'routine' | 'half-year' | 'year-end', periodNo: number) => ({
        countyId: ctx.countyId,
        id: ctx.random.uuid(),
        unitCode: unit.code,
        year,
        component,
        periodNo,
        score: inspectionScore(ctx),
        enteredByUnit: checker.unitCode,
        createdBy: checker.user.id,
        createdByName: checker.user.loginName,
      });
      for (let month = 1; month <= 12; month++) {
        const monthStart: CivilDate = `${year}-${String(month).padStart(2, '0')}-01`;
        const monthEnd = addDays(
          month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`,
          -1,
        );
        if (compareDates(monthStart, from) >= 0 && finished(monthEnd)) scores.push(row('routine', month));
      }
      if (compareDates(`${year}-01-01`, from) >= 0 && finished(`${year}-06-30`)) scores.push(row('half-year', 1));
      if (finished(`${year}-12-31`)) scores.push(row('year-end', 1));
    }
    const span = toDayNumber(to) - toDayNumber(from) + 1;
    for (const plan of EVENT_PLAN) {
      for (let i = 0; i < plan.count; i++) {
        const unit = ctx.random.pick(assessed);
        const checker = checkerOf(ctx, unit);
        events.push({
          countyId: ctx.countyId,
          id: ctx.random.uuid(),
          unitCode: unit.code,
          kind: plan.kind,
          level: plan.level ?? null,
          occurredOn: addDays(from, ctx.random.int(0, Math.max(0, span - 2))),
          description: plan.text,
          attachmentRef: `${ctx.countyName.slice(0, 2)}综考〔${year}〕${ctx.random.int(1, 60)}号`,
          enteredByUnit: checker.unitCode,
          createdBy: checker.user.id,
          createdByName: checker.user.loginName,
        });
      }
    }
  }
  for (let i = 0; i < scores.length; i += 2000) await tx.insert(inspectionScores).values(scores.slice(i, i + 2000));
  for (let i = 0; i < events.length; i += 2000) await tx.insert(checkingEvents).values(events.slice(i, i + 2000));
}
