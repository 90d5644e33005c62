import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  REVISIT_DUE_SOON_DAYS,
  REVISIT_MONTHS,
  addDays,
  isRevisitClass,
  revisitStatus,
  shanghaiDate,
} from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { registerDefs } from '@tally/db/registers';
import { maskRecord } from '../registers/masking.ts';
import { disputeFiguresIn } from '../services/dispute-figures.ts';
import { inScope, scopeForUnit } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';

/** The revisit list is a work queue, not an export: the first page of it, most urgent first. */
const REVISIT_LIST_LIMIT = 100;

const d = schema.disputes;

/**
 * Rates vs targets and counts for disputes found in [from, to] at a unit and below, plus
 * the settled disputes whose revisit is overdue or due within REVISIT_DUE_SOON_DAYS —
 * those regardless of the period, since an overdue revisit from last year is still owed.
 * The rate definitions live with disputeFigures in @tally/casework; this counts rows in scope.
 */
export async function disputeRates(
  tx: Transaction,
  ctx: AuthedContext,
  input: { unitCode?: string | undefined; from: string; to: string },
) {
  const unit = await scopeForUnit(tx, ctx, input.unitCode);
  const today = shanghaiDate(ctx.now);
  const inUnit = and(eq(d.countyId, ctx.actor.countyId), isNull(d.deletedAt), inScope(d.unitCode, unit.scope));
  const figures = await disputeFiguresIn(tx, ctx.actor.countyId, unit.scope, input.from, input.to);

  // Index-friendly pre-filter in SQL (Postgres clamps month ends like revisitDueOn);
  // the date and status shown come from revisitStatus, the rule's one definition.
  const months = sql`case ${d.revisitClass} when 1 then ${REVISIT_MONTHS[1]}::int when 2 then ${REVISIT_MONTHS[2]}::int else ${REVISIT_MONTHS[3]}::int end`;
  const dueSql = sql`(${d.settledOn} + make_interval(months => ${months}))::date`;
  const outstanding = and(
    inUnit,
    eq(d.outcome, 'settled'),
    isNull(d.satisfaction),
    isNotNull(d.settledOn),
    inArray(d.revisitClass, [1, 2, 3]),
    sql`${dueSql} <= ${addDays(today, REVISIT_DUE_SOON_DAYS)}::date`,
  );
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: d.id,
        unitCode: d.unitCode,
        foundOn: d.foundOn,
        disputeType: d.disputeType,
        severity: d.severity,
        parties: d.parties,
        mediator: d.mediator,
        settledOn: d.settledOn,
        revisitClass: d.revisitClass,
      })
      .from(d)
      .where(outstanding)
      .orderBy(asc(dueSql), asc(d.id))
      .limit(REVISIT_LIST_LIMIT),
    tx.select({ n: count() }).from(d).where(outstanding),
  ]);
  const revisits = rows.flatMap((row) => {
    if (!row.settledOn || !isRevisitClass(row.revisitClass)) return [];
    // §8: parties in full only for the unit handling the dispute, masked by the register's own rule elsewhere.
    const masked = row.unitCode !== ctx.actor.unitCode;
    const parties = masked
      ? (maskRecord(registerDefs.disputes.fields, { parties: row.parties }).values.parties ?? '')
      : row.parties;
    return [
      {
        ...row,
        revisitClass: row.revisitClass,
        parties,
        masked,
        ...revisitStatus(row.settledOn, row.revisitClass, today),
      },
    ];
  });
  return {
    unit,
    from: input.from,
    to: input.to,
    today,
    figures,
    revisits,
    revisitTotal: total?.n ?? 0,
    revisitDueSoonDays: REVISIT_DUE_SOON_DAYS,
  };
}
