import { and, eq } from 'drizzle-orm';
import { calendarYear, chinaCalendar2026 } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';

/** One year as the county keeps it, or the shipped national default when it has no row of its own. */
export async function calendarYearView(tx: Transaction, ctx: AuthedContext, input: { year: number }) {
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
}
