import { eq } from 'drizzle-orm';
import { chinaCalendar2026, type WorkCalendar } from '@tally/casework';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { workCalendars } from '../schema/petition-cases.ts';

/**
 * The county's working-day calendar: its own rows for each year it edited,
 * else the shipped national calendar. Holidays are data, never code. Lives beside the
 * table so the API and the data steps read one definition.
 */
export async function countyCalendar(db: Pick<PostgresJsDatabase, 'select'>, countyId: number): Promise<WorkCalendar> {
  const rows = await db.select().from(workCalendars).where(eq(workCalendars.countyId, countyId));
  const national = chinaCalendar2026();
  const editedYears = new Set(rows.map((row) => String(row.year)));
  const keep = (day: string) => !editedYears.has(day.slice(0, 4));
  return {
    holidays: [...national.holidays.filter(keep), ...rows.flatMap((row) => row.holidays)],
    makeupWorkdays: [...national.makeupWorkdays.filter(keep), ...rows.flatMap((row) => row.makeupWorkdays)],
  };
}
