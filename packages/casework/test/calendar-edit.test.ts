import { describe, expect, it } from 'vitest';
import {
  calendarYear,
  chinaCalendar2026,
  checkCalendarYear,
  parseDateList,
  previewDeadlines,
  DEFAULT_DEADLINE_RULES,
} from '../src/index.ts';

describe('parseDateList', () => {
  it('accepts the separators and date forms clerks paste', () => {
    expect(parseDateList('2026-10-01, 2026/10/2、2026年10月3日\n2026-10-04；2026-10-05')).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
    ]);
  });
  it('keeps unreadable tokens as typed, so the check can name them', () => {
    expect(parseDateList('国庆 2026-13-01')).toEqual(['国庆', '2026-13-01']);
  });
  it('reads an empty paste as an empty list', () => {
    expect(parseDateList('  \n ')).toEqual([]);
  });
});

describe('checkCalendarYear', () => {
  it('sorts and merges duplicates', () => {
    expect(checkCalendarYear(2027, ['2027-10-02', '2027-10-01', '2027-10-02'], ['2027-09-26'])).toEqual({
      ok: true,
      calendar: { holidays: ['2027-10-01', '2027-10-02'], makeupWorkdays: ['2027-09-26'] },
    });
  });
  it('names a date that does not exist, in Chinese', () => {
    const result = checkCalendarYear(2026, ['2026-02-30'], []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'bad_date', date: '2026-02-30', zh: expect.stringContaining('不是有效日期') }),
    ]);
  });
  it('refuses a date outside the year', () => {
    const result = checkCalendarYear(2026, [], ['2027-01-04']);
    expect(!result.ok && result.issues.map((i) => [i.code, i.date, i.zh])).toEqual([
      ['outside_year', '2027-01-04', '调休上班日中的 2027-01-04 不在 2026 年内'],
    ]);
  });
  it('refuses a date in both lists', () => {
    const result = checkCalendarYear(2026, ['2026-10-10'], ['2026-10-10']);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['in_both_lists']);
  });
  it('reports every problem at once', () => {
    const result = checkCalendarYear(2026, ['x', '2025-12-31', '2026-05-09'], ['2026-05-09']);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['bad_date', 'outside_year', 'in_both_lists']);
  });
  it('refuses an implausible year', () => {
    expect(checkCalendarYear(1999, [], []).ok).toBe(false);
    expect(checkCalendarYear(2026.5, [], []).ok).toBe(false);
  });
  it('accepts the shipped 2026 calendar as it is', () => {
    const national = chinaCalendar2026();
    expect(checkCalendarYear(2026, national.holidays, national.makeupWorkdays)).toEqual({
      ok: true,
      calendar: calendarYear(national, 2026),
    });
  });
});

describe('previewDeadlines', () => {
  it('shows National Day moving a 7-day limit that ends inside the holiday', () => {
    // Thursday 2026-09-24: 7 calendar days end on Oct 1, a holiday → next working day Oct 8.
    const preview = previewDeadlines('2026-09-24', DEFAULT_DEADLINE_RULES, chinaCalendar2026());
    expect(preview.find((p) => p.rule === 'general')).toMatchObject({
      dueOn: '2026-10-08',
      dueOnWeekdaysOnly: '2026-10-01',
    });
    // 2 working days: Fri Sep 25 is 中秋 (off), Mon Sep 28, Tue Sep 29.
    expect(preview.find((p) => p.rule === 'assign')).toMatchObject({
      dueOn: '2026-09-29',
      dueOnWeekdaysOnly: '2026-09-28',
    });
    // Decide acceptance within 15 days: Sep 24 + 15 = Fri Oct 9, a working day either way.
    expect(preview.find((p) => p.rule === 'accept')).toMatchObject({
      count: { days: 15, kind: 'calendar' },
      dueOn: '2026-10-09',
      dueOnWeekdaysOnly: '2026-10-09',
    });
  });
  it('is unchanged by an empty calendar', () => {
    for (const line of previewDeadlines('2027-03-03', DEFAULT_DEADLINE_RULES, { holidays: [], makeupWorkdays: [] })) {
      expect(line.dueOn).toBe(line.dueOnWeekdaysOnly);
    }
  });
});
