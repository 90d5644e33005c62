import { z } from 'zod';
import { caseDataRoles } from '@tally/db';
import { checkingEventKinds, inspectionComponents } from '@tally/db/assessment';
import { checkingRoles } from '../assessment-inputs/checking-unit.ts';
import { enterInspection } from '../assessment-inputs/enter-inspection.ts';
import { importInspectionScores } from '../assessment-inputs/import-scores.ts';
import { inspectionGrid } from '../assessment-inputs/inspection-grid.ts';
import { inspectionHistory } from '../assessment-inputs/inspection-history.ts';
import { listEvents } from '../assessment-inputs/list-events.ts';
import { recordEvent } from '../assessment-inputs/record-event.ts';
import { WITHDRAW_REASON_MAX, withdrawEvent } from '../assessment-inputs/withdraw-event.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { roleProcedure, router } from '../trpc.ts';

const unitCode = unitCodeInput;
const year = z.number().int().min(2000).max(2100);
const component = z.enum(inspectionComponents);
// Range and shape are checked by the services, which name the problem in the user's language.
const periodNo = z.number().int();
const version = z.number().int().min(0);
const cell = { unitCode, year, component, periodNo };

/**
 * The checking unit's two input registers for assessment (docs/assessment.md): inspection scores and
 * checking events. Entered by the unit directly above the one assessed; read by every unit
 * whose scope holds it, the assessed unit included.
 */
export const checksRouter = router({
  /** Units directly below the actor's unit (or below `parentCode`, read-only) × periods, with the score in force. */
  inspectionGrid: roleProcedure(...caseDataRoles)
    .input(z.object({ year, component, parentCode: unitCode.optional() }))
    .query(({ ctx, input }) => ctx.run((tx) => inspectionGrid(tx, ctx, input))),

  /** Enter or correct one score; `expectedVersion` is the version the form showed (0 for none). */
  enterInspection: roleProcedure(...checkingRoles)
    .input(
      z.object({
        ...cell,
        score: z.union([z.string().max(20), z.number()]),
        reason: z.string().max(500).nullish(),
        expectedVersion: version,
      }),
    )
    .mutation(({ ctx, input }) => ctx.run((tx) => enterInspection(tx, ctx, input))),

  /**
   * The checking unit's own score sheet (.xlsx or CSV), all or nothing. The bytes come from the
   * multipart parser of the import page (server-side caller); over HTTP they cannot be sent as JSON.
   * A refused sheet throws an ImportRefusal whose rowErrors name every row and column.
   */
  importInspections: roleProcedure(...checkingRoles)
    .input(
      z.object({
        fileName: z.string().trim().min(1).max(255),
        bytes: z.instanceof(Uint8Array),
        reason: z.string().max(500).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => importInspectionScores(ctx, input)),

  /** Every version of one cell with who, when and why. */
  inspectionHistory: roleProcedure(...caseDataRoles)
    .input(z.object(cell))
    .query(({ ctx, input }) => ctx.run((tx) => inspectionHistory(tx, ctx, input))),

  /** One year's events in scope, or about one unit and below. */
  listEvents: roleProcedure(...caseDataRoles)
    .input(z.object({ year, unitCode: unitCode.optional() }))
    .query(({ ctx, input }) => ctx.run((tx) => listEvents(tx, ctx, input))),

  recordEvent: roleProcedure(...checkingRoles)
    .input(
      z.object({
        unitCode,
        kind: z.enum(checkingEventKinds),
        level: z.string().max(40).nullish(),
        occurredOn: z.string().max(40),
        description: z.string().max(10_000),
        attachmentRef: z.string().max(1_000).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.run((tx) => recordEvent(tx, ctx, input))),

  /** Soft delete with a reason, against the version the clerk saw. */
  withdrawEvent: roleProcedure(...checkingRoles)
    .input(z.object({ id: z.string().uuid(), reason: z.string().max(WITHDRAW_REASON_MAX), expectedVersion: version }))
    .mutation(({ ctx, input }) => ctx.run((tx) => withdrawEvent(tx, ctx, input))),
});
