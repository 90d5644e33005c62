import { and, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { vetoEventKinds } from '@tally/db/assessment';
import { inScope, scopeForUnit } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';
import { checks } from './checking-unit.ts';

const e = schema.checkingEvents;
/** A county records tens of events a year; past this the list says it was cut. */
export const EVENT_LIST_LIMIT = 1000;

/**
 * The events of one year (by date of occurrence) about units in the actor's scope, or about
 * one unit and below: the checking unit sees what it recorded, a unit sees the events about
 * itself. Withdrawn events are not listed (the audit log keeps them).
 */
export async function listEvents(
  tx: Transaction,
  ctx: AuthedContext,
  input: { year: number; unitCode?: string | undefined },
) {
  const unit = input.unitCode ? await scopeForUnit(tx, ctx, input.unitCode) : null;
  const scope = unit?.scope ?? ctx.actor.scope;
  const rows = await tx
    .select({
      id: e.id,
      unitCode: e.unitCode,
      unitName: schema.units.name,
      parentCode: schema.units.parentCode,
      kind: e.kind,
      level: e.level,
      occurredOn: e.occurredOn,
      description: e.description,
      attachmentRef: e.attachmentRef,
      enteredByUnit: e.enteredByUnit,
      createdByName: e.createdByName,
      createdAt: e.createdAt,
      version: e.version,
    })
    .from(e)
    .innerJoin(schema.units, and(eq(schema.units.countyId, e.countyId), eq(schema.units.code, e.unitCode)))
    .where(
      and(
        eq(e.countyId, ctx.actor.countyId),
        isNull(e.deletedAt),
        inScope(e.unitCode, scope),
        gte(e.occurredOn, `${input.year}-01-01`),
        lte(e.occurredOn, `${input.year}-12-31`),
      ),
    )
    .orderBy(desc(e.occurredOn), desc(e.createdAt), desc(e.id))
    .limit(EVENT_LIST_LIMIT + 1);
  return {
    year: input.year,
    unit: unit ? { code: unit.unitCode, name: unit.name } : null,
    truncated: rows.length > EVENT_LIST_LIMIT,
    rows: rows.slice(0, EVENT_LIST_LIMIT).map(({ parentCode, ...row }) => ({
      ...row,
      veto: vetoEventKinds.includes(row.kind),
      canWithdraw: checks(ctx.actor, { parentCode }),
    })),
  };
}
