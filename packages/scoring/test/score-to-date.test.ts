import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultRuleSet,
  factsInPeriod,
  fundsRuleSet,
  periodsOf,
  score,
  streetHalfYearRuleSet,
  sumLines,
  trend,
  type UnitFacts,
} from '../src/index.ts';
import { scenarioArb } from './arbitraries.ts';
import { quotasMet } from './helpers.ts';

const rs = defaultRuleSet();

/**
 * A village that ends the year at exactly 90: routine quarters 70, 90, 100, 100 (mean 90 →
 * 18), half-year 90 (→ 27), year-end 90 (→ 45); every quota met by December; no events.
 */
const village: UnitFacts = {
  unitId: 'v',
  inspections: [
    { id: 'jan', component: 'routine', score: 70, date: '2024-01-25' },
    { id: 'feb', component: 'routine', score: 70, date: '2024-02-25' },
    { id: 'mar', component: 'routine', score: 70, date: '2024-03-25' },
    { id: 'jun', component: 'routine', score: 90, date: '2024-06-25' },
    { id: 'sep', component: 'routine', score: 100, date: '2024-09-25' },
    { id: 'dec', component: 'routine', score: 100, date: '2024-12-25' },
    { id: 'h', component: 'half-year', score: 90, date: '2024-07-05' },
    { id: 'y', component: 'year-end', score: 90, date: '2024-12-20' },
  ],
  records: quotasMet('v'),
};
const q1 = factsInPeriod(village, '2024-03-31', '2024-01-01');

describe('score to date (periodClosed: false)', () => {
  it('the closed year: 90, every component assessed', () => {
    const [a] = score(rs, [village]);
    expect(a).toMatchObject({ base: 90_000, deductions: 0, final: 90_000, assessedWeightPct: 100 });
    expect(a!.atRisk).toBeUndefined();
  });

  it('after Q1: base 14 (70 × 20 %) with 20 % of the weight assessed, quotas at risk, no quota deductions', () => {
    const [a] = score(rs, [q1], { periodClosed: false });
    expect(a).toMatchObject({ base: 14_000, bonus: 0, deductions: 0, final: 14_000, assessedWeightPct: 20 });
    // By 31 March: meetings in January and March, disputes likewise, mediation files from April, registers at year end.
    expect(a!.atRisk).toEqual([
      { ruleId: 'quota.meetings', label: '会议记录', have: 2, need: 6, effect: 'deduction', atStake: -1000 },
      { ruleId: 'quota.disputes', label: '矛盾纠纷排查', have: 2, need: 6, effect: 'deduction', atStake: -1000 },
      { ruleId: 'quota.mediation-files', label: '调解卷宗', have: 0, need: 3, effect: 'deduction', atStake: -1000 },
      { ruleId: 'quota.registers', label: '8本台帐', have: 0, need: 8, effect: 'deduction', atStake: -1000 },
    ]);
    expect(a!.lines.some((l) => l.ruleId.startsWith('quota.'))).toBe(false);
    expect(score(rs, [q1], { periodClosed: false, explain: false })[0]).toEqual({ ...a, lines: [] });
  });

  it('the same Q1 facts as a closed period deduct the four missed quotas (the old reading: 10)', () => {
    const [a] = score(rs, [q1]);
    expect(a).toMatchObject({ base: 14_000, deductions: 4000, final: 10_000, assessedWeightPct: 20 });
    expect(a!.atRisk).toBeUndefined();
  });

  it('a quota that can no longer be met is deducted even while the period is open (a duty-log gap in February)', () => {
    const gap = { ...q1, records: [...(q1.records ?? []), { id: 'gap', kind: 'duty-log-gap', date: '2024-02-10' }] };
    const [a] = score(rs, [gap], { periodClosed: false });
    expect(a!.deductions).toBe(1000);
    expect(a!.lines.find((l) => l.ruleId === 'quota.duty-log')).toMatchObject({ points: -1000, factIds: ['gap'] });
    expect(a!.atRisk?.map((r) => r.ruleId)).not.toContain('quota.duty-log');
  });

  it('a quota met to date with no upper bound is settled: no deduction, not at risk', () => {
    const [a] = score(rs, [factsInPeriod(village, '2024-11-30')], { periodClosed: false });
    expect(a!.atRisk?.map((r) => r.ruleId)).toEqual(['quota.registers']); // registers are dated 31 December
    expect(a!.assessedWeightPct).toBe(50); // routine and half-year; the year-end inspection is in December
  });

  it('a funds bonus "no petitions all year" counts to date; a scheme without inspections reports 0 % assessed', () => {
    const [a] = score(fundsRuleSet(), [{ unitId: 'v', events: [] }], { periodClosed: false });
    expect(a).toMatchObject({ bonus: 10_000_000, atRisk: [], assessedWeightPct: 0 });
    const [d] = score(streetHalfYearRuleSet(), [{ unitId: 'd', category: 'department' }], { periodClosed: false });
    expect(d!.assessedWeightPct).toBe(0);
  });

  it('trend reads the months before December as open periods: Q1 14 with quotas at risk, Q4 90', () => {
    const periods = periodsOf('quarter', 2024);
    expect(periods.map((p) => p.closed)).toEqual([false, false, false, true]);
    const [series] = trend(rs, [village], { granularity: 'quarter', year: 2024 });
    expect(series!.points.map((p) => p.final)).toEqual([14_000, 16_000, 44_333, 90_000]);
    expect(series!.points.map((p) => p.assessedWeightPct)).toEqual([20, 20, 50, 100]);
    expect(series!.points[0]!.atRisk?.map((r) => r.ruleId)).toEqual([
      'quota.meetings',
      'quota.disputes',
      'quota.mediation-files',
      'quota.registers',
    ]);
    expect(series!.points[3]!.atRisk).toBeUndefined();
    const [closed] = trend(rs, [village], { periods: [{ label: 'Q1', start: '2024-01-01', end: '2024-03-31' }] });
    expect(closed!.points[0]!.final).toBe(10_000);
  });
});

describe('score to date, for every rule set', () => {
  it('an open period differs from a closed one only by the quotas at risk (deduction quotas lose their line), and its lines still sum to the final', () => {
    fc.assert(
      fc.property(scenarioArb, ([rs, units]) => {
        const open = score(rs, units, { periodClosed: false });
        const closed = score(rs, units);
        open.forEach((o, i) => {
          const c = closed[i]!;
          expect(sumLines(o.lines)).toBe(o.final);
          expect(o.assessedWeightPct).toBe(c.assessedWeightPct);
          const risky = new Set(o.atRisk!.map((r) => r.ruleId));
          for (const r of o.atRisk!) {
            expect(r.have).toBeLessThan(r.need);
            const line = c.lines.find((l) => l.ruleId === r.ruleId);
            if (r.effect === 'deduction') expect(line?.points).toBe(r.atStake);
            else expect(line).toBeUndefined();
          }
          const capOrFloor = new Set(
            rs.rules.filter((r) => r.kind === 'group-cap' || r.kind === 'floor').map((r) => r.id),
          );
          const keep = (ls: typeof o.lines) => ls.filter((l) => !risky.has(l.ruleId) && !capOrFloor.has(l.ruleId));
          expect(keep(o.lines)).toEqual(keep(c.lines));
        });
      }),
    );
  });
});
