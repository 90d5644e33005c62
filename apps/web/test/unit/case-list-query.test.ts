import { describe, expect, it } from 'vitest';
import {
  DUE_SOON_DAYS,
  activeTab,
  caseListPeriodRefusal,
  caseListSearch,
  parseCaseListQuery,
} from '../../app/lib/case-list-query.ts';

describe('case list query', () => {
  it('round-trips every filter through the URL', () => {
    const query = {
      page: 3,
      status: 'assigned' as const,
      overdue: true,
      dueWithinDays: 5,
      flagged: true,
      channel: 'reception_day' as const,
      category: 'migrant_wages' as const,
      receivedFrom: '2026-01-01',
      receivedTo: '2026-06-30',
      caseNumber: '2026-0001',
    };
    expect(parseCaseListQuery(new URLSearchParams(caseListSearch(query).slice(1)))).toEqual(query);
  });

  it('drops what a hand-edited URL gets wrong instead of failing, a reversed range too (the page says why)', () => {
    const parsed = parseCaseListQuery(
      new URLSearchParams('page=-2&status=lost&channel=fax&due=999&q=%25&from=2026-06-30&to=2026-01-01&overdue=yes'),
    );
    expect(parsed).toEqual({
      page: 1,
      status: undefined,
      overdue: undefined,
      dueWithinDays: undefined,
      flagged: undefined,
      channel: undefined,
      category: undefined,
      receivedFrom: undefined,
      receivedTo: undefined,
      caseNumber: undefined,
    });
    expect(caseListPeriodRefusal(new URLSearchParams('from=2026-06-30&to=2026-01-01'))).toEqual({
      field: 'to',
      rule: 'reversed',
    });
  });

  it('drops a date that does not exist (Date.parse would roll 2024-02-30 over to March)', () => {
    expect(parseCaseListQuery(new URLSearchParams('from=2024-02-30&to=2024-02-29'))).toMatchObject({
      receivedFrom: undefined,
      receivedTo: undefined,
    });
    expect(caseListPeriodRefusal(new URLSearchParams('from=2024-02-30&to=2024-02-29'))).toEqual({
      field: 'from',
      rule: 'date',
    });
    expect(caseListPeriodRefusal(new URLSearchParams('from=2024-02-01'))).toBeNull();
  });

  it('names the quick tab a query stands for, and none for a mixed filter', () => {
    expect(activeTab(parseCaseListQuery(new URLSearchParams('')))).toBe('all');
    expect(activeTab(parseCaseListQuery(new URLSearchParams('overdue=1&page=2')))).toBe('overdue');
    expect(activeTab(parseCaseListQuery(new URLSearchParams(`due=${DUE_SOON_DAYS}`)))).toBe('dueSoon');
    expect(activeTab(parseCaseListQuery(new URLSearchParams('flagged=1')))).toBe('flagged');
    expect(activeTab(parseCaseListQuery(new URLSearchParams('mine=1')))).toBe('mine');
    expect(activeTab(parseCaseListQuery(new URLSearchParams('mine=1&overdue=1')))).toBeNull();
    expect(caseListSearch({ awaitingMyUnit: true })).toBe('?mine=1');
    expect(activeTab(parseCaseListQuery(new URLSearchParams('flagged=1&channel=letter')))).toBeNull();
  });
});
