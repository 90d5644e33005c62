import { describe, expect, it } from 'vitest';
import { compareSort, sortCompareRows, type CompareRow } from '../../app/lib/compare-columns.ts';
import { previousPeriod } from '../../app/.server/dashboard/previous-period.ts';
import { trendPeriods } from '../../app/.server/dashboard/trend-periods.ts';

const rate = (percent: number | null) => ({ percent, display: percent === null ? '—' : `${percent}%`, meets: null });
const row = (unitCode: string, received: number, closure: number | null): CompareRow => ({
  unitCode,
  unitName: unitCode,
  received,
  unique: received,
  closed: 0,
  closureRate: rate(closure),
  onTimeRate: rate(null),
  collective: 0,
  skipLevel: 0,
  disputes: 0,
  success: rate(null),
  satisfaction: rate(null),
});

describe('side-by-side sorting', () => {
  const rows = [row('3', 5, 80), row('1', 5, null), row('2', 9, 100)];
  it('sorts by a count either way, equal values in unit-code order', () => {
    expect(sortCompareRows(rows, 'received', 'asc').map((r) => r.unitCode)).toEqual(['1', '3', '2']);
    expect(sortCompareRows(rows, 'received', 'desc').map((r) => r.unitCode)).toEqual(['2', '1', '3']);
  });
  it('puts a rate with nothing to measure last in both directions', () => {
    expect(sortCompareRows(rows, 'closureRate', 'asc').map((r) => r.unitCode)).toEqual(['3', '2', '1']);
    expect(sortCompareRows(rows, 'closureRate', 'desc').map((r) => r.unitCode)).toEqual(['2', '3', '1']);
  });
  it('reads an unknown column as the unit order', () => {
    expect(compareSort(new URLSearchParams('sort=drop table&dir=desc'))).toEqual({ key: 'unit', dir: 'desc' });
  });
});

describe('periods of the dashboard', () => {
  it('compares a quarter with the quarter before, a year or half-year with the year before', () => {
    expect(previousPeriod(2026, 'Q1')).toEqual({ year: 2025, period: 'Q4' });
    expect(previousPeriod(2026, 'Q3')).toEqual({ year: 2026, period: 'Q2' });
    expect(previousPeriod(2026, 'H1')).toEqual({ year: 2025, period: 'H1' });
    expect(previousPeriod(2026, 'year')).toEqual({ year: 2025, period: 'year' });
  });
  it('trend periods stop at the day read to, the running quarter ending there', () => {
    expect(trendPeriods('quarter', 2026, '2026-04-01').map((p) => [p.label, p.end])).toEqual([
      ['2026-Q1', '2026-03-31'],
      ['2026-Q2', '2026-04-01'],
    ]);
    expect(trendPeriods('month', 2026, '2026-12-31')).toHaveLength(12);
  });
});
