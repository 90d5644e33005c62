import { z } from 'zod';
import { caseDataRoles } from '@tally/db';
import { PERIODIC_KINDS } from '@tally/reporting';
import { draftReport, saveDraft } from '../reports/draft-report.ts';
import { getReport } from '../reports/get-report.ts';
import {
  IMMEDIATE_SUMMARY_MAX,
  IMMEDIATE_TITLE_MAX,
  fileImmediate,
  listImmediate,
} from '../reports/immediate-reports.ts';
import { matrixView } from '../reports/matrix-view.ts';
import { NARRATIVE_MAX } from '../reports/narrative.ts';
import { REVIEW_COMMENT_MAX, reviewReport } from '../reports/review-report.ts';
import { submitReport } from '../reports/submit-report.ts';
import { roleProcedure, router } from '../trpc.ts';

const id = z.string().uuid();
const version = z.number().int().min(0);
const narrativePart = z
  .string()
  .max(NARRATIVE_MAX * 2)
  .optional();
const narrative = z.object({ work: narrativePart, problems: narrativePart, plans: narrativePart });
// Kind and period are checked by the services, which name the problem in the user's language.
const kind = z.string().max(20);
const periodKey = z.string().max(20);

/**
 * Reports upward (docs/domain.md §5, docs/reports.md). A unit files its own report; the unit directly
 * above accepts or returns it; the county reads every report and the submission matrix.
 */
export const reportsRouter = router({
  /** Get or create the actor's own report for a kind and period, prefilled from its ledgers. */
  draft: roleProcedure(...caseDataRoles)
    .input(z.object({ kind, periodKey }))
    .mutation(({ ctx, input }) => ctx.run((tx) => draftReport(tx, ctx, input))),

  saveDraft: roleProcedure(...caseDataRoles)
    .input(z.object({ id, expectedVersion: version, narrative }))
    .mutation(({ ctx, input }) => ctx.run((tx) => saveDraft(tx, ctx, input))),

  /**
   * File the report; `expectedVersion` (the draft version shown) makes a repeated request file once.
   * A form posts its narrative along, saved and filed in one step.
   */
  submit: roleProcedure(...caseDataRoles)
    .input(z.object({ id, expectedVersion: version, narrative: narrative.optional() }))
    .mutation(({ ctx, input }) => ctx.run((tx) => submitReport(tx, ctx, { ...input, zero: false }))),

  /** 本期无情况: refused, naming the registers, when the unit's ledgers hold records for the period. */
  submitZero: roleProcedure(...caseDataRoles)
    .input(z.object({ id, expectedVersion: version }))
    .mutation(({ ctx, input }) => ctx.run((tx) => submitReport(tx, ctx, { ...input, zero: true }))),

  review: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        id,
        expectedVersion: version,
        outcome: z.enum(['accepted', 'returned']),
        comment: z
          .string()
          .max(REVIEW_COMMENT_MAX * 2)
          .nullish(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.run((tx) => reviewReport(tx, ctx, input))),

  matrix: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        kind: z.enum(PERIODIC_KINDS),
        year: z.number().int().min(2000).max(2100),
        level: z.enum(['township', 'village']).optional(),
      }),
    )
    .query(({ ctx, input }) => ctx.run((tx) => matrixView(tx, ctx, input))),

  get: roleProcedure(...caseDataRoles)
    .input(z.object({ id }))
    .query(({ ctx, input }) => ctx.run((tx) => getReport(tx, ctx, input.id))),

  /** 第一时间报告 from the actor's own unit, reported now; read at once by every unit above. */
  fileImmediate: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        eventKind: z.string().max(40),
        title: z.string().max(IMMEDIATE_TITLE_MAX * 2),
        summary: z.string().max(IMMEDIATE_SUMMARY_MAX * 2),
        occurredAt: z.string().max(40),
        knownAt: z.string().max(40),
      }),
    )
    .mutation(({ ctx, input }) => ctx.run((tx) => fileImmediate(tx, ctx, input))),

  immediateList: roleProcedure(...caseDataRoles)
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => ctx.run((tx) => listImmediate(tx, ctx, input))),
});
