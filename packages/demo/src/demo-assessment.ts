import { addDays, toDayNumber, type CivilDate } from '@tally/casework';
import { DEFAULT_KINDS, defaultRuleSet } from '@tally/scoring';
import { type Transaction, ruleSetHash, type CheckingEventKind } from '@tally/db';
import { assessmentRuleSets, checkingEvents, inspectionScores } from '@tally/db/schema';
import type { DemoContext, DemoUnit, DemoUser } from './demo-context.ts';

export interface DemoAssessmentSummary {
  inspections: number;
  checkingEvents: number;
}

/** Night-duty findings, commendations, preventable cases and one veto: what a county's checkers record in a year. */
export const EVENT_PLAN: ReadonlyArray<{ kind: CheckingEventKind; level?: string; count: number; text: string }> = [
  {
    kind: DEFAULT_KINDS.events.nightDutyOffPost,
    level: 'criticism',
    count: 6,
    text: '夜间查岗时值班人员不在岗，予以通报批评。',
  },
  {
    kind: DEFAULT_KINDS.events.nightDutyOffPost,
    level: 'yellow-card',
    count: 2,
    text: '夜间查岗时值班室无人值守且联系不上，予以黄牌警告。',
  },
  {
    kind: DEFAULT_KINDS.events.commendation,
    level: 'county',
    count: 4,
    text: '综治工作成绩突出，受到县委县政府通报表扬。',
  },
  { kind: DEFAULT_KINDS.events.commendation, level: 'city', count: 1, text: '平安建设工作受到市级表彰。' },
  { kind: DEFAULT_KINDS.events.preventableCase, count: 5, text: '发生一起因排查不到位引发的可防性案件。' },
  {
    kind: DEFAULT_KINDS.vetoes.disgracefulIncident,
    count: 1,
    text: '发生造成恶劣社会影响的事件，经县考核组认定实行一票否决。',
  },
];

/** Scores in steps of 0.5 between 70 and 98, as checkers write them. */
export function inspectionScore(ctx: DemoContext): string {
  return (70 + ctx.random.int(0, 56) * 0.5).toFixed(1);
}

/** The checking unit of a unit: the county for townships, the township for its villages. */
export function checkerOf(ctx: DemoContext, unit: DemoUnit): { unitCode: string; user: DemoUser } {
  const unitCode = unit.level === 'township' ? `${ctx.countyCode}000000` : unit.township!.code;
  const admin = ctx.users.find((user) => user.role === 'county_admin');
  const user = unit.level === 'township' && admin ? admin : ctx.keeperOf(unitCode);
  return { unitCode, user };
}

/**
 * The county's assessment as it stands on `now`: the default 百分制 scheme published for this
 * year, routine inspection scores for every finished month (and the half-year one once June has
 * passed) for every township and village, and the checking units' register of events.
 */
export async function insertDemoAssessment(tx: Transaction, ctx: DemoContext): Promise<DemoAssessmentSummary> {
  const year = Number(ctx.today.slice(0, 4));
  const admin = ctx.users.find((user) => user.role === 'county_admin');
  if (!admin) throw new Error('the demo county has no county admin');
  const ruleSet = { ...defaultRuleSet(), version: `${year}.1` };
  await tx.insert(assessmentRuleSets).values({
    countyId: ctx.countyId,
    year,
    status: 'published',
    content: ruleSet,
    contentHash: ruleSetHash(ruleSet),
    createdBy: admin.id,
    publishedAt: ctx.now,
    publishedBy: admin.id,
  });

  const finishedMonths = Number(ctx.today.slice(5, 7)) - 1;
  const assessed = ctx.units.filter((unit) => unit.level !== 'county');
  const scores = assessed.flatMap((unit) => {
    const checker = checkerOf(ctx, unit);
    const row = (component: 'routine' | 'half-year', periodNo: number) => ({
      countyId: ctx.countyId,
      unitCode: unit.code,
      year,
      component,
      periodNo,
      score: inspectionScore(ctx),
      enteredByUnit: checker.unitCode,
      createdBy: checker.user.id,
      createdByName: checker.user.loginName,
    });
    const routine = Array.from({ length: finishedMonths }, (_, month) => row('routine', month + 1));
    return ctx.today > `${year}-06-30` ? [...routine, row('half-year', 1)] : routine;
  });
  for (let i = 0; i < scores.length; i += 1000) await tx.insert(inspectionScores).values(scores.slice(i, i + 1000));

  const span = toDayNumber(ctx.today) - toDayNumber(`${year}-01-01`) + 1;
  const events = EVENT_PLAN.flatMap((plan) =>
    Array.from({ length: plan.count }, () => {
      const unit = ctx.random.pick(assessed);
      const checker = checkerOf(ctx, unit);
      const occurredOn: CivilDate = addDays(`${year}-01-01`, ctx.random.int(0, Math.max(0, span - 1)));
      return {
        countyId: ctx.countyId,
        unitCode: unit.code,
        kind: plan.kind,
        level: plan.level ?? null,
        occurredOn,
        description: plan.text,
        attachmentRef: `${ctx.countyName.slice(0, 2)}综考〔${year}〕${ctx.random.int(1, 60)}号`,
        enteredByUnit: checker.unitCode,
        createdBy: checker.user.id,
        createdByName: checker.user.loginName,
      };
    }),
  );
  await tx.insert(checkingEvents).values(events);
  return { inspections: scores.length, checkingEvents: events.length };
}
