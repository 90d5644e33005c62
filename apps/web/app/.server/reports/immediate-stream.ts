import { sql } from 'drizzle-orm';
import { unitLevelOf } from '@tally/casework';
import type { Actor, Transaction } from '@tally/db';
import { caseDataRoles } from '@tally/db/roles';
import { requestDatabase } from '../services/database.ts';

/**
 * Push of 第一时间报告 to the units above the filer. The filing transaction sends a Postgres
 * NOTIFY, delivered only when it commits and to every server process; each process holds one
 * LISTEN connection and hands each notice to its open event streams. A notice carries no text of
 * the report (ids, unit, kind, times): the page fetches the report itself, under its reader's RLS.
 */
export const IMMEDIATE_CHANNEL = 'tally_immediate_reports';

export interface ImmediateNotice {
  countyId: number;
  id: string;
  unitCode: string;
  eventKind: string;
  reportedAt: string;
  withinLimit: boolean;
}

export async function notifyImmediate(tx: Transaction, notice: ImmediateNotice): Promise<void> {
  await tx.execute(sql`select pg_notify(${IMMEDIATE_CHANNEL}, ${JSON.stringify(notice)})`);
}

/** A unit above the filer in the same county, with a case-data role: the township and the county. */
export function receives(actor: Actor, notice: ImmediateNotice): boolean {
  return (
    actor.countyId === notice.countyId &&
    (caseDataRoles as readonly string[]).includes(actor.role) &&
    notice.unitCode.startsWith(actor.scope) &&
    notice.unitCode !== actor.unitCode &&
    unitLevelOf(notice.unitCode) !== null
  );
}

type Listener = (notice: ImmediateNotice) => void;
const listeners = new Set<Listener>();
let listening: Promise<unknown> | null = null;

function parseNotice(payload: string): ImmediateNotice | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    if (
      typeof v.countyId !== 'number' ||
      typeof v.id !== 'string' ||
      typeof v.unitCode !== 'string' ||
      typeof v.eventKind !== 'string' ||
      typeof v.reportedAt !== 'string' ||
      typeof v.withinLimit !== 'boolean'
    )
      return null;
    return {
      countyId: v.countyId,
      id: v.id,
      unitCode: v.unitCode,
      eventKind: v.eventKind,
      reportedAt: v.reportedAt,
      withinLimit: v.withinLimit,
    };
  } catch {
    return null;
  }
}

/** Subscribe to every notice this process receives; returns the unsubscribe. The LISTEN starts with the first subscriber. */
export async function subscribeImmediate(listener: Listener): Promise<() => void> {
  listeners.add(listener);
  listening ??= requestDatabase().client.listen(IMMEDIATE_CHANNEL, (payload) => {
    const notice = parseNotice(payload);
    if (notice) for (const each of listeners) each(notice);
  });
  await listening;
  return () => listeners.delete(listener);
}
