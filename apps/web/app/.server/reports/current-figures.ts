import { and, eq, inArray } from 'drizzle-orm';
import { unitLevelOf } from '@tally/casework';
import type { ReportPeriod } from '@tally/reporting';
import { schema, type Actor, type Transaction } from '@tally/db';
import { ledgerFigures, readFigures, sumFigures, type LedgerFigures, type ReportFigures } from './report-figures.ts';
import { matrixForUnits, unitsBelow } from './report-matrix.ts';

/**
 * What the actor's own unit would file for the period now: its own ledgers; for a township also
 * the sum of its villages' accepted reports of the same kind and period, and which villages
 * are missing or late.
 */
export async function currentFigures(
  tx: Transaction,
  actor: Actor,
  period: ReportPeriod,
  now: Date,
): Promise<ReportFigures> {
  const own = await ledgerFigures(tx, actor.countyId, actor.unitCode, period, now);
  if (unitLevelOf(actor.unitCode) !== 'township') return own;
  const villages = await unitsBelow(tx, actor, 'village');
  const matrix = await matrixForUnits(tx, actor.countyId, villages, period.kind, Number(period.key.slice(0, 4)), now);
  const cells = matrix.cells.filter((cell) => cell.periodKey === period.key);
  const name = (code: string) => villages.find((v) => v.code === code)?.name ?? code;
  const r = schema.reports;
  const accepted = await tx
    .select({ figures: r.figures })
    .from(r)
    .where(
      and(
        eq(r.countyId, actor.countyId),
        eq(r.kind, period.kind),
        eq(r.periodKey, period.key),
        eq(r.state, 'accepted'),
        inArray(r.unitCode, villages.length ? villages.map((v) => v.code) : ['']),
      ),
    );
  return {
    ...own,
    villages: {
      accepted: accepted.length,
      totals: sumFigures(
        accepted.flatMap((row): LedgerFigures[] => {
          const f = readFigures(row.figures);
          return f ? [f] : [];
        }),
      ),
      missing: cells
        .filter((c) => c.state === 'missing' || c.state === 'pending')
        .map((c) => ({ code: c.unitCode, name: name(c.unitCode) })),
      late: cells.filter((c) => c.state === 'late').map((c) => ({ code: c.unitCode, name: name(c.unitCode) })),
    },
  };
}
