import { eq } from 'drizzle-orm';
import { chinaCalendar2026, type WorkCalendar } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';

/**
 * The county's working-day calendar: its own rows for each year it edited,
 * else the shipped national calendar. Holidays are data, never code.
 */
export async function countyCalendar(tx: Transaction, countyId: number): Promise<WorkCalendar> {
  const rows = await tx.select().from(schema.workCalendars).where(eq(schema.workCalendars.countyId, countyId));
  const national = chinaCalendar2026();
  const editedYears = new Set(rows.map((row) => String(row.year)));
  const keep = (day: string) => !editedYears.has(day.slice(0, 4));
  return {
    holidays: [...national.holidays.filter(keep), ...rows.flatMap((row) => row.holidays)],
    makeupWorkdays: [...national.makeupWorkdays.filter(keep), ...rows.flatMap((row) => row.makeupWorkdays)],
  };
}
