/**
 * Checking a county's edit of one year of its working-day calendar before it is stored.
 * Clerks paste lists copied from the State Council notice, so the parser is lenient about
 * separators and strict about the dates themselves: one bad date refuses the whole save,
 * because a silently dropped holiday would move every deadline around it.
 */
import type { WorkCalendar } from './calendar.ts';
import { isCivilDate, type CivilDate } from './civil-date.ts';
import type { CodedError } from './message.ts';

export type CalendarIssueCode = 'bad_year' | 'bad_date' | 'outside_year' | 'in_both_lists';
export type CalendarIssue = CodedError<CalendarIssueCode> & { date?: string };

export type CalendarCheck = { ok: true; calendar: WorkCalendar } | { ok: false; issues: CalendarIssue[] };

/** Years a county may keep a calendar for; wide enough for history, narrow enough to catch typos. */
export const CALENDAR_YEARS = { min: 2000, max: 2100 } as const;

/**
 * Splits pasted text into date tokens: whitespace, commas (both widths), 、 and semicolons
 * separate entries. '2026/10/1' and '2026年10月1日' are normalised to '2026-10-01' here,
 * since that is how the offices write dates in their sheets; anything else is kept as typed
 * so the check can name it.
 */
export function parseDateList(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((token) => token.trim())
    .filter((token) => token.length > 0)
    .map(normaliseDate);
}

function normaliseDate(token: string): string {
  const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(token);
  if (!m) return token;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * Validates one year's lists: every entry an existing date of `year`, no date in both
 * lists (a day cannot be off and a make-up working day at once). Duplicates within a list
 * are merged and the lists come back sorted, so the stored row reads like the notice.
 */
export function checkCalendarYear(
  year: number,
  holidays: readonly string[],
  makeupWorkdays: readonly string[],
): CalendarCheck {
  const issues: CalendarIssue[] = [];
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
    return {
      ok: false,
      issues: [
        {
          code: 'bad_year',
          zh: `年份须在 ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max} 之间`,
          en: `The year must be between ${CALENDAR_YEARS.min} and ${CALENDAR_YEARS.max}`,
        },
      ],
    };
  }
  const clean = (list: readonly string[], listZh: string, listEn: string): CivilDate[] => {
    const kept = new Set<CivilDate>();
    for (const raw of list) {
      const date = normaliseDate(raw.trim());
      if (!isCivilDate(date)) {
        issues.push({
          code: 'bad_date',
          date: raw,
          zh: `${listZh}中的“${raw}”不是有效日期（应写作 ${year}-10-01）`,
          en: `"${raw}" in ${listEn} is not a valid date (write ${year}-10-01)`,
        });
      } else if (Number(date.slice(0, 4)) !== year) {
        issues.push({
          code: 'outside_year',
          date,
          zh: `${listZh}中的 ${date} 不在 ${year} 年内`,
          en: `${date} in ${listEn} is outside ${year}`,
        });
      } else {
        kept.add(date);
      }
    }
    return [...kept].sort();
  };
  const cleanHolidays = clean(holidays, '节假日', 'holidays');
  const cleanMakeup = clean(makeupWorkdays, '调休上班日', 'make-up working days');
  const makeupSet = new Set(cleanMakeup);
  for (const date of cleanHolidays) {
    if (makeupSet.has(date)) {
      issues.push({
        code: 'in_both_lists',
        date,
        zh: `${date} 不能同时是节假日和调休上班日`,
        en: `${date} cannot be both a holiday and a make-up working day`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, calendar: { holidays: cleanHolidays, makeupWorkdays: cleanMakeup } };
}

/** The part of a calendar that falls in one year (a county row holds exactly one year). */
export function calendarYear(calendar: WorkCalendar, year: number): WorkCalendar {
  const prefix = `${year}-`;
  return {
    holidays: calendar.holidays.filter((day) => day.startsWith(prefix)).sort(),
    makeupWorkdays: calendar.makeupWorkdays.filter((day) => day.startsWith(prefix)).sort(),
  };
}
