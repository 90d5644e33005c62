import type { InspectionComponent } from '@tally/db/assessment';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The periods a component is scored in: routine checks monthly (1–12), half-year and year-end once (1). */
export function periodsOf(component: InspectionComponent): readonly number[] {
  return component === 'routine' ? MONTHS : [1];
}

export function isPeriodOf(component: InspectionComponent, periodNo: number): boolean {
  return periodsOf(component).includes(periodNo);
}

/**
 * Whether a period has begun on `today` (a Shanghai civil date): a score is entered after the
 * check, so a year that has not begun, or a routine month that has not, is a slip of the hand.
 * Half-year and year-end checks are not tied to a month here: counties hold them when they do.
 */
export function periodProblem(
  year: number,
  component: InspectionComponent,
  periodNo: number,
  today: string,
): 'year' | 'month' | null {
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear) return 'year';
  if (component === 'routine' && year === thisYear && periodNo > Number(today.slice(5, 7))) return 'month';
  return null;
}
