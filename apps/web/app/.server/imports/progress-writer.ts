/**
 * Preview and commit progress written to the batch row in short transactions of its own, so a
 * poller (the upload page's progress bar) sees it while the preview is still running.
 * Throttled: at most one write per interval within a phase; writes are chained, never concurrent, and
 * a failed write is dropped (progress is a hint, the preview's outcome is not).
 */
import { and, eq } from 'drizzle-orm';
import { schema, withActor, type Actor, type Database } from '@tally/db';

export type ProgressPhase = 'parsing' | 'staging' | 'committing' | 'numbering' | 'done';

export interface ProgressWriter {
  report(phase: ProgressPhase, done: number, total: number | null): void;
  /** Wait for the writes already queued. */
  flush(): Promise<void>;
}

export function progressWriter(db: Database, actor: Actor, batchId: string, intervalMs = 200): ProgressWriter {
  let chain: Promise<void> = Promise.resolve();
  let lastAt = 0;
  let lastPhase: ProgressPhase | null = null;
  return {
    report(phase, done, total) {
      const now = Date.now();
      // A new phase is always written: the page (and the bench) must see the step change.
      if (now - lastAt < intervalMs && phase === lastPhase) return;
      lastAt = now;
      lastPhase = phase;
      chain = chain
        .then(() =>
          withActor(db, actor, async (tx) => {
            await tx
              .update(schema.importBatches)
              .set({ progressPhase: phase, progressDone: done, progressTotal: total })
              .where(and(eq(schema.importBatches.countyId, actor.countyId), eq(schema.importBatches.id, batchId)));
          }),
        )
        .catch(() => {});
    },
    flush: () => chain,
  };
}

/**
 * Data rows a CSV probably has: its line count minus the header. A quoted cell spanning
 * lines makes it an overestimate, so the bar is capped below 100% until the end. For
 * .xlsx the count is unknown without inflating the sheet: null (bar without a total).
 */
export function estimateCsvRows(bytes: Uint8Array, format: 'csv' | 'xlsx'): number | null {
  if (format === 'xlsx') return null;
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) lines++;
  return Math.max(0, lines - 1);
}
