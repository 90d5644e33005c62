import { shanghaiDate } from '@tally/casework';
import type { MessageKey } from '../i18n/index.ts';
import { periodFromSearch, type PeriodChoice } from './period-params.ts';

/** What the side-by-side table shows per unit: counts, and rates with whether they meet their target. */
export interface CompareRate {
  percent: number | null;
  display: string;
  meets: boolean | null;
}
export interface CompareRow {
  unitCode: string;
  unitName: string;
  received: number;
  unique: number;
  closed: number;
  closureRate: CompareRate;
  onTimeRate: CompareRate;
  collective: number;
  skipLevel: number;
  disputes: number;
  success: CompareRate;
  satisfaction: CompareRate;
}

export const compareColumns = [
  { key: 'received', label: 'dashboard.compare.received' },
  { key: 'unique', label: 'dashboard.compare.unique' },
  { key: 'closed', label: 'dashboard.compare.closed' },
  { key: 'closureRate', label: 'dashboard.indicator.closure' },
  { key: 'onTimeRate', label: 'dashboard.indicator.onTime' },
  { key: 'collective', label: 'dashboard.compare.collective' },
  { key: 'skipLevel', label: 'dashboard.compare.skipLevel' },
  { key: 'disputes', label: 'dashboard.compare.disputes' },
  { key: 'success', label: 'dashboard.indicator.success' },
  { key: 'satisfaction', label: 'dashboard.indicator.satisfaction' },
] as const satisfies readonly { key: keyof CompareRow; label: MessageKey }[];

export type CompareKey = (typeof compareColumns)[number]['key'];

export function compareSort(search: URLSearchParams): { key: CompareKey | 'unit'; dir: 'asc' | 'desc' } {
  const asked = search.get('sort');
  const key = compareColumns.find((column) => column.key === asked)?.key ?? 'unit';
  return { key, dir: search.get('dir') === 'desc' ? 'desc' : 'asc' };
}

function sortValue(row: CompareRow, key: CompareKey): number | null {
  const value = row[key];
  return typeof value === 'number' ? value : value.percent;
}

/**
 * Rows ordered by one column; a rate with nothing to measure ("—") goes last either way, and
 * equal values keep the unit-code order, so the same query always gives the same table.
 */
export function sortCompareRows<T extends CompareRow>(
  rows: readonly T[],
  key: CompareKey | 'unit',
  dir: 'asc' | 'desc',
): T[] {
  const byCode = [...rows].sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  if (key === 'unit') return dir === 'asc' ? byCode : byCode.reverse();
  const sign = dir === 'asc' ? 1 : -1;
  return byCode.sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}

/** From, to and scope of the comparison: this year to today unless chosen; the scope is the reader's own when it asks beyond it. */
export function compareWindow(search: URLSearchParams, now: Date): PeriodChoice {
  const today = shanghaiDate(now);
  return periodFromSearch(search, { from: `${today.slice(0, 4)}-01-01`, to: today });
}
