import type { Transaction } from '@tally/db';
import { UserFacingError } from '../errors.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { factsFor, unitsUnder, type Ranked } from './assess-units.ts';
import { previewRows } from './preview.ts';
import { resolveRanked } from './resolve-ranked.ts';
import { draftRuleSet, publishedRuleSet } from './rule-set-store.ts';

/** Every unit's score and rank under the rules in force and the draft, rank changes first. */
export async function previewDraft(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; period: Ranked['period']; scopeCode: string },
) {
  const ranked = await resolveRanked(tx, ctx, input);
  const draft = await draftRuleSet(tx, ctx.actor.countyId, input.year);
  if (!draft) throw new UserFacingError('BAD_REQUEST', 'error.assessment.noDraft', { year: input.year });
  const published = await publishedRuleSet(tx, ctx.actor.countyId, input.year);
  const units = await unitsUnder(tx, ctx.actor.countyId, ranked.scopeCode);
  const rules = published ? [published.ruleSet, draft.ruleSet] : [draft.ruleSet];
  const assessed = await factsFor(tx, ranked, units, rules, await countyCalendar(tx, ctx.actor.countyId), ctx.now);
  return {
    window: assessed.window,
    readTo: assessed.readTo,
    closed: assessed.closed,
    asOf: ctx.now.toISOString(),
    publishedHash: published?.hash ?? null,
    draftHash: draft.hash,
    rows: previewRows(units, assessed.facts, published?.ruleSet ?? null, draft.ruleSet, assessed.closed),
  };
}
