import type { AssessmentPeriod, Transaction } from '@tally/db';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { periodRanking, rankChange } from './period-ranking.ts';
import { previousPeriod } from './previous-period.ts';
import { dashboardScope } from './ranking-scope.ts';

/**
 * The units under a scope for a period, ranked: the published result when there is one, else
 * the live score to date (when the reader may score the scope); with the previous period's
 * rank and the change. `toDate` asks for the live score even when a result is published.
 */
export async function rankingView(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; period: AssessmentPeriod; scopeCode: string; toDate: boolean },
) {
  const scope = await dashboardScope(tx, ctx, input.scopeCode);
  let calendar: ReturnType<typeof countyCalendar> | null = null;
  const options = { calendar: () => (calendar ??= countyCalendar(tx, ctx.actor.countyId)), now: ctx.now };
  const current = await periodRanking(tx, ctx.actor.countyId, scope, input.year, input.period, {
    ...options,
    toDate: input.toDate,
  });
  const before = previousPeriod(input.year, input.period);
  const previous = await periodRanking(tx, ctx.actor.countyId, scope, before.year, before.period, {
    ...options,
    toDate: false,
  });
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
