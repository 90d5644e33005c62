import { PERIODIC_KINDS, type PeriodicKind } from '@tally/reporting';
import type { Actor } from '@tally/db';
import type { createCaller } from '../routers/root.ts';

type Caller = ReturnType<typeof createCaller>;

/**
 * What a unit has to do about reports in a year: its own cells of every kind it files, and the
 * filed reports of the units directly below it waiting for its review. Read through the matrix
 * procedure, so the same rules and the same RLS apply.
 */
export async function reportsOverview(caller: Caller, actor: Actor, year: number) {
  // Only the level directly below reviews to this unit: the county reviews townships, a township its villages.
  const level = actor.scope.length === 6 ? 'township' : actor.scope.length === 9 ? 'village' : undefined;
  const matrices = await Promise.all(
    PERIODIC_KINDS.map((kind) => caller.reports.matrix({ kind, year, ...(level ? { level } : {}) })),
  );
  const own = matrices.flatMap((m) =>
    m.own ? m.own.cells.map((cell) => ({ ...cell, kind: m.kind as PeriodicKind })) : [],
  );
  const toReview = level
    ? matrices.flatMap((m) =>
        m.rows.flatMap((row) =>
          row.cells
            .filter((cell) => cell.reportState === 'submitted')
            .map((cell) => ({ ...cell, unitName: row.unit.name })),
        ),
      )
    : [];
  return { own, toReview };
}
