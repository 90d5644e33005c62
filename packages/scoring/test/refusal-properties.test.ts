import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FactError,
  MAX_COUNT,
  parseRuleSet,
  RuleSetError,
  score,
  type FactList,
  type Rule,
  type RuleSet,
  type UnitFacts,
} from '../src/index.ts';
import { anyRuleSet, levelVocabulary, scenarioArb } from './arbitraries.ts';

/** Numbers that are not a finite amount, or are out of every range. */
const notFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

interface Corruption {
  list: FactList;
  field: string;
  /** Adds the bad fact (id "bad") to a unit. */
  apply: (u: UnitFacts, rs: RuleSet) => UnitFacts | null;
}

const date = '2024-06-01';
const corruptions: fc.Arbitrary<Corruption> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        notFinite,
        fc.integer({ max: 0 }),
        fc.double({ min: 0.01, max: 50, noInteger: true, noNaN: true }),
        fc.constant(MAX_COUNT + 1),
      ),
      fc.constantFrom('meeting-absence', 'preventable-case', 'petition', 'weather'),
    )
    .map(
      ([count, kind]): Corruption => ({
        list: 'events',
        field: 'count',
        apply: (u) => ({ ...u, events: [...(u.events ?? []), { id: 'bad', kind, count, date }] }),
      }),
    ),
  fc
    .tuple(
      fc.oneof(
        notFinite,
        fc.double({ max: -0.001, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 100.001, noNaN: true, noDefaultInfinity: true }),
        fc.constant(90.0005),
      ),
      fc.constantFrom('routine', 'half-year', 'year-end'),
    )
    .map(
      ([s, component]): Corruption => ({
        list: 'inspections',
        field: 'score',
        apply: (u) => ({ ...u, inspections: [...(u.inspections ?? []), { id: 'bad', component, score: s, date }] }),
      }),
    ),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 10 })).map(
    ([den, over]): Corruption => ({
      list: 'indicators',
      field: 'numerator',
      apply: (u) => ({
        ...u,
        indicators: [
          ...(u.indicators ?? []),
          { id: 'bad', name: 'settlement-rate', numerator: den + over, denominator: den, date },
        ],
      }),
    }),
  ),
  fc.tuple(notFinite, fc.boolean()).map(
    ([v, onNumerator]): Corruption => ({
      list: 'indicators',
      field: onNumerator ? 'numerator' : 'denominator',
      apply: (u) => ({
        ...u,
        indicators: [
          ...(u.indicators ?? []),
          {
            id: 'bad',
            name: 'on-time-feedback',
            numerator: onNumerator ? v : 1,
            denominator: onNumerator ? 10 : v,
            date,
          },
        ],
      }),
    }),
  ),
  fc.constantFrom('2024-00-10', '2024-6-1', '20240601', '', '2024-06-32').map(
    (d): Corruption => ({
      list: 'inspections',
      field: 'date',
      apply: (u) => ({
        ...u,
        inspections: [...(u.inspections ?? []), { id: 'bad', component: 'routine', score: 90, date: d }],
      }),
    }),
  ),
  fc.nat().map(
    (pick): Corruption => ({
      list: 'events',
      field: 'level',
      apply: (u, rs) => {
        const kinds = [...levelVocabulary(rs).keys()];
        if (kinds.length === 0) return null;
        return {
          ...u,
          events: [...(u.events ?? []), { id: 'bad', kind: kinds[pick % kinds.length]!, level: 'no-such-level', date }],
        };
      },
    }),
  ),
);

describe('refusal properties', () => {
  it('one bad fact anywhere refuses the whole score, naming its unit, the fact and the field (both explain modes)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), corruptions, fc.boolean(), ([rs, units], which, corruption, explain) => {
        const target = units[which % units.length]!;
        const bad = corruption.apply(target, rs);
        fc.pre(bad !== null);
        const changed = units.map((u) => (u === target ? bad! : u));
        let thrown: unknown;
        try {
          score(rs, changed, { explain });
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(FactError);
        const e = thrown as FactError;
        expect({ unitId: e.unitId, list: e.list, factId: e.factId, field: e.field }).toEqual({
          unitId: target.unitId,
          list: corruption.list,
          factId: 'bad',
          field: corruption.field,
        });
        expect(e.message).toContain(`"${target.unitId}"`);
        expect(e.message).toContain('"bad"');
      }),
    );
  });

  it('valid facts are never refused, and every final is a safe integer', () => {
    fc.assert(
      fc.property(scenarioArb, ([rs, units]) => {
        for (const a of score(rs, units)) expect(Number.isSafeInteger(a.final)).toBe(true);
      }),
    );
  });
});

/** The ruleId of every issue parseRuleSet raises for this input (empty when it is accepted). */
function refusedRuleIds(input: unknown): (string | undefined)[] {
  try {
    parseRuleSet(input);
    return [];
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    return e.issues.map((i) => i.ruleId);
  }
}

describe('rule-set refusal properties', () => {
  it('a second inspection-weights rule for units that already have one is refused, naming it', () => {
    fc.assert(
      fc.property(
        anyRuleSet,
        fc.constantFrom<string[] | undefined>(undefined, ['village'], ['community', 'department', 'village']),
        (rs, appliesTo) => {
          const existing = rs.rules.find((r) => r.kind === 'inspection-weights');
          fc.pre(existing !== undefined);
          const extra: Rule = {
            id: 'extra.base',
            kind: 'inspection-weights',
            label: '第二基础分',
            components: [{ component: 'x', label: 'x', weightPct: 100, aggregate: 'mean' }],
            ...(appliesTo ? { appliesTo } : {}),
          };
          const overlaps =
            existing!.appliesTo === undefined ||
            appliesTo === undefined ||
            appliesTo.some((c) => existing!.appliesTo!.includes(c));
          fc.pre(overlaps);
          expect(refusedRuleIds({ ...rs, rules: [...rs.rules, extra] })).toContain('extra.base');
        },
      ),
    );
  });

  it('a per-event amount whose worst case leaves the safe-integer range is refused, naming it; below the bound it is accepted', () => {
    const limit = Math.floor(Number.MAX_SAFE_INTEGER / MAX_COUNT / 1000);
    fc.assert(
      fc.property(
        anyRuleSet,
        fc.integer({ min: limit + 1, max: 10 * limit }),
        fc.constantFrom('bonus' as const, 'deduction' as const),
        (rs, points, effect) => {
          const extra: Rule = { id: 'extra.huge', kind: 'per-event', label: '巨额', effect, events: ['huge'], points };
          expect(refusedRuleIds({ ...rs, rules: [...rs.rules, extra] })).toEqual(['extra.huge']);
          expect(refusedRuleIds({ ...rs, rules: [...rs.rules, { ...extra, points: 1 }] })).toEqual([]);
        },
      ),
    );
  });
});
