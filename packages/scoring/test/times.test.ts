import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score, type RecordFact, type RuleSet, type ScoringEvent, type UnitFacts } from '../src/index.ts';
import { scenarioArb } from './arbitraries.ts';

/**
 * `times`: one fact standing for k alike ones, as a per-unit-per-month aggregate hands them
 * over (docs/decisions/0010-dashboard-aggregates.md). Merging alike facts must change no total.
 */
function mergeEvents(events: readonly ScoringEvent[]): ScoringEvent[] {
  const groups = new Map<string, ScoringEvent[]>();
  for (const e of events) {
    const key = `${e.kind}|${e.level ?? ''}|${e.date}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((alike) => {
    const first = alike[0]!;
    const counted = alike.some((e) => e.count !== undefined);
    const merged: ScoringEvent = { id: `merged:${first.id}`, kind: first.kind, date: first.date, times: alike.length };
    if (first.level !== undefined) merged.level = first.level;
    if (counted) merged.count = alike.reduce((sum, e) => sum + (e.count ?? 1), 0);
    return merged;
  });
}

/** Records with a key merge by (kind, key, date); a record without one stays itself (a distinct quota counts its id). */
function mergeRecords(records: readonly RecordFact[]): RecordFact[] {
  const groups = new Map<string, RecordFact[]>();
  const alone: RecordFact[] = [];
  for (const r of records) {
    if (r.key === undefined) alone.push(r);
    else {
      const key = `${r.kind}|${r.key}|${r.date}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  }
  return [
    ...alone,
    ...[...groups.values()].map((alike) => ({
      id: `merged:${alike[0]!.id}`,
      kind: alike[0]!.kind,
      key: alike[0]!.key!,
      date: alike[0]!.date,
      times: alike.length,
    })),
  ];
}

const merge = (units: UnitFacts[]) =>
  units.map((u): UnitFacts => ({ ...u, events: mergeEvents(u.events ?? []), records: mergeRecords(u.records ?? []) }));

const totals = (units: UnitFacts[], rs: Parameters<typeof score>[0], periodClosed: boolean) =>
  score(rs, units, { explain: false, periodClosed }).map((a) => ({
    unit: a.unitId,
    base: a.base,
    bonus: a.bonus,
    deductions: a.deductions,
    final: a.final,
    vetoed: a.vetoed,
    atRisk: a.atRisk,
  }));

describe('times: one fact for k alike ones', () => {
  it('merging alike events and keyed records changes no total, closed or to date', () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), ([rs, units], closed) => {
        expect(totals(merge(units), rs, closed)).toEqual(totals(units, rs, closed));
      }),
    );
  });

  it('an info adoption standing for 3 scores as 3 adoptions; 2 absences of 5 person-times as 5', () => {
    const rs: RuleSet = {
      schemaVersion: 1,
      id: 'r',
      version: '1',
      label: 'r',
      unit: 'points',
      rules: [
        { id: 'info', kind: 'per-event', label: '信息', effect: 'bonus', events: ['info-adopted'], points: 0.5 },
        {
          id: 'absent',
          kind: 'per-event',
          label: '缺席',
          effect: 'deduction',
          events: ['meeting-absence'],
          points: 0.5,
          multiplier: 'count',
        },
      ],
    };
    const [a] = score(rs, [
      {
        unitId: 'u',
        events: [
          { id: 'i', kind: 'info-adopted', times: 3, date: '2024-03-01' },
          { id: 'm', kind: 'meeting-absence', times: 2, count: 5, date: '2024-03-01' },
        ],
      },
    ]);
    expect(a!.bonus).toBe(1500);
    expect(a!.deductions).toBe(2500);
  });

  it('refuses a times that is not a whole number from 1', () => {
    expect(() =>
      score({ schemaVersion: 1, id: 'r', version: '1', label: 'r', unit: 'points', rules: [] }, [
        { unitId: 'u', records: [{ id: 'x', kind: 'k', times: 0, date: '2024-01-01' }] },
      ]),
    ).toThrow(/times/);
  });
});
