import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalRuleSetJson,
  compile,
  defaultRuleSet,
  fundsRuleSet,
  RuleSetError,
  score,
  type RuleSet,
} from '../src/index.ts';
import { anyRuleSet } from './arbitraries.ts';
import { clean } from './helpers.ts';

/** The same JSON value with every object's keys in reverse order. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reversedKeys(x)]),
    );
  return v;
}

function keysSorted(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(keysSorted);
  if (v === null || typeof v !== 'object') return true;
  const keys = Object.keys(v);
  return keys.every((k, i) => i === 0 || keys[i - 1]! < k) && Object.values(v).every(keysSorted);
}

describe('canonicalRuleSetJson: identity by content', () => {
  it('is JSON with sorted keys and no whitespace between tokens, and parses back to the rule set', () => {
    const rs = defaultRuleSet();
    const json = canonicalRuleSetJson(rs);
    expect(JSON.parse(json)).toEqual(rs);
    expect(json.startsWith('{"id":"default-township-village","label":')).toBe(true);
    expect(JSON.stringify(JSON.parse(json))).toBe(json); // no whitespace between tokens
    expect(keysSorted(JSON.parse(json))).toBe(true);
    expect(json).toBe(canonicalRuleSetJson(reversedKeys(rs) as RuleSet));
  });

  it('two rule sets share a canonical JSON exactly when their contents are equal', () => {
    fc.assert(
      fc.property(anyRuleSet, anyRuleSet, fc.boolean(), (a, other, same) => {
        const b = same ? (reversedKeys(structuredClone(a)) as RuleSet) : other;
        expect(canonicalRuleSetJson(a) === canonicalRuleSetJson(b)).toBe(isDeepStrictEqual(a, b));
      }),
    );
    const rs = defaultRuleSet();
    expect(canonicalRuleSetJson({ ...rs, version: '2' })).not.toBe(canonicalRuleSetJson(rs));
    expect(
      canonicalRuleSetJson({ ...rs, rules: rs.rules.map((r) => (r.id === 'floor' ? { ...r, label: '最低零分' } : r)) }),
    ).not.toBe(canonicalRuleSetJson(rs));
  });

  it('refuses an invalid rule set (nothing to version)', () => {
    expect(() =>
      canonicalRuleSetJson({ ...defaultRuleSet(), rules: [], unit: 'dollars' } as unknown as RuleSet),
    ).toThrow(RuleSetError);
  });

  it('rule sets differing only in key order score identically, detail strings included', () => {
    const units = [
      clean('v', {
        events: [
          { id: 'i1', kind: 'info-adopted', level: 'central', date: '2024-03-01' },
          { id: 'i2', kind: 'info-adopted', level: 'township', date: '2024-03-02' },
        ],
      }),
    ];
    const rs = defaultRuleSet();
    expect(score(reversedKeys(rs) as RuleSet, units)).toEqual(score(rs, units));
    const funds = fundsRuleSet();
    const dispute = (id: string, level: string) => ({ id, kind: 'dispute-settled', level, date: '2024-05-01' });
    const f = [{ unitId: 'v', events: [dispute('d1', 'class-1'), dispute('d2', 'class-3')] }];
    expect(score(reversedKeys(funds) as RuleSet, f)).toEqual(score(funds, f));
  });
});

describe('compile cache keyed on content', () => {
  it('a rule set edited in place after scoring scores with its new content', () => {
    const rs = defaultRuleSet();
    const units = [clean('v', { events: [{ id: 'p', kind: 'collective-petition', date: '2024-05-01' }] })];
    expect(score(rs, units)[0]!.final).toBe(88_000);
    const rule = rs.rules.find((r) => r.id === 'deduct.collective-petition');
    if (rule?.kind !== 'per-event') throw new Error('expected the petition rule');
    rule.points = 5;
    expect(score(rs, units)[0]!.final).toBe(85_000);
    rs.version = '2';
    expect(score(rs, units)[0]!.ruleSetVersion).toBe('2');
  });

  it('an edit that makes the rule set invalid is refused at the next score', () => {
    const rs = defaultRuleSet();
    score(rs, []);
    rs.rules.push({ ...rs.rules[0]!, id: 'base.again' });
    expect(() => score(rs, [])).toThrow(RuleSetError);
  });

  it('never freezes or keeps the caller’s object: the compiled rule set is a frozen copy', () => {
    const rs = defaultRuleSet();
    const c = compile(rs);
    expect(Object.isFrozen(rs)).toBe(false);
    expect(c.ruleSet).not.toBe(rs);
    expect(c.ruleSet).toEqual(rs);
    expect(Object.isFrozen(c.ruleSet)).toBe(true);
    expect(Object.isFrozen(c.ruleSet.rules[1])).toBe(true);
    expect(compile(defaultRuleSet())).toBe(c);
  });
});
