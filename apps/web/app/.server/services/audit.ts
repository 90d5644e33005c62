import { schema, type Actor, type DbOrTx } from '@tally/db';

export interface AuditEntry {
  countyId: number;
  actorUserId?: string | null;
  actorLogin?: string | null;
  actorRole?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result: 'ok' | 'denied' | 'failed';
  ip?: string | null;
  detail?: Record<string, unknown> | null;
  at: Date;
}

/** Append one audit row inside the caller's transaction (so it commits or rolls back with the change). */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(schema.auditLog).values({
    countyId: entry.countyId,
    at: entry.at,
    actorUserId: entry.actorUserId ?? null,
    actorLogin: entry.actorLogin ?? null,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result,
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
  });
}

/** A role refusal, for a procedure or a page alike: the same row shape in both places. */
export function appendRoleDenial(tx: DbOrTx, actor: Actor, action: string, ip: string | null, at: Date): Promise<void> {
  return appendAudit(tx, {
    countyId: actor.countyId,
    at,
    actorUserId: actor.userId,
    actorLogin: actor.loginName,
    actorRole: actor.role,
    action,
    result: 'denied',
    ip,
    detail: { reason: 'role' },
  });
}
