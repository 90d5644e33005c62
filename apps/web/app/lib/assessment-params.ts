import { isUnitCodeShape, shanghaiDate } from '@tally/casework';
import { assessmentPeriods, type Actor, type AssessmentPeriod } from '@tally/db';

export interface AssessmentParams {
  year: number;
  period: AssessmentPeriod;
  /** The unit whose children are ranked. */
  scopeCode: string;
}

/** The county's unit code, or the actor's own township: what a page ranks when nothing is chosen. */
function defaultScope(actor: Actor): string {
  if (actor.unitCode.endsWith('000000') || actor.unitCode.endsWith('000')) return actor.unitCode;
  return `${actor.unitCode.slice(0, 9)}000`;
}

/** Year, period and ranking scope from a query string; anything malformed falls back to this year, whole year, own scope. */
export function assessmentParams(search: URLSearchParams, actor: Actor, now: Date): AssessmentParams {
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  const year = Number(search.get('year'));
  const period = search.get('period') ?? '';
  const scope = search.get('scope') ?? '';
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear,
    period: (assessmentPeriods as readonly string[]).includes(period) ? (period as AssessmentPeriod) : 'year',
    scopeCode: isUnitCodeShape(scope) ? scope : defaultScope(actor),
  };
}
