/**
 * Golden cases worked by hand from docs/domain.md §6. Each names the rule it exercises and
 * shows the arithmetic. Expected amounts are decimal strings in the rule set's unit.
 * Unless noted, units start from helpers.clean(): every inspection 90 (base 90) and
 * every quota met, so only the facts listed move the score.
 */
import type { UnitFacts } from '../../src/index.ts';
import { clean, quotasMet } from '../helpers.ts';

export interface GoldenCase {
  name: string;
  /** The §6 rule (and rule id) the case exercises. */
  rule: string;
  ruleSet: 'default' | 'street' | 'funds';
  units: UnitFacts[];
  expect: Record<
    string,
    { final: string; base?: string; bonus?: string; deductions?: string; vetoed?: boolean; lineRuleIds?: string[] }
  >;
  /** Expected ranking, in output order, as [unitId, rank]. */
  ranking?: [string, number][];
}

const ev = (id: string, kind: string, level?: string, count?: number) => ({
  id,
  kind,
  date: '2024-05-01',
  ...(level ? { level } : {}),
  ...(count ? { count } : {}),
});
const cases = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ev(`${prefix}${i + 1}`, 'preventable-case'));

export const GOLDEN: GoldenCase[] = [
  {
    name: 'base: 20 % routine + 30 % half-year + 50 % year-end',
    rule: '§6 base score (base.inspections): 87.5×20% + 92.5×30% + 88×50% = 17.5 + 27.75 + 44 = 89.25',
    ruleSet: 'default',
    units: [
      {
        unitId: 'v',
        records: quotasMet('v'),
        inspections: [
          { id: 'r1', component: 'routine', score: 80, date: '2024-03-25' },
          { id: 'r2', component: 'routine', score: 90, date: '2024-06-25' },
          { id: 'r3', component: 'routine', score: 85, date: '2024-09-25' },
          { id: 'r4', component: 'routine', score: 95, date: '2024-12-25' },
          { id: 'h', component: 'half-year', score: 92.5, date: '2024-07-05' },
          { id: 'y', component: 'year-end', score: 88, date: '2024-12-20' },
        ],
      },
    ],
    expect: { v: { final: '89.25', base: '89.25', bonus: '0', deductions: '0' } },
  },
  {
    name: 'routine checks: monthly, scored per quarter, quarters averaged',
    rule: '§6 base score (base.inspections, quarterly-mean): Q1 (80+90+100)/3 = 90, Q2 85 → mean 87.5 ×20% = 17.5; +27 +45 = 89.5',
    ruleSet: 'default',
    units: [
      {
        unitId: 'v',
        records: quotasMet('v'),
        inspections: [
          { id: 'jan', component: 'routine', score: 80, date: '2024-01-25' },
          { id: 'feb', component: 'routine', score: 90, date: '2024-02-25' },
          { id: 'mar', component: 'routine', score: 100, date: '2024-03-25' },
          { id: 'apr', component: 'routine', score: 85, date: '2024-04-25' },
          { id: 'h', component: 'half-year', score: 90, date: '2024-07-05' },
          { id: 'y', component: 'year-end', score: 90, date: '2024-12-20' },
        ],
      },
    ],
    expect: { v: { final: '89.5', base: '89.5' } },
  },
  {
    name: 'rounding: one exact rational per component, half away from zero to 0.001',
    rule: '§6 base score + fixed-point rule: routine quarters 90, 90, 91 → 271/3 × 20% = 18.0666… → 18.067; +27 +45 = 90.067',
    ruleSet: 'default',
    units: [
      {
        unitId: 'v',
        records: quotasMet('v'),
        inspections: [
          { id: 'r1', component: 'routine', score: 90, date: '2024-03-25' },
          { id: 'r2', component: 'routine', score: 90, date: '2024-06-25' },
          { id: 'r3', component: 'routine', score: 91, date: '2024-09-25' },
          { id: 'h', component: 'half-year', score: 90, date: '2024-07-05' },
          { id: 'y', component: 'year-end', score: 90, date: '2024-12-20' },
        ],
      },
    ],
    expect: { v: { final: '90.067', base: '90.067' } },
  },
  {
    name: 'missing component scores 0 for its weight',
    rule: '§6 base score: no year-end inspection on record → 18 + 27 + 0 = 45',
    ruleSet: 'default',
    units: [
      {
        unitId: 'v',
        records: quotasMet('v'),
        inspections: clean('v').inspections!.filter((i) => i.component !== 'year-end'),
      },
    ],
    expect: { v: { final: '45', base: '45' } },
  },
  {
    name: 'information adopted, per level',
    rule: '§6 bonus (bonus.info-adopted): township 2 × 0.5 + county 1 + city 2 + central 3 = 7 → 97',
    ruleSet: 'default',
    units: [
      clean('v', {
        events: [
          ev('i1', 'info-adopted', 'township'),
          ev('i2', 'info-adopted', 'township'),
          ev('i3', 'info-adopted', 'county'),
          ev('i4', 'info-adopted', 'city'),
          ev('i5', 'info-adopted', 'central'),
        ],
      }),
    ],
    expect: { v: { final: '97', bonus: '7' } },
  },
  {
    name: 'bonus capped at 10',
    rule: '§6 bonus cap (bonus.cap): central 3 × 3 + provincial commendation 2 = 11 → min(11, 10) = 10 → 100',
    ruleSet: 'default',
    units: [
      clean('v', {
        events: [
          ev('i1', 'info-adopted', 'central'),
          ev('i2', 'info-adopted', 'central'),
          ev('i3', 'info-adopted', 'central'),
          ev('c1', 'commendation', 'province'),
        ],
      }),
    ],
    expect: { v: { final: '100', bonus: '10', lineRuleIds: ['bonus.cap'] } },
  },
  {
    name: 'bonus exactly at the cap is not cut',
    rule: '§6 bonus cap (bonus.cap): central 3 × 3 + county commendation 1 = 10 → 100, no cap line',
    ruleSet: 'default',
    units: [
      clean('v', {
        events: [
          ev('i1', 'info-adopted', 'central'),
          ev('i2', 'info-adopted', 'central'),
          ev('i3', 'info-adopted', 'central'),
          ev('c1', 'commendation', 'county'),
        ],
      }),
    ],
    expect: { v: { final: '100', bonus: '10' } },
  },
  {
    name: 'cap applies before deductions',
    rule: '§6 final = base + min(bonus, 10) − deductions: 90 + min(12, 10) − 2 (collective petition) = 98',
    ruleSet: 'default',
    units: [
      clean('v', {
        events: [
          ev('i1', 'info-adopted', 'central'),
          ev('i2', 'info-adopted', 'central'),
          ev('i3', 'info-adopted', 'central'),
          ev('i4', 'info-adopted', 'central'),
          ev('p1', 'collective-petition'),
        ],
      }),
    ],
    expect: { v: { final: '98', bonus: '10', deductions: '2' } },
  },
  {
    name: 'meeting absence per person-time',
    rule: '§6 deduction (deduct.meeting-absence): 3 person-times × 0.5 = 1.5 → 88.5',
    ruleSet: 'default',
    units: [clean('v', { events: [ev('a1', 'meeting-absence', undefined, 2), ev('a2', 'meeting-absence')] })],
    expect: { v: { final: '88.5', deductions: '1.5' } },
  },
  {
    name: 'missing report per type and occasion',
    rule: '§6 deduction (deduct.missing-report): 2 × 0.5 = 1 → 89',
    ruleSet: 'default',
    units: [clean('v', { events: [ev('m1', 'missing-report'), ev('m2', 'missing-report')] })],
    expect: { v: { final: '89', deductions: '1' } },
  },
  {
    name: 'collective and skip-level petitions',
    rule: '§6 deduction (deduct.collective-petition): 2 × 2 = 4 → 86',
    ruleSet: 'default',
    units: [clean('v', { events: [ev('p1', 'collective-petition'), ev('p2', 'skip-level-petition')] })],
    expect: { v: { final: '86', deductions: '4' } },
  },
  {
    name: 'night-duty check: criticism and yellow card',
    rule: '§6 deduction (deduct.night-duty): notice of criticism 1 + yellow card 2 = 3 → 87',
    ruleSet: 'default',
    units: [
      clean('v', {
        events: [ev('n1', 'night-duty-off-post', 'criticism'), ev('n2', 'night-duty-off-post', 'yellow-card')],
      }),
    ],
    expect: { v: { final: '87', deductions: '3' } },
  },
  {
    name: 'preventable cases: 3 is not "more than 3"',
    rule: '§6 tiered deduction (deduct.preventable-cases): 3 cases → 0 → 90',
    ruleSet: 'default',
    units: [clean('v', { events: cases(3, 'pc') })],
    expect: { v: { final: '90', deductions: '0' } },
  },
  {
    name: 'preventable cases: 4 → −1',
    rule: '§6 tiered deduction (deduct.preventable-cases): more than 3 → −1 → 89',
    ruleSet: 'default',
    units: [clean('v', { events: cases(4, 'pc') })],
    expect: { v: { final: '89', deductions: '1', lineRuleIds: ['deduct.preventable-cases'] } },
  },
  {
    name: 'preventable cases: 5 → −2, not cumulative',
    rule: '§6 tiered deduction (deduct.preventable-cases): 5 or more → −2 (not −1 −2 = −3) → 88',
    ruleSet: 'default',
    units: [clean('v', { events: cases(5, 'pc') })],
    expect: { v: { final: '88', deductions: '2' } },
  },
  {
    name: 'preventable cases: 9 → still −2',
    rule: '§6 tiered deduction (deduct.preventable-cases): highest tier only → 88',
    ruleSet: 'default',
    units: [clean('v', { events: cases(9, 'pc') })],
    expect: { v: { final: '88', deductions: '2' } },
  },
  {
    name: 'quotas missed: −1 each (default)',
    rule: '§6 quotas (quota.*): 5 meetings (<6), 2 mediation files (<3), 7 distinct registers (<8, one kept twice), 1 duty-log gap → −4 → 86',
    ruleSet: 'default',
    units: [
      clean('v', {
        records: [
          ...quotasMet('v').filter((r) => r.id !== 'v-m0' && r.id !== 'v-f0' && r.id !== 'v-g7'),
          { id: 'v-g7b', kind: 'register', key: 'petitions', date: '2024-12-31' },
          { id: 'gap', kind: 'duty-log-gap', date: '2024-08-03' },
        ],
      }),
    ],
    expect: {
      v: {
        final: '86',
        deductions: '4',
        lineRuleIds: ['quota.meetings', 'quota.mediation-files', 'quota.registers', 'quota.duty-log'],
      },
    },
  },
  {
    name: 'floor at 0',
    rule: '§6 never below 0 (floor): base 10 − 6 × 2 = −2 → 0, floor line +2',
    ruleSet: 'default',
    units: [
      clean('v', {
        inspections: clean('v').inspections!.map((i) => ({ ...i, score: 10 })),
        events: Array.from({ length: 6 }, (_, i) => ev(`p${i}`, 'collective-petition')),
      }),
    ],
    expect: { v: { final: '0', base: '10', deductions: '12', lineRuleIds: ['floor'] } },
  },
  {
    name: 'one-vote veto ranks last whatever the points',
    rule: '§6 one-vote veto (veto): V has 100 but a mass incident → ranked after W (80)',
    ruleSet: 'default',
    units: [
      clean('V', {
        events: [
          ev('i1', 'info-adopted', 'central'),
          ev('i2', 'info-adopted', 'central'),
          ev('i3', 'info-adopted', 'central'),
          ev('i4', 'info-adopted', 'city'),
        ],
        vetoes: [{ id: 'x1', kind: 'mass-incident', date: '2024-06-01' }],
      }),
      clean('W', { events: Array.from({ length: 5 }, (_, i) => ev(`p${i}`, 'collective-petition')) }),
    ],
    expect: { V: { final: '100', vetoed: true }, W: { final: '80', vetoed: false } },
    ranking: [
      ['W', 1],
      ['V', 2],
    ],
  },
  {
    name: 'ties share a rank: 1, 2, 2, 4',
    rule: '§6 ranking: equal scores share a rank, ties listed by unit id',
    ruleSet: 'default',
    units: [
      clean('A'),
      clean('C', {
        events: [
          ev('m1', 'missing-report'),
          ev('m2', 'missing-report'),
          ev('m3', 'missing-report'),
          ev('m4', 'missing-report'),
        ],
      }),
      clean('B', { events: [ev('p1', 'collective-petition')] }),
      clean('D', {
        events: [
          ev('p1', 'collective-petition'),
          ev('p2', 'collective-petition'),
          ev('p3', 'collective-petition'),
          ev('p4', 'collective-petition'),
          ev('p5', 'collective-petition'),
        ],
      }),
    ],
    expect: { A: { final: '90' }, B: { final: '88' }, C: { final: '88' }, D: { final: '80' } },
    ranking: [
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ],
  },
  {
    name: 'vetoed units among themselves: by score, ties share a rank',
    rule: '§6 one-vote veto + ranking: A 90; vetoed V1 91, V2 91, V3 80 → 1, 2, 2, 4',
    ruleSet: 'default',
    units: [
      clean('A'),
      clean('V1', {
        events: [ev('i', 'info-adopted', 'county')],
        vetoes: [{ id: 'x1', kind: 'major-accident', date: '2024-02-01' }],
      }),
      clean('V2', {
        events: [ev('i', 'commendation', 'county')],
        vetoes: [{ id: 'x2', kind: 'disgraceful-incident', date: '2024-02-01' }],
      }),
      clean('V3', {
        events: Array.from({ length: 5 }, (_, i) => ev(`p${i}`, 'skip-level-petition')),
        vetoes: [{ id: 'x3', kind: 'vicious-criminal-case', date: '2024-02-01' }],
      }),
    ],
    expect: {
      A: { final: '90' },
      V1: { final: '91', vetoed: true },
      V2: { final: '91', vetoed: true },
      V3: { final: '80', vetoed: true },
    },
    ranking: [
      ['A', 1],
      ['V1', 2],
      ['V2', 2],
      ['V3', 4],
    ],
  },
  {
    name: 'funds scheme in yuan: no petitions all year and settled disputes',
    rule: '§6 funds (funds.*): F1 no petition +10,000, class-1 ×2 +6,000, class-3 +1,000 = 17,000; F2 one petition → class-2 +2,000 only',
    ruleSet: 'funds',
    units: [
      {
        unitId: 'F1',
        events: [
          ev('s1', 'dispute-settled', 'class-1'),
          ev('s2', 'dispute-settled', 'class-1'),
          ev('s3', 'dispute-settled', 'class-3'),
        ],
      },
      { unitId: 'F2', events: [ev('pt', 'petition'), ev('s1', 'dispute-settled', 'class-2')] },
    ],
    expect: { F1: { final: '17000', bonus: '17000' }, F2: { final: '2000', bonus: '2000' } },
    ranking: [
      ['F1', 1],
      ['F2', 2],
    ],
  },
  {
    name: 'street half-year scheme: community and department units',
    rule: '§6 street office + indicator vs target: C 45 found (cap 40) + 10 settled × 2 = 60; D1 49/50 = 98% of 98% → 60, 45/50 = 90% of 100% → 36 = 96; D2 45/50 → 60 × 0.9/0.98 = 55.102',
    ruleSet: 'street',
    units: [
      {
        unitId: 'C',
        category: 'community',
        events: [
          ...Array.from({ length: 45 }, (_, i) => ev(`f${i}`, 'dispute-found')),
          ...Array.from({ length: 10 }, (_, i) => ev(`s${i}`, 'minor-dispute-settled')),
        ],
      },
      {
        unitId: 'D1',
        category: 'department',
        indicators: [
          { id: 'sr', name: 'settlement-rate', numerator: 49, denominator: 50, date: '2024-06-30' },
          { id: 'fb', name: 'on-time-feedback', numerator: 45, denominator: 50, date: '2024-06-30' },
        ],
      },
      {
        unitId: 'D2',
        category: 'department',
        indicators: [{ id: 'sr', name: 'settlement-rate', numerator: 45, denominator: 50, date: '2024-06-30' }],
      },
    ],
    expect: {
      C: { final: '60', base: '60', lineRuleIds: ['community.disputes-found.cap'] },
      D1: { final: '96' },
      D2: { final: '55.102' },
    },
  },
  {
    name: 'indicator vs target rounds once to 0.001',
    rule: '§6 indicator vs target (department.on-time-feedback): 40 × min(1, (1/3) ÷ 100%) = 13.333… → 13.333',
    ruleSet: 'street',
    units: [
      {
        unitId: 'D',
        category: 'department',
        indicators: [{ id: 'fb', name: 'on-time-feedback', numerator: 1, denominator: 3, date: '2024-06-30' }],
      },
    ],
    expect: { D: { final: '13.333' } },
  },
];
