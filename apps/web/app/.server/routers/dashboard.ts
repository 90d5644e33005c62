import { z } from 'zod';
import { shanghaiDate, unitLevelOf } from '@tally/casework';
import { assessmentPeriods, caseDataRoles, type AssessmentPeriod } from '@tally/db';
import { boundedPeriod, civilDate } from '../services/period-input.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { periodRanking, rankChange } from '../dashboard/period-ranking.ts';
import { previousPeriod } from '../dashboard/previous-period.ts';
import { dashboardScope } from '../dashboard/ranking-scope.ts';
import { cacheInputs, cacheKey, dashboardResults } from '../dashboard/result-cache.ts';
import { notFound } from '../errors.ts';
import { indicatorTrend } from '../dashboard/indicator-trend.ts';
import { reportingTrend } from '../dashboard/reporting-trend.ts';
import { scoreTrend } from '../dashboard/score-trend.ts';
import { sideBySide } from '../dashboard/side-by-side.ts';
import { unitsUnder } from '../assessment/assess-units.ts';
import { trendPeriods } from '../dashboard/trend-periods.ts';
import { scopeForUnit } from '../services/unit-scope.ts';
import { roleProcedure, router } from '../trpc.ts';

const year = z.number().int().min(2000).max(2100);
const period = z.enum(assessmentPeriods);
const granularity = z.enum(['month', 'quarter']);

/**
 * The county dashboard (docs/dashboard.md): rankings with the previous period's rank, trends,
 * figures side by side. Read-only; every number comes from the same functions the assessment
 * and figures pages use, under the reader's policies.
 */
export const dashboardRouter = router({
  /**
   * The units under a scope for a period, ranked: the published result when there is one, else
   * the live score to date (when the reader may score the scope); with the previous period's
   * rank and the change. `toDate` asks for the live score even when a result is published.
   */
  ranking: roleProcedure(...caseDataRoles)
    .input(z.object({ year, period, scopeCode: unitCodeInput, toDate: z.boolean().default(false) }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
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
      }),
    ),

  /**
   * Every unit's score to date at each month or quarter end of the year (live, under the rule set
   * in force). Only for a scope the reader may score: another township's live score is not shown.
   */
  scoreTrend: roleProcedure(...caseDataRoles)
    .input(z.object({ year, granularity, scopeCode: unitCodeInput }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const [scope, inputs] = await Promise.all([
          dashboardScope(tx, ctx, input.scopeCode),
          cacheInputs(tx, ctx.actor.countyId, [input.year]),
        ]);
        if (!scope.live) throw notFound();
        const { value, computedAt } = await dashboardResults.get(
          cacheKey(
            'scoreTrend',
            ctx.actor,
            { scope: scope.code, year: input.year, granularity: input.granularity },
            inputs,
            ctx.now,
          ),
          async () =>
            scoreTrend(
              tx,
              ctx.actor.countyId,
              scope.code,
              input.year,
              input.granularity,
              await countyCalendar(tx, ctx.actor.countyId),
              ctx.now,
            ),
          ctx.now,
        );
        return { ...value, computedAt: computedAt.toISOString() };
      }),
    ),

  /** One unit's closure, on-time, mediation-success, satisfaction and reporting rates at each period end, with their targets. */
  indicatorTrend: roleProcedure(...caseDataRoles)
    .input(z.object({ year, granularity, unitCode: unitCodeInput }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const unit = await scopeForUnit(tx, ctx, input.unitCode);
        const level = unitLevelOf(unit.unitCode);
        if (level === null) throw notFound();
        const today = shanghaiDate(ctx.now);
        const periods = trendPeriods(
          input.granularity,
          input.year,
          today < `${input.year}-12-31` ? today : `${input.year}-12-31`,
        );
        // Kept like the rankings: cases, disputes, reports, obligations, calendar and units all bump the data version.
        const inputs = await cacheInputs(tx, ctx.actor.countyId, []);
        const { value, computedAt } = await dashboardResults.get(
          cacheKey(
            'indicatorTrend',
            ctx.actor,
            { unit: unit.unitCode, year: input.year, granularity: input.granularity },
            inputs,
            ctx.now,
          ),
          async () => {
            const [trend, reporting] = await Promise.all([
              indicatorTrend(
                tx,
                ctx.actor.countyId,
                { code: unit.unitCode, level, scope: unit.scope },
                input.year,
                periods,
              ),
              reportingTrend(tx, ctx.actor.countyId, unit.scope, input.year, periods, ctx.now),
            ]);
            const points = trend.points.map((point, index) => ({ ...point, reporting: reporting[index] ?? null }));
            return { unitCode: unit.unitCode, unitName: unit.name, ...trend, points };
          },
          ctx.now,
        );
        return { ...value, computedAt: computedAt.toISOString() };
      }),
    ),

  /** Petition figures and dispute rates of every unit under a scope the reader may read in full, targets marked. */
  sideBySide: roleProcedure(...caseDataRoles)
    .input(boundedPeriod(z.object({ scopeCode: unitCodeInput, from: civilDate, to: civilDate })))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const [scope, inputs] = await Promise.all([
          dashboardScope(tx, ctx, input.scopeCode),
          cacheInputs(tx, ctx.actor.countyId, []),
        ]);
        if (!scope.live) throw notFound();
        const { value, computedAt } = await dashboardResults.get(
          cacheKey('sideBySide', ctx.actor, { scope: scope.code, from: input.from, to: input.to }, inputs, ctx.now),
          async () =>
            sideBySide(
              tx,
              ctx.actor.countyId,
              scope.code,
              await unitsUnder(tx, ctx.actor.countyId, scope.code),
              input.from,
              input.to,
            ),
          ctx.now,
        );
        return { scope, from: input.from, to: input.to, ...value, computedAt: computedAt.toISOString() };
      }),
    ),
});
