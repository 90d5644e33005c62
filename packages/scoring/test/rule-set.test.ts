import { describe, expect, it } from 'vitest';
import {
  defaultRuleSet,
  fundsRuleSet,
  parseRuleSet,
  RuleSetError,
  safeParseRuleSet,
  score,
  streetHalfYearRuleSet,
  type RuleSet,
} from '../src/index.ts';

function messageOf(input: unknown): string {
  try {
    parseRuleSet(input);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetError);
    return (e as Error).message;
  }
  throw new Error('expected the rule set to be rejected');
}

const withRules = (rules: unknown[]): unknown => ({ ...defaultRuleSet(), rules });
const rs = defaultRuleSet();

describe('rule set schema', () => {
  it('accepts the three shipped rule sets', () => {
    for (const r of [defaultRuleSet(), streetHalfYearRuleSet(), fundsRuleSet()]) expect(parseRuleSet(r)).toEqual(r);
  });

  it('gives every default rule a Chinese label and its source wording', () => {
    for (const r of rs.rules) {
      expect(r.label).toMatch(/\p{Script=Han}/u);
      expect(r.source).toMatch(/\p{Script=Han}/u);
    }
  });

  it('rejects inspection weights not summing to 100, naming the rule', () => {
    const bad = rs.rules.map((r) =>
      r.kind === 'inspection-weights' ? { ...r, components: r.components.map((c) => ({ ...c, weightPct: 30 })) } : r,
    );
    expect(messageOf(withRules(bad))).toMatch(/rule "base\.inspections" \(基础分\).*weights sum to 90%, expected 100%/);
  });

  it('rejects tiers out of order, naming the rule', () => {
    const bad = rs.rules.map((r) => (r.kind === 'tiered-count' ? { ...r, tiers: [r.tiers[1], r.tiers[0]] } : r));
    expect(messageOf(withRules(bad))).toMatch(
      /rule "deduct\.preventable-cases" \(可防性案件\): tiers are not in ascending order/,
    );
  });

  it('rejects an unknown rule kind, naming the rule', () => {
    expect(messageOf(withRules([...rs.rules, { id: 'x.bonus', kind: 'lottery', label: '抽奖' }]))).toMatch(
      /rule "x\.bonus" \(抽奖\): unknown rule kind "lottery"/,
    );
  });

  it('rejects duplicate rule ids, naming the rule', () => {
    expect(messageOf(withRules([...rs.rules, rs.rules[1]]))).toMatch(
      /rule "bonus\.info-adopted" \(信息被采用\): duplicate rule id/,
    );
  });

  it('rejects a malformed field, naming the rule and the field', () => {
    const bad = rs.rules.map((r) => (r.id === 'deduct.missing-report' ? { ...r, points: 'half' } : r));
    const err = safeParseRuleSet(withRules(bad));
    expect(err.ok).toBe(false);
    if (err.ok) return;
    expect(err.error.message).toMatch(/rule "deduct\.missing-report" \(漏报\): points:/);
    expect(err.error.issues[0]?.ruleId).toBe('deduct.missing-report');
  });

  it('rejects amounts finer than 0.001, a cap on an unknown group, both points and pointsByLevel, a quota without bound', () => {
    expect(
      messageOf(withRules(rs.rules.map((r) => (r.id === 'deduct.missing-report' ? { ...r, points: 0.0005 } : r)))),
    ).toMatch(/漏报.*3 decimals/);
    expect(
      messageOf(withRules([...rs.rules, { id: 'cap2', kind: 'group-cap', label: '封顶', group: 'nothing', max: 1 }])),
    ).toMatch(/rule "cap2".*no rule contributes/);
    expect(
      messageOf(withRules(rs.rules.map((r) => (r.id === 'bonus.commendation' ? { ...r, points: 1 } : r)))),
    ).toMatch(/表彰.*exactly one of/);
    expect(
      messageOf(withRules(rs.rules.map((r) => (r.id === 'quota.meetings' ? { ...r, atLeast: undefined } : r)))),
    ).toMatch(/会议记录.*atLeast/);
  });

  it('rejects an unknown top-level unit', () => {
    expect(messageOf({ ...rs, unit: 'dollars' })).toMatch(/unit/);
  });

  it('score() validates the rule set once and rejects an invalid one', () => {
    const bad = { ...rs, rules: [...rs.rules, rs.rules[0]] } as RuleSet;
    expect(() => score(bad, [])).toThrow(RuleSetError);
  });

  it('expresses the funds scheme in yuan with no cap and no floor', () => {
    const f = fundsRuleSet();
    expect(f.unit).toBe('yuan');
    expect(f.rules.some((r) => r.kind === 'group-cap' || r.kind === 'floor')).toBe(false);
  });
});
