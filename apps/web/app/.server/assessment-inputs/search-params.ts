import { isUnitCodeShape, shanghaiDate } from '@tally/casework';
import { inspectionComponents, type InspectionComponent } from '@tally/db/assessment';

/** The year a page shows: the one asked for when it is a sensible year, else this year in Shanghai. */
export function yearParam(value: string | null, now: Date = new Date()): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(shanghaiDate(now).slice(0, 4));
}

/** The inspection component asked for, else routine checks (the monthly grid). */
export function componentParam(value: string | null): InspectionComponent {
  return inspectionComponents.find((component) => component === value) ?? 'routine';
}

/** A 12-digit unit code, or undefined for anything else. */
export function unitCodeParam(value: string | null): string | undefined {
  return isUnitCodeShape(value) ? value : undefined;
}
