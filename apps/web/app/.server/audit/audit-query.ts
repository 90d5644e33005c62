import { addDays } from '@tally/casework';
import { and, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { schema, type Actor, type Transaction } from '@tally/db';
import { civilDate, shanghaiMidnight } from '../services/case-filters.ts';

/**
 * The audit log as the auditor reads and exports it: filtered by actor, action, object and
 * date (Beijing days), newest first, keyset-paged on (at, id) so the thousandth page costs
 * what the first does. Names come from the tables the auditor may read (users and units);
 * an object of case data (a petition, a register row) keeps its id: the auditor reads the
 * log, not the cases.
 */
export const auditFilters = z.object({
  /** The actor's login name, exact. */
  actor: z.string().trim().max(64).optional(),
  /** An action or the start of one: `users` finds users.create, users.disable, … */
  action: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z_.:/A-Z-]*$/)
    .optional(),
  objectType: z.string().trim().max(40).optional(),
  objectId: z.string().trim().max(80).optional(),
  result: z.enum(['ok', 'denied', 'failed']).optional(),
  from: civilDate.optional(),
  to: civilDate.optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

/** `<at as ISO>.<id>`: parsed strictly, never interpolated. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\.(\d{1,18})$/;
export const auditCursor = z.string().max(60).regex(CURSOR);

export function encodeAuditCursor(row: { at: Date; id: number }): string {
  return `${row.at.toISOString()}.${row.id}`;
}

/** LIKE pattern of a literal prefix: the user's % and _ match themselves. */
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(actor: Actor, filters: AuditFilters, cursor: string | undefined): SQL | undefined {
  const log = schema.auditLog;
  const after = cursor ? CURSOR.exec(cursor) : null;
  return and(
    eq(log.countyId, actor.countyId),
    filters.actor ? eq(log.actorLogin, filters.actor) : undefined,
    filters.action
      ? or(
          eq(log.action, filters.action),
          like(log.action, prefixPattern(filters.action.endsWith('.') ? filters.action : `${filters.action}.`)),
        )
      : undefined,
    filters.objectType ? eq(log.objectType, filters.objectType) : undefined,
    filters.objectId ? eq(log.objectId, filters.objectId) : undefined,
    filters.result ? eq(log.result, filters.result) : undefined,
    filters.from ? gte(log.at, shanghaiMidnight(filters.from)) : undefined,
    filters.to ? lt(log.at, shanghaiMidnight(addDays(filters.to, 1))) : undefined,
    after ? sql`(${log.at}, ${log.id}) < (${after[1]}::timestamptz, ${after[2]}::bigint)` : undefined,
  );
}

/** One page of the filtered log with names, and the cursor of the next page (null at the end). */
export async function auditPage(
  tx: Transaction,
  actor: Actor,
  filters: AuditFilters,
  cursor: string | undefined,
  pageSize: number,
) {
  const log = schema.auditLog;
  const actorUser = alias(schema.users, 'actor_user');
  const actorUnit = alias(schema.units, 'actor_unit');
  const objectUser = alias(schema.users, 'object_user');
  const objectUnit = alias(schema.units, 'object_unit');
  const found = await tx
    .select({
      id: log.id,
      countyId: log.countyId,
      at: log.at,
      actorLogin: log.actorLogin,
      actorRole: log.actorRole,
      action: log.action,
      objectType: log.objectType,
      objectId: log.objectId,
      result: log.result,
      ip: log.ip,
      actorName: actorUser.displayName,
      actorUnitName: actorUnit.name,
      objectUserName: objectUser.displayName,
      objectUnitName: objectUnit.name,
    })
    .from(log)
    .leftJoin(actorUser, and(eq(actorUser.countyId, log.countyId), eq(actorUser.id, log.actorUserId)))
    .leftJoin(actorUnit, and(eq(actorUnit.countyId, actorUser.countyId), eq(actorUnit.code, actorUser.unitCode)))
    // Object ids are text: a user's id is compared as text, so a non-uuid id never fails the cast.
    .leftJoin(
      objectUser,
      and(
        eq(log.objectType, 'user'),
        eq(objectUser.countyId, log.countyId),
        sql`${objectUser.id}::text = ${log.objectId}`,
      ),
    )
    .leftJoin(objectUnit, and(eq(objectUnit.countyId, log.countyId), eq(objectUnit.code, log.objectId)))
    .where(conditions(actor, filters, cursor))
    .orderBy(desc(log.at), desc(log.id))
    .limit(pageSize + 1);
  const page = found.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page.map(({ objectUserName, objectUnitName, ...row }) => ({
      ...row,
      objectName: objectUserName ?? objectUnitName ?? null,
    })),
    next: found.length > pageSize && last ? encodeAuditCursor(last) : null,
  };
}
