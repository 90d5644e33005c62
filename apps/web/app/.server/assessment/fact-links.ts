import { isRegisterKey } from '@tally/db/registers';

/** Where a fact id leads: the record a person can open to see why a point was won or lost. */
export interface FactLink {
  /** The source, e.g. petition_cases, meetings, checking_events, duty_gap. */
  source: string;
  href: string;
}

/** Builds a fact id from its source and the record's id. */
export function factId(source: string, recordId: string): string {
  return `${source}:${recordId}`;
}

/**
 * The page behind a fact id; null for an id this app did not write. `year` is the assessed year,
 * when known: a checking event's id names only the event, and the events page lists one year.
 */
export function factLink(id: string, year?: number): FactLink | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const source = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (source === 'petition_cases') return { source, href: `/cases/${encodeURIComponent(rest)}` };
  if (source === 'checking_events')
    return {
      source,
      href: `/checks/events${year === undefined ? '' : `?year=${year}`}#event-${encodeURIComponent(rest)}`,
    };
  if (source === 'inspection_scores') {
    // inspection_scores:<unit code>:<year>:<component>:<period>: the cell page with its history.
    const [unit, year, component, period] = rest.split(':');
    if (!unit || !year || !component || !period) return null;
    return { source, href: `/checks/inspections/${unit}?${new URLSearchParams({ year, component, period })}` };
  }
  if (source === 'report_cells') {
    // report_cells:<unit code>:<kind>:<period key>: the matrix of that kind and year, scrolled to the cell.
    const [unit, kind, period] = rest.split(':');
    if (!unit || !kind || !period) return null;
    return {
      source,
      href: `/reports/matrix?${new URLSearchParams({ kind, year: period.slice(0, 4) })}#${encodeURIComponent(rest)}`,
    };
  }
  if (source === 'duty_gap') {
    // duty_gap:<unit code>:<date>: the day with no duty record, on the duty log's list.
    const [unit, day] = rest.split(':');
    if (!unit || !day) return null;
    return { source, href: `/registers/duty_logs?unit=${unit}&from=${day}&to=${day}` };
  }
  if (isRegisterKey(source)) return { source, href: `/registers/${source}/${encodeURIComponent(rest)}` };
  return null;
}
