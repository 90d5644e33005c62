import { and, eq, sql } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError } from '../errors.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { factsFor, scoreAndRank, unitsUnder, type Ranked } from './assess-units.ts';
import { publishedRuleSet } from './rule-set-store.ts';

/**
 * Publishes a period's result: scores every unit under the scope with the rule set in force and
 * stores an immutable snapshot (ranks, every explanation line with its fact ids, the rule set's
 * hash, and the instant the records were read). A second publication of the same period is a
 * correction: it must give a reason and names the result it supersedes, which stays readable.
 */
export async function publishResult(
  tx: Transaction,
  ctx: AuthedContext,
  ranked: Ranked,
  reason: string | null,
): Promise<{ id: string; supersedes: string | null }> {
  const ruleSet = await publishedRuleSet(tx, ranked.countyId, ranked.year);
  if (!ruleSet) throw new UserFacingError('BAD_REQUEST', 'error.assessment.noPublished', { year: ranked.year });
  const units = await unitsUnder(tx, ranked.countyId, ranked.scopeCode);
  if (units.length === 0) throw new UserFacingError('BAD_REQUEST', 'error.assessment.nothingToRank');
  const r = schema.assessmentResults;
  // One publication at a time per period and scope: the transaction-level advisory lock serialises a double click.
  await tx.execute(sqlLock(ranked));
  // The result in force is the one no later result supersedes: a correction always replaces it, never an older one.
  const [previous] = await tx
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.countyId, ranked.countyId),
        eq(r.year, ranked.year),
        eq(r.period, ranked.period),
        eq(r.scopeCode, ranked.scopeCode),
        sql`not exists (select 1 from assessment_results s where s.county_id = ${r.countyId} and s.supersedes = ${r.id})`,
      ),
    )
    .limit(1);
  if (previous && !reason) throw new UserFacingError('BAD_REQUEST', 'error.assessment.correctionNeedsReason');
  const assessed = await factsFor(
    tx,
    ranked,
    units,
    [ruleSet.ruleSet],
    await countyCalendar(tx, ranked.countyId),
    ctx.now,
  );
  const { assessments, ranking } = scoreAndRank(ruleSet.ruleSet, assessed.facts, true, assessed.closed);
  const [header] = await tx
    .insert(r)
    .values({
      countyId: ranked.countyId,
      year: ranked.year,
      period: ranked.period,
      scopeCode: ranked.scopeCode,
      rankedLevel: units[0]!.level,
      ruleSetId: ruleSet.id,
      ruleSetHash: ruleSet.hash,
      periodFrom: assessed.window.from,
      periodTo: assessed.window.to,
      periodClosed: assessed.closed,
      asOf: ctx.now,
      publishedBy: ctx.actor.userId,
      publishedByName: ctx.actor.loginName,
      supersedes: previous?.id ?? null,
      reason: previous ? reason : null,
    })
    .returning({ id: r.id });
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  await tx.insert(schema.assessmentRankings).values(
    ranking.map((line) => ({
      countyId: ranked.countyId,
      resultId: header!.id,
      unitCode: line.unitId,
      scopeCode: ranked.scopeCode,
      rankedLevel: units[0]!.level,
      unitName: names.get(line.unitId) ?? line.unitId,
      finalMilli: line.final,
      rank: line.rank,
      vetoed: line.vetoed,
    })),
  );
  await tx.insert(schema.assessmentBreakdowns).values(
    assessments.map((assessment) => ({
      countyId: ranked.countyId,
      resultId: header!.id,
      unitCode: assessment.unitId,
      assessment,
    })),
  );
  await auditChange(tx, ctx, {
    action: previous ? 'assessment.result.correct' : 'assessment.result.publish',
    objectType: 'assessment_result',
    objectId: header!.id,
    detail: {
      year: ranked.year,
      period: ranked.period,
      scopeCode: ranked.scopeCode,
      ruleSetHash: ruleSet.hash,
      supersedes: previous?.id ?? null,
      units: units.length,
    },
  });
  return { id: header!.id, supersedes: previous?.id ?? null };
}

function sqlLock(ranked: Ranked) {
  return sql`select pg_advisory_xact_lock(hashtext(${`assessment-result:${ranked.countyId}:${ranked.year}:${ranked.period}:${ranked.scopeCode}`}))`;
}
