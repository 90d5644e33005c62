import type { AssessmentPeriod } from '@tally/db';

/**
 * The period a ranking is compared with: the quarter before a quarter (Q1 → Q4 of the year
 * before), and the same period of the year before for a year or a half-year (H1 → H1).
 */
export function previousPeriod(year: number, period: AssessmentPeriod): { year: number; period: AssessmentPeriod } {
  switch (period) {
    case 'Q1':
      return { year: year - 1, period: 'Q4' };
    case 'Q2':
      return { year, period: 'Q1' };
    case 'Q3':
      return { year, period: 'Q2' };
    case 'Q4':
      return { year, period: 'Q3' };
    case 'H1':
    case 'year':
      return { year: year - 1, period };
  }
}
