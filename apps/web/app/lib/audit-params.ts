import type { AuditFilters } from '../.server/audit/audit-query.ts';

const KEYS = ['actor', 'action', 'objectType', 'objectId', 'result', 'from', 'to'] as const;

/**
 * The audit filters from a page's or an export's query string: empty fields dropped, the
 * rest passed as typed; the procedure's input schema checks them (a bad date is a 400
 * naming the field).
 */
export function auditFiltersFromSearch(search: URLSearchParams): AuditFilters {
  const filters: Record<string, string> = {};
  for (const key of KEYS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters as AuditFilters;
}

/** The same filters as a query string, for the pager and the export links. */
export function auditSearch(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) params.set(key, filters[key]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
