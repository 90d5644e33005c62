import { shanghaiDate, type CivilDate } from '@tally/casework';
import type { AssessmentPeriod } from '@tally/db';

/** The window of a period of a year, inclusive, as civil dates. */
export interface PeriodWindow {
  year: number;
  period: AssessmentPeriod;
  from: CivilDate;
  to: CivilDate;
}

const quarterStart: Record<'Q1' | 'Q2' | 'Q3' | 'Q4', [string, string]> = {
  Q1: ['01-01', '03-31'],
  Q2: ['04-01', '06-30'],
  Q3: ['07-01', '09-30'],
  Q4: ['10-01', '12-31'],
};

export function periodWindow(year: number, period: AssessmentPeriod): PeriodWindow {
  const bounds = period === 'year' ? ['01-01', '12-31'] : period === 'H1' ? ['01-01', '06-30'] : quarterStart[period];
  return { year, period, from: `${year}-${bounds[0]}`, to: `${year}-${bounds[1]}` };
}

/**
 * What the records are read up to: the period's end, or today (Asia/Shanghai) while the period
 * runs. A period is closed once its last day has passed in Shanghai; until then quota shortfalls
 * are "at risk", not deductions.
 */
export function periodCut(window: PeriodWindow, now: Date): { readTo: CivilDate; closed: boolean } {
  const today = shanghaiDate(now);
  const closed = today > window.to;
  return { readTo: closed ? window.to : today < window.from ? window.from : today, closed };
}
