import { describe, expect, it } from 'vitest';
import {
  defaultRuleSet,
  fundsRuleSet,
  MAX_COUNT,
  parseRuleSet,
  RuleSetError,
  score,
  streetHalfYearRuleSet,
  type Rule,
  type RuleSet,
} from '../src/index.ts';

function issuesOf(input: unknown): RuleSetError {
  try {
    parseRuleSet(input);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetError);
    return e as RuleSetError;
  }
  throw new Error('expected the rule set to be rejected');
}

const rs = defaultRuleSet();
const base = rs.rules[0]!;
const withRules = (rules: Rule[], from: RuleSet = rs): RuleSet => ({ ...from, rules });

describe('one base, out of 100', () => {
  it('refuses a second inspection-weights rule for the same units, naming it', () => {
    const e = issuesOf(withRules([...rs.rules, { ...base, id: 'base.again', label: '基础分二' }]));
    expect(e.issues[0]?.ruleId).toBe('base.again');
    expect(e.message).toMatch(
      /rule "base\.again" \(基础分二\): a second base rule: "base\.inspections" already gives the inspection base to every unit/,
    );
  });

  it('accepts two inspection-weights rules for disjoint unit categories', () => {
    const villages = { ...base, appliesTo: ['village'] };
    const communities = { ...base, id: 'base.community', appliesTo: ['community'] };
    expect(() => parseRuleSet(withRules([villages, communities, ...rs.rules.slice(1)]))).not.toThrow();
    const e = issuesOf(
      withRules([villages, { ...communities, appliesTo: ['community', 'village'] }, ...rs.rules.slice(1)]),
    );
    expect(e.message).toMatch(/rule "base\.community".*a second base rule.*category "village"/);
  });

  it('refuses base contributions that can exceed 100 or not reach it (points), naming the rules', () => {
    const extra: Rule = {
      id: 'base.rate',
      kind: 'indicator',
      label: '化解成效',
      effect: 'base',
      indicator: 'settlement-rate',
      weight: 10,
      targetPct: 98,
    };
    expect(issuesOf(withRules([...rs.rules, extra])).message).toMatch(
      /base contributions to every unit can reach 110, not the 100-point base \(rules "base\.inspections" 100, "base\.rate" 10\)/,
    );

    const street = streetHalfYearRuleSet();
    const lowCap = street.rules.map(
      (r): Rule => (r.id === 'community.disputes-found.cap' && r.kind === 'group-cap' ? { ...r, max: 30 } : r),
    );
    const e = issuesOf(withRules(lowCap, street));
    expect(e.message).toMatch(
      /category "community" can reach 90, not the 100-point base \(rules "community\.disputes-found" capped at 30, "community\.minor-settled" capped at 60\)/,
    );
    expect(e.issues[0]?.ruleId).toBe('community.disputes-found');

    const uncapped = street.rules.filter((r) => r.id !== 'community.minor-settled.cap');
    expect(issuesOf(withRules(uncapped, street)).message).toMatch(
      /rule "community\.minor-settled".*category "community" have no upper bound: "community\.minor-settled" is not capped/,
    );
  });

  it('does not ask a yuan scheme for a 100-point base, nor a scheme with no base rule', () => {
    const funds = fundsRuleSet();
    expect(() =>
      parseRuleSet(
        withRules(
          [
            ...funds.rules,
            { id: 'f.base', kind: 'quota', label: '基础', effect: 'base', record: 'plan', atLeast: 1, points: 5000 },
          ],
          funds,
        ),
      ),
    ).not.toThrow();
    expect(() => parseRuleSet(withRules(rs.rules.slice(1)))).not.toThrow();
  });
});

describe('amounts stay exact', () => {
  it('refuses a per-event amount whose worst case (amount × MAX_COUNT occurrences) leaves the safe-integer range, naming the rule', () => {
    const huge = rs.rules.map(
      (r): Rule => (r.id === 'deduct.missing-report' && r.kind === 'per-event' ? { ...r, points: 10_000_000 } : r),
    );
    const e = issuesOf(withRules(huge));
    expect(e.issues[0]?.ruleId).toBe('deduct.missing-report');
    expect(e.message).toMatch(
      new RegExp(
        `rule "deduct\\.missing-report" \\(漏报\\): 10000000 × ${MAX_COUNT} occurrences .* beyond exact arithmetic`,
      ),
    );
  });

  it('refuses rules whose worst cases together leave the safe range, naming the rule that crosses it', () => {
    const big = (id: string): Rule => ({
      id,
      kind: 'quota',
      label: id,
      effect: 'bonus',
      record: 'r',
      atLeast: 1,
      points: 5_000_000_000_000,
    });
    const e = issuesOf(withRules([...rs.rules, big('q1'), big('q2')]));
    expect(e.issues.map((i) => i.ruleId)).toEqual(['q2']);
    expect(e.message).toMatch(/rule "q2".*together with the rules before it/);
    expect(() => parseRuleSet(withRules([...rs.rules, big('q1')]))).not.toThrow();
  });

  it('refuses an indicator target above 100 % (a numerator never exceeds its denominator)', () => {
    const street = streetHalfYearRuleSet();
    const e = issuesOf(
      withRules(
        street.rules.map(
          (r): Rule =>
            r.kind === 'indicator' && r.id === 'department.on-time-feedback' ? { ...r, targetPct: 120 } : r,
        ),
        street,
      ),
    );
    expect(e.message).toMatch(/rule "department\.on-time-feedback".*targetPct/);
  });

  it('still accepts the shipped rule sets', () => {
    for (const r of [defaultRuleSet(), streetHalfYearRuleSet(), fundsRuleSet()]) expect(parseRuleSet(r)).toEqual(r);
  });
});

describe('quarterly means stay exact with many inspections', () => {
  it('routine checks 9001, 9007, 9011 and 9013 times a quarter (lcm beyond 2^53): an exact tie still rounds half away from zero', () => {
    const halfAndHalf: RuleSet = {
      ...rs,
      rules: [
        {
          id: 'base',
          kind: 'inspection-weights',
          label: '基础分',
          components: [
            { component: 'routine', label: '例行检查', weightPct: 50, aggregate: 'quarterly-mean' },
            { component: 'year-end', label: '年终检查', weightPct: 50, aggregate: 'mean' },
          ],
        },
      ],
    };
    const counts = [9001, 9007, 9011, 9013];
    const scores = [90.001, 90.002, 90, 90.001];
    const inspections = counts.flatMap((n, q) =>
      Array.from({ length: n }, (_, k) => ({
        id: `r${q}-${k}`,
        component: 'routine',
        score: scores[q]!,
        date: `2024-${String(q * 3 + 1).padStart(2, '0')}-15`,
      })),
    );
    // Quarter means 90.001, 90.002, 90, 90.001 → mean 90.001 → × 50 % = 45.0005 → 45.001.
    const [a] = score(halfAndHalf, [{ unitId: 'v', inspections }]);
    expect(a!.lines.find((l) => l.label === '例行检查')?.points).toBe(45_001);
  });
});
