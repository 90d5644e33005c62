import { and, eq } from 'drizzle-orm';
import { unitLevelOf } from '@tally/casework';
import { isPeriodicKind, periodOf, type PeriodicKind, type ReportPeriod } from '@tally/reporting';
import { schema, type Actor, type Transaction } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { countyObligations } from './obligations.ts';

export type ReportRow = typeof schema.reports.$inferSelect;

/** The unit a report of the actor's own unit is filed to: a village to its township, a township to the county. */
export function parentCodeOf(unitCode: string): string | null {
  const level = unitLevelOf(unitCode);
  if (level === 'village') return `${unitCode.slice(0, 9)}000`;
  if (level === 'township') return `${unitCode.slice(0, 6)}000000`;
  return null;
}

/**
 * The period the actor's own unit owes a report for: the kind must be one the county's
 * obligations put on the unit's level that year, and the period must have begun.
 */
export async function owedPeriod(
  tx: Transaction,
  actor: Actor,
  kind: string,
  periodKey: string,
  today: string,
): Promise<{ kind: PeriodicKind; period: ReportPeriod; parentCode: string }> {
  const level = unitLevelOf(actor.unitCode);
  const parentCode = parentCodeOf(actor.unitCode);
  if (!parentCode || (level !== 'village' && level !== 'township'))
    throw new UserFacingError('BAD_REQUEST', 'reports.error.noObligation');
  if (!isPeriodicKind(kind)) throw new UserFacingError('BAD_REQUEST', 'reports.error.kind');
  const period = periodOf(kind, periodKey);
  if (!period) throw new UserFacingError('BAD_REQUEST', 'reports.error.period', { period: periodKey.slice(0, 20) });
  if (period.start > today)
    throw new UserFacingError('BAD_REQUEST', 'reports.error.periodNotStarted', { period: period.key });
  const obligations = await countyObligations(tx, actor.countyId, Number(period.key.slice(0, 4)));
  if (!obligations.some((o) => o.level === level && o.kind === kind))
    throw new UserFacingError('BAD_REQUEST', 'reports.error.noObligation');
  return { kind, period, parentCode };
}

/** A report the actor can see (RLS decides), or not found. */
export async function visibleReport(tx: Transaction, actor: Actor, id: string): Promise<ReportRow> {
  const r = schema.reports;
  const [row] = await tx
    .select()
    .from(r)
    .where(and(eq(r.countyId, actor.countyId), eq(r.id, id)));
  if (!row) throw notFound();
  return row;
}

/**
 * The row locked for the write that follows, or null when the actor may not write it in its
 * present state (a locking read passes the update policy too, so such a row is simply absent).
 * Concurrent writes of one report queue here, which is what makes a double submit file once.
 */
export async function lockReport(tx: Transaction, actor: Actor, id: string): Promise<ReportRow | null> {
  const r = schema.reports;
  const [row] = await tx
    .select()
    .from(r)
    .where(and(eq(r.countyId, actor.countyId), eq(r.id, id)))
    .for('update');
  return row ?? null;
}

/** A report of the actor's own unit; another unit's report (one below, seen from above) is refused by rule. */
export async function ownReport(tx: Transaction, actor: Actor, id: string): Promise<ReportRow> {
  const row = await visibleReport(tx, actor, id);
  if (row.unitCode !== actor.unitCode) throw new UserFacingError('FORBIDDEN', 'reports.error.notOwnUnit');
  return row;
}
