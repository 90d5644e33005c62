/**
 * What a row of `unit_month_facts` counts (docs/decisions/0010-dashboard-aggregates.md): the
 * records behind the assessment's facts, one unit and one month at a time. These are names of
 * records, not engine kinds: the app turns them into facts (apps/web/app/.server/assessment/
 * aggregate-fact-rows.ts), so the scoring vocabulary stays in one place. The triggers of the
 * migration write exactly these names (a CHECK holds them to this list).
 */
export const aggregateSources = [
  /** A petition case, by the unit it is attributed to (属地); variant `<people>|<skip level t/f>`. */
  'petition',
  /** A meeting record. */
  'meeting',
  /** A meeting with absences; total = person-times. */
  'meeting-absent',
  /** An information submission adopted; variant = the level. */
  'info-adopted',
  /** An investigation round (排查). */
  'investigation',
  /** A dispute found. */
  'dispute-found',
  /** A dispute settled; variant `<severity>|<revisit class or empty>|<day settled, or found when none>`. */
  'dispute-settled',
  /** A mediation file. */
  'mediation',
  /** A record of a register; variant = the register; for duty_logs `days` holds the days with a record (bit d−1 for day d). */
  'register',
] as const;
export type AggregateSource = (typeof aggregateSources)[number];
