import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRuleSet, score, type Assessment, type Rule, type RuleSet, type UnitFacts } from '../src/index.ts';
import { scenarioArb } from './arbitraries.ts';
import { clean } from './helpers.ts';

/** Does this rule read an event's count (occurrences) rather than counting the event once? */
function readsCount(r: Rule): boolean {
  return (
    (r.kind === 'per-event' && r.multiplier === 'count') ||
    r.kind === 'tiered-count' ||
    (r.kind === 'quota' && r.from === 'events')
  );
}

function pointsByRule(a: Assessment): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of a.lines) out.set(l.ruleId, (out.get(l.ruleId) ?? 0) + l.points);
  return out;
}

const mapEvents = (
  units: UnitFacts[],
  f: (e: NonNullable<UnitFacts['events']>[number]) => NonNullable<UnitFacts['events']>,
) => units.map((u): UnitFacts => ({ ...u, events: (u.events ?? []).flatMap(f) }));

/** Each event of count n becomes n events of count 1. */
const split = (units: UnitFacts[]) =>
  mapEvents(units, (e) =>
    Array.from({ length: e.count ?? 1 }, (_, k) => {
      const { count: _count, ...rest } = e;
      return { ...rest, id: `${e.id}#${k}` };
    }),
  );
/** Every event's count dropped (counted once). */
const once = (units: UnitFacts[]) => mapEvents(units, ({ count: _count, ...rest }) => [rest]);

function compare(rs: RuleSet, a: UnitFacts[], b: UnitFacts[], which: (r: Rule) => boolean): void {
  const pa = score(rs, a).map(pointsByRule);
  const pb = score(rs, b).map(pointsByRule);
  const ids = rs.rules.filter(which).map((r) => r.id);
  pa.forEach((m, i) => {
    for (const id of ids) expect(pb[i]!.get(id) ?? 0, id).toBe(m.get(id) ?? 0);
  });
}

describe('count: the occurrences an event stands for', () => {
  it('per-event with multiplier "count", tiered-count and quota from events all read an event of count n as n events', () => {
    fc.assert(fc.property(scenarioArb, ([rs, units]) => compare(rs, units, split(units), readsCount)));
  });

  it('a per-event rule without multiplier "count" counts each event once, whatever its count', () => {
    fc.assert(
      fc.property(scenarioArb, ([rs, units]) =>
        compare(rs, units, once(units), (r) => r.kind === 'per-event' && r.multiplier !== 'count'),
      ),
    );
  });

  it('the default scheme: 3 person-times of absence in one event = 3 events; preventable cases sum their counts; a missing report counts once', () => {
    const oneEvent = clean('v', {
      events: [
        { id: 'a', kind: 'meeting-absence', count: 3, date: '2024-03-01' },
        { id: 'p1', kind: 'preventable-case', count: 2, date: '2024-03-01' },
        { id: 'p2', kind: 'preventable-case', count: 2, date: '2024-04-01' },
        { id: 'm', kind: 'missing-report', count: 3, date: '2024-04-01' },
      ],
    });
    const [d] = score(defaultRuleSet(), [oneEvent]);
    // 90 − 3 × 0.5 (absence) − 1 (4 preventable cases: more than 3) − 0.5 (one missing-report event) = 87
    expect(d!.final).toBe(87_000);
  });
});

describe('distinct quotas', () => {
  it('count distinct keys, beyond a handful too (20 registers, each kept twice)', () => {
    const registers: RuleSet = {
      schemaVersion: 1,
      id: 'r',
      version: '1',
      label: '台帐',
      unit: 'points',
      rules: [
        {
          id: 'quota.registers',
          kind: 'quota',
          label: '台帐齐全',
          effect: 'deduction',
          record: 'register',
          distinct: true,
          atLeast: 20,
          points: 1,
        },
      ],
    };
    const records = (n: number) =>
      Array.from({ length: 2 * n }, (_, i) => ({
        id: `g${i}`,
        kind: 'register',
        key: `k${i % n}`,
        date: '2024-12-31',
      }));
    const [met, missed] = score(registers, [
      { unitId: 'a', records: records(20) },
      { unitId: 'b', records: records(19) },
    ]);
    expect(met!.deductions).toBe(0);
    expect(missed!.deductions).toBe(1000);
    expect(missed!.lines[0]!.detail).toBe('19 on record, required ≥ 20 (missed)');
  });
});
