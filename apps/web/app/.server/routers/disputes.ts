import { z } from 'zod';
import { caseDataRoles } from '@tally/db';
import { disputeRates } from '../disputes/dispute-rates.ts';
import { boundedPeriod, civilDate } from '../services/period-input.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { roleProcedure, router } from '../trpc.ts';

/** 矛盾纠纷排查调处 figures (docs/domain.md §4). */
export const disputesRouter = router({
  /**
   * Rates vs targets and counts for disputes found in [from, to] at a unit and below, plus
   * the settled disputes whose revisit is overdue or due soon, whatever the period.
   */
  rates: roleProcedure(...caseDataRoles)
    .input(boundedPeriod(z.object({ unitCode: unitCodeInput.optional(), from: civilDate, to: civilDate })))
    .query(({ ctx, input }) => ctx.run((tx) => disputeRates(tx, ctx, input))),
});
