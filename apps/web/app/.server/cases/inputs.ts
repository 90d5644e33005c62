import { z } from 'zod';
import { COMPLEXITIES, REPLY_METHODS, SATISFACTIONS } from '@tally/casework';
import { CASE_CATEGORIES, CASE_CHANNELS, civilDate } from '../services/case-filters.ts';
import { unitCodeInput } from '../services/unit-codes.ts';

/** A text box that may be left empty: trimmed, and empty is null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

/** Intake (登记) as the form posts it. */
export const intakeInput = z.object({
  receivedAt: z.string().datetime({ offset: true }),
  channel: z.enum(CASE_CHANNELS),
  peopleCount: z.number().int().min(1).max(100000),
  /** Visits by those people; left out, as many as there are people. Never fewer (checked at intake). */
  personTimes: z.number().int().min(1).max(100000).optional(),
  skipLevel: z.boolean().default(false),
  repeatPetition: z.boolean().default(false),
  category: z.enum(CASE_CATEGORIES),
  summary: z.string().trim().min(1).max(4000),
  petitionerName: z.string().trim().min(1).max(100),
  petitionerIdNumber: optionalText(18),
  petitionerPhone: optionalText(30),
  petitionerAddress: optionalText(200),
  /** An earlier case about the same matter: the new item is a repeat and does not add a unique case (纯件数). */
  duplicateOfCaseNumber: z
    .string()
    .trim()
    .regex(/^(\d{6}-\d{4}-\d{6})?$/)
    .optional()
    .transform((value) => value || null),
});
export type IntakeInput = z.infer<typeof intakeInput>;

/** One workflow step, as the state machine's actions. */
export const actionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('refuse'), reason: z.string().max(500) }),
  z.object({
    type: z.literal('assign'),
    unitCode: unitCodeInput,
    person: z.string().max(60),
    complexity: z.enum(COMPLEXITIES),
  }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('reply'), method: z.enum(REPLY_METHODS), content: z.string().max(4000) }),
  z.object({ type: z.literal('revisit'), satisfaction: z.enum(SATISFACTIONS) }),
  z.object({ type: z.literal('archive') }),
  z.object({
    type: z.literal('escalate'),
    toUnitCode: unitCodeInput,
    toLevel: z.enum(['county', 'township', 'village']),
    reason: z.string().max(500),
  }),
]);

/** The "六定" responsibility fields and the flag, as the form posts them. */
export const responsibilityInput = z.object({
  id: z.string().uuid(),
  version: z.number().int().min(0),
  leadLeader: optionalText(60),
  responsibleUnit: optionalText(100),
  responsiblePerson: optionalText(60),
  supervisingUnit: optionalText(100),
  supervisor: optionalText(60),
  deadline: civilDate.nullable().default(null),
  flagged: z.boolean(),
});
export type ResponsibilityInput = z.infer<typeof responsibilityInput>;
