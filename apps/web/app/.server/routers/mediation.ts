import { z } from 'zod';
import { caseDataRoles } from '@tally/db';
import { listAgreements } from '../mediation/list-agreements.ts';
import { readAgreement } from '../mediation/read-agreement.ts';
import { revealAgreement } from '../mediation/reveal-agreement.ts';
import { roleProcedure, router } from '../trpc.ts';

/**
 * Mediation agreements (调解协议书, docs/domain.md §4): the handling unit sees and prints them in
 * full; a unit above sees them masked and may reveal them, audited (§8).
 */
export const mediationRouter = router({
  /** One page of agreements, newest signing first. */
  list: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        page: z.number().int().min(1).max(100000).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => ctx.run((tx) => listAgreements(tx, ctx, input))),

  /** One agreement (调解协议书) with everything §4 says it carries. */
  get: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) => ctx.run((tx) => readAgreement(tx, ctx, input))),

  /** The parties and free text in full for a unit above the handling one: allowed in scope, always audited (§8). */
  reveal: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) => ctx.run((tx) => revealAgreement(tx, ctx, input))),
});
