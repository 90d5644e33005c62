import { describe, expect, it } from 'vitest';
import { chinaCalendar2026 } from '@tally/casework';
import { cellState, defaultObligations, reportMatrix, type Submission } from '../src/index.ts';

const cal = chinaCalendar2026();
const TOWNSHIP = '130534101000';
const VILLAGE_A = '130534101201';
const VILLAGE_B = '130534101202';
const CLOSED = '130534101203';

function filed(unitCode: string, periodKey: string, at: string, extra: Partial<Submission> = {}): Submission {
  return {
    unitCode,
    kind: 'monthly',
    periodKey,
    state: 'submitted',
    submittedAt: new Date(at),
    zero: false,
    returned: false,
    ...extra,
  };
}

describe('cell state at the deadline, in instants', () => {
  // January 2026 is due Tue 2026-02-03; Shanghai is UTC+8.
  const base = { periodEnd: '2026-01-31', deadline: '2026-02-03', now: new Date('2026-03-01T00:00:00Z') };

  it('filed at 23:59 Shanghai on the deadline is on time', () => {
    expect(cellState({ ...base, submission: filed(VILLAGE_A, '2026-01', '2026-02-03T15:59:00Z') })).toBe('on_time');
  });

  it('filed at 00:01 Shanghai the day after is late, though it is still the deadline day in UTC', () => {
    expect(cellState({ ...base, submission: filed(VILLAGE_A, '2026-01', '2026-02-03T16:01:00Z') })).toBe('late');
  });

  it('nothing filed: not due while the period runs, due from its last day to the deadline, missing after', () => {
    const at = (iso: string) => cellState({ ...base, submission: null, now: new Date(iso) });
    expect(at('2026-01-30T15:59:00Z')).toBe('not_due'); // 23:59 Jan 30 Shanghai
    expect(at('2026-01-30T16:00:00Z')).toBe('pending'); // 00:00 Jan 31 Shanghai
    expect(at('2026-02-03T15:59:59Z')).toBe('pending');
    expect(at('2026-02-03T16:00:00Z')).toBe('missing'); // 00:00 Feb 4 Shanghai
  });

  it('a draft never filed counts as nothing filed', () => {
    const draft: Submission = {
      ...filed(VILLAGE_A, '2026-01', '2026-01-01T00:00:00Z'),
      state: 'draft',
      submittedAt: null,
    };
    expect(cellState({ ...base, submission: draft })).toBe('missing');
  });

  it('a zero report on time is 零报告; a late zero report is late', () => {
    expect(
      cellState({ ...base, submission: filed(VILLAGE_A, '2026-01', '2026-02-02T02:00:00Z', { zero: true }) }),
    ).toBe('zero');
    expect(
      cellState({ ...base, submission: filed(VILLAGE_A, '2026-01', '2026-02-05T02:00:00Z', { zero: true }) }),
    ).toBe('late');
  });

  it('returned: 退回 until filed again; filed again after the deadline is late, before it on time', () => {
    const returned = filed(VILLAGE_A, '2026-01', '2026-02-02T02:00:00Z', { state: 'returned', returned: true });
    expect(cellState({ ...base, submission: returned })).toBe('returned');
    const refiledLate = filed(VILLAGE_A, '2026-01', '2026-02-06T02:00:00Z', { returned: true });
    expect(cellState({ ...base, submission: refiledLate })).toBe('late');
    const refiledOnTime = filed(VILLAGE_A, '2026-01', '2026-02-03T03:00:00Z', { state: 'accepted', returned: true });
    expect(cellState({ ...base, submission: refiledOnTime })).toBe('on_time');
  });
});

describe('the matrix and its rates', () => {
  const units = [
    { code: TOWNSHIP, active: true },
    { code: VILLAGE_A, active: true },
    { code: VILLAGE_B, active: true },
    { code: CLOSED, active: false },
    { code: '130534000000', active: true }, // the county files to nobody
  ];
  // 2026-10-09 08:00 Shanghai: September (due Oct 8 after 国庆) is past, October runs.
  const now = new Date('2026-10-09T00:00:00Z');
  const submissions: Submission[] = [
    filed(VILLAGE_A, '2026-08', '2026-09-02T01:00:00Z'), // on time (due Thu Sep 3)
    filed(VILLAGE_A, '2026-09', '2026-10-08T15:59:00Z'), // 23:59 on Oct 8: on time, after the holiday
    filed(VILLAGE_B, '2026-08', '2026-09-04T01:00:00Z'), // late
    filed(VILLAGE_B, '2026-09', '2026-10-02T01:00:00Z', { zero: true }), // zero, filed in the holiday
    filed(TOWNSHIP, '2026-09', '2026-10-01T01:00:00Z', { state: 'returned', returned: true }),
    filed(CLOSED, '2026-01', '2026-02-01T01:00:00Z'),
  ];
  const matrix = reportMatrix({
    obligations: defaultObligations(),
    units,
    submissions,
    kind: 'monthly',
    year: 2026,
    calendar: cal,
    now,
  });
  const state = (unit: string, key: string) =>
    matrix.cells.find((c) => c.unitCode === unit && c.periodKey === key)?.state;

  it('holds a row per owing unit, the county none, an inactive unit only what it filed', () => {
    expect(new Set(matrix.cells.map((c) => c.unitCode))).toEqual(new Set([TOWNSHIP, VILLAGE_A, VILLAGE_B, CLOSED]));
    expect(matrix.cells.filter((c) => c.unitCode === CLOSED).map((c) => c.periodKey)).toEqual(['2026-01']);
    expect(matrix.cells.filter((c) => c.unitCode === VILLAGE_A)).toHaveLength(12);
    expect(matrix.periods).toHaveLength(12);
  });

  it('gives each cell its state and due day', () => {
    expect(state(VILLAGE_A, '2026-08')).toBe('on_time');
    expect(state(VILLAGE_A, '2026-09')).toBe('on_time');
    expect(state(VILLAGE_B, '2026-08')).toBe('late');
    expect(state(VILLAGE_B, '2026-09')).toBe('zero');
    expect(state(TOWNSHIP, '2026-09')).toBe('returned');
    expect(state(VILLAGE_A, '2026-07')).toBe('missing');
    expect(state(VILLAGE_A, '2026-10')).toBe('not_due');
    expect(matrix.cells.find((c) => c.id === `${VILLAGE_A}:monthly:2026-09`)?.dueOn).toBe('2026-10-08');
  });

  it('counts expected, actual and on time per unit and per level', () => {
    // Village A: Jan–Sep expected (9), filed Aug and Sep on time.
    expect(matrix.byUnit.get(VILLAGE_A)).toMatchObject({ expected: 9, actual: 2, onTime: 2, missing: 7 });
    expect(matrix.byUnit.get(VILLAGE_A)?.reportingRate.display).toBe('22%');
    // Village B: Aug late, Sep zero on time.
    expect(matrix.byUnit.get(VILLAGE_B)).toMatchObject({ expected: 9, actual: 2, onTime: 1, late: 1, zero: 1 });
    expect(matrix.byUnit.get(VILLAGE_B)?.onTimeRate.display).toBe('11%');
    // Township: returned September is expected (deadline passed) but not actual.
    expect(matrix.byUnit.get(TOWNSHIP)).toMatchObject({ expected: 9, actual: 0, returned: 1, missing: 8 });
    const villages = matrix.byLevel.get('village');
    expect(villages).toMatchObject({ expected: 19, actual: 5, onTime: 4 });
    expect(villages?.reportingRate.display).toBe('26%');
    expect(villages?.onTimeRate.display).toBe('21%');
  });

  it('a report filed before its deadline counts as expected at once', () => {
    const early = reportMatrix({
      obligations: defaultObligations(),
      units: [{ code: VILLAGE_A, active: true }],
      kind: 'monthly',
      year: 2026,
      calendar: cal,
      submissions: [filed(VILLAGE_A, '2026-10', '2026-10-31T01:00:00Z')],
      now: new Date('2026-11-01T00:00:00Z'),
    });
    expect(early.cells.find((c) => c.periodKey === '2026-10')?.state).toBe('on_time');
    expect(early.byUnit.get(VILLAGE_A)).toMatchObject({ expected: 10, actual: 1 });
  });

  it('a leap year has its 29 February in the matrix', () => {
    const leap = reportMatrix({
      obligations: defaultObligations(),
      units: [{ code: VILLAGE_A, active: true }],
      kind: 'monthly',
      year: 2028,
      calendar: cal,
      submissions: [filed(VILLAGE_A, '2028-02', '2028-03-03T15:59:00Z')],
      now: new Date('2028-03-04T00:00:00Z'),
    });
    const feb = leap.cells.find((c) => c.periodKey === '2028-02');
    expect(feb).toMatchObject({ periodEnd: '2028-02-29', dueOn: '2028-03-03', state: 'on_time' });
  });
});
