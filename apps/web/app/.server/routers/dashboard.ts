import { z } from 'zod';
import { assessmentPeriods, caseDataRoles } from '@tally/db';
import { indicatorTrendView } from '../dashboard/indicator-trend-view.ts';
import { rankingView } from '../dashboard/ranking-view.ts';
import { scoreTrendView } from '../dashboard/score-trend-view.ts';
import { sideBySideView } from '../dashboard/side-by-side-view.ts';
import { boundedPeriod, civilDate } from '../services/period-input.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
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
    .query(({ ctx, input }) => ctx.run((tx) => rankingView(tx, ctx, input))),

  /**
   * Every unit's score to date at each month or quarter end of the year (live, under the rule set
   * in force). Only for a scope the reader may score: another township's live score is not shown.
   */
  scoreTrend: roleProcedure(...caseDataRoles)
    .input(z.object({ year, granularity, scopeCode: unitCodeInput }))
    .query(({ ctx, input }) => ctx.run((tx) => scoreTrendView(tx, ctx, input))),

  /** One unit's closure, on-time, mediation-success, satisfaction and reporting rates at each period end, with their targets. */
  indicatorTrend: roleProcedure(...caseDataRoles)
    .input(z.object({ year, granularity, unitCode: unitCodeInput }))
    .query(({ ctx, input }) => ctx.run((tx) => indicatorTrendView(tx, ctx, input))),

  /** Petition figures and dispute rates of every unit under a scope the reader may read in full, targets marked. */
  sideBySide: roleProcedure(...caseDataRoles)
    .input(boundedPeriod(z.object({ scopeCode: unitCodeInput, from: civilDate, to: civilDate })))
    .query(({ ctx, input }) => ctx.run((tx) => sideBySideView(tx, ctx, input))),
});
