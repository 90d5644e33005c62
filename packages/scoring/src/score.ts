/** score(): assess every unit of a fact set against a rule set. */
import { compile } from './compile.ts';
import { FactError } from './errors.ts';
import { evaluateUnit } from './evaluate.ts';
import { Workspace } from './workspace.ts';
import type { Assessment } from './explain.ts';
import type { UnitFacts } from './facts.ts';
import type { RuleSet } from './rule-set.ts';

/** Code-unit order of unit ids: deterministic and locale-independent. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ScoreOptions {
  /**
   * Build explanation lines (default true). With false, every total is identical but
   * `lines` is empty: for bulk ranking, trends and previews where nobody reads the lines.
   */
  explain?: boolean;
  /**
   * Whether the facts cover a closed period (default true). With false (score to date, e.g.
   * after Q1), a quota still short of its atLeast gives no line but an entry in
   * `Assessment.atRisk`, since records can still come in; a quota that can no longer change
   * (an atMost already exceeded, an atLeast reached with no atMost) applies as usual.
   */
  periodClosed?: boolean;
}

/**
 * Scores every unit. The rule set is validated once per content (zod, RuleSetError) and
 * compiled; the per-unit loop checks each fact with plain comparisons and throws a
 * FactError naming the unit, fact, field and rule for one it cannot score exactly (see
 * the package README). Output is ordered by unitId, so permuting the facts (or the facts
 * inside a unit) changes nothing. Throws on a duplicate unitId.
 */
export function score(ruleSet: RuleSet, facts: readonly UnitFacts[], options: ScoreOptions = {}): Assessment[] {
  const compiled = compile(ruleSet);
  const ws = new Workspace(compiled, options.explain ?? true, options.periodClosed ?? true);
  const out: Assessment[] = new Array<Assessment>(facts.length);
  for (let i = 0; i < facts.length; i++) out[i] = evaluateUnit(compiled, ws, facts[i]!);
  out.sort((a, b) => compareIds(a.unitId, b.unitId));
  for (let i = 1; i < out.length; i++) {
    const unitId = out[i]!.unitId;
    if (unitId === out[i - 1]!.unitId)
      throw new FactError({
        unitId,
        field: 'unitId',
        problem: 'duplicate-unit-id',
        reason: `duplicate unitId "${unitId}" in facts`,
      });
  }
  return out;
}

/** Scores a single unit. */
export function scoreUnit(ruleSet: RuleSet, unit: UnitFacts, options: ScoreOptions = {}): Assessment {
  const compiled = compile(ruleSet);
  return evaluateUnit(compiled, new Workspace(compiled, options.explain ?? true, options.periodClosed ?? true), unit);
}
