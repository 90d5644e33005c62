import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { caseDataRoles, schema } from '@tally/db';
import { registerDefs } from '@tally/db/registers';
import type { FieldValue } from '@tally/imports';
import { notFound } from '../errors.ts';
import { maskRecord, personalValues } from '../registers/masking.ts';
import { inActorScope } from '../services/unit-scope.ts';
import { auditChange, roleProcedure, router, type AuthedContext } from '../trpc.ts';

const m = schema.mediationFiles;
/** The register's own definition: this view and the register screens mask by the same fields. */
const fields = registerDefs.mediation_files.fields;

/** Mediation files the actor may see: own unit and below, not soft-deleted (the API's guard beside RLS). */
const visibleTo = (ctx: AuthedContext) =>
  and(eq(m.countyId, ctx.actor.countyId), isNull(m.deletedAt), inActorScope(m.unitCode, ctx.actor));

/** What the agreement (调解协议书) prints, column by column: a column added to the table later is not sent by accident. */
const agreementColumns = {
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
function shownTo<T extends Record<string, FieldValue>>(row: { unitCode: string }, values: T, ctx: AuthedContext) {
  const own = row.unitCode === ctx.actor.unitCode;
  const { values: shown, hidden } = own ? { values, hidden: [] } : maskRecord(fields, values);
  return { ...shown, hidden, masked: !own, printable: own };
}

export const mediationRouter = router({
  /** One page of agreements, newest signing first. */
  list: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        page: z.number().int().min(1).max(100000).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const where = visibleTo(ctx);
        const [rows, [total]] = await Promise.all([
          tx
            .select({
              id: m.id,
              unitCode: m.unitCode,
              agreementNumber: m.agreementNumber,
              signedOn: m.signedOn,
              parties: m.parties,
              mediator: m.mediator,
              committee: m.committee,
            })
            .from(m)
            .where(where)
            .orderBy(desc(m.signedOn), desc(m.id))
            .limit(input.pageSize)
            .offset((input.page - 1) * input.pageSize),
          tx.select({ n: count() }).from(m).where(where),
        ]);
        return {
          page: input.page,
          pageSize: input.pageSize,
          total: total?.n ?? 0,
          rows: rows.map(({ id, unitCode, agreementNumber, signedOn, ...values }) => ({
            id,
            unitCode,
            agreementNumber,
            signedOn,
            ...shownTo({ unitCode }, values, ctx),
          })),
        };
      }),
    ),

  /** One agreement (调解协议书) with everything §4 says it carries. */
  get: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const [row] = await tx
          .select({
            id: m.id,
            unitCode: m.unitCode,
            agreementNumber: m.agreementNumber,
            signedOn: m.signedOn,
            disputeId: m.disputeId,
            ...agreementColumns,
          })
          .from(m)
          .where(and(visibleTo(ctx), eq(m.id, input.id)));
        if (!row) throw notFound();
        const { id, unitCode, agreementNumber, signedOn, disputeId, ...values } = row;
        const [unit] = await tx
          .select({ name: schema.units.name })
          .from(schema.units)
          .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, unitCode)));
        return {
          id,
          unitCode,
          agreementNumber,
          signedOn,
          disputeId,
          unitName: unit?.name ?? unitCode,
          ...shownTo({ unitCode }, values, ctx),
        };
      }),
    ),

  /**
   * The agreement's parties and free text in full for a unit above the handling one (a
   * supervisor checking a case): allowed in scope, always audited (§8). Printing stays with
   * the handling unit.
   */
  reveal: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const [row] = await tx
          .select({ agreementNumber: m.agreementNumber, ...agreementColumns })
          .from(m)
          .where(and(visibleTo(ctx), eq(m.id, input.id)));
        if (!row) throw notFound();
        await auditChange(tx, ctx, {
          action: 'mediation.reveal',
          objectType: 'mediation_file',
          objectId: input.id,
          detail: { agreementNumber: row.agreementNumber },
        });
        const { agreementNumber: _number, ...values } = row;
        return personalValues(fields, values);
      }),
    ),
});
