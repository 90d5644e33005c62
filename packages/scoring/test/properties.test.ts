import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultRuleSet,
  diff,
  formatFixed,
  mulDivRound,
  parseRuleSet,
  rank,
  rankMap,
  score,
  sumLines,
  toFixed,
  trend,
  type UnitFacts,
} from '../src/index.ts';
import { deductionEvent, ruleSetArb, scenarioArb, unitsArb, unitsFor } from './arbitraries.ts';

function shuffle<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => [x, keys[i % Math.max(1, keys.length)] ?? 0, i] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([x]) => x);
}

describe('properties', () => {
  it('final = max(0, base + min(bonus, 10) − deductions) under the default scheme', () => {
    const rs = defaultRuleSet();
    fc.assert(
      fc.property(unitsArb, (units) => {
        for (const a of score(rs, units)) {
          expect(a.bonus).toBe(Math.min(a.bonusRaw, 10_000));
          expect(a.final).toBe(Math.max(0, a.base + Math.min(a.bonusRaw, 10_000) - a.deductions));
          expect(a.deductions).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('the explanation lines sum to the final, for every rule set', () => {
    fc.assert(
      fc.property(scenarioArb, ([rs, units]) => {
        for (const a of score(rs, units)) {
          expect(sumLines(a.lines)).toBe(a.final);
          expect(a.final).toBe(a.base + a.bonus - a.deductions + a.floorAdjustment);
          for (const l of a.lines) {
            expect(Number.isInteger(l.points)).toBe(true);
            expect(l.display).toBe(formatFixed(l.points, true));
          }
        }
      }),
    );
  });

  it('every total is an integer number of milli-units (no float drift)', () => {
    fc.assert(
      fc.property(scenarioArb, ([rs, units]) => {
        for (const a of score(rs, units))
          for (const v of [a.base, a.bonus, a.bonusRaw, a.deductions, a.final])
            expect(Number.isSafeInteger(v)).toBe(true);
      }),
    );
  });

  it('adding a deduction event never raises a score or a rank (default scheme)', () => {
    const rs = defaultRuleSet();
    fc.assert(
      fc.property(
        unitsArb.chain((units) =>
          fc.tuple(fc.constant(units), fc.nat({ max: units.length - 1 }), deductionEvent('added-deduction')),
        ),
        ([units, which, event]) => {
          const target = units[which]!;
          const changed = units.map(
            (u, i): UnitFacts => (i === which ? { ...u, events: [...(u.events ?? []), event] } : u),
          );
          const before = score(rs, units);
          const after = score(rs, changed);
          const b = before.find((a) => a.unitId === target.unitId)!;
          const a = after.find((x) => x.unitId === target.unitId)!;
          expect(a.final).toBeLessThanOrEqual(b.final);
          expect(rankMap(after).get(target.unitId)!).toBeGreaterThanOrEqual(rankMap(before).get(target.unitId)!);
        },
      ),
    );
  });

  it('permuting facts (units and the facts inside a unit) changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.integer(), { minLength: 1, maxLength: 50 }), ([rs, units], keys) => {
        const permuted = shuffle(units, keys).map(
          (u): UnitFacts => ({
            ...u,
            inspections: shuffle(u.inspections ?? [], keys.slice(1)),
            events: shuffle(u.events ?? [], keys.slice(2)),
            records: shuffle(u.records ?? [], keys.slice(3)),
            indicators: shuffle(u.indicators ?? [], keys.slice(4)),
            vetoes: shuffle(u.vetoes ?? [], keys.slice(5)),
          }),
        );
        const a = score(rs, units);
        const b = score(rs, permuted);
        expect(b).toEqual(a);
        expect(rank(b)).toEqual(rank(a));
      }),
    );
  });

  it('JSON round-trip of every rule set is identity (and scores the same)', () => {
    fc.assert(
      fc.property(scenarioArb, ([rs, units]) => {
        const copy: unknown = JSON.parse(JSON.stringify(rs));
        expect(copy).toEqual(rs);
        const parsed = parseRuleSet(copy);
        expect(parsed).toEqual(rs);
        expect(JSON.parse(JSON.stringify(parsed))).toEqual(rs);
        expect(score(parsed, units)).toEqual(score(rs, units));
      }),
    );
  });

  it('assessments are JSON data: a round-trip is identity', () => {
    fc.assert(
      fc.property(scenarioArb, ([rs, units]) => {
        const a = score(rs, units);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
    );
  });

  it('explain: false gives the same totals with no lines', () => {
    fc.assert(
      fc.property(scenarioArb, ([rs, units]) => {
        const full = score(rs, units);
        const totals = score(rs, units, { explain: false });
        for (const total of totals) expect(total.lines).toEqual([]);
        expect(totals.map(({ lines: _lines, ...rest }) => rest)).toEqual(
          full.map(({ lines: _lines, ...rest }) => rest),
        );
      }),
    );
  });

  it('rank is a competition ranking with vetoed units last', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            unitId: fc.string({ minLength: 1, maxLength: 3 }),
            final: fc.integer({ min: 0, max: 20 }).map((n) => n * 500),
            vetoed: fc.boolean(),
          }),
          { selector: (x) => x.unitId, maxLength: 30 },
        ),
        (xs) => {
          const r = rank(xs);
          expect(r).toHaveLength(xs.length);
          r.forEach((x, i) => {
            if (i === 0) {
              expect(x.rank).toBe(1);
              return;
            }
            const prev = r[i - 1]!;
            if (prev.vetoed && !x.vetoed) throw new Error('non-vetoed after vetoed');
            const same = prev.vetoed === x.vetoed && prev.final === x.final;
            expect(x.rank).toBe(same ? prev.rank : i + 1);
            if (same) expect(prev.unitId < x.unitId).toBe(true);
            else if (prev.vetoed === x.vetoed) expect(prev.final).toBeGreaterThan(x.final);
          });
          expect(rank([...xs].reverse())).toEqual(r);
        },
      ),
    );
  });

  it('trend: the December point equals the score of the whole year; scores only use facts to date', () => {
    const rs = defaultRuleSet();
    fc.assert(
      fc.property(unitsArb, (units) => {
        const months = trend(rs, units, { granularity: 'month', year: 2024 });
        const year = score(rs, units);
        const quarters = trend(rs, units, { granularity: 'quarter', year: 2024 });
        for (const a of year) {
          const m = months.find((s) => s.unitId === a.unitId)!;
          expect(m.points).toHaveLength(12);
          expect(m.points[11]!.final).toBe(a.final);
          const q = quarters.find((s) => s.unitId === a.unitId)!;
          expect(q.points.map((p) => p.final)).toEqual([2, 5, 8, 11].map((i) => m.points[i]!.final));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('diff of a rule set against itself is all zero; against another is after − before', () => {
    fc.assert(
      fc.property(
        ruleSetArb.chain((rs) => fc.tuple(fc.constant(rs), unitsFor(rs, defaultRuleSet()))),
        ([rs, units]) => {
          for (const d of diff(rs, rs, units)) {
            expect(d.delta).toBe(0);
            expect(d.rankDelta).toBe(0);
          }
          const other = defaultRuleSet();
          const before = score(rs, units);
          const after = score(other, units);
          diff(rs, other, units).forEach((d, i) => {
            expect(d.unitId).toBe(before[i]!.unitId);
            expect(d.delta).toBe(after[i]!.final - before[i]!.final);
            expect(d.rankDelta).toBe(d.rankAfter - d.rankBefore);
          });
        },
      ),
    );
  });

  it('fixed point: mulDivRound is exact half-away-from-zero rounding (checked against BigInt)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        (a, b, c) => {
          const p = BigInt(a) * BigInt(b);
          const abs = p < 0n ? -p : p;
          let q = abs / BigInt(c);
          if ((abs % BigInt(c)) * 2n >= BigInt(c)) q += 1n;
          expect(mulDivRound(a, b, c)).toBe(Number(p < 0n ? -q : q) + 0);
        },
      ),
    );
  });

  it('fixed point: toFixed/formatFixed round-trip amounts with up to 3 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (milli) => {
        expect(toFixed(Number(formatFixed(milli)))).toBe(milli);
      }),
    );
  });
});
