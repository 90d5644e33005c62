import { isCivilDate } from '@tally/casework';

/** Why a period typed into a page's filter was not used. */
export interface PeriodRefusal {
  field: 'from' | 'to';
  /** `date`: not a real date; `reversed`: the end lies before the start. */
  rule: 'date' | 'reversed';
}

export interface PeriodChoice {
  from: string;
  to: string;
  /** Set when the page fell back to its default period: the page says so, never silently. */
  refusal: PeriodRefusal | null;
}

/**
 * The period a page's GET form names (`from`, `to`), or the page's default. The one reader of
 * such a period on every page (figures, dispute rates, the dashboard's side-by-side): a date
 * left out is the default's quietly; a date that is not one, or a reversed period, is refused
 * and the default shown instead, with the reason on the page.
 */
export function periodFromSearch(search: URLSearchParams, fallback: { from: string; to: string }): PeriodChoice {
  const typed = { from: search.get('from')?.trim() ?? '', to: search.get('to')?.trim() ?? '' };
  for (const field of ['from', 'to'] as const) {
    if (typed[field] && !isCivilDate(typed[field])) return { ...fallback, refusal: { field, rule: 'date' } };
  }
  const from = typed.from || fallback.from;
  const to = typed.to || fallback.to;
  // An open end (no default either) is no period to reverse.
  if (from && to && from > to) return { ...fallback, refusal: { field: 'to', rule: 'reversed' } };
  return { from, to, refusal: null };
}
