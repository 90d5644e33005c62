import { z } from 'zod';
import { isCivilDate } from '@tally/casework';

/*
 * The one definition of a date and a period typed into a filter (figures, rates, the
 * dashboard's side-by-side, register and case lists). Refinement messages are message keys
 * (error.input.*): a refusal names the field by its label and says what is allowed, whatever
 * page or procedure it reaches.
 */

/** A civil date 'YYYY-MM-DD' that exists (2026-02-30 is refused). */
export const civilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'error.input.date')
  .refine(isCivilDate, 'error.input.date');

/** The longest period a figures query reads: about three years keeps its queries bounded. */
const LONGEST_PERIOD_MS = 1100 * 86_400_000;

type Period = { from?: string | undefined; to?: string | undefined };

/** `to` on or after `from`, when both are given: a reversed period is refused, never silently turned round. */
export const ordered = (period: Period) => !period.from || !period.to || period.from <= period.to;
export const orderedIssue = { path: ['to'], message: 'error.input.beforeFrom' };

/** A required period (`from`, `to`: civilDate) in order and of at most about three years. */
export const boundedPeriod = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine(ordered, orderedIssue)
    .refine((period) => Date.parse(period.to) - Date.parse(period.from) <= LONGEST_PERIOD_MS, {
      path: ['to'],
      message: 'error.input.periodTooLong',
    });
