import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '@tally/scoring';
import { deepestUnit } from '../../app/.server/assessment/attribution.ts';
import { factLink } from '../../app/.server/assessment/fact-links.ts';
import { groupFacts } from '../../app/.server/assessment/group-facts.ts';
import { missingReportFacts } from '../../app/.server/assessment/missing-report-facts.ts';
import { periodCut, periodWindow } from '../../app/.server/assessment/periods.ts';
import { applyFields, editableFields } from '../../app/.server/assessment/rule-set-form.ts';

describe('attribution (属地)', () => {
  it('gives a case to the deepest unit that has held it', () => {
    expect(deepestUnit(['130534100201', '130534100000', null])).toBe('130534100201');
    expect(deepestUnit(['130534000000', '130534101000', '130534101000'])).toBe('130534101000');
    expect(deepestUnit(['130534000000', '130534000000', null])).toBe('130534000000');
  });

  it('counts an area fact for the township above the village, an own fact only for its keeper', () => {
    const units = [
      { code: '130534100000', name: '甲镇', level: 'township' as const },
      { code: '130534101000', name: '乙镇', level: 'township' as const },
    ];
    const grouped = groupFacts(units, [
      {
        family: 'event',
        id: 'petition_cases:1',
        kind: 'collective-petition',
        unitCode: '130534100201',
        attribution: 'area',
        date: '2026-05-01',
      },
      {
        family: 'record',
        id: 'meetings:2',
        kind: 'meeting',
        unitCode: '130534100201',
        attribution: 'own',
        date: '2026-05-01',
      },
      {
        family: 'record',
        id: 'meetings:3',
        kind: 'meeting',
        unitCode: '130534101000',
        attribution: 'own',
        date: '2026-05-01',
      },
      {
        family: 'event',
        id: 'petition_cases:4',
        kind: 'skip-level-petition',
        unitCode: '130534000000',
        attribution: 'area',
        date: '2026-05-01',
      },
    ]);
    expect(grouped.map((u) => [u.unitId, u.events?.map((e) => e.id), u.records?.map((r) => r.id)])).toEqual([
      ['130534100000', ['petition_cases:1'], []],
      ['130534101000', [], ['meetings:3']],
    ]);
  });
});

describe('periods in Asia/Shanghai', () => {
  it('closes a year once its last day has passed in Shanghai, whatever the server zone', () => {
    const year = periodWindow(2026, 'year');
    // 2026-12-31 23:30 in Shanghai is 15:30 UTC: still open. 00:30 on Jan 1 in Shanghai: closed.
    expect(periodCut(year, new Date('2026-12-31T15:30:00Z'))).toEqual({ readTo: '2026-12-31', closed: false });
    expect(periodCut(year, new Date('2026-12-31T16:30:00Z'))).toEqual({ readTo: '2026-12-31', closed: true });
    expect(periodCut(periodWindow(2026, 'Q3'), new Date('2026-08-15T04:00:00Z'))).toEqual({
      readTo: '2026-08-15',
      closed: false,
    });
    expect(periodWindow(2028, 'H1')).toMatchObject({ from: '2028-01-01', to: '2028-06-30' });
  });
});

describe('rule-set editor', () => {
  it('reads only the fields the draft has, and refuses bad numbers by field', () => {
    const draft = defaultRuleSet();
    const fields = editableFields(draft);
    const points = fields.find((f) => f.ruleId === 'deduct.collective-petition' && f.property === 'points')!;
    const edited = applyFields(
      draft,
      new Map([
        [points.name, '3.5'],
        ['r0.__proto__.polluted', '1'],
        ['r99.points', '7'],
      ]),
    );
    expect(edited.problems).toEqual([]);
    expect(edited.ruleSet.rules.find((r) => r.id === 'deduct.collective-petition')).toMatchObject({ points: 3.5 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const refused = applyFields(
      draft,
      new Map([
        [points.name, '2.0001'],
        [fields[0]!.name, ' '],
      ]),
    );
    expect(refused.problems.map((p) => p.reason).sort()).toEqual(['required', 'tooManyDecimals']);
    expect(refused.ruleSet).toBe(draft);
  });
});

describe('missing reports', () => {
  it('turns late and missing cells into one missing-report event each, linked to the cell', () => {
    const facts = missingReportFacts([
      {
        id: '130534100201:monthly:2026-01',
        unitCode: '130534100201',
        reportKind: 'monthly',
        state: 'late',
        dueOn: '2026-02-03',
        periodEnd: '2026-01-31',
      },
      {
        id: '130534100201:monthly:2026-02',
        unitCode: '130534100201',
        reportKind: 'monthly',
        state: 'missing',
        dueOn: '2026-03-03',
        periodEnd: '2026-02-28',
      },
      {
        id: '130534100201:monthly:2026-03',
        unitCode: '130534100201',
        reportKind: 'monthly',
        state: 'on_time',
        dueOn: '2026-04-03',
        periodEnd: '2026-03-31',
      },
      {
        id: '130534100201:monthly:2026-04',
        unitCode: '130534100201',
        reportKind: 'monthly',
        state: 'zero',
        dueOn: '2026-05-03',
        periodEnd: '2026-04-30',
      },
    ]);
    expect(facts.map((f) => [f.id, f.kind, f.date])).toEqual([
      ['report_cells:130534100201:monthly:2026-01', 'missing-report', '2026-01-31'],
      ['report_cells:130534100201:monthly:2026-02', 'missing-report', '2026-02-28'],
    ]);
    // The cell's id is unit:kind:period: the link opens that kind and year of the matrix at the cell.
    expect(factLink(facts[0]!.id)?.href).toBe(
      '/reports/matrix?kind=monthly&year=2026#130534100201%3Amonthly%3A2026-01',
    );
    expect(factLink('report_cells:c1')).toBeNull();
  });

  it('links every fact source to a page', () => {
    expect(factLink('petition_cases:abc')?.href).toBe('/cases/abc');
    expect(factLink('duty_gap:130534100201:2026-03-05')?.href).toBe(
      '/registers/duty_logs?unit=130534100201&from=2026-03-05&to=2026-03-05',
    );
    expect(factLink('mediation_files:x')?.href).toBe('/registers/mediation_files/x');
    expect(factLink('inspection_scores:130534100000:2026:routine:3')?.href).toBe(
      '/checks/inspections/130534100000?year=2026&component=routine&period=3',
    );
    expect(factLink('checking_events:e1')?.href).toBe('/checks/events#event-e1');
    expect(factLink('checking_events:e1', 2025)?.href).toBe('/checks/events?year=2025#event-e1');
    expect(factLink('nonsense')).toBeNull();
  });
});

describe('dates shown in the Chinese interface', () => {
  it('writes midnight in Beijing as 00:00 of the next day, never 24:00', async () => {
    const { formatDateTime } = await import('../../app/i18n/index.ts');
    expect(formatDateTime('2026-03-04T16:00:00Z', 'zh-CN')).toBe('2026年3月5日 00:00');
    expect(formatDateTime('2026-03-04T16:00:00Z', 'en')).toBe('2026-03-05 00:00');
  });
});
