import { z } from 'zod';
import { CALENDAR_YEARS } from '@tally/casework';
import { caseDataRoles } from '@tally/db';
import { calendarYearView } from '../calendar/calendar-year.ts';
import { saveCalendar } from '../calendar/save-calendar.ts';
import { roleProcedure, router } from '../trpc.ts';

const yearInput = z.number().int().min(CALENDAR_YEARS.min).max(CALENDAR_YEARS.max);
// Strings, not dates: a malformed entry must reach checkCalendarYear, which names it in Chinese.
const dateList = z.array(z.string().max(40)).max(366);

/**
 * The county's working-day calendar (docs/domain.md §3 time limits count in it). Everyone who
 * keeps case data may read it, since their deadlines depend on it; only the county admin
 * edits it, which the RLS policy on work_calendars enforces as well.
 */
export const calendarRouter = router({
  /** One year as the county keeps it, or the shipped national default when it has no row of its own. */
  get: roleProcedure(...caseDataRoles)
    .input(z.object({ year: yearInput }))
    .query(({ ctx, input }) => ctx.run((tx) => calendarYearView(tx, ctx, input))),

  /** Replace one year's lists: checked, stored and audited in one transaction. */
  save: roleProcedure('county_admin')
    .input(z.object({ year: yearInput, holidays: dateList, makeupWorkdays: dateList }))
    .mutation(({ ctx, input }) => ctx.run((tx) => saveCalendar(tx, ctx, input))),
});
