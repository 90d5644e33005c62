import type { InspectionComponent } from '@tally/db/assessment';
import type { Translate } from '../../i18n/index.ts';

/** "3月" for a routine month; "得分" for the one period of the half-year and year-end checks. */
export function periodLabel(t: Translate, component: InspectionComponent, periodNo: number): string {
  return component === 'routine' ? t('checks.month', { month: periodNo }) : t('checks.period.single');
}

/** The page of one cell: its history, and its form when the reader is the checking unit. */
export function cellHref(unitCode: string, year: number, component: InspectionComponent, periodNo: number): string {
  return `/checks/inspections/${unitCode}?${new URLSearchParams({ year: String(year), component, period: String(periodNo) })}`;
}
