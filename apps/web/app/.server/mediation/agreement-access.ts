import { and, eq, isNull } from 'drizzle-orm';
import { schema } from '@tally/db';
import { registerDefs } from '@tally/db/registers';
import type { FieldValue } from '@tally/imports';
import { maskRecord } from '../registers/masking.ts';
import { inActorScope } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';

const m = schema.mediationFiles;
/** The register's own definition: this view and the register screens mask by the same fields. */
export const mediationFields = registerDefs.mediation_files.fields;

/** Mediation files the actor may see: own unit and below, not soft-deleted (the API's guard beside RLS). */
export const visibleTo = (ctx: AuthedContext) =>
  and(eq(m.countyId, ctx.actor.countyId), isNull(m.deletedAt), inActorScope(m.unitCode, ctx.actor));

/** What the agreement (调解协议书) prints, column by column: a column added to the table later is not sent by accident. */
export const agreementColumns = {
  parties: m.parties,
  facts: m.facts,
  disputedMatters: m.disputedMatters,
  responsibilities: m.responsibilities,
  rightsAndObligations: m.rightsAndObligations,
  performance: m.performance,
  mediator: m.mediator,
  committee: m.committee,
};

/**
 * §8: the unit that handled the mediation (the row's own unit) sees the agreement in full and
 * may print it; every other unit in scope sees the parties masked and the free text withheld
 * (the field definitions say which is which), and gets no printable copy, since a printed
 * agreement is an export.
 */
export function shownTo<T extends Record<string, FieldValue>>(
  row: { unitCode: string },
  values: T,
  ctx: AuthedContext,
) {
  const own = row.unitCode === ctx.actor.unitCode;
  const { values: shown, hidden } = own ? { values, hidden: [] } : maskRecord(mediationFields, values);
  return { ...shown, hidden, masked: !own, printable: own };
}
