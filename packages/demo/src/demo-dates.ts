import { addDays, compareDates, isWorkingDay, type CivilDate } from '@tally/casework';
import type { DemoContext } from './demo-context.ts';

/*
 * The demo's history runs from six months before `now` up to yesterday: today's sheets
 * are not written yet when the clerk opens the app.
 */

export function lastDay(ctx: DemoContext): CivilDate {
  return addDays(ctx.today, -1);
}

export function workingDays(ctx: DemoContext): CivilDate[] {
  const days: CivilDate[] = [];
  for (let d = ctx.start; compareDates(d, lastDay(ctx)) <= 0; d = addDays(d, 1))
    if (isWorkingDay(d, ctx.calendar)) days.push(d);
  return days;
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: CivilDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Mondays of every week that overlaps the history. */
export function weekStarts(ctx: DemoContext): CivilDate[] {
  const first = addDays(ctx.start, -((weekday(ctx.start) + 6) % 7));
  const weeks: CivilDate[] = [];
  for (let d = first; compareDates(d, lastDay(ctx)) <= 0; d = addDays(d, 7)) weeks.push(d);
  return weeks;
}

/** The first working day on or after Monday + offset within that week and the history, or null (a holiday week). */
export function dayInWeek(ctx: DemoContext, monday: CivilDate, offset: number): CivilDate | null {
  for (let i = offset; i < 7; i++) {
    const d = addDays(monday, i);
    if (compareDates(d, ctx.start) < 0 || compareDates(d, lastDay(ctx)) > 0) continue;
    if (isWorkingDay(d, ctx.calendar)) return d;
  }
  return null;
}

/** A working day of the month that starts at `first`, inside the history, or null. */
export function dayInMonth(ctx: DemoContext, first: CivilDate): CivilDate | null {
  const candidates: CivilDate[] = [];
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) {
    if (compareDates(d, ctx.start) >= 0 && compareDates(d, lastDay(ctx)) <= 0 && isWorkingDay(d, ctx.calendar))
      candidates.push(d);
  }
  return candidates.length ? ctx.random.pick(candidates) : null;
}

/** First days of the months the history touches. */
export function monthStarts(ctx: DemoContext): CivilDate[] {
  const months: CivilDate[] = [];
  for (let d = `${ctx.start.slice(0, 7)}-01`; compareDates(d, lastDay(ctx)) <= 0; ) {
    months.push(d);
    const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
    d = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return months;
}

/** An instant on a civil date in Asia/Shanghai (no DST there, so +08:00 is always right). */
export function at(date: CivilDate, hour: number, minute = 0): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

/** A day of the unit's week it keeps to (weekly rounds on the same weekday), from its code: no random draw. */
export function unitWeekday(unitCode: string): number {
  return Number(unitCode.slice(-3)) % 5;
}
