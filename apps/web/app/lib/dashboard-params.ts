import type { Actor } from '@tally/db';
import { assessmentParams, type AssessmentParams } from './assessment-params.ts';

export interface DashboardParams extends AssessmentParams {
  /** "Score to date": the live year to date, even when a result is published. */
  toDate: boolean;
}

/** The ranking view from a query string: `period=toDate` is the year's score to date; the rest as on the assessment page. */
export function dashboardParams(search: URLSearchParams, actor: Actor, now: Date): DashboardParams {
  const toDate = search.get('period') === 'toDate';
  const params = assessmentParams(search, actor, now);
  return toDate ? { ...params, period: 'year', toDate } : { ...params, toDate };
}
