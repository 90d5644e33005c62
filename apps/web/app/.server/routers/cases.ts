import { z } from 'zod';
import { caseDataRoles } from '@tally/db';
import { exportCases } from '../cases/export-cases.ts';
import { caseFigures } from '../cases/figures.ts';
import { getCase } from '../cases/get-case.ts';
import { actionInput, intakeInput, responsibilityInput } from '../cases/inputs.ts';
import { intake } from '../cases/intake.ts';
import { listCases } from '../cases/list-cases.ts';
import { caseNotice, overdueNotices } from '../cases/notices.ts';
import { revealCase } from '../cases/reveal-case.ts';
import { setResponsibility } from '../cases/set-responsibility.ts';
import { transitionCase } from '../cases/transition.ts';
import { civilDate, exportInput, listInput } from '../services/case-filters.ts';
import { boundedPeriod } from '../services/period-input.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { roleProcedure, router } from '../trpc.ts';

const id = z.string().uuid();

/** Petition cases (信访件, docs/domain.md §3): intake, the workflow, supervision and figures. */
export const casesRouter = router({
  /** Intake (登记) at the actor's own unit, for every channel. */
  register: roleProcedure(...caseDataRoles)
    .input(intakeInput)
    .mutation(({ ctx, input }) => ctx.run((tx) => intake(tx, ctx, input))),

  /** One page, newest first, filtered; personal data masked outside the handling unit. */
  list: roleProcedure(...caseDataRoles)
    .input(listInput)
    .query(({ ctx, input }) => ctx.run((tx) => listCases(tx, ctx, input))),

  /** Every case of a filtered list, for a spreadsheet; audited; personal data only where the actor may see it (§8). */
  exportRows: roleProcedure(...caseDataRoles)
    .input(exportInput)
    .mutation(({ ctx, input }) => ctx.run((tx) => exportCases(tx, ctx, input))),

  /** A case with its full transition history and the actions the actor may take now. */
  get: roleProcedure(...caseDataRoles)
    .input(z.object({ id }))
    .query(({ ctx, input }) => ctx.run((tx) => getCase(tx, ctx, input.id))),

  /** Show personal data in full outside the handling unit: allowed in scope, always audited (§8). */
  reveal: roleProcedure(...caseDataRoles)
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => ctx.run((tx) => revealCase(tx, ctx, input.id))),

  /** One workflow step, checked by the pure state machine; recorded in the append-only log. */
  transition: roleProcedure(...caseDataRoles)
    .input(z.object({ id, version: z.number().int().min(0), action: actionInput }))
    .mutation(({ ctx, input }) => ctx.run((tx) => transitionCase(tx, ctx, input))),

  /** The "六定" responsibility fields and flagged supervision (挂牌督办), version-checked and audited. */
  setResponsibility: roleProcedure(...caseDataRoles)
    .input(responsibilityInput)
    .mutation(({ ctx, input }) => ctx.run((tx) => setResponsibility(tx, ctx, input))),

  /** Published figures (docs/domain.md §3) for one unit in the actor's scope and a period of at most about three years. */
  figures: roleProcedure(...caseDataRoles)
    .input(boundedPeriod(z.object({ unitCode: unitCodeInput, from: civilDate, to: civilDate })))
    .query(({ ctx, input }) => ctx.run((tx) => caseFigures(tx, ctx, input))),

  /** A notice for every overdue case in scope, most overdue first, to print as one batch. */
  overdueNotices: roleProcedure(...caseDataRoles)
    .input(z.object({ unitCode: unitCodeInput.optional() }).default({}))
    .query(({ ctx, input }) => ctx.run((tx) => overdueNotices(tx, ctx, input))),

  /** The supervision notice (督办通知书) of an overdue case; refused, in words, for one that is not overdue. */
  notice: roleProcedure(...caseDataRoles)
    .input(z.object({ id }))
    .query(({ ctx, input }) => ctx.run((tx) => caseNotice(tx, ctx, input.id))),
});
