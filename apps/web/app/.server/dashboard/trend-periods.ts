import type { CivilDate } from '@tally/casework';
import { periodsOf, type Period } from '@tally/scoring';

/**
 * The month or quarter ends of a year up to `readTo`, each window from 1 January (score to date):
 * periods that have not begun are left out and the running one ends at `readTo`.
 */
export function trendPeriods(granularity: 'month' | 'quarter', year: number, readTo: CivilDate): Period[] {
  return periodsOf(granularity, year).flatMap((period, index, all) => {
    const begins = index === 0 ? `${year}-01-01` : nextDay(all[index - 1]!.end);
    if (begins > readTo) return [];
    return [{ ...period, end: period.end < readTo ? period.end : readTo }];
  });
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
