/** The county's working-day calendar, defined once beside its table in @tally/db. */
export { countyCalendar } from '@tally/db';
