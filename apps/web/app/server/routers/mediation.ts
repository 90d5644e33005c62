import { and, count, desc, eq, isNull, like } from 'drizzle-orm';
import { z } from 'zod';
import { maskPartiesText } from '@tally/casework';
import { caseDataRoles, schema } from '@tally/db';
import { notFound } from '../errors.ts';
import { auditChange, roleProcedure, router, type AuthedContext } from '../trpc.ts';

const m = schema.mediationFiles;

/** Mediation files the actor may see: own unit and below, not soft-deleted (the API's guard beside RLS). */
const visibleTo = (ctx: AuthedContext) => and(eq(m.countyId, ctx.actor.countyId), isNull(m.deletedAt), like(m.unitCode, `${ctx.actor.scope}%`));

/**
 * §8: the unit that handled the mediation (the row's own unit) sees the parties in full and
 * may print; every other unit in scope sees them masked and gets no printable copy, since a
 * printed agreement is an export. Columns are listed one by one so a column added to the
 * table later (an ID number, a phone) is never sent out unmasked by accident.
 */
function partiesFor(row: { unitCode: string; parties: string }, ctx: AuthedContext) {
  const masked = row.unitCode !== ctx.actor.unitCode;
  return { parties: masked ? maskPartiesText(row.parties) : row.parties, masked, printable: !masked };
}

export const mediationRouter = router({
  /** One page of agreements, newest signing first. */
  list: roleProcedure(...caseDataRoles)
    .input(z.object({ page: z.number().int().min(1).max(100000).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const where = visibleTo(ctx);
        const [rows, [total]] = await Promise.all([
          tx.select({ id: m.id, unitCode: m.unitCode, agreementNumber: m.agreementNumber, signedOn: m.signedOn, parties: m.parties, mediator: m.mediator, committee: m.committee })
            .from(m).where(where).orderBy(desc(m.signedOn), desc(m.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize),
          tx.select({ n: count() }).from(m).where(where),
        ]);
        return { page: input.page, pageSize: input.pageSize, total: total?.n ?? 0, rows: rows.map((row) => ({ ...row, ...partiesFor(row, ctx) })) };
      }),
    ),

  /** One agreement (调解协议书) with everything §4 says it carries. */
  get: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const [row] = await tx.select({
          id: m.id, unitCode: m.unitCode, agreementNumber: m.agreementNumber, signedOn: m.signedOn, disputeId: m.disputeId, parties: m.parties,
          facts: m.facts, disputedMatters: m.disputedMatters, responsibilities: m.responsibilities, rightsAndObligations: m.rightsAndObligations,
          performance: m.performance, mediator: m.mediator, committee: m.committee,
        }).from(m).where(and(visibleTo(ctx), eq(m.id, input.id)));
        if (!row) throw notFound();
        const [unit] = await tx.select({ name: schema.units.name }).from(schema.units).where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, row.unitCode)));
        return { ...row, unitName: unit?.name ?? row.unitCode, ...partiesFor(row, ctx) };
      }),
    ),

  /**
   * The parties in full for a unit above the handling one (a supervisor checking a case):
   * allowed in scope, always audited (§8). Printing stays with the handling unit.
   */
  reveal: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const [row] = await tx.select({ agreementNumber: m.agreementNumber, parties: m.parties }).from(m).where(and(visibleTo(ctx), eq(m.id, input.id)));
        if (!row) throw notFound();
        await auditChange(tx, ctx, { action: 'mediation.reveal', objectType: 'mediation_file', objectId: input.id, detail: { agreementNumber: row.agreementNumber } });
        return { parties: row.parties };
      }),
    ),
});
