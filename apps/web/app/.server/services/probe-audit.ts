import { withActor, type Actor, type Database } from '@tally/db';
import { appendAudit } from './audit.ts';

/**
 * A guessed id or unit outside the actor's scope answers 404, like one that does not exist;
 * the guess is still audited, as a role refusal is. Per actor at most PROBES_PER_MINUTE rows
 * a minute (counted in memory, per process), so a script probing ids cannot flood the log.
 */
export const PROBES_PER_MINUTE = 20;
const WINDOW_MS = 60_000;
/** Past this many tracked actors, expired windows are dropped (a county has a few hundred users). */
const PRUNE_AT = 10_000;

const windows = new Map<string, { start: number; count: number }>();

/** Whether this probe gets an audit row; counts it either way. */
export function takeProbeSlot(userId: string, now: Date): boolean {
  const at = now.getTime();
  if (windows.size > PRUNE_AT)
    for (const [key, window] of windows) if (at - window.start >= WINDOW_MS) windows.delete(key);
  const window = windows.get(userId);
  if (!window || at - window.start >= WINDOW_MS) {
    windows.set(userId, { start: at, count: 1 });
    return true;
  }
  window.count += 1;
  return window.count <= PROBES_PER_MINUTE;
}

/** The id asked for, when the input names one: what was probed, not what was found. */
export function probedId(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const record = input as Record<string, unknown>;
  const id = record.id ?? record.unitCode ?? record.batchId;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}

/** One `denied.not_found` row in its own transaction (the refused call's own was rolled back). */
export async function auditProbe(
  db: Database,
  actor: Actor,
  path: string,
  input: unknown,
  ip: string | null,
  now: Date,
): Promise<void> {
  if (!takeProbeSlot(actor.userId, now)) return;
  await withActor(db, actor, (tx) =>
    appendAudit(tx, {
      countyId: actor.countyId,
      at: now,
      actorUserId: actor.userId,
      actorLogin: actor.loginName,
      actorRole: actor.role,
      action: 'denied.not_found',
      objectType: path,
      objectId: probedId(input),
      result: 'denied',
      ip,
      detail: { reason: 'not_found' },
    }),
  );
}
