import type { CivilDate } from '@tally/casework';
import { periodsOf, type Period } from '@tally/scoring';

/**
 * The month or quarter ends of a year up to `readTo`, each window from 1 January (score to date):
 * periods that have not begun are left out and the running one ends at `readTo`. Every point is
 * scored as the live score to date is at that day (quotas short of their target at risk, not
 * deducted), except the year's last once the year has closed (`yearClosed`, as periodCut says):
 * so December of a running year equals the live score to date, not a year-end verdict.
 */
export function trendPeriods(
  granularity: 'month' | 'quarter',
  year: number,
  readTo: CivilDate,
  yearClosed = false,
): Period[] {
  return periodsOf(granularity, year).flatMap((period, index, all) => {
    const begins = index === 0 ? `${year}-01-01` : nextDay(all[index - 1]!.end);
    if (begins > readTo) return [];
    return [
      {
        ...period,
        end: period.end < readTo ? period.end : readTo,
        closed: period.closed === true && yearClosed,
      },
    ];
  });
}

/**
 * The windows the engine scores for trendPeriods' points. The running point (the last one of a
 * year that has not closed) is today's live score: records up to today (no later one is read) and
 * every inspection of the year on file, as the live ranking reads them — so it runs to the year's
 * end, not to today, or a year-end inspection already entered would count in the ranking but not
 * in the trend. Every other point is its own window.
 */
export function scoredTrendPeriods(periods: readonly Period[], year: number, yearClosed: boolean): Period[] {
  return periods.map((period, index) =>
    !yearClosed && index === periods.length - 1 ? { ...period, end: `${year}-12-31` } : period,
  );
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
