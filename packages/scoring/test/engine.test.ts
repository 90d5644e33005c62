import { describe, expect, it } from 'vitest';
import {
  defaultRuleSet,
  diff,
  explainText,
  formatFixed,
  periodsOf,
  rank,
  score,
  scoreUnit,
  trend,
  type RuleSet,
} from '../src/index.ts';
import { clean } from './helpers.ts';

const rs = defaultRuleSet();
const ev = (id: string, kind: string, date: string, level?: string) => ({
  id,
  kind,
  date,
  ...(level ? { level } : {}),
});

describe('explanations', () => {
  it('name the rule and the facts that produced each line', () => {
    const a = scoreUnit(
      rs,
      clean('v', {
        events: [ev('p-7', 'collective-petition', '2024-05-02'), ev('i-1', 'info-adopted', '2024-03-01', 'county')],
      }),
    );
    const petition = a.lines.find((l) => l.ruleId === 'deduct.collective-petition');
    expect(petition).toMatchObject({ label: '集体访/越级访', points: -2000, display: '-2', factIds: ['p-7'] });
    expect(a.lines.find((l) => l.ruleId === 'bonus.info-adopted')).toMatchObject({
      label: '信息被采用',
      points: 1000,
      display: '+1',
      factIds: ['i-1'],
    });
    expect(a.lines.filter((l) => l.ruleId === 'base.inspections').map((l) => l.label)).toEqual([
      '例行检查',
      '半年检查',
      '年终检查',
    ]);
    expect(explainText(a)).toContain('集体访/越级访');
  });

  it('list the veto facts and mark the unit as not commendable', () => {
    const a = scoreUnit(rs, clean('v', { vetoes: [{ id: 'inc-1', kind: 'mass-incident', date: '2024-04-04' }] }));
    expect(a).toMatchObject({ vetoed: true, commendable: false, vetoFactIds: ['inc-1'] });
    expect(a.lines.find((l) => l.ruleId === 'veto')).toMatchObject({
      label: '一票否决',
      points: 0,
      factIds: ['inc-1'],
    });
  });

  it('has no clock and no hidden state: the same input scores the same twice', () => {
    const units = [clean('a'), clean('b', { events: [ev('x', 'missing-report', '2024-01-01')] })];
    expect(score(rs, units)).toEqual(score(rs, units));
  });

  it('rejects duplicate unit ids', () => {
    expect(() => score(rs, [clean('a'), clean('a')])).toThrow(/duplicate unitId/);
  });
});

describe('trend', () => {
  it('scores to date: a petition in May shows from May on', () => {
    const units = [clean('a', { events: [ev('p', 'collective-petition', '2024-05-20')] }), clean('b')];
    const series = trend(rs, units, { granularity: 'month', year: 2024 });
    const a = series.find((s) => s.unitId === 'a')!;
    expect(a.points.map((p) => p.period)).toEqual(periodsOf('month', 2024).map((p) => p.label));
    expect(a.points[3]!.deductions).toBe(a.points[0]!.deductions);
    expect(a.points[4]!.deductions - a.points[3]!.deductions).toBe(2000);
    expect(a.points[11]!.final).toBe(88_000);
    expect(a.points[11]!.rank).toBe(2);
  });

  it('uses real month ends, leap years included, and explicit periods', () => {
    expect(periodsOf('month', 2024)[1]!.end).toBe('2024-02-29');
    expect(periodsOf('month', 2023)[1]!.end).toBe('2023-02-28');
    expect(periodsOf('quarter', 2024).map((p) => p.end)).toEqual([
      '2024-03-31',
      '2024-06-30',
      '2024-09-30',
      '2024-12-31',
    ]);
    const s = trend(rs, [clean('a')], { periods: [{ label: 'H1', start: '2024-01-01', end: '2024-06-30' }] });
    expect(s[0]!.points).toHaveLength(1);
    // Routine Q1 + Q2 at 90 → 18; the half-year inspection is dated 5 July and the year-end one December: not yet.
    expect(formatFixed(s[0]!.points[0]!.base)).toBe('18');
  });
});

describe('diff', () => {
  it('previews a draft that doubles the petition deduction', () => {
    const draft: RuleSet = {
      ...rs,
      version: '2-draft',
      rules: rs.rules.map((r) =>
        r.id === 'deduct.collective-petition' && r.kind === 'per-event' ? { ...r, points: 5 } : r,
      ),
    };
    const units = [
      clean('a', { events: [ev('p', 'collective-petition', '2024-05-20')] }),
      clean('b', {
        events: [
          ev('m', 'missing-report', '2024-05-20'),
          ev('m2', 'missing-report', '2024-05-21'),
          ev('m3', 'missing-report', '2024-05-22'),
          ev('m4', 'missing-report', '2024-05-23'),
          ev('m5', 'missing-report', '2024-05-24'),
        ],
      }),
    ];
    const d = diff(rs, draft, units);
    expect(d).toEqual([
      {
        unitId: 'a',
        before: 88_000,
        after: 85_000,
        delta: -3000,
        rankBefore: 1,
        rankAfter: 2,
        rankDelta: 1,
        vetoedBefore: false,
        vetoedAfter: false,
      },
      {
        unitId: 'b',
        before: 87_500,
        after: 87_500,
        delta: 0,
        rankBefore: 2,
        rankAfter: 1,
        rankDelta: -1,
        vetoedBefore: false,
        vetoedAfter: false,
      },
    ]);
  });

  it('rank() accepts any list of assessments', () => {
    expect(rank([])).toEqual([]);
  });
});
