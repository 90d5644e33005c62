import { and, eq } from 'drizzle-orm';
import { ruleSetHash, schema, type Transaction } from '@tally/db';
import { safeParseRuleSet, type RuleSet, type RuleSetIssue } from '@tally/scoring';
import { UserFacingError, notFound } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { applyFields, type FieldProblem } from './rule-set-form.ts';
import { draftRuleSet, publishedHistory, publishedRuleSet } from './rule-set-store.ts';
import { ruleSetTemplates, type RuleSetTemplate } from './rule-set-templates.ts';

/**
 * Drafts: one per county and year, edited on a form, checked by the engine, published once.
 * Every write holds the draft's row lock and compares the version the editor opened, so two
 * people editing one draft get a conflict instead of a lost edit.
 */
export async function startDraft(
  tx: Transaction,
  ctx: AuthedContext,
  year: number,
  from: 'published' | RuleSetTemplate,
): Promise<{ id: string }> {
  if (await draftRuleSet(tx, ctx.actor.countyId, year))
    throw new UserFacingError('CONFLICT', 'error.assessment.draftExists', { year });
  let ruleSet: RuleSet;
  if (from === 'published') {
    const published = await publishedRuleSet(tx, ctx.actor.countyId, year);
    if (!published) throw new UserFacingError('BAD_REQUEST', 'error.assessment.noPublished', { year });
    ruleSet = published.ruleSet;
  } else {
    ruleSet = ruleSetTemplates[from]();
  }
  const content = { ...ruleSet, version: `${year}-draft` };
  const [row] = await tx
    .insert(schema.assessmentRuleSets)
    .values({
      countyId: ctx.actor.countyId,
      year,
      status: 'draft',
      content,
      contentHash: ruleSetHash(content),
      createdBy: ctx.actor.userId,
      updatedAt: ctx.now,
    })
    .returning({ id: schema.assessmentRuleSets.id });
  await auditChange(tx, ctx, {
    action: 'assessment.draft.start',
    objectType: 'rule_set',
    objectId: row!.id,
    detail: { year, from },
  });
  return { id: row!.id };
}

async function lockedDraft(tx: Transaction, ctx: AuthedContext, year: number, expectedVersion: number) {
  const draft = await draftRuleSet(tx, ctx.actor.countyId, year, true);
  if (!draft) throw notFound();
  if (draft.version !== expectedVersion) throw new UserFacingError('CONFLICT', 'error.assessment.draftChanged');
  return draft;
}

export type SaveOutcome =
  | { ok: true; version: number; hash: string }
  | { ok: false; fieldProblems: FieldProblem[]; ruleProblems: RuleSetIssue[] };

/** Applies the posted fields; refuses (and changes nothing) when a field or the engine's checks fail. */
export async function saveDraft(
  tx: Transaction,
  ctx: AuthedContext,
  year: number,
  expectedVersion: number,
  posted: ReadonlyMap<string, string>,
): Promise<SaveOutcome> {
  const draft = await lockedDraft(tx, ctx, year, expectedVersion);
  const { ruleSet, problems } = applyFields(draft.ruleSet, posted);
  if (problems.length) return { ok: false, fieldProblems: problems, ruleProblems: [] };
  const checked = safeParseRuleSet(ruleSet);
  if (!checked.ok) return { ok: false, fieldProblems: [], ruleProblems: checked.error.issues };
  const hash = ruleSetHash(checked.ruleSet);
  const version = draft.version + 1;
  await tx
    .update(schema.assessmentRuleSets)
    .set({ content: checked.ruleSet, contentHash: hash, version, updatedAt: ctx.now })
    .where(and(eq(schema.assessmentRuleSets.countyId, ctx.actor.countyId), eq(schema.assessmentRuleSets.id, draft.id)));
  await auditChange(tx, ctx, {
    action: 'assessment.draft.save',
    objectType: 'rule_set',
    objectId: draft.id,
    detail: { year, hash, version },
  });
  return { ok: true, version, hash };
}

export async function discardDraft(
  tx: Transaction,
  ctx: AuthedContext,
  year: number,
  expectedVersion: number,
): Promise<void> {
  const draft = await lockedDraft(tx, ctx, year, expectedVersion);
  await tx
    .delete(schema.assessmentRuleSets)
    .where(and(eq(schema.assessmentRuleSets.countyId, ctx.actor.countyId), eq(schema.assessmentRuleSets.id, draft.id)));
  await auditChange(tx, ctx, {
    action: 'assessment.draft.discard',
    objectType: 'rule_set',
    objectId: draft.id,
    detail: { year },
  });
}

/**
 * Publishes the draft: it becomes the year's rule set in force, under a version named by its
 * order and identified by its hash. Publishing content identical to a published set is refused.
 */
export async function publishDraft(
  tx: Transaction,
  ctx: AuthedContext,
  year: number,
  expectedVersion: number,
): Promise<{ id: string; hash: string }> {
  const draft = await lockedDraft(tx, ctx, year, expectedVersion);
  const history = await publishedHistory(tx, ctx.actor.countyId, year);
  const content: RuleSet = { ...draft.ruleSet, version: `${year}.${history.length + 1}` };
  const checked = safeParseRuleSet(content);
  if (!checked.ok)
    throw new UserFacingError('BAD_REQUEST', 'error.assessment.ruleSetInvalid', {
      detail: checked.error.issues.map((issue) => issue.message).join('; '),
    });
  const sameAsPublished = history.some(
    (published) => ruleSetHash({ ...published.ruleSet, version: content.version }) === ruleSetHash(content),
  );
  if (sameAsPublished) throw new UserFacingError('CONFLICT', 'error.assessment.nothingChanged');
  const hash = ruleSetHash(checked.ruleSet);
  await tx
    .update(schema.assessmentRuleSets)
    .set({
      status: 'published',
      content: checked.ruleSet,
      contentHash: hash,
      publishedAt: ctx.now,
      publishedBy: ctx.actor.userId,
      updatedAt: ctx.now,
      version: draft.version + 1,
    })
    .where(and(eq(schema.assessmentRuleSets.countyId, ctx.actor.countyId), eq(schema.assessmentRuleSets.id, draft.id)));
  await auditChange(tx, ctx, {
    action: 'assessment.ruleset.publish',
    objectType: 'rule_set',
    objectId: draft.id,
    detail: { year, hash, version: content.version },
  });
  return { id: draft.id, hash };
}
