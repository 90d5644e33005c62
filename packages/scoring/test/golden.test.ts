import { describe, expect, it } from 'vitest';
import {
  defaultRuleSet,
  formatFixed,
  fundsRuleSet,
  rank,
  score,
  streetHalfYearRuleSet,
  sumLines,
  type RuleSet,
} from '../src/index.ts';
import { GOLDEN } from './golden/cases.ts';

const RULE_SETS: Record<string, () => RuleSet> = {
  default: defaultRuleSet,
  street: streetHalfYearRuleSet,
  funds: fundsRuleSet,
};

describe('golden cases worked by hand from docs/domain.md §6', () => {
  it('has at least 15 cases', () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(15);
  });

  for (const g of GOLDEN) {
    it(`${g.name} — ${g.rule}`, () => {
      const assessed = score(RULE_SETS[g.ruleSet]!(), g.units);
      for (const [unitId, want] of Object.entries(g.expect)) {
        const a = assessed.find((x) => x.unitId === unitId);
        expect(a, unitId).toBeDefined();
        if (!a) continue;
        expect(formatFixed(a.final), `${unitId} final`).toBe(want.final);
        if (want.base !== undefined) expect(formatFixed(a.base), `${unitId} base`).toBe(want.base);
        if (want.bonus !== undefined) expect(formatFixed(a.bonus), `${unitId} bonus`).toBe(want.bonus);
        if (want.deductions !== undefined)
          expect(formatFixed(a.deductions), `${unitId} deductions`).toBe(want.deductions);
        if (want.vetoed !== undefined) expect(a.vetoed, `${unitId} vetoed`).toBe(want.vetoed);
        for (const ruleId of want.lineRuleIds ?? [])
          expect(
            a.lines.map((l) => l.ruleId),
            `${unitId} lines`,
          ).toContain(ruleId);
        expect(sumLines(a.lines)).toBe(a.final);
      }
      if (g.ranking) expect(rank(assessed).map((r) => [r.unitId, r.rank])).toEqual(g.ranking);
    });
  }
});
