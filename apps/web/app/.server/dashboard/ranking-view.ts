import type { AssessmentPeriod, Transaction } from '@tally/db';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { periodRanking, rankChange } from './period-ranking.ts';
import { previousPeriod } from './previous-period.ts';
import { dashboardScope } from './ranking-scope.ts';
import { cacheInputs, cacheKey, dashboardResults } from './result-cache.ts';

/**
 * The units under a scope for a period, ranked: the published result when there is one, else
 * the live score to date (when the reader may score the scope); with the previous period's
 * rank and the change. `toDate` asks for the live score even when a result is published.
 * Each period's ranking is kept (docs/decisions/0018-dashboard-result-cache.md).
 */
export async function rankingView(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; period: AssessmentPeriod; scopeCode: string; toDate: boolean },
) {
  const before = previousPeriod(input.year, input.period);
  // The cache key's inputs are read first: whatever is computed after holds every change up to them.
  const [scope, inputs] = await Promise.all([
    dashboardScope(tx, ctx, input.scopeCode),
    cacheInputs(tx, ctx.actor.countyId, [input.year, before.year]),
  ]);
  let calendar: ReturnType<typeof countyCalendar> | null = null;
  const options = { calendar: () => (calendar ??= countyCalendar(tx, ctx.actor.countyId)), now: ctx.now };
  // Each period's ranking is kept for readers who see what this one sees, on these data, today.
  const read = (year: number, period: AssessmentPeriod, toDate: boolean) =>
    dashboardResults.get(
      cacheKey(
        'ranking',
        ctx.actor,
        { scope: scope.code, live: scope.live, year, period, toDate },
        { data: inputs.data, ruleSetHashes: new Map([[year, inputs.ruleSetHashes.get(year) ?? null]]) },
        ctx.now,
      ),
      () => periodRanking(tx, ctx.actor.countyId, scope, year, period, { ...options, toDate }),
      ctx.now,
    );
  // Both periods' reads go out together on the transaction's connection.
  const [{ value: current }, { value: previous }] = await Promise.all([
    read(input.year, input.period, input.toDate),
    read(before.year, before.period, false),
  ]);
  const previousRanks = new Map(previous.lines.map((line) => [line.unitCode, line.rank]));
  const openable = new Set(current.source === 'published' ? current.openable : []);
  const rows = current.lines.map((line) => {
    const previousRank = previousRanks.get(line.unitCode) ?? null;
    return {
      ...line,
      previousRank,
      change: rankChange(line.rank, previousRank),
      breakdownHref:
        current.source === 'published' && openable.has(line.unitCode)
          ? `/assessment/results/${current.resultId}/${line.unitCode}`
          : null,
    };
  });
  const { lines: _lines, ...about } = current;
  const { lines: _previousLines, ...previousAbout } = previous;
  return {
    year: input.year,
    period: input.period,
    scope,
    current: about,
    previous: { ...before, source: previousAbout.source },
    rows,
  };
}
