/**
 * The case list's URL query ⇄ the cases.list input. The list is a plain GET form, so
 * filters survive reloads, links and the back button, and work without JavaScript.
 * Anything malformed in the URL is dropped rather than refused: a hand-edited link
 * should show a wider list, not an error page. The procedure validates again.
 */
import { DEFAULT_DEADLINE_RULES } from '@tally/casework';
import { periodFromSearch, type PeriodRefusal } from './period-params.ts';
import { CASE_CATEGORIES, CASE_CHANNELS, CASE_STATUSES } from '@tally/casework';

export type CaseTab = 'all' | 'mine' | 'overdue' | 'dueSoon' | 'flagged';
/** "Due soon" tab: the clock badge's own rule (working days), so tab and badge agree. */
export const DUE_SOON_DAYS = DEFAULT_DEADLINE_RULES.dueSoonWithinWorkingDays;

export interface CaseListQuery {
  page: number;
  status?: (typeof CASE_STATUSES)[number];
  overdue?: boolean;
  dueWithinDays?: number;
  flagged?: boolean;
  /** Open cases waiting on the actor's own unit (待本单位办理). */
  awaitingMyUnit?: boolean;
  channel?: (typeof CASE_CHANNELS)[number];
  category?: (typeof CASE_CATEGORIES)[number];
  receivedFrom?: string;
  receivedTo?: string;
  caseNumber?: string;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
/**
 * The received-date period, read by the pages' one period reader: a date that is not one
 * (2024-02-30) or a reversed period is not used, and the page says so (caseListPeriodRefusal).
 */
const NO_PERIOD = { from: '', to: '' };

export function caseListPeriodRefusal(params: URLSearchParams): PeriodRefusal | null {
  return periodFromSearch(params, NO_PERIOD).refusal;
}

export function parseCaseListQuery(params: URLSearchParams): CaseListQuery {
  const page = Number(params.get('page'));
  const days = params.get('due');
  const dueWithinDays = days !== null && /^\d{1,2}$/.test(days) && Number(days) <= 60 ? Number(days) : undefined;
  const number = params.get('q')?.trim() ?? '';
  const period = periodFromSearch(params, NO_PERIOD);
  const receivedFrom = period.from || undefined;
  const receivedTo = period.to || undefined;
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
    status: oneOf(CASE_STATUSES, params.get('status')),
    overdue: params.get('overdue') === '1' ? true : undefined,
    dueWithinDays,
    flagged: params.get('flagged') === '1' ? true : undefined,
    awaitingMyUnit: params.get('mine') === '1' ? true : undefined,
    channel: oneOf(CASE_CHANNELS, params.get('channel')),
    category: oneOf(CASE_CATEGORIES, params.get('category')),
    receivedFrom,
    receivedTo,
    caseNumber: /^[\d-]{1,20}$/.test(number) ? number : undefined,
  };
}

/** The URL query of a list state, for pager links and tabs; only what is set. */
export function caseListSearch(query: Partial<CaseListQuery>): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.overdue) params.set('overdue', '1');
  if (query.dueWithinDays !== undefined) params.set('due', String(query.dueWithinDays));
  if (query.flagged) params.set('flagged', '1');
  if (query.awaitingMyUnit) params.set('mine', '1');
  if (query.channel) params.set('channel', query.channel);
  if (query.category) params.set('category', query.category);
  if (query.receivedFrom) params.set('from', query.receivedFrom);
  if (query.receivedTo) params.set('to', query.receivedTo);
  if (query.caseNumber) params.set('q', query.caseNumber);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Which quick tab a query corresponds to (the tabs are shortcuts for single filters). */
export function activeTab(query: CaseListQuery): CaseTab | null {
  const { page: _page, overdue, dueWithinDays, flagged, awaitingMyUnit, ...rest } = query;
  const others = Object.values(rest).some((value) => value !== undefined);
  if (others) return null;
  if (awaitingMyUnit) return !overdue && dueWithinDays === undefined && !flagged ? 'mine' : null;
  if (overdue && dueWithinDays === undefined && !flagged) return 'overdue';
  if (!overdue && dueWithinDays === DUE_SOON_DAYS && !flagged) return 'dueSoon';
  if (!overdue && dueWithinDays === undefined && flagged) return 'flagged';
  if (!overdue && dueWithinDays === undefined && !flagged) return 'all';
  return null;
}
