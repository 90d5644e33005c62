import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema/index.ts';

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Transaction;

export interface DbHandle {
  db: Database;
  /** The underlying postgres.js client, for shutdown. */
  client: postgres.Sql;
  close(): Promise<void>;
}

/** A drizzle handle over a postgres.js pool. */
export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // timestamptz in, Date out; keep the server's UTC.
    connection: { TimeZone: 'UTC' },
  });
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}
