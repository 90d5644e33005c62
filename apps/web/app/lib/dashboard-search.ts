import type { DashboardParams } from './dashboard-params.ts';

/** The query string of a view, for links between the dashboard's tabs (no database import: the client bundle needs it). */
export function dashboardSearch(params: DashboardParams, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({
    year: String(params.year),
    period: params.toDate ? 'toDate' : params.period,
    scope: params.scopeCode,
    ...extra,
  });
  return `?${search.toString()}`;
}
