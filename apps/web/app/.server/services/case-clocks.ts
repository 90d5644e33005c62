/** Stored deadlines that follow the calendar: recomputed after a calendar edit (one definition in @tally/db). */
export { refreshOpenClocks } from '@tally/db';
