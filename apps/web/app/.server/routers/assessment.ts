import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { unitLevelOf } from '@tally/casework';
import { assessmentPeriods, caseDataRoles, schema, type Transaction } from '@tally/db';
import { formatFixed } from '@tally/scoring';
import { UserFacingError, notFound } from '../errors.ts';
import { factsFor, scoreAndRank, unitsUnder, type Ranked } from '../assessment/assess-units.ts';
import { editableFields } from '../assessment/rule-set-form.ts';
import { previewRows } from '../assessment/preview.ts';
import { publishResult } from '../assessment/publish-result.ts';
import { listResults, readBreakdown, readResult } from '../assessment/read-results.ts';
import { discardDraft, publishDraft, saveDraft, startDraft } from '../assessment/rule-set-drafts.ts';
import { draftRuleSet, publishedHistory, publishedRuleSet } from '../assessment/rule-set-store.ts';
import { ruleSetTemplateNames } from '../assessment/rule-set-templates.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { roleProcedure, router, type AuthedContext } from '../trpc.ts';

const year = z.number().int().min(2000).max(2100);
const period = z.enum(assessmentPeriods);
const ranking = z.object({ year, period, scopeCode: unitCodeInput });
const countyOffice = ['county_admin', 'county_staff'] as const;

/**
 * The unit whose children are ranked must be the county or a township, in the actor's scope
 * and visible to it; anything else is "not found", as for a unit that does not exist.
 */
async function rankedScope(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; period: Ranked['period']; scopeCode: string },
): Promise<Ranked> {
  const level = unitLevelOf(input.scopeCode);
  if (level === null || level === 'village' || !input.scopeCode.startsWith(ctx.actor.scope)) throw notFound();
  const [unit] = await tx
    .select({ code: schema.units.code })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, input.scopeCode)));
  if (!unit) throw notFound();
  return { countyId: ctx.actor.countyId, year: input.year, period: input.period, scopeCode: input.scopeCode };
}

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
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const [history, draft] = await Promise.all([
          publishedHistory(tx, ctx.actor.countyId, input.year),
          draftRuleSet(tx, ctx.actor.countyId, input.year),
        ]);
        const view = (stored: NonNullable<typeof draft>) => ({
          id: stored.id,
          hash: stored.hash,
          version: stored.version,
          label: stored.ruleSet.label,
          ruleVersion: stored.ruleSet.version,
          unit: stored.ruleSet.unit,
          publishedAt: stored.publishedAt?.toISOString() ?? null,
          updatedAt: stored.updatedAt.toISOString(),
          rules: stored.ruleSet.rules.map((rule) => ({
            id: rule.id,
            kind: rule.kind,
            label: rule.label,
            source: rule.source ?? null,
          })),
        });
        return {
          year: input.year,
          published: history[0] ? view(history[0]) : null,
          history: history.map(view),
          draft: draft ? { ...view(draft), fields: editableFields(draft.ruleSet) } : null,
          templates: ruleSetTemplateNames,
          canEdit: ctx.actor.role === 'county_admin',
        };
      }),
    ),

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
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const ranked = await rankedScope(tx, ctx, input);
        const draft = await draftRuleSet(tx, ctx.actor.countyId, input.year);
        if (!draft) throw new UserFacingError('BAD_REQUEST', 'error.assessment.noDraft', { year: input.year });
        const published = await publishedRuleSet(tx, ctx.actor.countyId, input.year);
        const units = await unitsUnder(tx, ctx.actor.countyId, ranked.scopeCode);
        const rules = published ? [published.ruleSet, draft.ruleSet] : [draft.ruleSet];
        const assessed = await factsFor(
          tx,
          ranked,
          units,
          rules,
          await countyCalendar(tx, ctx.actor.countyId),
          ctx.now,
        );
        return {
          window: assessed.window,
          readTo: assessed.readTo,
          closed: assessed.closed,
          asOf: ctx.now.toISOString(),
          publishedHash: published?.hash ?? null,
          draftHash: draft.hash,
          rows: previewRows(units, assessed.facts, published?.ruleSet ?? null, draft.ruleSet, assessed.closed),
        };
      }),
    ),

  /** Scores to date under the rules in force, not published: what the ranking would be now. */
  live: roleProcedure(...caseDataRoles)
    .input(ranking)
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const ranked = await rankedScope(tx, ctx, input);
        const published = await publishedRuleSet(tx, ctx.actor.countyId, input.year);
        if (!published) throw new UserFacingError('BAD_REQUEST', 'error.assessment.noPublished', { year: input.year });
        const units = await unitsUnder(tx, ctx.actor.countyId, ranked.scopeCode);
        const assessed = await factsFor(
          tx,
          ranked,
          units,
          [published.ruleSet],
          await countyCalendar(tx, ctx.actor.countyId),
          ctx.now,
          'aggregates',
        );
        const { assessments, ranking: ranks } = scoreAndRank(published.ruleSet, assessed.facts, false, assessed.closed);
        const names = new Map(units.map((unit) => [unit.code, unit.name]));
        const byId = new Map(assessments.map((a) => [a.unitId, a]));
        return {
          window: assessed.window,
          readTo: assessed.readTo,
          closed: assessed.closed,
          asOf: ctx.now.toISOString(),
          ruleSetHash: published.hash,
          rows: ranks.map((line) => ({
            unitCode: line.unitId,
            unitName: names.get(line.unitId) ?? line.unitId,
            rank: line.rank,
            vetoed: line.vetoed,
            final: formatFixed(line.final),
            base: formatFixed(byId.get(line.unitId)?.base ?? 0),
            bonus: formatFixed(byId.get(line.unitId)?.bonus ?? 0),
            deductions: formatFixed(byId.get(line.unitId)?.deductions ?? 0),
            assessedWeightPct: byId.get(line.unitId)?.assessedWeightPct ?? 100,
            atRisk: (byId.get(line.unitId)?.atRisk ?? []).map((risk) => ({
              ruleId: risk.ruleId,
              label: risk.label,
              have: risk.have,
              need: risk.need,
            })),
          })),
        };
      }),
    ),

  /** Publishes the period's result for the units under the scope (a second one is a correction with a reason). */
  publishResult: roleProcedure('county_admin')
    .input(ranking.extend({ reason: z.string().trim().max(500).optional() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) =>
        publishResult(tx, ctx, await rankedScope(tx, ctx, input), input.reason ? input.reason : null),
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
    .query(({ ctx, input }) => ctx.run((tx) => readBreakdown(tx, ctx.actor.countyId, input.resultId, input.unitCode))),
});
