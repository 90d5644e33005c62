/**
 * Staging a preview's rows with COPY (docs/decisions/0005-import-staging.md, amended).
 *
 * Postgres refuses COPY FROM into a table under row-level security for a role its
 * policies apply to, so the rows are streamed into a temporary table of the preview's
 * transaction (dropped at its end; temporary tables are the session's own, there is no
 * one else's row in them) and moved into `import_rows` by one INSERT … SELECT, which the
 * insert policy checks row by row as for any insert: same county, the actor's own unit.
 *
 * Rounds overlap parsing: the rows are COPYed ROUND_ROWS at a time and each round's COPY
 * and move into import_rows run on the connection while the next round is parsed, so Node
 * and Postgres work at once; memory holds at most one round's text besides the one moving.
 *
 * A register's values go as text in field order (`import_rows.cells`, cast to the columns
 * by the commit); a petition's as jsonb keyed by column (`import_rows.values`), which
 * petition-commit.ts reads by key.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { RegisterDef } from '@tally/imports';
import { copyField, copyIn, type Actor, type Transaction } from '@tally/db';
import type { StagedRow } from './staged-rows.ts';

export type StagedShape = 'cells' | 'values';

export interface Stager {
  /** Queue rows for the COPY; resolves once the connection can take more (a round at a time). */
  write(rows: readonly StagedRow[]): Promise<void>;
  /** End the COPY and move the rows into import_rows, under RLS. */
  finish(): Promise<void>;
  /** Abandon the COPY (CopyFail); the caller's transaction then rolls back. */
  abort(error: Error): Promise<void>;
}

const TEMP = 'import_stage';

/** The text of one row in COPY format: n, outcome, fingerprint, errors, values, then the cells. */
function line(def: RegisterDef, shape: StagedShape, row: StagedRow): string {
  const head = [
    String(row.rowNumber),
    row.outcome,
    copyField(row.fingerprint),
    copyField(row.errors ? JSON.stringify(row.errors) : null),
  ];
  if (shape === 'values') return `${[...head, copyField(row.values ? JSON.stringify(row.values) : null)].join('\t')}\n`;
  const values = row.values;
  const cells = def.fields.map((field) => {
    const value = values ? (values[field.column ?? field.key] ?? null) : null;
    return copyField(value === null ? null : String(value));
  });
  return `${[...head, '\\N', ...cells].join('\t')}\n`;
}

/** Rows per COPY round: the next round is parsed while Postgres moves this one into import_rows. */
const ROUND_ROWS = 10_000;

export async function openStager(
  tx: Transaction,
  actor: Actor,
  batchId: string,
  def: RegisterDef,
  shape: StagedShape,
): Promise<Stager> {
  const cellCount = shape === 'cells' ? def.fields.length : 0;
  const cellColumns = Array.from({ length: cellCount }, (_, i) => `c${i + 1}`);
  const columnList = `n, o, f, e, v${cellColumns.map((c) => `, ${c}`).join('')}`;
  await tx.execute(
    sql.raw(
      `create temporary table ${TEMP} (n int not null, o text not null, f text, e text, v text${cellColumns.map((c) => `, ${c} text`).join('')}) on commit drop`,
    ),
  );
  const cells =
    cellCount === 0
      ? sql`null::text[]`
      : sql.raw(`case when s.o = 'valid' then array[${cellColumns.map((c) => `s.${c}`).join(', ')}] end`);
  const move = async () => {
    await tx.execute(sql`insert into import_rows (county_id, batch_id, row_number, unit_code, outcome, values, cells, fingerprint, errors)
      select ${actor.countyId}, ${batchId}, s.n, ${actor.unitCode}, s.o, s.v::jsonb, ${cells}, s.f, s.e::jsonb
      from ${sql.raw(TEMP)} s`);
    await tx.execute(sql.raw(`truncate ${TEMP}`));
  };

  let buffer: string[] = [];
  let buffered = 0;
  /** The previous round's move into import_rows, running on the connection while the next round is parsed. */
  let moving: Promise<void> | null = null;
  let stream: Writable | null = null;

  /**
   * One round: wait for the previous round, start the COPY of the buffered rows and return; the
   * COPY and then the move run on the connection while the next round is parsed.
   */
  const round = async () => {
    if (moving) await moving;
    moving = null;
    if (buffered === 0) return;
    const text = buffer.join('');
    buffer = [];
    buffered = 0;
    const open = await copyIn(tx, `copy ${TEMP} (${columnList}) from stdin`);
    stream = open;
    open.end(text);
    const started = (async () => {
      await finished(open);
      if (stream === open) stream = null;
      await move();
    })();
    // Seen by the next round or by finish; never an unhandled rejection meanwhile.
    started.catch(() => {});
    moving = started;
  };

  return {
    async write(rows) {
      let text = '';
      for (const row of rows) text += line(def, shape, row);
      buffer.push(text);
      buffered += rows.length;
      if (buffered >= ROUND_ROWS) await round();
    },
    async finish() {
      await round();
      if (moving) await moving;
      moving = null;
    },
    async abort(error) {
      buffer = [];
      buffered = 0;
      const open: Writable | null = stream;
      if (open && !open.destroyed) {
        open.destroy(error);
        await finished(open).catch(() => {});
      }
      if (moving) await moving.catch(() => {});
    },
  };
}
