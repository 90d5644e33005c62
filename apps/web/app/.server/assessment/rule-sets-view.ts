import type { Transaction } from '@tally/db';
import type { AuthedContext } from '../trpc.ts';
import { editableFields } from './rule-set-form.ts';
import { draftRuleSet, publishedHistory, type StoredRuleSet } from './rule-set-store.ts';
import { ruleSetTemplateNames } from './rule-set-templates.ts';

function view(stored: StoredRuleSet) {
  return {
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
  };
}

/** The year's rule set in force, its history, and (for the county office) the draft with its editable fields. */
export async function ruleSetsView(tx: Transaction, ctx: AuthedContext, input: { year: number }) {
  const [history, draft] = await Promise.all([
    publishedHistory(tx, ctx.actor.countyId, input.year),
    draftRuleSet(tx, ctx.actor.countyId, input.year),
  ]);
  return {
    year: input.year,
    published: history[0] ? view(history[0]) : null,
    history: history.map(view),
    draft: draft ? { ...view(draft), fields: editableFields(draft.ruleSet) } : null,
    templates: ruleSetTemplateNames,
    canEdit: ctx.actor.role === 'county_admin',
  };
}
