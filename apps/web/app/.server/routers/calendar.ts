import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { CALENDAR_YEARS, calendarYear, checkCalendarYear, chinaCalendar2026 } from '@tally/casework';
import { caseDataRoles, schema } from '@tally/db';
import { UserFacingError } from '../errors.ts';
import { refreshOpenClocks } from '../services/case-clocks.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { auditChange, roleProcedure, router } from '../trpc.ts';

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
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const [row] = await tx
          .select()
          .from(schema.workCalendars)
          .where(and(eq(schema.workCalendars.countyId, ctx.actor.countyId), eq(schema.workCalendars.year, input.year)));
        // The effective calendar (every year) is what deadlines use; previews need the years around this one too.
        const effective = await countyCalendar(tx, ctx.actor.countyId);
        const builtIn = calendarYear(chinaCalendar2026(), input.year);
        const hasBuiltIn = builtIn.holidays.length + builtIn.makeupWorkdays.length > 0;
        const own = row ? { holidays: [...row.holidays].sort(), makeupWorkdays: [...row.makeupWorkdays].sort() } : null;
        return {
          year: input.year,
          source: own ? ('county' as const) : hasBuiltIn ? ('default' as const) : ('none' as const),
          holidays: own?.holidays ?? builtIn.holidays,
          makeupWorkdays: own?.makeupWorkdays ?? builtIn.makeupWorkdays,
          updatedAt: row?.updatedAt ?? null,
          canEdit: ctx.actor.role === 'county_admin',
          effective,
        };
      }),
    ),

  /** Replace one year's lists: checked, stored and audited in one transaction. */
  save: roleProcedure('county_admin')
    .input(z.object({ year: yearInput, holidays: dateList, makeupWorkdays: dateList }))
    .mutation(({ ctx, input }) => {
      const checked = checkCalendarYear(input.year, input.holidays, input.makeupWorkdays);
      if (!checked.ok) {
        throw new UserFacingError('BAD_REQUEST', 'error.domain', {
          zh: checked.issues.map((issue) => issue.zh).join('；'),
          en: checked.issues.map((issue) => issue.en).join('; '),
        });
      }
      const { holidays, makeupWorkdays } = checked.calendar;
      return ctx.run(async (tx) => {
        const key = and(
          eq(schema.workCalendars.countyId, ctx.actor.countyId),
          eq(schema.workCalendars.year, input.year),
        );
        const [before] = await tx.select().from(schema.workCalendars).where(key).for('update');
        await tx
          .insert(schema.workCalendars)
          .values({ countyId: ctx.actor.countyId, year: input.year, holidays, makeupWorkdays, updatedAt: ctx.now })
          .onConflictDoUpdate({
            target: [schema.workCalendars.countyId, schema.workCalendars.year],
            set: { holidays, makeupWorkdays, updatedAt: ctx.now },
          });
        // The overdue list reads stored due dates: move the ones this calendar decides, in the same transaction.
        const movedCases = await refreshOpenClocks(
          tx,
          ctx.actor.countyId,
          ctx.now,
          await countyCalendar(tx, ctx.actor.countyId),
        );
        await auditChange(tx, ctx, {
          action: 'calendar.save',
          objectType: 'work_calendar',
          objectId: String(input.year),
          detail: {
            before: before ? { holidays: before.holidays, makeupWorkdays: before.makeupWorkdays } : null,
            after: { holidays, makeupWorkdays },
            movedCases,
          },
        });
        return { year: input.year, holidays, makeupWorkdays, movedCases };
      });
    }),
});
