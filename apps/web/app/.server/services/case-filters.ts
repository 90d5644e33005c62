import { and, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, dueWithinEnd, shanghaiDate, type WorkCalendar } from '@tally/casework';
import { schema } from '@tally/db';
import { CASE_CATEGORIES, CASE_CHANNELS, CASE_STATUSES } from '@tally/casework';

export { CASE_CATEGORIES, CASE_CHANNELS, CASE_STATUSES };

import { civilDate, orderedIssue } from './period-input.ts';

export { civilDate };

/** What narrows the case list; shared by the paged list and the export. */
const filterFields = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  overdue: z.boolean().optional(),
  /** Running deadlines at most this many working days ahead, today included (即将到期), as the clock badge counts. */
  dueWithinDays: z.number().int().min(0).max(60).optional(),
  flagged: z.boolean().optional(),
  /**
   * Open cases waiting on the actor's own unit (待本单位办理): it handles them and has not
   * assigned them on, or they were assigned to it. Escalated and assigned cases land here
   * at the receiving unit with their clock.
   */
  awaitingMyUnit: z.boolean().optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
  category: z.enum(CASE_CATEGORIES).optional(),
  receivedFrom: civilDate.optional(),
  receivedTo: civilDate.optional(),
  /** Part of a case number; digits and hyphens only, so it can never carry a LIKE wildcard. */
  caseNumber: z
    .string()
    .trim()
    .max(20)
    .regex(/^[\d-]*$/)
    .optional(),
});

const orderedRange: [
  (input: { receivedFrom?: string; receivedTo?: string }) => boolean,
  { path: string[]; message: string },
] = [
  (input) => !input.receivedFrom || !input.receivedTo || input.receivedFrom <= input.receivedTo,
  { ...orderedIssue, path: ['receivedTo'] },
];

export const listInput = filterFields
  .extend({
    page: z.number().int().min(1).max(100000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .refine(...orderedRange);

export type CaseListInput = z.infer<typeof listInput>;

/** The same filters without paging: what an export of the list covers. */
export const exportInput = filterFields.refine(...orderedRange);
export type CaseFilterInput = z.infer<typeof exportInput>;

/** Start of a Shanghai civil day as an instant: receipt ranges are civil dates in the county's zone. */
export const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** States in which some unit still has to act before the reply: each has a running clock. */
const AWAITING_ACTION = ['registered', 'accepted', 'assigned', 'in_progress'] as const;

/**
 * The unit that must act now is `unitCode`: the handling unit while the case is not
 * assigned below it (assigned_unit_code is set only for a unit below), else the assigned unit.
 */
export function awaitingUnit(unitCode: string): SQL {
  const cases = schema.petitionCases;
  return and(
    inArray(cases.status, AWAITING_ACTION),
    or(and(isNull(cases.assignedUnitCode), eq(cases.unitCode, unitCode)), eq(cases.assignedUnitCode, unitCode)),
  )!;
}

/** The list filters as SQL; undefined entries are dropped by and(). `unitCode` is the actor's own unit. */
export function listFilters(
  input: CaseFilterInput,
  now: Date,
  calendar: WorkCalendar,
  unitCode: string,
): SQL | undefined {
  const cases = schema.petitionCases;
  const today = shanghaiDate(now);
  return and(
    input.awaitingMyUnit ? awaitingUnit(unitCode) : undefined,
    input.status ? eq(cases.status, input.status) : undefined,
    // clock_due_on is set only while a clock runs (assignment or handling), so no status test is needed.
    input.overdue ? sql`${cases.clockDueOn} < ${today}` : undefined,
    input.dueWithinDays !== undefined
      ? and(
          sql`${cases.clockDueOn} >= ${today}`,
          sql`${cases.clockDueOn} < ${dueWithinEnd(today, input.dueWithinDays, calendar)}`,
        )
      : undefined,
    input.flagged !== undefined ? eq(cases.flagged, input.flagged) : undefined,
    input.channel ? eq(cases.channel, input.channel) : undefined,
    input.category ? eq(cases.category, input.category) : undefined,
    input.receivedFrom ? gte(cases.receivedAt, shanghaiMidnight(input.receivedFrom)) : undefined,
    input.receivedTo ? lt(cases.receivedAt, shanghaiMidnight(addDays(input.receivedTo, 1))) : undefined,
    input.caseNumber ? sql`${cases.caseNumber} like ${`%${input.caseNumber}%`}` : undefined,
  );
}
