import { z } from 'zod';
import { assessmentPeriods, caseDataRoles } from '@tally/db';
import { liveScores } from '../assessment/live-scores.ts';
import { previewDraft } from '../assessment/preview-draft.ts';
import { publishResult } from '../assessment/publish-result.ts';
import { breakdownView } from '../assessment/breakdown-view.ts';
import { listResults, readResult } from '../assessment/read-results.ts';
import { resolveRanked } from '../assessment/resolve-ranked.ts';
import { discardDraft, publishDraft, saveDraft, startDraft } from '../assessment/rule-set-drafts.ts';
import { ruleSetTemplateNames } from '../assessment/rule-set-templates.ts';
import { ruleSetsView } from '../assessment/rule-sets-view.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { roleProcedure, router } from '../trpc.ts';

const year = z.number().int().min(2000).max(2100);
const period = z.enum(assessmentPeriods);
const ranking = z.object({ year, period, scopeCode: unitCodeInput });
const countyOffice = ['county_admin', 'county_staff'] as const;

/** Form posts arrive as string pairs; bounded so a hostile post cannot make the editor work for long. */
const postedFields = z
  .record(z.string().max(80), z.string().max(200))
  .refine((fields) => Object.keys(fields).length <= 500, 'too many fields');

/**
 * Assessment (docs/domain.md §6, docs/assessment.md): the county's rule sets per year, previews of a
 * draft against the rules in force, live scores to date, and published results with their
 * breakdowns. Facts are derived from the records on every read, under the actor's policies.
 */
export const assessmentRouter = router({
  /** The year's rule set in force, its history, and (for the county office) the draft with its editable fields. */
  ruleSets: roleProcedure(...caseDataRoles)
    .input(z.object({ year }))
    .query(({ ctx, input }) => ctx.run((tx) => ruleSetsView(tx, ctx, input))),

  startDraft: roleProcedure('county_admin')
    .input(z.object({ year, from: z.enum(['published', ...ruleSetTemplateNames]) }))
    .mutation(({ ctx, input }) => ctx.run((tx) => startDraft(tx, ctx, input.year, input.from))),

  saveDraft: roleProcedure('county_admin')
    .input(z.object({ year, expectedVersion: z.number().int().min(0), fields: postedFields }))
    .mutation(({ ctx, input }) =>
      ctx.run((tx) => saveDraft(tx, ctx, input.year, input.expectedVersion, new Map(Object.entries(input.fields)))),
    ),

  discardDraft: roleProcedure('county_admin')
    .input(z.object({ year, expectedVersion: z.number().int().min(0) }))
    .mutation(({ ctx, input }) =>
      ctx.run((tx) => discardDraft(tx, ctx, input.year, input.expectedVersion).then(() => ({ ok: true as const }))),
    ),

  publishRuleSet: roleProcedure('county_admin')
    .input(z.object({ year, expectedVersion: z.number().int().min(0) }))
    .mutation(({ ctx, input }) => ctx.run((tx) => publishDraft(tx, ctx, input.year, input.expectedVersion))),

  /** Every unit's score and rank under the rules in force and the draft, rank changes first. */
  preview: roleProcedure(...countyOffice)
    .input(ranking)
    .query(({ ctx, input }) => ctx.run((tx) => previewDraft(tx, ctx, input))),

  /** Scores to date under the rules in force, not published: what the ranking would be now. */
  live: roleProcedure(...caseDataRoles)
    .input(ranking)
    .query(({ ctx, input }) => ctx.run((tx) => liveScores(tx, ctx, input))),

  /** Publishes the period's result for the units under the scope (a second one is a correction with a reason). */
  publishResult: roleProcedure('county_admin')
    .input(ranking.extend({ reason: z.string().trim().max(500).optional() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) =>
        publishResult(tx, ctx, await resolveRanked(tx, ctx, input), input.reason ? input.reason : null),
      ),
    ),

  results: roleProcedure(...caseDataRoles)
    .input(z.object({ year }))
    .query(({ ctx, input }) => ctx.run((tx) => listResults(tx, ctx.actor.countyId, input.year))),

  result: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) => ctx.run((tx) => readResult(tx, ctx.actor.countyId, input.id))),

  /** One unit's published breakdown: every line, its rule's wording, and the records behind it. */
  breakdown: roleProcedure(...caseDataRoles)
    .input(z.object({ resultId: z.string().uuid(), unitCode: unitCodeInput }))
    .query(({ ctx, input }) => ctx.run((tx) => breakdownView(tx, ctx, input))),
});
