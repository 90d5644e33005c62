import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError } from '../errors.ts';
import { registerPetition } from '../services/petition-intake.ts';
import type { AuthedContext } from '../trpc.ts';
import { visibleTo } from './find-case.ts';
import type { IntakeInput } from './inputs.ts';

/** Intake (登记) at the actor's own unit, for every channel; a link to an earlier case makes it a repeat. */
export async function intake(tx: Transaction, ctx: AuthedContext, input: IntakeInput) {
  // A link to an earlier case makes this a repeat petition, whatever the box said.
  const repeatPetition = input.repeatPetition || input.duplicateOfCaseNumber !== null;
  let duplicateOf: string | null = null;
  if (input.duplicateOfCaseNumber) {
    const [earlier] = await tx
      .select({ id: schema.petitionCases.id })
      .from(schema.petitionCases)
      .where(and(visibleTo(ctx), eq(schema.petitionCases.caseNumber, input.duplicateOfCaseNumber)));
    if (!earlier)
      throw new UserFacingError('BAD_REQUEST', 'cases.error.duplicateNotFound', {
        number: input.duplicateOfCaseNumber,
      });
    duplicateOf = earlier.id;
  }
  const { duplicateOfCaseNumber: _number, ...rest } = input;
  return registerPetition(tx, ctx, {
    ...rest,
    personTimes: input.personTimes ?? input.peopleCount,
    repeatPetition,
    duplicateOf,
  });
}
