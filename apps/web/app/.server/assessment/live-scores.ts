import type { Transaction } from '@tally/db';
import { formatFixed } from '@tally/scoring';
import { UserFacingError } from '../errors.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { factsFor, scoreAndRank, unitsUnder, type Ranked } from './assess-units.ts';
import { resolveRanked } from './resolve-ranked.ts';
import { publishedRuleSet } from './rule-set-store.ts';

/** Scores to date under the rules in force, not published: what the ranking would be now. */
export async function liveScores(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; period: Ranked['period']; scopeCode: string },
) {
  const ranked = await resolveRanked(tx, ctx, input);
  const published = await publishedRuleSet(tx, ctx.actor.countyId, input.year);
  if (!published) throw new UserFacingError('BAD_REQUEST', 'error.assessment.noPublished', { year: input.year });
  const units = await unitsUnder(tx, ctx.actor.countyId, ranked.scopeCode);
  const assessed = await factsFor(
    tx,
    ranked,
    units,
    [published.ruleSet],
    await countyCalendar(tx, ctx.actor.countyId),
    ctx.now,
    'aggregates',
  );
  const { assessments, ranking: ranks } = scoreAndRank(published.ruleSet, assessed.facts, false, assessed.closed);
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  const byId = new Map(assessments.map((a) => [a.unitId, a]));
  return {
    window: assessed.window,
    readTo: assessed.readTo,
    closed: assessed.closed,
    asOf: ctx.now.toISOString(),
    ruleSetHash: published.hash,
    rows: ranks.map((line) => ({
      unitCode: line.unitId,
      unitName: names.get(line.unitId) ?? line.unitId,
      rank: line.rank,
      vetoed: line.vetoed,
      final: formatFixed(line.final),
      base: formatFixed(byId.get(line.unitId)?.base ?? 0),
      bonus: formatFixed(byId.get(line.unitId)?.bonus ?? 0),
      deductions: formatFixed(byId.get(line.unitId)?.deductions ?? 0),
      assessedWeightPct: byId.get(line.unitId)?.assessedWeightPct ?? 100,
      atRisk: (byId.get(line.unitId)?.atRisk ?? []).map((risk) => ({
        ruleId: risk.ruleId,
        label: risk.label,
        have: risk.have,
        need: risk.need,
      })),
    })),
  };
}
