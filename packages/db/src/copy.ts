/**
 * COPY … FROM STDIN on a transaction's own connection (postgres.js `.writable()`), for
 * bulk loads that must share the transaction: the rows land, or roll back, with it.
 *
 * Postgres refuses COPY FROM into a table under row-level security for a role the
 * policies apply to, so the target is a temporary table of the transaction; rows reach a
 * tenant table from there by INSERT … SELECT, under its insert policy.
 *
 * The connection runs nothing else until the stream is finished or destroyed: write,
 * then `end()` and wait for 'finish', or `destroy(error)` to abort (CopyFail).
 */
import type { Writable } from 'node:stream';
import { PostgresJsSession } from 'drizzle-orm/postgres-js';
import type { Transaction } from './client.ts';

export async function copyIn(tx: Transaction, statement: string): Promise<Writable> {
  const session = tx._.session;
  if (!(session instanceof PostgresJsSession)) throw new Error('COPY needs the postgres.js driver');
  return session.client.unsafe(statement).writable();
}

/** One field of COPY's text format: \N for null, backslash, tab, newline and carriage return escaped. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  // Text columns cannot hold NUL; the import's checks refuse control characters before this.
  if (value.includes('\0')) throw new Error('NUL byte in a COPY field');
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
